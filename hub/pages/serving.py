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
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import Resolver404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

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
    site = Site.find_for_request(request)  # cached on the request, as Wagtail does
    if site is None:
        return None
    try:
        language = get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None
    root = site.root_page
    root_path = next(
        (
            entry.root_path
            # Wagtail's cached list, kept on the request for the page's links.
            for entry in root._get_site_root_paths(request)
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
    restricted = PageViewRestriction.objects.filter(
        page_id=Coalesce(OuterRef("alias_of_id"), OuterRef("pk"))
    )
    # With them, what the layout shows around the page (HubPage.surroundings): the
    # language home's children and the page's translations.
    translation_key = Subquery(
        Page.objects.filter(url_path=chain_paths[-1]).values("translation_key")[:1]
    )
    pages = list(
        Page.objects.filter(
            Q(url_path__in=wanted)
            | Q(depth=3, url_path__startswith=root_path)
            | Q(translation_key=translation_key)
        ).annotate(
            hub_restricted=Exists(restricted),
            hub_hidden=Exists(_restriction_above()),
            hub_language=F("locale__language_code"),
        )
    )
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
                page = _specific(model, row, chain, pages, root_row, remaining)
                match = page.resolve_subpage(subpath)
                request.routable_resolver_match = match
                view, args, kwargs = match
                return RouteResult(page, args=(view, args, kwargs))
        if not remaining:
            if not row.live:
                return None  # Wagtail's 404
            return RouteResult(_specific(model, row, chain, pages, root_row, remaining))
    return None


def _model(content_type_id):
    try:
        return ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        return None


def _route_of(model):
    return getattr(model.route, "__func__", model.route)


def _specific(model, row, chain, pages, root_row, remaining):
    """The page's specific row, told which view restrictions sit on it or above it
    (HubPage.get_view_restrictions reads them) and, for the page at the end of the
    URL under its language's home, its surroundings (HubPage.surroundings)."""
    page = model._default_manager.get(pk=row.pk)
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
