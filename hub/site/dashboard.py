"""What awaits translation, per locale: pages and taxonomy terms with no translation,
and translations whose source changed after they were last synchronised.

How staleness is decided (read from wagtail_localize.models):

- A translation made with wagtail-localize has a `Translation` (target locale, enabled)
  whose `TranslationSource` froze the source's content at `last_updated_at`; "Sync
  translated pages" re-extracts it from the source *as stored in its row*
  (`TranslationSource.update_from_db`). A page's row changes when it is published (a
  draft only adds a revision), so a synchronised page translation is stale when its
  source was published after `last_updated_at` (for a source never published: when its
  latest revision is newer). Taxonomy terms keep no revisions or dates, so a
  synchronised term is stale when its current content differs from the frozen
  `content_json` -- the same test wagtail-localize makes before re-extracting.
- A page translated by hand (a copy, with no `Translation`) is stale when the original
  of its translation group (the first page created) was published after the copy.
  Terms translated by hand cannot be checked and are not listed as stale.
"""

import json
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from hub.pages.taxonomies import taxonomy_models


@dataclass
class Missing:
    """An object with no translation in the locale."""

    source: object  # the page or term to translate


@dataclass
class Stale:
    """A translation whose source changed after it was last brought up to date."""

    source: object
    target: object
    source_changed_at: object
    synced_at: object
    translation_source_id: int | None  # set when wagtail-localize can sync it

    @property
    def synchronised(self):
        return self.translation_source_id is not None


@dataclass
class LocaleReport:
    locale: Locale
    missing_pages: list = field(default_factory=list)
    stale_pages: list = field(default_factory=list)
    missing_terms: list = field(default_factory=list)
    stale_terms: list = field(default_factory=list)

    @property
    def clean(self):
        return (
            not (self.missing_pages or self.stale_pages or self.missing_terms)
            and not self.stale_terms
        )


def _page_changed_at(page):
    return page.last_published_at if page.live else page.latest_revision_created_at


def _originals(pages):
    """{translation key: the first page created with it}."""
    originals = {}
    for page in sorted(pages, key=lambda page: page.pk):
        originals.setdefault(page.translation_key, page)
    return originals


def page_reports_data(locales):
    """Missing and stale pages for every locale, in a fixed number of queries."""
    pages = list(
        Page.objects.filter(depth__gt=1, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )
    by_group = {}
    for page in pages:
        by_group.setdefault(page.translation_key, {})[page.locale_id] = page
    originals = _originals(pages)
    page_type = ContentType.objects.get_for_model(Page)
    translations = {
        (str(t.source.object_id), t.target_locale_id): t
        for t in Translation.objects.filter(
            enabled=True, source__object__content_type=page_type
        ).select_related("source")
    }
    result = {}
    for locale in locales:
        missing, stale = [], []
        for key, group in by_group.items():
            target = group.get(locale.pk)
            if target is None:
                source = originals[key]
                missing.append(Missing(source))
                continue
            translation = translations.get((str(key), locale.pk))
            if translation is not None:
                source = group.get(translation.source.locale_id)
                synced_at = translation.source.last_updated_at
                source_id = translation.source.pk
            else:
                source = originals[key]
                synced_at = _page_changed_at(target)
                source_id = None
            if source is None or source.pk == target.pk:
                continue
            changed_at = _page_changed_at(source)
            if changed_at and synced_at and changed_at > synced_at:
                stale.append(
                    Stale(
                        source,
                        target,
                        changed_at,
                        synced_at,
                        source_id,
                    )
                )
        result[locale.pk] = (missing, stale)
    return result


def _serialised(instance):
    return json.loads(
        json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
    )


def term_reports_data(locales):
    result = {locale.pk: ([], []) for locale in locales}
    for model in taxonomy_models():
        terms = list(model.objects.select_related("locale").order_by("name"))
        groups = {}
        for term in terms:
            groups.setdefault(term.translation_key, {})[term.locale_id] = term
        originals = _originals(terms)
        term_type = ContentType.objects.get_for_model(model)
        translations = list(
            Translation.objects.filter(
                enabled=True, source__object__content_type=term_type
            ).select_related("source")
        )
        for locale in locales:
            missing, stale = result[locale.pk]
            for key, group in groups.items():
                if locale.pk not in group:
                    missing.append(Missing(originals[key]))
            for translation in translations:
                if translation.target_locale_id != locale.pk:
                    continue
                group = groups.get(translation.source.object_id, {})
                source = group.get(translation.source.locale_id)
                target = group.get(locale.pk)
                if source is None or target is None:
                    continue
                frozen = json.loads(translation.source.content_json)
                if _serialised(source) != frozen:
                    stale.append(
                        Stale(
                            source,
                            target,
                            None,
                            translation.source.last_updated_at,
                            translation.source.pk,
                        )
                    )
    return result


def translation_reports(locales=None):
    """One LocaleReport per locale, in the order of the locales."""
    locales = list(locales or Locale.objects.order_by("language_code"))
    pages = page_reports_data(locales)
    terms = term_reports_data(locales)
    reports = []
    for locale in locales:
        report = LocaleReport(locale)
        report.missing_pages, report.stale_pages = pages[locale.pk]
        report.missing_terms, report.stale_terms = terms[locale.pk]
        reports.append(report)
    return reports
