"""Counting what one client (or one e-mail address) sends in a while, in the cache.

The ground under every form that lets the public reach us: registrations
(hub/events/ratelimit.py explains their sizes) and the contact form (hub/contact). Each
caller names its counters with its own prefix.

Windows are fixed and aligned on the clock (window number = now // window): the key
names its window, so the time left to wait is known without asking the cache, and a key
that outlives its window is never read again. (A burst across a window's end can reach
twice a limit, once.) Counting is atomic across processes: cache.add() creates the
counter only if it is missing (SET NX) and cache.incr() adds one (INCR).

Behind a reverse proxy the client's address is read from X-Forwarded-For, trusting only
as many entries from the right as there are configured proxies
(HUB_TRUSTED_PROXY_COUNT), so a visitor cannot buy a new allowance by forging the
left-most entry.
"""

import dataclasses
import math

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

# A counter lives this long past its window's end, so that it cannot expire between
# the add() and the incr() of a request made at the very end of the window.
EXPIRY_MARGIN = 60


@dataclasses.dataclass(frozen=True)
class Refusal:
    reason: str  # which allowance was used up, e.g. "client" or "email"
    retry_after: int  # seconds until the window ends

    @property
    def minutes(self):
        return max(1, math.ceil(self.retry_after / 60))


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


def email_id(email, salt):
    """A keyed hash of an address, case-insensitive, so that no address is kept in
    clear in the cache."""
    folded = email.strip().casefold()
    return salted_hmac(salt, folded).hexdigest()[:32]


def seconds_left(window, now):
    """Seconds until the window holding `now` ends."""
    return math.ceil((int(now // window) + 1) * window - now)


def hit(prefix, kind, who, window, now):
    """Add one to the counter of `who` in the window holding `now`; the new count."""
    number = int(now // window)
    key = f"{prefix}{kind}:{window}:{number}:{who}"
    timeout = math.ceil((number + 1) * window - now) + EXPIRY_MARGIN
    for _attempt in range(3):
        cache.add(key, 0, timeout)
        try:
            return cache.incr(key)
        except ValueError:  # evicted between add() and incr(): create it again
            continue
    return 0  # a cache that keeps nothing (DummyCache) limits nothing
