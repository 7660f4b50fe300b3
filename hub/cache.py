"""The shared cache: Django's Redis backend, whose clear() keeps to this site's keys
and which reuses one client per connection pool; the keys and generations of the
shared page cache.

Django's RedisCache.clear() empties the whole Redis database (FLUSHDB), whatever the
KEY_PREFIX. Here it deletes only the keys under KEY_PREFIX, so a Redis shared with
another site, or with another test run (hub/settings/test.py gives each run a prefix of
its own), keeps their keys.
"""

import contextvars
import hashlib
import uuid
from contextlib import contextmanager

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from django.db import connection

_GLOB_SPECIAL = "\\*?[]"


def _glob_escape(text):
    return "".join("\\" + char if char in _GLOB_SPECIAL else char for char in text)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django builds a new redis.Redis client around the same connection pool for
    every cache operation, which costs about as much as the round trip itself (each
    client sets up its table of some 170 response callbacks); a page reads the cache
    several times (its generation, fragments, Wagtail's site root paths). One client
    per pool does the same work: a client is thread-safe, since it takes a connection
    from its pool for each command."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def clear(self):
        if not self.key_prefix:
            return super().clear()
        client = self._cache.get_client(write=True)
        pattern = _glob_escape(self.key_prefix) + ":*"
        batch = []
        for key in client.scan_iter(match=pattern, count=1000):
            batch.append(key)
            if len(batch) == 1000:
                client.delete(*batch)
                batch = []
        if batch:
            client.delete(*batch)
        return True


def is_shared(cache_settings):
    """Whether a CACHES entry is seen by every process (a server, not process memory
    or a local directory)."""
    backend = cache_settings.get("BACKEND", "")
    return not backend.startswith(
        (
            "django.core.cache.backends.locmem.",
            "django.core.cache.backends.dummy.",
            "django.core.cache.backends.filebased.",
        )
    )


# The shared page cache (hub.middleware.PageCacheMiddleware). Each stored page holds
# the *generation* it was rendered in, a random token kept in the cache: a change that
# any page may show (hub/site/cache_invalidation.py) draws a new token, and from that
# moment no process serves a page stored before it. A page and the current token are
# read in one round trip (get_many). A random token, not a counter: if Redis evicts
# it, the next reader draws a new one, so an old page can never come back.
GENERATION_KEY = "pages:generation"


def page_generation(cache):
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, None)
        generation = cache.get(GENERATION_KEY)
    return generation


def new_page_generation(cache):
    """Drop every stored page, in every process, at once."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def page_key(host, full_path):
    digest = hashlib.sha256(f"{host}\n{full_path}".encode()).hexdigest()[:32]
    return f"pages:{digest}"


# -- values every page may show, kept in each process for one page generation --------
#
# A search, or any page, reads the same few site-wide values at every request (the
# taxonomies' terms, the glossary, Wagtail's site root paths): one round trip to the
# shared cache each, and an unpickling. Every change to them draws a new page
# generation once it commits (hub/site/cache_invalidation.py), and
# FragmentGenerationMiddleware reads the current generation at the start of each
# anonymous request of the public site. So a value read
# during a request of generation G stays right for every later request that reads G,
# in any process: each process keeps the last one, and asks the shared cache again only
# when the generation has changed. The shared copy's key holds the generation too, so
# a process that read the old rows between a change and its commit (and stored them)
# stored them under the old generation, which no request of the new one reads.
# Outside such a request (editors, the admin, management commands, no shared cache),
# or inside a transaction (whose own changes draw a generation only once it commits),
# the value is read from the shared cache each time, under its plain key (or as
# read() keeps it itself: Wagtail's own copy of the site root paths).

_request_generation = contextvars.ContextVar("hub_request_generation", default=None)
_KEPT = {}  # key -> (generation, value), in this process


@contextmanager
def generation_of_request(generation):
    """Within it, generation_kept() keeps values for `generation` (None: it keeps
    nothing, as when the shared cache is unavailable)."""
    token = _request_generation.set(generation)
    try:
        yield
    finally:
        _request_generation.reset(token)


def generation_kept(cache, key, read, seconds=None):
    """read()'s value: kept in this process for the current request's page generation,
    else from `cache` (stored there on a miss, for `seconds`). With no `cache`, read()
    keeps its own shared copy (Wagtail's site root paths), and is called as it is
    outside a generation."""
    generation = _request_generation.get()
    if generation is not None and connection.in_atomic_block:
        generation = None  # the transaction's own changes draw no generation yet
    if generation is not None:
        kept = _KEPT.get(key)
        if kept is not None and kept[0] == generation:
            return kept[1]
    if cache is None:
        value = read()
    else:
        shared_key = key if generation is None else f"{key}:{generation}"
        value = cache.get(shared_key)
        if value is None:
            value = read()
            cache.set(shared_key, value, seconds)
    if generation is not None:
        _KEPT[key] = (generation, value)
    return value


def forget_kept():
    """Empty this process's kept values (tests that change rows without signals)."""
    _KEPT.clear()
