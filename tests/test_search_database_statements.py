"""The statements the database search backend sends, on PostgreSQL and SQLite: the
glossary's wordings that share their words are searched once, and the pages and
ranking stay those of every wording searched on its own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.glossary import loader
from hub.glossary.expansion import expansions
from hub.practices.models import CaseStudyPage
from search import database_search
from search.services import SearchQuery, database_backend, search_pages
from search.text import query_words
from tests.factories import add_page, build_search_site, make_locales, translate
from tests.factories.search import database_backends

pytestmark = pytest.mark.django_db


@pytest.fixture
def third_places(settings):
    """French pages naming « tiers-lieu » and « tiers-lieux » in several ways."""
    settings.WAGTAILSEARCH_BACKENDS = database_backends()
    site = build_search_site()
    locales = make_locales()
    loader.load()
    pages = []
    for number, (title, summary) in enumerate(
        [
            ("Un tiers-lieu rural", "Ateliers partagés au village."),
            ("Réseau de tiers lieux", "Des tiers-lieux ouverts aux habitants."),
            ("Atelier de quartier", "Le tiers lieu accueille les demandeurs."),
        ]
    ):
        english = add_page(
            site["en"]["library"],
            CaseStudyPage(
                title=f"Third place {number}",
                slug=f"third-place-{number}",
                summary="A shared workshop.",
            ),
        )
        pages.append(translate(english, locales["fr"], title=title, summary=summary))
    return pages


def test_wordings_with_the_same_words_are_searched_once(third_places):
    alternatives = expansions("tiers-lieu", ["fr"])["fr"]
    wordings = ["tiers-lieu", *alternatives]
    distinct = {tuple(query_words(text, keep_stopwords=True)) for text in wordings}
    assert len(wordings) > len(distinct) >= 2, wordings

    backend = database_backend()
    query = SearchQuery(text="tiers-lieu", language="fr")
    with CaptureQueriesContext(connection) as queries:
        searches = database_search._searches(backend, query, ranked=True)
    statements = [q["sql"] for q in queries.captured_queries if "hub_" in q["sql"]]
    assert len(statements) == 1
    assert statements[0].count("AS hub_search") == len(distinct)

    # Every wording still has its rows: those of its own search, alone.
    assert [text for _language, text, _rows in searches] == wordings
    public_pages = database_search.public_hub_pages()
    for language, text, rows in searches:
        alone = database_search._queryset(
            backend, text, language, "and", public_pages, ranked=True
        )
        assert rows == [tuple(row) for row in alone], text
    found = {pk for _language, _text, rows in searches for pk, *_rest in rows}
    assert found == {page.pk for page in third_places}


def test_the_results_are_those_of_every_wording_searched(third_places):
    results = search_pages(SearchQuery(text="tiers-lieu", language="fr"))
    assert results.backend == "database"
    assert results.total == 3
    # A title with every word first, whatever wording it uses.
    assert {hit.title for hit in results.hits[:2]} == {
        "Un tiers-lieu rural",
        "Réseau de tiers lieux",
    }
    assert results.hits[2].title == "Atelier de quartier"
