"""Production: every secret and host comes from the environment.

Refuses to start when something essential is missing, rather than running with
an unsafe default.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .base import STORAGES, env_bool, env_list

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

_missing = [name for name, value in (("SECRET_KEY", SECRET_KEY), ("ALLOWED_HOSTS", ALLOWED_HOSTS)) if not value]
if _missing:
    raise ImproperlyConfigured(
        "portal.settings.production needs these environment variables: "
        + ", ".join(_missing)
        + ". Set SECRET_KEY to a long random string and ALLOWED_HOSTS to the site's "
        "host names separated by commas (for example: gops.example.pl,www.gops.example.pl)."
    )

DEBUG = False
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Only static files change: without base's "dbbackup" entry backups would land in MEDIA_ROOT.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# Every admin account confirms each log-in with a code from a phone app (portal/accounts).
SECOND_FACTOR_REQUIRED = True
