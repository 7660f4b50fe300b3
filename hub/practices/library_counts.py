"""The library's counts per filter value, read from totals instead of every entry.

Counting each value among the entries that pass every other filter means reading
every value row of those entries: about 500,000 rows, a third of a second, for a
library of 50,000 items with no filter chosen. practices.LibraryCount holds, per
library, how many of its entries (in the library's language) have each value
(`other_facet` empty), and how many have each value together with a value of another
filter (for the counts beside the values when one filter has one value chosen, or
several values of a filter of which an entry has one at most: SINGLE). The facet
"_" counts every entry ("all") and the undated ones ("undated"), for the total and
the date sorts' note.

The totals ignore visibility on purpose. A counts query subtracts, in the same SQL
statement, the entries that `hub.pages.visibility.public()` refuses: found from the
small sets of pages that are not live (a partial index) and of view restrictions,
through the entry's page and its case study (an entry is a child or grandchild of its
library, so no other ancestor lies between them), or every entry when the library
itself or an ancestor is restricted. So an unpublished, expired or restricted item is
never counted, whatever the totals say, without a signal to keep them in step.

The totals change only when entries or their values do, and are written in the same
transaction (`tracking`): entries read before and after a write, and the difference
added with INSERT ... ON CONFLICT DO UPDATE (PostgreSQL and SQLite alike). `rebuild`
writes them all again from the entries in SQL (`fill_library_items`, the migration).

When two filters or more are chosen (or two values of one filter that an entry may
have both of), the facets they constrain are counted from the entries' values
(`from_entries`): each set of entries is the intersection of its filters' values,
read from the values' index (library, facet, value, entry) alone, less the hidden
entries, and each of its entries' values is read once by the entry. No page is
joined: an entry exists only for a page in its library's language
(library_index._write), and visibility is the same subtraction as above.
"""

import contextlib
import contextvars
from collections import Counter
from itertools import permutations

from django.db import connection
from django.db.models import F

PSEUDO, ALL, UNDATED = "_", "all", "undated"
# The filters of which an entry has one value at most (library_index._write): the
# entries having one of several of their values are counted from the totals of each.
SINGLE = {"type", "action_kind", "evidence"}
CHUNK = 500
TABLE = "practices_librarycount"

_off = contextvars.ContextVar("library_counts_off", default=False)
# (origin, entry ids) of the deletion whose entries are out of the totals already.
_deleting = contextvars.ContextVar("library_counts_deleting", default=None)


def _chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def snapshot(ids, lock=False):
    """Counter {(library, facet, value, other facet, other value): n} of the entries
    `ids` that count (in their library's language)."""
    from .models import LibraryEntry, LibraryValue

    found = Counter()
    for chunk in _chunks(sorted(set(ids))):
        entries = LibraryEntry.objects.filter(
            page_id__in=chunk, page__locale_id=F("library__locale_id")
        )
        if lock and connection.vendor == "postgresql":
            # A concurrent write of the same entries waits, then reads ours.
            list(
                LibraryEntry.objects.filter(page_id__in=chunk)
                .select_for_update(of=("self",))
                .values_list("pk")
            )
        keys = {}
        for page_id, library_id, sort_date in entries.values_list(
            "page_id", "library_id", "sort_date"
        ):
            keys[page_id] = (library_id, {(PSEUDO, ALL)})
            if sort_date is None:
                keys[page_id][1].add((PSEUDO, UNDATED))
        for entry_id, facet, value in LibraryValue.objects.filter(
            entry_id__in=list(keys)
        ).values_list("entry_id", "facet", "value"):
            keys[entry_id][1].add((facet, value))
        for library_id, pairs in keys.values():
            for facet, value in pairs:
                found[(library_id, facet, value, "", "")] += 1
            for (facet, value), (other, other_value) in permutations(pairs, 2):
                if other != PSEUDO and other != facet:
                    found[(library_id, facet, value, other, other_value)] += 1
    return found


def add(before, after):
    """Add the difference `after - before` to the totals."""
    delta = {}
    for key in before.keys() | after.keys():
        change = after.get(key, 0) - before.get(key, 0)
        if change:
            delta[key] = change
    if not delta:
        return
    sql = (
        f"INSERT INTO {TABLE} (library_id, facet, value, other_facet, other_value, "
        "count) VALUES {rows} ON CONFLICT (library_id, other_facet, other_value, "
        f"facet, value) DO UPDATE SET count = {TABLE}.count + excluded.count"
    )
    with connection.cursor() as cursor:
        # Sorted, so that two writers lock the rows in the same order.
        for chunk in _chunks(sorted(delta.items()), 200):
            rows = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(chunk))
            params = [part for key, change in chunk for part in (*key, change)]
            cursor.execute(sql.format(rows=rows), params)
        libraries = sorted({key[0] for key in delta})
        marks = ", ".join(["%s"] * len(libraries))
        cursor.execute(
            f"DELETE FROM {TABLE} WHERE count = 0 AND library_id IN ({marks})",
            libraries,
        )


@contextlib.contextmanager
def tracking(ids):
    """Keep the totals right across a write of the entries `ids` (in a transaction)."""
    if _off.get():
        yield
        return
    before = snapshot(ids, lock=True)
    token = _off.set(True)  # the entries this write deletes are counted here
    try:
        yield
    finally:
        _off.reset(token)
    add(before, snapshot(ids))


@contextlib.contextmanager
def paused():
    """No totals written (`rebuild` follows)."""
    token = _off.set(True)
    try:
        yield
    finally:
        _off.reset(token)


def _deleted_pages(origin):
    """The pages whose deletion `origin` (a pre_delete signal's) is, or None."""
    from django.db.models import QuerySet
    from wagtail.models import Page

    if isinstance(origin, QuerySet) and issubclass(origin.model, Page):
        return origin.values("pk")
    if isinstance(origin, Page):
        return Page.objects.filter(pk=origin.pk).values("pk")
    return None


def entry_deleted(sender, instance, origin=None, **kwargs):
    """An entry deleted with its page (pre_delete: its values are still there).

    Deleting pages (a case study with its actions, a whole library) sends this for
    each entry before anything is deleted: the first one takes out of the totals, at
    once, every entry that the deletion takes with it, but those of a library deleted
    too (its totals go with it); the others find theirs done."""
    from django.db.models import Q

    from .models import LibraryEntry

    if _off.get():
        return
    done = _deleting.get()
    if done is not None and done[0] is origin and instance.pk in done[1]:
        return
    pages = _deleted_pages(origin)
    if pages is None:
        add(snapshot([instance.pk]), Counter())
        return
    entries = LibraryEntry.objects.filter(
        Q(page__in=pages) | Q(library__in=pages) | Q(parent__in=pages)
    )
    ids = set(entries.values_list("pk", flat=True)) | {instance.pk}
    _deleting.set((origin, ids))
    kept = ids - set(entries.filter(library__in=pages).values_list("pk", flat=True))
    add(snapshot(kept), Counter())


def deletion_done(sender, **kwargs):
    """post_delete of an entry: every pre_delete of its deletion has been sent."""
    _deleting.set(None)


REBUILD = f"""
INSERT INTO {TABLE} (library_id, facet, value, other_facet, other_value, count)
WITH counted AS (
    SELECT e.page_id, e.library_id, e.sort_date
    FROM practices_libraryentry e
    JOIN wagtailcore_page p ON p.id = e.page_id
    JOIN wagtailcore_page l ON l.id = e.library_id
    WHERE p.locale_id = l.locale_id
), keyed AS (
    SELECT v.entry_id, c.library_id, v.facet, v.value
    FROM practices_libraryvalue v JOIN counted c ON c.page_id = v.entry_id
    UNION ALL
    SELECT c.page_id, c.library_id, '{PSEUDO}', '{ALL}' FROM counted c
    UNION ALL
    SELECT c.page_id, c.library_id, '{PSEUDO}', '{UNDATED}' FROM counted c
    WHERE c.sort_date IS NULL
)
SELECT library_id, facet, value, '', '', COUNT(*) FROM keyed
GROUP BY library_id, facet, value
UNION ALL
SELECT a.library_id, a.facet, a.value, b.facet, b.value, COUNT(*)
FROM keyed a JOIN keyed b ON b.entry_id = a.entry_id
WHERE b.facet <> a.facet AND b.facet <> '{PSEUDO}'
GROUP BY a.library_id, a.facet, a.value, b.facet, b.value
"""


def rebuild():
    """Every total written again from the entries."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")
        cursor.execute(REBUILD)


# The entries of a library that the visibility rule refuses (see the module's
# docstring): from the pages that are not live (the partial index
# practices_page_not_live) and the restricted ones, by the entry's page or its case
# study; all of them when the library or an ancestor is restricted.
HIDDEN = """
hidden_pages AS (
    SELECT n.id FROM wagtailcore_page n WHERE NOT n.live
    UNION
    SELECT r.page_id FROM wagtailcore_pageviewrestriction r
), hidden AS (
    SELECT e.page_id AS id, e.sort_date FROM practices_libraryentry e
    JOIN hidden_pages h ON h.id = e.page_id
    JOIN wagtailcore_page p ON p.id = e.page_id
    WHERE e.library_id = %s AND p.locale_id = %s
    UNION
    SELECT e.page_id, e.sort_date FROM practices_libraryentry e
    JOIN hidden_pages h ON h.id = e.parent_id
    JOIN wagtailcore_page p ON p.id = e.page_id
    WHERE e.library_id = %s AND p.locale_id = %s
    UNION
    SELECT e.page_id, e.sort_date FROM practices_libraryentry e
    JOIN wagtailcore_page p ON p.id = e.page_id
    WHERE e.library_id = %s AND p.locale_id = %s AND EXISTS (
        SELECT 1 FROM wagtailcore_pageviewrestriction r
        JOIN wagtailcore_page rp ON rp.id = r.page_id
        WHERE rp.path = substr(%s, 1, length(rp.path))
    )
)"""


def _marks(values):
    return ", ".join(["%s"] * len(values))


def from_totals(library_id, facets, other=None):
    """SQL parts (sql, params) giving (facet, value, n) for `facets` counted among the
    entries having `other` (facet, values: one of the values, either one value or
    values of a facet of SINGLE, so that no entry is counted twice), or among all
    when None: the totals, and the hidden entries' counts with a minus sign."""
    other_facet, other_values = other or ("", [""])
    real = [facet for facet in facets if facet != PSEUDO]
    parts = [
        (
            f"SELECT c.facet AS facet, c.value AS value, c.count AS n FROM {TABLE} c "
            "WHERE c.library_id = %s AND c.other_facet = %s "
            f"AND c.other_value IN ({_marks(other_values)}) "
            f"AND c.facet IN ({_marks(facets)})",
            [library_id, other_facet, *other_values, *facets],
        )
    ]
    having, having_params = "", []
    if other:
        having = (
            " JOIN practices_libraryvalue o ON o.entry_id = h.id "
            "AND o.library_id = %s AND o.facet = %s "
            f"AND o.value IN ({_marks(other_values)})"
        )
        having_params = [library_id, other_facet, *other_values]
    if real:
        parts.append(
            (
                "SELECT v.facet AS facet, v.value AS value, -COUNT(*) AS n "
                "FROM hidden h JOIN practices_libraryvalue v ON v.entry_id = h.id"
                + having
                + f" WHERE v.library_id = %s AND v.facet IN ({_marks(real)}) "
                "GROUP BY v.facet, v.value",
                [*having_params, library_id, *real],
            )
        )
    if PSEUDO in facets:
        parts.append(
            (
                f"SELECT '{PSEUDO}' AS facet, '{ALL}' AS value, -COUNT(*) AS n "
                "FROM hidden h" + having,
                having_params,
            )
        )
        parts.append(
            (
                f"SELECT '{PSEUDO}' AS facet, '{UNDATED}' AS value, -COUNT(*) AS n "
                "FROM hidden h" + having + " WHERE h.sort_date IS NULL",
                having_params,
            )
        )
    return parts


def _having(library_id, name, values, column):
    """SQL (sql, params): `column` is an entry having one of `values` of `name`."""
    return (
        f"{column} IN (SELECT entry_id FROM practices_libraryvalue "
        f"WHERE library_id = %s AND facet = %s AND value IN ({_marks(values)}))",
        [library_id, name, *values],
    )


def from_entries(library_id, selected, groups):
    """CTEs and parts counting each group's (without, facets) among the public
    entries of the library having a chosen value of every chosen filter but
    `without` (of every one when None; "_" only then). Read from the values' index
    alone, each set of entries as the intersection of its filters' values: no page
    is joined (the entries hold only pages in their library's language), the
    entries that `public()` refuses are taken out as "hidden"."""
    ctes, parts = [], []
    for index, (without, facets) in enumerate(groups):
        names = [name for name in selected if selected[name] and name != without]
        # Driven by a filter with one value when there is one: each entry once.
        names.sort(key=lambda name: len(selected[name]) > 1)
        first = names[0]
        values = sorted(selected[first])
        distinct = "DISTINCT " if len(values) > 1 else ""
        sql = (
            f"SELECT {distinct}x.entry_id AS entry_id FROM practices_libraryvalue x "
            f"WHERE x.library_id = %s AND x.facet = %s AND x.value IN "
            f"({_marks(values)}) "
            "AND NOT EXISTS (SELECT 1 FROM hidden h WHERE h.id = x.entry_id)"
        )
        params = [library_id, first, *values]
        for name in names[1:]:
            condition, condition_params = _having(
                library_id, name, sorted(selected[name]), "x.entry_id"
            )
            sql += " AND " + condition
            params += condition_params
        name = f"matched{index}"
        ctes.append((f"{name} AS ({sql})", params))
        real = [facet for facet in facets if facet != PSEUDO]
        if real:
            parts.append(
                (
                    "SELECT v.facet AS facet, v.value AS value, COUNT(*) AS n "
                    f"FROM {name} m JOIN practices_libraryvalue v "
                    f"ON v.entry_id = m.entry_id WHERE v.facet IN ({_marks(real)}) "
                    "GROUP BY v.facet, v.value",
                    real,
                )
            )
        if PSEUDO in facets:
            parts.append(
                (
                    f"SELECT '{PSEUDO}' AS facet, '{ALL}' AS value, COUNT(*) AS n "
                    f"FROM {name} m",
                    [],
                )
            )
            parts.append(
                (
                    f"SELECT '{PSEUDO}' AS facet, '{UNDATED}' AS value, "
                    f"COUNT(*) AS n FROM {name} m JOIN practices_libraryentry e "
                    "ON e.page_id = m.entry_id WHERE e.sort_date IS NULL",
                    [],
                )
            )
    return ctes, parts


def counts(library_page, selected, facet_names):
    """{facet: {value: count}} of `Library.counts`, in one statement. A facet whose
    other chosen filters are none, or one filter with one value, is counted from the
    totals less the hidden entries; the others in one pass over the entries passing
    all the chosen filters but one (`passed_cte`, `from_passed`)."""
    chosen = [name for name in facet_names if selected.get(name)]
    groups = [(None, [name for name in facet_names if name not in chosen] + [PSEUDO])]
    groups += [(name, [name]) for name in chosen]
    parts, counted = [], []
    for without, facets in groups:
        others = [name for name in chosen if name != without]
        if not others or (
            len(others) == 1 and (len(selected[others[0]]) == 1 or others[0] in SINGLE)
        ):
            other = (others[0], sorted(selected[others[0]])) if others else None
            parts += from_totals(library_page.pk, facets, other)
        else:
            counted.append((without, facets))
    ctes, counted_parts = from_entries(
        library_page.pk, {name: selected[name] for name in chosen}, counted
    )
    return run(library_page, parts + counted_parts, ctes)


def run(library_page, parts, ctes=()):
    """{facet: {value: count}} of the parts (from_totals's, and from_passed's with
    the `ctes` of passed_cte()), in one statement, so that the totals, the entries
    and the hidden ones are read together."""
    library = [library_page.pk, library_page.locale_id]
    params = [*library, *library, *library, library_page.path]
    sql_ctes = HIDDEN
    for cte_sql, cte_params in ctes:
        sql_ctes += ",\n" + cte_sql
        params += cte_params
    for _sql, part_params in parts:
        params += part_params
    union = " UNION ALL ".join(
        f"SELECT * FROM ({sql}) AS part{index}"
        for index, (sql, _params) in enumerate(parts)
    )
    sql = (
        "WITH"
        + sql_ctes
        + "\nSELECT facet, value, SUM(n) FROM ("
        + union
        + ") AS parts GROUP BY facet, value"
    )
    counts = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, count in cursor.fetchall():
            if count:
                counts.setdefault(facet, {})[value] = int(count)
    return counts
