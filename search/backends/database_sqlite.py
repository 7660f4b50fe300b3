"""The hub's SQLite search backend (see database.py): prefix queries of light stems.

Every query that reaches FTS5 is built here from the query's words (letters and digits
only, search.text.query_words), each one a quoted FTS5 string: nothing a reader types
can form FTS5 syntax. modelsearch's own compiler is not safe for that: it returns no
expression at all for a query without words ("%", "--", "*?~^:\\/", an emoji), which
fails while the SQL is compiled (AttributeError), and puts terms between double quotes
without escaping them, so a term with a double quote is an FTS5 syntax error. A query
without words is FTS5's empty string "", which matches no row (and, beside other
words, drops out of an OR and empties an AND).
"""

from django.db import connection
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText

from search.text import light_stem, query_words

from .database import FacetRowsIndexMixin, split_rows, sql_with_params, union_sql


class HubSQLiteIndex(FacetRowsIndexMixin, SQLiteIndex):
    pass


def combined(lexemes, operator):
    """The lexemes joined by AND or OR; no lexeme at all matches nothing."""
    if not lexemes:
        return Lexeme("")
    result = lexemes[0]
    for lexeme in lexemes[1:]:
        result = result & lexeme if operator.upper() == "AND" else result | lexeme
    return result


class WordsOnlyMixin:
    """Plain text and phrase queries compiled from their words alone."""

    def word_lexemes(self, words):
        raise NotImplementedError

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            words = query_words(query.query_string, keep_stopwords=True)
            lexemes = self.word_lexemes(words)
            return SearchQueryExpression(
                combined(lexemes, query.operator), config=config
            )
        if isinstance(query, Phrase):
            words = query_words(query.query_string, keep_stopwords=True)
            return SearchQueryExpression(Lexeme(" ".join(words)), config=config)
        return super().build_search_query_content(query, config=config)


class HubSQLiteSearchQueryCompiler(WordsOnlyMixin, SQLiteSearchQueryCompiler):
    def word_lexemes(self, words):
        # FTS5 cannot stem: "entreprises" is looked for as entrepris*.
        return [Lexeme(light_stem(word), prefix=True) for word in words]


class HubSQLiteAutocompleteQueryCompiler(
    WordsOnlyMixin, SQLiteAutocompleteQueryCompiler
):
    def word_lexemes(self, words):
        # As typed: the words so far are whole, the last one is being typed.
        return [
            Lexeme(word, prefix=position == len(words) - 1)
            for position, word in enumerate(words)
        ]


class HubSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = HubSQLiteIndex
    query_compiler_class = HubSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = HubSQLiteAutocompleteQueryCompiler
    is_search_engine = False
    higher_score_is_better = False  # FTS5's bm25() is negative, best first

    def for_language(self, language):
        return self

    def fetch_all(self, querysets):
        """The rows of each queryset (values_list querysets of searches), in one
        statement when there are several."""
        querysets = list(querysets)
        if not querysets:
            return []
        if len(querysets) == 1:  # one search as it is: no union to number and sort
            sql, params = sql_with_params(querysets[0])
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return [cursor.fetchall()]
        sql, params = union_sql(querysets)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return split_rows(cursor.fetchall(), len(querysets))
