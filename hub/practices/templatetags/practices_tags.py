"""Template tags of the practices pages: evidence scale, JSON-LD, map."""

from django import template

from .. import jsonld
from ..channel_map import channel_map
from ..models.report import evidence_scale as scale_of

register = template.Library()


@register.simple_tag
def evidence_scale(current=None):
    """The hub's evidence scale, weakest level first, `current` marked."""
    return scale_of(current)


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    return jsonld.json_ld(page, context["request"])


@register.inclusion_tag("includes/channel_map.html")
def channel_map_of(regions, title_id="map-title"):
    return {"map": channel_map(regions), "title_id": title_id}
