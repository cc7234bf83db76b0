"""The baseline: a one-view Django app that answers each address with the same bytes every time.

Run by the same gunicorn as the portal: `gunicorn bench.constant_app`. The bodies are
read once from CONSTANT_BODY_DIR, which mirrors the addresses (`/aktualnosci/` is
`aktualnosci/index.html`): the benchmark saves the portal's real pages there, so each
answer weighs the same as the page it is compared with. No middleware, no database,
no templates.
"""

import os
from pathlib import Path

import django
from django.conf import settings
from django.http import HttpResponse, HttpResponseNotFound
from django.urls import re_path

settings.configure(
    DEBUG=False,
    SECRET_KEY="constant-baseline",
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
)
django.setup()

ROOT = Path(os.environ["CONSTANT_BODY_DIR"])
BODIES = {
    "/" + str(path.parent.relative_to(ROOT)).strip(".") + "/": path.read_bytes() for path in ROOT.rglob("index.html")
}
BODIES = {address.replace("//", "/"): body for address, body in BODIES.items()}


def constant(request):
    body = BODIES.get(request.path)
    if body is None:
        return HttpResponseNotFound()
    return HttpResponse(body, content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"", constant)]

from django.core.wsgi import get_wsgi_application  # noqa: E402  (after settings)

application = get_wsgi_application()
