"""Private practical details (exact address, joining link, access information): in
the confirmation e-mail, its calendar file and the manage page; never on the public
page, the API, search, feeds, the public calendar files or the JSON-LD. The French
page follows the English one's logistics without a manual sync."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

from hub.events import links, services
from hub.events.models import EventPage, Registration
from tests.factories import make_event_site, registration_data, service_data

ADDRESS = "Salle Kerguelen, 3rd floor, 12 rue Secrète"
LINK = "https://meet.example.org/hub-secret-room"
ACCESS = {"en": "Lift behind the porch-7Q", "fr": "Ascenseur derrière le porche-7Q"}
SECRETS = ("Kerguelen", "hub-secret-room", "porch-7Q", "porche-7Q")


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event(locales):
    event = make_event_site().add_event(
        capacity=1,
        event_format="hybrid",
        private_address=ADDRESS,
        joining_link=LINK,
        access_information=ACCESS["en"],
    )
    event["fr"].access_information = ACCESS["fr"]
    event["fr"].save_revision().publish()
    return event


def leaks(text):
    return [secret for secret in SECRETS if secret in text]


def test_the_public_surfaces_never_show_them(client, event):
    for language in ("en", "fr"):
        page = event[language]
        public = [
            client.get(page.url),
            client.get(page.url + "register/"),
            client.get(page.url + "event.ics"),
            client.get(event_index_url(page) + "calendar.ics"),
            client.get(f"/{language}/feeds/events/"),
            client.get(f"/{language}/feeds/events/atom/"),
            client.get(f"/api/v2/pages/{page.pk}/"),
            client.get("/api/v2/pages/", {"type": "events.EventPage", "fields": "*"}),
            client.get("/sitemap.xml"),
        ]
        for response in public:
            assert response.status_code == 200, response
            assert leaks(response.content.decode()) == [], response.request
        soup = BeautifulSoup(public[0].content, "html.parser")
        # The JSON-LD is part of the page, checked above; it names the public place.
        assert soup.find("script", type="application/ld+json") is not None
        # The page says what registrants will receive, not what it is.
        cta = soup.find(attrs={"data-registration-cta": True}).get_text(" ", True)
        cta = cta.replace("\u2019", "'")
        assert {
            "en": "exact address and the joining link are e-mailed",
            "fr": "adresse exacte et le lien de connexion vous sont envoyés",
        }[language] in cta
    searched = {field.field_name for field in EventPage.get_search_fields()}
    assert searched.isdisjoint(
        {"private_address", "joining_link", "access_information"}
    )


def event_index_url(page):
    return page.get_parent().url


def test_the_confirmation_and_its_calendar_file_carry_them_in_each_language(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    for language in ("en", "fr"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                event[language].url + "register/",
                registration_data(
                    email=f"{language}@example.org", preferred_language=language
                ),
            )
        assert response.status_code == 302
    confirmed, waiting = mailoutbox
    assert confirmed.extra_headers["Content-Language"] == "en"
    html = confirmed.alternatives[0][0]
    for text in (confirmed.body, html):
        assert ADDRESS in text and LINK in text and ACCESS["en"] in text
    [calendar] = [
        part
        for part in confirmed.message().walk()
        if part.get_content_type() == "text/calendar"
    ]
    ics = calendar.get_payload(decode=True).decode().replace("\r\n ", "")
    assert "LOCATION:" + ADDRESS.replace(",", "\\,") in ics
    assert f"CONFERENCE;VALUE=URI:{LINK}" in ics
    assert ACCESS["en"] in ics
    # The person on the waiting list has no place yet: no details.
    assert leaks(waiting.body) == [] and leaks(waiting.alternatives[0][0]) == []


def test_the_manage_page_shows_them_to_people_with_a_place(client, event):
    confirmed = services.register_for_event(event["fr"], service_data())
    waiting = services.register_for_event(
        event["fr"], service_data(email="w@example.org")
    )
    soup = BeautifulSoup(
        client.get(links.manage_url(confirmed, event["fr"])).content, "html.parser"
    )
    details = soup.find(attrs={"data-practical-details": True}).get_text(" ", True)
    assert ADDRESS in details and LINK in details and ACCESS["fr"] in details
    calendar = client.get(links.manage_url(confirmed, event["fr"]) + "calendar/")
    assert calendar.status_code == 200
    assert "no-store" in calendar["Cache-Control"]
    assert "hub-secret-room" in calendar.content.decode()

    other = client.get(links.manage_url(waiting, event["fr"]))
    assert leaks(other.content.decode()) == []
    waiting_calendar = links.manage_url(waiting, event["fr"]) + "calendar/"
    assert client.get(waiting_calendar).status_code == 404
    forged = links.manage_url(confirmed, event["fr"]).replace(confirmed.token, "x" * 43)
    assert client.get(forged + "calendar/").status_code == 404


def test_the_french_page_follows_the_english_logistics_without_a_sync(client, event):
    english, french = event["en"], event["fr"]
    old_revision = french.latest_revision  # capacity 1, the old dates
    start = timezone.now() + datetime.timedelta(days=50)
    english.capacity = 9
    english.start = start
    english.end = start + datetime.timedelta(hours=3)
    english.joining_link = "https://meet.example.org/new-room"
    english.save_revision().publish()
    french.refresh_from_db()
    assert (french.capacity, french.start) == (9, english.start)
    assert french.end == english.end
    assert french.joining_link == "https://meet.example.org/new-room"
    assert french.access_information == ACCESS["fr"]  # translated text stays its own
    # Publishing the French page's older revision later keeps them too.
    old_revision.publish()
    french.refresh_from_db()
    assert french.capacity == 9 and french.start == english.start
    # And places count across both languages.
    services.register_for_event(french, service_data())
    assert english.places_left == 8
    assert Registration.objects.get().event_key == english.translation_key
