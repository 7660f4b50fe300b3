"""Dates as precise as their sources: a day, a month, a season or a year.

A source may give "spring 2014" or "between 2018 and 2023"; the hub keeps the date it
sorts by (the first day of the month, season or year) and, beside it, how much of that
date is known. Everything shown or exported goes through these functions, so "spring
2014" is written "spring 2014" / « printemps 2014 » on pages and "2014" in JSON-LD or a
calendar, never "1 March 2014".
"""

import datetime

from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    SEASON = "season", _("Season")
    YEAR = "year", _("Year")


PRECISION_CHOICES = DatePrecision.choices

# The "precision" of a list date that is only the day the hub first published the
# page: a page whose sources give it no date of its own (a guide, a report or a case
# study without one) is still sorted by it, but a list says what it is, "Published on
# the hub on 3 December 2026", and never shows it as the work's own date.
HUB_PUBLICATION = "hub"


def precision_field(verbose_name):
    """The model field stating how much of a date field its source gives."""
    return models.CharField(
        verbose_name,
        max_length=10,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_(
            "How much of the date the source gives: for a month, season or year, "
            "enter its first day."
        ),
    )


# Meteorological seasons, by the month the hub stores: the season's first month.
def season_of(month):
    if month in (3, 4, 5):
        return "spring"
    if month in (6, 7, 8):
        return "summer"
    if month in (9, 10, 11):
        return "autumn"
    return "winter"


def _season_text(season, year):
    if season == "spring":
        return pgettext("season and year", "spring %(year)s") % {"year": year}
    if season == "summer":
        return pgettext("season and year", "summer %(year)s") % {"year": year}
    if season == "autumn":
        return pgettext("season and year", "autumn %(year)s") % {"year": year}
    return pgettext("season and year", "winter %(year)s") % {"year": year}


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def format_date(value, precision=DatePrecision.DAY):
    """The date as a reader writes it, no more precise than its source:
    "4 January 2027", "March 2014", "spring 2014", "2014"."""
    value = _as_date(value)
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.SEASON:
        return _season_text(season_of(value.month), value.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def iso_date(value, precision=DatePrecision.DAY):
    """ISO 8601 with reduced precision: "2014-03-15", "2014-03" or "2014".

    A season has no ISO form schema.org or a calendar reads, so it is given as its
    year: less precise, never more."""
    value = _as_date(value)
    if value is None:
        return None
    if precision in (DatePrecision.YEAR, DatePrecision.SEASON):
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def format_range(start, start_precision, end, end_precision):
    """A period as text: "October 2017 – March 2021", "2018 – 2023", "From spring
    2014", "Until 2023"; the empty string when neither end is known."""
    start_text = format_date(start, start_precision)
    end_text = format_date(end, end_precision)
    if start_text and end_text:
        if start_text == end_text:
            return start_text
        return f"{start_text} – {end_text}"
    if start_text:
        return pgettext("period with only a start", "from %(date)s") % {
            "date": start_text
        }
    if end_text:
        return pgettext("period with only an end", "until %(date)s") % {
            "date": end_text
        }
    return ""


def list_date_precision(page):
    """The precision of the date a list shows for `page` (search results, cards): its
    event dates, its publication date or its start date, in that order, as
    hub.pages.search_data.page_date picks the date itself; HUB_PUBLICATION when it
    has none of those and the date is the hub's first publication."""
    event_precision = getattr(page, "date_precision", None)
    if event_precision:
        return DatePrecision.DAY if event_precision == "time" else event_precision
    for name in ("publication_date", "start_date"):
        if getattr(page, name, None) is not None:
            return getattr(page, f"{name}_precision", DatePrecision.DAY)
    return HUB_PUBLICATION


def list_date_text(value, precision):
    """The date a list shows beside a title: the work's own date as precise as its
    source, or the hub's first publication, said as such (HUB_PUBLICATION)."""
    if precision == HUB_PUBLICATION:
        return pgettext(
            "date a page was first published on the hub",
            "Published on the hub on %(date)s",
        ) % {"date": format_date(value)}
    return format_date(value, precision or DatePrecision.DAY)


def work_iso_date(value, precision):
    """The work's own date in ISO 8601 as precise as its source (iso_date), None
    when only the hub's first publication is known."""
    if precision == HUB_PUBLICATION:
        return None
    return iso_date(value, precision or DatePrecision.DAY)
