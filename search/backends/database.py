"""Wagtail's database search backend, analysing each language as far as the database
allows, and keeping the facet rows of hub pages (``search.PageFacet``) with its index.

* PostgreSQL (database_postgres.py): a hub page's text is indexed with its own
  language's text search configuration (``french`` or ``english``: stop words, Snowball
  stemming) plus a ``simple`` copy at the lowest weight, accents folded in Python
  first. The search service queries with the locale's configuration (``for_language``);
  anything else, such as the admin's search, queries the ``simple`` copy and still
  matches whole words in any language, with or without accents.
* SQLite (database_sqlite.py): FTS5 folds accents and splits elisions itself but cannot
  stem, so each query word becomes a prefix query of its light stem
  ("entreprises" -> entrepris*).

Query words are reduced to letters and digits (search.text.query_words) before a
query is compiled, so no full-text syntax can be injected by what a reader types.
"""

from django.db import connection

from hub.pages.search_data import (
    FACETS,
    is_hub_page_model,
    prefetch_search_data,
    search_data,
)


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up
    """The hub's database backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        from .database_postgres import HubPostgresSearchBackend

        return HubPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database import SearchBackend as stock_backend

        backend = stock_backend(params)
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            from .database_sqlite import HubSQLiteSearchBackend

            return HubSQLiteSearchBackend(params)
        return backend
    raise NotImplementedError(
        "The hub's database search supports PostgreSQL and SQLite, "
        f"not {connection.vendor}."
    )


def sql_with_params(queryset):
    """(SQL, params) of a queryset, or of an (SQL, params) pair as it is."""
    if isinstance(queryset, tuple):
        return queryset
    return queryset.query.sql_with_params()


def union_sql(querysets):
    """(SQL, params) of one statement giving the rows of several values_list
    querysets (or (SQL, params) pairs): each row starts with its queryset's position
    and its rank there, so that every queryset's rows keep their own order."""
    parts, params = [], []
    for position, queryset in enumerate(querysets):
        sql, query_params = sql_with_params(queryset)
        parts.append(
            f"SELECT {position} AS hub_search, row_number() OVER () AS hub_row, "
            f"hub_{position}.* FROM ({sql}) hub_{position}"
        )
        params.extend(query_params)
    return " UNION ALL ".join(parts) + " ORDER BY 1, 2", params


def split_rows(found, count):
    """The rows of union_sql's statement, back to a list per queryset."""
    rows = [[] for _position in range(count)]
    for position, _rank, *values in found:
        rows[position].append(tuple(values))
    return rows


def facet_rows(pages):
    """The PageFacet rows of specific hub pages (their search data prefetched)."""
    from search.models import PageFacet

    rows = []
    for page in pages:
        data = search_data(page)
        for facet in FACETS:
            for value in data.facets.get(facet, ()):
                rows.append(PageFacet(page_id=page.pk, facet=facet, value=value[:64]))
        if data.date:
            rows.append(PageFacet(page_id=page.pk, facet="date", value=str(data.date)))
    return rows


class FacetRowsIndexMixin:
    """Writes a batch's facet rows with its index entries (in the same transaction when
    the rebuild is atomic), its search data computed first in a few queries."""

    def add_items(self, model, objs):
        from search.models import PageFacet

        objs = list(objs)
        hub_pages = is_hub_page_model(model)
        if hub_pages:
            prefetch_search_data(objs)
        super().add_items(model, objs)
        if hub_pages and objs:
            PageFacet.objects.filter(page_id__in=[o.pk for o in objs]).delete()
            PageFacet.objects.bulk_create(facet_rows(objs), ignore_conflicts=True)

    def reset(self):
        from search.models import PageFacet

        super().reset()
        PageFacet.objects.all().delete()
