"""The registration and manage forms in the GOV.UK pattern: labels, optional fields,
hints, autocomplete, the error summary and inline errors; confirmation steps that say
what happens next before a cancellation or an erasure."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from hub.events import links, services
from hub.events.models import Registration
from tests.factories import make_event_site, registration_data, service_data

Status = Registration.Status

OPTIONAL = {"en": "(optional)", "fr": "(facultatif)"}
ERROR_PREFIX = {"en": "Error:", "fr": "Erreur\u00a0:"}


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def event(locales):
    return make_event_site().add_event(capacity=1)


def plain(text):
    """French typography aside (curly apostrophes), for comparing wordings."""
    return text.replace("\u2019", "'")


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def form_group(soup, name):
    return soup.find(attrs={"data-field": name})


@pytest.mark.parametrize("language", ["en", "fr"])
def test_labels_optional_fields_hints_and_autocomplete(client, event, language):
    soup = soup_of(client.get(event[language].url + "register/"))
    form = soup.find("form", class_="registration-form")
    for name in ("name", "email", "organisation_kind"):
        label = form_group(soup, name).find(class_="form-label").get_text(" ", True)
        assert not label.endswith(":"), label
        assert OPTIONAL[language] not in label
    for name in ("organisation", "role", "accessibility_needs", "dietary_needs"):
        label = form_group(soup, name).find(class_="form-label").get_text(" ", True)
        assert label.endswith(OPTIONAL[language]), label
    # Hints are tied to their input.
    role = form.find("input", attrs={"name": "role"})
    assert role["aria-describedby"].split() == ["id_role_helptext"]
    assert soup.find(id=role["aria-describedby"].split()[0]) is not None
    tokens = {
        field["name"]: field.get("autocomplete")
        for field in form.find_all(["input", "select"])
        if field.get("name")
    }
    assert tokens["name"] == "name"
    assert tokens["email"] == "email"
    assert tokens["organisation"] == "organization"
    assert tokens["role"] == "organization-title"
    # No "---------": a real empty choice, and radios where there are few choices.
    assert "---------" not in soup.get_text()
    empty = form.find("select", attrs={"name": "organisation_kind"}).find("option")
    assert empty["value"] == "" and empty.get_text(strip=True)
    assert len(form.find_all("input", attrs={"name": "country"})) == 3


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_failed_submit_leads_with_an_error_summary_linked_to_each_field(
    client, event, language
):
    response = client.post(
        event[language].url + "register/",
        registration_data(name="", email="not-an-address", country=None, consent=None),
    )
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.title.get_text().startswith(ERROR_PREFIX[language])
    summary = soup.find(attrs={"data-error-summary": True})
    assert summary is not None
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"
    # The summary is the form's first element: focus starts above the fields.
    assert soup.find("form", class_="registration-form").find(True, recursive=False)
    targets = [link["href"] for link in summary.find_all("a")]
    assert targets == ["#id_name", "#id_email", "#id_country_0", "#id_consent"]
    if language == "en":  # messages that say what to do
        assert [link.get_text() for link in summary.find_all("a")] == [
            "Enter your name",
            "Enter an e-mail address in the right format, like name@example.org",
            "Choose the country you work in",
            "Please agree to the privacy notice to register.",
        ]
    for target in targets:
        field = soup.find(id=target[1:])
        assert field is not None
        described = field.get("aria-describedby") or field.find_parent("fieldset").get(
            "aria-describedby"
        )
        error_id = next(part for part in described.split() if part.endswith("_error"))
        error = soup.find(id=error_id)
        assert "form-error" in error["class"]
        assert error.get_text(strip=True).startswith(ERROR_PREFIX[language])
    assert soup.find("input", attrs={"name": "name"})["aria-invalid"] == "true"
    assert not Registration.objects.exists()


def test_the_summary_is_absent_when_nothing_is_wrong(client, event):
    soup = soup_of(client.get(event["en"].url + "register/"))
    assert soup.find(attrs={"data-error-summary": True}) is None
    assert not soup.title.get_text().startswith("Error")


def test_the_success_message_looks_like_success(client, event):
    client.post(event["en"].url + "register/", registration_data())
    soup = soup_of(client.get(event["en"].url + "register/done/"))
    assert "notice--success" in soup.find(class_="notice")["class"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_cancelling_asks_first_and_says_the_place_goes_to_the_waiting_list(
    client, event, language
):
    confirmed = services.register_for_event(event["en"], service_data())
    waiting = services.register_for_event(
        event["en"], service_data(email="next@example.org")
    )
    link = links.manage_url(confirmed, event[language])
    manage = soup_of(client.get(link))
    step = manage.find("button", attrs={"data-action": "cancel"}).find_parent("form")
    assert step["method"] == "get"  # a step, not the cancellation
    response = client.get(link, {"confirm": "cancel"})
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "same-origin"
    soup = soup_of(response)
    text = plain(soup.find(attrs={"data-confirm": "cancel"}).get_text(" ", strip=True))
    assert {
        "en": "Your place goes to the first person on the waiting list",
        "fr": "Votre place revient à la première personne de la liste d'attente",
    }[language] in text
    confirmed.refresh_from_db()
    assert confirmed.status == Status.CONFIRMED  # asking changes nothing
    button = soup.find("button", attrs={"data-action": "confirm-cancel"})
    form = button.find_parent("form")
    assert form["method"] == "post"
    assert form.find("input", attrs={"name": "action"})["value"] == "cancel"
    assert soup.find("a", href=link)  # "No, go back"

    client.post(link, {"action": "cancel"})
    confirmed.refresh_from_db()
    waiting.refresh_from_db()
    assert (confirmed.status, waiting.status) == (Status.CANCELLED, Status.CONFIRMED)


def test_erasing_asks_first_and_says_what_is_erased(client, event):
    registration = services.register_for_event(event["en"], service_data())
    link = links.manage_url(registration, event["en"])
    soup = soup_of(client.get(link, {"confirm": "erase"}))
    text = soup.find(attrs={"data-confirm": "erase"}).get_text(" ", strip=True)
    assert "Your place becomes free for someone else to register." in text
    assert "are erased now" in text
    assert soup.find("button", attrs={"data-action": "confirm-erase"})
    registration.refresh_from_db()
    assert not registration.is_anonymised
    client.post(link, {"action": "erase"})
    registration.refresh_from_db()
    assert registration.is_anonymised


def test_a_cancelled_registration_is_not_offered_cancelling_again(client, event):
    registration = services.register_for_event(event["en"], service_data())
    services.cancel_registration(registration)
    link = links.manage_url(registration, event["en"])
    response = client.get(link, {"confirm": "cancel"})
    assert response.status_code == 302 and response["Location"] == link
