"""Comparing without JavaScript (progressive enhancement): the library's compare form is
a plain GET form whose checkboxes sit on the result cards (form="compare-form"), so
ticking cards and pressing the form's button opens the compare page with them. With
JavaScript the ticks are also kept across pages (tests/test_journeys_browser.py)."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def submit(soup, form_id, ticked):
    """The query a browser without scripts sends when the button of form `form_id` is
    pressed: the form's own controls and those that name it in their form attribute,
    with the checkboxes whose card title is in `ticked` checked."""
    form = soup.find("form", id=form_id)
    assert form is not None and form.get("method", "get").lower() == "get"
    assert form.select('button[type="submit"], input[type="submit"]')
    controls = [
        *form.select("input[name], select[name]"),
        *(
            box
            for box in soup.select(f'input[name][form="{form_id}"]')
            if box.find_parent("form") is None
        ),
    ]
    query = []
    for control in controls:
        if control.get("type") == "checkbox":
            card = control.find_parent("article")
            title = card.select_one(".card__title").get_text(strip=True)
            if title in ticked:
                query.append((control["name"], control["value"]))
        elif control.name == "input":
            query.append((control["name"], control.get("value", "")))
    return form["action"], query


@pytest.mark.parametrize("language", ["en", "fr"])
def test_ticking_two_cards_and_pressing_compare_opens_the_comparison(
    client, lib, language
):
    library = lib["tree"][language]["library"]
    response = client.get(library.url)
    soup = BeautifulSoup(response.content, "html.parser")
    alpha, bravo = (lib[language][name].title for name in ("alpha", "bravo"))
    action, query = submit(soup, "compare-form", {alpha, bravo})
    assert sorted(value for name, value in query if name == "items") == sorted(
        str(lib[language][name].pk) for name in ("alpha", "bravo")
    )
    compared = client.get(action, query)
    assert compared.status_code == 200
    page = BeautifulSoup(compared.content, "html.parser")
    columns = [th.a.get_text(strip=True) for th in page.select("thead th")]
    assert sorted(columns) == sorted([alpha, bravo])  # in the listing's order


def test_from_a_filtered_library_the_compare_form_sends_the_ticked_cards_only(
    client, lib
):
    library = lib["tree"]["en"]["library"]
    everything = BeautifulSoup(client.get(library.url).content, "html.parser")
    facet = everything.select_one(".filters__options input[type=checkbox]")
    filtered = client.get(library.url, {facet["name"]: facet["value"]})
    soup = BeautifulSoup(filtered.content, "html.parser")
    titles = [t.get_text(strip=True) for t in soup.select(".library-item .card__title")]
    assert 2 <= len(titles) < len(everything.select(".library-item"))
    action, query = submit(soup, "compare-form", set(titles[:2]))
    # The filters are the filter form's business: the compare form sends items only.
    assert {name for name, value in query} == {"items"}
    page = BeautifulSoup(client.get(action, query).content, "html.parser")
    assert [th.a.get_text(strip=True) for th in page.select("thead th")] == titles[:2]


def test_with_nothing_ticked_the_compare_page_offers_its_picker(client, lib):
    library = lib["tree"]["en"]["library"]
    soup = BeautifulSoup(client.get(library.url).content, "html.parser")
    action, query = submit(soup, "compare-form", set())
    assert query == []
    page = BeautifulSoup(client.get(action, query).content, "html.parser")
    assert page.select(".compare-picker input[name=items]")
