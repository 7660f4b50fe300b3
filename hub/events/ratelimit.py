"""How many registrations one network may send in a window of time.

A fixed window per client address, counted in the cache. Behind a reverse proxy the
address is read from X-Forwarded-For, trusting only as many entries from the right as
there are configured proxies (HUB_TRUSTED_PROXY_COUNT), so a visitor cannot buy a new
allowance by forging the left-most entry.
"""

from django.conf import settings
from django.core.cache import cache

KEY_PREFIX = "hub:events:register:"


def rate_limit():
    """(registrations allowed, per this many seconds) per address; 0 disables it."""
    return settings.HUB_REGISTRATION_RATE_LIMIT, settings.HUB_REGISTRATION_RATE_WINDOW


def client_address(request):
    """The client's address: REMOTE_ADDR, or behind N trusted proxies the address
    the outermost of them saw (the N-th from the right in X-Forwarded-For)."""
    proxies = settings.HUB_TRUSTED_PROXY_COUNT
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if proxies > 0 and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def _key(request):
    return KEY_PREFIX + client_address(request)


def is_limited(request):
    """Whether the client has used up its allowance (this request is not counted)."""
    limit, _window = rate_limit()
    if limit <= 0:
        return False
    return (cache.get(_key(request)) or 0) >= limit


def count_and_check(request):
    """Count this request against the client's allowance; True when it goes over."""
    limit, window = rate_limit()
    if limit <= 0:
        return False
    key = _key(request)
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, window)
        count = 1
    return count > limit
