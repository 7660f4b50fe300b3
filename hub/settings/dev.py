import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "true").lower() in {"1", "true", "yes", "on"}
# A development key only: production refuses to start without SECRET_KEY.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-change-me"
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)

# The demo content and its `load_demo_content` command (make run); not in production.
INSTALLED_APPS = [*INSTALLED_APPS, "hub.demo"]  # noqa: F405

# No page cache while templates change under you (HUB_PAGE_CACHE_SECONDS to try it).
HUB_PAGE_CACHE_SECONDS = int(os.environ.get("HUB_PAGE_CACHE_SECONDS", "0"))
HUB_FRAGMENT_CACHE_SECONDS = int(os.environ.get("HUB_FRAGMENT_CACHE_SECONDS", "0"))
