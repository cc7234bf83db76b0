"""Who is on the other end of a request, for limits and lock-outs.

Behind a reverse proxy every request arrives from the proxy's address; the real
one is the last address the proxy appended to X-Forwarded-For. Only trust that
header when a proxy is really in front (TRUSTED_PROXY_COUNT), or anyone could
pick their own address by sending it.
"""

from django.conf import settings


def client_address(request):
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
