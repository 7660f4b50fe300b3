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

The counting itself (clock-aligned windows, atomic add+incr, the client's address
behind trusted proxies) is hub/pages/ratelimit.py, shared with the contact form.
"""

import time

from django.conf import settings

from hub.pages.ratelimit import Refusal, client_address, email_id, hit, seconds_left

__all__ = ["Refusal", "client_address", "count_and_check", "rate_limit"]

KEY_PREFIX = "hub:events:register:"


def rate_limit():
    """(registrations allowed per client, per this many seconds); 0 disables it."""
    return settings.HUB_REGISTRATION_RATE_LIMIT, settings.HUB_REGISTRATION_RATE_WINDOW


def _email_id(email):
    """A keyed hash of the address, case-insensitive as duplicates are found."""
    return email_id(email, "hub.events.ratelimit.email")


def count_and_check(request, email):
    """Count a valid registration against the client's allowance, then the address's.

    None when it may go ahead; a Refusal (which allowance, seconds to wait) when it goes
    over one. A refused request still counts against the client's allowance."""
    client_limit, window = rate_limit()
    if client_limit <= 0 or window <= 0:
        return None
    now = time.time()
    retry_after = seconds_left(window, now)
    if hit(KEY_PREFIX, "client", client_address(request), window, now) > client_limit:
        return Refusal("client", retry_after)
    email_limit = settings.HUB_REGISTRATION_EMAIL_RATE_LIMIT
    if email_limit > 0 and hit(KEY_PREFIX, "email", _email_id(email), window, now) > (
        email_limit
    ):
        return Refusal("email", retry_after)
    return None
