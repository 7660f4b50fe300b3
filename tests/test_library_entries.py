"""The library's entries stay right when pages change: counts and lists follow a
publish, an unpublish, a restriction and a new evidence level at once (a stale entry
table, or one that decided visibility itself, would fail these)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from hub.pages.models import Theme
from hub.practices.models import (
    EvaluationReportPage,
    LibraryIndexPage,
    LibraryValue,
)
from tests.factories.site import add_page

from .test_library import counts, get, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(locales):
    from tests.snapshot import LIBRARY

    return LIBRARY.restore()  # build_library(), built once per run


def total(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one("#listing-title").get_text(" ", strip=True)


def test_republished_terms_and_dates_change_filters_and_counts(client, built):
    url = built["library"].url
    assert counts(get(client, url), "theme")["housing"] == (1, False)
    bravo = built["en"]["bravo"]
    bravo.themes.add(Theme.objects.get(slug="housing", locale__language_code="en"))
    bravo.start_date = None
    bravo.end_date = None
    bravo.save_revision().publish()
    response = get(client, url + "?theme=housing&sort=newest")
    assert titles(response) == ["Étoile", "Bravo"]  # undated last
    assert counts(get(client, url), "theme")["housing"] == (2, False)
    assert response.context["undated"] == 1


def test_unpublished_case_study_leaves_lists_and_counts_with_its_actions(client, built):
    url = built["library"].url
    assert total(get(client, url)) == "5 results"
    built["en"]["alpha"].unpublish()
    response = get(client, url, sort="title")
    assert titles(response) == ["Bravo", "Étoile", "Zeta coaching"]
    assert counts(response, "region")["bretagne"] == (1, False)
    assert counts(response, "programme") == {}
    # Published again: back at once.
    alpha = built["en"]["alpha"]
    alpha.save_revision().publish()
    assert total(get(client, url)) == "5 results"


def test_restricted_page_is_neither_listed_nor_counted(client, built):
    url = built["library"].url
    restriction = PageViewRestriction.objects.create(
        page=built["en"]["bravo"], restriction_type="login"
    )
    response = get(client, url, sort="title")
    assert titles(response) == ["Action one", "Alpha", "Étoile"]
    assert counts(response, "type") == {"case_study": (2, False), "action": (1, False)}
    assert "south-east-england" not in counts(response, "region")
    export = client.get(url, {"format": "json"}).json()
    assert export["count"] == 3
    restriction.delete()
    assert total(get(client, url)) == "5 results"


def test_a_case_study_moved_to_another_library_is_listed_there_only(client, built):
    """The library asks its entries, not the pages' paths, which library a page is
    in: a move writes them again, the case study's actions with it."""
    url = built["library"].url
    archive = add_page(
        built["tree"]["en"]["home"], LibraryIndexPage(title="Archive", slug="archive")
    )
    alpha = built["en"]["alpha"]
    alpha.move(archive, pos="last-child")
    response = get(client, url, sort="title")
    assert titles(response) == ["Bravo", "Étoile", "Zeta coaching"]
    assert counts(response, "type") == {"case_study": (2, False), "action": (1, False)}
    assert client.get(url, {"format": "json"}).json()["count"] == 3
    assert titles(get(client, archive.url, sort="title")) == ["Action one", "Alpha"]
    alpha.refresh_from_db()
    alpha.move(built["library"], pos="last-child")
    assert total(get(client, url)) == "5 results"
    assert titles(get(client, archive.url)) == []


def test_evidence_follows_reports_published_unpublished_and_restricted(client, built):
    url = built["library"].url
    assert titles(get(client, url + "?evidence=proven&sort=title")) == [
        "Action one",
        "Alpha",
    ]
    # Read again: the tree's copy predates the report's evaluated case studies.
    report = EvaluationReportPage.objects.get(pk=built["tree"]["en"]["report"].pk)
    report.unpublish()
    assert titles(get(client, url + "?evidence=none&sort=title")) == [
        "Action one",
        "Alpha",
        "Étoile",
    ]
    assert "proven" not in counts(get(client, url), "evidence")
    report.save_revision().publish()
    assert counts(get(client, url), "evidence")["proven"] == (2, False)
    # A restriction on the report's section hides the report, and its evidence.
    PageViewRestriction.objects.create(
        page=report.get_parent(), restriction_type="login"
    )
    assert "proven" not in counts(get(client, url), "evidence")
    assert not LibraryValue.objects.filter(facet="evidence", value="proven").exists()


def test_fill_command_writes_the_same_entries(built):
    from django.core.management import call_command

    def snapshot():
        return sorted(LibraryValue.objects.values_list("entry_id", "facet", "value"))

    before = snapshot()
    LibraryValue.objects.all().delete()
    call_command("fill_library_items", "--if-stale", verbosity=0)  # counts equal
    assert snapshot() == []
    call_command("fill_library_items", verbosity=0)
    assert snapshot() == before
