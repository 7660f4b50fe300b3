"""The contact route: a page in both languages linked from every footer, the privacy
notice, the accessibility statement and every e-mail; a form that e-mails the editors,
with the registration form's honeypot and a rate limit in the shared cache."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Site

from hub.contact.models import ContactPage, ContactSettings
from hub.events import services
from hub.pages.models import SiteLinks, StandardPage
from tests.factories import add_page, make_event_site, service_data

pytestmark = pytest.mark.django_db

MESSAGE = {
    "name": "Camille Durand",
    "email": "camille@example.org",
    "organisation": "Habitat 35",
    "message": "Could I have the Rennes report in a larger print?",
    "website": "",
}


@pytest.fixture
def site(locales):
    built = make_event_site()
    call_command("ensure_contact_page", verbosity=0)
    return built


def details():
    return ContactSettings.for_site(Site.objects.get(is_default_site=True))


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_demo_command_makes_one_page_per_language_and_is_safe_again(site):
    call_command("ensure_contact_page", verbosity=0)
    pages = ContactPage.objects.live().select_related("locale")
    assert sorted((p.locale.language_code, p.url) for p in pages) == [
        ("en", "/en/contact/"),
        ("fr", "/fr/contact/"),
    ]
    assert details().contact_page.locale.language_code == "en"


@pytest.mark.parametrize(
    "home, contact, heading",
    [
        ("/en/", "/en/contact/", "Contact us"),
        ("/fr/", "/fr/contact/", "Nous contacter"),
    ],
)
def test_every_footer_links_to_the_contact_page_in_its_language(
    client, site, home, contact, heading
):
    for path in (home, home + ("events/" if "en" in home else "evenements/")):
        response = client.get(path)
        links = soup(response).select("footer [data-footer-contact]")
        assert [link["href"] for link in links] == [contact], path
    page = soup(client.get(contact))
    assert page.h1.get_text() == heading
    assert page.select_one("html")["lang"] == contact[1:3]
    # No address is invented: the details stay hidden until an editor enters them.
    assert page.select("[data-postal-address]") == []


def test_the_privacy_notice_and_accessibility_statement_point_to_it(client, site):
    for page, contact in (
        (site.privacy["en"], "/en/contact/"),
        (site.privacy["fr"], "/fr/contact/"),
    ):
        aside = soup(client.get(page.url)).select_one("[data-contact-aside]")
        assert aside.a["href"] == contact
    statement = add_page(
        site.home["en"], StandardPage(title="Accessibility", slug="accessibility")
    )
    assert soup(client.get(statement.url)).select("[data-contact-aside]") == []
    links = SiteLinks.for_site(Site.objects.get(is_default_site=True))
    links.accessibility_statement = statement
    links.save()
    aside = soup(client.get(statement.url)).select_one("[data-contact-aside]")
    assert aside.a["href"] == "/en/contact/"


def test_the_address_editors_enter_is_shown(client, site):
    contact = details()
    contact.organisation = "Editorial team"
    contact.postal_address = "1 Example Street\nRennes"
    contact.save()
    address = soup(client.get("/fr/contact/")).select_one("[data-postal-address]")
    assert "Editorial team" in address.get_text()
    assert "1 Example Street" in address.get_text()


def test_a_message_goes_to_the_editors_with_the_writer_as_reply_to(
    client, site, mailoutbox, django_user_model
):
    editor = django_user_model.objects.create_user("ed", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    response = client.post("/fr/contact/", MESSAGE)
    assert response.status_code == 302
    assert response["Location"] == "/fr/contact/?sent=1"
    [message] = mailoutbox
    assert message.to == ["editor@example.org"]
    assert message.reply_to == ["camille@example.org"]
    assert "Camille Durand" in message.subject
    assert MESSAGE["message"] in message.body
    assert "Habitat 35" in message.body
    done = soup(client.get(response["Location"]))
    assert done.select_one("[data-contact-sent]") is not None
    assert done.select("form textarea") == []

    # Addresses set in Settings > Contact replace the editors.
    contact = details()
    contact.recipients = "team@example.org, second@example.org"
    contact.save()
    client.post("/en/contact/", MESSAGE)
    assert mailoutbox[-1].to == ["team@example.org", "second@example.org"]


def test_errors_keep_the_message_and_the_honeypot_refuses_bots(
    client, site, mailoutbox
):
    response = client.post("/en/contact/", {**MESSAGE, "email": "not-an-address"})
    assert response.status_code == 400
    page = soup(response)
    assert page.title.get_text().startswith("Error:")
    summary = page.select_one("[data-error-summary]")
    assert summary.a["href"] == "#id_email"
    assert page.select_one("#id_message").get_text().strip() == MESSAGE["message"]
    assert page.select_one("#id_email")["autocomplete"] == "email"
    assert page.select_one("#id_name")["autocomplete"] == "name"

    response = client.post("/en/contact/", {**MESSAGE, "website": "http://spam"})
    assert response.status_code == 400
    assert mailoutbox == []


def test_the_rate_limit_counts_in_the_shared_cache(client, site, settings, mailoutbox):
    settings.HUB_CONTACT_RATE_LIMIT = 2
    contact = details()
    contact.recipients = "team@example.org"
    contact.save()
    statuses = [
        client.post("/en/contact/", {**MESSAGE, "email": f"p{n}@example.org"})
        for n in range(3)
    ]
    assert [r.status_code for r in statuses] == [302, 302, 429]
    refused = statuses[-1]
    assert int(refused["Retry-After"]) > 0
    assert "try again in" in refused.content.decode()
    # The refused message comes back as typed.
    assert (
        soup(refused).select_one("#id_message").get_text().strip()
        == (MESSAGE["message"])
    )
    assert len(mailoutbox) == 2


def test_every_registrant_e_mail_names_the_contact_page(
    site, mailoutbox, django_capture_on_commit_callbacks
):
    start = datetime.datetime(2030, 5, 14, 9, 30, tzinfo=ZoneInfo("Europe/Paris"))
    event = site.add_event(capacity=5, start=start, end=start + datetime.timedelta(1))
    for language, path in (("fr", "/fr/contact/"), ("en", "/en/contact/")):
        with django_capture_on_commit_callbacks(execute=True):
            services.register_for_event(
                event["en"],
                service_data(preferred_language=language, email=f"{language}@x.org"),
            )
        message = mailoutbox[-1]
        url = f"http://localhost{path}"
        assert url in message.body
        [(html, _mimetype)] = message.alternatives
        assert f'href="{url}"' in html


def test_the_footer_follows_an_unpublished_translation(client, site):
    """The footer's URL is cached; unpublishing the French page forgets it."""
    assert soup(client.get("/fr/")).select_one("[data-footer-contact]")["href"] == (
        "/fr/contact/"
    )
    ContactPage.objects.get(locale__language_code="fr").unpublish()
    link = soup(client.get("/fr/")).select_one("[data-footer-contact]")
    assert link["href"] == "/en/contact/"
