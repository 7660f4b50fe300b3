"""Template tags that compose the site from several apps: the feeds of every content
type, and the events the home page lists."""

from django import template
from django.utils import timezone

from hub.events.models import EventPage
from hub.pages.localization import compiled_rows
from hub.pages.visibility import public

from ..feeds import feed_links
from ..home import entry_points

register = template.Library()

HOME_EVENTS = 3


@register.simple_tag
def feeds(kinds=""):
    """The site's feeds in the active language: all, or those of the space-separated
    `kinds` (case-studies actions reports guides events)."""
    return feed_links(kinds.split() or None)


@register.simple_tag
def library_entry_points(page):
    """Themes and regions with their counts, each a link to the filtered library,
    and the map of every project's regions (hub/site/home.py)."""
    return entry_points(page)


def _upcoming(locale, now, limit):
    return (
        public(EventPage.objects.live())
        .filter(locale_id=locale, end__gte=now)
        .order_by("start")[:limit]
    )


@register.simple_tag
def upcoming_events(page, limit=HOME_EVENTS, now=None):
    """The public events in the page's language that have not ended (by `now`),
    soonest first: a statement compiled once per connection, as building it cost a
    third of the home page's CPU."""
    return compiled_rows(
        EventPage,
        ("upcoming", limit),
        lambda locale, now: _upcoming(locale, now, limit),
        datetimes=("now",),
        locale=page.locale_id,
        now=now or timezone.now(),
    )
