"""The contact page in the reader's language, for the footer, the legal pages and
the e-mails: one query (the setting read inside it), and none for the footer, whose
URL is kept in the shared cache."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Site

from hub.pages.visibility import public

from ..models import ContactPage, ContactSettings

register = template.Library()

URL_CACHE_SECONDS = 3600


def url_cache_key(site_id, language):
    return f"hub:contact:url:{site_id}:{language}"


def contact_page_for(request, language=None):
    """The live, public contact page in `language` (the active one by default), else
    in the default language, else any; None when Settings > Contact names none.
    One query: the setting is read inside it."""
    if request is not None:
        site = Site.find_for_request(request)  # cached on the request by Wagtail
    else:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    chosen = ContactSettings.objects.filter(site=site).values(
        "contact_page__translation_key"
    )
    pages = public(ContactPage.objects.live().filter(translation_key__in=chosen))
    by_language = {
        page.locale.language_code: page for page in pages.select_related("locale")
    }
    language = language or translation.get_language() or "en"
    return (
        by_language.get(language)
        or by_language.get(settings.LANGUAGE_CODE)
        or next(iter(by_language.values()), None)
    )


@register.simple_tag(takes_context=True)
def contact_page_url(context):
    """The contact page's URL for the footer and the legal pages ("" when none),
    from the shared cache (hub/contact/signals.py forgets it when the setting or a
    contact page changes): the footer of every page costs no query."""
    request = context.get("request")
    if request is None:
        return ""
    cached = getattr(request, "_hub_contact_url", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    key = url_cache_key(site.pk if site else 0, translation.get_language())
    url = cache.get(key)
    if url is None:
        page = contact_page_for(request)
        url = page.get_url(request) if page else ""
        cache.set(key, url, URL_CACHE_SECONDS)
    request._hub_contact_url = url
    return url


@register.simple_tag
def contact_full_url():
    """The contact page's absolute URL in the active language, for e-mails (which
    are rendered without a request, in the registrant's language)."""
    page = contact_page_for(None)
    return page.get_full_url() if page else ""


@register.simple_tag(takes_context=True)
def is_contact_referrer(context, page):
    """Whether `page` is the privacy notice or the accessibility statement (in any
    language): the pages that promise readers a way to reach us."""
    from hub.pages.models import SiteLinks

    request = context.get("request")
    if request is None or page is None:
        return False
    links = SiteLinks.for_request(request)
    keys = {
        target.translation_key
        for target in (links.privacy_notice, links.accessibility_statement)
        if target is not None
    }
    return page.translation_key in keys
