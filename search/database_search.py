"""Searching with the database backend (PostgreSQL or SQLite): Wagtail's full-text
search ranks the matching pages of each language, then the facet rows that the backend
keeps beside its index (search.PageFacet) give every page's facets in one query, and
the counting, filtering, sorting and paging happen here. A fixed number of queries,
whatever the number of results.

Snippets are cut from the page's summary (or the first text field that matches), and
the matched words marked after HTML escaping (search.text.mark_matches).
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from modelsearch.query import PlainText
from wagtail.models import Locale, Page

from hub.glossary.expansion import expansions
from hub.pages.facets import filter_and_count
from hub.pages.search_data import FACETS, hub_page_models, page_type, result_type_label
from hub.pages.visibility import public_by_path

from .outcome import FoundPage, Outcome
from .text import WORD_RE, fold, light_stem, mark_matches, query_words

# Matches ranked per language: beyond, counts and facets stop growing (the engine has
# no such limit). 50,000 covers the largest benchmark corpus.
MAX_MATCHES = 50_000
SNIPPET_LENGTH = 220


def hub_pages(language_codes):
    """Live, public hub pages in these languages (a queryset the backends accept)."""
    locale_ids = Locale.objects.filter(language_code__in=language_codes).values("pk")
    content_types = ContentType.objects.get_for_models(*hub_page_models()).values()
    return public_by_path(
        Page.objects.live().filter(
            locale_id__in=locale_ids, content_type__in=list(content_types)
        )
    )


def search(backend, query, selected):
    from .models import PageFacet

    if query.text:
        ranked = _ranked_page_ids(backend, query)
        rows = PageFacet.objects.filter(page_id__in=ranked)
    else:  # filters alone: browse every page, newest first
        ranked = None
        rows = PageFacet.objects.filter(page__in=hub_pages(query.languages))
    facets_of = defaultdict(lambda: defaultdict(set))
    for page_id, facet, value in rows.values_list("page_id", "facet", "value"):
        facets_of[page_id][facet].add(value)
    if ranked is None:
        ranked = list(facets_of)

    matching, counts = filter_and_count(
        ranked, lambda page_id: facets_of.get(page_id, {}), selected, FACETS
    )
    if query.sort == "date" or not query.text:
        # Newest first, undated last; stable, so relevance breaks ties.
        matching.sort(
            key=lambda page_id: max(facets_of.get(page_id, {}).get("date", {""})),
            reverse=True,
        )
    total = len(matching)
    last_page = max(1, -(-total // query.per_page))
    page = min(query.page, last_page)
    start = (page - 1) * query.per_page
    shown = matching[start : start + query.per_page]
    snippets = _snippets(shown, query)
    hits = []
    for page_id in shown:
        page_facets = facets_of.get(page_id, {})
        date = next(iter(page_facets.get("date", ())), None)
        hits.append(
            FoundPage(
                page_id=page_id,
                type=next(iter(page_facets.get("type", ())), ""),
                date=_date(date),
                snippet=snippets.get(page_id, ""),
            )
        )
    return Outcome(
        hits=hits,
        total=total,
        page=page,
        counts=counts,
        total_without_filters=len(ranked),
    )


def _ranked_page_ids(backend, query):
    """Pks of the pages matching all the words (else any of them), best first: pages
    whose title has every word, then by the backend's rank. Each language is searched
    with its own analysis, then the languages are merged. Text without a word ("%",
    "--", an emoji) finds nothing, without asking the backend."""
    if not query_words(query.text, keep_stopwords=True):
        return []
    sign = 1 if getattr(backend, "higher_score_is_better", True) else -1
    # The glossary's other wordings of a term the query names, in each language
    # searched (hub.glossary.expansion): "social landlord" also asks "bailleur social".
    alternatives = expansions(query.text, query.languages)
    for operator in ("and", "or"):
        best = {}
        for language in query.languages:
            for text in [query.text, *alternatives[language]]:
                for key, pk in _scored(backend, text, language, operator, sign):
                    best[pk] = max(best.get(pk, key), key)
        if best or len(query_words(query.text)) < 2:
            break
    scored = sorted(best.items(), key=lambda item: item[1], reverse=True)
    return [page_id for page_id, _key in scored][:MAX_MATCHES]


def _scored(backend, text, language, operator, sign):
    """[((whole title, score), pk)] of one language's pages matching `text`."""
    stems = [light_stem(w, language) for w in query_words(text, language)]
    results = (
        backend.for_language(language)
        .search(
            PlainText(text, operator=operator),
            hub_pages([language]).only("pk", "title"),
        )
        .annotate_score("_search_score")
    )[:MAX_MATCHES]
    with backend.ranking():
        rows = list(_rows(results))
    scored = []
    for pk, title, score in rows:
        title_words = WORD_RE.findall(fold(title))
        whole_title = all(
            any(word.startswith(stem) for word in title_words) for stem in stems
        )
        scored.append(((whole_title, sign * (score or 0)), pk))
    return scored


def _rows(results):
    """(pk, title, score) of search results, without building Page objects when the
    backend exposes its queryset (PostgreSQL and SQLite do)."""
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return get_queryset().values_list("pk", "title", "_search_score")
    return [(page.pk, page.title, page._search_score) for page in results]


def suggest(backend, text, language, limit):
    if not query_words(text, keep_stopwords=True):
        return []
    results = backend.for_language(language).autocomplete(
        text, hub_pages([language]).only("pk", "title")
    )
    # Pages whose title has the words typed come first (the summary also matches).
    stems = query_words(text, language, keep_stopwords=True)
    found = [(page.pk, page.title) for page in results[: limit * 3]]
    found.sort(
        key=lambda item: (
            not all(
                any(word.startswith(stem) for word in WORD_RE.findall(fold(item[1])))
                for stem in stems
            )
        )
    )
    return [pk for pk, _title in found[:limit]]


def pages_for_display(page_ids):
    """{pk: page} with what a result shows, in one query: title, URL, type, language."""
    from hub.pages.localization import language_code

    pages = {}
    fields = ("id", "title", "url_path", "locale_id", "content_type_id", "path")
    for page in Page.objects.filter(pk__in=page_ids).only(*fields):
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        page.result_type = page_type(model)
        page.result_type_label = result_type_label(model)
        page.search_language = language_code(page.locale_id)
        pages[page.pk] = page
    return pages


def _snippets(page_ids, query):
    if not page_ids:
        return {}
    snippets = {}
    for page in Page.objects.filter(pk__in=page_ids).specific():
        from hub.pages.localization import language_code

        language = language_code(page.locale_id)
        words = query_words(query.text, language)
        texts = list(_texts(page))
        snippet = ""
        for text in texts:
            candidate = mark_matches(text, words, language, SNIPPET_LENGTH)
            if "<mark>" in candidate:
                snippet = candidate
                break
        if not snippet and texts:
            snippet = mark_matches(texts[0], words, language, SNIPPET_LENGTH)
        snippets[page.pk] = snippet
    return snippets


def _texts(page):
    """The summary, then the other searchable text fields, as plain text."""
    summary = getattr(page, "summary", "")
    if summary:
        yield summary
    for search_field in type(page).get_searchable_search_fields():
        if search_field.field_name in {"title", "summary", "search_related_names"}:
            continue
        value = search_field.get_value(page)
        if isinstance(value, list | tuple):
            value = " ".join(str(item) for item in value if item)
        if value:
            yield str(value)


def _date(value):
    import datetime

    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None
