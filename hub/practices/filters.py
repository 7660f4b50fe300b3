"""Reading the library's filters from a URL, and applying them to the library's rows.

Bad input never raises: unknown values are dropped and reported, an unknown sort falls
back to the default, a page out of range shows the nearest page.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.translation import gettext as _

from hub.pages.facets import filter_and_count
from hub.pages.formatting import sort_text

from .library import (
    DEFAULT_SORT,
    FACETS,
    FACETS_BY_NAME,
    MAX_VALUE_LENGTH,
    MAX_VALUES_PER_FILTER,
    PAGE_SIZE,
    SORTS,
    choice_labels,
)


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


def _nulls_last(value, reverse=True):
    """A sort key: present values first (largest first when `reverse`), then None."""
    if value is None:
        return (1, Decimal(0))
    return (0, -value if reverse else value)


def sort_items(items, sort):
    by_title = sorted(items, key=lambda item: sort_text(item.title))
    if sort == "title":
        return by_title
    if sort == "budget":
        return sorted(by_title, key=lambda item: _nulls_last(item.total_budget))
    if sort == "participants":
        return sorted(by_title, key=lambda item: _nulls_last(item.participants))

    # newest (the latest start first) or oldest: undated items last either way
    sign = 1 if sort == "oldest" else -1

    def by_date(item):
        start = item.start_date or item.end_date
        return (0, sign * start.toordinal()) if start else (1, 0)

    return sorted(by_title, key=by_date)


DATE_SORTS = ("newest", "oldest")


def undated_count(items, sort):
    """How many of the items have no date, when they are sorted by date (0 else)."""
    if sort not in DATE_SORTS:
        return 0
    return sum(1 for item in items if not (item.start_date or item.end_date))


@dataclass
class LibraryResult:
    items: list  # every matching item, sorted
    facets: list
    active: list
    page_obj: object
    query: LibraryQuery
    notices: list

    @property
    def count(self):
        return len(self.items)


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


def search_library(library, params, base_url, page_size=PAGE_SIZE, load_pages=True):
    """The library filtered, counted, sorted and paginated as `params` ask."""
    query = LibraryQuery.from_params(params, library)
    items, counts = filter_and_count(
        library.items,
        lambda item: item.values,
        query.selected,
        [facet.name for facet in FACETS],
    )
    items = sort_items(items, query.sort)
    paginator = Paginator(items, page_size)
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
    if requested is not None and requested != page_obj.number and items:
        notices.append(
            _("There is no page %(asked)s; showing page %(shown)s of %(total)s.")
            % {
                "asked": requested,
                "shown": page_obj.number,
                "total": paginator.num_pages,
            }
        )
    if load_pages:
        library.load_pages(list(page_obj.object_list))
    return LibraryResult(
        items=items,
        facets=facet_views(library, query, counts),
        active=active_filters(library, query, base_url),
        page_obj=page_obj,
        query=query,
        notices=notices,
    )


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
