"""Searching with the database backend (PostgreSQL or SQLite): Wagtail's full-text
search ranks the matching pages of each language, then the facet rows that the backend
keeps beside its index (search.PageFacet) give every page's facets in one query, and
the counting, filtering, sorting and paging happen here. A fixed number of queries,
whatever the number of results.

Snippets are cut from the page's summary (or the first text field that matches), and
the matched words marked after HTML escaping (search.text.mark_matches).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.query import PlainText
from wagtail.models import Locale, Page

from hub.glossary.expansion import expansions
from hub.pages.facets import filter_and_count
from hub.pages.search_data import FACETS, hub_page_models, page_type, result_type_label
from hub.pages.visibility import public_by_path

from .outcome import FoundPage, Outcome
from .text import folded_words, light_stem, mark_matches, query_words

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
        if not selected and connection.vendor == "postgresql":
            # Words alone, the usual search: counted by PostgreSQL.
            matching, counts = _counted(ranked, query.sort == "date")
            facets_of = _facets_of(_facet_rows(_page_slice(matching, query)))
            return _outcome(query, matching, counts, facets_of, len(ranked))
        rows = _facet_rows(ranked)
    else:  # filters alone: browse every page, newest first
        ranked = None
        rows = PageFacet.objects.filter(
            page__in=hub_pages(query.languages)
        ).values_list("page_id", "facet", "value")
    facets_of = _facets_of(rows)
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
    return _outcome(query, matching, counts, facets_of, len(ranked))


def _facet_rows(page_ids):
    """(page_id, facet, value) of these pages. On PostgreSQL the pks go as one array
    parameter and the rows come back as plain tuples: for thousands of matches the
    ORM's per-parameter and per-row work cost more than the query."""
    from .models import PageFacet

    if not page_ids:
        return []
    if connection.vendor != "postgresql":
        return PageFacet.objects.filter(page_id__in=page_ids).values_list(
            "page_id", "facet", "value"
        )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT page_id, facet, value FROM {PageFacet._meta.db_table} "
            "WHERE page_id = ANY(%s)",
            [list(page_ids)],
        )
        return cursor.fetchall()


def _facets_of(rows):
    """{page_id: {facet: set of values}}, in the order pages first appear."""
    facets_of = {}
    for page_id, facet, value in rows:
        page_facets = facets_of.get(page_id)
        if page_facets is None:
            page_facets = facets_of[page_id] = {}
        values = page_facets.get(facet)
        if values is None:
            page_facets[facet] = {value}
        else:
            values.add(value)
    return facets_of


def _counted(ranked, by_date):
    """(pages in order, {facet: {value: count}}) of ranked pages with no filter, the
    counts grouped by PostgreSQL (the same counts as filter_and_count: a page counts
    once per value it has), dates read only to sort by them."""
    from .models import PageFacet

    table = PageFacet._meta.db_table
    counts = {facet: {} for facet in FACETS}
    if not ranked:
        return ranked, counts
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT facet, value, count(*) FROM {table} "
            "WHERE page_id = ANY(%s) GROUP BY facet, value",
            [ranked],
        )
        for facet, value, count in cursor.fetchall():
            if facet in counts:
                counts[facet][value] = count
        if not by_date:
            return ranked, counts
        cursor.execute(
            f"SELECT page_id, max(value) FROM {table} "
            "WHERE facet = 'date' AND page_id = ANY(%s) GROUP BY page_id",
            [ranked],
        )
        dates = dict(cursor.fetchall())
    # Newest first, undated last; stable, so relevance breaks ties.
    return sorted(ranked, key=lambda pk: dates.get(pk, ""), reverse=True), counts


def _page_slice(matching, query):
    """The pks of the page of results shown (the last page when out of range)."""
    last_page = max(1, -(-len(matching) // query.per_page))
    start = (min(query.page, last_page) - 1) * query.per_page
    return matching[start : start + query.per_page]


def _outcome(query, matching, counts, facets_of, total_without_filters):
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
        total_without_filters=total_without_filters,
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
        title_words = folded_words(title)
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
                any(word.startswith(stem) for word in folded_words(item[1]))
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
