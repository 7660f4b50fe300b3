"""iCalendar files for one event and for the feed of upcoming events."""

import datetime
import html

from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event
from wagtail.rich_text import expand_db_html

from hub.pages.formatting import one_line
from hub.pages.typography import typeset_text

from .formatting import event_where
from .practical import practical_details

PRODID = "-//Cross-border social innovation hub//Events//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(page):
    """Stable across edits, moves and languages: the event is one thing."""
    return f"{page.translation_key}@hub"


def _plain_text(rich_text):
    text = strip_tags(expand_db_html(rich_text or "").replace("</p>", "</p>\n"))
    return html.unescape(text).strip()


def event_component(page, request=None, private=False):
    """A VEVENT for `page`, in the page's language, timed in the venue's zone.
    `private`: with the practical details (exact address, joining link, access),
    for the calendar file e-mailed to a registrant, never for a public one."""
    with translation.override(page.locale.language_code):
        event = Event()
        event.add("uid", event_uid(page))
        event.add("dtstamp", timezone.now())
        if page.last_published_at:
            event.add("last-modified", page.last_published_at)
        event.add("dtstart", page.local_start)
        event.add("dtend", page.local_end)
        event.add("summary", typeset_text(one_line(page.title)))
        description = "\n\n".join(
            part for part in [page.summary, _plain_text(page.description)] if part
        )
        details = practical_details(page) if private else None
        if details:
            description = "\n\n".join(
                part
                for part in [
                    description,
                    "\n".join(
                        details.calendar_lines(
                            {
                                "address": _("Address:"),
                                "joining_link": _("Joining link:"),
                                "access": _("Access:"),
                            }
                        )
                    ),
                ]
                if part
            )
        if description:
            event.add("description", typeset_text(description))
        location = event_where(page)
        if details and (details.address or details.joining_link):
            location = details.address or details.joining_link
        event.add("location", one_line(location))
        if details and details.joining_link:
            # RFC 7986: calendars offer a "join" button.
            event.add("conference", details.joining_link, parameters={"VALUE": "URI"})
        url = page.get_full_url(request)
        if url:
            event.add("url", url)
        event.add("status", "CONFIRMED")
        return event


def build_calendar(pages, name, request=None, private=False):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", typeset_text(one_line(name)))
    pages = list(pages)
    for page in pages:
        calendar.add_component(event_component(page, request, private=private))
    if pages:
        # A VTIMEZONE covering just the events' years keeps the file small.
        first = min(page.start for page in pages).date()
        last = max(page.end for page in pages).date()
        calendar.add_missing_timezones(
            first_date=first.replace(month=1, day=1) - datetime.timedelta(days=366),
            last_date=last.replace(month=12, day=31) + datetime.timedelta(days=366),
        )
    return calendar.to_ical()


def event_calendar(page, request=None, private=False):
    return build_calendar([page], page.title, request, private=private)


def events_feed(index_page, pages, request=None):
    with translation.override(index_page.locale.language_code):
        name = _("%(site)s: upcoming events") % {
            "site": _("Cross-border social innovation hub")
        }
    return build_calendar(pages, name, request)


def ics_filename(page):
    return f"{page.slug or 'event'}.ics"
