"""The contact page in the reader's language, for the footer, the legal pages and
the e-mails. One query for the setting (cached on the request) and one for the page."""

from django import template
from django.utils import translation
from wagtail.models import Locale, Site

from hub.pages.visibility import public

from ..models import ContactPage, ContactSettings

register = template.Library()


def _settings(request):
    if request is None:
        site = Site.objects.filter(is_default_site=True).first()
        return ContactSettings.for_site(site) if site else None
    cached = getattr(request, "_hub_contact_settings", None)
    if cached is None:
        cached = request._hub_contact_settings = ContactSettings.for_request(request)
    return cached


def contact_page_for(request, language=None):
    """The live, public contact page in `language` (the active one by default), or
    the chosen page itself when it has no such translation; None when none is set."""
    details = _settings(request)
    if details is None or details.contact_page_id is None:
        return None
    language = language or translation.get_language() or "en"
    page = details.contact_page
    pages = public(
        ContactPage.objects.live().filter(translation_key=page.translation_key)
    )
    by_language = {}
    for candidate in pages.select_related("locale"):
        by_language[candidate.locale.language_code] = candidate
    return (
        by_language.get(language)
        or by_language.get(Locale.get_default().language_code)
        or (next(iter(by_language.values())) if by_language else None)
    )


@register.simple_tag(takes_context=True)
def contact_page_url(context):
    """The contact page's URL for the footer and the legal pages ("" when none)."""
    request = context.get("request")
    cached = getattr(request, "_hub_contact_url", None) if request else None
    if cached is not None:
        return cached
    page = contact_page_for(request)
    url = page.get_url(request) if page else ""
    if request is not None:
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
