"""Language switcher, hreflang alternates, navigation and number formatting."""

import functools
from collections.abc import Mapping
from decimal import Decimal
from urllib.parse import urlencode, urlsplit

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import translate_url
from django.utils import translation
from django.utils.formats import number_format
from wagtail.models import Locale, Page

from hub.pages import formatting, typography
from hub.pages.localization import language_code
from hub.pages.models.base import HubPage
from hub.pages.visibility import public

register = template.Library()


def _language_name(code):
    return translation.get_language_info(code)["name_local"]


def _page_translations(page, request):
    """{language_code: url} of the page and its live translations, in one query."""
    cache = getattr(request, "_hub_translation_urls", None)
    if cache is not None and cache[0] == page.pk:
        return cache[1]
    if isinstance(page, HubPage):
        translations = page.surroundings["translations"]
    else:
        translations = public(page.get_translations(inclusive=False).live())
    urls = {language_code(page.locale_id): page.get_url(request)}
    for other in translations:
        urls[language_code(other.locale_id)] = other.get_url(request)
    request._hub_translation_urls = (page.pk, urls)
    return urls


def _translated_url(request, code):
    """translate_url(request.get_full_path(), code), with the path's translation kept
    in the process (_translated_path): the query string follows it unchanged, as
    translate_url leaves it."""
    path, mark, query = request.get_full_path().partition("?")
    return _translated_path(translation.get_language(), path, code) + mark + query


@functools.lru_cache(maxsize=1024)
def _translated_path(active, path, code):
    """A view's path in language `code`: resolved in the `active` language (the
    URLconf's prefix) and reversed in the other, which depends on nothing but the
    URLconf, fixed while the process runs. A search page asked it three times per
    request (switcher and hreflang), at some 0.1 ms each."""
    return translate_url(path, code)


@receiver(setting_changed)
def _forget_translated_paths(**kwargs):
    _translated_path.cache_clear()  # a test's URLconf or languages


# Query parameters that never follow the reader to the other language: the notice
# that brought them here, and a page number (lists sort differently by language).
LOCAL_PARAMS = ("notice", "page")


def _with_context(url, page, request):
    """The counterpart of what the reader is looking at on `page`: the sub-path of a
    routable page (compare/, register/, manage/<id>/<token>/) and the query string
    (filters, sort, the compared items, which the compare page maps to their
    translations) follow the page's translation."""
    here = page.get_url(request) or ""
    if here.startswith(("http://", "https://")):
        here = urlsplit(here).path
    rest = request.path[len(here) :] if here and request.path.startswith(here) else ""
    pairs = [
        (name, value)
        for name, values in request.GET.lists()
        if name not in LOCAL_PARAMS
        for value in values
    ]
    query = urlencode(pairs)
    return url + rest + (f"?{query}" if query else "")


def _home_urls(request):
    from hub.pages.models import HomePage

    homes = HomePage.objects.live().select_related("locale")
    return {home.locale.language_code: home.get_url(request) for home in homes}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    links = []
    translated = _page_translations(page, request) if isinstance(page, Page) else None
    homes = None
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        if translated is None:
            url, exists = _translated_url(request, code), True
        elif code in translated:
            url, exists = _with_context(translated[code], page, request), True
        else:
            homes = homes if homes is not None else _home_urls(request)
            url, exists = homes.get(code, f"/{code}/") + "?notice=untranslated", False
        links.append(
            {
                "code": code,
                "name": _language_name(code),
                "url": url,
                "translated": exists,
            }
        )
    return {"links": links, "current": current}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    """Alternates for real translations only, plus x-default."""
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page):
        urls = _page_translations(page, request)
    else:
        urls = {
            code: _translated_url(request, code) for code, _name in settings.LANGUAGES
        }
    base = request.build_absolute_uri("/").rstrip("/")
    alternates = [
        {"code": code, "url": url if url.startswith("http") else base + url}
        for code, url in sorted(urls.items())
    ]
    default = next(
        (a["url"] for a in alternates if a["code"] == settings.LANGUAGE_CODE),
        alternates[0]["url"] if alternates else None,
    )
    return {
        "alternates": alternates if len(alternates) > 1 else [],
        "x_default": default,
    }


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The localized home page and its menu children, cached on the request: read
    when the template first asks for one of them (`nav.home`, `nav.items`,
    `nav.footer`), so a layout whose header, menu and footer come from fragments
    makes no query for them."""
    request = context["request"]
    cached = getattr(request, "_hub_navigation", None)
    if cached is not None:
        return cached
    page = context.get("page")
    navigation = _Navigation(page, translation.get_language())
    request._hub_navigation = navigation
    return navigation


@register.simple_tag(takes_context=True)
def layout_request(context):
    """What the layout reads of the request: whether it is a preview, and whether the
    query string asks for the "untranslated" notice. Read here, not in the template,
    because a failed lookup there (no `is_preview` on a request that did not serve a
    Wagtail page, no `notice` in most query strings) costs as much as a small tag."""
    request = context.get("request")
    query = getattr(request, "GET", None)
    return {
        "preview": getattr(request, "is_preview", False),
        "untranslated_notice": query is not None
        and query.get("notice") == "untranslated",
    }


class _Navigation(dict):
    """{"home", "items", "footer"}, filled on the first lookup of one of them (a dict,
    so the template engine's first try, a key lookup, finds them)."""

    KEYS = ("home", "items", "footer")

    def __init__(self, page, language):
        super().__init__()
        self.page = page
        self.language = language

    def __missing__(self, key):
        if key not in self.KEYS:
            raise KeyError(key)
        self.update(_navigation(self.page, self.language))
        return self[key]


def _navigation(page, language):
    from hub.pages.models import HomePage

    home = getattr(page, "home", None) if isinstance(page, HubPage) else None
    if home is None:
        home = (
            HomePage.objects.live().filter(locale__language_code=language).first()
            or HomePage.objects.live().first()
        )
    items, footer = [], []
    if home is not None:
        standard_page_type = ContentType.objects.get_for_model(_standard_page_model())
        if isinstance(page, HubPage):
            children = page.surroundings["menu"]
        else:
            children = public(home.get_children().live()).order_by("path")
        for child in children:
            if child.show_in_menus:
                items.append(child)
            elif child.content_type_id == standard_page_type.pk:
                footer.append(child)
    return {"home": home, "items": items, "footer": footer}


def _standard_page_model():
    from hub.pages.models import StandardPage

    return StandardPage


class _Facts:
    """A page's attributes for a template that lists pages of several types: one the
    page type lacks reads as None. Django's template engine, on a missing attribute,
    calls dir() on the object to tell it from a failing property, which costs about
    half a millisecond on a page model; a card asks for four or five of them."""

    __slots__ = ("page",)

    def __init__(self, page):
        self.page = page

    def __getitem__(self, name):
        page = self.page
        if isinstance(page, Mapping):
            return page.get(name)
        if hasattr(type(page), name):  # a field or a property: read, errors and all
            return getattr(page, name)
        return getattr(page, "__dict__", {}).get(name)  # set on the object, or None


@register.filter
def facts(page):
    """`{% with f=card|facts %}{{ f.local_start }}`: None where the type has none."""
    return _Facts(page)


@register.filter
def page_ids(pages):
    """`{% fragment "name" events|page_ids %}`: a list of pages as "4,9,12", to key a
    fragment on which pages it shows."""
    return ",".join(str(page.pk) for page in pages or ())


@register.filter
def figure(value):
    """A number in the active language's format, without useless decimals."""
    if value in (None, ""):
        return ""
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else 1
    if places and value * 10 != (value * 10).to_integral_value():
        places = 2
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


@register.filter
def percent_of(value, target):
    """How far a value goes towards its target, as a whole percentage capped at 100."""
    try:
        value, target = Decimal(value), Decimal(target)
    except (TypeError, ValueError, ArithmeticError):
        return None
    if target <= 0:
        return None
    return min(100, int(value * 100 / target))


@register.filter
def share_class(percent):
    """The class that sizes a bar or places a mark at `percent` % of its track
    (static/css/hub.css: .share-0 to .share-100), since the Content-Security-Policy
    allows no style attribute."""
    try:
        percent = int(percent)
    except (TypeError, ValueError):
        percent = 0
    return f"share-{min(100, max(0, percent))}"


@register.simple_tag
def locale_name(language_code):
    return _language_name(language_code) if language_code else ""


@register.simple_tag
def active_locale():
    return Locale.get_active()


@register.filter(expects_localtime=True)
def long_date(value, weekday=""):
    """{{ day|long_date }}: 4 January 2027 / 1er février 2027;
    {{ day|long_date:"weekday" }} with the day's name."""
    return formatting.long_date(value, weekday=bool(weekday)) if value else ""


@register.filter(expects_localtime=True)
def clock(value):
    """{{ time|clock }}: 9:30 / 9 h 30."""
    return formatting.clock(value) if value not in (None, "") else ""


@register.filter
def zone_name(time_zone):
    """{{ page.time_zone|zone_name }}: Paris time / heure de Paris."""
    return formatting.zone_name(time_zone) if time_zone else ""


@register.filter
def typeset(text):
    """Plain text with the active language's typography (hub.pages.typography)."""
    return typography.typeset_text(text) if text else text


@register.filter
def moment(value, time_zone):
    """{{ instant|moment:page.time_zone }}: 4 January 2027, 9:30 (Paris time)."""
    return formatting.moment(value, time_zone) if value else ""


@register.filter
def euros(value):
    """{{ amount|euros }}: €10 million / 10 millions d'euros."""
    return formatting.euros(value) if value not in (None, "") else ""


@register.filter
def percent(value):
    """{{ share|percent }}: 41% / 41 %."""
    return formatting.percent(value)


@register.filter
def with_unit(value, unit):
    """{{ target|figure|with_unit:row.unit }}: "500 participants", or "500" alone."""
    return f"{value} {unit}" if unit else value
