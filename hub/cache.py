"""The shared cache: Django's Redis backend, whose clear() keeps to this site's keys.

Django's RedisCache.clear() empties the whole Redis database (FLUSHDB), whatever the
KEY_PREFIX. Here it deletes only the keys under KEY_PREFIX, so a Redis shared with
another site, or with another test run (hub/settings/test.py gives each run a prefix of
its own), keeps their keys.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

_GLOB_SPECIAL = "\\*?[]"


def _glob_escape(text):
    return "".join("\\" + char if char in _GLOB_SPECIAL else char for char in text)


class RedisCache(DjangoRedisCache):
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
