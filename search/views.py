"""The search page (HTML, or JSON with format=json) and the suggestions endpoint."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import get_language, ngettext, pgettext
from django.views.decorators.http import require_GET

from hub.pages.dates import work_iso_date
from hub.pages.serving import find_site
from hub.pages.templatetags.fragment_tags import PATH_FRAGMENTS

from .render import SearchUrls, facet_fieldsets, result_rows
from .services import (
    ALL_LANGUAGES,
    SearchQuery,
    count_pages,
    search_pages,
    suggest_pages,
)
from .spelling import did_you_mean


def reading_language():
    return (get_language() or "en").split("-")[0]


@require_GET
def search(request):
    # The request's site, from the sites kept under the page generation: the links of
    # the results and of the layout would read it with a query of their own.
    find_site(request)
    query = SearchQuery.from_params(request.GET, reading_language())
    results = search_pages(query, request)
    if request.GET.get("format") == "json":
        response = JsonResponse(results_as_json(results, request))
    else:
        urls = SearchUrls(request)
        response = render(
            request,
            "search/search.html",
            {
                # The noun (« Recherche »), not the button's verb (« Rechercher »).
                "title": pgettext("page title", "Search"),
                "query": query,
                "results": results,
                "facet_fieldsets": facet_fieldsets(results.facets, results.total),
                "result_rows": result_rows(results.hits, query.all_languages),
                "active_filters": _active_filters(results.facets, urls),
                "sort_urls": {
                    sort: urls(sort=None if sort == "relevance" else sort)
                    for sort in ("relevance", "date")
                },
                "language_urls": {
                    "current": urls(lang=None),
                    "all": urls(lang=ALL_LANGUAGES),
                },
                "clear_filters_url": urls(**{f.name: None for f in results.facets}),
                "other_language": _other_language(results, urls),
                "spelling": _spelling(results, urls),
                # The layout's menu and breadcrumb are the same whatever the query.
                PATH_FRAGMENTS: True,
            },
        )
    response["X-Search-Backend"] = results.backend
    if results.engine_unavailable:
        response["X-Search-Fallback"] = "database"
    return response


@require_GET
def suggest(request):
    language = reading_language()
    text = request.GET.get("q", "")
    suggestions = suggest_pages(text, language, request)
    return JsonResponse(
        {
            "query": text[:200],
            "locale": language,
            "suggestions": [
                {
                    "title": s.title,
                    "url": s.url,
                    "type": s.type,
                    "type_label": s.type_label,
                }
                for s in suggestions
            ],
        }
    )


def results_as_json(results, request):
    """The documented shape, exactly."""
    return {
        "query": results.query.text,
        "locale": results.query.language,
        "count": results.total,
        "page": results.page,
        "results": [
            {
                "title": hit.title,
                "url": request.build_absolute_uri(hit.url) if hit.url else "",
                "type": hit.type,
                "locale": hit.language,
                "snippet": str(hit.snippet),
                # ISO 8601 reduced to what the sources give ("2014" for a season);
                # null when they give none (the hub's own publication is no date
                # of the work).
                "date": work_iso_date(hit.date, hit.date_precision),
            }
            for hit in results.hits
        ],
        "facets": {
            facet.name: [
                {
                    "value": value.value,
                    "label": value.label,
                    "count": value.count,
                    "selected": value.selected,
                }
                for value in facet.values
            ]
            for facet in results.facets
        },
    }


def _active_filters(facets, urls):
    """The chosen values, each with the URL that unselects it."""
    active = []
    for facet in facets:
        chosen = [value.value for value in facet.values if value.selected]
        for value in facet.values:
            if value.selected:
                others = [other for other in chosen if other != value.value]
                active.append(
                    {
                        "facet": facet.label,
                        "label": value.label,
                        "url": urls(**{facet.name: others or None}),
                    }
                )
    return active


# "Search for “…” in French content: 3 results", by the language the results are in
# (a sentence of its own per language: « dans les contenus en anglais »).
OTHER_LANGUAGE_OFFERS = {
    "en": lambda count: ngettext(
        "Search for “%(words)s” in English content: %(count)s result",
        "Search for “%(words)s” in English content: %(count)s results",
        count,
    ),
    "fr": lambda count: ngettext(
        "Search for “%(words)s” in French content: %(count)s result",
        "Search for “%(words)s” in French content: %(count)s results",
        count,
    ),
}


def _other_language(results, urls):
    """On an empty page in one language: the same search (words and filters) in the
    hub's other language, when it finds something there: its link text with the
    count, and the URL that runs it ("all languages", so the interface stays in
    the reader's language). None otherwise. One more search, on empty pages only."""
    query = results.query
    if results.total or query.all_languages or not query.text:
        return None
    others = [code for code, _name in settings.LANGUAGES if code != query.language]
    if len(others) == 1:
        elsewhere = SearchQuery(
            text=query.text, language=others[0], filters=query.filters, per_page=1
        )
        offer = OTHER_LANGUAGE_OFFERS.get(others[0])
    else:
        elsewhere = SearchQuery(
            text=query.text,
            language=query.language,
            all_languages=True,
            filters=query.filters,
            per_page=1,
        )
        offer = None
    total = count_pages(elsewhere)
    if not total:
        return None
    if offer is None:
        text = ngettext(
            "Search for “%(words)s” in all languages: %(count)s result",
            "Search for “%(words)s” in all languages: %(count)s results",
            total,
        )
    else:
        text = offer(total)
    return {
        "text": text % {"words": query.text, "count": number_format(total)},
        "total": total,
        "language": others[0] if offer else ALL_LANGUAGES,
        "url": urls(lang=ALL_LANGUAGES),
    }


def _spelling(results, urls):
    """On an empty page: the query with its misspelt words corrected, the link that
    searches it (filters kept) and how many results it gives; None when the
    vocabulary knows every word or the correction finds nothing either."""
    query = results.query
    if results.total or not query.text:
        return None
    corrected = did_you_mean(query.text, query.language)
    if not corrected or corrected == query.text:
        return None
    again = SearchQuery(
        text=corrected,
        language=query.language,
        all_languages=query.all_languages,
        filters=query.filters,
        per_page=1,
    )
    total = count_pages(again)
    if not total:
        return None
    return {"text": corrected, "url": urls(q=corrected), "total": total}
