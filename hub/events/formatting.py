"""Event dates and places as people read them: dates in the venue's time zone, zone
named; the place as venue, city and country, or the format when it is online."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from hub.pages.formatting import clock, long_date, zone_name

# "in English", "en anglais": a language named inside a sentence (the languages'
# own names are capitalised in the interface's lists: "Anglais").
IN_LANGUAGE = {
    "en": pgettext_lazy("inside a sentence", "in English"),
    "fr": pgettext_lazy("inside a sentence", "in French"),
}


def in_language(code):
    return IN_LANGUAGE.get(code, code)


def event_when(page):
    """For example "Monday 4 January 2027, 9:30–17:00 (Paris time)", « lundi 4
    janvier 2027, de 9 h 30 à 17 h (heure de Paris) »: whole sentences, each
    language's order."""
    start, end = page.local_start, page.local_end
    values = {
        "date": long_date(start, weekday=True),
        "start": clock(start),
        "end_date": long_date(end, weekday=True),
        "end": clock(end),
        "zone": zone_name(page.time_zone),
    }
    if start.date() == end.date():
        return _("%(date)s, %(start)s–%(end)s (%(zone)s)") % values
    return _("%(date)s, %(start)s to %(end_date)s, %(end)s (%(zone)s)") % values


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
