"""Dates in templates as precise as their sources (hub.pages.dates)."""

from django import template

from ..dates import DatePrecision, format_date, iso_date, list_date_text

register = template.Library()


@register.filter
def partial_date(value, precision=DatePrecision.DAY):
    """{{ page.publication_date|partial_date:page.publication_date_precision }}:
    "4 January 2027", "March 2014", "spring 2014" or "2014"."""
    return format_date(value, precision or DatePrecision.DAY)


@register.filter
def partial_iso(value, precision=DatePrecision.DAY):
    """The same date for a `datetime` attribute: "2014-03-15", "2014-03" or "2014"."""
    return iso_date(value, precision or DatePrecision.DAY) or ""


@register.filter
def list_date(value, precision=DatePrecision.DAY):
    """The date a list shows beside a title (hub.pages.dates.list_date_text): the
    work's own, or "Published on the hub on 3 December 2026" when it has none."""
    return list_date_text(value, precision)
