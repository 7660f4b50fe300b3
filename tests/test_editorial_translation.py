"""Translating with wagtail-localize under the editorial rules: the alias conversion
is a moderator's, an incomplete translation is published only on purpose, a
translation goes to its language's review, and translators hear of source changes."""

import html

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from hub.pages.models import StandardPage
from tests.factories import add_page


def member(django_user_model, username, group, language="en"):
    user = django_user_model.objects.create_user(username, f"{username}@x.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def translated(
    site_tree, locales, django_user_model, django_capture_on_commit_callbacks
):
    """An English page translated into French through wagtail-localize by a
    translator, one of its two text segments left untranslated, published."""
    page = add_page(
        site_tree["en"]["home"],
        StandardPage(
            title="Repair cafés", slug="repair-cafes", summary="Fixing together"
        ),
    )
    translator = member(django_user_model, "trad", "Translators", language="fr")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locales["fr"])
    for segment in source.stringsegment_set.select_related("string"):
        if segment.string.data == "Repair cafés":
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locales["fr"],
                context=segment.context,
                data="Cafés réparation",
                last_translated_by=translator,
            )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    french = page.get_translation(locales["fr"])
    return {
        "en": page,
        "fr": french,
        "translation": translation,
        "translator": translator,
    }


def editor_props(response):
    return html.unescape(response.content.decode())


def test_only_a_moderator_is_offered_the_alias_conversion(
    client, translated, django_user_model
):
    french = translated["fr"]
    edit_url = reverse("wagtailadmin_pages:edit", args=(french.pk,))
    convert_url = reverse("wagtail_localize:convert_to_alias", args=(french.pk,))

    client.force_login(translated["translator"])
    response = client.get(edit_url)
    assert response.status_code == 200
    assert '"convertToAliasUrl": null' in editor_props(response)
    # Even posted by hand, the conversion is refused and the French stays French.
    client.post(convert_url)
    client.post(edit_url, {"localize-convert-to-alias": "1"})
    french.refresh_from_db()
    assert french.alias_of_id is None and french.title == "Cafés réparation"

    client.force_login(member(django_user_model, "mod", "Moderators"))
    response = client.get(edit_url)
    assert f'"convertToAliasUrl": "{convert_url}"' in editor_props(response)
    assert client.get(convert_url).status_code == 200  # wagtail-localize's confirm


def test_an_incomplete_translation_is_published_only_on_purpose(
    client, translated, django_user_model
):
    french = translated["fr"]
    client.force_login(member(django_user_model, "mod", "Moderators"))
    StringTranslation.objects.filter(data="Cafés réparation").update(
        data="Cafés de réparation"
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=(french.pk,))
    response = client.post(edit_url, {"action": "publish"})
    override = reverse("hub_publish_incomplete_translation", args=(french.pk,))
    assert response.url == override
    assert Page.objects.get(pk=french.pk).title == "Cafés réparation"  # unchanged

    page = client.get(override)
    assert (
        "1 segment is not translated into French yet"
        in " ".join(page.content.decode().split())
        or "segments are not translated" in page.content.decode()
    )
    client.post(override, {})  # without the box ticked: nothing
    assert Page.objects.get(pk=french.pk).title == "Cafés réparation"
    client.post(override, {"confirm": "1"})
    assert Page.objects.get(pk=french.pk).title == "Cafés de réparation"


def test_a_translator_cannot_use_the_override(client, translated):
    client.force_login(translated["translator"])
    french = translated["fr"]
    override = reverse("hub_publish_incomplete_translation", args=(french.pk,))
    response = client.post(override, {"confirm": "1"})
    assert response.status_code in {302, 403}
    assert Page.objects.get(pk=translated["fr"].pk).title == "Cafés réparation"


def test_a_translation_goes_to_its_languages_review(
    client, translated, django_user_model, django_capture_on_commit_callbacks
):
    french = translated["fr"]
    reviewer = member(django_user_model, "mod", "Moderators")
    client.force_login(translated["translator"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(french.pk,)))
    submit_url = reverse("hub_submit_translation", args=(french.pk,))
    assert submit_url in edit.content.decode()  # offered as the editor opens
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(french.pk))
    assert state.workflow.name == "Translation review (French)"
    assert state.status == "in_progress"
    assert any(reviewer.email in message.to for message in mail.outbox)

    # The reviewer approves: the translation is published.
    client.force_login(reviewer)
    task_state = state.current_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(french.pk, "approve", task_state.pk),
    )
    client.post(url, {"comment": ""})
    state.refresh_from_db()
    assert state.status == "approved"


def test_translators_hear_when_their_source_changes_in_their_language(
    translated, django_capture_on_commit_callbacks
):
    page = translated["en"]
    page.summary = "Fixing things together, every month"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    [message] = [m for m in mail.outbox if translated["translator"].email in m.to]
    assert "Repair cafés" in message.subject
    assert "traduite" in message.subject  # French, the translator's admin language
    assert f"/admin/pages/{translated['fr'].pk}/edit/" in message.body


def test_publishing_a_translation_tells_nobody(
    translated, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        translated["fr"].save_revision().publish()
    assert mail.outbox == []
