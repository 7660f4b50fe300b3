"""Wagtail's OpenSearch 2 backend with the hub's analysis and fields (engine.py).

The local node of tests and development (scripts/elasticsearch.sh) is OpenSearch 2,
which the elasticsearch 8 client refuses; opensearch-py 2.x talks to it."""

from opensearchpy import OpenSearch
from wagtail.search.backends.opensearch2 import (
    OpenSearch2AutocompleteQueryCompiler,
    OpenSearch2Index,
    OpenSearch2Mapping,
    OpenSearch2SearchBackend,
    OpenSearch2SearchQueryCompiler,
)

from .engine import HubEngineMixin, HubIndexMixin, HubMappingMixin, shared_client


class HubOpenSearch2Mapping(HubMappingMixin, OpenSearch2Mapping):
    pass


class HubOpenSearch2Index(HubIndexMixin, OpenSearch2Index):
    pass


class HubOpenSearch2SearchQueryCompiler(OpenSearch2SearchQueryCompiler):
    mapping_class = HubOpenSearch2Mapping


class HubOpenSearch2AutocompleteQueryCompiler(OpenSearch2AutocompleteQueryCompiler):
    mapping_class = HubOpenSearch2Mapping


class HubOpenSearch2SearchBackend(HubEngineMixin, OpenSearch2SearchBackend):
    mapping_class = HubOpenSearch2Mapping
    index_class = HubOpenSearch2Index
    query_compiler_class = HubOpenSearch2SearchQueryCompiler
    client_class = staticmethod(shared_client(OpenSearch))
    autocomplete_query_compiler_class = HubOpenSearch2AutocompleteQueryCompiler

    def bulk(self, client, actions, **kwargs):
        kwargs.setdefault("request_timeout", self.bulk_timeout)
        return super().bulk(client, actions, **kwargs)

    def run_search(self, body, timeout):
        return self.es.search(
            index=self.page_index_name(),
            body=body,
            request_timeout=timeout,
            params={"request_cache": "true" if self.request_cache else "false"},
        )


SearchBackend = HubOpenSearch2SearchBackend
