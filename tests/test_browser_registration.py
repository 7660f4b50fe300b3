"""A real browser: the form's help (autocomplete, the error summary taking focus),
register, read the e-mail, follow its link, confirm then cancel, see who moves up.

Headless Chromium (the Debian package) driven by Playwright, against the live server;
axe-core (tests/axe.py) checks each page state on the way.
"""

import re

import pytest
from django.core.cache import cache

from hub.events import services
from hub.events.models import Registration
from tests.axe import assert_accessible
from tests.factories import make_event_site, point_default_site_at, service_data

Status = Registration.Status

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def browser(event, chromium):
    # Started after the database is set up for the test (see `chromium`).
    return chromium


@pytest.fixture
def event(live_server, locales):
    cache.clear()
    site = make_event_site()
    point_default_site_at(live_server.url)  # e-mailed links lead to the live server
    cache.clear()  # Wagtail caches the sites' root paths (shared cache under CI)
    event = site.add_event(capacity=2)
    services.register_for_event(event["en"], service_data(email="early@example.org"))
    return event


def manage_link(message):
    return re.search(r"https?://\S+/manage/\S+/", message.body).group(0)


@pytest.mark.parametrize(
    "language, other_language", [("fr", "en"), ("en", "fr")], ids=["fr", "en"]
)
def test_register_cancel_and_promote(
    browser, live_server, event, mailoutbox, language, other_language
):
    page_in_language = event[language]
    context = browser.new_context(locale=language, bypass_csp=True)  # for axe
    tab = context.new_page()
    tab.set_default_timeout(15_000)

    # The event page offers the last place.
    tab.goto(live_server.url + page_in_language.url)
    assert tab.locator("html").get_attribute("lang") == language
    assert_accessible(tab, "the event page")
    register_path = page_in_language.url + "register/"
    tab.click(f'a[href="{register_path}"]')
    tab.wait_for_url(f"**{register_path}")
    assert_accessible(tab, "the registration form")

    # The form helps: autocomplete tokens; a failed submit leads with an error
    # summary that takes focus and links to the fields.
    assert tab.get_attribute("#id_name", "autocomplete") == "name"
    assert tab.get_attribute("#id_email", "autocomplete") == "email"
    assert tab.get_attribute("#id_organisation", "autocomplete") == "organization"
    tab.click("form.registration-form button[type=submit]")
    tab.wait_for_selector("[data-error-summary]")
    assert tab.evaluate("document.activeElement.hasAttribute('data-error-summary')"), (
        "the error summary has focus"
    )
    assert tab.title().startswith({"fr": "Erreur", "en": "Error"}[language])
    first_link = tab.locator("[data-error-summary] a").first
    assert first_link.get_attribute("href") == "#id_name"
    assert tab.get_attribute("#id_name", "aria-invalid") == "true"
    assert "id_name_error" in tab.get_attribute("#id_name", "aria-describedby")
    assert_accessible(tab, "the registration form with errors")

    tab.fill("#id_name", "Camille Dupont")
    tab.fill("#id_email", "camille@example.org")
    tab.fill("#id_organisation", "Coopérative <b>Ouest</b>")
    tab.select_option("#id_organisation_kind", "sse_network")
    tab.check("input[name=country][value=FR]")
    tab.fill("#id_role", "Chargée de projet")
    assert tab.is_checked(f"input[name=preferred_language][value={language}]")
    tab.fill("#id_dietary_needs", "Sans gluten")
    tab.check("#id_travel_requested")
    tab.check("#id_consent")
    tab.click("form.registration-form button[type=submit]")
    tab.wait_for_url(f"**{register_path}done/")
    assert "camille@example.org" in tab.inner_text("main")
    assert_accessible(tab, "the registration's confirmation")

    registration = Registration.objects.get(email="camille@example.org")
    assert registration.status == Status.CONFIRMED
    assert registration.preferred_language == language
    assert registration.organisation == "Coopérative <b>Ouest</b>"

    # Someone else now waits, in the other language.
    waiting = services.register_for_event(
        event[other_language],
        service_data(email="waiting@example.org", preferred_language=other_language),
    )
    assert waiting.status == Status.WAITING

    [confirmation] = [m for m in mailoutbox if m.to == ["camille@example.org"]]
    assert page_in_language.title in confirmation.subject
    assert confirmation.extra_headers["Content-Language"] == language
    link = manage_link(confirmation)
    assert link.startswith(live_server.url + f"/{language}/")

    # Follow the e-mailed link and cancel.
    tab.goto(link)
    assert tab.locator("[data-status=confirmed]").count() == 1
    assert "Coopérative <b>Ouest</b>" in tab.inner_text("main")  # shown as text
    assert_accessible(tab, "the manage page")
    # Cancelling asks first and says what happens next; nothing changes until then.
    tab.click("button[data-action=cancel]")
    tab.wait_for_url("**?confirm=cancel")
    assert tab.locator("[data-confirm=cancel] li").count() >= 2
    assert_accessible(tab, "the cancel confirmation step")
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
    tab.click("button[data-action=confirm-cancel]")
    tab.wait_for_url("**?done=cancelled")
    assert tab.locator("[data-status=cancelled]").count() == 1
    assert_accessible(tab, "the manage page after cancelling")

    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert waiting.status == Status.CONFIRMED

    [promotion] = [m for m in mailoutbox if m.to == ["waiting@example.org"]][1:]
    assert event[other_language].title in promotion.subject
    assert promotion.extra_headers["Content-Language"] == other_language
    assert any(
        part.get_content_type() == "text/calendar"
        for part in promotion.message().walk()
    )
    cancellation = [m for m in mailoutbox if m.to == ["camille@example.org"]][1]
    assert page_in_language.title in cancellation.subject
    context.close()
