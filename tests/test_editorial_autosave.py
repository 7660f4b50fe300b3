"""Publishing a new page right after Wagtail's autosave created its draft (review D12).

The editor's form posts to the create URL until the first autosave's answer switches it
to the page's edit URL; a Publish pressed while that answer is on its way went to the
create URL and failed with "slug already in use" against the editor's own draft, and
the draft lacked the choices made since."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from hub.practices.models import GoodPracticeGuidePage

JSON = {"HTTP_ACCEPT": "application/json"}


def form_data(html):
    """What the browser would send from the create form as it is rendered."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.select_one("form#page-edit-form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = field.select_one("option[selected]")
            data[name] = chosen["value"] if chosen else ""
        elif field.get("type") in {"checkbox", "radio"}:
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.get("type") not in {"submit", "button", "file"}:
            data[name] = field.get("value", "")
    return data


def guide_create_form(admin_client, guides):
    """The create URL of a guide under `guides`, and the data its form would send,
    with the stream fields' counts that Wagtail's script adds."""
    create = reverse(
        "wagtailadmin_pages:add", args=("practices", "goodpracticeguidepage", guides.pk)
    )
    data = form_data(admin_client.get(create).content.decode())
    data.update({"steps-count": "0", "evidence_figures-count": "0"})
    return create, data


@pytest.mark.parametrize("language", ["en", "fr"])
def test_publish_after_autosave_publishes_the_draft_with_its_choices(
    admin_client, site_tree, language
):
    tree = site_tree[language]
    guides = tree["guides"]
    theme = site_tree["theme" if language == "en" else "fr_theme"]
    case_study = tree["case_study"]
    create, data = guide_create_form(admin_client, guides)
    data.update(title="Mentoring young jobseekers", slug="mentoring-young-jobseekers")
    data["summary"] = "Pairs of mentors and young jobseekers."

    # The autosave: Wagtail's script posts the form to the create URL, as JSON.
    autosaved = admin_client.post(create, data, **JSON)
    assert autosaved.status_code == 200, autosaved.content
    answer = autosaved.json()
    assert answer["success"] is True
    draft = GoodPracticeGuidePage.objects.get(pk=answer["pk"])
    assert draft.live is False

    # The editor ticks choices and presses Publish before the autosave's answer
    # has moved the form to the edit URL: the form goes to the create URL again.
    data.update(themes=[str(theme.pk)], related_case_studies=[str(case_study.pk)])
    data["action-publish"] = "action-publish"
    published = admin_client.post(create, data, follow=True)
    html = published.content.decode()
    assert published.status_code == 200
    assert "already in use" not in html
    assert "could not be created" not in html

    pages = GoodPracticeGuidePage.objects.filter(
        slug="mentoring-young-jobseekers", locale=guides.locale
    )
    assert [page.pk for page in pages] == [draft.pk]  # no second page
    page = pages.get()
    assert page.live is True
    assert list(page.themes.all()) == [theme]
    assert list(page.related_case_studies.all()) == [case_study]
    assert page.summary == "Pairs of mentors and young jobseekers."


def test_a_draft_this_session_did_not_autosave_still_blocks_its_slug(
    admin_client, site_tree
):
    guides = site_tree["en"]["guides"]
    create, data = guide_create_form(admin_client, guides)
    data.update(title="Guide", slug="guide", summary="Another page, same slug")
    data["action-publish"] = "action-publish"
    refused = admin_client.post(create, data)
    assert refused.status_code == 200
    assert "already in use" in refused.content.decode()
    assert (
        GoodPracticeGuidePage.objects.filter(slug="guide", locale=guides.locale).count()
        == 1
    )
    assert site_tree["en"]["guide"].specific.summary != "Another page, same slug"


def test_a_second_autosave_to_the_create_url_updates_the_same_draft(
    admin_client, site_tree
):
    guides = site_tree["en"]["guides"]
    create, data = guide_create_form(admin_client, guides)
    data.update(title="Peer mentoring", slug="peer-mentoring")
    first = admin_client.post(create, data, **JSON).json()
    data["themes"] = [str(site_tree["theme"].pk)]
    second = admin_client.post(create, data, **JSON)
    assert second.status_code == 200, second.content
    assert second.json()["success"] is True
    pages = GoodPracticeGuidePage.objects.filter(slug="peer-mentoring")
    assert [page.pk for page in pages] == [first["pk"]]
    draft = pages.get().get_latest_revision_as_object()
    assert draft.live is False
    assert list(draft.themes.all()) == [site_tree["theme"]]
