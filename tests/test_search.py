"""The search contract, the same on the database backend and on the search engine:
languages, facets, snippets, sorting, pages, JSON and suggestions.

Each test runs twice (search_backend: "database" on PostgreSQL, "engine" on the
OpenSearch node), over the garden pages of tests.factories.search.build_search_site."""

import pytest
from wagtail.models import Page

from hub.practices.models import CaseStudyPage
from search.services import SearchQuery, search_pages, suggest_pages
from tests.factories import add_page

pytestmark = pytest.mark.django_db

ALL_GARDENS_EN = {
    "Community garden in Caen",
    "Market garden training",
    "Evaluation of the garden programme",
    "Starting a garden with tenants",
    "Garden visit",
}


def search(language, **params):
    params = {
        name: value if isinstance(value, list) else [value]
        for name, value in params.items()
    }
    return search_pages(SearchQuery.from_params(params, language))


def titles(results):
    return [hit.title for hit in results.hits]


def facet(results, name):
    return next(f for f in results.facets if f.name == name)


def counts(results, name):
    return {value.value: value.count for value in facet(results, name).values}


@pytest.fixture
def site(search_site):
    return search_site


# -- languages ------------------------------------------------------------------------


def test_each_language_is_analysed_as_itself(site):
    # French: elisions (both apostrophes), accents, case, plurals, feminine forms.
    for words in ["évaluation", "l'évaluation", "L’EVALUATIONS", "entreprise sociale"]:
        assert "Jardin partagé à Caen" in titles(search("fr", q=words)), words
    # English: stemming ("jobs" / "job", "train" / "trains", "grower" / "growers").
    assert "Community garden in Caen" in titles(search("en", q="job"))
    assert "Market garden training" in titles(search("en", q="trains growers"))


def test_results_come_from_the_reading_language_or_all_each_page_once(site):
    french = search("fr", q="jardin")
    assert {hit.language for hit in french.hits} == {"fr"}
    assert len(titles(french)) == len(set(titles(french))) == french.total == 5
    english = search("en", q="garden")
    assert set(titles(english)) == ALL_GARDENS_EN
    assert {hit.language for hit in english.hits} == {"en"}

    everywhere = search("en", q="Caen", lang="all")
    assert {(hit.title, hit.language) for hit in everywhere.hits} == {
        ("Community garden in Caen", "en"),
        ("Jardin partagé à Caen", "fr"),
    }
    assert everywhere.total == 2


# -- facets --------------------------------------------------------------------------


def test_every_value_of_every_facet_is_counted(site):
    results = search("en", q="garden")
    themes = counts(results, "theme")
    assert len(themes) == 12  # all of them, not the first ten
    assert themes == {"t1": 2, "t2": 2, "t3": 1, **{f"t{n}": 0 for n in range(4, 13)}}
    assert counts(results, "type") == {
        "case-study": 2,
        "action": 0,
        "report": 1,
        "guide": 1,
        "event": 1,
        "page": 0,
    }
    assert counts(results, "country") == {"FR": 2, "GB": 2}
    assert counts(results, "region") == {"r-fr": 2, "r-gb": 1}
    # The guide has no date of its own: it is in no year, not in the year the hub
    # published it.
    assert counts(results, "year") == {"2030": 1, "2021": 1, "2020": 1, "2019": 1}
    assert all(not value.selected for f in results.facets for value in f.values)

    # Unknown values are ignored, never an error.
    ignored = search("en", q="garden", theme="no-such", year="20x1", country="zz")
    assert ignored.total == 5 and ignored.selected == {}


def test_or_within_a_facet_and_across_facets_with_honest_counts(site):
    either = search("en", q="garden", theme=["t1", "t3"])
    assert set(titles(either)) == {
        "Community garden in Caen",
        "Evaluation of the garden programme",
        "Starting a garden with tenants",
    }
    assert [v.value for v in facet(either, "theme").values if v.selected] == [
        "t1",
        "t3",
    ]

    both = search("en", q="garden", theme="t1", type="case-study")
    assert titles(both) == ["Community garden in Caen"]
    # Each facet counts with the *other* facets' filters only.
    assert counts(both, "theme") == {
        "t1": 1,
        "t2": 2,
        "t3": 0,
        **{f"t{n}": 0 for n in range(4, 13)},
    }
    assert counts(both, "type") == {
        "case-study": 1,
        "action": 0,
        "report": 0,
        "guide": 1,
        "event": 0,
        "page": 0,
    }
    assert counts(both, "country") == {"FR": 1, "GB": 0}


def test_a_theme_is_one_theme_in_both_languages(site):
    # The French pages still point at the English terms, as wagtail-localize copies
    # them; the filter and the labels go through the translation key.
    results = search("fr", q="jardin", theme="t1")
    assert set(titles(results)) == {
        "Créer un jardin avec les locataires",
        "Jardin partagé à Caen",
    }
    labels = {v.value: v.label for v in facet(results, "theme").values}
    assert labels["t1"] == "Thème 01"
    assert labels["t12"] == "Thème 12"


def test_filters_alone_browse_the_pages_newest_first(site):
    results = search("en", theme="t2")
    assert titles(results) == ["Market garden training", "Community garden in Caen"]


# -- results ------------------------------------------------------------------------


def test_results_carry_type_date_language_url_and_a_marked_snippet(site):
    hit = search("en", q="evaluation garden programme").hits[0]
    assert hit.title == "Evaluation of the garden programme"
    assert (hit.type, hit.type_label, hit.language) == (
        "report",
        "Evaluation report",
        "en",
    )
    assert str(hit.date) == "2021-06-01"
    assert hit.url == site["pages"]["c"].url
    assert "<mark>" in str(hit.snippet)


def test_snippets_are_escaped_then_marked(search_backend, site):
    add_page(
        site["en"]["library"],
        CaseStudyPage(
            title="Escaping test",
            slug="escaping",
            summary='A <script>alert("x")</script> & <b>bold</b> zucchini project.',
        ),
    )
    search_backend.refresh()
    results = search("en", q="zucchini")
    assert titles(results) == ["Escaping test"]
    snippet = str(results.hits[0].snippet)
    assert "<mark>zucchini</mark>" in snippet
    assert "<script>" not in snippet and "<b>" not in snippet
    assert "&lt;script&gt;" in snippet and "&amp;" in snippet


def test_sort_by_date_and_pages(site):
    results = search("en", q="garden", sort="date")
    assert titles(results) == [
        "Garden visit",  # 2030
        "Starting a garden with tenants",  # first published today
        "Evaluation of the garden programme",  # 2021
        "Market garden training",  # 2020
        "Community garden in Caen",  # 2019
    ]

    def page(number):
        return search_pages(
            SearchQuery(text="garden", language="en", per_page=2, page=number)
        )

    first, second, last = page(1), page(2), page(3)
    assert (first.total, first.page, first.num_pages, len(first.hits)) == (5, 1, 3, 2)
    assert len(last.hits) == 1
    assert set(titles(first) + titles(second) + titles(last)) == ALL_GARDENS_EN
    beyond = page(40)
    assert beyond.page == 3 and titles(beyond) == titles(last)


# -- the search page, its JSON and the suggestions -------------------------------------


def test_search_page_in_both_languages(client, site):
    response = client.get("/fr/search/", {"q": "jardin", "theme": "t1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert "Jardin partagé à Caen" in html
    assert 'name="theme" value="t1" checked' in html
    assert "<mark>" in html
    response = client.get("/en/search/", {"q": "garden"})
    assert "Community garden in Caen" in response.content.decode()


def test_json_has_exactly_the_documented_shape(client, site):
    response = client.get(
        "/en/search/", {"q": "garden", "theme": "t1", "format": "json"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {"query", "locale", "count", "page", "results", "facets"}
    assert (data["query"], data["locale"], data["count"], data["page"]) == (
        "garden",
        "en",
        2,
        1,
    )
    for result in data["results"]:
        assert set(result) == {"title", "url", "type", "locale", "snippet", "date"}
        assert result["url"].startswith("http://testserver/en/")
        assert result["locale"] == "en"
    assert {r["title"]: r["type"] for r in data["results"]} == {
        "Community garden in Caen": "case-study",
        "Starting a garden with tenants": "guide",
    }
    assert set(data["facets"]) == {
        "type",
        "theme",
        "target_group",
        "region",
        "country",
        "programme",
        "year",
    }
    for values in data["facets"].values():
        for value in values:
            assert set(value) == {"value", "label", "count", "selected"}
    theme = {"value": "t1", "label": "Theme 01", "count": 2, "selected": True}
    assert theme in data["facets"]["theme"]
    case_study = next(r for r in data["results"] if r["type"] == "case-study")
    assert case_study["date"] == "2019-03-01"
    # A guide's sources give it no date: the hub's first publication is not one.
    guide = next(r for r in data["results"] if r["type"] == "guide")
    assert guide["date"] is None


def _row(html, title):
    """The result row of `title` on a search page."""
    row = html[html.index(f">{title}</a>") :]
    return row[: row.index("</li>")]


@pytest.mark.parametrize(
    ("language", "pages", "guide", "report", "label", "report_date"),
    [
        (
            "en",
            "pages",
            "Starting a garden with tenants",
            "Evaluation of the garden programme",
            "Published on the hub on",
            "1 June 2021",
        ),
        (
            "fr",
            "fr_pages",
            "Créer un jardin avec les locataires",
            "Évaluation du programme jardin",
            "Mis en ligne sur le centre de ressources le",
            "1er juin 2021",
        ),
    ],
)
def test_a_page_without_a_date_of_its_own_is_not_given_one(
    client, site, language, pages, guide, report, label, report_date
):
    """A guide is sorted by the day the hub first published it; its row says so
    rather than passing that day off as the guide's own date. A report's row shows
    its publication, as its source gives it."""
    published = Page.objects.get(pk=site[pages]["d"].pk).first_published_at.date()
    words = "garden" if language == "en" else "jardin"
    html = client.get(f"/{language}/search/", {"q": words}).content.decode()
    row = _row(html, guide)
    assert f'<time datetime="{published.isoformat()}">{label} ' in row
    assert f"{published.year}</time>" in row
    assert f'<time datetime="2021-06-01">{report_date}</time>' in _row(html, report)


def test_the_sites_own_pages_show_no_date(client, site):
    """A section (here the library's index) is no work: its row shows no date, nor
    the day the hub published it."""
    html = client.get("/en/search/", {"q": "library"}).content.decode()
    row = _row(html, "Library")
    assert "<time" not in row
    data = client.get("/en/search/", {"q": "library", "format": "json"}).json()
    (library,) = [r for r in data["results"] if r["title"] == "Library"]
    assert (library["type"], library["date"]) == ("page", None)


def test_suggestions_as_you_type_in_both_languages(client, site):
    response = client.get("/fr/search/suggest/", {"q": "l'évalu"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert "Évaluation du programme jardin" in [s["title"] for s in suggestions]
    assert all(s["url"].startswith("/fr/") for s in suggestions)
    response = client.get("/en/search/suggest/", {"q": "marke"})
    assert [s["title"] for s in response.json()["suggestions"]] == [
        "Market garden training"
    ]
    assert client.get("/en/search/suggest/", {"q": ""}).json()["suggestions"] == []
    english = [s.title for s in suggest_pages("gard", "en")]
    assert "Garden visit" in english and not any("ardin" in t for t in english)
    assert [s.title for s in suggest_pages("maraî", "fr")] == [
        "Formation au maraîchage"
    ]


def test_a_search_with_nothing_found_helps(client, site):
    html = client.get("/en/search/", {"q": "jardin"}).content.decode()
    assert "Nothing matches" in html
    assert "Search for “jardin” in French content: 5 results" in html
    params = {"q": "garden", "theme": "t3", "type": "event"}
    html = client.get("/en/search/", params).content.decode()
    assert "Loosen the filters" in html
    assert "or clear them all (5 results)" in html
    assert 'href="?q=garden&amp;type=event"' in html  # removes the theme


def test_nothing_found_offers_the_search_in_the_other_language(client, site):
    """Both ways, in the reader's language, with the count; the link finds them."""
    from bs4 import BeautifulSoup

    def offer(path, params):
        page = BeautifulSoup(client.get(path, params).content, "html.parser")
        found = page.select_one("[data-other-language] a")
        return found.get_text(), found["href"], page

    text, href, page = offer("/en/search/", {"q": "jardin"})
    assert text == "Search for “jardin” in French content: 5 results"
    assert href == "?q=jardin&lang=all"
    assert page.select_one("[data-other-language]")["data-other-language"] == "fr"
    again = client.get("/en/search/" + href)
    assert again.context["results"].total == 5
    assert {hit.language for hit in again.context["results"].hits} == {"fr"}

    text, href, page = offer("/fr/search/", {"q": "garden", "type": "event"})
    # French typography: no-break spaces inside « » and before the colon.
    assert text == (
        "Rechercher «\u00a0garden\u00a0» dans les contenus en anglais\u00a0: 1 résultat"
    )
    assert href == "?q=garden&type=event&lang=all"
    again = client.get("/fr/search/" + href)
    assert [hit.title for hit in again.context["results"].hits] == ["Garden visit"]
    assert again.context["other_language"] is None  # found: no offer

    # Nothing in either language: no offer.
    page = client.get("/fr/search/", {"q": "xyzzyqq"}).content.decode()
    assert "data-search-empty" in page and "data-other-language" not in page


def test_the_search_page_costs_a_fixed_number_of_queries(
    client, search_backend, site, django_assert_max_num_queries
):
    params = {"q": "garden", "theme": ["t1", "t2"], "region": "r-fr"}
    client.get("/en/search/", params)  # warm the per-process caches
    with django_assert_max_num_queries(15):
        assert client.get("/en/search/", params).status_code == 200
    theme, region = site["themes"][0][0], site["regions"]["r-fr"][0]
    for n in range(25):
        page = add_page(
            site["en"]["library"],
            CaseStudyPage(title=f"Garden {n}", slug=f"garden-{n}", summary="A garden."),
        )
        page.themes.set([theme])
        page.regions.set([region])
        page.save_revision().publish()
    search_backend.refresh()
    with django_assert_max_num_queries(15):
        response = client.get("/en/search/", params)
    assert response.status_code == 200
    assert response.context["results"].total == 26
