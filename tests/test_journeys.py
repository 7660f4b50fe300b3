"""Journeys without a browser: dates sorted honestly in the library, and a search
that finds nothing helps (no zero-count filters, a spelling suggestion)."""

import pytest
from bs4 import BeautifulSoup

from hub.practices.models import CaseStudyPage
from tests.factories import build_library, build_search_site

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listing(page):
    """Titles in order, with "—" where the "Undated" group starts."""
    found = []
    for item in page.select(".library-list > li"):
        if item.has_attr("data-undated-group"):
            found.append("—")
        else:
            found.append(item.select_one(".card__title").get_text(strip=True))
    return found


def test_undated_items_come_last_under_their_own_heading_both_ways(client, locales):
    built = build_library()
    # As an editor would: a revision without dates, published.
    bravo = CaseStudyPage.objects.get(title="Bravo", locale__language_code="en")
    bravo.start_date = bravo.end_date = None
    bravo.save_revision().publish()
    url = built["tree"]["en"]["library"].url
    newest = listing(html(client, url))
    oldest = listing(html(client, url + "?sort=oldest"))
    assert newest[-2:] == ["—", "Bravo"] and oldest[-2:] == ["—", "Bravo"]
    dated = [title for title in newest if title not in ("—", "Bravo")]
    assert dated == list(reversed(oldest[:-2]))
    group = html(client, url).select_one("[data-undated-group]")
    assert "1 item gives no date" in group.get_text()
    # Other sorts have no such group.
    assert "—" not in listing(html(client, url + "?sort=title"))


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
def test_a_search_that_finds_nothing_suggests_and_hides_empty_filters(
    client, search_backend
):
    build_search_site()
    search_backend.refresh()
    page = html(client, "/en/search/?q=gardne")
    suggestion = page.select_one("[data-did-you-mean] a")
    assert suggestion.get_text() == "garden"
    assert suggestion["href"] == "?q=garden"
    assert page.select("[data-filters-disclosure]") == []
    found = html(client, "/en/search/" + suggestion["href"])
    assert found.select(".search-result")

    # A filter kept with no result shows only what is chosen (and can be removed).
    page = html(client, "/en/search/?q=xyzzyqq&theme=t1")
    options = page.select("#search-filters .filters__options li")
    assert [li.input["value"] for li in options] == ["t1"]
    assert page.select("[data-did-you-mean]") == []

    # No word close to the unknown one: no suggestion.
    page = html(client, "/fr/search/?q=jardin+xyzzyqq&theme=t1&type=event")
    assert page.select("[data-did-you-mean]") == []
