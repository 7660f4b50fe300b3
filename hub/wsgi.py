import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.production")

application = get_wsgi_application()

# Everything loaded so far (Django, Wagtail, the apps, their models and the URLconf,
# which imports the views) lives as long as the process: frozen, the garbage
# collector's full collections no longer walk it on every pass. Under gunicorn's
# --preload this runs in the master before the workers fork, so they also keep those
# pages shared instead of copying them as a collection touches each object.
# Measured in one process serving the demo through this application (SQLite,
# production settings, 25 pages x 40 rounds, load average 5-9): about 187,000 objects
# frozen; a full collection 146-167 ms -> 30-34 ms of CPU, the longest pause a request
# can meet. They come more often (4 per 1,000 requests instead of 1), still fewer
# milliseconds in all (122-140 against 146-167); the younger generations' unchanged.
from django.urls import get_resolver  # noqa: E402

get_resolver().url_patterns  # noqa: B018 - imports every view before the freeze
gc.freeze()
