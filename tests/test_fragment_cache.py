"""Fragments of public pages kept in the shared cache (hub/fragments.py): served to
every anonymous reader, dropped the moment what they show changes, never read nor
written for a preview or a logged-in editor, never shared between languages.

On the test run's Redis (REDIS_URL, as under CI), in-process. A change's new page
generation is drawn when its transaction commits (hub/site/cache_invalidation.py):
each change here runs its commit callbacks and forgets them, as a real commit would."""

import os

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction

from hub import fragments
from hub.glossary.models import GlossaryTerm
from hub.pages.models import Theme
from tests.factories import publish
from tests.fragment_support import committed

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="fragments need the shared cache (make test starts a Redis; CI has one)",
)


def fragment_keys():
    """{key: stored value} of every fragment in the cache (a fragment written again
    under the same key shows as a changed value)."""
    client = cache._cache.get_client()
    keys = sorted(client.scan_iter(match=f"{cache.key_prefix}:*:fragments:*"))
    return dict(zip(keys, client.mget(keys), strict=True)) if keys else {}


def quietly_retitle(page, title):
    """Change a page's title in the database without any signal: no generation is
    drawn, so a reader who still sees the old title was served a fragment."""
    Page.objects.filter(pk=page.pk).update(title=title, draft_title=title)


def test_fragments_are_off_without_the_setting(site_tree, settings, client):
    settings.HUB_FRAGMENT_CACHE_SECONDS = 0
    cache.clear()
    page = site_tree["en"]["case_study"]
    client.get(page.url)
    assert fragment_keys() == {}
    quietly_retitle(page, "Retitled quietly")
    assert "Retitled quietly" in client.get(page.url).content.decode()


def test_a_fragment_is_served_until_what_it_shows_changes(
    site_tree, fragments_on, client
):
    en = site_tree["en"]
    page = en["case_study"]
    first = client.get(page.url).content.decode()
    assert fragment_keys(), "the page stored its fragments"
    # Served from the fragments: a change made without a signal is not seen in them
    # (the <title>, outside them, has it), and the rest of the page is the same.
    quietly_retitle(page, "Retitled quietly")
    second = client.get(page.url).content.decode()
    assert f"<h1>{page.title}</h1>" in first
    assert f"<h1>{page.title}</h1>" in second
    assert "<h1>Retitled quietly</h1>" not in second
    assert second.replace("Retitled quietly", page.title) == first

    # A new revision published: the next reader has it.
    page.refresh_from_db()
    page.title = "Renamed study"
    with committed():
        publish(page)
    body = client.get(page.url).content.decode()
    assert "<h1>Renamed study</h1>" in body
    assert client.get(page.url).content.decode() == body  # and stored again

    # A glossary term added, then its definition edited.
    with committed():
        term = GlossaryTerm.objects.create(
            term="Context",
            definition="What the project started from.",
            locale=Locale.objects.get(language_code="en"),
        )
    assert "What the project started from." in client.get(page.url).content.decode()
    with committed():
        term.definition = "Where the project stood before it began."
        term.save()
    body = client.get(page.url).content.decode()
    assert "Where the project stood before it began." in body
    assert "What the project started from." not in body

    # A taxonomy term renamed.
    assert "Employment" in body
    theme = Theme.objects.get(slug="employment", locale__language_code="en")
    with committed():
        theme.name = "Jobs and skills"
        theme.save()
    body = client.get(page.url).content.decode()
    assert "Jobs and skills" in body
    assert "Employment" not in body

    # A view restriction: the page is no longer shown, from a fragment or otherwise.
    with committed():
        PageViewRestriction.objects.create(
            page=page, restriction_type="password", password="secret"
        )
    body = client.get(page.url).content.decode()
    assert 'name="password"' in body
    assert "Renamed study</h1>" not in body


def test_a_restricted_page_never_reads_nor_writes_fragments(
    site_tree, fragments_on, client
):
    page = site_tree["en"]["guide"]
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="secret"
    )
    client.post(
        reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]
        ),
        {"password": "secret", "return_url": page.url},
    )
    before = fragment_keys()
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.title in response.content.decode()
    assert fragment_keys() == before


def test_editors_neither_read_nor_write_fragments(
    site_tree, fragments_on, client, admin_user
):
    page = site_tree["en"]["case_study"]
    client.get(page.url)
    stored = fragment_keys()
    assert stored
    quietly_retitle(page, "Retitled quietly")
    client.force_login(admin_user)
    # Not read: the editor sees the page as it is.
    assert "<h1>Retitled quietly</h1>" in client.get(page.url).content.decode()
    # Nor written: an editor's page (its userbar, a draft) never reaches a reader.
    client.get(site_tree["en"]["guide"].url)
    assert fragment_keys() == stored


def test_previews_neither_read_nor_write_fragments(site_tree, fragments_on, client):
    page = site_tree["en"]["case_study"]
    client.get(page.url)
    stored = fragment_keys()
    draft = Page.objects.get(pk=page.pk).specific
    draft.title = "A draft title"
    response = draft.save_revision().as_object().make_preview_request()
    assert "<h1>A draft title</h1>" in response.content.decode()
    other = Page.objects.get(pk=site_tree["en"]["guide"].pk).specific
    other.save_revision().as_object().make_preview_request()
    assert fragment_keys() == stored
    # The reader still has the published page.
    assert "<h1>A draft title</h1>" not in client.get(page.url).content.decode()


def test_french_and_english_never_share_a_fragment(site_tree, fragments_on, client):
    en, fr = site_tree["en"]["case_study"], site_tree["fr"]["case_study"]
    client.get(en.url)
    english = fragment_keys()
    french_body = client.get(fr.url).content.decode()
    french = fragment_keys().keys() - english.keys()
    assert english and len(french) == len(english)
    assert '<html lang="fr"' in french_body
    assert "Aller au contenu principal" in french_body
    # The same page, request and generation in the two languages: two keys.
    request = RequestFactory().get(en.url, HTTP_HOST="localhost")
    keys = set()
    for language in ("en", "fr"):
        with translation.override(language):
            keys.add(fragments.fragment_key("detail", request))
    assert len(keys) == 2


def test_a_change_during_a_render_leaves_the_fragment_under_the_old_generation(
    site_tree, fragments_on, client
):
    """The generation is read before the page: what a render stores after a change
    committed during it is stored under the generation no one reads any more."""
    page = site_tree["en"]["case_study"]
    request = RequestFactory().get(page.url, HTTP_HOST="localhost")
    before = fragments.request_generation(request)
    with committed():
        Theme.objects.filter(slug="employment").first().save()
    after = fragments.request_generation(request)
    assert after == before  # read once per request
    assert fragments.request_generation(RequestFactory().get("/")) != before


def test_the_layout_s_shared_parts_follow_a_page_of_the_menu(
    site_tree, fragments_on, client
):
    """The header and footer are kept once per language, site and template (not per
    page), and a page they list renamed shows on every page at once."""
    en = site_tree["en"]
    for name in ("case_study", "action", "report", "case_study", "report"):
        client.get(en[name].url)
    shared = [key for key in fragment_keys() if b":fragments:shared:" in key]
    assert len(shared) == 2 * 3  # header and footer of each of the three templates
    about = en["about"]
    assert about.title in client.get(en["report"].url).content.decode()
    about.title = "About the hub, renamed"
    with committed():
        publish(about)
    for name in ("case_study", "report"):
        assert "About the hub, renamed" in client.get(en[name].url).content.decode()


def test_a_page_without_a_page_object_keeps_nothing_keyed_on_its_query(
    site_tree, fragments_on, client
):
    """Search results have no page: their header and footer come from the shared
    copy, their menu and breadcrumb from one copy for the search's path, and the
    sections a search that finds nothing offers from one shared copy; nothing keyed on
    their query is stored."""
    client.get("/en/search/?q=study")
    first = fragment_keys()
    shared = [key for key in first if b":fragments:shared:" in key]
    assert len(shared) == 2 and len(first) == 3
    client.get("/en/search/?q=study&page=2&sort=date")
    assert fragment_keys().keys() == first.keys()
    client.get("/en/search/?q=other+words")  # finds nothing
    after = fragment_keys()
    added = [key for key in after if key not in first]
    assert len(added) == 1 and b":fragments:shared:" in added[0]
    client.get("/en/search/?q=yet+other+words")
    assert fragment_keys().keys() == after.keys()
    client.get("/fr/search/?q=study")
    assert len(fragment_keys()) == 7  # French has its own


def test_the_search_page_s_menu_is_kept_until_a_page_of_it_changes(
    site_tree, fragments_on, client, admin_user
):
    """The search view says its menu and breadcrumb are the same for every query:
    they are served kept (no query for the home page nor the menu), whatever the
    query string, until a change draws a new page generation."""
    about = site_tree["en"]["about"]
    link = f'<li><a class="site-nav__link" href="{about.url}">About</a></li>'
    assert link in client.get("/en/search/").content.decode()
    quietly_retitle(about, "Retitled quietly")
    with CaptureQueriesContext(connection) as kept:
        body = client.get("/en/search/?lang=all").content.decode()
    assert link in body and "Retitled quietly" not in body
    assert not [q for q in kept if "pages_homepage" in q["sql"]]
    # An editor neither reads it nor writes it.
    editor = Client()
    editor.force_login(admin_user)
    assert "Retitled quietly" in editor.get("/en/search/").content.decode()
    assert link in client.get("/en/search/").content.decode()
    about.refresh_from_db()
    about.title = "About the hub, renamed"
    with committed():
        publish(about)
    body = client.get("/en/search/").content.decode()
    assert f'href="{about.url}">About the hub, renamed</a></li>' in body


def test_an_empty_search_s_sections_are_kept_until_a_page_of_them_changes(
    site_tree, fragments_on, client
):
    """A search that finds nothing offers the sections of the hub: the same links for
    every such search of the language, kept (no query for the home page nor its
    children), until a change draws a new page generation."""
    about = site_tree["en"]["about"]
    link = f'<a href="{about.url}">About</a>'
    body = client.get("/en/search/", {"q": "xyzzyqq"}).content.decode()
    assert "data-search-empty" in body and link in body
    quietly_retitle(about, "Retitled quietly")
    with CaptureQueriesContext(connection) as kept:
        body = client.get("/en/search/", {"q": "qqzzyx", "lang": "all"})
    body = body.content.decode()
    assert "data-search-empty" in body and link in body
    assert "Retitled quietly" not in body
    assert not [q for q in kept if "pages_homepage" in q["sql"]]
    about.refresh_from_db()
    about.title = "About the hub, renamed"
    with committed():
        publish(about)
    body = client.get("/en/search/", {"q": "xyzzyqq"}).content.decode()
    assert f'<a href="{about.url}">About the hub, renamed</a>' in body


def test_the_layout_reads_the_preview_and_notice_without_failing_lookups(
    site_tree, client
):
    """The notice asked by the query string shows on a view that is not a page's,
    and the language links are there (no `is_preview` on such a request)."""
    body = client.get("/en/search/?notice=untranslated").content.decode()
    assert 'data-notice="untranslated"' in body
    assert 'hreflang="fr"' in body
    assert (
        'data-notice="untranslated"'
        not in client.get("/en/search/?notice=other").content.decode()
    )


def test_the_home_page_s_events_follow_the_clock(site_tree, fragments_on, client):
    """Which events are upcoming changes with the time, with no change to any row
    drawing a generation: the events' cards are kept for the events of the moment."""
    from datetime import timedelta

    from django.utils import timezone

    from hub.events.models import EventPage

    en = site_tree["en"]
    event = en["event"]
    card = f'href="{event.url}"'
    assert card in client.get(en["home"].url).content.decode()
    assert card in client.get(en["home"].url).content.decode()
    # The event ends (as time passing would have it): no signal, no new generation.
    past = timezone.now() - timedelta(days=1)
    EventPage.objects.filter(pk=event.pk).update(
        start=past - timedelta(hours=2), end=past
    )
    assert card not in client.get(en["home"].url).content.decode()
