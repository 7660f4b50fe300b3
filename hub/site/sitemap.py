"""The sitemap: every live public page in both languages, with hreflang alternates."""

from collections import defaultdict

from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from wagtail.models import Site

from hub.glossary.terms import all_entries
from hub.pages.visibility import public_pages


@cache_control(max_age=3600)
def sitemap(request):
    """Every live public page in both languages, with hreflang alternates."""
    pages = (
        public_pages().filter(depth__gte=2).select_related("locale").order_by("path")
    )
    by_key = defaultdict(list)
    entries = []
    for page in pages:
        url = page.get_full_url(request)
        if not url:
            continue
        entry = {
            "loc": url,
            "lastmod": page.last_published_at,
            "language": page.locale.language_code,
            "key": page.translation_key,
        }
        by_key[page.translation_key].append(entry)
        entries.append(entry)
    entries += _glossary_entries(request, by_key)
    for entry in entries:
        group = by_key[entry["key"]]
        entry["alternates"] = group if len(group) > 1 else []
    return render(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml"
    )


def _glossary_entries(request, by_key):
    """The glossary page of each language that has terms (hub.glossary)."""
    site = (
        Site.find_for_request(request)
        or Site.objects.filter(is_default_site=True).first()
    )
    base = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    entries = []
    for language in sorted({entry.language for entry in all_entries()}):
        with translation.override(language):
            loc = base + reverse("glossary")
        entry = {"loc": loc, "lastmod": None, "language": language, "key": "glossary"}
        by_key["glossary"].append(entry)
        entries.append(entry)
    return entries
