"""schema.org Event (JSON-LD) for an event page.

Dates are given in the venue's time zone with its offset (or, for an event whose
sources give no hours, as ISO 8601 reduced to what they give: "2014" for spring
2014), the place is named as everywhere else on the site (formatting.event_where),
and an online or hybrid event also points at its page as the virtual location.
"""

from hub.pages.dates import DatePrecision, iso_date
from hub.pages.jsonld import (
    CONTEXT,
    organisation,
    page_image,
    page_ref,
    place,
    prune,
    script,
)

from .formatting import event_where

ATTENDANCE_MODES = {
    "online": "OnlineEventAttendanceMode",
    "hybrid": "MixedEventAttendanceMode",
    "in_person": "OfflineEventAttendanceMode",
}


def _location(page, url):
    venue = place(event_where(page), page.city, page.country)
    online = {"@type": "VirtualLocation", "url": url}
    return {"online": online, "hybrid": [venue, online]}.get(page.event_format, venue)


def _dates(page):
    """startDate and endDate, no more precise than the sources."""
    if page.exact_time:
        # In the venue's time zone, with its offset: the time people travel to.
        return page.local_start.isoformat(), page.local_end.isoformat()
    precision = (
        DatePrecision.DAY
        if page.date_precision == page.DatePrecision.DAY
        else page.date_precision
    )
    start = iso_date(page.local_start, precision)
    end = iso_date(page.local_end, precision)
    return start, (end if end != start else None)


def event(page, request):
    url = page.get_full_url(request)
    # In the reader's language, and only if the public may see it.
    related = page.localized_case_study
    start, end = _dates(page)
    return prune(
        {
            "@context": CONTEXT,
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "url": url,
            "image": page_image(page),
            "startDate": start,
            "endDate": end,
            "eventAttendanceMode": "https://schema.org/"
            + ATTENDANCE_MODES.get(page.event_format, "OfflineEventAttendanceMode"),
            # Only an event with its day and hours is known to be scheduled.
            "eventStatus": "https://schema.org/EventScheduled"
            if page.exact_time
            else None,
            "inLanguage": page.languages.split("-") if page.languages else None,
            "location": _location(page, url),
            "organizer": [organisation(org) for org in page.localized_organisers],
            "about": page_ref(related, "Project", request) if related else None,
        }
    )


def json_ld(page, request):
    """The event's JSON-LD script element."""
    return script(event(page, request))
