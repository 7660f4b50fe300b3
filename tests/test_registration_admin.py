"""Organisers in the Wagtail admin: list, filters, export, report, actions, access."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from hub.events import services
from hub.events.models import Registration
from tests.factories import organise, service_data

Status = Registration.Status
INDEX = "/admin/registration/"


@pytest.fixture
def registrations(event_site, manager):
    event = event_site.add_event(capacity=2, travel_places=1)
    other = event_site.add_event(slug="other", capacity=5)
    organise(manager, event, other)
    people = [
        ("Anne", "anne@x.org", "FR", "social_landlord", event["fr"], True),
        ("Ben", "ben@x.org", "GB", "university", event["en"], True),
        ("Chloé", "chloe@x.org", "FR", "sse_network", event["fr"], False),
        ("Dan", "dan@x.org", "GB", "social_landlord", other["en"], False),
    ]
    created = {}
    for name, email, country, kind, page, travel in people:
        created[name] = services.register_for_event(
            page,
            service_data(
                name=name,
                email=email,
                country=country,
                organisation_kind=kind,
                travel_requested="on" if travel else "",
            ),
        )
    return {"event": event, "other": other, **created}


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "e@x.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_managers_see_both_language_versions_under_one_event(
    client, manager, registrations
):
    client.force_login(manager)
    key = registrations["event"]["en"].translation_key
    response = client.get(INDEX, {"event_key": str(key)})
    assert response.status_code == 200
    listed = {item.name for item in response.context["object_list"]}
    assert listed == {"Anne", "Ben", "Chloé"}  # registered through /fr/ and /en/


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"status": "waiting"}, {"Chloé"}),
        ({"status": "confirmed"}, {"Anne", "Ben", "Dan"}),
        ({"country": "GB"}, {"Ben", "Dan"}),
        ({"organisation_kind": "social_landlord"}, {"Anne", "Dan"}),
        ({"travel_requested": "true"}, {"Anne", "Ben"}),
        ({"q": "chloe@x"}, {"Chloé"}),
        ({"status": "nonsense"}, {"Anne", "Ben", "Chloé", "Dan"}),
    ],
)
def test_filters_and_search(client, manager, registrations, query, expected):
    client.force_login(manager)
    response = client.get(INDEX, query)
    assert response.status_code == 200
    assert {item.name for item in response.context["object_list"]} == expected


def test_csv_export_has_everything_and_defuses_formulas(client, manager, registrations):
    registration = registrations["Anne"]
    registration.organisation = '=HYPERLINK("http://evil")'
    registration.save()
    client.force_login(manager)
    response = client.get(INDEX, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    assert len(rows) == 4
    anne = next(row for row in rows if row["Name"] == "Anne")
    assert anne["E-mail"] == "anne@x.org"
    assert anne["Status"] == "Confirmed"
    assert anne["Country"] == "France"
    assert anne["Event"] == "Cross-border meeting"
    assert anne["Organisation"].startswith("'=")
    assert anne["Privacy notice version"] == "2026-11"


def test_control_characters_typed_before_the_form_refused_them_break_no_export(
    client, manager, registrations
):
    from openpyxl import load_workbook

    registration = registrations["Ben"]
    registration.name = "Ben\x01\x1b[31m"  # stored before names were checked
    registration.save()
    client.force_login(manager)
    response = client.get(INDEX, {"export": "xlsx"})
    assert response.status_code == 200
    content = (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )
    header, *rows = load_workbook(io.BytesIO(content)).active.iter_rows(
        values_only=True
    )
    names = {row[header.index("Name")] for row in rows}
    assert "Ben[31m" in names
    response = client.get(INDEX, {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert "\x01" not in content and "Ben[31m" in content


def test_the_report_counts_by_country_and_organisation_kind(
    client, manager, registrations
):
    client.force_login(manager)
    key = str(registrations["event"]["en"].translation_key)
    response = client.get(reverse("registration:report"), {"event": key})
    assert response.status_code == 200
    by_country = {row["country"]: row for row in response.context["by_country"]}
    assert by_country["FR"]["confirmed"] == 1 and by_country["FR"]["waiting"] == 1
    assert by_country["GB"]["confirmed"] == 1
    by_kind = {row["organisation_kind"]: row for row in response.context["by_kind"]}
    assert by_kind["social_landlord"]["confirmed"] == 1  # Dan is another event
    assert response.context["totals"]["travel_requested"] == 2
    everything = client.get(reverse("registration:report"))
    kinds = {row["organisation_kind"]: row for row in everything.context["by_kind"]}
    assert kinds["social_landlord"]["confirmed"] == 2
    soup = BeautifulSoup(everything.content, "html.parser")
    assert soup.find("table", attrs={"data-report": "country"}) is not None
    # A forged event choice falls back to all events instead of failing.
    assert client.get(reverse("registration:report"), {"event": "x"}).status_code == 200


def test_granting_travel_places_respects_the_limit(client, manager, registrations):
    client.force_login(manager)
    anne, ben = registrations["Anne"], registrations["Ben"]
    url = reverse("registration:action", args=(anne.pk, "grant_travel"))
    assert client.get(url).status_code == 200  # asks for confirmation
    anne.refresh_from_db()
    assert anne.travel_granted is False
    assert client.post(url).status_code == 302
    anne.refresh_from_db()
    assert anne.travel_granted is True
    # The event has one travel place: Ben cannot get a second one.
    client.post(reverse("registration:action", args=(ben.pk, "grant_travel")))
    ben.refresh_from_db()
    assert ben.travel_granted is False


def test_check_in_and_cancel_from_the_admin(client, manager, registrations):
    client.force_login(manager)
    ben, chloe = registrations["Ben"], registrations["Chloé"]
    client.post(reverse("registration:action", args=(ben.pk, "check_in")))
    ben.refresh_from_db()
    assert ben.checked_in_at is not None
    client.post(reverse("registration:action", args=(ben.pk, "cancel")))
    ben.refresh_from_db()
    chloe.refresh_from_db()
    assert ben.status == Status.CANCELLED
    assert chloe.status == Status.CONFIRMED  # promoted
    # Checking in someone waiting is refused.
    dan = registrations["Dan"]
    services.cancel_registration(dan)
    response = client.post(reverse("registration:action", args=(dan.pk, "check_in")))
    assert response.status_code == 302
    dan.refresh_from_db()
    assert dan.checked_in_at is None
    unknown = client.get(f"{INDEX}action/{dan.pk}/explode/")
    assert unknown.status_code == 302


def test_the_edit_form_cannot_change_status_or_email(client, manager, registrations):
    client.force_login(manager)
    chloe = registrations["Chloé"]
    response = client.get(reverse("registration:edit", args=(chloe.pk,)))
    assert response.status_code == 200
    fields = set(response.context["form"].fields)
    assert "status" not in fields and "email" not in fields
    assert "travel_granted" not in fields


def test_the_secret_token_is_not_shown_to_organisers(client, manager, registrations):
    client.force_login(manager)
    anne = registrations["Anne"]
    response = client.get(reverse("registration:inspect", args=(anne.pk,)))
    assert response.status_code == 200
    assert b"anne@x.org" in response.content
    assert anne.token.encode() not in response.content


def test_nobody_adds_or_deletes_registrations_in_the_admin(admin_client, registrations):
    anne = registrations["Anne"]
    assert admin_client.get(reverse("registration:add")).status_code in (302, 403)
    response = admin_client.post(reverse("registration:delete", args=(anne.pk,)))
    assert response.status_code in (302, 403)
    assert Registration.objects.filter(pk=anne.pk).exists()


@pytest.mark.parametrize(
    "url",
    [
        INDEX,
        INDEX + "?export=csv",
        "/admin/registration/report/",
        "/admin/registration/emails/",
        "/admin/registration/edit/{pk}/",
        "/admin/registration/inspect/{pk}/",
        "/admin/registration/action/{pk}/cancel/",
    ],
)
def test_an_ordinary_editor_sees_no_personal_data(client, editor, registrations, url):
    client.force_login(editor)
    anne = registrations["Anne"]
    response = client.get(url.format(pk=anne.pk))
    assert response.status_code in (302, 403)
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert b"anne@x.org" not in body
    client.post(f"/admin/registration/action/{anne.pk}/cancel/")
    anne.refresh_from_db()
    assert anne.status == Status.CONFIRMED


def test_the_menu_shows_registrations_to_managers_only(client, manager, editor):
    client.force_login(manager)
    assert INDEX in client.get("/admin/").content.decode()
    client.force_login(editor)
    assert INDEX not in client.get("/admin/").content.decode()
