"""Public pages leave the server compressed, whatever proxy stands in front of it.

A resident on a slow phone connection fetches a page's HTML before anything else can
be drawn, so it is gzipped here rather than left to a proxy's configuration; nginx and
most proxies pass a response that already has Content-Encoding through untouched.
Static files are not touched: WhiteNoise serves their precompressed copies itself.

BREACH (guessing a secret in a compressed page from its size) needs a secret and text
an attacker chooses in the same response. Public pages hold no secret, and the request
form's CSRF token is masked anew for every response, as Django does, with Django's
random padding of the gzip header on top. The admin is left uncompressed: its pages
show requests' personal data next to text taken from the URL (search queries, filters).
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE_TYPES = ("text/", "application/xml", "application/json", "application/javascript")


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(settings.ADMIN_PREFIX):
            return response
        # Streaming responses are files (documents, media in development): mostly already compressed.
        if response.streaming or not response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)
