"""Searching with the engine (Elasticsearch 8 or OpenSearch 2): one request returns the
page of hits with highlighted snippets, the total, and every facet's counts.

Facets follow the usual pattern: the selected filters go in a ``post_filter`` (they
narrow the hits, not the aggregations), and each facet's aggregation applies every
*other* facet's filters. So values of one facet combine with OR, facets with AND, and
each facet's counts say how many results choosing that value would give.

Words are matched with ``multi_match`` / ``match`` queries, which have no syntax: what
a reader types can never form an engine query.
"""

import datetime
from functools import cache

from hub.glossary.expansion import expansions
from hub.pages.search_data import FACETS, hub_page_models
from hub.pages.visibility import restricted_paths

from .backends.engine import facet_field, language_field
from .outcome import FoundPage, Outcome
from .text import MARK_END, MARK_START, mark_matches, marked_fragment, query_words

MAX_FACET_VALUES = 1000  # all of them: taxonomies have tens of terms, years a few
SNIPPET_LENGTH = 220
SUGGEST_FIELDS = ["title_edgengrams^3", "_edgengrams"]


def search(backend, query, selected, timeout):
    """An Outcome for a SearchQuery; `selected` maps facets to index keys."""
    page = query.page
    body = search_body(query, selected, page)
    response = backend.run_search(body, timeout)
    total = response["hits"]["total"]["value"]
    last_page = max(1, -(-total // query.per_page))
    if page > last_page:  # out of range: serve the last page, as Django's paginator
        page = last_page
        response = backend.run_search(search_body(query, selected, page), timeout)
    return Outcome(
        hits=[_found(hit, query) for hit in response["hits"]["hits"]],
        total=total,
        page=page,
        counts={
            facet: {
                bucket["key"]: bucket["doc_count"]
                for bucket in response["aggregations"][facet]["values"]["buckets"]
            }
            for facet in FACETS
        },
        total_without_filters=response["aggregations"]["unfiltered"]["doc_count"],
    )


def count(backend, query, selected, timeout):
    """How many pages `search` would find: the same query and filters, no hit, no
    aggregation, no highlight."""
    body = search_body(query, selected, 1)
    body["query"]["bool"]["filter"] = [
        *body["query"]["bool"]["filter"],
        *body.pop("post_filter")["bool"]["filter"],
    ]
    for name in ("aggs", "highlight", "sort", "from", "_source"):
        body.pop(name, None)
    body["size"] = 0
    return backend.run_search(body, timeout)["hits"]["total"]["value"]


def search_body(query, selected, page):
    language_texts = _language_texts(query) if query.text else {}
    filters = {
        facet: {"terms": {facet_field(facet): keys}} for facet, keys in selected.items()
    }
    body = {
        "query": {
            "bool": {
                "must": [_text_query(query, language_texts)],
                "filter": _page_filters(query.languages),
                "must_not": _restricted(),
            }
        },
        "post_filter": {"bool": {"filter": list(filters.values())}},
        "aggs": {
            "unfiltered": {"filter": {"match_all": {}}},
            **{
                facet: {
                    "filter": {
                        "bool": {
                            "filter": [
                                f for name, f in filters.items() if name != facet
                            ]
                        }
                    },
                    "aggs": {
                        "values": {
                            "terms": {
                                "field": facet_field(facet),
                                "size": MAX_FACET_VALUES,
                            }
                        }
                    },
                }
                for facet in FACETS
            },
        },
        "from": (page - 1) * query.per_page,
        "size": query.per_page,
        "track_total_hits": True,
        "_source": [
            "title",
            "hub_type",
            "hub_date",
            "hub_date_precision",
            "hub_language",
            "*__summary",
        ],
    }
    if query.sort == "date" or not query.text:
        body["sort"] = [
            {"hub_date": {"order": "desc", "missing": "_last"}},
            "_score",
            {"pk": "desc"},
        ]
    if query.text:
        body["highlight"] = {
            "type": "unified",
            "pre_tags": [MARK_START],
            "post_tags": [MARK_END],
            "fragment_size": SNIPPET_LENGTH,
            "number_of_fragments": 1,
            # The query asks the pages' copied text (_all_text), never these fields:
            # by default the engine would highlight none of them.
            "require_field_match": False,
            # The words the query matches, without what only ranks (the titles'
            # clauses: titles are shown whole, and their phrase would be checked in
            # every field highlighted): the same words marked, 0.2-0.6 ms less of
            # the engine's time per search at 50,000 pages.
            "highlight_query": _highlight_query(language_texts),
            "fields": {key: {} for key in _highlight_keys(tuple(query.languages))},
        }
    return body


def suggest(backend, text, language, limit, timeout):
    """Page pks whose title (or summary) words start with the words typed so far."""
    body = {
        "query": {
            "bool": {
                "must": {
                    "multi_match": {
                        "query": text,
                        "fields": SUGGEST_FIELDS,
                        "operator": "and",
                    }
                },
                "filter": _page_filters([language]),
                "must_not": _restricted(),
            }
        },
        "size": limit,
        "_source": False,
        # No total is shown: the engine may skip pages that cannot make the first
        # few, instead of counting up to 10,000 matches of a short prefix.
        "track_total_hits": False,
    }
    response = backend.run_search(body, timeout)
    return [int(hit["_id"]) for hit in response["hits"]["hits"]]


def _language_texts(query):
    """{language: [the query's text, and the glossary's other wordings of a term it
    names in that language]} for each language searched (hub.glossary.expansion):
    "social landlord" also asks "bailleur social"."""
    alternatives = expansions(query.text, query.languages)
    return {
        language: [query.text, *alternatives[language]] for language in query.languages
    }


def _text_query(query, language_texts):
    if not query.text:
        return {"match_all": {}}
    clauses = []
    for language, texts in language_texts.items():
        language_clauses = [_language_text_query(text, language) for text in texts]
        if len(language_clauses) == 1:
            clauses.append(language_clauses[0])
        else:
            clauses.append(
                {"bool": {"should": language_clauses, "minimum_should_match": 1}}
            )
    if len(clauses) == 1:
        return clauses[0]
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


def _highlight_query(language_texts):
    return {
        "bool": {
            "should": [
                {"match": {language_field("_all_text", language): {"query": text}}}
                for language, texts in language_texts.items()
                for text in texts
            ]
        }
    }


def _language_text_query(text, language):
    """Words in the page's language's analysis: all of one or two words, most of
    longer queries; titles containing the words, or the phrase, rank first."""
    title = language_field("title", language)
    return {
        "bool": {
            "filter": [{"term": {"hub_language": language}}],
            "must": [
                {
                    "multi_match": {
                        "query": text,
                        "fields": [
                            language_field("_all_text", language),
                            language_field("_all_text_boost_2_0", language) + "^2",
                        ],
                        "type": "best_fields",
                        "tie_breaker": 0.3,
                        "minimum_should_match": "2<-25%",
                    }
                }
            ],
            "should": [
                {"match": {title: {"query": text, "operator": "and", "boost": 3}}},
                {"match_phrase": {title: {"query": text, "slop": 2, "boost": 3}}},
            ],
        }
    }


def _page_filters(languages):
    return [
        {"exists": {"field": "hub_type"}},
        {"term": {"live_filter": True}},
        {"terms": {"hub_language": list(languages)}},
    ]


def _restricted():
    return [{"prefix": {"path_filter": path}} for path in restricted_paths()]


@cache
def highlight_fields():
    """The analysed text fields of hub pages, summaries first (not the title, shown
    whole, nor the related names, which are not prose)."""
    summaries, others = [], []
    for model in hub_page_models():
        mapping = _ColumnNames(model)
        for search_field in model.get_searchable_search_fields():
            if search_field.field_name in {"title", "search_related_names"}:
                continue
            name = mapping.get_field_column_name(search_field)
            target = summaries if search_field.field_name == "summary" else others
            if name not in target:
                target.append(name)
    return tuple(summaries + others)


@cache
def _highlight_keys(languages):
    """The highlighted fields' names in the index, each field in each language, in
    the order a snippet is taken from them."""
    return tuple(
        language_field(name, language)
        for name in highlight_fields()
        for language in languages
    )


class _ColumnNames:
    """The engine's field naming (Wagtail's mapping), without a client."""

    def __init__(self, model):
        from modelsearch.backends.elasticsearchbase import ElasticsearchBaseMapping

        self._mapping = ElasticsearchBaseMapping(model)

    def get_field_column_name(self, search_field):
        return self._mapping.get_field_column_name(search_field)


def _found(hit, query):
    source = hit.get("_source", {})
    highlights = hit.get("highlight", {})
    snippet = ""
    for key in _highlight_keys(tuple(query.languages)):
        fragments = highlights.get(key)
        if fragments:
            snippet = marked_fragment(fragments[0])
            break
    if not snippet:
        summary = next(
            (value for key, value in source.items() if key.endswith("__summary")), ""
        )
        language = source.get("hub_language")
        snippet = mark_matches(
            summary, query_words(query.text, language), language, SNIPPET_LENGTH
        )
    date = source.get("hub_date")
    hub_type = source.get("hub_type") or [""]
    return FoundPage(
        page_id=int(hit["_id"]),
        type=hub_type[0] if isinstance(hub_type, list) else hub_type,
        date=datetime.date.fromisoformat(date) if date else None,
        snippet=snippet,
        # None in an index made before the field: the page tells (services._hits).
        date_precision=source.get("hub_date_precision"),
    )
