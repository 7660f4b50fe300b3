"""Full-text search over the hub's pages in the reader's language."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

MAX_QUERY_LENGTH = 200


def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    # Control characters never belong in a query.
    query = "".join(ch for ch in query if ch.isprintable())
    locale = Locale.get_active()
    results = Page.objects.none()
    if query:
        pages = Page.objects.live().public().filter(locale=locale).specific()
        results = pages.search(query)
    paginator = Paginator(results, 10)
    page_obj = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": page_obj,
            "title": _("Search"),
        },
    )
