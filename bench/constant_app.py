"""The baseline: a one-view Django app that answers every request with the same bytes.

Run by the same gunicorn as the portal: `gunicorn bench.constant_app`. The body is
read from CONSTANT_BODY_FILE (the benchmark saves a real page there, so both answers
weigh the same); no middleware, no database, no templates.
"""

import os

import django
from django.conf import settings
from django.http import HttpResponse
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

with open(os.environ["CONSTANT_BODY_FILE"], "rb") as body_file:
    BODY = body_file.read()


def constant(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [re_path(r"", constant)]

from django.core.wsgi import get_wsgi_application  # noqa: E402  (after settings)

application = get_wsgi_application()
