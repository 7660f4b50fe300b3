"""Serving a page: Wagtail's own view, with the page found by its URL in two queries.

Wagtail's `serve` finds the page by walking the tree from the site's root, one query
per level and one more for each level's specific page, after a query for the active
locale, and then checks view restrictions in two more: about nine queries for a page
three levels deep. `serve()` here first reads, in one query, every page whose
`url_path` the URL names (the page, each ancestor, the tree's root), with whether a
view restriction sits on each (the alias's source for an alias, as Wagtail reads it),
then the page's specific row: two queries. The first query also reads what the layout
shows around the page (HubPage.surroundings: breadcrumb, translations for the language
switcher and hreflang, the menu), which would otherwise cost a query of its own; an
index on url_path (hub/site/migrations/0001) keeps it an index scan at any size.
It hands that route to Wagtail's `serve`
(`request._wagtail_route_for_request`, the cache `Page.route_for_request` reads), so
the before_serve_page and on_serve_page hooks, view restrictions (password, login,
groups), redirects and previews behave as they always did.

It walks the rows as `Page.route` and `RoutablePageMixin.route` would (a routable
page's own sub-routes before its children, a page that is not live only at the end)
and leaves the request to Wagtail's route whenever it cannot tell the same answer: a
page type with a `route` of its own, a missing or draft page (Wagtail answers 404), a
root page without a live translation in the active language, a tree whose url_paths
disagree with its paths.

Both queries are compiled to SQL once per process and database connection (per URL
depth for the first, per page type for the second) and run with each request's
values, since building them cost more CPU than the rest of a cached page; and for an
anonymous reader the site comes from the sites kept under the page generation
(`find_site`), which every process drops when a site or a page changes, instead of a
query of its own.
"""

import copy
import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.query import ModelIterable, ValuesListIterable
from django.urls import Resolver404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from hub.cache import generation_kept
from hub.pages.models.base import HubPage
from hub.pages.visibility import _restriction_above

_STANDARD_ROUTES = (Page.route, RoutablePageMixin.route)


def serve(request, path):
    """Wagtail's serve view (wagtail.views.serve), given the route found here."""
    if not hasattr(request, "_wagtail_route_for_request"):
        found = find_route(request, path)
        if found is not None:
            request._wagtail_route_for_request = found
    return wagtail_views.serve(request, path)


def _ancestor_paths(url_path):
    """ "/home/library/" -> ["/", "/home/", "/home/library/"]."""
    parts = [part for part in url_path.split("/") if part]
    return [
        "/" + "".join(f"{part}/" for part in parts[:end])
        for end in range(len(parts) + 1)
    ]


def find_route(request, path):
    """The RouteResult Wagtail's route would give for `path`, or None to let
    Wagtail's route find it."""
    site = find_site(request)
    if site is None:
        return None
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None
    root = site.root_page
    # Wagtail's cached list, kept on the request for the page's links.
    root_paths = site_root_paths(request)
    root_path = next(
        (
            entry.root_path
            for entry in root_paths
            if entry.site_id == site.id and entry.language_code == language
        ),
        None,
    )
    if root_path is None:
        return None
    components = [component for component in path.split("/") if component]
    chain_paths = [root_path + "".join(f"{c}/" for c in components[:end])
                   for end in range(len(components) + 1)]  # fmt: skip
    wanted = [*_ancestor_paths(root_path)[:-1], *chain_paths]
    pages = _route_rows(wanted, root_path, chain_paths[-1])
    rows = {page.url_path: page for page in pages}
    # The tree from its root down to the page: each row the parent of the next.
    present = []
    for url_path in wanted:
        row = rows.get(url_path)
        if row is None:
            break
        if present and (
            row.depth != present[-1].depth + 1
            or not row.path.startswith(present[-1].path)
        ):
            return None
        present.append(row)
    start = len(wanted) - len(chain_paths)  # the root's place in the chain
    if len(present) <= start:
        return None
    root_row = present[start]
    if (
        root_row.translation_key != root.translation_key
        or root_row.hub_language != language
        or not (root_row.live or root_row.pk == root.pk)
    ):
        return None
    for index in range(start, len(wanted)):
        if index >= len(present):
            return None  # no such child: Wagtail answers 404 its own way
        row = present[index]
        model = _model(row.content_type_id)
        if model is None or _route_of(model) not in _STANDARD_ROUTES:
            return None
        remaining = components[index - start :]
        chain = present[: index + 1]
        if issubclass(model, RoutablePageMixin) and row.live:
            subpath = "/" + "".join(f"{c}/" for c in remaining)
            try:
                model.get_resolver().resolve(subpath)
            except Resolver404:
                pass
            else:
                page = _specific(
                    model, row, chain, pages, root_row, remaining, root_paths
                )
                match = page.resolve_subpage(subpath)
                request.routable_resolver_match = match
                view, args, kwargs = match
                return RouteResult(page, args=(view, args, kwargs))
        if not remaining:
            if not row.live:
                return None  # Wagtail's 404
            return RouteResult(
                _specific(model, row, chain, pages, root_row, remaining, root_paths)
            )
    return None


def _route_queryset(wanted, root_path, page_path):
    """Every page whose url_path is in `wanted`, the children of the language home at
    `root_path` and the translations of the page at `page_path`, with whether a view
    restriction sits on each (the alias's source for an alias), on it or above it, and
    its language."""
    restricted = PageViewRestriction.objects.filter(
        page_id=Coalesce(OuterRef("alias_of_id"), OuterRef("pk"))
    )
    # With them, what the layout shows around the page (HubPage.surroundings): the
    # language home's children and the page's translations.
    translation_key = Subquery(
        Page.objects.filter(url_path=page_path).values("translation_key")[:1]
    )
    return Page.objects.filter(
        Q(url_path__in=wanted)
        | Q(depth=3, url_path__startswith=root_path)
        | Q(translation_key=translation_key)
    ).annotate(
        hub_restricted=Exists(restricted),
        hub_hidden=Exists(_restriction_above()),
        hub_language=F("locale__language_code"),
    )


# Building these queries (their lookups, subqueries and annotations) cost about as
# much CPU as rendering a cached page. Their SQL is the same for every URL of the same
# depth but for the URL's values, so each is compiled once per database connection,
# with marks where the values go, and run with each request's values; the rows become
# instances as the ORM makes them (Model.from_db, the same converters). A query whose
# values cannot all be told from its parameters is built each time instead.
_MEMO_ATTRIBUTE = "_hub_compiled_queries"
_MEMO_MAX_DEPTH = 24  # deeper URLs (none in the hub) are built each time
_MARK_PREFIX = "hubroutevalue"
# + the value's number: no row has such an id, and it is in range of a 32-bit key
# (Django compiles a lookup out of a field's range to no SQL at all).
_INTEGER_MARK = -2_073_640_192
# + the value's number of microseconds: an instant no row is compared with.
_DATETIME_MARK = datetime.datetime(1999, 12, 31, 23, 59, 59, 1, tzinfo=datetime.UTC)


class _Uncompilable(Exception):
    pass


class _Compiled:
    """`build(**values)`'s SQL, compiled once with marks for the values: strings
    (`strings`, also compared with `startswith`, the LIKE pattern Django makes of
    them), integers (`integers`) and aware datetimes compared with a DateTimeField
    (`datetimes`, as the database adapts them)."""

    def __init__(self, connection, using, build, strings=(), integers=(), datetimes=()):
        like = connection.ops.prep_for_like_query
        adapt = connection.ops.adapt_datetimefield_value
        marks, slots = {}, {}
        for name in strings:
            marks[name] = mark = f"{_MARK_PREFIX}{name}x"
            slots[mark] = ("value", name)
            slots[like(mark) + "%"] = ("startswith", name)
        for number, name in enumerate(integers):
            marks[name] = mark = _INTEGER_MARK + number
            slots[mark] = ("value", name)
        adapted = {}
        for number, name in enumerate(datetimes):
            marks[name] = mark = _DATETIME_MARK + datetime.timedelta(
                microseconds=number
            )
            adapted[adapt(mark)] = ("datetime", name)
        queryset = build(**marks)
        if queryset._prefetch_related_lookups or queryset.query.select_related:
            raise _Uncompilable(queryset)
        compiler = queryset.query.get_compiler(using=using)
        self.sql, template = compiler.as_sql()
        self.params = []
        for param in template:
            if (isinstance(param, str) and _MARK_PREFIX in param) or (
                isinstance(param, int) and param in slots
            ):
                if param not in slots:
                    raise _Uncompilable(param)
                self.params.append(slots[param])
            elif adapted and _is_datetime_mark(param, adapted):
                self.params.append(adapted[param])
            else:
                self.params.append(("constant", param))
        if {slot[1] for slot in self.params if slot[0] != "constant"} != set(marks):
            raise _Uncompilable(template)
        self.like = like
        self.adapt = adapt
        self.compiler = compiler
        self.converters = compiler.get_converters(
            [column[0] for column in compiler.select]
        )
        query = queryset.query
        if queryset._iterable_class is ValuesListIterable:
            # values_list(): its rows, plain tuples in the select's order (no
            # annotation, which values_list() would put back in its own order).
            if query.annotation_select or query.extra_select:
                raise _Uncompilable(query)
            self.model = None
            return
        if queryset._iterable_class is not ModelIterable:
            raise _Uncompilable(queryset._iterable_class)
        klass_info = compiler.klass_info
        if klass_info.get("related_klass_infos"):
            raise _Uncompilable(klass_info)
        self.model = klass_info["model"]
        select = compiler.select
        fields = klass_info["select_fields"]
        self.model_slice = slice(fields[0], fields[-1] + 1)
        self.init_list = [
            column[0].target.attname for column in select[self.model_slice]
        ]
        self.annotations = list(compiler.annotation_col_map.items())

    def run(self, connection, using, values):
        params = []
        for kind, value in self.params:
            if kind == "constant":
                params.append(value)
            elif kind == "value":
                params.append(values[value])
            elif kind == "datetime":
                params.append(self.adapt(values[value]))
            else:
                params.append(self.like(values[value]) + "%")
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        if self.model is None:
            return [tuple(row) for row in rows]
        found = []
        for row in rows:
            instance = self.model.from_db(using, self.init_list, row[self.model_slice])
            for name, position in self.annotations:
                setattr(instance, name, row[position])
            found.append(instance)
        return found


def _is_datetime_mark(param, adapted):
    """Whether a parameter is one of the datetime marks, as adapted (a string on
    SQLite, the datetime itself on PostgreSQL)."""
    try:
        return param in adapted
    except TypeError:  # an unhashable parameter (a list): no mark
        return False


def _compiled(using, key, build, strings=(), integers=(), datetimes=()):
    """The memo of `key` on this connection (None: built each time)."""
    connection = connections[using]
    memo = connection.__dict__.setdefault(_MEMO_ATTRIBUTE, {})
    compiled = memo.get(key)
    if compiled is None:
        try:
            compiled = _Compiled(connection, using, build, strings, integers, datetimes)
        except (_Uncompilable, EmptyResultSet, FullResultSet):
            compiled = False
        memo[key] = compiled
    return compiled or None


def _route_rows(wanted, root_path, page_path):
    using = Page.objects.db
    size = len(wanted)
    compiled = size <= _MEMO_MAX_DEPTH and _compiled(
        using,
        ("route", size),
        lambda root, page, **paths: _route_queryset(
            [paths[f"w{index}"] for index in range(size)], root, page
        ),
        strings=("root", "page", *(f"w{index}" for index in range(size))),
    )
    if not compiled:
        return list(_route_queryset(wanted, root_path, page_path))
    values = {f"w{index}": path for index, path in enumerate(wanted)}
    values["root"], values["page"] = root_path, page_path
    return compiled.run(connections[using], using, values)


def _specific_row(model, pk):
    """model._default_manager.get(pk=pk)."""
    manager = model._default_manager
    using = manager.db
    compiled = _compiled(
        using,
        ("specific", model._meta.label),
        lambda pk: manager.filter(pk=pk),
        integers=("pk",),
    )
    if compiled and compiled.model is model:
        found = compiled.run(connections[using], using, {"pk": pk})
        if len(found) == 1:
            return found[0]
    return manager.get(pk=pk)  # Wagtail's answer, or its exception


# Wagtail's Site.find_for_request reads the sites in a query of its own on every
# request. For an anonymous reader, the sites (with their root pages) are kept in this
# process under the hub's page generation (hub/cache.py), which any process draws anew
# once a site, or a page, is saved, published, moved or deleted
# (hub/site/cache_invalidation.py): the next request of every process reads them
# again. Without a cache that every process shares, for a request with a session
# (editors), or inside a transaction (whose own changes no generation reflects until
# it commits), Wagtail reads them as ever.
_SITES = {}


def _shared_generation(request):
    from hub.cache import is_shared, page_generation

    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    if connections[Site.objects.db].in_atomic_block:
        return None
    generation = getattr(request, "_hub_fragment_generation", None)
    if generation is not None:
        return generation  # read by hub.fragments.FragmentGenerationMiddleware
    if not is_shared(settings.CACHES[settings.HUB_PAGE_CACHE]):
        return None
    try:
        return page_generation(caches[settings.HUB_PAGE_CACHE])
    except Exception:  # noqa: BLE001 - a cache down: Wagtail's query
        return None


def site_root_paths(request):
    """Site.get_site_root_paths(), kept on the request as Wagtail keeps it there (for
    the links of every page the request shows), and in the process for the page
    generation of an anonymous public request (hub.cache.generation_kept): a site, a
    root page or its translations change only with a page or a site saved, which
    draws a new generation; Wagtail's own copy is dropped just before
    (hub/site/cache_invalidation.py). It saves a round trip to the cache and an
    unpickling per request."""
    if request is not None:
        try:
            return request._wagtail_cached_site_root_paths
        except AttributeError:
            pass
    paths = generation_kept(None, "hub:site-root-paths", Site.get_site_root_paths)
    if request is not None:
        request._wagtail_cached_site_root_paths = paths
    return paths


def find_site(request):
    """Site.find_for_request(request), the same answer, from the sites kept under the
    current generation when there is one."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    generation = _shared_generation(request)
    if generation is None:
        return Site.find_for_request(request)
    try:
        int(request.get_port())
    except ValueError:
        return Site.find_for_request(request)
    sites = _SITES.get(generation)
    if sites is None:
        sites = list(Site.objects.select_related("root_page"))
        _SITES.clear()
        _SITES[generation] = sites
    site = _site_for_hostname(sites, request)
    if site is not None:
        # Each request its own copy, as a query would give it.
        site = copy.copy(site)
        site.root_page = copy.copy(site.root_page)
    request._wagtail_site = site
    return site


def _site_for_hostname(sites, request):
    """wagtail.models.sites.get_site_for_hostname on the sites in hand."""
    from django.http.request import split_domain_port
    from wagtail.models.sites import (
        MATCH_DEFAULT,
        MATCH_HOSTNAME,
        MATCH_HOSTNAME_DEFAULT,
        MATCH_HOSTNAME_PORT,
    )

    hostname = split_domain_port(request._get_raw_host())[0]
    port = int(request.get_port())  # as the query compares it

    def match(site):
        if site.hostname == hostname and site.port == port:
            return MATCH_HOSTNAME_PORT
        if site.hostname == hostname and site.is_default_site:
            return MATCH_HOSTNAME_DEFAULT
        if site.is_default_site:
            return MATCH_DEFAULT
        return MATCH_HOSTNAME

    found = sorted(
        (
            (match(site), site)
            for site in sites
            if site.hostname == hostname or site.is_default_site
        ),
        key=lambda pair: pair[0],
    )
    if found:
        if len(found) == 1 or found[0][0] in (
            MATCH_HOSTNAME_PORT,
            MATCH_HOSTNAME_DEFAULT,
        ):
            return found[0][1]
        if found[0][0] == MATCH_DEFAULT:
            return found[len(found) == 2][1]
    return None


def _model(content_type_id):
    try:
        return ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        return None


def _route_of(model):
    return getattr(model.route, "__func__", model.route)


def _specific(model, row, chain, pages, root_row, remaining, root_paths):
    """The page's specific row, told which view restrictions sit on it or above it
    (HubPage.get_view_restrictions reads them) and, for the page at the end of the
    URL under its language's home, its surroundings (HubPage.surroundings)."""
    page = _specific_row(model, row.pk)
    # The site root paths this request read, for the page's own URL where a template
    # asks for it without the request (Wagtail keeps them on the page then): the same
    # list, without reading it from the cache again.
    page._wagtail_cached_site_root_paths = root_paths
    page._hub_view_restriction_pages = (
        {r.alias_of_id or r.pk for r in chain},
        any(r.hub_restricted for r in chain),
    )
    if (
        isinstance(page, HubPage)
        and not remaining
        and root_row.depth == 2
        and page.path.startswith(root_row.path)
    ):
        shown = [
            other
            for other in pages
            if other.live and not other.hub_hidden and page.is_surrounding(other)
        ]
        page.surroundings = page.arrange_surroundings(
            sorted(shown, key=lambda other: other.path)
        )
    return page
