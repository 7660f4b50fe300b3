"""The library page's views: the filtered list, its exports, and the comparison."""

from django.template.loader import get_template
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from . import exports
from .compare import MAX_ITEMS, MIN_ITEMS, compare
from .filters import search_library
from .library import DEFAULT_SORT, SORTS, Library
from .library_render import (
    LISTING_TEMPLATE,
    keep_listing,
    listing_slot,
    prepare_facets,
    read_listing,
    render_cards,
    rendered_once,
)
from .models.report import evidence_scale

EXPORT_FORMATS = {"csv": exports.csv_response, "json": exports.json_response}


def library_view(page, request):
    export_format = str(request.GET.get("format", "")).strip().lower()
    export = EXPORT_FORMATS.get(export_format)
    slot = None if export is not None else listing_slot(page, request)
    kept = read_listing(slot)
    if kept is not None:
        return _library_page(page, request, *kept)
    library = Library(page, with_figures=True)
    page_url = page.get_url(request)
    result = search_library(
        library,
        request.GET,
        page_url,
        # The items' values and pages only for the cards not kept (library_render.py).
        load_pages=False,
        with_values=False,
        export=export is not None,
    )
    if export is not None:
        return export(library, result, request)
    prepare_facets(result)
    render_cards(library, result.page_obj.object_list, request, page_url)
    if export_format:
        result.notices.append(
            _("“%(format)s” is not an export format; choose CSV or JSON.")
            % {"format": export_format[:20]}
        )
    listing = get_template(LISTING_TEMPLATE).render(
        {
            "library": result,
            "sort_options": list(SORTS.items()),
            "default_sort": DEFAULT_SORT,
            "undated": result.undated,
            "page_url": page_url,  # {% pageurl page %}
            "compare_url": page_url + page.reverse_subpage("compare_view"),
            "min_compare": MIN_ITEMS,
            "max_compare": MAX_ITEMS,
            # The same in every request of a language: rendered once per process.
            "evidence_scale_html": rendered_once(
                "includes/evidence_scale.html", scale=evidence_scale
            ),
            "feed_links_html": rendered_once("includes/feed_links.html"),
        },
        request,
    )
    # A filtered list, or a page after the first, is not for search engines.
    noindex = bool(result.query.selected) or result.page_obj.number > 1
    keep_listing(slot, listing, noindex)
    return _library_page(page, request, listing, noindex)


def _library_page(page, request, listing, noindex):
    context = page.get_context(request)
    context.update(
        {
            "listing_html": listing,
            "noindex": noindex,
            "feed_head_links_html": rendered_once(
                "includes/feed_head_links.html", kinds="case-studies actions"
            ),
        }
    )
    return TemplateResponse(request, page.get_template(request), context)


def compare_view(page, request):
    library = Library(page, with_figures=True)
    comparison = compare(library, request.GET, request)
    context = page.get_context(request)
    context.update(
        {
            "comparison": comparison,
            "terms": library.terms,
            "compare_url": page.get_url(request) + page.reverse_subpage("compare_view"),
            "min_compare": MIN_ITEMS,
            "max_compare": MAX_ITEMS,
        }
    )
    return TemplateResponse(request, "practices/library_compare.html", context)
