"""Editors' pickers and usage counts: many-to-many pickers list the page's own
language only, as checkboxes; Wagtail's usage counts include many-to-many links."""

from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import ReferenceIndex

from hub.practices.models import CaseStudyPage

FORM = CaseStudyPage.get_edit_handler().get_form_class()


def checkbox_labels(html, name):
    soup = BeautifulSoup(html, "html.parser")
    return {
        box.find_parent("label").get_text(strip=True)
        for box in soup.select(f'input[type="checkbox"][name="{name}"]')
    }


def test_the_french_page_lists_french_terms_only_with_its_choice_ticked(
    admin_client, site_tree
):
    french = site_tree["fr"]["case_study"]
    # Copied from English, the French page still holds the English term.
    assert [theme.locale.language_code for theme in french.themes.all()] == ["en"]
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(french.pk,)))
    html = response.content.decode()
    assert checkbox_labels(html, "themes") == {"Emploi"}
    form = response.context["form"]
    assert form.initial["themes"] == [site_tree["fr_theme"].pk]
    english = admin_client.get(
        reverse("wagtailadmin_pages:edit", args=(site_tree["en"]["case_study"].pk,))
    )
    assert checkbox_labels(english.content.decode(), "themes") == {"Employment"}


def test_a_form_refuses_a_term_of_the_other_language(site_tree):
    french = site_tree["fr"]["case_study"]
    form = FORM(instance=french, for_user=None, parent_page=french.get_parent())
    assert set(form.fields["themes"].queryset) == {site_tree["fr_theme"]}
    assert site_tree["theme"] not in form.fields["themes"].queryset


def test_related_pages_are_picked_in_the_guides_language(admin_client, site_tree):
    guide = site_tree["fr"]["guide"]
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(guide.pk,)))
    labels = checkbox_labels(response.content.decode(), "related_case_studies")
    assert labels == {site_tree["fr"]["case_study"].title}


def test_a_theme_used_by_pages_counts_them_in_its_usage(admin_client, site_tree):
    theme = site_tree["theme"]
    references = ReferenceIndex.get_references_to(theme)
    pages = {int(ref.object_id) for ref in references}
    # The English case study, and its French copy, which holds the same term.
    case_studies = {site_tree[language]["case_study"].pk for language in ("en", "fr")}
    assert case_studies <= pages
    usage = admin_client.get(
        reverse("wagtailsnippets_pages_theme:usage", args=(theme.pk,))
    )
    html = usage.content.decode()
    assert site_tree["en"]["case_study"].title in html
    assert "Themes" in html or "themes" in html
    delete = admin_client.get(
        reverse("wagtailsnippets_pages_theme:delete", args=(theme.pk,))
    )
    assert "referenced 0 times" not in delete.content.decode()


def test_a_report_knows_the_guides_that_cite_it(admin_client, site_tree):
    report = site_tree["en"]["report"]
    guide = site_tree["en"]["guide"]
    guide.evidence_reports.set([report])
    guide.save_revision().publish()
    usage = admin_client.get(reverse("wagtailadmin_pages:usage", args=(report.pk,)))
    assert guide.title in usage.content.decode()
