"""A small bilingual site with events, for the registration tests and the bench."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.models import Locale, Page, Site

from hub.pages.models import HomePage, StandardPage

from .models import EventIndexPage, EventPage

PRIVACY_VERSION = "2026-11"


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _add(parent, page):
    parent.add_child(instance=page)
    return _publish(page)


def _translate(page, locale, **fields):
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return _publish(translated)


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
        english = _add(self.index["en"], EventPage(slug=slug, **values))
        french = _translate(
            english,
            self.locales["fr"],
            title=f"Rencontre transfrontalière {slug}",
            summary="Les partenaires partagent ce qui marche.",
        )
        event = {"en": english, "fr": french}
        self.events.append(event)
        return event


def make_event_site():
    """Home, events index and privacy notice in English and French; no events."""
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code in ("en", "fr")
    }
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).exclude(pk__in=HomePage.objects.values("pk")).delete()
    home = _add(root, HomePage(title="Hub", slug="home", summary="The hub"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    fr_home = _translate(home, locales["fr"], title="Pôle")
    index = _add(home, EventIndexPage(title="Events", slug="events"))
    fr_index = _translate(index, locales["fr"], title="Événements")
    privacy = _add(
        home,
        StandardPage(title="Privacy notice", slug="privacy", version=PRIVACY_VERSION),
    )
    fr_privacy = _translate(privacy, locales["fr"], title="Confidentialité")
    return EventSite(
        locales=locales,
        home={"en": home, "fr": fr_home},
        index={"en": index, "fr": fr_index},
        privacy={"en": privacy, "fr": fr_privacy},
    )


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
