"""The values every facet can take, their labels in the reader's language, and the
translation between what a URL carries and what the index stores.

URLs carry a taxonomy term's slug (the same in both languages); the index stores its
translation_key, so that filtering by a theme finds the English pages and the French
pages that use it, whichever language's term they point at.
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from hub.pages.models.taxonomy import Country

from .documents import FACETS, PAGE_TYPES, TAXONOMY_FACETS, TYPE_LABELS, type_label

FACET_LABELS = {
    "type": _("Content type"),
    "theme": _("Theme"),
    "target_group": _("Target group"),
    "region": _("Region"),
    "country": _("Country"),
    "programme": _("Programme"),
    "year": _("Year"),
}
CACHE_KEY = "search:taxonomy-terms"
CACHE_SECONDS = 60
MAX_VALUES_PER_FACET = 50


@dataclass
class FacetValue:
    value: str  # as in URLs
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list

    @property
    def selected_values(self):
        return [value for value in self.values if value.selected]


def taxonomy_terms():
    """{facet: [{"key", "slugs": {lang: slug}, "names": {lang: name}}]} for the four
    taxonomies, from a short-lived cache that taxonomy edits clear."""
    terms = cache.get(CACHE_KEY)
    if terms is None:
        from hub.pages.localization import language_code

        terms = {}
        for facet, label in TAXONOMY_FACETS.items():
            by_key = {}
            rows = apps.get_model(label).objects.values_list(
                "translation_key", "locale_id", "slug", "name"
            )
            for key, locale_id, slug, name in rows:
                entry = by_key.setdefault(str(key), {"slugs": {}, "names": {}})
                language = language_code(locale_id)
                entry["slugs"][language] = slug
                entry["names"][language] = name
            terms[facet] = [{"key": key, **entry} for key, entry in by_key.items()]
        cache.set(CACHE_KEY, terms, CACHE_SECONDS)
    return terms


def forget_taxonomy_terms(**kwargs):
    cache.delete(CACHE_KEY)


for _label in TAXONOMY_FACETS.values():
    post_save.connect(forget_taxonomy_terms, sender=_label)
    post_delete.connect(forget_taxonomy_terms, sender=_label)


class FacetCatalogue:
    """All values of all facets, for one reading language."""

    def __init__(self, language):
        self.language = language
        self.terms = taxonomy_terms()

    def _term_slug(self, term):
        return term["slugs"].get(self.language) or next(iter(term["slugs"].values()))

    def _term_name(self, term):
        return term["names"].get(self.language) or next(iter(term["names"].values()))

    def index_keys(self, facet, url_values):
        """The index keys of the known values among `url_values`; others are ignored."""
        url_values = [v.strip() for v in url_values if v and v.strip()]
        url_values = url_values[:MAX_VALUES_PER_FACET]
        if facet in TAXONOMY_FACETS:
            wanted = set(url_values)
            return sorted(
                {
                    term["key"]
                    for term in self.terms[facet]
                    if wanted & set(term["slugs"].values())
                }
            )
        if facet == "type":
            return sorted({v for v in url_values if v in TYPE_LABELS})
        if facet == "country":
            return sorted(
                {v.upper() for v in url_values if v.upper() in Country.values}
            )
        if facet == "year":
            return sorted({v for v in url_values if v.isdigit() and len(v) == 4})
        return []

    def build(self, counts, selected):
        """Facets with every value (zero counts included) and its count.

        `counts` is {facet: {index key: count}}, `selected` {facet: [index keys]}."""
        facets = []
        for name in FACETS:
            facet_counts = counts.get(name, {})
            chosen = set(selected.get(name, ()))
            values = [
                FacetValue(
                    value=url_value,
                    label=str(label),
                    count=facet_counts.get(key, 0),
                    selected=key in chosen,
                )
                for key, url_value, label in self._values(name, facet_counts, chosen)
            ]
            facets.append(
                Facet(name=name, label=str(FACET_LABELS[name]), values=values)
            )
        return facets

    def _values(self, name, facet_counts, chosen):
        """(index key, URL value, label) of every value of a facet, in display order."""
        if name in TAXONOMY_FACETS:
            values = [
                (term["key"], self._term_slug(term), self._term_name(term))
                for term in self.terms[name]
            ]
            return sorted(values, key=lambda value: value[2].casefold())
        if name == "type":
            return [(v, v, type_label(v)) for v in (*PAGE_TYPES, "page")]
        if name == "country":
            return [(code, code, label) for code, label in Country.choices]
        if name == "year":
            years = {key for key in facet_counts if key.isdigit()} | set(chosen)
            return [(year, year, year) for year in sorted(years, reverse=True)]
        return []
