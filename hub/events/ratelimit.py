"""How many registrations one network, and one e-mail address, may send in a while.

Two counts, both in the shared cache (Redis in production, so every gunicorn worker and
every container counts into the same keys; hub.E001 refuses several workers without it):

- per client (HUB_REGISTRATION_RATE_LIMIT, default 20 per HUB_REGISTRATION_RATE_WINDOW,
  default 600 s). A team often registers from one office, behind one address, in the
  same quarter of an hour once the invitation has gone round: 20 lets a team of 10 to 15
  through, while one machine still cannot take more than 20 places in 10 minutes (the
  demo events hold 12 to 15; the review saw 15 taken in seconds when each worker counted
  for itself);
- per e-mail address (HUB_REGISTRATION_EMAIL_RATE_LIMIT, default 5 in the same window).
  One person registers once per event: 5 covers a few events and a retry or two, and a
  script that changes network cannot register one address (someone else's, who would
  receive our e-mails) over and over. The address is kept in the cache only as a keyed
  hash, never in clear.

HUB_REGISTRATION_RATE_LIMIT=0 turns the whole limit off (both counts);
HUB_REGISTRATION_EMAIL_RATE_LIMIT=0 only the count per address.

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
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

KEY_PREFIX = "hub:events:register:"
# A counter lives this long past its window's end, so that it cannot expire between
# the add() and the incr() of a request made at the very end of the window.
EXPIRY_MARGIN = 60


def rate_limit():
    """(registrations allowed per client, per this many seconds); 0 disables it."""
    return settings.HUB_REGISTRATION_RATE_LIMIT, settings.HUB_REGISTRATION_RATE_WINDOW


@dataclasses.dataclass(frozen=True)
class Refusal:
    reason: str  # "client" or "email": which allowance was used up
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


def _email_id(email):
    """A keyed hash of the address, case-insensitive as duplicates are found."""
    folded = email.strip().casefold()
    return salted_hmac("hub.events.ratelimit.email", folded).hexdigest()[:32]


def _hit(kind, who, window, now):
    """Add one to the counter of `who` in the window holding `now`; the new count."""
    number = int(now // window)
    key = f"{KEY_PREFIX}{kind}:{window}:{number}:{who}"
    timeout = math.ceil((number + 1) * window - now) + EXPIRY_MARGIN
    for _attempt in range(3):
        cache.add(key, 0, timeout)
        try:
            return cache.incr(key)
        except ValueError:  # evicted between add() and incr(): create it again
            continue
    return 0  # a cache that keeps nothing (DummyCache) limits nothing


def count_and_check(request, email):
    """Count a valid registration against the client's allowance, then the address's.

    None when it may go ahead; a Refusal (which allowance, seconds to wait) when it goes
    over one. A refused request still counts against the client's allowance."""
    client_limit, window = rate_limit()
    if client_limit <= 0 or window <= 0:
        return None
    now = time.time()
    retry_after = math.ceil((int(now // window) + 1) * window - now)
    if _hit("client", client_address(request), window, now) > client_limit:
        return Refusal("client", retry_after)
    email_limit = settings.HUB_REGISTRATION_EMAIL_RATE_LIMIT
    if email_limit > 0 and _hit("email", _email_id(email), window, now) > email_limit:
        return Refusal("email", retry_after)
    return None
