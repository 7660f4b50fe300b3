"""Site-wide values (the taxonomies' terms, the glossary, Wagtail's site root paths)
kept in each process for one page generation (hub.cache.generation_kept): read once
per generation instead of at every request, and never served once a change has drawn
a new generation, in any process."""

import os

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from wagtail.models import Locale
from wagtail.models.sites import (
    SITE_ROOT_PATHS_CACHE_KEY,
    SITE_ROOT_PATHS_CACHE_VERSION,
)

from hub.cache import generation_of_request, page_generation
from hub.glossary import terms as glossary_terms
from hub.glossary.models import GlossaryTerm
from hub.pages import taxonomies
from hub.pages.models import Theme
from hub.pages.serving import site_root_paths
from tests.factories import build_home, build_site, make_term
from tests.server import (
    bodies_over_fresh_connections,
    gunicorn,
    production_env,
    served_database_url,
)

# Committed changes (a generation is drawn when a change commits), as the suite's
# transactional tests do, with the serialized rollback.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def theme_names(language="en"):
    return sorted(term["names"][language] for term in taxonomies.all_terms()["theme"])


def test_terms_are_read_once_per_generation_and_again_at_the_next():
    make_term(Theme, "employment", "Employment", "Emploi")
    with generation_of_request("g1"):
        assert theme_names() == ["Employment"]
    # A change no signal reports (a queryset update): only a new generation shows it.
    Theme.objects.filter(slug="employment").update(name="Jobs")
    cache.delete(f"{taxonomies.CACHE_KEY}:g1")  # not read again: kept in the process
    with generation_of_request("g1"):
        assert theme_names() == ["Employment"]
    with generation_of_request("g2"):
        assert theme_names() == ["Jobs"]
        assert cache.get(f"{taxonomies.CACHE_KEY}:g2") is not None  # for the others

    # Inside a transaction, nothing kept is used: its own changes draw no generation
    # until it commits.
    with transaction.atomic(), generation_of_request("g2"):
        Theme.objects.filter(slug="employment").update(name="Work")
        taxonomies.forget_terms()
        assert theme_names() == ["Work"]
        transaction.set_rollback(True)
    # Outside a request with a generation: the shared cache's plain key, as ever.
    taxonomies.forget_terms()
    assert theme_names() == ["Jobs"]


def test_terms_stored_by_another_process_before_a_commit_are_not_read_after_it():
    """Between a term's save and its commit, another process may read the old rows and
    store them: under the generation it read, which the commit replaces."""
    theme, _french = make_term(Theme, "employment", "Employment", "Emploi")
    before = page_generation(cache)
    with generation_of_request(before):
        old_terms = taxonomies.all_terms()
    theme.name = "Jobs and skills"
    theme.save()  # commits at once: a new generation is drawn
    after = page_generation(cache)
    assert after != before
    # What a process reading just before the commit would have stored.
    cache.set(f"{taxonomies.CACHE_KEY}:{before}", old_terms, 60)
    cache.set(taxonomies.CACHE_KEY, old_terms, 60)
    with generation_of_request(after):
        assert theme_names() == ["Jobs and skills"]
        assert theme_names("fr") == ["Emploi"]


def test_glossary_entries_are_kept_per_generation_with_a_shared_cache(settings):
    if not glossary_terms._shared():
        pytest.skip("the glossary keeps its terms per generation with a shared cache")
    locale, _created = Locale.objects.get_or_create(language_code="en")
    term = GlossaryTerm.objects.create(
        term="Context", definition="What the project started from.", locale=locale
    )
    generation = page_generation(cache)
    with generation_of_request(generation):
        first = glossary_terms.all_entries()
        assert glossary_terms.all_entries() is first  # the same object: no round trip
    term.definition = "Where the project stood before it began."
    term.save()
    with generation_of_request(page_generation(cache)):
        assert [entry.definition for entry in glossary_terms.all_entries()] == [
            "Where the project stood before it began."
        ]


def root_urls():
    return sorted({path.root_url for path in site_root_paths(None)})


def test_site_root_paths_are_kept_per_generation_and_read_afresh_after_a_commit():
    from wagtail.models import Site

    build_home()
    generation = page_generation(cache)
    with generation_of_request(generation):
        assert root_urls() == ["http://localhost"]
        # A change no signal reports, and Wagtail's copy gone: still the kept paths.
        Site.objects.update(hostname="elsewhere.example")
        Site.clear_site_root_paths_cache()
        assert root_urls() == ["http://localhost"]

    # A site saved in a transaction: Wagtail drops its copy at the save, and a reader
    # before the commit stores the old paths back (as another process would).
    Site.objects.update(hostname="localhost")
    Site.clear_site_root_paths_cache()
    old_paths = Site.get_site_root_paths()
    with transaction.atomic():
        site = Site.objects.get()
        site.hostname = "hub.example.org"
        site.save()
        cache.set(
            SITE_ROOT_PATHS_CACHE_KEY,
            old_paths,
            3600,
            version=SITE_ROOT_PATHS_CACHE_VERSION,
        )
    assert page_generation(cache) != generation
    with generation_of_request(page_generation(cache)):
        assert root_urls() == ["http://hub.example.org"]


def test_a_term_renamed_reaches_every_process_at_the_next_request():
    """Three gunicorn workers, the test run's Redis, no page cache (each request
    renders, from the terms kept for the generation): the search filters' names of
    themes, and the glossary, show a change at once, whichever worker answers."""
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs REDIS_URL (make test starts a Redis; CI requires one)")
    build_site()
    search = "/en/search/?q=case+study"
    locale = Locale.objects.get(language_code="en")
    term = GlossaryTerm.objects.create(
        term="Context", definition="What the project started from.", locale=locale
    )
    with translation.override("en"):
        from django.urls import reverse

        glossary = reverse("glossary")
    env = production_env(
        served_database_url(), ELASTICSEARCH_URL="", HUB_PAGE_CACHE_SECONDS="0"
    )
    reads = 12
    with gunicorn(env, workers=3) as base:
        assert all(
            "Employment" in body
            for body in bodies_over_fresh_connections(base, search, reads)
        )
        assert all(
            "What the project started from." in body
            for body in bodies_over_fresh_connections(base, glossary, reads)
        )

        theme = Theme.objects.get(slug="employment", locale=locale)
        theme.name = "Jobs and skills"
        theme.save()
        term.definition = "Where the project stood before it began."
        term.save()

        # The search filters name the theme.
        for body in bodies_over_fresh_connections(base, search, reads):
            assert "Jobs and skills" in body
            assert "Employment" not in body
        for body in bodies_over_fresh_connections(base, glossary, reads):
            assert "Where the project stood before it began." in body
            assert "What the project started from." not in body
