"""Preview works for every page type and every draft: moderators see what they
approve. A draft's relations (the case studies a report evaluates, a guide's evidence)
live in its revision, not in the database, until it is published."""

import pytest
from django.contrib.auth import get_user_model

from hub.practices.models import ActionPage, CaseStudyPage, EvaluationReportPage
from tests.factories import SITE_PAGES, build_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return build_site()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_latest_draft_of_every_page_type_previews(tree, language):
    editor = get_user_model().objects.create_superuser("moderator", "", "pw")
    for name in SITE_PAGES:
        page = tree[language][name].specific
        page.title = f"{page.title} (draft)"
        revision = page.save_revision(user=editor)
        response = revision.as_object().make_preview_request()
        assert response.status_code == 200, name
        assert "(draft)" in response.content.decode(), name


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_draft_shows_its_own_related_items_before_they_are_saved(tree, language):
    report = tree[language]["report"].specific
    guide = tree[language]["guide"].specific
    study = CaseStudyPage.objects.get(pk=tree[language]["case_study"].pk)
    action = ActionPage.objects.get(pk=tree[language]["action"].pk)
    other = CaseStudyPage(title=f"Second study {language}", slug="second-study")
    tree[language]["library"].add_child(instance=other)
    other.save_revision().publish()

    # Drafts: the report evaluates another study; the guide cites all of it.
    report.evaluated_case_studies = [other]
    guide.related_case_studies = [study, other]
    guide.related_actions = [action]
    guide.evidence_reports = [EvaluationReportPage.objects.get(pk=report.pk)]
    for draft, expected in ((report, [other.title]), (guide, [other.title, "Report"])):
        response = draft.save_revision().as_object().make_preview_request()
        assert response.status_code == 200
        html = response.content.decode()
        for title in expected:
            assert title in html
    # The live report still evaluates the first study only.
    live = EvaluationReportPage.objects.get(pk=report.pk)
    assert [p.pk for p in live.evaluated_case_studies.all()] == [
        tree["en"]["case_study"].pk
    ]


def test_a_draft_with_no_related_items_previews(tree):
    guide = tree["en"]["guide"].specific
    guide.related_case_studies = []
    guide.related_actions = []
    guide.evidence_reports = []
    response = guide.save_revision().as_object().make_preview_request()
    assert response.status_code == 200
