"""load_demo_content builds a complete bilingual site, and running it again changes
nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from hub.events.models import EventPage
from hub.pages.models import Organisation, StandardPage, Theme
from hub.practices.models import (
    ActionPage,
    CaseStudyPage,
    EvaluationReportPage,
    GoodPracticeGuidePage,
)


def counts():
    models = [Page, Revision, Organisation, Theme, ActionPage, EventPage]
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_demo_content_is_bilingual_and_idempotent():
    call_command("load_demo_content", stdout=StringIO())
    first = counts()
    starts = dict(EventPage.objects.values_list("pk", "start"))

    call_command("load_demo_content", stdout=StringIO())
    assert counts() == first
    assert dict(EventPage.objects.values_list("pk", "start")) == starts

    pages = Page.objects.filter(depth__gt=1)
    english = pages.filter(locale__language_code="en")
    french = pages.filter(locale__language_code="fr")
    assert english.count() == french.count() >= 35
    assert set(english.values_list("translation_key", flat=True)) == set(
        french.values_list("translation_key", flat=True)
    )
    assert not pages.filter(live=False).exists()
    assert Site.objects.get(is_default_site=True).root_page.specific_class.__name__ == (
        "HomePage"
    )

    assert CaseStudyPage.objects.filter(locale__language_code="en").count() >= 3
    assert ActionPage.objects.filter(locale__language_code="en").count() >= 8
    assert EvaluationReportPage.objects.filter(locale__language_code="en").count() >= 3
    assert GoodPracticeGuidePage.objects.filter(locale__language_code="en").count() >= 3
    assert Organisation.objects.filter(locale__language_code="en").count() >= 20

    increase = CaseStudyPage.objects.get(
        locale__language_code="fr", slug="increase-valorisation-sociale"
    )
    assert increase.total_budget == 10_000_000
    assert increase.total_budget_source
    assert {p.organisation.locale.language_code for p in increase.partners.all()} == {
        "fr"
    }
    assert {t.locale.language_code for t in increase.themes.all()} == {"fr"}
    assert increase.programme.locale.language_code == "fr"
    figures = {block.value["value"] for block in increase.key_figures}
    assert {13_000_000, 9_000_000, 4500, 1020, 41} <= figures

    open_events = [
        e for e in EventPage.objects.live() if e.registration_state == "open"
    ]
    assert len(open_events) >= 4  # two upcoming events, in both languages
    assert all(0 < e.capacity <= 15 for e in open_events)

    privacy = StandardPage.objects.get(locale__language_code="en", slug="privacy")
    assert privacy.version == "2026-11"
