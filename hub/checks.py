"""System checks of the deployment (registered by hub.site's AppConfig.ready).

hub.E001: several gunicorn workers need a cache that they share. The registration rate
limit and the list of restricted pages live in the cache; in process memory each worker
would keep its own copy (three workers: three times the registrations allowed, and a
new view restriction unseen by the other two until their copy expires).
"""

import os
import shlex

from django.conf import settings
from django.core.checks import Error, Tags, register

from hub.cache import is_shared


def gunicorn_workers(environ=None):
    """The worker count gunicorn will use: --workers/-w in GUNICORN_CMD_ARGS, else
    WEB_CONCURRENCY (the image sets 3), else gunicorn's default of 1. None when it
    cannot be read."""
    environ = os.environ if environ is None else environ
    try:
        args = shlex.split(environ.get("GUNICORN_CMD_ARGS", ""))
    except ValueError:
        args = []
    value = environ.get("WEB_CONCURRENCY") or "1"
    for index, arg in enumerate(args):
        if arg in ("-w", "--workers") and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--workers="):
            value = arg.partition("=")[2]
        elif arg.startswith("-w") and len(arg) > 2:
            value = arg[2:]
    try:
        return int(value)
    except ValueError:
        return None


@register(Tags.caches)
def shared_cache_for_several_workers(app_configs, **kwargs):
    """Production settings (DEBUG off) with more than one worker need a shared cache."""
    if settings.DEBUG:
        return []
    cache_settings = settings.CACHES.get("default", {})
    if is_shared(cache_settings):
        return []
    workers = gunicorn_workers()
    if workers is not None and workers <= 1:
        return []
    shown = "an unreadable number of" if workers is None else str(workers)
    return [
        Error(
            f"The cache ({cache_settings.get('BACKEND')}) is kept in each process, "
            f"but gunicorn will run {shown} workers (WEB_CONCURRENCY / "
            "GUNICORN_CMD_ARGS): each would keep its own registration rate limit and "
            "its own list of restricted pages.",
            hint=(
                "Set REDIS_URL=redis://host:6379/0 to a Redis that every worker "
                "reaches (compose.yaml runs one), or run one worker: "
                "WEB_CONCURRENCY=1."
            ),
            id="hub.E001",
        )
    ]
