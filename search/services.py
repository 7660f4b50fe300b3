"""The hub's search service: one entry point for the search page, its JSON, the
suggestions and the benchmarks, whatever backend answers.

    query = SearchQuery.from_params(request.GET, language="fr")
    results = search_pages(query, request)
    suggestions = suggest_pages("l'éval", "fr", request)

The search engine (Elasticsearch or OpenSearch) answers when one is configured
(engine_search.py); the database backend answers otherwise (database_search.py), and
also when the engine fails or is slower than SEARCH_ENGINE_TIMEOUT: the results then
say so (``engine_unavailable``), a warning is logged, and the engine is left alone for
ENGINE_REST_SECONDS before it is tried again.
"""

import logging
import math
import re
import time
from dataclasses import dataclass, field
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from modelsearch.backends import get_search_backend
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page
from wagtail.urls import serve_pattern

from hub.pages.dates import list_date_precision
from hub.pages.localization import compiled_rows, language_code
from hub.pages.search_data import FACETS, page_type, result_type_label
from hub.pages.serving import find_site, site_root_paths

from . import database_search, engine_search
from .facets import FacetCatalogue
from .text import clean_query

logger = logging.getLogger(__name__)

PER_PAGE = 10
MAX_PAGE = 500  # deep pages are refused by engines (from + size <= 10,000)
SORTS = ("relevance", "date")
ALL_LANGUAGES = "all"
ENGINE_REST_SECONDS = 15


@dataclass
class SearchQuery:
    text: str = ""
    language: str = "en"
    all_languages: bool = False
    # facet -> selected values as in URLs (slugs, type values, country codes, years)
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE

    @classmethod
    def from_params(cls, params, language):
        """From a query string (a QueryDict or a plain dict of lists), forgiving any
        malformed value: an unknown sort is relevance, a bad page number is 1."""
        getlist = params.getlist if hasattr(params, "getlist") else params.get
        text = clean_query(_first(params.get("q", "")))
        sort = _first(params.get("sort", "")) or "relevance"
        try:
            page = int(_first(params.get("page", "")) or 1)
        except (TypeError, ValueError):
            page = 1
        filters = {}
        for facet in FACETS:
            values = getlist(facet) or []
            if isinstance(values, str):
                values = [values]
            values = [clean_query(v) for v in values if clean_query(v)]
            if values:
                filters[facet] = values
        return cls(
            text=text,
            language=language,
            all_languages=_first(params.get("lang", "")) == ALL_LANGUAGES,
            filters=filters,
            sort=sort if sort in SORTS else "relevance",
            page=min(max(page, 1), MAX_PAGE),
        )

    @property
    def languages(self):
        if self.all_languages:
            return [code for code, _name in settings.LANGUAGES]
        return [self.language]

    @property
    def is_empty(self):
        """Nothing asked: no words and no filter."""
        return not self.text and not self.filters


@dataclass
class SearchHit:
    page_id: int
    title: str
    url: str
    type: str  # type facet value: "case-study", ...
    type_label: str
    language: str
    date: object  # datetime.date or None
    snippet: str  # safe HTML: escaped text with <mark> around matched words
    # "month", "season" or "year" when that is all the sources give; "hub"
    # (hub.pages.dates.HUB_PUBLICATION) when the date is the hub's first publication.
    date_precision: str = "day"


@dataclass
class SearchResults:
    query: SearchQuery
    hits: list
    total: int
    page: int
    num_pages: int
    facets: list
    selected: dict  # facet -> index keys actually applied
    total_without_filters: int = 0
    backend: str = "database"  # "engine" or "database"
    engine_unavailable: bool = False

    @property
    def start_index(self):
        return (self.page - 1) * self.query.per_page + 1

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.num_pages


@dataclass
class Suggestion:
    title: str
    url: str
    type: str
    type_label: str


# -- backends ---------------------------------------------------------------------

_backends = {}
_engine_resting_until = 0.0


@receiver(setting_changed)
def _forget_backends(setting, **kwargs):
    if setting in {"WAGTAILSEARCH_BACKENDS", "SEARCH_ENGINE_TIMEOUT"}:
        _backends.clear()
        engine_recovered()


def _backend(alias):
    if alias not in _backends:
        _backends[alias] = get_search_backend(alias)
    return _backends[alias]


def search_engine():
    """The configured search engine backend, or None when the database answers."""
    backend = _backend("default")
    return backend if getattr(backend, "is_search_engine", False) else None


def database_backend():
    alias = "database" if "database" in settings.WAGTAILSEARCH_BACKENDS else "default"
    backend = _backend(alias)
    if getattr(backend, "is_search_engine", False):
        raise RuntimeError(
            "WAGTAILSEARCH_BACKENDS needs a 'database' backend beside the engine."
        )
    return backend


def engine_recovered():
    global _engine_resting_until
    _engine_resting_until = 0.0


def _with_fallback(engine_call, database_call):
    """(result, backend name, engine_unavailable) from the engine if it answers."""
    global _engine_resting_until
    engine = search_engine()
    if engine is not None and time.monotonic() >= _engine_resting_until:
        try:
            return engine_call(engine), "engine", False
        except Exception as error:  # noqa: BLE001 - any engine failure falls back
            logger.warning(
                "Search engine unavailable, answering from the database: %s: %s",
                type(error).__name__,
                str(error)[:300],
            )
            _engine_resting_until = time.monotonic() + ENGINE_REST_SECONDS
    return database_call(database_backend()), "database", engine is not None


# -- searching ----------------------------------------------------------------------


def search_pages(query, request=None):
    """Search live public hub pages: SearchResults with hits, facets and counts."""
    catalogue = FacetCatalogue(query.language)
    selected = {
        facet: keys
        for facet, values in query.filters.items()
        if (keys := catalogue.index_keys(facet, values))
    }
    if query.is_empty:
        return SearchResults(
            query=query,
            hits=[],
            total=0,
            page=1,
            num_pages=0,
            facets=catalogue.build({}, selected),
            selected=selected,
        )
    timeout = settings.SEARCH_ENGINE_TIMEOUT
    outcome, backend, unavailable = _with_fallback(
        lambda engine: engine_search.search(engine, query, selected, timeout),
        lambda database: database_search.search(database, query, selected),
    )
    num_pages = max(1, math.ceil(outcome.total / query.per_page))
    hits = _hits(outcome, request, query)
    return SearchResults(
        query=query,
        hits=hits,
        total=outcome.total,
        page=outcome.page,
        num_pages=num_pages if outcome.total else 0,
        facets=catalogue.build(outcome.counts, selected),
        selected=selected,
        total_without_filters=outcome.total_without_filters,
        backend=backend,
        engine_unavailable=unavailable,
    )


def count_pages(query):
    """How many results `search_pages(query)` would give (the total only: no page
    read, no facet counted, no ranking on the database backend)."""
    if query.is_empty:
        return 0
    catalogue = FacetCatalogue(query.language)
    selected = {
        facet: keys
        for facet, values in query.filters.items()
        if (keys := catalogue.index_keys(facet, values))
    }
    timeout = settings.SEARCH_ENGINE_TIMEOUT
    total, _backend_name, _unavailable = _with_fallback(
        lambda engine: engine_search.count(engine, query, selected, timeout),
        lambda database: database_search.count(database, query, selected),
    )
    return total


def suggest_pages(text, language, request=None, limit=8):
    """Pages whose title (or summary) starts with what the reader is typing."""
    text = clean_query(text)
    if not text.strip():
        return []
    timeout = settings.SEARCH_ENGINE_TIMEOUT
    page_ids, _backend_name, _unavailable = _with_fallback(
        lambda engine: engine_search.suggest(engine, text, language, limit, timeout),
        lambda database: database_search.suggest(database, text, language, limit),
    )
    pages = shown_pages(page_ids)
    url = PageUrls(request)
    suggestions = []
    for page_id in page_ids:
        page = pages.get(page_id)
        if page is None:
            continue
        suggestions.append(
            Suggestion(
                title=page.title,
                url=url(page.url_path) or "",
                type=page.result_type,
                type_label=page.result_type_label,
            )
        )
    return suggestions


def _hits(outcome, request, query):
    pages = outcome.pages
    if pages is None:
        if any(hit.date_precision is None for hit in outcome.hits):
            # The precision of the dates is in the engine's documents; an index
            # made before it was needs the pages' own fields.
            pages = database_search.pages_for_display(
                [hit.page_id for hit in outcome.hits], with_precision=True
            )
        else:
            pages = shown_pages([hit.page_id for hit in outcome.hits])
    url = PageUrls(request)
    hits = []
    for found in outcome.hits:
        page = pages.get(found.page_id)
        if page is None:  # deleted since it was indexed
            continue
        hits.append(
            SearchHit(
                page_id=page.pk,
                title=page.title,
                url=url(page.url_path) or "",
                type=found.type or page.result_type,
                type_label=page.result_type_label,
                language=page.search_language,
                date=found.date,
                snippet=found.snippet,
                date_precision=found.date_precision or list_date_precision(page),
            )
        )
    return hits


# -- pages shown ----------------------------------------------------------------------


# Past this many pages (never a page of results), shown_pages builds its query each
# time: one compiled statement is kept per number of pages.
_COMPILED_PAGES = 50


@dataclass
class ShownPage:
    """What a result or a suggestion shows of a page, read without the page itself."""

    pk: int
    title: str
    url_path: str
    result_type: str
    result_type_label: str
    search_language: str


def shown_pages(page_ids):
    """{pk: ShownPage} of these pages, in one query of five columns, compiled once
    per connection and number of pages (a page of results, a list of suggestions):
    building it cost twice as much CPU as running it."""
    if not page_ids:
        return {}

    def build(**ids):
        return (
            Page.objects.filter(pk__in=[ids[f"p{n}"] for n in range(len(ids))])
            .order_by()
            .values_list("pk", "title", "url_path", "locale_id", "content_type_id")
        )

    ids = {f"p{n}": pk for n, pk in enumerate(page_ids)}
    if len(ids) > _COMPILED_PAGES:
        rows = build(**ids)
    else:
        rows = compiled_rows(Page, ("shown pages", len(ids)), build, **ids)
    shown = {}
    for pk, title, url_path, locale_id, content_type_id in rows:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        shown[pk] = ShownPage(
            pk=pk,
            title=title,
            url_path=url_path,
            result_type=page_type(model),
            result_type_label=result_type_label(model),
            search_language=language_code(locale_id),
        )
    return shown


# What Django's reverse() leaves unquoted in a path, and the paths Wagtail serves.
_URL_SAFE = RFC3986_SUBDELIMS + "/~:@"
_SERVED_PATH = re.compile(serve_pattern.removeprefix("^").removesuffix("$"))


class PageUrls:
    """`page.get_url(request)` from a page's url_path alone, the same URL: Wagtail's
    site root paths (hub.pages.serving.site_root_paths: read once per request, kept on
    it as Wagtail keeps them, and in the process for the page generation), the
    site of the request (hub.pages.serving.find_site: from the sites kept under the
    page generation, no query) and, for each language, the path Wagtail's serve view
    reverses to, reversed once: a page's URL is that path followed by the page's own
    below its site's root, quoted as reverse() quotes it. Ten results and the layout's
    links cost about forty URL reversals and a site query otherwise."""

    def __init__(self, request):
        self.request = request
        self.root_paths = site_root_paths(request)
        self.site = find_site(request) if request is not None else None
        self.sites = len({root_path[0] for root_path in self.root_paths})
        self.active = translation.get_language()
        try:
            self.variant = get_supported_content_language_variant(self.active)
        except LookupError:
            self.variant = None
        self.prefixes = {}

    def __call__(self, url_path):
        possible = [
            root_path
            for root_path in self.root_paths
            if url_path.startswith(root_path.root_path)
        ]
        if not possible:
            return None
        site_id, root_path, root_url, language = possible[0]
        if (
            len({values[0] for values in possible}) > 1
            and isinstance(self.request, HttpRequest)
            and self.site
        ):
            for values in possible:
                if values[0] == self.site.pk:
                    site_id, root_path, root_url, language = values
                    break
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False) and (
            self.variant == language
        ):
            language = self.active
        page_path = self._path(language, url_path[len(root_path) :])
        if page_path is None:
            return None
        if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and page_path != "/":
            page_path = page_path.rstrip("/")
        if (self.site is not None and site_id == self.site.id) or self.sites == 1:
            return page_path
        return root_url + page_path

    def _path(self, language, below_root):
        if _SERVED_PATH.fullmatch(below_root):
            if language not in self.prefixes:
                self.prefixes[language] = self._reverse(language, "")
            prefix = self.prefixes[language]
            if prefix is not None:
                path = prefix + quote(below_root, safe=_URL_SAFE)
                if not path.startswith("//"):
                    return path
        return self._reverse(language, below_root)

    @staticmethod
    def _reverse(language, below_root):
        try:
            if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
                with translation.override(language):
                    return reverse("wagtail_serve", args=(below_root,))
            return reverse("wagtail_serve", args=(below_root,))
        except NoReverseMatch:
            return None


def _first(value):
    if isinstance(value, list | tuple):
        return value[0] if value else ""
    return value or ""
