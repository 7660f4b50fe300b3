"""Which page of a translation group is the source, and which pages follow it.

A group is the pages that share a translation key. Its source is the page that the
others were translated from: the locale of wagtail-localize's TranslationSource when
there is one, otherwise the oldest page of the group (translations are copies made
after it, whether the original is English or French)."""

from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource


def source_locale_id(page):
    """The locale the group of `page` was translated from, or None for a page alone."""
    sources = TranslationSource.objects.filter(
        object_id=page.translation_key,
        specific_content_type=page.content_type_id,
    )
    # A group translated both ways (rare) has two sources: the older one counts.
    source = sources.order_by("created_at").values_list("locale_id", flat=True).first()
    if source is not None:
        return source
    return (
        Page.objects.filter(translation_key=page.translation_key)
        .order_by("pk")
        .values_list("locale_id", flat=True)
        .first()
    )


def is_source(page):
    return source_locale_id(page) == page.locale_id


def source_page(page):
    """The page `page` is a translation of (itself when it is the source)."""
    locale_id = source_locale_id(page)
    if locale_id is None or locale_id == page.locale_id:
        return page
    return (
        Page.objects.filter(
            translation_key=page.translation_key, locale_id=locale_id
        ).first()
        or page
    )


def followers(page, include_aliases=True):
    """The pages that follow `page` when it is unpublished, deleted or moved: its
    translations and, for delete and move, its aliases in other locales. None when
    `page` is itself a translation: acting on a translation leaves the source alone."""
    if page.alias_of_id or not is_source(page):
        return Page.objects.none()
    pages = Page.objects.filter(translation_key=page.translation_key).exclude(
        pk=page.pk
    )
    if not include_aliases:
        pages = pages.filter(alias_of__isnull=True)
    return pages


def translation_record(page):
    """wagtail-localize's enabled Translation whose target is `page`, or None."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            source__specific_content_type=page.content_type_id,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )


def untranslated_count(translation):
    """Text segments of the source with no translation (or one in error)."""
    segments = translation.source.stringsegment_set.all()
    return (
        segments.annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .count()
    )
