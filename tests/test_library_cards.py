"""The library's cards kept as fragments in the shared cache
(hub/practices/library_render.py): the same HTML as rendered afresh, dropped the moment
their page is published again or restricted, one copy per language, never read by an
editor.

On the test run's Redis (REDIS_URL, as under CI), in-process; a change's new page
generation is drawn when its transaction commits, as in tests/test_fragment_cache.py."""

import os

import pytest
from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction

from tests.factories import publish
from tests.fragment_support import committed

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="fragments need the shared cache (make test starts a Redis; CI has one)",
)

BY_TITLE = "?sort=title"  # "Action" and "Case study" first, before the numbered ones


def card_keys():
    client = cache._cache.get_client()
    return sorted(client.scan_iter(match=f"{cache.key_prefix}:*:fragments:card:*"))


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
