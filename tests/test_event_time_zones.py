"""Event times are typed, stored and shown in the venue's time zone, whatever the
editor's own zone: a Paris editor entering a London event, and the reverse. The form
is the one Wagtail's page editor builds for events."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, streamfield

from hub.events.models import EventPage

pytestmark = pytest.mark.django_db

LONDON, PARIS = ZoneInfo("Europe/London"), ZoneInfo("Europe/Paris")
FORM = EventPage.get_edit_handler().get_form_class()


def typed(start, end, time_zone, **extra):
    """The editor's form as submitted; only the fields under test."""
    data = nested_form_data(
        {
            "title": "Exchange day",
            "slug": "exchange-day",
            "start": start,
            "end": end,
            "time_zone": time_zone,
            "agenda": streamfield([]),
            **extra,
        }
    )
    return FORM(data=data, instance=EventPage(), for_user=None)


@pytest.mark.parametrize(
    "editor_zone, venue, venue_zone",
    [
        ("Europe/Paris", "Europe/London", LONDON),
        ("Europe/London", "Europe/Paris", PARIS),
    ],
)
def test_times_typed_are_the_venue_clock_whatever_the_editor_zone(
    editor_zone, venue, venue_zone
):
    with timezone.override(editor_zone):
        form = typed(
            "2027-01-14 10:00",
            "2027-01-14 17:30",
            venue,
            registration_closes_at="2027-01-10 12:00",
        )
        form.is_valid()  # other required fields are left out: only times matter
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    assert start == datetime.datetime(2027, 1, 14, 10, 0, tzinfo=venue_zone)
    assert end == datetime.datetime(2027, 1, 14, 17, 30, tzinfo=venue_zone)
    closes = form.cleaned_data["registration_closes_at"]
    assert closes == datetime.datetime(2027, 1, 10, 12, 0, tzinfo=venue_zone)


@pytest.mark.parametrize("editor_zone", ["Europe/Paris", "Europe/London", "UTC"])
def test_an_event_is_shown_to_its_editor_at_the_venue_time(editor_zone):
    event = EventPage(
        title="Exchange day",
        start=datetime.datetime(2027, 7, 1, 10, 0, tzinfo=LONDON),
        end=datetime.datetime(2027, 7, 1, 16, 0, tzinfo=LONDON),
        time_zone="Europe/London",
    )
    with timezone.override(editor_zone):
        form = FORM(instance=event, for_user=None)
        assert form["start"].value() == datetime.datetime(2027, 7, 1, 10, 0)
        html = str(form["start"])
    assert "10:00" in html
    assert "venue" in str(form.fields["start"].help_text)


def test_a_summer_event_keeps_its_offset_in_the_venue_zone():
    with timezone.override("Europe/Paris"):
        form = typed("2027-07-01 10:00", "2027-07-01 16:00", "Europe/London")
        form.is_valid()
    start = form.cleaned_data["start"]
    assert start.utcoffset() == datetime.timedelta(hours=1)  # BST
    assert start.astimezone(datetime.UTC).hour == 9
