"""A real browser through the library: filter to entrepreneurship in Brittany, compare
two case studies, download the CSV with its accents, and an editor finds the pages
that await translation.

Headless Chromium (the Debian package) driven by Playwright, against the live server;
axe-core (tests/axe.py) checks each public page state on the way.
"""

import csv
import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from hub.pages.models import StandardPage
from tests.axe import assert_accessible
from tests.factories import add_page, build_library, point_default_site_at

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site(live_server, locales):
    cache.clear()
    built = build_library()
    point_default_site_at(live_server.url)
    built["waiting"] = add_page(
        built["tree"]["en"]["home"], StandardPage(title="Awaiting", slug="awaiting")
    )
    editor = User.objects.create_user("editor", password="a-long-passphrase")
    editor.groups.add(Group.objects.get(name="Editors"))
    return built


@pytest.fixture
def browser(site, chromium):
    # Started after the database is set up for the test (see `chromium`).
    return chromium


def test_filter_compare_download_and_translation_dashboard(live_server, site, browser):
    page = browser.new_page(accept_downloads=True, bypass_csp=True)  # for axe
    page.goto(live_server.url + site["tree"]["fr"]["library"].url)
    assert_accessible(page, "the French library")

    page.locator("#library-filters label", has_text="Entrepreneuriat").click()
    page.locator("#library-filters label", has_text="Bretagne").click()
    page.get_by_role("button", name="Appliquer les filtres").or_(
        page.get_by_role("button", name="Apply filters")
    ).click()
    assert "theme=entrepreneurship" in page.url and "region=bretagne" in page.url
    titles = page.locator(".library-list .card__title").all_inner_texts()
    assert sorted(titles) == ["Action one (FR)", "Alpha (FR)"]
    assert_accessible(page, "the filtered French library")

    page.goto(live_server.url + "/en/library/?type=case_study&sort=title")
    page.locator("label[for^=compare-]", has_text="Alpha").click()
    page.locator("label[for^=compare-]", has_text="Bravo").click()
    assert_accessible(page, "the library with two items ticked")
    page.get_by_role("button", name="Compare the ticked items").click()
    assert "/en/library/compare/" in page.url
    headers = page.locator(".compare-table thead th").all_inner_texts()
    assert [header.split("\n")[-1] for header in headers] == ["Alpha", "Bravo"]
    assert page.get_by_text("sources disagree").count() >= 1
    assert_accessible(page, "the comparison")

    page.goto(live_server.url + "/en/library/?region=bretagne&sort=title")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV (spreadsheet)").click()
    raw = Path(download.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [row["Title"] for row in rows] == ["Action one", "Alpha", "Étoile"]
    assert rows[1]["Summary"] == "Résumé: création d'entreprise"

    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "a-long-passphrase")
    page.locator("button[type=submit]").click()
    page.goto(live_server.url + "/admin/reports/translations/")
    french = page.locator("section[data-locale=fr]")
    missing = french.locator("table[data-report=missing-pages] tbody tr")
    assert any(row.startswith("Awaiting") for row in missing.all_inner_texts())
    assert french.get_by_role("link", name="Translate").count() >= 1
