"""The values every facet can take, their labels in the reader's language, and the
translation between what a URL carries and what the index stores.

URLs carry a taxonomy term's slug (the same in both languages); the index stores its
translation_key, so that filtering by a theme finds the English pages and the French
pages that use it, whichever language's term they point at.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from hub.pages.models.taxonomy import Country
from hub.pages.search_data import FACETS, TAXONOMY_FACETS, page_types, type_label
from hub.pages.taxonomies import TermCatalogue

FACET_LABELS = {
    "type": _("Content type"),
    **{name: taxonomy.label for name, taxonomy in TAXONOMY_FACETS.items()},
    "country": _("Country"),
    "year": _("Year"),
}
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


class FacetCatalogue:
    """All values of all facets, for one reading language."""

    def __init__(self, language):
        self.language = language
        self.terms = TermCatalogue(language)

    def index_keys(self, facet, url_values):
        """The index keys of the known values among `url_values`; others are ignored."""
        url_values = [v.strip() for v in url_values if v and v.strip()]
        url_values = url_values[:MAX_VALUES_PER_FACET]
        if facet in TAXONOMY_FACETS:
            return self.terms.keys_for_slugs(facet, url_values)
        if facet == "type":
            return sorted({v for v in url_values if v in page_types()})
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
                (term["key"], self.terms.slug(term), self.terms.name(term))
                for term in self.terms.terms[name]
            ]
            return sorted(values, key=lambda value: value[2].casefold())
        if name == "type":
            return [(v, v, type_label(v)) for v in page_types()]
        if name == "country":
            return [(code, code, label) for code, label in Country.choices]
        if name == "year":
            years = {key for key in facet_counts if key.isdigit()} | set(chosen)
            return [(year, year, year) for year in sorted(years, reverse=True)]
        return []
