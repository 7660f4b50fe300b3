"""Background tasks that keep the search index fresh beyond Wagtail's own saves."""

import logging
from collections import defaultdict

from django_tasks import task
from modelsearch.backends import get_search_backends_with_name
from wagtail.models import Page

logger = logging.getLogger(__name__)

BATCH_SIZE = 200


@task()
def reindex_pages(page_ids):
    """Index these pages again, as they are now, in every auto-updated backend."""
    index_pages(page_ids)


def index_pages(page_ids):
    """Index these pages in every auto-updated backend; True if every backend took
    them. A backend that fails is logged (the engine backends also remember the pages,
    for `retry_search_index`)."""
    pages = Page.objects.filter(pk__in=page_ids).specific(defer=False)
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    indexed = True
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        for model, batch in by_model.items():
            try:
                backend.add_bulk(model, batch)
            except Exception:
                # As Wagtail does: an engine outage must not break the editor's save.
                logger.exception("Could not re-index %d pages in %r", len(batch), name)
                indexed = False
                if not backend.catch_indexing_errors:
                    raise
    return indexed


def enqueue_reindex(page_ids):
    page_ids = sorted(set(page_ids))
    for start in range(0, len(page_ids), BATCH_SIZE):
        reindex_pages.enqueue(page_ids[start : start + BATCH_SIZE])
