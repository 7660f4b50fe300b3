"""The hub's SQLite search backend (see database.py): prefix queries of light stems."""

from contextlib import contextmanager

from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText

from search.text import light_stem, query_words

from .database import FacetRowsIndexMixin


class HubSQLiteIndex(FacetRowsIndexMixin, SQLiteIndex):
    pass


class HubSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        words = query_words(query.query_string, keep_stopwords=True)
        if not words:
            return None
        lexemes = None
        for word in words:
            lexeme = Lexeme(light_stem(word), prefix=True)
            if lexemes is None:
                lexemes = lexeme
            elif query.operator.upper() == "AND":
                lexemes &= lexeme
            else:
                lexemes |= lexeme
        return SearchQueryExpression(lexemes, config=config)


class HubSQLiteAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            words = query_words(query.query_string, keep_stopwords=True)
            if words:
                query = PlainText(" ".join(words), operator=query.operator)
        return super().build_search_query_content(query, config=config)


class HubSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = HubSQLiteIndex
    query_compiler_class = HubSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = HubSQLiteAutocompleteQueryCompiler
    is_search_engine = False
    higher_score_is_better = False  # FTS5's bm25() is negative, best first

    def for_language(self, language):
        return self

    @contextmanager
    def ranking(self):
        yield
