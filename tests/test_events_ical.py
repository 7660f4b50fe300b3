"""iCalendar: one file per event, a feed of upcoming events per language."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

LONDON = ZoneInfo("Europe/London")
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def event(event_site):
    start = datetime.datetime(2030, 5, 14, 9, 30, tzinfo=LONDON)
    return event_site.add_event(start=start, end=start + datetime.timedelta(hours=7))


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_each_language_gets_the_event_in_its_own_words(client, event):
    english = fetch(client, event["en"].url + "event.ics")
    french = fetch(client, event["fr"].url + "event.ics")
    [en] = english.walk("VEVENT")
    [fr] = french.walk("VEVENT")
    assert str(en["SUMMARY"]) == "Cross-border meeting"
    assert str(fr["SUMMARY"]) == "Rencontre transfrontalière meeting"
    assert "Les partenaires partagent" in str(fr["DESCRIPTION"])
    assert "workshops" in str(en["DESCRIPTION"])
    assert "<b>" not in str(en["DESCRIPTION"])
    assert str(en["URL"]) == "http://localhost/en/events/meeting/"
    assert str(fr["URL"]) == "http://localhost/fr/events/meeting/"
    assert "Plymouth" in str(en["LOCATION"])
    # One event, one UID, stable across languages and edits.
    assert str(en["UID"]) == str(fr["UID"]) == f"{event['en'].translation_key}@hub"
    page = event["en"]
    page.title = "Renamed meeting"
    page.slug = "renamed"
    page.save_revision().publish()
    [again] = fetch(client, "/en/events/renamed/event.ics").walk("VEVENT")
    assert str(again["UID"]) == str(en["UID"])


def test_times_are_given_in_the_venue_zone_with_its_definition(client, event):
    calendar = fetch(client, event["en"].url + "event.ics")
    [vevent] = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "Europe/London"
    assert vevent["DTSTART"].to_ical() == b"20300514T093000"
    assert vevent["DTEND"].to_ical() == b"20300514T163000"
    assert vevent.decoded("DTSTART").astimezone(datetime.UTC).hour == 8
    [vtimezone] = calendar.walk("VTIMEZONE")
    assert vtimezone["TZID"] == "Europe/London"
    assert str(calendar["METHOD"]) == "PUBLISH"


def test_paris_and_london_differ_by_an_hour(client, event_site):
    start = datetime.datetime(2030, 10, 1, 10, 0)
    paris = event_site.add_event(
        slug="caen",
        time_zone="Europe/Paris",
        start=start.replace(tzinfo=PARIS),
        end=start.replace(tzinfo=PARIS, hour=17),
    )
    london = event_site.add_event(
        slug="plymouth",
        start=start.replace(tzinfo=LONDON),
        end=start.replace(tzinfo=LONDON, hour=17),
    )
    [in_paris] = fetch(client, paris["en"].url + "event.ics").walk("VEVENT")
    [in_london] = fetch(client, london["en"].url + "event.ics").walk("VEVENT")
    assert in_paris["DTSTART"].params["TZID"] == "Europe/Paris"
    assert in_paris["DTSTART"].to_ical() == in_london["DTSTART"].to_ical()
    difference = in_london.decoded("DTSTART") - in_paris.decoded("DTSTART")
    assert difference == datetime.timedelta(hours=1)


def test_the_feed_lists_upcoming_events_in_the_index_language(client, event_site):
    now = timezone.now()
    soon = event_site.add_event(slug="soon", start=now + datetime.timedelta(days=3))
    later = event_site.add_event(slug="later", start=now + datetime.timedelta(days=40))
    event_site.add_event(
        slug="gone",
        start=now - datetime.timedelta(days=10),
        end=now - datetime.timedelta(days=9),
    )
    for language in ("en", "fr"):
        calendar = fetch(client, f"/{language}/events/calendar.ics")
        events = calendar.walk("VEVENT")
        uids = [str(vevent["UID"]) for vevent in events]
        assert uids == [
            f"{soon['en'].translation_key}@hub",
            f"{later['en'].translation_key}@hub",
        ]
        urls = {str(vevent["URL"]) for vevent in events}
        assert urls == {
            f"http://localhost/{language}/events/soon/",
            f"http://localhost/{language}/events/later/",
        }
        assert calendar.walk("VTIMEZONE")
    [first_fr] = fetch(client, "/fr/events/calendar.ics").walk("VEVENT")[:1]
    assert str(first_fr["SUMMARY"]) == "Rencontre transfrontalière soon"


def test_calendars_are_served_by_get_only(client, event):
    assert client.post(event["en"].url + "event.ics").status_code == 405
    assert client.post("/en/events/calendar.ics").status_code == 405
    assert client.head(event["en"].url + "event.ics").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/en/events/calendar.ics/",
        "/en/events/missing/event.ics",
        "/en/events/event.ics",  # the index has a feed, not an event file
        "/en/events/meeting/calendar.ics",  # an event has a file, not a feed
        "/en/event.ics",
    ],
)
def test_other_calendar_paths_are_404(client, event, url):
    assert client.get(url).status_code == 404


def test_a_draft_event_has_no_calendar_file(client, event):
    event["en"].unpublish()
    assert client.get("/en/events/meeting/event.ics").status_code == 404
    assert fetch(client, "/en/events/calendar.ics").walk("VEVENT") == []


def test_the_location_reads_as_on_the_event_page(client, event, event_site):
    [vevent] = fetch(client, event["en"].url + "event.ics").walk("VEVENT")
    assert str(vevent["LOCATION"]) == "Guildhall, Plymouth, United Kingdom"
    webinar = event_site.add_event(
        slug="webinar", event_format="online", venue="", city=""
    )
    for language, where in (("en", "Online"), ("fr", "En ligne")):
        url = webinar[language].url + "event.ics"
        [vevent] = fetch(client, url).walk("VEVENT")
        assert str(vevent["LOCATION"]) == where
        assert client.get(webinar[language].url).context["where"] == where


@pytest.mark.parametrize("kind", ["password", "login", "groups"])
def test_a_restricted_event_refuses_its_calendar_file_as_it_refuses_its_page(
    client, event_site, event, kind
):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=event["fr"], restriction_type=kind, password="secret"
    )
    if kind == "groups":
        restriction.groups.set([Group.objects.create(name="Members")])
    page = client.get(event["fr"].url)
    calendar = client.get(event["fr"].url + "event.ics")
    assert calendar.status_code == page.status_code
    assert calendar["Content-Type"] == page["Content-Type"]
    assert b"BEGIN:VEVENT" not in calendar.content
    if kind == "password":
        assert b"password" in calendar.content.lower()
    else:
        assert calendar.status_code == 302 and "login" in calendar["Location"]
    # The English event keeps its file; the French feed drops the restricted one.
    fetch(client, event["en"].url + "event.ics")
    feed = fetch(client, event_site.index["fr"].url + "calendar.ics")
    assert not feed.walk("VEVENT")


def test_an_unpublished_event_has_no_calendar_file(client, event):
    event["en"].unpublish()
    assert client.get(event["en"].url + "event.ics").status_code == 404
