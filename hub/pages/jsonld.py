"""schema.org (JSON-LD) pieces that every page type shares.

Each app describes its own types (hub.practices.jsonld for case studies, reports and
guides, hub.events.jsonld for events) from these pieces, so an organisation, a place
or a link to another page reads the same whichever page mentions it, and every value
goes through json.dumps rather than a template.
"""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .api_fields import SHARED_IMAGE_SPEC, SHARED_LOGO_SPEC

CONTEXT = "https://schema.org"
# Characters that could close the script element or start an HTML entity.
SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
EMPTY = ("", None, [], {})


def script(data):
    """A <script type="application/ld+json"> element holding `data`."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # str.translate reads every character through the table (about 0.25 ms for a
    # case study's description): only a text holding one of them needs it.
    if "<" in text or ">" in text or "&" in text:
        text = text.translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">\n{text}\n</script>')


def prune(data):
    """Drop empty values so the description states only what is known."""
    if isinstance(data, dict):
        pruned = {key: prune(value) for key, value in data.items()}
        return {key: value for key, value in pruned.items() if value not in EMPTY}
    if isinstance(data, list):
        return [value for value in map(prune, data) if value not in EMPTY]
    return data


def text(rich_text):
    """Rich text (or a RichText value) as one line of plain text."""
    source = getattr(rich_text, "source", rich_text) or ""
    return " ".join(strip_tags(str(source)).split())


def postal_address(locality, country):
    return {
        "@type": "PostalAddress",
        "addressLocality": locality,
        "addressCountry": country,
    }


def place(name, locality, country):
    return {
        "@type": "Place",
        "name": name,
        "address": postal_address(locality, country),
    }


def image(picture, alt, spec=SHARED_IMAGE_SPEC):
    """A chosen image as a schema.org ImageObject (the rendition other sites are
    given, see api_fields.SHARED_IMAGE_SPEC), or None."""
    if picture is None:
        return None
    rendition = picture.get_rendition(spec)
    return {
        "@type": "ImageObject",
        "contentUrl": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
        "description": alt,
    }


def page_image(page):
    """The page's image (PageImageMixin), or None."""
    if not getattr(page, "image_id", None):
        return None
    return image(page.image, page.image_alt)


def organisation(org):
    """An Organisation snippet as a schema.org Organization, or None."""
    if org is None:
        return None
    return {
        "@type": "Organization",
        "name": org.name,
        "url": org.website,
        "address": postal_address(org.city, org.country),
        "logo": image(org.logo, org.logo_alt, SHARED_LOGO_SPEC)
        if org.logo_id
        else None,
    }


def page_ref(page, kind, request):
    """A short reference to another page: its type, title and address."""
    return {"@type": kind, "name": page.title, "url": page.get_full_url(request)}
