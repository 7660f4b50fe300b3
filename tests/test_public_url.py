"""PUBLIC_URL decides the address in every absolute link the hub hands out."""

from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from wagtail.models import Site

from hub.events import links, services
from hub.site.public_url import apply_to_default_site, public_address
from tests.factories import make_event_site, service_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url, address",
    [
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("https://hub.example.org", ("hub.example.org", 443)),
        ("https://hub.example.org/", ("hub.example.org", 443)),
        ("http://hub.example.org", ("hub.example.org", 80)),
        ("", None),
    ],
)
def test_the_address_is_read_from_the_url(url, address):
    assert public_address(url) == address


@pytest.mark.parametrize("url", ["hub.example.org", "ftp://x", "http://:80"])
def test_a_malformed_url_is_refused_with_a_message(url):
    with pytest.raises(ImproperlyConfigured, match="PUBLIC_URL"):
        public_address(url)


def test_links_in_emails_sitemap_and_api_use_the_public_address(client, settings):
    site = make_event_site()
    event = site.add_event()
    settings.PUBLIC_URL = "https://hub.example.org"
    apply_to_default_site()  # what each migrate does
    default = Site.objects.get(is_default_site=True)
    assert default.root_url == "https://hub.example.org"

    registration = services.register_for_event(event["en"], service_data())
    link = links.manage_url(registration, event["en"], full=True)
    assert link.startswith("https://hub.example.org/en/events/")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>https://hub.example.org/en/" in sitemap
    assert "localhost" not in sitemap
    api = client.get("/api/v2/pages/", {"type": "events.EventPage"}).json()
    assert api["items"][0]["meta"]["html_url"].startswith("https://hub.example.org/")


def test_the_demo_site_takes_the_public_address(settings, demo_content):
    # The demo site as built without PUBLIC_URL; make run loads it again with one.
    assert Site.objects.get(is_default_site=True).root_url == "http://localhost"
    settings.PUBLIC_URL = "http://127.0.0.1:8000"
    call_command("load_demo_content", stdout=StringIO())
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"
