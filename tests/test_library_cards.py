"""The library's cards, and its listing per query string, kept as fragments in the
shared cache (hub/practices/library_render.py): the same HTML as rendered afresh,
dropped the moment their page is published again or restricted (the listing: any item
of the library), one copy per language (the listing: per query string), never read by
an editor.

On the test run's Redis (REDIS_URL, as under CI), in-process; a change's new page
generation is drawn when its transaction commits, as in tests/test_fragment_cache.py."""

import os

import pytest
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from tests.factories import publish
from tests.fragment_support import committed

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="fragments need the shared cache (make test starts a Redis; CI has one)",
)


BY_TITLE = "?sort=title"  # "Action" and "Case study" first, before the numbered ones


def card_keys():
    return stored_keys("card")


def stored_keys(kind):
    client = cache._cache.get_client()
    return sorted(client.scan_iter(match=f"{cache.key_prefix}:*:fragments:{kind}:*"))


def quietly_retitle(page, title):
    """A title changed in the database without any signal: no generation is drawn, so
    a library that still shows the old title served the card from the cache."""
    Page.objects.filter(pk=page.pk).update(title=title, draft_title=title)


def listing(body):
    """The list of cards of a library page."""
    start = body.index('<ol class="library-list"')
    return body[start : body.index("</ol>", start)]


def test_cards_are_the_same_from_the_cache_and_follow_their_page(
    site_tree, fragments_on, settings, client
):
    en = site_tree["en"]
    url = en["library"].url + BY_TITLE
    first = client.get(url).content.decode()
    assert len(card_keys()) == first.count('<article class="card library-item')
    assert client.get(url).content.decode() == first  # served from the cards kept
    settings.HUB_FRAGMENT_CACHE_SECONDS = 0
    assert client.get(url).content.decode() == first  # as rendered afresh
    settings.HUB_FRAGMENT_CACHE_SECONDS = 3600

    # Served from the cache: a change that draws no generation does not show.
    page = en["case_study"]
    quietly_retitle(page, "Retitled quietly")
    assert "Retitled quietly" not in listing(client.get(url).content.decode())

    # Published again: its card follows at once.
    page.refresh_from_db()
    page.title = "Renamed study"
    with committed():
        publish(page)
    cards = listing(client.get(url).content.decode())
    assert f'href="{page.url}">Renamed study</a>' in cards
    assert "Retitled quietly" not in cards

    # Restricted: the case study and its action leave the list, cached card or not.
    action = en["action"]
    assert f'href="{action.url}"' in cards
    with committed():
        PageViewRestriction.objects.create(
            page=page, restriction_type="password", password="secret"
        )
    body = client.get(url).content.decode()
    assert "Renamed study" not in body
    assert f'href="{action.url}"' not in body


def test_french_and_english_cards_never_mix(site_tree, fragments_on, settings, client):
    en, fr = site_tree["en"]["library"].url, site_tree["fr"]["library"].url
    english = client.get(en + BY_TITLE).content.decode()
    keys = card_keys()
    french = client.get(fr + BY_TITLE).content.decode()
    assert len(card_keys()) == 2 * len(keys)  # the French cards stored apart
    assert "Case study (FR)</a>" in listing(french)
    assert "Case study (FR)" not in listing(english)
    assert "Compare <span" in listing(english)
    assert "Comparer <span" in listing(french)
    assert "Compare <span" not in listing(french)
    # Each read from the cache again, then rendered afresh: the same.
    assert client.get(fr + BY_TITLE).content.decode() == french
    assert client.get(en + BY_TITLE).content.decode() == english
    settings.HUB_FRAGMENT_CACHE_SECONDS = 0
    assert client.get(fr + BY_TITLE).content.decode() == french
    assert client.get(en + BY_TITLE).content.decode() == english


def test_editors_neither_read_nor_write_cards(
    site_tree, fragments_on, client, django_user_model
):
    en = site_tree["en"]
    url = en["library"].url + BY_TITLE
    client.get(url)
    stored = card_keys()
    assert stored
    quietly_retitle(en["case_study"], "Retitled quietly")
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(editor)
    cache._cache.get_client().delete(*stored)
    assert "Retitled quietly</a>" in listing(client.get(url).content.decode())
    assert card_keys() == []


def results(body):
    """The "N results" heading and the list of cards of a library page."""
    start = body.index('<h2 id="listing-title"')
    heading = " ".join(body[start : body.index("</h2>", start)].split())
    return heading, listing(body) if '<ol class="library-list"' in body else ""


def test_listing_is_kept_per_query_string_and_follows_every_change(
    site_tree, fragments_on, settings, client
):
    en = site_tree["en"]
    url = en["library"].url + BY_TITLE
    first = client.get(url).content.decode()
    assert len(stored_keys("listing")) == 1
    assert client.get(url).content.decode() == first  # the listing kept
    # Another query string, another listing: the one kept is not served for it.
    actions = client.get(url + "&type=action").content.decode()
    assert len(stored_keys("listing")) == 2
    assert results(actions) != results(first)
    assert client.get(url + "&type=action").content.decode() == actions
    settings.HUB_FRAGMENT_CACHE_SECONDS = 0
    assert client.get(url).content.decode() == first  # as rendered afresh
    assert client.get(url + "&type=action").content.decode() == actions
    settings.HUB_FRAGMENT_CACHE_SECONDS = 3600

    # Served from the cache: a change that draws no generation does not show, in the
    # list or in the counts.
    page = en["case_study"]
    quietly_retitle(page, "Retitled quietly")
    assert client.get(url).content.decode() == first

    # Unpublished: its generation drops every listing, total and counts with it.
    with committed():
        page.refresh_from_db()
        page.unpublish()
    body = client.get(url).content.decode()
    assert results(first)[0].endswith("2 results")
    assert results(body)[0].endswith("0 results")  # its action is hidden with it
    assert f'href="{page.url}"' not in body
    assert 'class="filters__count" aria-hidden="true">1</span>' in first
    assert 'class="filters__count"' not in body
    settings.HUB_FRAGMENT_CACHE_SECONDS = 0
    assert client.get(url).content.decode() == body  # the same as afresh
    settings.HUB_FRAGMENT_CACHE_SECONDS = 3600


def test_restricted_library_and_editors_keep_no_listing(
    site_tree, fragments_on, client, django_user_model
):
    en = site_tree["en"]
    url = en["library"].url + BY_TITLE
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(editor)
    client.get(url)
    assert stored_keys("listing") == []
    client.logout()
    client.get(url)
    assert len(stored_keys("listing")) == 1
    quietly_retitle(en["case_study"], "Retitled quietly")
    client.force_login(editor)
    assert "Retitled quietly</a>" in listing(client.get(url).content.decode())
    client.logout()
    cache.clear()
    with committed():
        restriction = PageViewRestriction.objects.create(
            page=en["library"], restriction_type="password", password="secret"
        )
    # A reader who gave the password sees the library (its items restricted with
    # it), from no listing kept.
    form = client.get(url).content.decode()
    library = en["library"]
    action = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.pk, library.pk]
    )
    assert f'action="{action}"' in form
    client.post(action, {"password": "secret", "return_url": url})
    assert results(client.get(url).content.decode())[0].endswith("0 results")
    assert stored_keys("listing") == []
