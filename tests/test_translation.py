"""Editors translate pages and taxonomy with wagtail-localize."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationSource,
)

from hub.pages.models import StandardPage, Theme
from tests.factories import build_site


def translate_with_localize(instance, locale, strings=None, on_commit=None):
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string"):
        text = (strings or {}).get(segment.string.data)
        if text:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=text,
            )
    # wagtail-localize publishes the new translation once the transaction commits.
    with on_commit(execute=True):
        translation.save_target(publish=True)
    return instance.get_translation(locale)


@pytest.mark.django_db
def test_translating_a_page_yields_a_linked_page_in_the_other_locale(
    django_capture_on_commit_callbacks,
):
    tree = build_site()
    fr = Locale.objects.get(language_code="fr")
    page = StandardPage(
        title="Accessibility statement", slug="accessibility", summary="How we comply"
    )
    tree["en"]["home"].add_child(instance=page)
    page.save_revision().publish()

    french = translate_with_localize(
        page,
        fr,
        {"Accessibility statement": "Déclaration d'accessibilité"},
        on_commit=django_capture_on_commit_callbacks,
    )

    assert french.locale == fr
    assert french.translation_key == page.translation_key
    assert french.live
    assert french.title == "Déclaration d'accessibilité"
    assert french.get_parent().specific == tree["fr"]["home"]
    assert french.url.startswith("/fr/")


@pytest.mark.django_db
def test_translating_a_theme_keeps_one_translation_key(
    django_capture_on_commit_callbacks,
):
    build_site()
    fr = Locale.objects.get(language_code="fr")
    theme = Theme.objects.create(
        locale=Locale.objects.get(language_code="en"), slug="housing", name="Housing"
    )
    french = translate_with_localize(
        theme, fr, {"Housing": "Logement"}, on_commit=django_capture_on_commit_callbacks
    )
    assert french.name == "Logement"
    assert french.translation_key == theme.translation_key
    assert french.slug == "housing"
