"""The reminder e-mail: a set number of days before the event (the event's own, or
HUB_EVENT_REMINDER_DAYS), in each registrant's language, with the practical details
and the calendar file, sent once by the scheduler's `send_event_reminders` job."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from hub.events import services
from hub.events.models import Registration
from tests.factories import make_event_site, service_data

LINK = "https://meet.example.org/reminder-room"


@pytest.fixture
def site(locales):
    return make_event_site()


def add_event(site, days_ahead, **fields):
    start = timezone.now() + datetime.timedelta(days=days_ahead)
    return site.add_event(
        slug=f"event-{days_ahead}-{len(site.events)}",
        start=start,
        capacity=2,
        event_format="online",
        joining_link=LINK,
        access_information="Cameras optional.",
        **fields,
    )


def register(event, email, language, days_ago=10):
    registration = services.register_for_event(
        event[language], service_data(email=email, preferred_language=language)
    )
    # Registered well before the reminder time.
    Registration.objects.filter(pk=registration.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return registration


def run_jobs(django_capture_on_commit_callbacks):
    err = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduled_jobs", "--once", stdout=StringIO(), stderr=err)
    assert err.getvalue() == ""


def reminders(mailoutbox):
    return [m for m in mailoutbox if m.subject.startswith(("Reminder", "Rappel"))]


def test_reminders_leave_once_in_each_language_with_the_details_and_calendar(
    site, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.HUB_EVENT_REMINDER_DAYS = 3
    event = add_event(site, days_ahead=2)
    register(event, "en@example.org", "en")
    register(event, "fr@example.org", "fr")
    waiting = services.register_for_event(
        event["en"], service_data(email="wait@example.org")
    )
    assert waiting.status == Registration.Status.WAITING
    mailoutbox.clear()

    run_jobs(django_capture_on_commit_callbacks)
    sent = {m.to[0]: m for m in reminders(mailoutbox)}
    assert set(sent) == {"en@example.org", "fr@example.org"}

    english, french = sent["en@example.org"], sent["fr@example.org"]
    assert english.subject == f"Reminder: {event['en'].title}"
    assert french.subject.startswith("Rappel\u00a0: ")
    assert event["fr"].title in french.subject
    assert english.extra_headers["Content-Language"] == "en"
    assert french.extra_headers["Content-Language"] == "fr"
    assert "is coming up soon, and your place is confirmed" in english.body
    assert "aura lieu bientôt et votre place est confirmée" in french.body.replace(
        "\u2019", "'"
    )
    assert "Joining link:" in english.body
    assert "Lien de connexion\u00a0:" in french.body
    for message in (english, french):
        assert LINK in message.body and LINK in message.alternatives[0][0]
        assert "Cameras optional." in message.body
        assert "/manage/" in message.body
        [calendar] = [
            part
            for part in message.message().walk()
            if part.get_content_type() == "text/calendar"
        ]
        assert LINK in calendar.get_payload(decode=True).decode().replace("\r\n ", "")

    # Once only, however often the scheduler runs.
    run_jobs(django_capture_on_commit_callbacks)
    assert len(reminders(mailoutbox)) == 2
    assert Registration.objects.filter(reminder_sent_at__isnull=False).count() == 2


def test_the_event_sets_its_own_day_or_none_and_late_registrants_get_none(
    site, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.HUB_EVENT_REMINDER_DAYS = 3
    not_yet = add_event(site, days_ahead=5)  # reminder in two days
    own_day = add_event(site, days_ahead=5, reminder_days_before=7)
    never = add_event(site, days_ahead=1, reminder_days_before=0)
    late = add_event(site, days_ahead=2)
    register(not_yet, "a@example.org", "en")
    register(own_day, "b@example.org", "fr")
    register(never, "c@example.org", "en")
    # Confirmed after the reminder time: the confirmation already had everything.
    register(late, "d@example.org", "en", days_ago=0)
    mailoutbox.clear()

    run_jobs(django_capture_on_commit_callbacks)
    assert [m.to for m in reminders(mailoutbox)] == [["b@example.org"]]


def test_an_unpublished_event_sends_no_reminder(
    site, mailoutbox, django_capture_on_commit_callbacks
):
    event = add_event(site, days_ahead=1)
    register(event, "a@example.org", "en")
    event["en"].unpublish()
    mailoutbox.clear()
    run_jobs(django_capture_on_commit_callbacks)
    assert reminders(mailoutbox) == []
