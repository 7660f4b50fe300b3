"""The language switch leads to the same view in the other language: filters, sort,
the compared items, and the registration and manage pages of an event."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import build_library, make_event_site

pytestmark = pytest.mark.django_db


def switch_href(client, url):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    [link] = html.select("nav.language-switcher a.language-switch")
    return link["href"]


def test_library_filters_sort_and_compare_follow_the_switch(client, locales):
    built = build_library()
    en, fr = built["tree"]["en"]["library"].url, built["tree"]["fr"]["library"].url
    query = "theme=employment&region=bretagne&sort=title"
    assert switch_href(client, f"{en}?{query}&page=2&notice=x") == f"{fr}?{query}"
    href = switch_href(client, f"{en}compare/?items=1&items=2")
    assert href == f"{fr}compare/?items=1&items=2"
    # The French compare page takes English ids and shows their translations.
    assert client.get(href).status_code == 200


def test_the_registration_form_switches_to_its_counterpart(client, locales):
    site = make_event_site()
    event = site.add_event()
    en, fr = event["en"].url, event["fr"].url
    assert switch_href(client, f"{en}register/") == f"{fr}register/"
    assert switch_href(client, fr) == en
