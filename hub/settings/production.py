import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

# X-Forwarded-Proto says whether the visitor came over HTTPS, but any client can send
# it: it is trusted only when BEHIND_PROXY=true, i.e. when every request reaches the app
# through a TLS-terminating reverse proxy that overwrites the header. Without it, the
# request's own scheme counts (gunicorn published directly: plain HTTP is redirected).
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)  # noqa: F405
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # WhiteNoise's compressed manifest storage, each URL kept (hub/staticfiles.py).
        "BACKEND": "hub.staticfiles.StaticFilesStorage"
    },
}

# CACHES: base.py (Redis when REDIS_URL is set); `manage.py check` refuses a per-process
# cache when gunicorn runs several workers (WEB_CONCURRENCY, hub/checks.py).

# Background tasks (search indexing, e-mails) run in the worker (`manage.py db_worker`,
# compose's `worker`), never in the request: publishing does not wait on a slow search
# engine, nor a registration on the mail server, and a failed task is kept. A set-up
# without a worker may set
# TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
    }
}
