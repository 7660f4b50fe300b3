"""The secret link: see, change, cancel, erase; tampered and expired links refused."""

import datetime
import uuid

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from hub.events import links, services
from hub.events.models import EventPage, Registration
from tests.factories import make_event_site, service_data

Status = Registration.Status


@pytest.fixture
def event(locales):
    return make_event_site().add_event(capacity=1)


@pytest.fixture
def registration(event):
    return services.register_for_event(event["fr"], service_data())


@pytest.fixture
def link(registration, event):
    return links.manage_url(registration, event["fr"])


def test_the_link_shows_the_registration(client, link, registration):
    response = client.get(link)
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "fr"
    assert soup.find(attrs={"data-status": "confirmed"}) is not None
    assert "alex@example.org" in soup.get_text()
    assert soup.find("button", attrs={"data-action": "cancel"}) is not None
    assert soup.find("button", attrs={"data-action": "erase"}) is not None


def test_the_link_works_on_the_other_language_version(client, registration, event):
    response = client.get(links.manage_url(registration, event["en"]))
    assert response.status_code == 200


@pytest.mark.parametrize(
    "tamper",
    [
        lambda public_id, token: (
            public_id,
            token[:-1] + ("A" if token[-1] != "A" else "B"),
        ),
        lambda public_id, token: (public_id, token[:10]),
        lambda public_id, token: (uuid.uuid4(), token),
        lambda public_id, token: (public_id, "x" * 43),
        lambda public_id, token: (public_id, "<script>"),
    ],
)
def test_a_tampered_link_is_refused_clearly(client, registration, event, tamper):
    public_id, token = tamper(registration.public_id, registration.token)
    url = event["fr"].url + f"manage/{public_id}/{token}/"
    for method in (client.get, client.post):
        response = (
            method(url, {"action": "cancel"}) if method == client.post else method(url)
        )
        assert response.status_code == 404
        assert "alex@example.org" not in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_a_malformed_id_is_a_plain_404(client, event):
    response = client.get(event["fr"].url + "manage/not-a-uuid/abc/")
    assert response.status_code == 404


def test_a_link_for_another_event_is_refused(client, registration, locales):
    index = registration.event.get_parent().specific
    start = timezone.now() + datetime.timedelta(days=60)
    second = EventPage(
        title="Other",
        slug="other",
        start=start,
        end=start + datetime.timedelta(hours=2),
        country="FR",
        capacity=3,
    )
    index.add_child(instance=second)
    second.save_revision().publish()
    url = second.url + f"manage/{registration.public_id}/{registration.token}/"
    assert client.get(url).status_code == 404


def test_changing_details_keeps_the_place(client, link, registration):
    data = {
        "action": "update",
        "name": "Alex M.",
        "organisation": "Habitat 35",
        "organisation_kind": "sse_network",
        "country": "GB",
        "role": "Director",
        "preferred_language": "en",
        "accessibility_needs": "Step-free access",
        "dietary_needs": "",
    }
    response = client.post(link, data)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.name == "Alex M."
    assert registration.preferred_language == "en"
    assert registration.country == "GB"
    assert registration.travel_requested is False  # unticked box
    assert registration.status == Status.CONFIRMED
    assert registration.email == "alex@example.org"
    assert "updated" in client.get(response["Location"]).context["done"]


def test_invalid_changes_are_refused_and_nothing_is_lost(client, link, registration):
    response = client.post(
        link, {"action": "update", "name": "y" * 5000, "organisation_kind": "x"}
    )
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    registration.refresh_from_db()
    assert registration.name == "Alex Martin"
    assert registration.organisation_kind == "social_landlord"


def test_an_unknown_action_is_a_400(client, link):
    assert client.post(link, {"action": "explode"}).status_code == 400


def test_cancelling_through_the_link_promotes_the_next(
    client, link, event, registration
):
    waiting = services.register_for_event(event["en"], service_data(email="w@x.org"))
    response = client.post(link, {"action": "cancel"})
    assert response.status_code == 302
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert waiting.status == Status.CONFIRMED
    page = client.get(response["Location"])
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.find(attrs={"data-status": "cancelled"}) is not None
    assert soup.find("button", attrs={"data-action": "cancel"}) is None
    # A second cancel (double submit) changes nothing.
    assert client.post(link, {"action": "cancel"}).status_code == 409
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def test_erasing_anonymises_at_once_and_kills_the_link(
    client, link, event, registration
):
    waiting = services.register_for_event(event["en"], service_data(email="w@x.org"))
    response = client.post(link, {"action": "erase"})
    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert registration.is_anonymised
    assert registration.email.endswith("@anonymised.invalid")
    assert registration.name == services.ANONYMISED_NAME
    assert (registration.organisation, registration.dietary_needs) == ("", "")
    assert registration.token == ""
    assert registration.country == "FR"  # kept for the counts
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    gone = client.get(link)
    assert gone.status_code == 410
    assert "alex@example.org" not in gone.content.decode()


def test_after_the_event_the_link_can_erase_but_not_cancel(
    client, link, event, registration
):
    page = event["en"]  # the source page's dates count for both languages
    page.start = timezone.now() - datetime.timedelta(days=3)
    page.end = timezone.now() - datetime.timedelta(days=2)
    page.save_revision().publish()
    response = client.get(link)
    assert response.status_code == 200
    assert response.context["changeable"] is False
    assert client.post(link, {"action": "cancel"}).status_code == 409
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    assert client.post(link, {"action": "erase"}).status_code == 200
    registration.refresh_from_db()
    assert registration.is_anonymised


def test_the_link_expires_with_the_retention_period(client, link, event, settings):
    settings.HUB_REGISTRATION_RETENTION_DAYS = 30
    source = event["en"]
    source.start = timezone.now() - datetime.timedelta(days=29)
    source.end = timezone.now() - datetime.timedelta(days=28)
    source.save_revision().publish()
    assert client.get(link).status_code == 200
    source.start = timezone.now() - datetime.timedelta(days=32)
    source.end = timezone.now() - datetime.timedelta(days=31)
    source.save_revision().publish()
    response = client.get(link)
    assert response.status_code == 410
    assert "alex@example.org" not in response.content.decode()


# -- a lost link, sent again ---------------------------------------------------------


def ask_for_the_link(client, page, email, on_commit):
    url = page.url + "manage/"
    with on_commit(execute=True):
        response = client.post(url, {"email": email})
    assert response.status_code == 302
    return client.get(response["Location"])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_lost_link_is_sent_again_without_telling_who_is_registered(
    client,
    registration,
    event,
    mailoutbox,
    django_capture_on_commit_callbacks,
    language,
):
    page = event[language]
    form = client.get(page.url + "manage/")
    assert form.status_code == 200
    soup = BeautifulSoup(form.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.find("input", attrs={"name": "email", "autocomplete": "email"})

    # The address registered (in another case and through the other language).
    known = ask_for_the_link(
        client, page, "ALEX@Example.org ", django_capture_on_commit_callbacks
    )
    [message] = mailoutbox
    assert message.to == ["alex@example.org"]
    assert message.extra_headers["Content-Language"] == "fr"  # the registrant's choice
    assert links.manage_url(registration, event["fr"], full=True) in message.body
    assert client.get(links.manage_url(registration, event["fr"])).status_code == 200

    # An address nobody registered with gets the very same answer, and no e-mail.
    unknown = ask_for_the_link(
        client, page, "nobody@example.org", django_capture_on_commit_callbacks
    )
    assert len(mailoutbox) == 1

    def notice(response):
        return (
            BeautifulSoup(response.content, "html.parser")
            .find(attrs={"role": "status"})
            .get_text(" ", strip=True)
        )

    assert notice(known) == notice(unknown)
    assert known.status_code == unknown.status_code == 200


def test_asking_again_and_again_sends_one_email_and_never_to_erased_data(
    client, registration, event, mailoutbox, django_capture_on_commit_callbacks
):
    for _ in range(3):
        ask_for_the_link(
            client, event["en"], "alex@example.org", django_capture_on_commit_callbacks
        )
    assert len(mailoutbox) == 1
    services.erase_registration(registration)
    from django.core.cache import cache

    cache.clear()
    ask_for_the_link(
        client, event["en"], "alex@example.org", django_capture_on_commit_callbacks
    )
    assert len(mailoutbox) == 1


def test_a_malformed_address_gets_a_message(client, event):
    response = client.post(event["en"].url + "manage/", {"email": "not an address"})
    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find(attrs={"role": "alert"}) is not None


def test_the_event_page_and_a_refused_link_lead_to_the_form(client, event):
    page = client.get(event["en"].url)
    assert f'href="{event["en"].url}manage/"' in page.content.decode()
    refused = client.get(event["en"].url + f"manage/{uuid.uuid4()}/{'x' * 43}/")
    assert f'href="{event["en"].url}manage/"' in refused.content.decode()
