"""RSS and Atom feeds of new content per type and per language, linked from pages."""

import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, [
        {child.tag: child.text for child in item} for item in channel.findall("item")
    ]


@pytest.mark.parametrize(
    "kind, english, french",
    [
        ("case-studies", {"Alpha", "Bravo", "Étoile"}, {"Alpha (FR)", "Bravo (FR)"}),
        ("actions", {"Action one", "Zeta coaching"}, {"Action one (FR)"}),
        ("reports", {"Report"}, {"Report (FR)"}),
        ("guides", {"Guide", "Small guide"}, {"Guide (FR)"}),
        ("events", {"Event"}, {"Event (FR)"}),
    ],
)
def test_each_type_has_a_feed_per_language(client, lib, kind, english, french):
    _channel, items = rss_items(client, f"/en/feeds/{kind}/")
    assert english <= {item["title"] for item in items}
    assert not any(item["title"].endswith("(FR)") for item in items)
    channel, items = rss_items(client, f"/fr/feeds/{kind}/")
    titles = {item["title"] for item in items}
    assert french <= titles
    assert all(title.endswith("(FR)") for title in titles)
    assert all("/fr/" in item["link"] for item in items)
    assert channel.find("language").text == "fr"


def test_newest_first_with_summary_and_stable_guid(client, lib):
    _channel, items = rss_items(client, "/en/feeds/case-studies/")
    assert items[0]["title"] == "Étoile"  # published last
    alpha = next(item for item in items if item["title"] == "Alpha")
    assert alpha["description"] == "Résumé: création d'entreprise"
    assert alpha["guid"].startswith("urn:uuid:")
    _channel, again = rss_items(client, "/en/feeds/case-studies/")
    assert [item["guid"] for item in again] == [item["guid"] for item in items]
    _channel, french = rss_items(client, "/fr/feeds/case-studies/")
    assert not {item["guid"] for item in french} & {item["guid"] for item in items}


def test_atom_feed(client, lib):
    response = client.get("/fr/feeds/guides/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert "Guide (FR)" in titles


def test_unknown_feed_is_404(client, lib):
    assert client.get("/en/feeds/nothing/").status_code == 404


def test_feeds_are_linked_from_head_and_page(client, lib):
    for url, kind in (
        (lib["library"].url, "case-studies"),
        (lib["tree"]["en"]["guides"].url, "guides"),
        (lib["tree"]["fr"]["reports"].url, "reports"),
    ):
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        head = [
            link["href"]
            for link in soup.head.select('link[rel="alternate"]')
            if link.get("type") == "application/rss+xml"
        ]
        assert any(href.endswith(f"/feeds/{kind}/") for href in head), head
        visible = [a["href"] for a in soup.select(".feed-links a")]
        assert any(href.endswith(f"/feeds/{kind}/") for href in visible), visible


def test_event_items_give_the_time_at_the_venue(client, lib):
    _channel, items = rss_items(client, "/en/feeds/events/")
    event = next(item for item in items if item["title"] == "Event")
    # Named as a British reader names it, never by an abbreviation (GMT, BST).
    assert re.search(r"\((London|Paris) time\)", event["description"])
    assert not re.search(r"\b(GMT|BST|CET|CEST|a\.m\.|p\.m\.)", event["description"])


def test_index_pages_show_every_feed(client, lib):
    soup = BeautifulSoup(client.get(lib["library"].url).content, "html.parser")
    visible = [a["href"] for a in soup.select(".feed-links a")]
    for kind in ("case-studies", "actions", "reports", "guides", "events"):
        assert f"/en/feeds/{kind}/" in visible
