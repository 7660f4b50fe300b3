"""Organisers' actions in Wagtail's audit log: each admin action on a registration
leaves one entry naming the action and the organiser, and no personal data."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from hub.events import services
from hub.events.models import Registration
from tests.factories import organise, service_data


@pytest.fixture
def registration(event_site, manager):
    event = event_site.add_event(capacity=5, travel_places=2)
    organise(manager, event)
    return services.register_for_event(
        event["en"],
        service_data(name="Zoé Secret", email="zoe.secret@x.org", organisation="Org"),
    )


def act(client, registration, action):
    url = reverse("registration:action", args=(registration.pk, action))
    response = client.post(url)
    assert response.status_code == 302
    return ModelLogEntry.objects.filter(action=f"hub.registration.{action}")


@pytest.mark.parametrize(
    "before, action, status",
    [
        (None, "check_in", "Confirmed"),
        ("check_in", "undo_check_in", "Confirmed"),
        (None, "grant_travel", "Confirmed"),
        ("grant_travel", "revoke_travel", "Confirmed"),
        (None, "cancel", "Cancelled"),
    ],
)
def test_each_action_leaves_one_entry(
    client, manager, registration, before, action, status
):
    client.force_login(manager)
    if before:
        act(client, registration, before)
    entries = act(client, registration, action)
    assert entries.count() == 1
    entry = entries.get()
    assert entry.user == manager
    assert entry.object_id == str(registration.pk)
    assert entry.label == f"Registration {registration.pk} ({status})"
    stored = f"{entry.label} {entry.data} {entry.action}"
    for personal in ("Zoé", "Secret", "zoe.secret", "Org"):
        assert personal not in stored
    all_entries = ModelLogEntry.objects.filter(object_id=str(registration.pk))
    assert all_entries.count() == (2 if before else 1)


def test_a_refused_action_leaves_no_entry(client, manager, registration):
    client.force_login(manager)
    act(client, registration, "cancel")
    again = act(client, registration, "cancel")  # no longer applies
    assert again.count() == 1


def test_the_actions_are_labelled_in_both_languages():
    actions = {
        "hub.registration.check_in": ("Check in", "Enregistrer l'arrivée"),
        "hub.registration.cancel": ("Cancel a registration", "Annuler une inscription"),
        "hub.registration.revoke_travel": (
            "Withdraw the travel place",
            "Retirer l'aide au déplacement",
        ),
    }
    for action, (english, french) in actions.items():
        with translation.override("en"):
            assert str(registry.get_action_label(action)) == english
        with translation.override("fr"):
            assert str(registry.get_action_label(action)) == french
    choices = dict(registry.get_choices())
    for action in ("check_in", "undo_check_in", "grant_travel", "revoke_travel"):
        assert f"hub.registration.{action}" in choices


def test_the_history_page_shows_the_action(client, manager, registration):
    client.force_login(manager)
    act(client, registration, "check_in")
    history = client.get(reverse("registration:history", args=(registration.pk,)))
    assert history.status_code == 200
    assert "Checked in" in history.content.decode()
    assert Registration.objects.get(pk=registration.pk).checked_in_at is not None
