"""RSS and Atom feeds of new content, one per page type and per language.

`/<lang>/feeds/<kind>/` is RSS 2.0 and `/<lang>/feeds/<kind>/atom/` is Atom; the kinds
are case studies, actions, evaluation reports, good-practice guides and events.
"""

import uuid

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from hub.events.formatting import event_when
from hub.events.models import EventPage
from hub.pages.localization import active_locale
from hub.pages.typography import typeset_text
from hub.pages.visibility import public
from hub.practices.models import (
    ActionPage,
    CaseStudyPage,
    EvaluationReportPage,
    GoodPracticeGuidePage,
    LibraryIndexPage,
)

FEED_SIZE = 20


def _models():
    return {
        "case-studies": (CaseStudyPage, gettext_lazy("Case studies")),
        "actions": (ActionPage, gettext_lazy("Field actions")),
        "reports": (EvaluationReportPage, gettext_lazy("Evaluation reports")),
        "guides": (GoodPracticeGuidePage, gettext_lazy("Good-practice guides")),
        "events": (EventPage, gettext_lazy("Events")),
    }


KINDS = ["case-studies", "actions", "reports", "guides", "events"]


class NewContentFeed(Feed):
    """The latest published pages of one type in the active language."""

    def __init__(self, kind):
        super().__init__()
        self.kind = kind
        self.model, self.label = _models()[kind]

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.locale = active_locale()
        return None

    def title(self):
        return _("%(section)s | Cross-border social innovation hub") % {
            "section": self.label
        }

    def description(self):
        return _("The latest %(section)s published on the hub, in this language.") % {
            "section": str(self.label).lower()
        }

    def link(self):
        index = self._index_page()
        return index.get_url(self.request) if index else f"/{self.locale}/"

    def feed_url(self):
        return self.request.path

    def _index_page(self):
        parent_types = self.model.allowed_parent_page_models()
        index_model = parent_types[0] if parent_types else None
        if self.kind == "actions":  # an action's parent is a case study
            index_model = LibraryIndexPage
        if index_model is None or index_model is Page:
            return None
        return index_model.objects.live().filter(locale_id=self.locale.pk).first()

    def items(self):
        return list(
            public(self.model.objects.live())
            .filter(locale_id=self.locale.pk)
            .order_by("-first_published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return typeset_text(item.title)

    def item_description(self, item):
        # French and British typography, as on the site (hub.pages.typography).
        if isinstance(item, EventPage):
            # An event's date and time as its venue reads them, with the zone named.
            when = event_when(item)
            return typeset_text(f"{when} — {item.summary}" if item.summary else when)
        return typeset_text(item.summary)

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        # Stable across renames and moves: from the translation key and language.
        return f"urn:uuid:{uuid.uuid5(item.translation_key, self.locale.language_code)}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        themes = getattr(item, "localized_themes", None)
        return [theme.name for theme in themes] if themes is not None else ()


class NewContentAtomFeed(NewContentFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


def rss_feed(request, kind):
    if kind not in KINDS:
        raise Http404("No such feed")
    return NewContentFeed(kind)(request)


def atom_feed(request, kind):
    if kind not in KINDS:
        raise Http404("No such feed")
    return NewContentAtomFeed(kind)(request)


def feed_links(kinds=None):
    """[{kind, label, url, atom_url}] in the active language, for `kinds` or all."""
    labels = _models()
    links = []
    for name in kinds or KINDS:
        if name not in labels:
            continue
        links.append(
            {
                "kind": name,
                "label": labels[name][1],
                "url": reverse("feed", kwargs={"kind": name}),
                "atom_url": reverse("feed_atom", kwargs={"kind": name}),
            }
        )
    return links
