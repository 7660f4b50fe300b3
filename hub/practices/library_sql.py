"""The library's page of items, its statement built and compiled once per connection.

Building the queryset of a page of items (the visibility rule, a subquery per chosen
filter, the sort, the slice) and compiling it to SQL took 1.5 to 2 ms of a library
page's CPU time. Its SQL and parameters depend only on the library page (id, path,
depth, language), the filter values chosen, the sort and the slice, never on the data,
the reader or the clock (`hub.pages.visibility.public()` is a condition in the
statement, read by the database at each run): so the compiled statement is kept under
a key naming all of these on the database connection (per thread and per database; a
few hundred at most, all dropped when full) and run again with `cursor.execute`, its
rows converted as Django's `.values()` converts them. The rows themselves are read
from the database at every request.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections, router
from wagtail.models import Page

_MEMO_ATTRIBUTE = "_hub_library_sql"
_MEMO_LIMIT = 512


def chosen_key(selected):
    """The filter values chosen, as a key: (facet, sorted values) in name order."""
    return tuple(
        (name, tuple(sorted(values)))
        for name, values in sorted(selected.items())
        if values
    )


def _memo(library_page, using):
    connection = connections[using]
    memo = connection.__dict__.get(_MEMO_ATTRIBUTE)
    if memo is None or len(memo) >= _MEMO_LIMIT:
        memo = connection.__dict__[_MEMO_ATTRIBUTE] = {}
    page = library_page
    return memo, (connection.vendor, page.pk, page.path, page.depth, page.locale_id)


class _Values:
    """A `.values()` queryset compiled: its SQL, column names and converters."""

    def __init__(self, queryset):
        query = queryset.query
        compiler = query.get_compiler(queryset.db)
        self.empty = False
        try:
            self.sql, self.params = compiler.as_sql()
        except EmptyResultSet:
            self.empty = True
            return
        if getattr(query, "selected", None):
            self.names = list(query.selected)
        else:
            self.names = [
                *query.extra_select,
                *query.values_select,
                *query.annotation_select,
            ]
        self.col_count = compiler.col_count
        self.truncate = compiler.has_extra_select
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        self.converters = compiler.get_converters(fields)
        self.compiler = compiler
        self.using = queryset.db

    def rows(self):
        if self.empty:
            return []
        with connections[self.using].cursor() as cursor:
            cursor.execute(self.sql, self.params)
            rows = cursor.fetchall()
        if self.truncate:
            rows = [row[: self.col_count] for row in rows]
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        names = self.names
        return [dict(zip(names, row, strict=True)) for row in rows]


def values_rows(library_page, key, build):
    """The rows (dicts) of the `.values()` queryset of pages that `build()` returns,
    compiled the first time this library asks for `key` on the database it reads."""
    using = router.db_for_read(Page)
    memo, library = _memo(library_page, using)
    full_key = (library, key)
    compiled = memo.get(full_key)
    if compiled is None:
        queryset = build()
        if queryset.db != using:
            return list(queryset)
        compiled = memo[full_key] = _Values(queryset)
    return compiled.rows()
