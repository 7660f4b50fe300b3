"""The library page's list of items read by a statement compiled once per connection
(hub/practices/library_sql.py): the same rows as the ORM's queryset, and the rows read
from the database at every request (publication and view restrictions included).

Run on PostgreSQL by `make test`; on SQLite with HUB_TEST_SQLITE=1."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from hub.practices.filters import LibraryQuery, SortedRows, search_library
from hub.practices.library import Library

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "sort=title",
    "sort=oldest",
    "sort=budget",
    "sort=participants",
    "theme=entrepreneurship&region=bretagne&sort=title",
    "region=bretagne,normandie",
    "type=action",
    "evidence=proven&type=case_study&sort=budget",
    "country=GB&theme=employment",
    "theme=unknown",
]


def rows_of(library, params):
    query = LibraryQuery.from_params(QueryDict(params), library)
    return query, SortedRows(library, query)


@pytest.mark.parametrize("params", QUERIES)
def test_kept_statement_reads_the_rows_of_the_queryset(lib, params):
    library = Library(lib["library"])
    for start, stop in ((0, 2), (2, 4), (0, 12), (4, 5)):
        query, rows = rows_of(library, params)
        expected = list(rows.queryset()[start:stop])
        assert list(rows[start:stop]) == expected  # compiled now
        assert list(rows[start:stop]) == expected  # from the kept statement
        assert len(rows[start:stop]) == len(expected)


def test_kept_statement_is_not_built_again(lib):
    library = Library(lib["library"])
    query, rows = rows_of(library, "theme=entrepreneurship&sort=budget")
    list(rows[0:2])
    built = []
    rows.queryset = lambda: built.append(1)  # a second build would fail here
    with CaptureQueriesContext(connection) as captured:
        found = list(rows[0:2])
    assert built == [] and len(captured) == 1 and len(found) == 2


def titles(library):
    result = search_library(library, QueryDict("sort=title"), "/", load_pages=False)
    return [item.title for item in result.page_obj.object_list]


def test_kept_statement_follows_publication_and_restrictions(lib):
    library = Library(lib["library"])
    assert "Bravo" in titles(library)
    bravo = lib["en"]["bravo"]
    bravo.refresh_from_db()
    bravo.unpublish()
    assert "Bravo" not in titles(library)  # the same statement, run again
    bravo.refresh_from_db()
    bravo.save_revision().publish()
    assert "Bravo" in titles(library)
    PageViewRestriction.objects.create(
        page=bravo, restriction_type="password", password="secret"
    )
    assert "Bravo" not in titles(library)
