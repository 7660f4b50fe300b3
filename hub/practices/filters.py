"""Reading the library's filters from a URL, and asking the library for them.

Bad input never raises: unknown values are dropped and reported, an unknown sort falls
back to the default, a page out of range shows the nearest page.
"""

from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from hub.pages.formatting import sort_text

from . import library_sql
from .library import (
    DEFAULT_SORT,
    FACETS,
    FACETS_BY_NAME,
    MAX_VALUE_LENGTH,
    MAX_VALUES_PER_FILTER,
    PAGE_SIZE,
    SORTS,
    CountedPaginator,
    choice_labels,
)
from .library_counts import PSEUDO


@dataclass
class Option:
    value: str  # as written in the URL
    label: str
    count: int
    selected: bool


@dataclass
class FacetView:
    name: str
    label: str
    options: list

    @property
    def selected_count(self):
        return sum(1 for option in self.options if option.selected)


@dataclass
class ActiveFilter:
    facet_label: str
    label: str
    remove_url: str


@dataclass
class LibraryQuery:
    """What the reader asked for: {facet: set of value ids}, sort, page, notices."""

    selected: dict = field(default_factory=dict)
    sort: str = DEFAULT_SORT
    page: str = "1"
    ignored: list = field(default_factory=list)  # (facet label, value as given)
    unknown_sort: str = ""

    @classmethod
    def from_params(cls, params, library):
        query = cls()
        labels = choice_labels()
        for facet in FACETS:
            raw = []
            for value in params.getlist(facet.name):
                raw.extend(part.strip() for part in str(value).split(","))
            chosen = set()
            for value in [v for v in raw if v][:MAX_VALUES_PER_FILTER]:
                key = cls._value_id(facet, value[:MAX_VALUE_LENGTH], library, labels)
                if key is None:
                    query.ignored.append((facet.label, value[:40]))
                else:
                    chosen.add(key)
            if chosen:
                query.selected[facet.name] = chosen
        sort = str(params.get("sort", "") or "").strip()
        if sort and sort not in SORTS:
            query.unknown_sort = sort[:40]
        query.sort = sort if sort in SORTS else DEFAULT_SORT
        query.page = str(params.get("page", "1"))[:12]
        return query

    @staticmethod
    def _value_id(facet, value, library, labels):
        if facet.taxonomy:
            return library.slugs.get(facet.name, {}).get(value.lower())
        return value if value in labels[facet.name] else None

    def params(self, library, without=None):
        """The query as URL parameters (slugs in the page's language), optionally
        without one (facet, value id)."""
        pairs = []
        for facet in FACETS:
            for key in sorted(self.selected.get(facet.name, ())):
                if (facet.name, key) == without:
                    continue
                pairs.append((facet.name, url_value(facet, key, library)))
        if self.sort != DEFAULT_SORT:
            pairs.append(("sort", self.sort))
        return pairs


def url_value(facet, key, library):
    if facet.taxonomy:
        term = library.terms[facet.name].get(key)
        return term.slug if term else key
    return key


DATE_SORTS = ("newest", "oldest")


@dataclass
class LibraryResult:
    facets: list
    active: list
    page_obj: object  # its object_list: the LibraryItems shown
    query: LibraryQuery
    notices: list
    count: int = 0
    undated: int = 0  # items without a date, when sorted by date (0 else)
    library: object = None
    rows: object = None  # every matching item's row, sorted

    @cached_property
    def items(self):
        """Every matching item, sorted (for exports)."""
        return self.library.items_from(self.rows)


def facet_views(library, query, all_counts):
    """Every facet with its values, counts and selection, for the filter panel."""
    labels = choice_labels()
    views = []
    for facet in FACETS:
        counts = all_counts.get(facet.name, {})
        chosen = query.selected.get(facet.name, set())
        if facet.taxonomy:
            terms = library.terms[facet.name]
            keys = [key for key in terms if key in counts or key in chosen]
            keys.sort(key=lambda key: sort_text(terms[key].name))
            options = [
                Option(terms[key].slug, terms[key].name, counts.get(key, 0), False)
                for key in keys
            ]
        else:
            keys = [key for key in labels[facet.name] if key in counts or key in chosen]
            options = [
                Option(key, str(labels[facet.name][key]), counts.get(key, 0), False)
                for key in keys
            ]
        for option, key in zip(options, keys, strict=True):
            option.selected = key in chosen
        if options:
            views.append(FacetView(facet.name, str(facet.label), options))
    return views


def active_filters(library, query, base_url):
    labels = choice_labels()
    active = []
    for facet in FACETS:
        for key in sorted(query.selected.get(facet.name, ())):
            if facet.taxonomy:
                term = library.terms[facet.name].get(key)
                label = term.name if term else key
            else:
                label = str(labels[facet.name].get(key, key))
            params = query.params(library, without=(facet.name, key))
            url = base_url + ("?" + urlencode(params) if params else "")
            active.append(ActiveFilter(str(facet.label), label, url))
    return active


def search_library(
    library,
    params,
    base_url,
    page_size=PAGE_SIZE,
    load_pages=True,
    export=False,
    with_values=True,
):
    """The library filtered, counted, sorted and paginated as `params` ask: the
    counts, the total and the page of items shown, each read from the database.
    For an `export`, only the matching items (`items`), sorted: no counts, no page."""
    query = LibraryQuery.from_params(params, library)
    if export:
        rows = library.rows(library.matching(query.selected), query.sort)
        result = LibraryResult([], [], None, query, [], library=library, rows=rows)
        result.count = len(result.items)
        return result
    counts = library.counts(query.selected)
    totals = counts.pop(PSEUDO)
    totals = {"total": totals.get("all", 0), "undated": totals.get("undated", 0)}
    rows = SortedRows(library, query)
    paginator = CountedPaginator(rows, page_size, totals["total"])
    page_obj = paginator.get_page(query.page)
    notices = []
    if query.ignored:
        values = ", ".join(f"{label}: “{value}”" for label, value in query.ignored)
        notices.append(
            _("These filter values are not known and were left out: %(values)s.")
            % {"values": values}
        )
    if query.unknown_sort:
        notices.append(
            _("“%(sort)s” is not a way to sort the library; sorted by %(default)s.")
            % {"sort": query.unknown_sort, "default": str(SORTS[DEFAULT_SORT]).lower()}
        )
    requested = _page_number(query.page)
    if requested is not None and requested < 1:
        page_obj = paginator.get_page(1)
    if requested is not None and requested != page_obj.number and totals["total"]:
        notices.append(
            _("There is no page %(asked)s; showing page %(shown)s of %(total)s.")
            % {
                "asked": requested,
                "shown": page_obj.number,
                "total": paginator.num_pages,
            }
        )
    page_obj.object_list = library.items_from(page_obj.object_list, with_values)
    if load_pages:
        library.load_pages(page_obj.object_list)
    return LibraryResult(
        facets=facet_views(library, query, counts),
        active=active_filters(library, query, base_url),
        page_obj=page_obj,
        query=query,
        notices=notices,
        count=totals["total"],
        undated=totals["undated"] if query.sort in DATE_SORTS else 0,
        library=library,
        rows=rows,
    )


class SortedRows:
    """The matching items' rows, sorted, as the paginator slices them: a slice is
    read (when first iterated) by a statement compiled once per library, filters,
    sort and slice (library_sql.py); iterated whole, the queryset itself."""

    def __init__(self, library, query):
        self.library = library
        self.query = query

    def queryset(self):
        return self.library.rows(
            self.library.matching(self.query.selected), self.query.sort
        )

    def __iter__(self):
        return iter(self.queryset())

    def __getitem__(self, index):
        return _RowSlice(self, index)


class _RowSlice:
    def __init__(self, rows, index):
        self.rows, self.index = rows, index
        self._found = None

    def _read(self):
        if self._found is None:
            rows, index = self.rows, self.index
            key = (
                "rows",
                library_sql.chosen_key(rows.query.selected),
                rows.query.sort,
                index.start,
                index.stop,
            )
            self._found = library_sql.values_rows(
                rows.library.page, key, lambda: rows.queryset()[index]
            )
        return self._found

    def __iter__(self):
        return iter(self._read())

    def __len__(self):
        return len(self._read())


def _page_number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def describe_filters(library, query):
    """{facet: [labels]} of the filters applied, for exports."""
    described = {}
    for name, keys in query.selected.items():
        facet = FACETS_BY_NAME[name]
        names = []
        for key in sorted(keys):
            if facet.taxonomy:
                term = library.terms[name].get(key)
                names.append(term.slug if term else key)
            else:
                names.append(key)
        described[name] = names
    return described
