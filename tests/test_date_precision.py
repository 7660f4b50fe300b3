"""Dates no more precise than their sources: a day, a month, a season or a year is
shown, sorted and exported as such, and an event without hours gets no calendar entry.
"""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from icalendar import Calendar

from hub.pages.dates import format_date, format_range, iso_date

LONDON = ZoneInfo("Europe/London")
MARCH = datetime.date(2014, 3, 1)


@pytest.mark.parametrize(
    ("language", "precision", "shown"),
    [
        ("en", "season", "spring 2014"),
        ("fr", "season", "printemps 2014"),
        ("en", "month", "March 2014"),
        ("fr", "month", "mars 2014"),
        ("en", "year", "2014"),
        ("fr", "year", "2014"),
    ],
)
def test_a_date_is_shown_as_precisely_as_its_source(language, precision, shown):
    with translation.override(language):
        assert format_date(MARCH, precision) == shown


def test_seasons_follow_the_month_stored():
    with translation.override("fr"):
        shown = [
            format_date(datetime.date(2014, month, 1), "season")
            for month in (3, 6, 9, 12)
        ]
    assert shown == ["printemps 2014", "été 2014", "automne 2014", "hiver 2014"]


def test_exports_use_iso_8601_reduced_to_the_precision():
    assert iso_date(MARCH, "year") == "2014"
    assert iso_date(MARCH, "season") == "2014"  # no ISO form readers know: the year
    assert iso_date(MARCH, "month") == "2014-03"
    assert iso_date(datetime.date(2014, 3, 15), "day") == "2014-03-15"
    assert iso_date(None, "year") is None


def test_a_period_reads_as_the_sources_give_it():
    start, end = datetime.date(2018, 1, 1), datetime.date(2023, 1, 1)
    with translation.override("en"):
        assert format_range(start, "year", end, "year") == "2018 – 2023"
        assert format_range(MARCH, "season", MARCH, "season") == "spring 2014"
        assert format_range(start, "year", None, "day") == "from 2018"


def json_ld(response):
    pattern = r'<script type="application/ld\+json">(.*?)</script>'
    return [json.loads(b) for b in re.findall(pattern, response.content.decode(), re.S)]


@pytest.fixture
def events(event_site):
    """Two upcoming events: one with its day and hours, one known only by season."""
    exact_start = datetime.datetime(2031, 5, 14, 9, 30, tzinfo=LONDON)
    exact = event_site.add_event(slug="exact", start=exact_start)
    season_start = datetime.datetime(2031, 3, 1, tzinfo=LONDON)
    season = event_site.add_event(
        slug="season",
        start=season_start,
        end=season_start,
        date_precision="season",
        capacity=0,
        city="",
    )
    return exact, season


def test_an_event_known_by_season_has_no_hours_and_no_calendar_entry(client, events):
    exact, season = events
    page = client.get(season["en"].url)
    html = page.content.decode()
    assert "Spring 2031" in html
    assert "event.ics" not in html
    assert "9:30" not in html and "0:00" not in html
    [event] = [d for d in json_ld(page) if d["@type"] == "Event"]
    assert event["startDate"] == "2031"
    assert "endDate" not in event and "eventStatus" not in event

    french = client.get(season["fr"].url)
    assert "Printemps 2031" in french.content.decode()

    data = client.get(f"/api/v2/pages/{season['en'].pk}/").json()
    assert (data["start"], data["date_precision"]) == ("2031", "season")

    missing = client.get(season["en"].url + "event.ics")
    assert missing.status_code == 404
    assert "no calendar entry" in missing.content.decode()

    feed = client.get(exact["en"].get_parent().url + "calendar.ics")
    summaries = [
        str(vevent["URL"]) for vevent in Calendar.from_ical(feed.content).walk("VEVENT")
    ]
    assert summaries == [exact["en"].get_full_url()]

    # The event with hours keeps them everywhere.
    page = client.get(exact["en"].url)
    assert "event.ics" in page.content.decode()
    [event] = [d for d in json_ld(page) if d["@type"] == "Event"]
    assert event["startDate"] == "2031-05-14T09:30:00+01:00"
