"""A small bilingual site with events, for the registration tests and the benchmark
of registrations; what a person fills in on the registration form."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.models import Site

from hub.events.models import EventIndexPage, EventPage
from hub.pages.models import SiteLinks, StandardPage

from .site import add_page, build_home, make_locales, translate

PRIVACY_VERSION = "2026-11"


@dataclass
class EventSite:
    locales: dict
    home: dict
    index: dict
    privacy: dict
    events: list = field(default_factory=list)

    def add_event(self, slug="meeting", capacity=5, **fields):
        """An event in English and its French translation: {"en": ..., "fr": ...}."""
        start = fields.pop("start", timezone.now() + datetime.timedelta(days=30))
        values = {
            "title": "Cross-border meeting",
            "summary": "Partners meet to share what works.",
            "start": start,
            "end": start + datetime.timedelta(hours=7),
            "time_zone": "Europe/London",
            "venue": "Guildhall",
            "city": "Plymouth",
            "country": "GB",
            "capacity": capacity,
            "travel_places": 2,
            "description": "<p>A day of <b>workshops</b>.</p>",
        }
        values.update(fields)
        english = add_page(self.index["en"], EventPage(slug=slug, **values))
        french = translate(
            english,
            self.locales["fr"],
            title=f"Rencontre transfrontalière {slug}",
            summary="Les partenaires partagent ce qui marche.",
        )
        event = {"en": english, "fr": french}
        self.events.append(event)
        return event


def organise(user, *events):
    """Name `user` among the managers of each event (a page, or {"en": ..., "fr": ...}
    as `add_event` returns): they then see its registrants in the admin."""
    through = EventPage.managers.through
    for event in events:
        page = event["en"] if isinstance(event, dict) else event
        through.objects.get_or_create(eventpage_id=page.pk, user_id=user.pk)


def _bilingual(parent, page, french_title, locales):
    english = add_page(parent["en"], page)
    return {"en": english, "fr": translate(english, locales["fr"], title=french_title)}


def choose_privacy_notice(page):
    """Name `page` (or None) as the privacy notice in the default site's settings."""
    site_links = SiteLinks.for_site(Site.objects.get(is_default_site=True))
    site_links.privacy_notice = page
    site_links.save()


def make_event_site():
    """Home, events index and privacy notice in English and French; no events."""
    locales = make_locales()
    home = build_home()
    index = _bilingual(
        home, EventIndexPage(title="Events", slug="events"), "Événements", locales
    )
    privacy = _bilingual(
        home,
        StandardPage(title="Privacy notice", slug="privacy", version=PRIVACY_VERSION),
        "Confidentialité",
        locales,
    )
    choose_privacy_notice(privacy["en"])  # the registration form links to it
    return EventSite(locales=locales, home=home, index=index, privacy=privacy)


def registration_data(**overrides):
    """What a person fills in on the form (the POST data)."""
    data = {
        "name": "Alex Martin",
        "email": "alex@example.org",
        "organisation": "Habitat 35",
        "organisation_kind": "social_landlord",
        "country": "FR",
        "role": "Project officer",
        "preferred_language": "fr",
        "accessibility_needs": "",
        "dietary_needs": "Vegetarian",
        "travel_requested": "on",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def service_data(**overrides):
    """The same, as the form's cleaned_data that the services receive."""
    data = registration_data(**overrides)
    data["travel_requested"] = data.get("travel_requested") == "on"
    for name in ("consent", "website"):
        data.pop(name, None)
    return data
