"""A glossary edit reaches every process within 1 s even without a shared cache
(no REDIS_URL, as under `make run`, here with several gunicorn workers): each process
keeps the terms in its own memory, stamped with the terms' version in the database,
which it reads again at most once a second (hub/glossary/terms.py)."""

import time

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from hub.glossary.models import GlossaryTerm
from tests.server import (
    bodies_over_fresh_connections,
    gunicorn,
    production_env,
    served_database_url,
)

WORKERS = 3
READS = 4 * WORKERS  # over fresh connections: every worker answers some


def definitions(base, path):
    """The body of each of READS answers to GET `path`, one connection each."""
    return bodies_over_fresh_connections(base, path, READS)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_term_edited_reaches_every_process_within_a_second_without_redis():
    locale, _created = Locale.objects.get_or_create(language_code="en")
    term = GlossaryTerm.objects.create(
        term="Context", definition="What the project started from.", locale=locale
    )
    with translation.override("en"):
        path = reverse("glossary")
    env = production_env(
        served_database_url(),
        REDIS_URL="",
        ELASTICSEARCH_URL="",
        WEB_CONCURRENCY="1",  # hub.E001 would refuse several workers in production
    )
    with gunicorn(env, workers=WORKERS) as base:
        before = definitions(base, path)  # every worker keeps the terms
        assert all("What the project started from." in body for body in before)

        term.definition = "Where the project stood before it began."
        term.save()
        time.sleep(1)
        after = definitions(base, path)
        assert all("Where the project stood before it began." in b for b in after)

        term.delete()
        time.sleep(1)
        assert not any("Where the project stood" in b for b in definitions(base, path))


@pytest.mark.django_db
def test_terms_another_process_kept_before_the_commit_are_dropped_at_it(
    django_capture_on_commit_callbacks,
):
    """Between a term's save and its commit, another process may read the terms (the
    old ones: the change is not committed) and keep them; the commit drops them."""
    from django.core.cache import cache

    from hub.glossary import terms

    locale, _created = Locale.objects.get_or_create(language_code="en")
    term = GlossaryTerm.objects.create(
        term="Context", definition="What the project started from.", locale=locale
    )
    before = terms.all_entries()
    with django_capture_on_commit_callbacks(execute=True):
        term.definition = "Where the project stood before it began."
        term.save()
        # Kept as another process reading before the commit would keep them.
        cache.set(terms.CACHE_KEY, _kept_as_before(terms, before), 3600)
    assert [entry.definition for entry in terms.all_entries()] == [
        "Where the project stood before it began."
    ]


def _kept_as_before(terms, before):
    """What another process keeps, reading the committed (old) terms: the entries in a
    shared cache, (version, entries) in a process's own."""
    if terms._shared():
        return before
    return (terms._version() - 1, before)
