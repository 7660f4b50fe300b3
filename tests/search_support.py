"""Fixtures and builders shared by the search tests.

`search_backend` runs a test once on the database backend (the default database:
PostgreSQL in `make test`) and once on the real search engine given by ELASTICSEARCH_URL
(the OpenSearch node that `make test` starts, with ELASTICSEARCH_BACKEND=opensearch2, or
an Elasticsearch 8 server), each test in its own throw-away indexes. Without
ELASTICSEARCH_URL the engine run is skipped, except under CI=true where it fails.
"""

import datetime
import os
import uuid
from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from modelsearch.backends import get_search_backend

ENGINE_MISSING = (
    "The search engine tests need a real node: run `make test` (it starts a local "
    "OpenSearch node with scripts/elasticsearch.sh), or set "
    "ELASTICSEARCH_URL=http://host:port for an Elasticsearch 8 server (with "
    "ELASTICSEARCH_BACKEND=opensearch2 for an OpenSearch 2 node)."
)


def engine_url():
    url = os.environ.get("ELASTICSEARCH_URL", "")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(ENGINE_MISSING, pytrace=False)
        pytest.skip(ENGINE_MISSING)
    return url


def engine_backends(prefix, url=None, timeout=10):
    """WAGTAILSEARCH_BACKENDS for the engine (and the database beside it)."""
    kind = os.environ.get("ELASTICSEARCH_BACKEND", "elasticsearch8")
    return {
        "default": {
            "BACKEND": f"search.backends.{kind}",
            "URLS": [url or engine_url()],
            "INDEX_PREFIX": prefix,
            "TIMEOUT": timeout,
            "ATOMIC_REBUILD": True,
        },
        "database": {"BACKEND": "search.backends.database"},
    }


def database_backends():
    return {"default": {"BACKEND": "search.backends.database"}}


def index_prefix():
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"test_{worker}_{uuid.uuid4().hex[:8]}_"


def create_engine_indexes():
    """Empty indexes with the hub's mapping, for the configured prefix."""
    from modelsearch.index import get_indexed_models

    backend = get_search_backend("default")
    created = set()
    for model in get_indexed_models():
        index = backend.get_index_for_model(model)
        if index.name not in created:
            index.reset()
            created.add(index.name)
        index.add_model(model)


def empty_engine_indexes(prefix):
    client = get_search_backend("default").es
    client.delete_by_query(
        index=f"{prefix}*", body={"query": {"match_all": {}}}, refresh=True
    )


def delete_engine_indexes(prefix):
    client = get_search_backend("default").es
    for name in client.indices.get(index=f"{prefix}*"):
        client.indices.delete(index=name)


@dataclass
class SearchBackendUnderTest:
    kind: str  # "database" or "engine"

    def refresh(self):
        """Make what was just indexed visible (the engine refreshes every second)."""
        if self.kind == "engine":
            get_search_backend("default").refresh_indexes()

    def rebuild(self):
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        self.refresh()


@pytest.fixture(scope="session")
def engine_index_prefix():
    """Indexes created once for the session (creating them costs seconds), emptied
    after each test, deleted at the end."""
    from django.test import override_settings

    prefix = index_prefix()
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_backends(prefix)):
        create_engine_indexes()
    yield prefix
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_backends(prefix)):
        delete_engine_indexes(prefix)


@pytest.fixture(params=["database", "engine"])
def search_backend(request, settings, db):
    cache.clear()
    settings.SEARCH_ENGINE_TIMEOUT = 10
    if request.param == "database":
        settings.WAGTAILSEARCH_BACKENDS = database_backends()
        yield SearchBackendUnderTest("database")
        return
    prefix = request.getfixturevalue("engine_index_prefix")
    settings.WAGTAILSEARCH_BACKENDS = engine_backends(prefix)
    try:
        yield SearchBackendUnderTest("engine")
    finally:
        empty_engine_indexes(prefix)


# -- content --------------------------------------------------------------------------


def build_sections():
    """A bilingual home page with the four section index pages, nothing else."""
    from wagtail.models import Page, Site

    from hub.events.models import EventIndexPage
    from hub.pages.models import HomePage
    from hub.practices.models import GuideIndexPage, LibraryIndexPage, ReportIndexPage
    from tests.factories import add_page, make_locales, translate

    locales = make_locales()
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = add_page(root, HomePage(title="Hub", slug="home", summary="The hub"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    english = {"home": home}
    for name, model, title in [
        ("library", LibraryIndexPage, "Library"),
        ("guides", GuideIndexPage, "Good practices"),
        ("reports", ReportIndexPage, "Evaluations"),
        ("events", EventIndexPage, "Events"),
    ]:
        english[name] = add_page(home, model(title=title, slug=name))
    french = {"home": translate(home, locales["fr"], title="Pôle")}
    for name in ("library", "guides", "reports", "events"):
        french[name] = translate(english[name], locales["fr"])
    return {"en": english, "fr": french}


def build_search_site():
    """Sections plus pages about gardens with known taxonomy, in both languages.

    garden-a  case study  themes t1 t2  region r-fr (FR)   start 2019
    garden-b  case study  theme t2      region r-gb (GB)   start 2020
    garden-c  report      theme t3      region r-fr        published 2021
    garden-d  guide       theme t1
    garden-e  event       (country GB)                     2030
    Twelve themes exist, so a facet capped at ten values would show.
    """
    from hub.events.models import EventPage
    from hub.pages.models import Region, Theme
    from hub.practices.models import (
        CaseStudyPage,
        EvaluationReportPage,
        GoodPracticeGuidePage,
    )
    from tests.factories import add_page, make_term, publish, translate

    tree = build_sections()
    en, fr = tree["en"], tree["fr"]
    themes = [
        make_term(Theme, f"t{n}", f"Theme {n:02d}", f"Thème {n:02d}")
        for n in range(1, 13)
    ]
    r_fr = make_term(Region, "r-fr", "Normandy", "Normandie", country="FR")
    r_gb = make_term(Region, "r-gb", "Kent", "Kent", country="GB")

    def taxonomy(page, theme_numbers=(), regions=()):
        page.themes.set([themes[n - 1][0] for n in theme_numbers])
        page.regions.set([r[0] for r in regions])
        return publish(page)

    pages = {}
    pages["a"] = taxonomy(
        add_page(
            en["library"],
            CaseStudyPage(
                title="Community garden in Caen",
                slug="garden-a",
                summary="Residents grow vegetables in a shared garden and find jobs.",
                start_date=datetime.date(2019, 3, 1),
            ),
        ),
        (1, 2),
        (r_fr,),
    )
    pages["b"] = taxonomy(
        add_page(
            en["library"],
            CaseStudyPage(
                title="Market garden training",
                slug="garden-b",
                summary="A market garden where young people train as growers.",
                start_date=datetime.date(2020, 5, 1),
            ),
        ),
        (2,),
        (r_gb,),
    )
    pages["c"] = taxonomy(
        add_page(
            en["reports"],
            EvaluationReportPage(
                title="Evaluation of the garden programme",
                slug="garden-c",
                summary="What the garden programme changed for its participants.",
                evaluation_kind="academic",
                publication_date=datetime.date(2021, 6, 1),
            ),
        ),
        (3,),
        (r_fr,),
    )
    pages["d"] = taxonomy(
        add_page(
            en["guides"],
            GoodPracticeGuidePage(
                title="Starting a garden with tenants",
                slug="garden-d",
                summary="Steps to start a garden with social-housing tenants.",
            ),
        ),
        (1,),
    )
    start = timezone.make_aware(datetime.datetime(2030, 4, 2, 10))
    pages["e"] = add_page(
        en["events"],
        EventPage(
            title="Garden visit",
            slug="garden-e",
            summary="A visit of cross-border garden projects.",
            start=start,
            end=start + datetime.timedelta(hours=4),
            country="GB",
        ),
    )
    french = {
        "a": (
            "Jardin partagé à Caen",
            "L'évaluation des entreprises sociales du jardin.",
        ),
        "b": (
            "Formation au maraîchage",
            "Un jardin maraîcher où les jeunes se forment.",
        ),
        "c": ("Évaluation du programme jardin", "Ce que le jardin a changé."),
        "d": (
            "Créer un jardin avec les locataires",
            "Les étapes pour créer un jardin.",
        ),
        "e": (
            "Visite de jardins",
            "Une visite de projets de jardins transfrontaliers.",
        ),
    }
    fr_pages = {
        key: translate(pages[key], fr["home"].locale, title=title, summary=summary)
        for key, (title, summary) in french.items()
    }
    return {
        **tree,
        "pages": pages,
        "fr_pages": fr_pages,
        "themes": themes,
        "regions": {"r-fr": r_fr, "r-gb": r_gb},
    }
