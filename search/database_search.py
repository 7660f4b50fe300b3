"""Searching with the database backend (PostgreSQL or SQLite): Wagtail's full-text
search ranks the matching pages of each language, then the facet rows that the backend
keeps beside its index (search.PageFacet) give every page's facets in one query, and
the counting, filtering, sorting and paging happen here. A fixed number of queries,
whatever the number of results.

Snippets are cut from the page's summary (or the first text field that matches), and
the matched words marked after HTML escaping (search.text.mark_matches).
"""

import threading
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from modelsearch.query import PlainText
from wagtail.models import Locale, Page

from hub.glossary.expansion import expansions
from hub.pages.facets import filter_and_count
from hub.pages.search_data import FACETS, hub_page_models, page_type, result_type_label
from hub.pages.visibility import public_by_path, restricted_paths

from .backends.database import sql_with_params
from .outcome import FoundPage, Outcome
from .text import folded_words, light_stem, mark_matches, query_words

# Matches ranked per language: beyond, counts and facets stop growing (the engine has
# no such limit). 50,000 covers the largest benchmark corpus.
MAX_MATCHES = 50_000
SNIPPET_LENGTH = 220


def hub_pages(language_codes, public_pages=None):
    """Live, public hub pages in these languages (a queryset the backends accept).
    `public_pages` (from public_hub_pages()) saves reading the restrictions again."""
    locale_ids = Locale.objects.filter(language_code__in=language_codes).values("pk")
    if public_pages is None:
        public_pages = public_hub_pages()
    return public_pages.filter(locale_id__in=locale_ids)


def public_hub_pages(paths=None):
    """Live, public hub pages in every language; the restrictions read in one query
    (or given: `paths`, from restricted_paths())."""
    content_types = ContentType.objects.get_for_models(*hub_page_models()).values()
    return public_by_path(
        Page.objects.live().filter(content_type__in=list(content_types)), paths
    )


def search(backend, query, selected):
    from .models import PageFacet

    if query.text:
        shown_end = None
        if (
            connection.vendor == "postgresql"
            and query.sort != "date"
            and not any(selected.values())
        ):
            # By relevance, unfiltered: the page shown is the first pages in order.
            shown_end = query.page * query.per_page
        ranked, content_types = _ranked(backend, query, shown_end)
        if connection.vendor == "postgresql":
            # Filtered and counted by PostgreSQL (two queries); only the page of
            # results shown has its facet rows read.
            matching, counts, facets_of = _counted(
                ranked,
                query.sort == "date",
                selected,
                with_facts=True,
                shown=lambda matching: _page_slice(matching, query),
            )
            return _outcome(
                query, matching, counts, facets_of, len(ranked), content_types
            )
        rows = _facet_rows(ranked)
    else:  # filters alone: browse every page, newest first
        ranked = None
        rows = PageFacet.objects.filter(
            page__in=hub_pages(query.languages)
        ).values_list("page_id", "facet", "value")
    facets_of = _facets_of(rows)
    if ranked is None:
        ranked, content_types = list(facets_of), {}

    matching, counts = filter_and_count(
        ranked, lambda page_id: facets_of.get(page_id, {}), selected, FACETS
    )
    if query.sort == "date" or not query.text:
        # Newest first, undated last; stable, so relevance breaks ties.
        matching.sort(
            key=lambda page_id: max(facets_of.get(page_id, {}).get("date", {""})),
            reverse=True,
        )
    return _outcome(query, matching, counts, facets_of, len(ranked), content_types)


def count(backend, query, selected):
    """How many pages `search` would find, without ranking them or reading any of
    them (the offers of an empty page: the other language, the corrected words)."""
    if not query.text:
        return search(backend, query, selected).total
    matched = _matching_page_ids(backend, query)
    if len(matched) > MAX_MATCHES:  # the search keeps the best MAX_MATCHES only
        return search(backend, query, selected).total
    if not selected or not matched:
        return len(matched)
    if connection.vendor == "postgresql":
        return len(_passing(list(matched), selected))
    facets_of = _facets_of(_facet_rows(list(matched)))
    matching, _counts = filter_and_count(
        matched, lambda page_id: facets_of.get(page_id, {}), selected, FACETS
    )
    return len(matching)


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


def _selection_marks(selected):
    """SQL giving each facet row a bit when its value is one the reader chose in
    that facet (OR of a page's rows: the facets it passes), each facet's own bit, and
    the mark of a page passing them all, with their parameters."""
    chosen = [facet for facet in FACETS if selected.get(facet)]
    bits = {facet: 1 << position for position, facet in enumerate(chosen)}
    row_mark, row_params = ["CASE"], []
    for facet in chosen:
        row_mark.append("WHEN facet = %s AND value = ANY(%s) THEN " + str(bits[facet]))
        row_params += [facet, list(selected[facet])]
    row_mark.append("ELSE 0 END")
    facet_bit, facet_params = ["CASE"], []
    for facet in chosen:
        facet_bit.append("WHEN facet = %s THEN " + str(bits[facet]))
        facet_params.append(facet)
    facet_bit.append("ELSE 0 END")
    return (
        " ".join(row_mark),
        row_params,
        " ".join(facet_bit),
        facet_params,
        (1 << len(chosen)) - 1,
    )


_FACTS = (
    "max(value) FILTER (WHERE facet = 'date'), min(value) FILTER (WHERE facet = 'type')"
)


def _passing_sql(selected, with_facts):
    """(SQL, params) of the pages passing every chosen filter, among the page ids
    of a parameter: ('f', page_id, latest date, type, NULL) rows (NULL date and type
    without `with_facts`)."""
    from .models import PageFacet

    row_mark, row_params, _bit, _params, everything = _selection_marks(selected)
    facts = _FACTS if with_facts else "NULL, NULL"
    return (
        f"SELECT 'f', page_id, {facts}, NULL FROM {PageFacet._meta.db_table} "
        "WHERE page_id = ANY(%s) GROUP BY page_id "
        f"HAVING bit_or({row_mark}) = %s",
        lambda page_ids: [page_ids, *row_params, everything],
    )


def _passing(page_ids, selected):
    """The pks among `page_ids` passing every chosen filter."""
    sql, params = _passing_sql(selected, with_facts=False)
    with connection.cursor() as cursor:
        cursor.execute(sql, params(page_ids))
        return {row[1] for row in cursor.fetchall()}


def _counted(ranked, by_date, selected=None, with_facts=False, shown=None):
    """(pages in order, {facet: {value: count}}) of ranked pages, filtered and counted
    by PostgreSQL in one statement with the same rule as filter_and_count: values of
    a facet combine with OR, facets with AND, and a value counts the pages that have
    it among those passing every *other* facet's filter (a page counts once per value
    it has). Dates are read only to sort by them.

    `with_facts`: a third item, {pk: {"date": {...}, "type": {...}}} (as _facets_of
    gives) of the pages that may be shown: those passing the filters, or sorted by
    date, or else those `shown(matching)` names (the slice of the page of results)."""
    from .models import PageFacet

    table = PageFacet._meta.db_table
    counts = {facet: {} for facet in FACETS}
    if not ranked:
        return (ranked, counts, {}) if with_facts else (ranked, counts)
    selected = {facet: keys for facet, keys in (selected or {}).items() if keys}
    # Rows: (kind, page_id, facet or date, value or type, count); kind "c" for a
    # count, "f" for a page's date and type (and its passing the filters), "r" for
    # a facet row of a page shown.
    if len(selected) > 1:
        statements = [_counted_sql(selected, ranked, by_date or with_facts)]
    elif selected:
        row_mark, row_params, facet_bit, facet_params, everything = _selection_marks(
            selected
        )
        # A page's mark says which chosen filters it passes; one of its rows counts
        # when the page passes every filter but (at most) the row's own.
        statements = [
            (
                f"WITH marks AS (SELECT page_id, bit_or({row_mark}) AS mark "
                f"FROM {table} WHERE page_id = ANY(%s) GROUP BY page_id) "
                f"SELECT 'c', NULL::integer, facet, value, count(*) FROM {table} "
                "JOIN marks USING (page_id) "
                f"WHERE (marks.mark | {facet_bit}) = %s GROUP BY facet, value",
                [*row_params, ranked, *facet_params, everything],
            )
        ]
        sql, params = _passing_sql(selected, with_facts=by_date or with_facts)
        statements.append((sql, params(ranked)))
    else:
        statements = [
            (
                "SELECT 'c', NULL::integer, facet, value, count(*) "
                f"FROM {table} WHERE page_id = ANY(%s) GROUP BY facet, value",
                [ranked],
            )
        ]
        if by_date:
            statements.append(
                (
                    f"SELECT 'f', page_id, {_FACTS}, NULL FROM {table} "
                    "WHERE facet IN ('date', 'type') AND page_id = ANY(%s) "
                    "GROUP BY page_id",
                    [ranked],
                )
            )
        elif with_facts and shown is not None:
            # Without filters the pages in order are the ranked ones: the page of
            # results shown is known before counting.
            statements.append(
                (
                    f"SELECT 'r', page_id, facet, value, NULL FROM {table} "
                    "WHERE page_id = ANY(%s)",
                    [list(shown(ranked))],
                )
            )
    sql = " UNION ALL ".join(f"({statement})" for statement, _params in statements)
    params = [param for _statement, params in statements for param in params]
    passing, rows = {}, []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, page_id, first, second, number in cursor.fetchall():
            if kind == "c":
                if first in counts:
                    counts[first][second] = number
            elif kind == "f":
                passing[page_id] = (first, second)
            else:
                rows.append((page_id, first, second))
    if selected:
        ranked = [pk for pk in ranked if pk in passing]
    if by_date:
        # Newest first, undated last; stable, so relevance breaks ties.
        ranked = sorted(
            ranked,
            key=lambda pk: (passing[pk][0] or "") if pk in passing else "",
            reverse=True,
        )
    if not with_facts:
        return ranked, counts
    if selected or by_date:
        facts = {
            pk: {
                name: {value}
                for name, value in (("date", date), ("type", kind))
                if value
            }
            for pk, (date, kind) in passing.items()
        }
    else:
        facts = _facets_of(rows)
    return ranked, counts, facts


def _counted_sql(selected, page_ids, with_facts):
    """(SQL, params) of the counts ('c' rows) and the pages passing every filter
    ('f' rows, as _passing_sql gives them) among `page_ids`, for two chosen facets
    or more. A page's mark (the chosen filters it passes) is read from its rows
    holding a chosen value alone (the facet-value index finds them); only the pages
    failing one filter at most can count, so only their rows are read (the
    page-facet index), instead of every row of every matching page, twice: for a
    broad word with three filters at 10,000 pages, 37,000 rows read and marked in
    about 37 ms became about 4,000 rows in 11. Same counts: with two filters or
    more, a page counting somewhere passes one of them, so it has a mark."""
    from .models import PageFacet

    table = PageFacet._meta.db_table
    row_mark, row_params, facet_bit, facet_params, everything = _selection_marks(
        selected
    )
    chosen = [facet for facet in FACETS if selected.get(facet)]
    chosen_rows = " OR ".join("(facet = %s AND value = ANY(%s))" for _f in chosen)
    chosen_params = [param for f in chosen for param in (f, list(selected[f]))]
    facts = _FACTS if with_facts else "NULL, NULL"
    # The filters a page fails: none, or a single one (a power of two).
    failed = f"({everything} & ~mark)"
    sql = (
        f"WITH marks AS MATERIALIZED (SELECT page_id, bit_or({row_mark}) AS mark "
        f"FROM {table} WHERE page_id = ANY(%s) AND ({chosen_rows}) "
        "GROUP BY page_id), "
        "counting AS MATERIALIZED (SELECT page_id, mark FROM marks "
        f"WHERE ({failed} & ({failed} - 1)) = 0) "
        f"(SELECT 'c', NULL::integer, facet, value, count(*) FROM {table} "
        f"JOIN counting USING (page_id) WHERE (counting.mark | {facet_bit}) = %s "
        "GROUP BY facet, value) "
        f"UNION ALL (SELECT 'f', page_id, {facts}, NULL FROM {table} "
        "WHERE page_id IN (SELECT page_id FROM counting WHERE mark = %s) "
        "GROUP BY page_id)"
    )
    params = [
        *row_params,
        list(page_ids),
        *chosen_params,
        *facet_params,
        everything,
        everything,
    ]
    return sql, params


def _page_slice(matching, query):
    """The pks of the page of results shown (the last page when out of range)."""
    last_page = max(1, -(-len(matching) // query.per_page))
    start = (min(query.page, last_page) - 1) * query.per_page
    return matching[start : start + query.per_page]


def _outcome(
    query, matching, counts, facets_of, total_without_filters, content_types=None
):
    total = len(matching)
    last_page = max(1, -(-total // query.per_page))
    page = min(query.page, last_page)
    start = (page - 1) * query.per_page
    shown = matching[start : start + query.per_page]
    snippets, pages = _snippets(shown, query, content_types or {})
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
        pages=pages,
    )


def _ranked_page_ids(backend, query):
    """Pks of the pages matching all the words (else any of them), best first: pages
    whose title has every word, then by the backend's rank. Each language is searched
    with its own analysis, then the languages are merged. Text without a word ("%",
    "--", an emoji) finds nothing, without asking the backend."""
    return _ranked(backend, query)[0]


def _ranked(backend, query, shown_end=None):
    """(_ranked_page_ids, {pk: content type id} of those pages).

    `shown_end`: only the first `shown_end` pages' order is needed (relevance, no
    filter). A single search on PostgreSQL then scores only the pages whose title
    may have every word (_partly_scored), when there are `shown_end` of them: those
    come first whatever their score, so the pages up to `shown_end` are the same, in
    the same order, and the others are counted without reading their text's vector.
    Should a page whose title has every word lack a score, or be too few of them,
    the search is sent again with every page scored."""
    searches = _searches(backend, query, ranked=True, shown_end=shown_end)
    if shown_end is not None and _partly_scored(searches, shown_end):
        searches = _searches(backend, query, ranked=True)
    best, content_types = {}, {}
    sign = 1 if getattr(backend, "higher_score_is_better", True) else -1
    title_key = _title_key
    done = set()
    for language, text, found in searches:
        stems = [light_stem(w, language) for w in query_words(text, language)]
        # Whether every stem starts a word of the title, for thousands of rows
        # on a common word.
        needles = tuple(" " + stem for stem in stems)
        if (id(found), needles) in done:  # a wording with the same rows and stems
            continue
        done.add((id(found), needles))
        single = needles[0] if len(needles) == 1 else None
        for pk, title, score, content_type_id in found:
            words = title_key(title)
            if single is not None:
                every = single in words
            else:
                every = all(needle in words for needle in needles)
            key = (every, sign * (score or 0))
            kept = best.get(pk)
            if kept is None or key > kept:  # the best of its searches
                best[pk] = key
            content_types[pk] = content_type_id
    ranked = sorted(best, key=best.__getitem__, reverse=True)
    return ranked[:MAX_MATCHES], content_types


def _partly_scored(searches, shown_end):
    """Whether rows without a score leave the pages up to `shown_end` unknown:
    a page whose title has every word without a score, or fewer than `shown_end`
    such pages."""
    scores = (score for _l, _t, found in searches for _p, _t2, score, _c in found)
    if not any(score is None for score in scores):
        return False
    for language, text, found in searches:
        if len(found) > MAX_MATCHES:  # the full ranking keeps the best ones only
            return True
        stems = [light_stem(w, language) for w in query_words(text, language)]
        needles = [" " + stem for stem in stems]
        every = 0
        for _pk, title, score, _content_type_id in found:
            words = _title_key(title)
            if all(needle in words for needle in needles):
                if score is None:
                    return True
                every += 1
        if every < shown_end:
            return True
    return False


def _matching_page_ids(backend, query):
    """The pks `_ranked_page_ids` finds, as a set, unranked (no score computed)."""
    matched = set()
    for _language, _text, found in _searches(backend, query, ranked=False):
        matched.update(pk for (pk,) in found)
    return matched


def _searches(backend, query, ranked, shown_end=None):
    """(language, text, rows) of each search a query needs: the words in each
    language searched, with the glossary's other wordings, all of them required
    first, then any of them if that finds nothing. Rows are (pk, title, score,
    content type id), or (pk,) when not `ranked`. The restrictions are read once,
    and the searches of each pass go to the database together (backend.fetch_all).
    `shown_end` (a single search on PostgreSQL): scores only where _partly_scored
    says, the other rows' score None."""
    if not query_words(query.text, keep_stopwords=True):
        return []
    # The glossary's other wordings of a term the query names, in each language
    # searched (hub.glossary.expansion): "social landlord" also asks "bailleur social".
    alternatives = expansions(query.text, query.languages)
    paths = tuple(restricted_paths())  # the rule's one query, at every search
    public_pages = lru_cache(maxsize=1)(lambda: public_hub_pages(paths))
    searches = [
        (language, text)
        for language in query.languages
        for text in [query.text, *alternatives[language]]
    ]
    # Both backends compile a search from its language and its words alone
    # (query_words, stop words kept): wordings with the same words are one search
    # ("tiers-lieu" and "tiers lieu"; "tiers-lieux" and "tiers lieux").
    distinct = {}
    for language, text in searches:
        distinct.setdefault(
            (language, tuple(query_words(text, keep_stopwords=True))), text
        )
    if len(distinct) > 1 or connection.vendor != "postgresql":
        shown_end = None
    for operator in ("and", "or"):
        querysets = [
            _statement(
                backend,
                (language, words, operator, ranked, shown_end, paths),
                lambda language=language, text=text, operator=operator: _queryset(
                    backend,
                    text,
                    language,
                    operator,
                    public_pages(),
                    ranked,
                    shown_end,
                ),
            )
            for (language, words), text in distinct.items()
        ]
        found = dict(zip(distinct, backend.fetch_all(querysets), strict=True))
        if any(found.values()) or len(query_words(query.text)) < 2:
            break
    return [
        (
            language,
            text,
            found[(language, tuple(query_words(text, keep_stopwords=True)))],
        )
        for language, text in searches
    ]


# The (SQL, params) of the searches lately run by this process, by what they depend
# on: the language, the words (query_words, stop words kept: both backends compile
# a search from them alone), AND or OR, ranked or not, the pages scored
# (_partly_scored_sql) and the restricted paths of the visibility rule, read at
# every search. Building one (modelsearch's query, then Django's SQL) cost about a
# fifth of a search page's CPU on SQLite; a reader who filters, sorts or pages
# through results runs the same words again, as do common searches.
_STATEMENTS = {}
_STATEMENTS_KEPT = 512
_STATEMENTS_LOCK = threading.Lock()


def _statement(backend, key, build):
    """The (SQL, params) of `build()`'s queryset (or pair), kept under `key` for
    this database, backend and set of hub page types (their content type ids are
    in the SQL)."""
    content_types = ContentType.objects.get_for_models(*hub_page_models()).values()
    key = (
        connection.alias,
        connection.vendor,
        type(backend),
        frozenset(content_type.pk for content_type in content_types),
        *key,
    )
    with _STATEMENTS_LOCK:
        found = _STATEMENTS.pop(key, None)
    if found is None:
        sql, params = sql_with_params(build())
        found = (sql, tuple(params))
    with _STATEMENTS_LOCK:
        _STATEMENTS.pop(key, None)
        while len(_STATEMENTS) >= _STATEMENTS_KEPT:
            del _STATEMENTS[next(iter(_STATEMENTS))]  # the least lately used
        _STATEMENTS[key] = found  # last: the most lately used
    return found


def _queryset(backend, text, language, operator, public_pages, ranked, shown_end=None):
    """A values_list queryset of one language's pages matching `text` (with
    `shown_end`, on PostgreSQL, the (SQL, params) of _partly_scored_sql)."""
    pages = hub_pages([language], public_pages)
    if shown_end is not None:
        return _partly_scored_sql(backend, text, language, operator, pages, shown_end)
    search = backend.for_language(language).search
    if not ranked:
        results = search(
            PlainText(text, operator=operator),
            pages.only("pk"),
            order_by_relevance=False,
        )
        return results.get_queryset().values_list("pk")
    results = search(
        PlainText(text, operator=operator), pages.only("pk", "title")
    ).annotate_score("_search_score")[:MAX_MATCHES]
    return results.get_queryset().values_list(
        "pk", "title", "_search_score", "content_type_id"
    )


def _partly_scored_sql(backend, text, language, operator, pages, shown_end):
    """(SQL, params) of a ranked search's rows (pk, title, score, content type id),
    in its order (score, then pk, descending), where only the pages whose title
    vector has a word starting with each of the query's light stems are scored,
    unless fewer than `shown_end` pages have that: the others' score is NULL, so
    their text's vector is never read (reading it is most of the search's time on
    a common word). The title vector holds the folded title's words (its neutral
    copy), so a title with every word (as _ranked checks it) normally has this;
    _partly_scored checks it. The score is modelsearch's own expression."""
    stems = [light_stem(w, language) for w in query_words(text, language)]
    language_backend = backend.for_language(language)
    results = language_backend.search(
        PlainText(text, operator=operator),
        pages.only("pk", "title"),
        order_by_relevance=False,
    )
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    compiler = results.query_compiler
    queryset = results.get_queryset().order_by()
    rank = compiler._build_rank_expression(
        compiler.get_index_vectors(None), compiler.get_config(language_backend)
    ).resolve_expression(queryset.query, allow_joins=True, reuse=None)
    rank_sql, rank_params = queryset.query.get_compiler(connection=connection).compile(
        rank
    )
    sql, params = queryset.values_list("pk", "title").query.sql_with_params()
    head, sep, tail = sql.partition(" FROM ")
    entry = IndexEntry._meta.db_table
    hit = f'"{entry}"."title" @@ to_tsquery(\'simple\', %s)'
    prefixes = " & ".join(f"'{stem}':*" for stem in stems)
    score = (
        f"CASE WHEN {hit} OR count(*) FILTER (WHERE {hit}) OVER () < %s "
        f"THEN {rank_sql} END"
    )
    return (
        f'{head}, {score} AS "_search_score", '
        f'"{Page._meta.db_table}"."content_type_id"{sep}{tail} '
        "ORDER BY 3 DESC, 1 DESC",
        [prefixes, prefixes, shown_end, *rank_params, *params],
    )


@lru_cache(maxsize=200_000)
def _title_key(title):
    """ " word word": a title's folded words, each after a space (see folded_words)."""
    words = folded_words(title)
    return "".join(" " + word for word in words)


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


DISPLAY_FIELDS = ("id", "title", "url_path", "locale_id", "content_type_id", "path")
# What hub.pages.dates.list_date_precision reads, on the page types that have it.
PRECISION_FIELDS = (
    "date_precision",
    "publication_date",
    "publication_date_precision",
    "start_date",
    "start_date_precision",
)


def pages_for_display(page_ids, with_precision=False):
    """{pk: page} with what a result shows: title, URL, type, language, in one
    query; `with_precision`, also the fields its date's precision is read from, on
    the page types that have them (one more query for each of those types)."""
    pages = list(Page.objects.filter(pk__in=page_ids).only(*DISPLAY_FIELDS))
    if with_precision:
        by_type = {}
        for page in pages:
            by_type.setdefault(page.content_type_id, []).append(page.pk)
        specific = {}
        for content_type_id, pks in by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            names = {field.name for field in model._meta.concrete_fields}
            precision = [name for name in PRECISION_FIELDS if name in names]
            if precision:
                specific.update(
                    (page.pk, page)
                    for page in model.objects.filter(pk__in=pks).only(
                        *DISPLAY_FIELDS, *precision
                    )
                )
        pages = [specific.get(page.pk, page) for page in pages]
    return _for_display(pages)


def _for_display(pages):
    from hub.pages.localization import language_code

    shown = {}
    for page in pages:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        page.result_type = page_type(model)
        page.result_type_label = result_type_label(model)
        page.search_language = language_code(page.locale_id)
        shown[page.pk] = page
    return shown


def _snippets(page_ids, query, content_types):
    """({pk: snippet}, {pk: page ready for display}) of the results shown: the
    specific pages give both, one query per page type among them."""
    if not page_ids:
        return {}, {}
    from hub.pages.localization import language_code

    snippets, words_of = {}, {}
    pages = _specific_pages(page_ids, content_types)
    for page in pages:
        language = language_code(page.locale_id)
        if language not in words_of:
            words_of[language] = query_words(query.text, language)
        words = words_of[language]
        # The first text with a match, else the first text: the texts are read one
        # by one (a rich text body is stripped of its tags only if no text before
        # it matched).
        snippet = None
        for text in _texts(page):
            candidate = mark_matches(text, words, language, SNIPPET_LENGTH)
            if snippet is None:
                snippet = candidate
            if "<mark>" in candidate:
                snippet = candidate
                break
        snippets[page.pk] = snippet or ""
    return snippets, _for_display(pages)


def _specific_pages(page_ids, content_types):
    """The specific pages of these pks, in this order, one query per page type;
    `content_types` ({pk: content type id}, from the search) saves Wagtail's query
    for them (a single query joining every type's table was tried: on tables too
    small for autovacuum to analyse, PostgreSQL estimated millions of rows and spent
    seconds compiling it)."""
    by_type, unknown = {}, []
    for pk in page_ids:
        if pk in content_types:
            by_type.setdefault(content_types[pk], []).append(pk)
        else:
            unknown.append(pk)
    found = {}
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        found.update((page.pk, page) for page in _typed_pages(model, pks))
    if unknown:
        found.update(
            (page.pk, page) for page in Page.objects.filter(pk__in=unknown).specific()
        )
    return [found[pk] for pk in page_ids if pk in found]


# A page of results holds at most this many pages of one type; past it (never in the
# hub's pages of ten) the query is built each time.
_COMPILED_PAGE_SIZE = 50


def _typed_pages(model, pks):
    """The `model` pages of these pks with the columns of _snippet_columns. Building
    this query cost more CPU than running it (five page types on a page of results,
    about a fifth of the search's time on SQLite), so it is compiled once per
    connection and number of pks (hub.pages.localization.compiled_rows) and run with
    each search's pks."""
    from hub.pages.localization import compiled_rows

    columns = _snippet_columns(model)

    def build(**ids):
        pages = model.objects.filter(pk__in=[ids[f"p{n}"] for n in range(len(ids))])
        return pages.only(*columns) if columns else pages

    ids = {f"p{n}": pk for n, pk in enumerate(pks)}
    if len(pks) > _COMPILED_PAGE_SIZE:
        return list(build(**ids))
    return compiled_rows(model, ("result snippets", len(pks)), build, **ids)


_SNIPPET_COLUMNS = {}


def _snippet_columns(model):
    """The columns a result's snippet and display read of a `model` page: what
    _texts and _for_display read, and the date's precision (list_date_precision);
    None (every column) if one of its searchable fields is not a column. A page type
    has some forty columns, its text blocks among them: loading only these halves
    the cost of a page of results."""
    if model not in _SNIPPET_COLUMNS:
        names = {field.name for field in model._meta.concrete_fields}
        precision = (name for name in PRECISION_FIELDS if name in names)
        wanted = [*DISPLAY_FIELDS, *precision]
        for search_field in model.get_searchable_search_fields():
            name = search_field.field_name
            if name in {"title", "search_related_names"} or name in wanted:
                continue
            if name not in names:
                wanted = None
                break
            wanted.append(name)
        if wanted is not None and "summary" in names and "summary" not in wanted:
            wanted.append("summary")
        _SNIPPET_COLUMNS[model] = wanted
    return _SNIPPET_COLUMNS[model]


def _texts(page):
    """The summary, then the other searchable text fields, as plain text."""
    summary = getattr(page, "summary", "")
    if summary:
        yield summary
    for search_field in type(page).get_searchable_search_fields():
        if search_field.field_name in {"title", "summary", "search_related_names"}:
            continue
        field = _text_column(type(page), search_field)
        if field is not None:
            raw = field.value_from_object(page)
            if isinstance(raw, str):
                value = _plain_text(field, raw)
                if value:
                    yield value
                continue
        value = _joined(search_field.get_value(page))
        if value:
            yield value


def _joined(value):
    if isinstance(value, list | tuple):
        value = " ".join(str(item) for item in value if item)
    return str(value) if value else ""


_TEXT_COLUMNS = {}


def _text_column(model, search_field):
    """The column of a searchable field whose text the field itself extracts (a rich
    text: its tags stripped), else None."""
    key = (model, search_field.field_name)
    if key not in _TEXT_COLUMNS:
        try:
            field = search_field.get_field(model)
        except FieldDoesNotExist:
            field = None
        if not hasattr(field, "get_searchable_content") or not field.concrete:
            field = None
        _TEXT_COLUMNS[key] = field
    return _TEXT_COLUMNS[key]


@lru_cache(maxsize=1024)  # the texts of some twenty pages of results
def _plain_text(field, raw):
    """What modelsearch's SearchField.get_value gives of a text column, as one string:
    kept per process for each text as stored (parsing a rich text to strip its tags
    was a fifth of a search's time), so an edited text is simply another key."""
    return _joined(field.get_searchable_content(raw))


def _date(value):
    import datetime

    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None
