import os
import uuid

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
# The demo content: its builder and data files are tested.
INSTALLED_APPS = [*INSTALLED_APPS, "hub.demo"]  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
PUBLIC_URL = ""  # tests give the site the address they serve it at
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The database search backend unless a search test sets up the engine with its own
# index names (tests/factories/search.py): no other test writes into the search node.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

# With REDIS_URL (always under CI; `make test` starts one) the cache is that Redis, as
# in production. Each test run and each pytest-xdist worker has a key prefix of its
# own, and hub.cache.RedisCache.clear() deletes only those keys: two runs sharing the
# Redis cannot clear or count each other's keys. tests/conftest.py hands the prefix to
# the servers that tests start (CACHE_KEY_PREFIX), so those share this run's keys.
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = "test-{}-{}".format(  # noqa: F405
        uuid.uuid4().hex[:12], os.environ.get("PYTEST_XDIST_WORKER", "main")
    )

# The page cache is off in-process (tests change pages without always publishing);
# tests/test_page_cache.py turns it on in the servers it starts.
HUB_PAGE_CACHE_SECONDS = 0
# Fragments too (tests/test_fragment_cache.py turns them on).
HUB_FRAGMENT_CACHE_SECONDS = 0
