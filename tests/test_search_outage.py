"""An engine outage loses no change: a page published while the engine is down (or
hung) is remembered, publishing does not wait on the engine, and
`retry_search_index` sends the page once the engine is back."""

import time
from io import StringIO

import pytest
from django.core.management import call_command

from search.models import PendingReindex
from search.services import SearchQuery, search_pages
from tests.factories import add_page, build_sections, engine_backends
from tests.server import BlackHole
from tests.server import free_port as closed_port

pytestmark = pytest.mark.django_db


def retry():
    out = StringIO()
    call_command("retry_search_index", stdout=out)
    return out.getvalue()


def publish_guide(sections, title):
    from hub.practices.models import GoodPracticeGuidePage

    return add_page(
        sections["en"]["guides"],
        GoodPracticeGuidePage(title=title, slug=title.lower().replace(" ", "-")),
    )


@pytest.mark.parametrize("outage", ["refused", "hung"])
def test_pages_changed_during_an_outage_reach_the_engine_when_it_returns(
    settings, engine_index_prefix, outage
):
    sections = build_sections()
    hole = BlackHole() if outage == "hung" else None
    port = hole.port if hole else closed_port()
    try:
        down = engine_backends(engine_index_prefix, url=f"http://127.0.0.1:{port}")
        down["default"]["TIMEOUT"] = 1
        settings.WAGTAILSEARCH_BACKENDS = down
        started = time.monotonic()
        page = publish_guide(sections, "Orchard cooperative")
        # A hung engine costs the publication a few bounded timeouts, not 30 s.
        assert time.monotonic() - started < 15
        assert PendingReindex.objects.filter(page_id=page.pk).exists()
        assert "Indexed 0 page(s)" in retry()  # still down: nothing taken or lost
        assert PendingReindex.objects.filter(page_id=page.pk).exists()
    finally:
        if hole:
            hole.close()

    settings.WAGTAILSEARCH_BACKENDS = engine_backends(engine_index_prefix)
    assert "Indexed" in retry()
    assert not PendingReindex.objects.exists()
    from modelsearch.backends import get_search_backend

    get_search_backend("default").refresh_indexes()
    results = search_pages(SearchQuery.from_params({"q": ["orchard"]}, "en"))
    assert not results.engine_unavailable
    assert [hit.title for hit in results.hits] == ["Orchard cooperative"]
    assert retry() == ""  # nothing left to send


def test_without_an_outage_nothing_is_remembered(settings, engine_index_prefix):
    settings.WAGTAILSEARCH_BACKENDS = engine_backends(engine_index_prefix)
    sections = build_sections()
    publish_guide(sections, "Repair cafe")
    assert not PendingReindex.objects.exists()


def test_production_indexes_in_the_worker_not_in_the_editors_request():
    """With production settings and no TASKS_BACKEND, tasks (indexing included) go to
    the database queue that compose's worker runs: a publication never waits on the
    engine."""
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": "x" * 50,
    }
    env.pop("TASKS_BACKEND", None)
    code = "import django; django.setup(); from django.conf import settings; "
    code += "print(settings.TASKS['default']['BACKEND'])"
    backend = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True
    ).stdout.strip()
    assert backend == "django_tasks_db.DatabaseBackend"


def client_timeouts():
    """The read time-out errors of both engine clients."""
    from elastic_transport import ConnectionTimeout as ElasticTimeout
    from opensearchpy.exceptions import ConnectionTimeout as OpenSearchTimeout

    return (ElasticTimeout, OpenSearchTimeout)


def test_bulk_indexing_waits_for_the_engine_longer_than_a_single_save(
    settings, engine_index_prefix
):
    """A chunk of update_index (or of a background re-index) may take the engine
    more than TIMEOUT on a busy node: it waits BULK_TIMEOUT, a single save does not."""
    from modelsearch.backends import get_search_backend

    from search.tasks import index_pages

    sections = build_sections()
    page = publish_guide(sections, "Bulk orchard")
    hole = BlackHole()
    try:
        hung = engine_backends(engine_index_prefix, url=f"http://127.0.0.1:{hole.port}")
        hung["default"]["TIMEOUT"] = 0.5
        hung["default"]["BULK_TIMEOUT"] = 2.5
        settings.WAGTAILSEARCH_BACKENDS = hung
        backend = get_search_backend("default")
        started = time.monotonic()
        with pytest.raises(client_timeouts()):
            backend.add(page.specific)
        single = time.monotonic() - started
        started = time.monotonic()
        assert index_pages([page.pk]) is False  # logged, remembered, not raised
        bulk = time.monotonic() - started
    finally:
        hole.close()
    assert single < 2.5 <= bulk
    assert PendingReindex.objects.filter(page_id=page.pk).exists()
