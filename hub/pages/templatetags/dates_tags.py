"""Dates in templates as precise as their sources (hub.pages.dates)."""

from django import template

from ..dates import DatePrecision, format_date, iso_date

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
