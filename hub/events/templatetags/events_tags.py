"""Template tags of the event pages."""

from django import template

from .. import jsonld

register = template.Library()


@register.simple_tag(takes_context=True)
def event_json_ld(context, page):
    """The event's schema.org description, as a JSON-LD script element."""
    return jsonld.json_ld(page, context["request"])
