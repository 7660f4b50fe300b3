"""Event dates and places as people read them: dates in the venue's time zone, zone
named; the place as venue, city and country, or the format when it is online."""

from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _


def event_when(page):
    """For example "5 May 2026, 09:30–16:30 (Europe/London time)"."""
    start, end = page.local_start, page.local_end
    if start.date() == end.date():
        span = "{}, {}–{}".format(
            date_format(start, "DATE_FORMAT"),
            time_format(start, "TIME_FORMAT"),
            time_format(end, "TIME_FORMAT"),
        )
    else:
        span = "{} – {}".format(
            date_format(start, "DATETIME_FORMAT"), date_format(end, "DATETIME_FORMAT")
        )
    return _("%(span)s (%(zone)s time)") % {"span": span, "zone": page.time_zone}


def event_where(page):
    """For example "Guildhall, Plymouth, United Kingdom", or "Online".

    The one wording of an event's place: the event page, the registration pages,
    the e-mails, the calendar files and the JSON-LD all read it from here."""
    parts = [page.venue, page.city, page.get_country_display()]
    if page.event_format == page.Format.ONLINE:
        parts = []
    return ", ".join(str(part) for part in parts if part) or str(
        page.get_event_format_display()
    )
