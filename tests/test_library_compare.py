"""Comparing two to four case studies or actions, and every way a compare link can be
wrong: one item, twenty, drafts, the other language, nonsense."""

import pytest
from bs4 import BeautifulSoup

from hub.practices.models import CaseStudyPage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def lib(lib, django_db_blocker):
    with django_db_blocker.unblock():
        draft = CaseStudyPage(title="Draft study", slug="draft-study", live=False)
        lib["library"].add_child(instance=draft)
    lib["draft"] = draft
    return lib


def compare(client, lib, items, language="en"):
    url = lib["tree"][language]["library"].url + "compare/"
    response = client.get(url, {"items": items})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    columns = [th.a.get_text(strip=True) for th in soup.select("thead th")]
    notices = [p.get_text(" ", strip=True) for p in soup.select(".notice p")]
    return soup, columns, notices


def ids(lib, *names, language="en"):
    return ",".join(str(lib[language][name].pk) for name in names)


def test_two_case_studies_side_by_side(client, lib):
    soup, columns, notices = compare(client, lib, ids(lib, "alpha", "bravo"))
    assert columns == ["Alpha", "Bravo"]
    assert notices == []
    rows = {
        tr.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in tr("td")]
        for tr in soup.select("tbody tr")
    }
    assert rows["Participants"] == ["100", "300"]
    assert rows["Evidence strength"] == ["Proven", "Promising"]
    assert rows["Regions"] == ["Brittany", "Normandy, South East England"]
    # Bravo's budget: the page's figure and another source's, side by side.
    assert "sources disagree" in rows["Budget"][1]
    assert "€10 million" in rows["Budget"][1] and "€13 million" in rows["Budget"][1]
    assert "Partner page" in rows["Budget"][1] and "Audit" in rows["Budget"][1]
    assert "sources disagree" not in rows["Budget"][0]


def test_actions_and_translation_keys(client, lib):
    key = lib["en"]["zeta"].translation_key
    _soup, columns, _notices = compare(
        client, lib, f"{lib['en']['action_one'].pk},{key}"
    )
    assert columns == ["Action one", "Zeta coaching"]


def test_repeated_items_as_separate_parameters(client, lib):
    url = lib["library"].url + "compare/"
    response = client.get(
        url + f"?items={lib['en']['alpha'].pk}&items={lib['en']['etoile'].pk}"
    )
    assert response.status_code == 200
    assert response.context["comparison"].enough


def test_one_item_asks_for_another(client, lib):
    soup, columns, notices = compare(client, lib, ids(lib, "alpha"))
    assert columns == []
    assert any("at least two" in notice for notice in notices)
    picked = soup.select("input[name=items][checked]")
    assert [box["value"] for box in picked] == [str(lib["en"]["alpha"].pk)]


def test_no_item_shows_the_picker(client, lib):
    soup, columns, notices = compare(client, lib, "")
    assert columns == []
    assert len(soup.select(".compare-picker input[name=items]")) == 5


def test_a_long_library_lists_part_and_says_so(client, lib, monkeypatch):
    soup, _columns, _notices = compare(client, lib, "")
    assert not soup.select(".compare-picker .form-hint")
    monkeypatch.setattr("hub.practices.compare.MAX_CANDIDATES", 3)
    # The chosen item is kept in the list even beyond the first three.
    soup, _columns, _notices = compare(client, lib, ids(lib, "zeta"))
    boxes = soup.select(".compare-picker input[name=items]")
    assert len(boxes) == 4
    assert [box["value"] for box in boxes if box.has_attr("checked")] == [
        str(lib["en"]["zeta"].pk)
    ]
    hint = soup.select_one(".compare-picker .form-hint")
    assert "more items than this list shows" in hint.get_text(" ", strip=True)
    assert hint.a["href"] == lib["library"].url


def test_twenty_items_show_the_first_four(client, lib):
    many = ids(lib, "alpha", "bravo", "etoile", "action_one", "zeta")
    many += "," + ",".join(str(n) for n in range(100000, 100015))
    _soup, columns, notices = compare(client, lib, many)
    assert columns == ["Alpha", "Bravo", "Étoile", "Action one"]
    assert any("up to 4" in notice for notice in notices)


def test_other_language_pages_are_swapped_for_this_language(client, lib):
    _soup, columns, notices = compare(
        client, lib, ids(lib, "alpha", "bravo", language="fr")
    )
    assert columns == ["Alpha", "Bravo"]
    assert any("this page's language" in notice for notice in notices)
    _soup, columns, _notices = compare(
        client, lib, ids(lib, "alpha", "bravo"), language="fr"
    )
    assert columns == ["Alpha (FR)", "Bravo (FR)"]


def test_drafts_and_nonsense_are_left_out_with_a_message(client, lib):
    items = f"{lib['draft'].pk},{ids(lib, 'alpha', 'bravo')},abc,-1,99999999"
    items += ",<script>,' OR 1=1"
    soup, columns, notices = compare(client, lib, items)
    assert columns == ["Alpha", "Bravo"]
    # A draft's id is told as an unknown id is: the link reveals nothing about it.
    draft = str(lib["draft"].pk)
    [draft_notice] = [n for n in notices if f"“{draft}”" in n]
    [unknown_notice] = [n for n in notices if "“99999999”" in n]
    assert draft_notice.replace(draft, "N") == unknown_notice.replace("99999999", "N")
    assert any("abc" in notice for notice in notices)
    assert b"<script>" not in soup.encode()


def test_pages_that_are_not_library_items_are_refused(client, lib):
    guide = lib["tree"]["en"]["guide"]
    _soup, columns, notices = compare(
        client, lib, f"{guide.pk},{lib['en']['alpha'].pk}"
    )
    assert columns == []
    assert any("at least two" in notice for notice in notices)


@pytest.mark.parametrize(
    "items",
    ["x" * 5000, ",".join(["1"] * 2000), "%00", "1e9", "²,13", "9" * 30, "١٢"],
)
def test_hostile_compare_links(client, lib, items):
    assert (
        client.get(lib["library"].url + "compare/", {"items": items}).status_code == 200
    )
