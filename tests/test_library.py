"""The library page: filters (OR within, AND across), counts per value, sort, pages.

Run on PostgreSQL by `make test`; the same tests run on SQLite with
DATABASE_URL=sqlite:////tmp/library-tests.sqlite3 .venv/bin/pytest tests/test_library.py
"""

import pytest
from bs4 import BeautifulSoup
from django.http import QueryDict

from hub.practices.filters import search_library
from hub.practices.library import Library

pytestmark = pytest.mark.django_db


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".library-list .card__title a")]


def counts(response, facet):
    """{option label: count} of one filter, as the page shows them."""
    soup = BeautifulSoup(response.content, "html.parser")
    found = {}
    for item in soup.select(f"#library-filters input[type=checkbox][name={facet}]"):
        label = soup.find("label", attrs={"for": item["id"]})
        count = int(label.select_one(".filters__count").get_text())
        found[item["value"]] = (count, item.has_attr("checked"))
    return found


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response


def test_no_filter_lists_every_case_study_and_action(client, lib):
    response = get(client, lib["library"].url, sort="title")
    assert titles(response) == [
        "Action one",
        "Alpha",
        "Bravo",
        "Étoile",
        "Zeta coaching",
    ]
    assert counts(response, "type") == {
        "case_study": (3, False),
        "action": (2, False),
    }


def test_filters_combine_and_across_and_count_with_the_other_filters(client, lib):
    url = lib["library"].url
    response = get(client, url + "?theme=entrepreneurship&region=bretagne&sort=title")
    assert titles(response) == ["Action one", "Alpha"]
    # Themes counted among items in Brittany: the chosen theme, and housing (Étoile).
    assert counts(response, "theme") == {
        "entrepreneurship": (2, True),
        "housing": (1, False),
    }
    # Regions counted among entrepreneurship items: Alpha and its action in
    # Brittany; Bravo in Normandy and South East England.
    assert counts(response, "region") == {
        "bretagne": (2, True),
        "normandie": (1, False),
        "south-east-england": (1, False),
    }
    assert counts(response, "country") == {"FR": (2, False)}
    assert counts(response, "type") == {
        "case_study": (1, False),
        "action": (1, False),
    }


def test_values_of_one_filter_combine_with_or(client, lib):
    response = get(
        client, lib["library"].url + "?region=bretagne&region=normandie&sort=title"
    )
    assert titles(response) == ["Action one", "Alpha", "Bravo", "Étoile"]
    # Commas work too, and give the same list.
    same = get(client, lib["library"].url + "?region=bretagne,normandie&sort=title")
    assert titles(same) == titles(response)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("evidence=proven", ["Action one", "Alpha"]),
        ("evidence=promising", ["Bravo", "Zeta coaching"]),
        ("evidence=none", ["Étoile"]),
        ("period=2007-2013", ["Étoile"]),
        ("period=2021-2027", ["Bravo"]),
        ("programme=interreg-va", ["Action one", "Alpha"]),
        ("action_kind=training", ["Action one"]),
        ("country=GB", ["Bravo", "Zeta coaching"]),
        ("target_group=residents", ["Alpha"]),
        ("type=action&theme=employment", ["Zeta coaching"]),
    ],
)
def test_each_filter(client, lib, query, expected):
    response = get(client, lib["library"].url + f"?{query}&sort=title")
    assert titles(response) == expected


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("title", ["Action one", "Alpha", "Bravo", "Étoile", "Zeta coaching"]),
        ("budget", ["Bravo", "Alpha", "Action one", "Étoile", "Zeta coaching"]),
        ("participants", ["Bravo", "Alpha", "Action one", "Étoile", "Zeta coaching"]),
        ("newest", ["Zeta coaching", "Bravo", "Action one", "Alpha", "Étoile"]),
    ],
)
def test_sorts(client, lib, sort, expected):
    assert titles(get(client, lib["library"].url, sort=sort)) == expected


def test_french_library_filters_on_terms_shared_with_english(client, lib):
    """French pages still point at the English terms: the filter matches them by
    translation key, shows French names, and takes a slug from either language."""
    url = lib["tree"]["fr"]["library"].url
    response = get(client, url + "?theme=entrepreneurship&sort=title")
    assert titles(response) == ["Action one (FR)", "Alpha (FR)", "Bravo (FR)"]
    soup = BeautifulSoup(response.content, "html.parser")
    labels = [label.get_text(" ", strip=True) for label in soup.select("label")]
    assert any(label.startswith("Entrepreneuriat") for label in labels)
    assert any(label.startswith("Bretagne") for label in labels)
    assert response.context["library"].active[0].label == "Entrepreneuriat"


def test_filtered_view_is_a_shareable_link(client, lib):
    response = get(
        client, lib["library"].url + "?theme=entrepreneurship&region=bretagne"
    )
    soup = BeautifulSoup(response.content, "html.parser")
    removes = [a["href"] for a in soup.select(".active-filters a")]
    assert f"{lib['library'].url}?region=bretagne" in removes
    assert f"{lib['library'].url}?theme=entrepreneurship" in removes
    csv_link = soup.find("a", string=lambda text: text and "CSV" in text)["href"]
    assert "format=csv" in csv_link and "theme=entrepreneurship" in csv_link


@pytest.mark.parametrize(
    "query",
    [
        "theme=nope",
        "theme=%3Cscript%3Ealert(1)%3C/script%3E",
        "theme=" + "x" * 10_000,
        "&".join(["theme=entrepreneurship"] * 500),
        "region=bretagne&sort=random",
        "sort=",
        "page=abc",
        "page=-3",
        "page=999999999999999999999",
        "format=xml",
        "evidence=PROVEN",
        "period=1990-1995",
        "theme=",
        "theme=,,,",
        "type=case_study&type=",
    ],
)
def test_bad_input_gives_a_normal_page(client, lib, query):
    response = client.get(lib["library"].url + "?" + query)
    assert response.status_code == 200
    assert b"<script>alert(1)" not in response.content


def test_unknown_values_and_sort_are_reported_and_ignored(client, lib):
    response = get(
        client, lib["library"].url + "?theme=nope&theme=entrepreneurship&sort=random"
    )
    notices = response.context["library"].notices
    assert any("nope" in notice for notice in notices)
    assert any("random" in notice for notice in notices)
    assert len(titles(response)) == 3  # entrepreneurship still applies


def test_page_out_of_range_shows_the_last_page(client, lib):
    library = Library(lib["library"], with_figures=True)
    result = search_library(library, QueryDict("page=9"), "/", page_size=2)
    assert result.page_obj.number == 3
    assert [item.title for item in result.page_obj.object_list] == ["Étoile"]
    assert any("no page 9" in notice for notice in result.notices)


def test_no_result_says_so(client, lib):
    response = get(client, lib["library"].url + "?theme=housing&region=normandie")
    assert titles(response) == []
    assert b"No case study or action matches" in response.content
