"""E-mails to registrants: their language, HTML and text, the calendar, the link."""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from hub.events import links, services
from hub.events.emails import send_registration_email
from tests.factories import make_event_site, service_data

START = datetime.datetime(2030, 5, 14, 9, 30, tzinfo=ZoneInfo("Europe/London"))
FRENCH_TITLE = "Rencontre transfrontalière meeting"


@pytest.fixture
def event(locales):
    return make_event_site().add_event(
        capacity=1, start=START, end=START + datetime.timedelta(hours=7)
    )


@pytest.fixture
def register(django_capture_on_commit_callbacks):
    def register(page, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return services.register_for_event(page, service_data(**overrides))

    return register


def html_of(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return BeautifulSoup(html, "html.parser")


def calendar_part(message):
    parts = [
        part
        for part in message.message().walk()
        if part.get_content_type() == "text/calendar"
    ]
    assert len(parts) == 1
    return parts[0]


def test_the_confirmation_speaks_french_and_carries_the_calendar(
    event, register, mailoutbox
):
    registration = register(event["en"], preferred_language="fr")
    [message] = mailoutbox
    assert message.to == ["alex@example.org"]
    assert message.subject == f"Votre place est confirmée\u00a0: {FRENCH_TITLE}"
    assert message.extra_headers["Content-Language"] == "fr"
    # Dates in French, in the venue's zone (9 h 30 in London, not 10 h 30 in Paris),
    # the zone named as a French reader names it.
    assert (
        "mardi 14 mai 2030, de 9\u00a0h\u00a030 à 16\u00a0h\u00a030 (heure de Londres)"
        in message.body
    )
    link = f"http://localhost/fr/events/meeting/manage/{registration.public_id}/"
    assert f"{link}{registration.token}/" in message.body
    html = html_of(message)
    assert html.html["lang"] == "fr"
    assert html.find("a", href=f"{link}{registration.token}/") is not None
    assert "14 mai 2030" in html.get_text()

    part = calendar_part(message)
    assert part.get_param("method") == "PUBLISH"
    assert part.get_filename() == "event.ics"
    calendar = Calendar.from_ical(part.get_payload(decode=True))
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == FRENCH_TITLE
    assert str(vevent["UID"]) == f"{event['en'].translation_key}@hub"
    assert vevent.decoded("DTSTART") == START
    assert vevent["DTSTART"].params["TZID"] == "Europe/London"


def test_the_confirmation_speaks_english_whatever_page_was_used(
    event, register, mailoutbox
):
    register(event["fr"], preferred_language="en")
    [message] = mailoutbox
    assert message.subject.endswith(": Cross-border meeting")
    assert message.extra_headers["Content-Language"] == "en"
    # British English: "Tuesday 14 May 2030", a 24-hour clock, the zone by its city.
    assert "Tuesday 14 May 2030, 9:30–16:30 (London time)" in message.body
    assert "a.m." not in message.body
    assert "http://localhost/en/events/meeting/manage/" in message.body
    assert "Your place at “Cross-border meeting” is confirmed" in message.body
    assert html_of(message).html["lang"] == "en"


def test_the_waiting_list_email_gives_the_position(event, register, mailoutbox):
    register(event["en"], email="first@x.org")
    register(event["en"], email="second@x.org")
    third = register(event["fr"], email="third@x.org", preferred_language="fr")
    message = mailoutbox[-1]
    assert message.to == ["third@x.org"]
    assert FRENCH_TITLE in message.subject
    assert html_of(message).find(attrs={"data-position": "2"}) is not None
    assert "2." in message.body
    assert links.manage_url(third, event["fr"], full=True) in message.body
    assert not [
        part
        for part in message.message().walk()
        if part.get_content_type() == "text/calendar"
    ]


def test_cancelling_mails_the_canceller_and_the_person_promoted(
    event, register, mailoutbox, django_capture_on_commit_callbacks
):
    first = register(event["en"], email="first@x.org", preferred_language="en")
    register(event["en"], email="second@x.org", preferred_language="fr")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(first)
    by_address = {message.to[0]: message for message in mailoutbox}
    assert set(by_address) == {"first@x.org", "second@x.org"}
    cancelled = by_address["first@x.org"]
    assert "cancelled" in cancelled.subject
    assert "Cross-border meeting" in cancelled.subject
    promoted = by_address["second@x.org"]
    assert FRENCH_TITLE in promoted.subject
    assert "14 mai 2030" in promoted.body
    assert calendar_part(promoted).get_param("method") == "PUBLISH"


def test_the_emailed_link_opens_the_registration(event, register, mailoutbox, client):
    register(event["fr"])
    link = next(word for word in mailoutbox[0].body.split() if "/manage/" in word)
    response = client.get(urlsplit(link).path)
    assert response.status_code == 200
    assert response.context["registration"].email == "alex@example.org"


def test_html_from_registrants_is_escaped_in_the_html_part(event, register, mailoutbox):
    register(event["en"], name='<img src=x onerror="alert(1)">')
    [message] = mailoutbox
    html = message.alternatives[0][0]
    assert "<img src=x" not in html
    assert "&lt;img src=x" in html
    assert '<img src=x onerror="alert(1)">' in message.body  # plain text stays text


def test_nothing_is_sent_before_the_commit(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.register_for_event(event["en"], service_data())
    assert mailoutbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mailoutbox) == 1


def test_a_refused_registration_sends_nothing(event, register, mailoutbox):
    register(event["en"])
    with pytest.raises(services.AlreadyRegistered):
        register(event["en"], email="ALEX@example.org")
    assert len(mailoutbox) == 1


def test_no_email_goes_to_an_erased_registration(event, register, mailoutbox):
    registration = register(event["en"])
    mailoutbox.clear()
    services.erase_registration(registration)
    result = send_registration_email.enqueue(registration.pk, "confirmation")
    assert result.return_value == 0
    assert mailoutbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_worker_sends_the_email(event, settings, mailoutbox):
    """In production the e-mail waits in the database queue for the worker."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    services.register_for_event(event["fr"], service_data())  # commits at once
    assert mailoutbox == []
    queued = DBTaskResult.objects.get(
        task_path="hub.events.emails.send_registration_email"
    )
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    [message] = mailoutbox
    assert FRENCH_TITLE in message.subject
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"


def test_any_text_in_the_event_gives_a_valid_email_and_calendar(
    locales, register, mailoutbox, client
):
    """Line breaks (of every kind) and control characters in the title or the place
    once made event.ics and every confirmation fail."""
    site = make_event_site()
    event = site.add_event(
        title="Exchange day\r\nBcc: someone@example.org\u2028part two",
        venue="Town hall\nRoom B; 2nd floor, \\east",
        city="Caen\x0b",
        start=START,
        end=START + datetime.timedelta(hours=7),
    )
    register(event["en"], preferred_language="en")
    [message] = mailoutbox
    assert (
        message.subject
        == "Your place is confirmed: Exchange day Bcc: someone@example.org part two"
    )
    assert message.message()["Bcc"] is None and message.bcc == []
    [attached] = Calendar.from_ical(
        calendar_part(message).get_payload(decode=True)
    ).walk("VEVENT")
    assert str(attached["SUMMARY"]) == "Exchange day Bcc: someone@example.org part two"
    for url in (event["en"].url + "event.ics", site.index["en"].url + "calendar.ics"):
        response = client.get(url)
        assert response.status_code == 200
        [vevent] = Calendar.from_ical(response.content).walk("VEVENT")
        assert "\n" not in str(vevent["SUMMARY"])
        assert str(vevent["LOCATION"]).startswith("Town hall Room B; 2nd floor, \\east")
