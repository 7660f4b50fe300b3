"""What the hub adds to Wagtail's Elasticsearch 8 and OpenSearch 2 backends.

* Analysis: ``hub_en`` and ``hub_fr`` analysers (elision, possessives, stop words,
  accent folding, light stemming), and autocomplete analysers that also fold accents
  and drop elisions on both sides ("l'éval" finds "L'évaluation").
* Mapping: every analysed text field gets ``.en`` and ``.fr`` sub-fields (see the
  package docstring); hub pages get keyword fields for the facets, their language and a
  date to sort by (``hub_*``), from hub/pages/search_data.py.
* Indexing: a batch of pages has its facet data computed in a fixed number of queries
  before Wagtail builds the documents.
* ``run_search()``: one search request with a time limit, the only difference between
  the two clients that the search service needs to know about.
"""

import os
from copy import deepcopy

from modelsearch.utils import deep_update

from hub.pages.dates import list_date_precision
from hub.pages.search_data import (
    FACETS,
    is_hub_page_model,
    prefetch_search_data,
    search_data,
)

LANGUAGES = ("en", "fr")
FRENCH_ELISIONS = [
    "l", "m", "t", "qu", "n", "s", "j", "d", "c",
    "jusqu", "quoiqu", "lorsqu", "puisqu",
]  # fmt: skip

ANALYSIS_SETTINGS = {
    "settings": {
        "index": {"number_of_shards": 1, "number_of_replicas": 0},
        "analysis": {
            "filter": {
                "hub_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": FRENCH_ELISIONS,
                },
                "hub_fr_stop": {"type": "stop", "stopwords": "_french_"},
                "hub_fr_stem": {"type": "stemmer", "language": "light_french"},
                "hub_en_possessive": {
                    "type": "stemmer",
                    "language": "possessive_english",
                },
                "hub_en_stop": {"type": "stop", "stopwords": "_english_"},
                "hub_en_stem": {"type": "stemmer", "language": "english"},
            },
            "analyzer": {
                "hub_fr": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "hub_elision",
                        "lowercase",
                        "hub_fr_stop",
                        "asciifolding",
                        "hub_fr_stem",
                    ],
                },
                "hub_en": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "hub_elision",
                        "hub_en_possessive",
                        "lowercase",
                        "hub_en_stop",
                        "asciifolding",
                        "hub_en_stem",
                    ],
                },
                # Wagtail's own autocomplete analyser, redefined to drop elisions.
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["hub_elision", "asciifolding", "lowercase", "edgengram"],
                },
                "hub_autocomplete": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["hub_elision", "asciifolding", "lowercase"],
                },
            },
        },
    }
}

HUB_PROPERTIES = {f"hub_{facet}": {"type": "keyword"} for facet in FACETS}
HUB_PROPERTIES.update(
    {
        "hub_language": {"type": "keyword"},
        "hub_date": {"type": "date", "format": "date"},
        "hub_date_precision": {"type": "keyword", "index": False},
    }
)


def facet_field(facet):
    return f"hub_{facet}"


def language_field(name, language):
    return f"{name}.{language}"


def add_language_subfields(properties):
    """Give each analysed text property an .en and a .fr sub-field (in place)."""
    for mapping in properties.values():
        if mapping.get("type") == "nested":
            add_language_subfields(mapping["properties"])
        elif mapping.get("type") == "text" and "analyzer" not in mapping:
            mapping.setdefault("fields", {}).update(
                {
                    language: {
                        "type": "text",
                        "analyzer": f"hub_{language}",
                        # Offsets make highlighting long texts cheap.
                        "index_options": "offsets",
                    }
                    for language in LANGUAGES
                }
            )


def hub_document_fields(page):
    data = search_data(page)
    fields = {facet_field(facet): list(data.facets.get(facet, ())) for facet in FACETS}
    fields["hub_language"] = page.locale.language_code
    fields["hub_date"] = data.date.isoformat() if data.date else None
    # How much of the date is known ("year" for a season's item), so that a result
    # shows it as such without reading the page again.
    fields["hub_date_precision"] = str(list_date_precision(page))
    return fields


class HubMappingMixin:
    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": "hub_autocomplete",
    }

    def get_mapping(self):
        mapping = super().get_mapping()
        add_language_subfields(mapping["properties"])
        if is_hub_page_model(self.model):
            mapping["properties"].update(deepcopy(HUB_PROPERTIES))
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        if is_hub_page_model(type(obj)):
            document.update(hub_document_fields(obj))
        return document


class HubIndexMixin:
    def add_items(self, model, items):
        items = list(items)
        if is_hub_page_model(model):
            prefetch_search_data(items)
            _prefetch_locales(items)
        return super().add_items(model, items)


_clients = {}


def shared_client(client_class):
    """A factory for `client_class` that hands out one client per configuration.

    modelsearch builds a new backend, hence a new client and new connections, for every
    object it indexes and every search; sharing the (thread-safe) client keeps its
    connections open between requests."""

    def client(**options):
        key = (client_class, repr(sorted(options.items(), key=lambda item: item[0])))
        if key not in _clients:
            _clients[key] = client_class(**options)
        return _clients[key]

    return client


class HubEngineMixin:
    """Settings shared by both engine backends; ``INDEX_SETTINGS`` still overrides."""

    is_search_engine = True
    # The engine's shard request cache for searches (hits, highlights, aggregations):
    # a repeated search is answered from it until the index next changes (the cache is
    # keyed on the index reader, so a refresh that brings a change drops it: never a
    # stale result). Without the flag the engine caches only size=0 searches.
    # SEARCH_ENGINE_REQUEST_CACHE=false in the environment turns it off, to measure.
    request_cache = os.environ.get("SEARCH_ENGINE_REQUEST_CACHE", "true") != "false"

    def __init__(self, params):
        params = dict(params)
        # Bulk indexing may be given longer than a single page's save (TIMEOUT): a
        # chunk of update_index can take a busy node more than 10 s. Publishing also
        # indexes in bulk, so the default stays TIMEOUT (an editor does not wait on a
        # hung engine); SEARCH_INDEX_BULK_TIMEOUT raises it for a large update_index.
        self.bulk_timeout = float(params.pop("BULK_TIMEOUT", params.get("TIMEOUT", 10)))
        params["INDEX_SETTINGS"] = deep_update(
            deepcopy(ANALYSIS_SETTINGS), params.get("INDEX_SETTINGS", {})
        )
        super().__init__(params)

    def page_index_name(self):
        from wagtail.models import Page

        return self.get_index_for_model(Page).name

    # A page the engine does not take (down, hung, refusing) is remembered, so that
    # `retry_search_index` sends it once the engine is back; the error still goes up,
    # to be logged (or raised) as modelsearch decides.
    def add(self, obj):
        try:
            return super().add(obj)
        except Exception:
            _remember_pages([obj])
            raise

    def add_bulk(self, model, obj_list):
        obj_list = list(obj_list)
        try:
            return super().add_bulk(model, obj_list)
        except Exception:
            _remember_pages(obj_list)
            raise


def _remember_pages(objects):
    from wagtail.models import Page

    from ..models import PendingReindex

    page_ids = [obj.pk for obj in objects if isinstance(obj, Page) and obj.pk]
    if page_ids:
        PendingReindex.remember(page_ids)


def _prefetch_locales(pages):
    """Wagtail's Locale objects of a batch, shared, so page.locale costs no query."""
    from wagtail.models import Locale

    locales = {locale.pk: locale for locale in Locale.objects.all()}
    for page in pages:
        if page.locale_id in locales:
            page.locale = locales[page.locale_id]
