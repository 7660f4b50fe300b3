"""What keeps the database search fast at scale, checked on the real PostgreSQL:
the GIN index on the expression modelsearch matches against, and the counts grouped
by PostgreSQL for a search without filters, equal to the counts of the general path."""

import re

import pytest
from django.db import connection
from modelsearch.query import PlainText

from hub.pages.facets import filter_and_count
from hub.pages.search_data import FACETS
from search import database_search
from search.services import SearchQuery, database_backend
from tests.factories.search import database_backends
from tests.snapshot import SEARCH_SITE

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL's index and grouping"
    ),
]


@pytest.fixture
def site(settings):
    settings.WAGTAILSEARCH_BACKENDS = database_backends()
    return SEARCH_SITE.restore()


def test_the_ranked_query_can_use_the_title_body_index(site):
    backend = database_backend()
    results = (
        backend.for_language("en")
        .search(
            PlainText("garden", operator="and"),
            database_search.hub_pages(["en"]).only("pk", "title"),
        )
        .annotate_score("_search_score")
    )
    sql, params = results.get_queryset().query.sql_with_params()
    # The backend filters on the very expression the index holds...
    expression = re.compile(
        r'\("wagtailsearch_indexentry"\."title" \|\| '
        r'"wagtailsearch_indexentry"\."body"\) @@'
    )
    assert expression.search(sql), sql
    with connection.cursor() as cursor:
        # ...and that expression is answered by the index. A test database is too
        # small for the planner to prefer an index on its own: with sequential and
        # plain index scans off, a bitmap scan of an index on the expression is the
        # only way left, so the plan names the index if and only if it exists and
        # matches the expression.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_indexonlyscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ plainto_tsquery('english', %s)",
            ["garden"],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on search_indexentry_title_body_gin" in plan, plan


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_counts_grouped_by_postgresql_equal_the_general_counts(site, sort):
    backend = database_backend()
    query = SearchQuery(text="garden", language="en", all_languages=True, sort=sort)
    ranked = database_search._ranked_page_ids(backend, query)
    assert len(ranked) >= 5
    ordered, counts = database_search._counted(ranked, by_date=sort == "date")

    facets_of = database_search._facets_of(database_search._facet_rows(ranked))
    matching, expected = filter_and_count(
        ranked, lambda pk: facets_of.get(pk, {}), {}, FACETS
    )
    if sort == "date":
        matching.sort(
            key=lambda pk: max(facets_of.get(pk, {}).get("date", {""})), reverse=True
        )
    assert ordered == matching
    assert counts == expected
    assert any(counts[facet] for facet in FACETS)
    # And the page the reader sees says the same.
    results = database_search.search(backend, query, {})
    assert [hit.page_id for hit in results.hits] == matching[: query.per_page]
    assert results.counts == expected


@pytest.mark.parametrize(
    "selected",
    [
        {"theme": ["t1"]},
        {"theme": ["t1", "t2"], "region": ["r-fr"]},
        {"type": ["case-study", "guide"], "theme": ["t2"]},
        {"country": ["GB"]},
        # Three facets, and filters no page passes all of (counts still follow).
        {"type": ["case-study", "report"], "theme": ["t1", "t3"], "region": ["r-fr"]},
        {"theme": ["t2"], "region": ["r-gb"], "country": ["GB"]},
        {"type": ["event"], "theme": ["t1"]},
    ],
)
@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_filtered_counts_by_postgresql_equal_the_general_counts(site, selected, sort):
    """The filters applied and the counts grouped by PostgreSQL (a bit per chosen
    filter a page passes) give the pages and counts of filter_and_count."""
    from search.facets import FacetCatalogue

    backend = database_backend()
    query = SearchQuery(text="garden", language="en", all_languages=True, sort=sort)
    catalogue = FacetCatalogue("en")
    keys = {
        facet: catalogue.index_keys(facet, values) for facet, values in selected.items()
    }
    assert all(keys.values())
    ranked = database_search._ranked_page_ids(backend, query)
    ordered, counts = database_search._counted(ranked, sort == "date", keys)

    facets_of = database_search._facets_of(database_search._facet_rows(ranked))
    matching, expected = filter_and_count(
        ranked, lambda pk: facets_of.get(pk, {}), keys, FACETS
    )
    if sort == "date":
        matching.sort(
            key=lambda pk: max(facets_of.get(pk, {}).get("date", {""})), reverse=True
        )
    assert ordered == matching
    assert counts == expected
    assert database_search.count(backend, query, keys) == len(matching)
    results = database_search.search(backend, query, keys)
    assert [hit.page_id for hit in results.hits] == matching[: query.per_page]
    assert results.total == len(matching) and results.counts == expected
    assert results.total_without_filters == len(ranked)


def test_the_planner_settings_end_with_the_search(site):
    backend = database_backend()
    query = SearchQuery(text="garden", language="en")
    assert database_search._ranked_page_ids(backend, query)
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        seqscan = cursor.fetchone()[0]
        cursor.execute("SHOW enable_nestloop")
        assert (seqscan, cursor.fetchone()[0]) == ("on", "on")


@pytest.mark.parametrize("page", [1, 3])
def test_titles_with_every_word_alone_scored_when_they_fill_the_page(site, page):
    """Without filters, by relevance, the search scores only the pages whose title
    has every word when they fill the page shown: the same page of results and
    totals as scoring every match."""
    backend = database_backend()
    query = SearchQuery(text="jardin", language="fr", per_page=2, page=page)
    full = database_search._ranked_page_ids(backend, query)  # every match scored
    [(_language, _text, rows)] = database_search._searches(
        backend, query, ranked=True, shown_end=page * 2
    )
    unscored = [pk for pk, _title, score, _type in rows if score is None]
    if page == 1:  # three titles say « jardin »: the summary's match is not scored
        assert unscored and len(unscored) < len(rows)
    else:  # past the titles with every word: every match is scored
        assert not unscored
    results = database_search.search(backend, query, {})
    start = (results.page - 1) * 2
    assert [hit.page_id for hit in results.hits] == full[start : start + 2]
    assert results.total == results.total_without_filters == len(full) >= 4


def test_a_title_with_every_word_left_unscored_sends_the_search_again():
    rows = [(1, "Jardin partagé", None, 5), (2, "Jardin", 0.5, 5), (3, "Ici", None, 5)]
    assert database_search._partly_scored([("fr", "jardin", rows)], 1)
    rows[0] = (1, "Jardin partagé", 0.4, 5)
    assert not database_search._partly_scored([("fr", "jardin", rows)], 2)
    assert database_search._partly_scored([("fr", "jardin", rows)], 3)  # too few
