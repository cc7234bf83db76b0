"""Local development: `make run`. Never used on a server."""

import os

from .base import *
from .base import VAR_DIR, env_bool, env_list

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

# E-mails land as files in var/mail/ so nothing leaves the machine.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"

# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

DEMO_CONTENT_ALLOWED = True

# The demo logs in with a password only, so that `make run` needs no phone; on a
# server (production settings) every admin account confirms each log-in with a code.
SECOND_FACTOR_REQUIRED = env_bool("SECOND_FACTOR_REQUIRED", False)

# Templates change under a developer's hands: serve every page fresh.
PAGE_CACHE_SECONDS = 0
