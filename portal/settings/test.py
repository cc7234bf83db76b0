"""The test suite: fast, isolated, no outside services."""

import os
from pathlib import Path

from .base import *
from .base import VAR_DIR

SECRET_KEY = "test-only-insecure-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "test-media"))

DEMO_CONTENT_ALLOWED = True

# The shared cache of the test process: its own folder, emptied before every test
# (conftest.py). The browser tests' server gets another one (home/tests/browser/conftest.py).
if not os.environ.get("REDIS_URL") and not os.environ.get("CACHE_DIR"):
    CACHES["default"]["LOCATION"] = str(VAR_DIR / "test-cache")
