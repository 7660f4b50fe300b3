"""The one list of the hub's taxonomies, and the slug <-> translation key mapping.

Every consumer (library filters, search facets and indexing, the API's filters, the
translation dashboard, the demo builder) reads this list, so adding a taxonomy is one
line here plus its model. A term is one thing in both languages: URLs carry its slug
(a slug from either language is understood), indexes and filters compare its
`translation_key`, so a French page that still points at an English term matches.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from hub.cache import generation_kept

from .localization import language_code


@dataclass(frozen=True)
class Taxonomy:
    name: str  # URL parameter and facet name: "theme"
    model_label: str  # "pages.Theme"
    label: str  # shown above the filter, lazily translated
    page_field: str | None = None  # the pages' many-to-many field, where they have one
    facet: bool = True  # filters pages in the library and search

    @cached_property
    def model(self):
        return apps.get_model(self.model_label)


THEME = Taxonomy("theme", "pages.Theme", _("Theme"), page_field="themes")
TARGET_GROUP = Taxonomy(
    "target_group", "pages.TargetGroup", _("Target group"), page_field="target_groups"
)
REGION = Taxonomy("region", "pages.Region", _("Region"), page_field="regions")
PROGRAMME = Taxonomy("programme", "pages.Programme", _("Programme"))
ORGANISATION = Taxonomy(
    "organisation", "pages.Organisation", _("Organisation"), facet=False
)

TAXONOMIES = (THEME, TARGET_GROUP, REGION, PROGRAMME, ORGANISATION)
# Pages link to these through their own many-to-many fields (themes, regions, ...).
PAGE_TAXONOMIES = tuple(t for t in TAXONOMIES if t.page_field)
FACET_TAXONOMIES = tuple(t for t in TAXONOMIES if t.facet)
BY_NAME = {taxonomy.name: taxonomy for taxonomy in TAXONOMIES}


def taxonomy_models():
    return [taxonomy.model for taxonomy in TAXONOMIES]


def of_model(model):
    """The taxonomy a term model belongs to, or None."""
    return next((t for t in TAXONOMIES if t.model is model), None)


# -- the terms of every faceted taxonomy, from a short-lived shared cache -------------
# (kept in the process for a page generation during public requests: hub/cache.py)

CACHE_KEY = "hub:taxonomy-terms"
CACHE_SECONDS = 60


def all_terms():
    """{taxonomy name: [{"key", "slugs": {language: slug}, "names": {language: name},
    "country"}]} for the faceted taxonomies, one entry per translation key."""
    return generation_kept(cache, CACHE_KEY, _read_terms, CACHE_SECONDS)


def _read_terms():
    terms = {}
    for taxonomy in FACET_TAXONOMIES:
        model = taxonomy.model
        fields = ["translation_key", "locale_id", "slug", "name"]
        has_country = any(f.name == "country" for f in model._meta.fields)
        by_key = {}
        for row in model.objects.values_list(*fields, *(["country"] * has_country)):
            key, locale_id, slug, name = row[:4]
            entry = by_key.setdefault(
                str(key), {"slugs": {}, "names": {}, "country": ""}
            )
            language = language_code(locale_id)
            entry["slugs"][language] = slug
            entry["names"][language] = name
            if has_country:
                entry["country"] = row[4]
        terms[taxonomy.name] = [{"key": key, **entry} for key, entry in by_key.items()]
    return terms


def forget_terms(**kwargs):
    cache.delete(CACHE_KEY)


def _forget_terms_now_and_at_commit(**kwargs):
    # Again at commit: another process may have read the old rows in between and
    # stored them back under the plain key.
    forget_terms()
    transaction.on_commit(forget_terms)


def connect_signals():
    """From the pages app's ready(): saving or deleting any term clears the cache (the
    copies kept for a page generation go with the generation the change draws)."""
    for taxonomy in TAXONOMIES:
        post_save.connect(_forget_terms_now_and_at_commit, sender=taxonomy.model_label)
        post_delete.connect(
            _forget_terms_now_and_at_commit, sender=taxonomy.model_label
        )


class TermCatalogue:
    """The terms of the faceted taxonomies for one reading language: names and slugs
    in that language (else any), and URL slugs mapped to translation keys."""

    def __init__(self, language):
        self.language = language
        self.terms = all_terms()

    def slug(self, term):
        return term["slugs"].get(self.language) or next(iter(term["slugs"].values()))

    def name(self, term):
        return term["names"].get(self.language) or next(iter(term["names"].values()))

    def keys_for_slugs(self, taxonomy_name, slugs):
        """The translation keys of the terms named by `slugs` (either language);
        unknown slugs are ignored."""
        wanted = {slug for slug in slugs if slug}
        return sorted(
            {
                term["key"]
                for term in self.terms.get(taxonomy_name, ())
                if wanted & set(term["slugs"].values())
            }
        )

    def by_key(self, taxonomy_name):
        """{translation key: term} of one taxonomy."""
        return {term["key"]: term for term in self.terms.get(taxonomy_name, ())}
