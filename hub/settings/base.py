"""Settings shared by every environment; secrets and URLs come from the environment."""

import datetime
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "hub.pages",
    "hub.glossary",
    "hub.practices",
    "hub.events",
    "search",
    "hub.contact",
    "hub.site",
    # Before wagtail_localize: its page-edit hooks run after the editorial ones.
    "hub.editorial",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
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
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "hub.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "hub.middleware.PermissionsPolicyMiddleware",
    "hub.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the shared cache (hub.middleware explains what never is).
    "hub.middleware.PageCacheMiddleware",
    # The page generation, read before the page for its fragments (hub/fragments.py).
    "hub.fragments.FragmentGenerationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # French and British typography on every public HTML page, before the page cache.
    "hub.pages.typography.TypographyMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a locked-out login into the lockout page (see AXES_* below).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {"NAME": f"{_VALIDATORS}.MinimumLengthValidator"},
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

# Languages: English and French, every public URL under /en/ or /fr/.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# British English and French formats over Django's (hub/formats/__init__.py).
FORMAT_MODULE_PATH = ["hub.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Paris"

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "hub@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (Wagtail's search index updates and reference index run here).
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Cross-border social innovation hub"
# The address readers reach the hub at: the default Site's hostname and port follow it
# (hub/site/public_url.py), so every absolute link opens the hub.
PUBLIC_URL = os.environ.get("PUBLIC_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", PUBLIC_URL or "http://127.0.0.1:8000"
)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAIL_MODERATION_ENABLED = True
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Search (search/backends/__init__.py explains the design). With ELASTICSEARCH_URL the
# engine answers: Elasticsearch 8 in production (the default), or the OpenSearch 2 node
# that scripts/elasticsearch.sh runs for tests and development
# (ELASTICSEARCH_BACKEND=opensearch2). The database backend is always kept up to date as
# well: it answers when the engine is down or slow (SEARCH_ENGINE_TIMEOUT seconds).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_BACKEND = os.environ.get("ELASTICSEARCH_BACKEND", "elasticsearch8")
SEARCH_ENGINE_TIMEOUT = float(os.environ.get("SEARCH_ENGINE_TIMEOUT", "2"))
_DATABASE_SEARCH = {"BACKEND": "search.backends.database"}
if ELASTICSEARCH_URL:
    if ELASTICSEARCH_BACKEND not in {"elasticsearch8", "opensearch2"}:
        raise ImproperlyConfigured(
            "ELASTICSEARCH_BACKEND must be elasticsearch8 or opensearch2, "
            f"not {ELASTICSEARCH_BACKEND!r}."
        )
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"search.backends.{ELASTICSEARCH_BACKEND}",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "hub_"),
            "TIMEOUT": 10,
            "BULK_TIMEOUT": float(os.environ.get("SEARCH_INDEX_BULK_TIMEOUT", "10")),
            "ATOMIC_REBUILD": True,
        },
        "database": _DATABASE_SEARCH,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": _DATABASE_SEARCH}

# The cache holds what every worker must agree on: the registration rate limit and the
# restricted pages. Without REDIS_URL it is this process's memory, enough for one
# process (`make run`); production with several workers refuses that (hub/checks.py).
# CACHE_KEY_PREFIX names this site's keys in a Redis shared with others.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "hub.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "hub"),
            # A Redis that stops answering fails a request in seconds, not minutes.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }

# The shared page cache (hub.middleware.PageCacheMiddleware): anonymous pages for this
# many seconds at most (0: off), dropped at once by any change they may show
# (hub/site/cache_invalidation.py). A purging proxy in front (compose's `proxy`) is
# purged too when FRONTEND_CACHE_PURGE_URL names it (Wagtail's frontend_cache).
# Only with a shared cache (REDIS_URL): a per-process cache could not be dropped by a
# change made in another process (another worker, the scheduler publishing a page),
# so without Redis pages are not cached at all.
HUB_PAGE_CACHE = "default"
HUB_PAGE_CACHE_SECONDS = int(
    os.environ.get("HUB_PAGE_CACHE_SECONDS", "300" if REDIS_URL else "0")
)
# Parts of pages that are the same for every reader (hub/fragments.py), kept this many
# seconds at most in the same shared cache, dropped with the pages (0: off; only with
# REDIS_URL, for the same reason).
HUB_FRAGMENT_CACHE_SECONDS = int(
    os.environ.get("HUB_FRAGMENT_CACHE_SECONDS", "3600" if REDIS_URL else "0")
)
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Manage-link tokens never reach a log (hub/logs.py).
    "filters": {"redact_secrets": {"()": "hub.logs.RedactSecrets"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["redact_secrets"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        "opensearch": {"level": "WARNING"},
    },
}

# Registrations: personal data is anonymised this many days after an event.
HUB_REGISTRATION_RETENTION_DAYS = int(
    os.environ.get("HUB_REGISTRATION_RETENTION_DAYS", "30")
)
# Confirmed registrants get a reminder this many days before an event, unless the event
# sets its own number (0: no reminder); hub/events/services.py::send_reminders.
HUB_EVENT_REMINDER_DAYS = int(os.environ.get("HUB_EVENT_REMINDER_DAYS", "3"))
# Registrations allowed per client address, and per e-mail address, in a window of
# seconds, counted in the shared cache; hub/events/ratelimit.py explains the sizes (an
# office of 10 to 15 colleagues gets through). 0 for the client count turns the whole
# limit off; 0 for the e-mail count turns off that count only.
HUB_REGISTRATION_RATE_LIMIT = int(os.environ.get("HUB_REGISTRATION_RATE_LIMIT", "20"))
HUB_REGISTRATION_EMAIL_RATE_LIMIT = int(
    os.environ.get("HUB_REGISTRATION_EMAIL_RATE_LIMIT", "5")
)
HUB_REGISTRATION_RATE_WINDOW = int(
    os.environ.get("HUB_REGISTRATION_RATE_WINDOW", "600")
)
# Reverse proxies in front of the app that append to X-Forwarded-For (0: none, the
# client is REMOTE_ADDR). Only the addresses those proxies added are trusted.
HUB_TRUSTED_PROXY_COUNT = int(os.environ.get("HUB_TRUSTED_PROXY_COUNT", "0"))

# Headers. Content-Security-Policy (django-csp): the public site runs no inline script,
# event handler or style attribute, and loads everything from its own origin (JSON-LD
# blocks are data, which CSP does not block). hub/middleware.py swaps in the admin's
# policy under HUB_ADMIN_CSP_PREFIXES: Wagtail's admin needs inline scripts and styles,
# and frames its own previews.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
HUB_ADMIN_CSP_PREFIXES = ("/admin/",)
HUB_ADMIN_CSP_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    # Wagtail tells superusers about new releases from the browser.
    "connect-src": [SELF, "https://releases.wagtail.org"],
    "frame-src": [SELF],
    "worker-src": [SELF, "blob:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [SELF],
    "form-action": [SELF],
}
# Browser features no page of the hub uses, denied to it and to anything it frames.
HUB_PERMISSIONS_POLICY = (
    "accelerometer=(), ambient-light-sensor=(), autoplay=(), browsing-topics=(), "
    "camera=(), display-capture=(), encrypted-media=(), geolocation=(), "
    "gyroscope=(), hid=(), idle-detection=(), magnetometer=(), microphone=(), "
    "midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), "
    "serial=(), usb=(), xr-spatial-tracking=()"
)
# Avatars are initials, not images from gravatar.com (no request leaves the site).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Logins (django-axes): the admin's and the front-end login of login-restricted pages
# lock a username from one address after AXES_FAILURE_LIMIT failures, for
# AXES_COOLOFF_TIME; a success resets the count. The address is the one the
# registration rate limit sees (HUB_TRUSTED_PROXY_COUNT), not a forgeable header.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "hub.middleware.login_client_address"
AXES_LOCKOUT_CALLABLE = "hub.middleware.login_locked_out"
# No row per successful login (the access log would be personal data kept for ever).
AXES_DISABLE_ACCESS_LOG = True
