"""schema.org Event (JSON-LD) for an event page.

Dates are given in the venue's time zone with its offset, the place is named as
everywhere else on the site (formatting.event_where), and an online or hybrid event
also points at its page as the virtual location.
"""

from hub.pages.jsonld import CONTEXT, organisation, page_ref, place, prune, script

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


def event(page, request):
    url = page.get_full_url(request)
    # In the reader's language, and only if the public may see it.
    related = page.localized_case_study
    return prune(
        {
            "@context": CONTEXT,
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "url": url,
            # In the venue's time zone, with its offset: the time people travel to.
            "startDate": page.local_start.isoformat(),
            "endDate": page.local_end.isoformat(),
            "eventAttendanceMode": "https://schema.org/"
            + ATTENDANCE_MODES.get(page.event_format, "OfflineEventAttendanceMode"),
            "eventStatus": "https://schema.org/EventScheduled",
            "inLanguage": page.languages.split("-"),
            "location": _location(page, url),
            "organizer": [organisation(org) for org in page.localized_organisers],
            "about": page_ref(related, "Project", request) if related else None,
        }
    )


def json_ld(page, request):
    """The event's JSON-LD script element."""
    return script(event(page, request))
