"""The hub's PostgreSQL search backend (see database.py)."""

import copy

from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction
from django.db.models import TextField, Value
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    InsertQuery,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    SearchVector,
    get_content_type_pk,
)
from modelsearch.query import Phrase, PlainText

from hub.pages.search_data import is_hub_page_model
from search.text import fold, query_words

from .database import FacetRowsIndexMixin, split_rows, sql_with_params, union_sql

LANGUAGE_CONFIGS = {"en": "english", "fr": "french"}
NEUTRAL_CONFIG = "simple"


class LanguageObjectIndexer(ObjectIndexer):
    """A hub page's vectors in its language's configuration plus a neutral copy."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.language_config = None
        if is_hub_page_model(type(obj)):
            from hub.pages.localization import language_code

            self.language_config = LANGUAGE_CONFIGS.get(language_code(obj.locale_id))

    def as_vector(self, texts, for_autocomplete=False):
        texts = [(fold(text), weight) for text, weight in texts]
        neutral = super().as_vector(texts, for_autocomplete=for_autocomplete)
        texts = [(text.strip(), weight) for text, weight in texts if text.strip()]
        if for_autocomplete or not self.language_config or not texts:
            return neutral
        vectors = [
            SearchVector(
                Value(text, output_field=TextField()),
                weight=weight,
                config=self.language_config,
            )
            for text, weight in texts
        ]
        # The neutral copy at the lowest weight, for language-blind queries.
        vectors += [
            SearchVector(
                Value(text, output_field=TextField()), weight="D", config=NEUTRAL_CONFIG
            )
            for text, _weight in texts
        ]
        combined = vectors[0]
        for vector in vectors[1:]:
            combined = combined._combine(vector, "||", False)
        return combined


class LanguagePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        # modelsearch's PostgresIndex.add_items, with LanguageObjectIndexer.
        if not model.get_search_fields():
            return
        indexers = [LanguageObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(
            connection=self.write_connection
        )
        rows_sql, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors_sql = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(
                    IndexEntry._meta.get_field(name), getattr(indexer, name)
                )
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors_sql.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            title, autocomplete, body = vectors_sql
            rows_sql.append(f"(%s, %s, {title}, {autocomplete}, {body}, 1.0, %s, %s)")
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, "  # noqa: S608
                "autocomplete, body, title_norm, title_text, body_text) "
                f"(VALUES {', '.join(rows_sql)}) "
                "ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                "title = EXCLUDED.title, title_norm = 1.0, "
                "autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body, "
                "title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
        self._refresh_title_norms()


class HubPostgresIndex(FacetRowsIndexMixin, LanguagePostgresIndex):
    pass


class FoldedWordsMixin:
    """Plain text and phrase queries reach PostgreSQL as their folded words only
    (search.text.query_words), like the indexed text. A query without words ("%",
    "--", a NUL byte, an emoji) is the empty tsquery, which matches nothing: given
    as typed, modelsearch would send it to PostgreSQL, which refuses a NUL byte."""

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText | Phrase):
            words = query_words(query.query_string, keep_stopwords=True)
            if not words:
                return SearchQuery("", search_type="plain", config=config)
            if isinstance(query, Phrase):
                query = Phrase(" ".join(words))
            else:
                query = PlainText(" ".join(words), operator=query.operator)
        return super().build_tsquery_content(query, config, invert)


class HubPostgresSearchQueryCompiler(FoldedWordsMixin, PostgresSearchQueryCompiler):
    pass


class HubPostgresAutocompleteQueryCompiler(
    FoldedWordsMixin, PostgresAutocompleteQueryCompiler
):
    pass


class HubPostgresSearchBackend(PostgresSearchBackend):
    index_class = HubPostgresIndex
    query_compiler_class = HubPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = HubPostgresAutocompleteQueryCompiler
    is_search_engine = False

    def __init__(self, params):
        super().__init__(params)
        self.config = self.config or NEUTRAL_CONFIG

    def for_language(self, language):
        """This backend, querying with `language`'s configuration."""
        variant = copy.copy(self)
        variant.config = LANGUAGE_CONFIGS.get(language, NEUTRAL_CONFIG)
        return variant

    # PostgreSQL estimates that a query of two words or more matches one index entry
    # when the ``title || body`` expression has no statistics yet, and then joins the
    # pages to the entries in a nested loop: 18 million comparisons and 21 s for
    # "training course" on 10,000 pages; without nested loops it hash-joins in 0.3 s.
    # Once ANALYZE has read the expression index, a word found on most pages
    # ("social") is estimated right but answered by a sequential scan that
    # concatenates every entry's vectors (150 ms at 10,000 pages) where the GIN index
    # takes 40 ms. Both plans are ruled out for the searches only.
    PLANNER_SETTINGS = ("enable_nestloop", "enable_seqscan")

    def fetch_all(self, querysets):
        """The rows of each queryset (values_list querysets of searches, or their
        (SQL, params)), in one statement: each search's rows in its own order, the
        planner settings above applied to it alone."""
        querysets = list(querysets)
        if not querysets:
            return []
        if len(querysets) == 1:
            # One search (most queries) as it is: no union to number and sort.
            sql, params = sql_with_params(querysets[0])
        else:
            sql, params = union_sql(querysets)
        settings = "".join(
            f"SET LOCAL {name} = off; " for name in self.PLANNER_SETTINGS
        )
        reset = "".join(
            f"SET LOCAL {name} TO DEFAULT; " for name in self.PLANNER_SETTINGS
        )
        with connection.cursor() as cursor:
            if connection.Database.__name__ != "psycopg2":
                # A driver binding on the server takes one statement at a time.
                nested = connection.in_atomic_block
                with transaction.atomic():
                    cursor.execute(settings)
                    cursor.execute(sql, params)
                    found = cursor.fetchall()
                    if nested:
                        cursor.execute(reset)
            else:
                # Several statements in one query string run in one transaction,
                # which the SET LOCAL settings end with: one round trip. Inside a
                # transaction (tests), they would last until its end.
                cursor.execute(settings + sql, params)
                found = cursor.fetchall()
                if connection.in_atomic_block:
                    cursor.execute(reset)
        if len(querysets) == 1:
            return [found]
        return split_rows(found, len(querysets))


SearchBackend = HubPostgresSearchBackend
