"""The editor's form for events: times are typed and shown in the venue's time zone.

Wagtail reads a typed date and time in the editor's own zone (their account setting, or
the site's), so a Brighton event typed 10:00 by an editor in Paris was stored as 09:00
London time, then published, e-mailed and put in calendars an hour early. Here the
times are shown as the venue's clock reads them and what is typed is read the same
way, whatever the editor's zone.

On a translation (a page in another language than the default one whose event exists
in the default language), the logistics the event shares across languages
(EventPage.SHARED_FIELDS) are shown disabled: they follow the source event, and any
value typed here would be overwritten at the next save or sync.
"""

import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from hub.pages.admin_forms import HubPageForm

from .formatting import in_language

VENUE_TIMES = ("start", "end", "registration_opens_at", "registration_closes_at")


def venue_zone(name, default):
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return default


class EventPageForm(HubPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = venue_zone(self.instance.time_zone, timezone.get_current_timezone())
        for name in VENUE_TIMES:
            if name not in self.fields:
                continue
            value = self.initial.get(name)
            if isinstance(value, datetime.datetime) and timezone.is_aware(value):
                # Naive: the widget shows it as it is, the venue's clock time.
                self.initial[name] = timezone.make_naive(value, zone)
            self.fields[name].help_text = _(
                "As the clock reads at the venue (its time zone is chosen below), "
                "wherever you are."
            )
        if self.follows_source():
            language = in_language(Locale.get_default().language_code)
            for name in self.instance.SHARED_FIELDS:
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = _(
                        "Follows the event %(in_language)s: change it there. The "
                        "same for both languages, it is copied to this page."
                    ) % {"in_language": language}

    def follows_source(self):
        """Whether the page is a translation of an event in the default language,
        whose shared fields it copies (EventPage.copy_shared_fields)."""
        page = self.instance
        default = Locale.get_default()
        if not page.pk or not page.translation_key or page.locale_id == default.pk:
            return False
        return (
            type(page)
            .objects.filter(translation_key=page.translation_key, locale=default)
            .exists()
        )

    def clean(self):
        cleaned = super().clean()
        editor_zone = timezone.get_current_timezone()
        zone = venue_zone(
            cleaned.get("time_zone") or self.instance.time_zone, editor_zone
        )
        for name in VENUE_TIMES:
            value = cleaned.get(name)
            if isinstance(value, datetime.datetime) and timezone.is_aware(value):
                # Django read the typed time in the editor's zone: read it again,
                # the same wall-clock time, in the venue's.
                typed = timezone.make_naive(value, editor_zone)
                cleaned[name] = timezone.make_aware(typed, zone)
        return cleaned
