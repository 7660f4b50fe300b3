"""Wagtail's Elasticsearch 8 backend with the hub's analysis and fields (engine.py).

Production runs Elasticsearch 8 (compose.yaml); the client's major version matches."""

from elasticsearch import Elasticsearch
from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Index,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)

from .engine import HubEngineMixin, HubIndexMixin, HubMappingMixin, shared_client


class HubElasticsearch8Mapping(HubMappingMixin, Elasticsearch8Mapping):
    pass


class HubElasticsearch8Index(HubIndexMixin, Elasticsearch8Index):
    pass


class HubElasticsearch8SearchQueryCompiler(Elasticsearch8SearchQueryCompiler):
    mapping_class = HubElasticsearch8Mapping


class HubElasticsearch8AutocompleteQueryCompiler(
    Elasticsearch8AutocompleteQueryCompiler
):
    mapping_class = HubElasticsearch8Mapping


class HubElasticsearch8SearchBackend(HubEngineMixin, Elasticsearch8SearchBackend):
    mapping_class = HubElasticsearch8Mapping
    index_class = HubElasticsearch8Index
    query_compiler_class = HubElasticsearch8SearchQueryCompiler
    client_class = staticmethod(shared_client(Elasticsearch))
    autocomplete_query_compiler_class = HubElasticsearch8AutocompleteQueryCompiler

    def bulk(self, client, actions, **kwargs):
        client = client.options(request_timeout=self.bulk_timeout)
        return super().bulk(client, actions, **kwargs)

    def run_search(self, body, timeout):
        body = dict(body)
        if "from" in body:  # the client's spelling of the keyword
            body["from_"] = body.pop("from")
        response = self.es.options(request_timeout=timeout).search(
            index=self.page_index_name(), request_cache=self.request_cache, **body
        )
        return response.body


SearchBackend = HubElasticsearch8SearchBackend
