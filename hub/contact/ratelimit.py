"""How many contact messages one network, and one e-mail address, may send in a while.

The same counting as registrations (hub/pages/ratelimit.py: the shared cache, windows
aligned on the clock, the client behind trusted proxies, addresses hashed), with its own
counters and smaller allowances: 5 messages per client and 3 per e-mail address in 10
minutes let a person write again after a mistake, not a script flood the editors.
HUB_CONTACT_RATE_LIMIT=0 turns it off.
"""

import time

from django.conf import settings

from hub.pages.ratelimit import Refusal, client_address, email_id, hit, seconds_left

KEY_PREFIX = "hub:contact:"


def limits():
    return (
        getattr(settings, "HUB_CONTACT_RATE_LIMIT", 5),
        getattr(settings, "HUB_CONTACT_EMAIL_RATE_LIMIT", 3),
        getattr(settings, "HUB_CONTACT_RATE_WINDOW", 600),
    )


def count_and_check(request, email):
    """None when the message may go; a Refusal when an allowance is used up."""
    client_limit, email_limit, window = limits()
    if client_limit <= 0 or window <= 0:
        return None
    now = time.time()
    retry_after = seconds_left(window, now)
    if hit(KEY_PREFIX, "client", client_address(request), window, now) > client_limit:
        return Refusal("client", retry_after)
    who = email_id(email, "hub.contact.ratelimit.email")
    if email_limit > 0 and hit(KEY_PREFIX, "email", who, window, now) > email_limit:
        return Refusal("email", retry_after)
    return None
