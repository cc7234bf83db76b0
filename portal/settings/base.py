"""Settings shared by every environment.

Everything that differs between a laptop and a server is read from the
environment, so the same code runs in both (see README, "Configuration").
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Runtime files (SQLite database, e-mails written in development) stay out of git.
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "home",
    "intake",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    # Translation of pages, snippets and the centre's texts, segment by segment, with
    # what is out of date and PO files for an outside translator (README, "Languages").
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "dbbackup",
    "django_tasks",
    "django_tasks_db",
    "django_recaptcha",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "portal.accounts",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "django.forms",
]

MIDDLEWARE = [
    # Public HTML leaves compressed (portal/compression.py). Above the page cache, which keeps
    # pages uncompressed for every client whatever its Accept-Encoding.
    "portal.compression.PublicGZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Public pages from the shared cache (home/page_cache.py), under the HTTPS redirect above,
    # before sessions, views and templates. A page is kept with the headers the two below
    # gave it (the same for every public page), so a page from the cache does not build
    # its policies again.
    "home.page_cache.PageCacheMiddleware",
    "portal.csp.PortalCSPMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    # Early, so an oversized body is refused before anything below reads it.
    "portal.middleware.RequestLimitsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.accounts.middleware.RequireSecondFactorMiddleware",
    # Once the user is known, and before anything reads the body (CSRF's check does).
    "portal.middleware.StaffBodyLimitMiddleware",
    "portal.middleware.StaffIdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Below CommonMiddleware, which sets Content-Length from what this leaves.
    "portal.middleware.SpreadsheetFormulaMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it answers a locked-out log-in attempt.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
# Where portal/urls.py mounts Wagtail's admin; the middleware that treats the admin apart reads it.
ADMIN_PREFIX = "/admin/"
# Widgets render through the project's template settings, so templates/ can override one
# (django-recaptcha's inline script, for the Content Security Policy).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.page_frame",
            ],
        },
    },
]

# SQLite by default so that `make run` needs nothing installed; WAL lets readers
# work while a request is being saved, and IMMEDIATE transactions take the write
# lock up front instead of failing half-way with "database is locked".
DEFAULT_SQLITE_URL = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", DEFAULT_SQLITE_URL),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        # A kept-open connection may have died with a database restart: test it before a
        # request uses it, so the first visitor after the restart gets a page, not an error.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # The wait for a write lock is "timeout" (seconds); a busy_timeout PRAGMA here would cut it.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# How many reverse proxies (nginx, a load balancer) stand in front of the app and
# append to X-Forwarded-For: 0 when gunicorn faces the internet (portal/clients.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Sessions: an applicant's answers are kept for up to two hours; staff are logged out
# after 30 minutes without activity (portal.middleware.StaffIdleTimeoutMiddleware).
SESSION_COOKIE_AGE = 2 * 60 * 60
# Django's database sessions, except that a lost database gives a 503, not a 400.
SESSION_ENGINE = "portal.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
STAFF_SESSION_IDLE_SECONDS = 30 * 60
X_FRAME_OPTIONS = "DENY"

# Public pages for visitors without a session, kept in the shared cache (home/page_cache.py)
# for this many seconds at most; every change purges what it affects at once (home/purges.py),
# so the limit only bounds a page whose purge could not reach the shared cache. 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "900"))
PAGE_CACHE_EXCLUDED_PREFIXES = [ADMIN_PREFIX, "/documents/", "/szukaj/", "/wyjdz/", "/static/", "/media/"]
# Every cache of public pages, purged through Wagtail's frontend cache (home/purges.py): the
# shared cache, and behind the nginx of deploy/nginx/, which keeps public pages too, each
# nginx's purge address (PORTAL_NGINX_PURGE_URL, e.g. http://127.0.0.1:8081; comma-separated
# for several).
WAGTAILFRONTENDCACHE = {"pages": {"BACKEND": "home.page_cache.SharedCacheBackend"}}
for _number, _location in enumerate(env_list("PORTAL_NGINX_PURGE_URL")):
    WAGTAILFRONTENDCACHE[f"nginx{_number}"] = {
        "BACKEND": "home.frontend_cache.NginxPurgeBackend",
        "LOCATION": _location,
    }
# Addresses carry their language (/uk/, /en/) already: no copy per language to purge.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Wagtail's admin reads the CSRF token from the page, never from the cookie.
CSRF_COOKIE_HTTPONLY = True

# Content Security Policy (django-csp; see portal/csp.py for the admin's widget scripts).
# Everything comes from this site: no inline code, no eval, no outside hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # 'report-sample' only adds the first characters of a blocked snippet to reports.
        "script-src": [SELF, "'report-sample'"],
        "style-src": [SELF, "'report-sample'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [SELF],
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Staff avatars would otherwise be fetched from gravatar.com, telling it who works here.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Log-in: django-axes locks an account for a while after repeated wrong passwords.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Within AXES_COOLOFF_TIME: AXES_FAILURE_LIMIT wrong passwords for one account lock the
# account; LOGIN_FAILURE_LIMIT_PER_ADDRESS from one address, for any accounts, lock the
# address (the real one behind a proxy: portal/clients.py). Higher, because a centre's
# staff often share one public address, yet low enough that trying four passwords on
# every account is stopped after a few accounts. A correct password clears only that
# account's failures from that address (portal/accounts/lockout.py).
AXES_FAILURE_LIMIT = 5
LOGIN_FAILURE_LIMIT_PER_ADDRESS = 20
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "portal.clients.client_address"
# The counts live in axes' database table, so every app server agrees on them.
AXES_HANDLER = "portal.accounts.lockout.LockoutHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.accounts.lockout.locked_out_response"
# Logs name the account by a keyed hash only; no names, addresses or browsers.
AXES_CLIENT_STR_CALLABLE = "portal.accounts.lockout.client_str"
AXES_DISABLE_ACCESS_LOG = True

# Second factor (django-otp): everyone who can use the admin, where the requests are,
# confirms each log-in with a code from a phone app (portal/accounts).
SECOND_FACTOR_REQUIRED = True
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Portal GOPS")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Polish is the authoritative version and has no URL prefix;
# Ukrainian and English versions of pages are made through Wagtail's localisation.
LANGUAGE_CODE = "pl"
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True
LANGUAGES = [
    ("pl", "Polski"),
    ("uk", "Українська"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("pl", "Polski"), ("en", "English"), ("uk", "Українська")]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# Backups (django-dbbackup: `manage.py dbbackup`, `mediabackup`; README, "Backups").
# They hold everything families told the centre: never under MEDIA_ROOT, which the web
# server hands to anyone, and readable by the portal's own user only.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", VAR_DIR / "backups"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "dbbackup": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": BACKUP_DIR, "file_permissions_mode": 0o600, "directory_permissions_mode": 0o700},
    },
}
# A restore that copied the file would let a leftover WAL undo it (portal/backup.py).
DBBACKUP_CONNECTOR_MAPPING = {"django.db.backends.sqlite3": "portal.backup.SqliteBackupConnector"}
# `--clean` keeps this many backups of each kind: with one a day, a request anonymised
# by `purge_closed_requests` is gone from the backups this many days later too.
DBBACKUP_CLEANUP_KEEP = int(os.environ.get("BACKUP_KEEP", "30"))
DBBACKUP_CLEANUP_KEEP_MEDIA = DBBACKUP_CLEANUP_KEEP
# `--encrypt` encrypts to this GnuPG key. The server needs only its public half, so a
# stolen server or backup disk does not give the backups away. The portal's keyring holds
# just the key the administrator imported for this, so it is trusted as it is.
DBBACKUP_GPG_RECIPIENT = os.environ.get("BACKUP_GPG_RECIPIENT") or None
DBBACKUP_GPG_ALWAYS_TRUST = True

# Request bodies (portal/middleware.py; deploy/nginx/portal-locations.conf sets the same
# figures). Everyone gets PUBLIC_MAX_BODY_SIZE, the admin's log-in page included: the
# longest answer of the form (5000 characters) is at most about 45 KB once a browser
# encodes it. Signed-in staff get STAFF_MAX_BODY_SIZE for the admin's forms: Django
# holds the non-file data of any body to DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) anyway,
# and the page editor's thousands of fields (up to DATA_UPLOAD_MAX_NUMBER_FIELDS) add
# about 100 bytes of multipart headers each, so a form without a file never needs more.
# Only uploads of documents and images, by those who may upload them, get more (below).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
PUBLIC_MAX_BODY_SIZE = 64 * 1024
PUBLIC_MAX_NUMBER_FIELDS = 200
STAFF_MAX_BODY_SIZE = 5 * 1024 * 1024

# E-mail: SMTP when configured; development overrides this with files.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The shared cache (portal/cache.py): what every process and every app server must agree
# on (whole public pages and their version, the request form's limits). Redis on servers
# (REDIS_URL, e.g. redis://127.0.0.1:6379/0); without it, files in CACHE_DIR, which every
# process of one machine shares and which needs no service: `make run`, the tests, and a
# single-machine deployment. Never local memory: each process would keep its own.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "portal")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            # Redis on the local network answers in well under a millisecond: a call that
            # waits longer than this finds it away, and the page is served without it.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")),
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Wagtail
WAGTAIL_SITE_NAME = "GOPS – portal dla rodzin"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
    }
}
# Documents editors may upload: office documents, and video with WebVTT captions
# for the Polish Sign Language page.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "rtf", "txt", "xlsx", "ods", "csv", "mp4", "webm", "vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The bodies the upload views of Wagtail accept: a file at its limit plus the form around it.
DOCUMENT_UPLOAD_MAX_BODY_SIZE = WAGTAILDOCS_MAX_UPLOAD_SIZE + 1024 * 1024
IMAGE_UPLOAD_MAX_BODY_SIZE = WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp", "jpg": "webp", "webp": "webp"}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# The demo content command creates known passwords: never on a real server.
DEMO_CONTENT_ALLOWED = False

# Background tasks (e-mails). Immediate by default; production uses the database
# backend and its worker (`manage.py db_worker`).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}

# The request form (intake).
INTAKE_QUICK_EXIT_URL = os.environ.get("INTAKE_QUICK_EXIT_URL", "https://www.meteo.pl/")
# A person needs more than this to go through the steps; bots do not.
INTAKE_MIN_FILL_SECONDS = int(os.environ.get("INTAKE_MIN_FILL_SECONDS", "10"))
INTAKE_RATE_LIMIT_PER_ADDRESS = (int(os.environ.get("INTAKE_RATE_LIMIT_PER_ADDRESS", "5")), 3600)
INTAKE_RATE_LIMIT_PER_EMAIL = (int(os.environ.get("INTAKE_RATE_LIMIT_PER_EMAIL", "3")), 86400)
# Closed requests are anonymised this many days after closing (`purge_closed_requests`).
# Set it from the centre's file classification (JRWA); the law gives no single number.
INTAKE_RETENTION_DAYS = int(os.environ.get("INTAKE_RETENTION_DAYS", str(5 * 365)))
# Pending e-mails are retried this many times before they are marked as failed.
INTAKE_NOTIFICATION_MAX_ATTEMPTS = 20
# An e-mail claimed longer ago than this belongs to a sender that died mid-send, and is
# sent again. Keep it well above EMAIL_TIMEOUT, or a slow but living sender's e-mail goes twice.
INTAKE_NOTIFICATION_CLAIM_TIMEOUT_SECONDS = int(os.environ.get("INTAKE_NOTIFICATION_CLAIM_TIMEOUT_SECONDS", "600"))

# reCAPTCHA is off unless both keys are set: it sends the visitor's data to Google,
# and the information clause then says so.
RECAPTCHA_PUBLIC_KEY = os.environ.get("RECAPTCHA_PUBLIC_KEY", "")
RECAPTCHA_PRIVATE_KEY = os.environ.get("RECAPTCHA_PRIVATE_KEY", "")
INTAKE_RECAPTCHA_ENABLED = bool(RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY)
if INTAKE_RECAPTCHA_ENABLED:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"] += [
        "https://www.google.com/recaptcha/",
        "https://www.gstatic.com/recaptcha/",
    ]
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"] += [
        "https://www.google.com/recaptcha/",
        "https://recaptcha.google.com/recaptcha/",
    ]
# django-recaptcha warns about its test keys; they are never used while the keys are unset.
SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # The backup commands print their progress themselves; through root it would show twice.
    "loggers": {"dbbackup": {"propagate": False}},
}
