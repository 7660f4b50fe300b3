"""The search tests' backends and garden pages.

`search_backend` runs a test once on the database backend (the default database:
PostgreSQL in `make test`) and once on the real search engine given by ELASTICSEARCH_URL
(the OpenSearch node that `make test` starts, with ELASTICSEARCH_BACKEND=opensearch2, or
an Elasticsearch 8 server), each test in its own throw-away indexes. Without
ELASTICSEARCH_URL the engine run is skipped, except under CI=true where it fails.
tests/conftest.py makes the fixtures available to every test module.
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

from hub.events.models import EventIndexPage, EventPage
from hub.pages.models import Region, Theme
from hub.practices import models as practices

from .site import add_page, build_home, make_locales, make_term, publish, translate

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


def index_in_engine():
    """Every indexed object of the database in the engine's indexes, in bulk (as
    update_index adds them, without its new indexes): for content put back by a
    snapshot, which no signal indexed there."""
    from modelsearch.index import get_indexed_models

    backend = get_search_backend("default")
    for model in get_indexed_models():
        objects = list(model.get_indexed_objects().order_by("pk"))
        if objects:
            backend.add_bulk(model, objects)


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

SECTIONS = [
    ("library", practices.LibraryIndexPage, "Library"),
    ("guides", practices.GuideIndexPage, "Good practices"),
    ("reports", practices.ReportIndexPage, "Evaluations"),
    ("events", EventIndexPage, "Events"),
]


def build_sections():
    """A bilingual home page with the four section index pages, nothing else."""
    locales = make_locales()
    homes = build_home()
    english, french = {"home": homes["en"]}, {"home": homes["fr"]}
    for name, model, title in SECTIONS:
        english[name] = add_page(homes["en"], model(title=title, slug=name))
    for name, _model, _title in SECTIONS:
        french[name] = translate(english[name], locales["fr"])
    return {"en": english, "fr": french}


GARDEN_START = timezone.make_aware(datetime.datetime(2030, 4, 2, 10))

# key: section, page type, fields, theme numbers, region slugs, French title, summary.
GARDENS = {
    "a": (
        "library",
        practices.CaseStudyPage,
        {
            "title": "Community garden in Caen",
            "summary": "Residents grow vegetables in a shared garden and find jobs.",
            "start_date": datetime.date(2019, 3, 1),
        },
        (1, 2),
        ("r-fr",),
        "Jardin partagé à Caen",
        "L'évaluation des entreprises sociales du jardin.",
    ),
    "b": (
        "library",
        practices.CaseStudyPage,
        {
            "title": "Market garden training",
            "summary": "A market garden where young people train as growers.",
            "start_date": datetime.date(2020, 5, 1),
        },
        (2,),
        ("r-gb",),
        "Formation au maraîchage",
        "Un jardin maraîcher où les jeunes se forment.",
    ),
    "c": (
        "reports",
        practices.EvaluationReportPage,
        {
            "title": "Evaluation of the garden programme",
            "summary": "What the garden programme changed for its participants.",
            "evaluation_kind": "academic",
            "publication_date": datetime.date(2021, 6, 1),
        },
        (3,),
        ("r-fr",),
        "Évaluation du programme jardin",
        "Ce que le jardin a changé.",
    ),
    "d": (
        "guides",
        practices.GoodPracticeGuidePage,
        {
            "title": "Starting a garden with tenants",
            "summary": "Steps to start a garden with social-housing tenants.",
        },
        (1,),
        (),
        "Créer un jardin avec les locataires",
        "Les étapes pour créer un jardin.",
    ),
    "e": (
        "events",
        EventPage,
        {
            "title": "Garden visit",
            "summary": "A visit of cross-border garden projects.",
            "start": GARDEN_START,
            "end": GARDEN_START + datetime.timedelta(hours=4),
            "country": "GB",
        },
        None,  # events carry no themes or regions
        None,
        "Visite de jardins",
        "Une visite de projets de jardins transfrontaliers.",
    ),
}


def build_search_site():
    """Sections plus pages about gardens with known taxonomy, in both languages.

    garden-a  case study  themes t1 t2  region r-fr (FR)   start 2019
    garden-b  case study  theme t2      region r-gb (GB)   start 2020
    garden-c  report      theme t3      region r-fr        published 2021
    garden-d  guide       theme t1
    garden-e  event       (country GB)                     2030
    Twelve themes exist, so a facet capped at ten values would show.
    """
    tree = build_sections()
    themes = [
        make_term(Theme, f"t{n}", f"Theme {n:02d}", f"Thème {n:02d}")
        for n in range(1, 13)
    ]
    regions = {
        "r-fr": make_term(Region, "r-fr", "Normandy", "Normandie", country="FR"),
        "r-gb": make_term(Region, "r-gb", "Kent", "Kent", country="GB"),
    }
    pages, fr_pages = {}, {}
    for key, (section, model, fields, numbers, slugs, *_french) in GARDENS.items():
        page = add_page(tree["en"][section], model(slug=f"garden-{key}", **fields))
        if numbers is not None:
            page.themes.set([themes[n - 1][0] for n in numbers])
            page.regions.set([regions[slug][0] for slug in slugs])
            page = publish(page)
        pages[key] = page
    for key, (*_english, title, summary) in GARDENS.items():
        fr_pages[key] = translate(
            pages[key], tree["fr"]["home"].locale, title=title, summary=summary
        )
    return {
        **tree,
        "pages": pages,
        "fr_pages": fr_pages,
        "themes": themes,
        "regions": regions,
    }
