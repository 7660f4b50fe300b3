"""A real browser on the search engine: search, narrow with facets, choose a
suggestion with the keyboard, switch language. Headless Chromium through Playwright;
axe-core (tests/axe.py) checks each page state on the way."""

import re

import pytest

from tests.axe import assert_accessible
from tests.factories import build_search_site

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site(search_backend, live_server):
    site = build_search_site()
    search_backend.refresh()
    return site


@pytest.fixture
def browser(site, chromium):
    # Started after the database is set up for the test (see `chromium`).
    return chromium


@pytest.mark.parametrize("search_backend", ["engine"], indirect=True)
def test_search_filter_suggest_and_switch_language(browser, live_server, site):
    from playwright.sync_api import expect

    tab = browser.new_page(bypass_csp=True)  # axe is added to the page
    tab.goto(f"{live_server.url}/en/search/?q=Caen")
    results = tab.locator(".search-result")
    expect(results).to_have_count(1)
    expect(tab.locator("#results-title")).to_contain_text("1 result for “Caen”")
    assert_accessible(tab, "a search with one result")

    # Narrow with facets: the other facets' counts follow.
    tab.goto(f"{live_server.url}/en/search/?q=garden")
    expect(results).to_have_count(5)
    tab.get_by_role("group", name="Theme").get_by_label("Theme 01").check()
    tab.get_by_role("button", name="Apply filters").click()
    expect(tab).to_have_url(re.compile(r"theme=t1"))
    expect(results).to_have_count(2)
    expect(tab.locator(".chip--removable")).to_contain_text("Theme: Theme 01")
    assert_accessible(tab, "a search narrowed by a facet")
    types = tab.get_by_role("group", name="Content type")
    expect(types.get_by_label(re.compile("Case studies"))).to_be_visible()
    expect(types.locator("label", has_text="Case studies")).to_contain_text("1")
    types.get_by_label(re.compile("Good-practice guides")).check()
    tab.get_by_role("button", name="Apply filters").click()
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Starting a garden with tenants")
    expect(results.first.locator("mark").first).to_have_text(re.compile("garden", re.I))

    # Suggestions with the keyboard only.
    box = tab.get_by_role("combobox", name="Search practices, evaluations and events")
    box.fill("")
    box.press_sequentially("marke", delay=30)
    listbox = tab.get_by_role("listbox", name="Suggested pages")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(tab.locator("[data-combobox-status]").first).to_contain_text(
        "1 suggestion available"
    )
    box.press("ArrowDown")
    option = listbox.get_by_role("option", name=re.compile("Market garden training"))
    expect(option).to_have_attribute("aria-selected", "true")
    assert_accessible(tab, "the search box with a suggestion chosen")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("ArrowDown")
    box.press("ArrowDown")
    box.press("Enter")
    expect(tab).to_have_url(re.compile(r"/en/library/garden-b/$"))
    expect(tab.locator("h1")).to_have_text("Market garden training")
    assert_accessible(tab, "the page a suggestion leads to")

    # Switch language: the search keeps its words and filters.
    tab.goto(f"{live_server.url}/en/search/?q=Caen&theme=t1")
    expect(results).to_have_count(1)
    tab.get_by_role("navigation", name="Language").get_by_role("link").click()
    expect(tab).to_have_url(re.compile(r"/fr/search/\?q=Caen&theme=t1"))
    expect(tab.locator("html")).to_have_attribute("lang", "fr")
    expect(results).to_have_count(1)
    expect(results.first).to_contain_text("Jardin partagé à Caen")
    assert_accessible(tab, "the French search after switching language")

    # The header's suggestions on any page, in French.
    tab.goto(f"{live_server.url}/fr/")
    header_box = tab.locator("#header-search-q")
    header_box.press_sequentially("l'évalu", delay=30)
    header_list = tab.locator("#header-search-q-suggestions")
    expect(header_list.get_by_role("option").first).to_be_visible()
    expect(header_list).to_contain_text("Évaluation du programme jardin")
    assert_accessible(tab, "the header's suggestions on the French home page")
    header_box.press("Enter")  # no suggestion chosen: a full search
    expect(tab).to_have_url(re.compile(r"/fr/search/\?q=l%27%C3%A9valu"))
    expect(results.first).to_be_visible()
    assert_accessible(tab, "a French search from the header")
