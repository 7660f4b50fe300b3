"""The organisers' event desk in the admin: who may use it, bulk check-in, adding a
person by hand, promoting from the waiting list by hand, messaging every registrant
in their own language, the printable attendance list."""

import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from hub.events import services
from hub.events.models import Registration
from tests.factories import make_event_site, registration_data, service_data

Status = Registration.Status


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def events(locales, manager):
    site = make_event_site()
    # A morning in 30 days, in the event's zone: its 7 hours end the same day, so its
    # badges show one date whatever the time the suite runs.
    london = zoneinfo.ZoneInfo("Europe/London")
    day = datetime.datetime.now(london).date() + datetime.timedelta(days=30)
    start = datetime.datetime.combine(day, datetime.time(9, 30), tzinfo=london)
    mine = site.add_event(capacity=2, start=start)
    theirs = site.add_event(slug="other", capacity=5)
    mine["en"].managers.add(manager)
    mine["en"].save()
    people = {}
    for name, email, language in [
        ("Zoé", "zoe@x.org", "fr"),
        ("Adam", "adam@x.org", "en"),
        ("Wait One", "one@x.org", "en"),
    ]:
        people[name] = services.register_for_event(
            mine[language],
            service_data(name=name, email=email, preferred_language=language),
        )
    people["Wait Two"] = services.register_for_event(
        mine["fr"],
        service_data(name="Wait Two", email="two@x.org", preferred_language="fr"),
    )
    return {"mine": mine, "theirs": theirs, **people}


def url(name, event):
    return reverse(f"event_desk:{name}", args=(event["en"].translation_key,))


def test_organisers_run_the_desk_of_their_events_only(
    client, manager, events, django_user_model
):
    client.force_login(manager)
    assert client.get(reverse("event_desk:index")).status_code == 200
    for name in ("desk", "add", "message", "attendance"):
        assert client.get(url(name, events["mine"])).status_code == 200
        # Refused (Wagtail turns the refusal into a redirect with a message).
        assert client.get(url(name, events["theirs"])).status_code in (302, 403)
    editor = django_user_model.objects.create_user("ed", "ed@x.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(reverse("event_desk:index")).status_code in (302, 403)
    assert client.get(url("desk", events["mine"])).status_code in (302, 403)


def test_bulk_check_in_from_one_list(client, manager, events):
    client.force_login(manager)
    page = BeautifulSoup(client.get(url("desk", events["mine"])).content, "html.parser")
    boxes = page.select("form[data-desk=check-in] input[type=checkbox]")
    assert len(boxes) == 2  # the two with a place; the waiting list is apart
    response = client.post(
        url("desk", events["mine"]),
        {
            "action": "check_in",
            "registration": [
                events["Zoé"].pk,
                events["Adam"].pk,
                events["Wait One"].pk,  # waiting: not checked in
            ],
        },
    )
    assert response.status_code == 302
    checked = Registration.objects.filter(checked_in_at__isnull=False)
    assert {r.name for r in checked} == {"Zoé", "Adam"}
    assert ModelLogEntry.objects.filter(action="hub.registration.check_in").count() == 2


def test_promote_the_person_chosen_even_when_full(
    client, manager, events, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("desk", events["mine"]),
            {"action": "promote", "registration": [events["Wait Two"].pk]},
        )
    first, second = events["Wait One"], events["Wait Two"]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.WAITING, Status.CONFIRMED)
    [mail] = mailoutbox
    assert mail.to == ["two@x.org"]
    assert mail.extra_headers["Content-Language"] == "fr"


def test_add_a_person_by_hand(
    client, manager, events, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    data = registration_data(
        name="Speaker", email="speaker@x.org", preferred_language="en"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("add", events["mine"]), {**data, "give_place": "on", "notify": "on"}
        )
    assert response.status_code == 302
    speaker = Registration.objects.get(email="speaker@x.org")
    assert speaker.status == Status.CONFIRMED  # beyond the capacity of 2
    assert speaker.privacy_notice_version == ""
    assert [m.to for m in mailoutbox] == [["speaker@x.org"]]
    # Without "give a place", a full event puts them on the waiting list; without
    # "e-mail them", nobody is written to.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("add", events["mine"]), registration_data(email="guest@x.org"))
    assert Registration.objects.get(email="guest@x.org").status == Status.WAITING
    assert len(mailoutbox) == 1
    # The same address twice is refused on the form.
    again = client.post(
        url("add", events["mine"]), registration_data(email="guest@x.org")
    )
    assert again.status_code == 200
    assert "already registered" in again.content.decode()


def test_message_everyone_in_their_language(
    client, manager, events, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("message", events["mine"]),
            {
                "recipients": "confirmed",
                "subject_en": "Room change",
                "body_en": "We meet in room 4.",
                "subject_fr": "Changement de salle",
                "body_fr": "Nous nous retrouvons salle 4.",
            },
        )
    assert response.status_code == 302
    sent = {m.to[0]: m for m in mailoutbox}
    assert set(sent) == {"zoe@x.org", "adam@x.org"}
    assert sent["zoe@x.org"].subject == "Changement de salle"
    assert "Nous nous retrouvons salle 4." in sent["zoe@x.org"].body
    assert sent["zoe@x.org"].extra_headers["Content-Language"] == "fr"
    assert sent["adam@x.org"].subject == "Room change"
    assert "/manage/" in sent["adam@x.org"].body
    assert PageLogEntry.objects.filter(action="hub.registration.message").exists()

    # A language left empty: its readers get the other one.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("message", events["mine"]),
            {
                "recipients": "waiting",
                "subject_en": "Still waiting",
                "body_en": "Soon.",
            },
        )
    assert sorted(m.subject for m in mailoutbox) == ["Still waiting"] * 2


def test_the_printable_attendance_list(client, manager, events):
    client.force_login(manager)
    services.cancel_registration(events["Adam"])  # Wait One gets the place
    page = BeautifulSoup(
        client.get(url("attendance", events["mine"])).content, "html.parser"
    )
    names = [row.find_all("td")[1].get_text() for row in page.select("[data-person]")]
    assert names == ["Wait One", "Zoé"]


def test_the_registrations_list_drops_the_event_column_once_filtered(
    client, manager, events
):
    client.force_login(manager)

    def headings(params):
        response = client.get("/admin/registration/", params)
        soup = BeautifulSoup(response.content, "html.parser")
        return [th.get_text(strip=True) for th in soup.select("table.listing th")]

    assert "Event" in headings({})
    key = str(events["mine"]["en"].translation_key)
    filtered = headings({"event_key": key})
    assert "Name" in filtered and "Event" not in filtered


FRENCH_MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip


def test_printable_badges_eight_to_a_sheet_with_name_and_organisation_only(
    client, manager, events
):
    mine = events["mine"]
    for n in range(8):
        services.add_by_hand(
            mine["en"],
            service_data(
                name=f"Guest {n}",
                email=f"guest{n}@x.org",
                organisation="" if n else "Brest Métropole Habitat",
                accessibility_needs="Wheelchair user",
                role="Director",
            ),
            give_place=True,
            notify=False,
        )
    client.force_login(manager)
    desk = client.get(url("desk", mine)).content.decode()
    assert url("badges", mine) in desk  # offered beside the attendance list
    response = client.get(url("badges", mine))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    sheets = page.select(".badges__sheet")
    # Adam and Zoé have the two places, the eight guests were given one each.
    assert [len(sheet.select("[data-badge]")) for sheet in sheets] == [8, 2]
    badges = {
        badge.select_one(".badge__name").get_text(): badge
        for badge in page.select("[data-badge]")
    }
    first = badges["Guest 0"]
    assert first.select_one(".badge__organisation").get_text() == (
        "Brest Métropole Habitat"
    )
    assert badges["Guest 1"].select_one(".badge__organisation") is None
    english = mine["en"]
    assert first.select_one(".badge__event").get_text() == english.title
    start = english.local_start
    assert first.select_one(".badge__date").get_text() == (
        f"{start.day} {start:%B} {start.year}"
    )
    assert sheets[0]["lang"] == "en"
    text = page.get_text()
    for private in ("guest0@x.org", "Wheelchair user", "Director", "Vegetarian"):
        assert private not in text

    french = BeautifulSoup(
        client.get(url("badges", mine) + "?language=fr").content, "html.parser"
    )
    badge = french.select_one("[data-badge]")
    assert french.select_one(".badges__sheet")["lang"] == "fr"
    assert badge.select_one(".badge__event").get_text() == mine["fr"].title
    day = "1er" if start.day == 1 else str(start.day)
    assert badge.select_one(".badge__date").get_text().replace("\u00a0", " ") == (
        f"{day} {FRENCH_MONTHS[start.month - 1]} {start.year}"
    )
    # Another organiser's event: refused.
    assert client.get(url("badges", events["theirs"])).status_code in (302, 403)
