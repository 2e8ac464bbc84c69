"""Settings shared by every environment. Configuration comes from environment variables."""

import importlib
import importlib.util
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("ORTSDIALOG_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty strings."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def database_from_env():
    """The database from DATABASE_URL; an embedded SQLite file in var/ by default."""
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
    database = dj_database_url.parse(url, conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", 0)))
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    elif database["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must point at SQLite or PostgreSQL.")
    return database


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "places",
    "rounds",
    "search",
    "notifications",
    "portal",  # the project's own commands (seed_demo) and the page cache's signals
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",  # purges a CDN or Varnish, if WAGTAILFRONTENDCACHE names one
    "wagtail.contrib.search_promotions",
    "wagtail_modeladmin",
    "wagtail.embeds",
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
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "axes",  # throttles staff sign-in (portal/login_throttle.py)
    "django_otp",  # two-factor staff sign-in (portal/two_factor/)
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    # First: the load balancer's probe (/halsa/) skips HTTPS redirects and host checks.
    "portal.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # A cached page skips all that follows; it is stored compressed, and answers a conditional
    # GET itself.
    "portal.page_cache.AnonymousPageCacheMiddleware",
    # Pages and the static files whitenoise has not compressed already (see docs/operations.md
    # on BREACH): outside all but the above, so it compresses what every other middleware wrote.
    "django.middleware.gzip.GZipMiddleware",
    # ETag and 304 for every page, feed and calendar: inside the compression, whose random
    # padding would give each response another ETag.
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # has this session given its code?
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.two_factor.middleware.TwoFactorMiddleware",  # no admin page before the code
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: replaces a refused sign-in with the lockout page
    "portal.body_limit.PublicBodyLimitMiddleware",  # 413 before any body is read
]

ROOT_URLCONF = "portal.urls"
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
# The CSRF cookie (csrftoken) is set only by a page with a form that sends something, and
# renewed by each such page; it lasts a day, as long as the proposal form's review step keeps
# what was typed (rounds/drafts.py), not Django's year. The privacy notice says the same.
CSRF_COOKIE_AGE = 24 * 60 * 60
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
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
            ],
        },
    },
]

DATABASES = {"default": database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Axes first: it refuses a locked account or client before any password is checked.
AUTHENTICATION_BACKENDS = [
    "portal.login_throttle.LoginThrottleBackend",  # django-axes
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
# Dates as Swedish staff type them: "20/4 2027 17.30" (portal/formats/sv/formats.py).
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))


def media_storages_from_env():
    """Where uploads go: folders on this machine, or with MEDIA_STORAGE=s3 two buckets of an
    S3-compatible object store (django-storages): MEDIA_BUCKET for images anyone may see,
    PRIVATE_MEDIA_BUCKET for residents' photos, which the app streams after checking access and
    never links to. Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
    """
    kind = os.environ.get("MEDIA_STORAGE", "filesystem")
    if kind == "filesystem":
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            # Residents' photos: never served by the web server, only through checking views.
            "private": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
            },
        }
    if kind != "s3":
        raise ImproperlyConfigured("MEDIA_STORAGE must be filesystem or s3.")
    public, private = os.environ.get("MEDIA_BUCKET"), os.environ.get("PRIVATE_MEDIA_BUCKET")
    if not public or not private or public == private:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE=s3 needs MEDIA_BUCKET and PRIVATE_MEDIA_BUCKET, two different buckets."
        )
    if not all(importlib.util.find_spec(name) for name in ("storages", "boto3")):
        raise ImproperlyConfigured(
            "MEDIA_STORAGE=s3 needs django-storages with boto3: "
            "pip install 'django-storages[s3]>=1.14,<2' (docs/operations.md)."
        )
    common = {
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION") or None,
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": public,
                "custom_domain": os.environ.get("MEDIA_CUSTOM_DOMAIN") or None,
                "querystring_auth": False,  # plain URLs a CDN can keep; the bucket is readable
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": private,
                "default_acl": "private",
                "custom_domain": False,
                "querystring_auth": True,  # any URL made by mistake expires (an hour)
            },
        },
    }


STORAGES = {
    **media_storages_from_env(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


def cache_from_env():
    """Redis at REDIS_URL, shared by every app process (rate limits, page caches); without it
    memory local to each process, which `check --deploy` warns about (home.checks).

    Short socket timeouts: a Redis that stopped answering costs a request seconds, not minutes.
    A missing client library fails here, at start-up, rather than on every request.
    """
    url = os.environ.get("REDIS_URL")
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    try:
        importlib.import_module("redis")
    except ImportError as error:
        raise ImproperlyConfigured(
            "REDIS_URL is set but the Redis client is not installed: "
            "pip install -c requirements.lock ."
        ) from error
    return {
        "BACKEND": "portal.web.redis_cache.RedisCache",  # Django's, reusing its Redis clients
        "LOCATION": url,
        "KEY_PREFIX": "ortsdialog",
        "OPTIONS": {
            "socket_connect_timeout": 2,
            "socket_timeout": 2,
            "health_check_interval": 30,
        },
    }


CACHES = {"default": cache_from_env()}

# Anonymous pages from the cache (portal/page_cache.py, docs/operations.md): at most this many
# seconds in our cache and a CDN's, never past local midnight; 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_KEY_PREFIX = "pages"


def frontend_cache_from_env():
    """The caches in front of the site that Wagtail purges on every change (docs/operations.md):
    Varnish or another HTTP cache that takes PURGE requests, and/or Cloudflare."""
    backends = {}
    if purge_url := os.environ.get("FRONTEND_CACHE_PURGE_URL"):
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_url,
        }
    if zone := os.environ.get("CLOUDFLARE_ZONE_ID"):
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
            "ZONEID": zone,
        }
    return backends


WAGTAILFRONTENDCACHE = frontend_cache_from_env()

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# Seconds an SMTP connection may wait for the server: a server that never answers otherwise
# holds the worker, and every task behind the email, for good. The email is retried later.
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", 20))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Ortsdialog <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Background tasks (django-tasks): emails go through them. Production runs a database-backed
# worker (`manage.py db_worker`, `make worker`); development and tests run tasks immediately.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Content-Security-Policy (django-csp, portal/middleware.py): only our own origin, no inline
# script or style. The review step shows the resident's photo as a data: URL. The admin gets
# its own policy for the directives it names. How to extend it: docs/operations.md.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail 7.4's admin starts its widgets with inline scripts (choosers, date pickers, inline
# panels), its image cropper uses inline event handlers and its editor injects <style>
# elements; its preview panel shows the page in a frame of the admin.
CONTENT_SECURITY_POLICY_ADMIN = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "frame-ancestors": [SELF],
}
# Browser features no page uses, denied to every origin (an empty list).
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
    ]
}

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Ortsdialog")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_IMAGE_MODEL = "home.PortalImage"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "csv", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests, in the admin neither
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        # Wagtail's database backend (search/backend.py): Swedish stemming on PostgreSQL;
        # SQLite uses FTS5 and the query stemming in search/query.py.
        "SEARCH_CONFIG": "swedish",
    }
}

# Proposals from residents (rounds app)
# Rate limits are counted in the shared cache (portal.web.ratelimits), per client address with
# ceilings a full village hall on one Wi-Fi never reaches, and per recipient of an email.
PROPOSALS_PER_CLIENT_HOUR = int(os.environ.get("PROPOSALS_PER_CLIENT_HOUR", 60))
PROPOSALS_UPLOADS_PER_CLIENT_HOUR = int(os.environ.get("PROPOSALS_UPLOADS_PER_CLIENT_HOUR", 120))
PROPOSALS_RECEIPTS_PER_ADDRESS_DAY = int(os.environ.get("PROPOSALS_RECEIPTS_PER_ADDRESS_DAY", 10))
# The header a reverse proxy OVERWRITES with the client's address, e.g. HTTP_X_REAL_IP (README).
PROPOSALS_CLIENT_IP_HEADER = os.environ.get("PROPOSALS_CLIENT_IP_HEADER", "")
PROPOSALS_MIN_FILL_SECONDS = int(os.environ.get("PROPOSALS_MIN_FILL_SECONDS", 5))
PROPOSALS_PHOTO_MAX_BYTES = int(os.environ.get("PROPOSALS_PHOTO_MAX_BYTES", 10 * 1024 * 1024))
# "Stämmer det?": weeks after "Genomfört"/"Åtgärdas" before residents are asked; days a link works.
PROPOSALS_VERIFY_AFTER_WEEKS = int(os.environ.get("PROPOSALS_VERIFY_AFTER_WEEKS", 4))
PROPOSALS_VERIFY_LINK_DAYS = int(os.environ.get("PROPOSALS_VERIFY_LINK_DAYS", 90))
# Following a village by email (notifications app).
FOLLOW_PER_CLIENT_HOUR = int(os.environ.get("FOLLOW_PER_CLIENT_HOUR", 60))
FOLLOW_CONFIRMATIONS_PER_ADDRESS_DAY = int(
    os.environ.get("FOLLOW_CONFIRMATIONS_PER_ADDRESS_DAY", 3)
)
FOLLOW_CONFIRMATIONS_PER_HOUR = int(os.environ.get("FOLLOW_CONFIRMATIONS_PER_HOUR", 200))

# Staff sign-in (django-axes, portal/login_throttle.py): wrong passwords per account from any
# client, and per client for any accounts, counted in the database by every process; then
# refused, even with the right password, until LOGIN_COOLOFF_MINUTES after the last failure.
LOGIN_FAILURES_PER_ACCOUNT = int(os.environ.get("LOGIN_FAILURES_PER_ACCOUNT", 10))
LOGIN_FAILURES_PER_CLIENT = int(os.environ.get("LOGIN_FAILURES_PER_CLIENT", 30))
AXES_HANDLER = "portal.login_throttle.LoginThrottle"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = LOGIN_FAILURES_PER_ACCOUNT  # the scale; each parameter has its own limit
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", 15)))
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_CLIENT_IP_CALLABLE = "portal.login_throttle.client_ip"  # PROPOSALS_CLIENT_IP_HEADER
AXES_LOCKOUT_CALLABLE = "portal.login_throttle.lockout_response"
# Staff password reset (portal/password_reset.py): emails per address, requests per client.
PASSWORD_RESET_PER_ADDRESS_HOUR = int(os.environ.get("PASSWORD_RESET_PER_ADDRESS_HOUR", 3))
PASSWORD_RESET_PER_CLIENT_HOUR = int(os.environ.get("PASSWORD_RESET_PER_CLIENT_HOUR", 10))

# Two-factor staff sign-in (portal/two_factor/): a code from an authenticator app after the
# password. Required for superusers and staff who can see personal data or edit users, unless
# TWO_FACTOR_REQUIRED is off (development only; `check --deploy` warns). Whoever has set up a
# device is asked for its code either way. A wrong code counts as a failed sign-in (axes).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
