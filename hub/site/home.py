"""The home page's ways into the library: one entry per theme and a map of every
project's regions, each leading to the library filtered by it, with its count.

Counting reads the whole library (hub.practices.library), so the result is kept in the
shared cache per language; any publication, unpublication, deletion, move, view
restriction or taxonomy change starts a new generation of keys (`forget`)."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import QueryDict
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from hub.pages.models import Region, Theme
from hub.pages.visibility import public
from hub.practices.channel_map import (
    HEIGHT,
    REGION_CENTRES,
    WIDTH,
    land_paths,
    project,
    svg_number,
)
from hub.practices.filters import search_library
from hub.practices.library import Library
from hub.practices.models import LibraryIndexPage

GENERATION_KEY = "hub:site:home-entries:generation"
SECONDS = 3600


def _generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, None)
        generation = cache.get(GENERATION_KEY) or 1
    return generation


def forget(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def _forget_if_relevant(sender, instance=None, **kwargs):
    if isinstance(instance, Page | PageViewRestriction | Theme | Region):
        forget()


def connect():
    uid = "hub.site.home.forget"
    page_published.connect(forget, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(forget, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(forget, dispatch_uid=f"{uid}.moved")
    post_save.connect(_forget_if_relevant, dispatch_uid=f"{uid}.saved")
    post_delete.connect(_forget_if_relevant, dispatch_uid=f"{uid}.deleted")


def entry_points(home):
    """{"library_url", "themes": [{label, count, url}], "map": {...}} for the home
    page's language, or None when it has no public library."""
    key = f"hub:site:home-entries:{_generation()}:{home.locale_id}"
    found = cache.get(key)
    if found is None:
        found = _compute(home) or {}
        cache.set(key, found, SECONDS)
    return found or None


def _compute(home):
    library_page = (
        public(LibraryIndexPage.objects.live().filter(locale_id=home.locale_id))
        .order_by("path")
        .first()
    )
    if library_page is None:
        return None
    base_url = library_page.url
    library = Library(library_page)
    result = search_library(library, QueryDict(), base_url, load_pages=False)
    facets = {facet.name: facet for facet in result.facets}

    def entries(name):
        facet = facets.get(name)
        return [
            {
                "slug": option.value,
                "label": str(option.label),
                "count": option.count,
                "url": f"{base_url}?{name}={option.value}",
            }
            for option in (facet.options if facet else [])
            if option.count
        ]

    regions = entries("region")
    markers = []
    for region in regions:
        centre = REGION_CENTRES.get(region["slug"])
        if centre is None:
            continue
        x, y = project(*centre)
        right_half = x > WIDTH * 0.7
        markers.append(
            {
                **region,
                "x": svg_number(x),
                "y": svg_number(y),
                "label_x": svg_number(x - 12 if right_half else x + 12),
                "anchor": "end" if right_half else "start",
            }
        )
    sea_x, sea_y = project(-2.6, 50.1)
    return {
        "library_url": base_url,
        "total": result.count,
        "themes": entries("theme"),
        "regions": regions,
        "map": {
            "width": str(WIDTH),
            "height": str(HEIGHT),
            "land": list(land_paths()),
            "markers": markers,
            "sea_label": {
                "x": svg_number(sea_x),
                "y": svg_number(sea_y),
                "text": _("English Channel"),
            },
            "countries": [
                {"x": svg_number(x), "y": svg_number(y), "text": text}
                for (x, y), text in (
                    (project(-1.6, 51.75), _("England")),
                    (project(0.9, 48.3), _("France")),
                )
            ],
        },
    }
