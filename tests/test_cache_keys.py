"""The shared cache's eviction policy (compose.yaml, scripts/redis.sh: volatile-lru)
evicts only keys with a timeout: every key the hub writes has one but the generations
that stamp pages and fragments, which must never be evicted (a counter evicted would
start again from a value entries still in the cache were stored under). On the test
run's Redis, after the reads of every kind of page."""

import os

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation

from hub.cache import GENERATION_KEY
from hub.site.home import GENERATION_KEY as HOME_GENERATION_KEY

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="the eviction policy is the shared cache's (make test starts a Redis)",
)

GENERATIONS = {GENERATION_KEY, HOME_GENERATION_KEY}


def test_only_the_generations_are_kept_without_a_timeout(
    site_tree, fragments_on, settings, client
):
    settings.HUB_PAGE_CACHE_SECONDS = 300
    for language in ("en", "fr"):
        tree = site_tree[language]
        for page in tree.values():
            if hasattr(page, "url") and page.url:
                client.get(page.url)
                client.get(page.url)
        client.get(tree["library"].url + "?sort=title")
        client.get(f"/{language}/search/?q=study")
        with translation.override(language):
            client.get(reverse("glossary"))
    client_ = cache._cache.get_client()
    prefix = f"{cache.key_prefix}:"
    keys = list(client_.scan_iter(match=f"{prefix}*"))
    assert len(keys) > 20, "pages and fragments were stored"
    kept_for_ever = set()
    for key in keys:
        if client_.ttl(key) == -1:
            # KEY_PREFIX:VERSION:key
            kept_for_ever.add(key.decode()[len(prefix) :].split(":", 1)[1])
    assert kept_for_ever <= GENERATIONS
    assert GENERATION_KEY in kept_for_ever
