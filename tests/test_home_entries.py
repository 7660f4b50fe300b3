"""The home page's ways into the library: a tile per theme and the map of every
project's regions, each a link to the library filtered by it, counts kept current."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import build_library

pytestmark = pytest.mark.django_db


def home(client, url):
    return BeautifulSoup(client.get(url).content, "html.parser")


def counts(html, selector):
    return {
        link["href"]: link.find_parent("li").get_text(" ", strip=True)
        for link in html.select(selector)
    }


def test_themes_and_regions_lead_to_the_filtered_library(client, locales):
    built = build_library()
    english, french = home(client, "/en/"), home(client, "/fr/")
    themes = counts(english, "[data-home-themes] a")
    library = built["tree"]["en"]["library"].url
    entries = [href for href in themes if href.startswith(f"{library}?theme=")]
    assert entries == list(themes) and entries
    # Every tile leads to a library page listing as many items as it says.
    for href, text in themes.items():
        listed = home(client, href).select(".library-list .card__title")
        assert f"{len(listed)} case stud" in text, (href, text)
    regions = counts(french, "[data-home-map] .project-map__regions a")
    assert f"{built['tree']['fr']['library'].url}?region=bretagne" in regions
    markers = french.select("[data-home-map] svg a")
    assert {m["href"] for m in markers} <= set(regions)
    assert all(m["tabindex"] == "-1" for m in markers)


def test_the_counts_follow_an_unpublished_page(client, locales):
    build_library()
    before = counts(home(client, "/en/"), "[data-home-map] .project-map__regions a")
    normandy = [href for href in before if href.endswith("region=normandie")]
    assert normandy
    from hub.practices.models import CaseStudyPage

    for page in CaseStudyPage.objects.filter(
        locale__language_code="en", regions__slug="normandie"
    ):
        page.unpublish()
    after = counts(home(client, "/en/"), "[data-home-map] .project-map__regions a")
    assert not [href for href in after if href.endswith("region=normandie")]
