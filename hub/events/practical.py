"""The private practical details of an event (exact address, joining link, access
information), for its registrants only.

They reach people through three doors, and only these: the e-mails that confirm a
place or remind of it (and the calendar file attached to them), and the registrant's
private manage page. The public page, the API, search, feeds, public calendar files
and JSON-LD never read them (tests/test_events_practical_details.py checks each).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PracticalDetails:
    address: str = ""
    joining_link: str = ""
    access: str = ""

    def __bool__(self):
        return bool(self.address or self.joining_link or self.access)

    def calendar_lines(self, labels):
        """Plain-text lines for a calendar description; `labels` names each part."""
        lines = []
        for name in ("address", "joining_link", "access"):
            value = getattr(self, name)
            if value:
                lines.append(f"{labels[name]} {value}")
        return lines


def practical_details(page):
    """`page`'s details in its language. The address and the link are the event's
    (shared by its translations); the access information is the page's own, or the
    source event's while the translation has none."""
    source = page.source_event
    online = page.event_format in (page.Format.ONLINE, page.Format.HYBRID)
    return PracticalDetails(
        address=(source.private_address or "").strip()
        if page.event_format != page.Format.ONLINE
        else "",
        joining_link=(source.joining_link or "").strip() if online else "",
        access=(page.access_information or source.access_information or "").strip(),
    )
