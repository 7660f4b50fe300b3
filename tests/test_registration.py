"""Registering for an event in either language: capacity, waiting list, windows."""

import datetime
import importlib

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.cache import cache
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from hub.events import links, services
from hub.events.models import EventPage, Registration
from hub.pages.models import SiteLinks
from tests.factories import (
    PRIVACY_VERSION,
    make_event_site,
    registration_data,
    service_data,
)
from tests.factories.events import choose_privacy_notice

Status = Registration.Status


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event_site(locales):
    return make_event_site()


@pytest.fixture
def event(event_site):
    return event_site.add_event(capacity=2)


def register_url(page):
    return page.url + "register/"


def post(client, page, **overrides):
    return client.post(register_url(page), registration_data(**overrides))


def test_the_form_is_offered_in_each_language(client, event):
    for language, page in event.items():
        response = client.get(register_url(page))
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == language
        form = soup.find("form", class_="registration-form")
        names = {
            field["name"] for field in form.find_all(["input", "select", "textarea"])
        }
        assert {
            *("name", "email", "organisation", "organisation_kind", "country"),
            *("role", "preferred_language", "accessibility_needs", "dietary_needs"),
            *("travel_requested", "consent", "website"),
        } <= names
        # Two languages, two radios: the page's language is chosen.
        [chosen] = form.find_all(
            "input", attrs={"name": "preferred_language", "checked": True}
        )
        assert chosen["value"] == language
        privacy = form.find("a", href=f"/{language}/privacy/")
        assert privacy is not None


def test_registering_in_french_confirms_and_records_consent(client, event):
    before = timezone.now()
    response = post(client, event["fr"])
    assert response.status_code == 302
    assert response["Location"] == register_url(event["fr"]) + "done/"
    registration = Registration.objects.get()
    assert registration.status == Status.CONFIRMED
    assert registration.event_key == event["en"].translation_key
    assert registration.event_id == event["en"].pk  # the source page, for the admin
    assert registration.preferred_language == "fr"
    assert registration.travel_requested is True
    assert registration.consent_given_at >= before
    assert registration.privacy_notice_version == PRIVACY_VERSION
    assert len(registration.token) >= 40

    done = client.get(response["Location"])
    assert done.status_code == 200
    assert "alex@example.org" in done.content.decode()
    assert done["Cache-Control"].startswith("max-age=0")


def test_an_event_and_its_translation_share_one_capacity(client, event):
    post(client, event["fr"], email="one@example.org")
    post(client, event["en"], email="two@example.org", preferred_language="en")
    post(client, event["fr"], email="three@example.org")
    post(client, event["en"], email="four@example.org")
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "one@example.org": Status.CONFIRMED,
        "two@example.org": Status.CONFIRMED,
        "three@example.org": Status.WAITING,
        "four@example.org": Status.WAITING,
    }
    three = Registration.objects.get(email="three@example.org")
    four = Registration.objects.get(email="four@example.org")
    assert (three.waiting_list_position(), four.waiting_list_position()) == (1, 2)
    assert event["fr"].places_left == 0

    done = client.get(register_url(event["en"]) + "done/")
    assert done.context["registration"].email == "four@example.org"
    assert done.context["position"] == 2


def test_the_event_page_shows_places_left_and_the_link(client, event):
    post(client, event["fr"])
    for page in event.values():
        page.refresh_from_db()
        response = client.get(page.url)
        assert response.context["places_left"] == 1
        assert response.context["registration_state"] == "open"
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.find("a", href=register_url(page)) is not None


def test_registering_twice_gives_one_registration_and_a_message(client, event):
    first = post(client, event["fr"])
    second = post(client, event["en"], email="  ALEX@Example.ORG ")
    assert first.status_code == 302
    assert second.status_code == 409
    assert "already registered" in second.content.decode()
    assert Registration.objects.count() == 1


def test_a_double_submit_keeps_one_registration(client, event):
    responses = [post(client, event["fr"]) for _ in range(2)]
    assert [response.status_code for response in responses] == [302, 409]
    assert Registration.objects.count() == 1


def test_a_full_event_puts_people_on_the_waiting_list(client, event_site):
    event = event_site.add_event(slug="full", capacity=1)
    post(client, event["en"], email="first@example.org")
    form = client.get(register_url(event["en"]))
    assert "waiting list" in form.content.decode()
    response = post(client, event["en"], email="second@example.org")
    assert response.status_code == 302
    done = client.get(response["Location"])
    registration = Registration.objects.get(email="second@example.org")
    assert registration.status == Status.WAITING
    assert done.context["position"] == 1


def test_cancelling_promotes_the_first_person_waiting(event_site):
    event = event_site.add_event(slug="small", capacity=1)
    first = services.register_for_event(event["en"], service_data(email="a@x.org"))
    second = services.register_for_event(event["fr"], service_data(email="b@x.org"))
    third = services.register_for_event(event["en"], service_data(email="c@x.org"))
    promoted = services.cancel_registration(first)
    assert [person.pk for person in promoted] == [second.pk]
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == Status.CONFIRMED and second.promoted_at is not None
    assert third.waiting_list_position() == 1
    # Cancelling twice changes nothing and promotes nobody else.
    assert services.cancel_registration(first) == []
    third.refresh_from_db()
    assert third.status == Status.WAITING


def test_a_larger_capacity_once_published_fills_from_the_waiting_list(event_site):
    event = event_site.add_event(slug="grows", capacity=1)
    services.register_for_event(event["en"], service_data(email="a@x.org"))
    waiting = services.register_for_event(event["en"], service_data(email="b@x.org"))
    page = event["en"]
    page.capacity = 2
    page.save_revision().publish()
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def test_someone_who_cancelled_may_register_again(event):
    registration = services.register_for_event(event["en"], service_data())
    services.cancel_registration(registration)
    again = services.register_for_event(event["fr"], service_data())
    assert again.status == Status.CONFIRMED
    assert Registration.objects.count() == 2


def _move(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.mark.parametrize(
    "state, fields",
    [
        ("not_yet_open", {"registration_opens_at": datetime.timedelta(days=3)}),
        ("closed", {"registration_closes_at": -datetime.timedelta(hours=1)}),
        (
            "past",
            {
                "start": -datetime.timedelta(days=2),
                "end": -datetime.timedelta(days=1),
            },
        ),
    ],
)
def test_registration_outside_its_window_is_refused(client, event, state, fields):
    now = timezone.now()
    source = _move(event["en"], **{k: now + v for k, v in fields.items()})
    french = event["fr"]
    assert french.registration_state == state  # the source page's window counts
    for page in (source, french):
        response = client.get(register_url(page))
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.find("input", attrs={"name": "consent"}) is None
        assert soup.find(attrs={"role": "alert"}).get_text(strip=True)
        assert post(client, page).status_code == 403
    with pytest.raises(services.RegistrationClosed):
        services.register_for_event(french, service_data())
    assert Registration.objects.count() == 0


def test_a_translation_shows_the_source_window_and_state(client, event):
    opens = timezone.now() + datetime.timedelta(days=3)
    _move(event["en"], registration_opens_at=opens)
    french = event["fr"]
    assert french.registration_opens_at is None  # not synced: the source's counts
    response = client.get(french.url)
    assert response.context["registration_state"] == "not_yet_open"
    soup = BeautifulSoup(response.content, "html.parser")
    window = soup.find(class_="registration__window")
    shown = datetime.datetime.fromisoformat(window.find("time")["datetime"])
    assert shown == opens
    assert soup.find("a", href=register_url(french)) is None


def test_the_event_page_always_names_its_registration_state(client, event_site):
    event = event_site.add_event(slug="open-day", capacity=0)
    response = client.get(event["fr"].url)
    assert response.context["registration_state"] == "not_offered"
    assert "places_left" not in response.context


def test_one_page_per_event_key_and_language(event):
    key = event["en"].translation_key
    assert EventPage.objects.for_key(key) == event["en"]
    assert EventPage.objects.for_key(key, "fr") == event["fr"]
    assert EventPage.objects.for_key(key, "de") == event["en"]
    event["fr"].unpublish()
    assert EventPage.objects.live().for_key(key, "fr") == event["en"]
    assert event["fr"].source_event == event["en"]
    assert list(EventPage.objects.sources()) == [event["en"]]


def registration_form(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find("form", class_="registration-form")


def test_the_privacy_notice_is_the_page_chosen_in_the_site_settings(
    client, event, event_site
):
    privacy = event_site.privacy["en"]
    privacy.slug = "data-protection"
    privacy.save_revision().publish()
    response = client.get(register_url(event["en"]))
    form = registration_form(response)
    assert form.find("a", href="/en/data-protection/") is not None
    response = client.get(register_url(event["fr"]))
    form = registration_form(response)
    assert form.find("a", href="/fr/privacy/") is not None  # the French page
    assert services.privacy_notice_version() == PRIVACY_VERSION

    choose_privacy_notice(None)
    response = client.get(register_url(event["fr"]))
    form = registration_form(response)
    assert form.find("a", href="/fr/privacy/") is None
    assert services.privacy_notice_version() == ""


def test_existing_sites_keep_their_privacy_notice_found_by_slug(event_site):
    """The data migration that introduced the setting links the page called privacy."""
    SiteLinks.objects.all().delete()
    migration = importlib.import_module("hub.pages.migrations.0003_site_links")
    migration.link_pages_found_by_slug(apps, None)
    site_links = SiteLinks.objects.get()
    assert site_links.privacy_notice == event_site.privacy["en"]
    assert site_links.accessibility_statement is None
    assert services.privacy_notice_page(event_site.locales["fr"]).title == (
        "Confidentialité"
    )


def test_an_event_without_registration_has_no_form(client, event_site):
    event = event_site.add_event(slug="open-day", capacity=0)
    assert client.get(register_url(event["en"])).status_code == 404
    assert post(client, event["en"]).status_code == 404


LONG = "x" * 5000


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"email": "not-an-address"}, "email"),
        ({"email": "a@b@example.org"}, "email"),
        ({"email": ""}, "email"),
        ({"name": ""}, "name"),
        ({"consent": None}, "consent"),
        ({"name": LONG}, "name"),
        ({"organisation": LONG}, "organisation"),
        ({"role": LONG}, "role"),
        ({"accessibility_needs": LONG}, "accessibility_needs"),
        ({"dietary_needs": LONG}, "dietary_needs"),
        ({"email": LONG + "@example.org"}, "email"),
        ({"country": "XX"}, "country"),
        ({"organisation_kind": "<script>"}, "organisation_kind"),
        ({"preferred_language": "de"}, "preferred_language"),
        ({"name": "nul\x00byte"}, "name"),
        # Text that would read otherwise than it is stored (the review's L7).
        ({"name": "Eve\r\nBcc: victim@example.org"}, "name"),
        ({"name": "\u200b\u200b"}, "name"),
        ({"name": "Eve \u202etxt.exe"}, "name"),
        ({"organisation": "Habitat\u2066 35"}, "organisation"),
        ({"role": "Officer\nDirector"}, "role"),
        ({"dietary_needs": "None\x07"}, "dietary_needs"),
        ({"accessibility_needs": "Ramp\ufeff"}, "accessibility_needs"),
    ],
)
def test_bad_input_gets_a_message_not_a_registration(client, event, overrides, field):
    response = post(client, event["en"], **overrides)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find(attrs={"role": "alert"}) is not None
    assert Registration.objects.count() == 0


def test_names_in_every_script_and_notes_on_several_lines_are_kept(client, event):
    response = post(
        client,
        event["en"],
        name="Zoë Ngũgĩ-Ó Briain",
        organisation="مهرداد\u200cشهر",  # a zero-width non-joiner, as Persian writes
        dietary_needs="No nuts.\r\nNo dairy.",
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.name == "Zoë Ngũgĩ-Ó Briain"
    assert registration.organisation == "مهرداد\u200cشهر"
    assert "No dairy" in registration.dietary_needs


def test_html_in_text_fields_is_stored_as_text_and_escaped(client, event):
    hostile = '<script>alert("x")</script><b>bold</b>'
    response = post(client, event["en"], name=hostile, organisation=hostile)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.name == hostile
    page = client.get(links.manage_url(registration, event["en"]))
    html = page.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_the_honeypot_refuses_quietly(client, event):
    response = post(client, event["en"], website="http://spam.example")
    assert response.status_code == 400
    assert Registration.objects.count() == 0


def test_registrations_per_address_are_limited(client, event, settings):
    settings.HUB_REGISTRATION_RATE_LIMIT = 2
    codes = [
        post(client, event["en"], email=f"p{n}@example.org").status_code
        for n in range(3)
    ]
    assert codes == [302, 302, 429]
    assert "Too many registrations" in post(client, event["en"]).content.decode()
    assert Registration.objects.count() == 2
    other = client.post(
        register_url(event["en"]),
        registration_data(email="other@example.org"),
        REMOTE_ADDR="192.0.2.7",
    )
    assert other.status_code == 302
    # Invalid forms do not use the allowance of an address.
    settings.HUB_REGISTRATION_RATE_LIMIT = 5
    cache.clear()
    for _ in range(6):
        assert post(client, event["en"], email="bad").status_code == 200
    assert post(client, event["en"], email="p9@example.org").status_code == 302


def test_a_zero_rate_limit_turns_the_limit_off(client, event, settings):
    settings.HUB_REGISTRATION_RATE_LIMIT = 0
    codes = {
        post(client, event["en"], email=f"q{n}@x.org").status_code for n in range(7)
    }
    assert codes == {302}


def test_the_done_page_needs_a_registration_in_the_session(client, event):
    response = client.get(register_url(event["en"]) + "done/")
    assert response.status_code == 302
    assert response["Location"] == event["en"].url


hostile_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "l'Ouest",
            "qu'il",
            '" onmouseover="x',
            "Robert'); DROP TABLE events_registration;--",
            "=1+1",
            "\u202eevil",
            "x" * 5000,
        ]
    ),
)


@given(
    name=hostile_text,
    email=st.one_of(st.emails(), hostile_text),
    organisation=hostile_text,
    role=hostile_text,
    dietary=hostile_text,
    country=st.sampled_from(["FR", "GB", "other", "", "XX", "<b>"]),
)
@hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_any_input_gets_a_page_never_a_500(
    client,
    event,
    django_settings_rate_limit_off,
    name,
    email,
    organisation,
    role,
    dietary,
    country,
):
    before = Registration.objects.count()
    response = post(
        client,
        event["en"],
        name=name,
        email=email,
        organisation=organisation,
        role=role,
        dietary_needs=dietary,
        country=country,
    )
    assert response.status_code in (200, 302, 409)
    after = Registration.objects.count()
    if response.status_code == 302:
        assert after == before + 1
        stored = Registration.objects.order_by("-pk").first()
        assert stored.name == name.strip()
        assert stored.organisation == organisation.strip()
    else:
        assert after == before


@pytest.fixture
def django_settings_rate_limit_off(settings):
    settings.HUB_REGISTRATION_RATE_LIMIT = 0


def test_behind_a_trusted_proxy_the_limit_counts_the_forwarded_client(
    client, event, settings
):
    settings.HUB_REGISTRATION_RATE_LIMIT = 1
    settings.HUB_TRUSTED_PROXY_COUNT = 1
    cache.clear()
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    first = client.post(
        register_url(event["en"]),
        registration_data(email="a1@example.org"),
        HTTP_X_FORWARDED_FOR="198.51.100.1",
        **proxy,
    )
    assert first.status_code == 302
    # Another visitor behind the same proxy keeps their own allowance...
    second = client.post(
        register_url(event["en"]),
        registration_data(email="a2@example.org"),
        HTTP_X_FORWARDED_FOR="198.51.100.2",
        **proxy,
    )
    assert second.status_code == 302
    # ...and a forged left-most entry does not buy a new one.
    forged = client.post(
        register_url(event["en"]),
        registration_data(email="a3@example.org"),
        HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.2",
        **proxy,
    )
    assert "Too many registrations" in forged.content.decode()
