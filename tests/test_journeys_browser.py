"""Every public page type in a real browser, in French and English, on a phone
(390 px) and a desktop (1280 px): nothing scrolls sideways (WCAG 1.4.10), the first
search and library result is on the first phone screen with the filters folded into a
disclosure that counts them, the phone menu closes with Escape, and axe-core finds no
WCAG 2.2 A/AA violation. One browser, one tab per width, a loop over the pages.

Headless Chromium (the Debian package) through Playwright; axe-core from npm
(tests/axe.py)."""

import pytest
from django.core.management import call_command

from tests.axe import violations
from tests.factories import SITE_PAGES, build_site, point_default_site_at

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SEARCH = {"en": "/en/search/?q=case", "fr": "/fr/search/?q=case"}


@pytest.fixture
def site(search_backend, live_server):
    tree = build_site()
    call_command("ensure_contact_page", verbosity=0)
    point_default_site_at(live_server.url)
    search_backend.refresh()
    return tree


@pytest.fixture
def browser(site, chromium):
    # Started after the database is set up for the test (see `chromium`).
    return chromium


def page_urls(tree, language):
    urls = {name: tree[language][name].url for name in SITE_PAGES}
    library = urls["library"]
    urls.update(
        {
            "library_filtered": f"{library}?type=case_study&sort=title",
            "compare": f"{library}compare/?items={tree[language]['case_study'].pk}",
            "search": SEARCH[language],
            "search_none": f"/{language}/search/?q=employmnet",
            "contact": f"/{language}/contact/",
            "not_found": f"/{language}/no-such-page/",
        }
    )
    return urls


def sideways(tab, width):
    return tab.evaluate("document.documentElement.scrollWidth") - width


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
def test_every_page_type_reflows_and_passes_axe_on_phone_and_desktop(
    browser, live_server, site
):
    problems = []
    for viewport, mobile in ((PHONE, True), (DESKTOP, False)):
        context = browser.new_context(
            viewport=viewport, is_mobile=mobile, has_touch=mobile, bypass_csp=True
        )
        tab = context.new_page()
        for language in ("en", "fr"):
            for name, url in page_urls(site, language).items():
                tab.goto(live_server.url + url)
                where = f"{name} {language} {viewport['width']}px"
                if tab.locator("html").get_attribute("lang") != language:
                    problems.append(f"{where}: not in {language}")
                if sideways(tab, viewport["width"]) > 0:
                    problems.append(f"{where}: scrolls sideways")
                # axe on every page type at desktop width, and on the phone layout
                # of the pages it changes most (folded filters, the menu).
                if not mobile or name in ("home", "library", "search"):
                    for found in violations(tab):
                        problems.append(f"{where}: {found}")
        context.close()
    assert problems == []


@pytest.mark.parametrize("search_backend", ["database"], indirect=True)
def test_on_a_phone_results_come_first_and_the_menu_closes_with_escape(
    browser, live_server, site
):
    from playwright.sync_api import expect

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    tab = context.new_page()
    for language in ("en", "fr"):
        urls = page_urls(site, language)
        for name in ("library", "library_filtered", "search"):
            tab.goto(live_server.url + urls[name])
            first = tab.locator(".library-list > li, .search-result").first
            # Not only its top: the first result's title is read without scrolling.
            title = first.locator("h2, h3").first
            bottom = title.evaluate("node => node.getBoundingClientRect().bottom")
            assert bottom <= PHONE["height"], (
                f"{name} {language}: first result's title ends at {bottom}px"
            )
            panel = tab.locator("[data-filters-disclosure]")
            expect(panel).not_to_have_attribute("open", "")
            expect(tab.locator("#library-filters, #search-filters")).to_be_hidden()
        # The disclosure says how many filters are applied, and opens.
        summary = tab.locator(".filters-disclosure__summary")
        tab.goto(live_server.url + urls["library_filtered"])
        expect(summary).to_contain_text("1")
        summary.click()
        expect(tab.locator("#library-filters")).to_be_visible()

    toggle = tab.locator(".site-nav__toggle")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(tab.locator("#site-nav-list")).to_be_visible()
    tab.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(tab.locator("#site-nav-list")).to_be_hidden()
    expect(toggle).to_be_focused()

    # Compare ticks stay when the reader moves through the library, with a count.
    library = live_server.url + page_urls(site, "en")["library"]
    tab.goto(library)
    count = tab.locator("[data-compare-count]")
    expect(count).to_be_hidden()
    tab.locator("label[for^=compare-]").first.click()
    expect(count).to_have_text(
        "1 item ticked, on this page or another page of the library"
    )
    tab.goto(library + "?sort=title")
    expect(tab.locator("input[name=items]:checked")).to_have_count(1)
    expect(count).to_be_visible()

    # On a desktop the filters are open beside the results.
    wide = browser.new_context(viewport=DESKTOP).new_page()
    wide.goto(live_server.url + page_urls(site, "fr")["library"])
    expect(wide.locator("#library-filters")).to_be_visible()
    context.close()
