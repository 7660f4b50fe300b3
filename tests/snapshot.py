"""Content built once per test run, then put back row for row where a test needs it.

Building the demo site or the test library through Wagtail's APIs (revisions,
translations, the search index) takes tens of seconds, and leaves the same rows each
time. On PostgreSQL a `Snapshot` runs its builder once, in a savepoint rolled back
at once, and keeps every table's rows as COPY data; `restore()` then empties the
tables and copies those rows back in the caller's transaction, and moves the
sequences past them. A test thus reads exactly what the builder wrote, at the cost
of a few COPY statements. On another database (the SQLite run) `restore()` runs the
builder each time.
"""

import copy
import io

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from tests.factories import build_library, database_backends

# Django's record of the migrations run: the same before and after any builder.
KEPT = {"django_migrations"}


class Snapshot:
    def __init__(self, build):
        self.build = build
        self.result = None
        self.tables = None  # [(quoted name, COPY data)]
        self.sequences = None  # [(name, last value)]

    def restore(self):
        """The builder's rows in the database, in the current transaction; returns a
        copy of what the builder returned (its model instances keep their keys)."""
        if connection.vendor != "postgresql":
            return self.build()
        if self.tables is None:
            self._take()
        with transaction.atomic(), connection.cursor() as cursor:
            # Rows changed earlier in this transaction: check them now, so that
            # TRUNCATE finds no foreign-key check still pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            names = ", ".join(name for name, _data in self.tables)
            cursor.execute(f"TRUNCATE {names}")
            for name, data in self.tables:
                if data:
                    cursor.copy_expert(f"COPY {name} FROM STDIN", io.BytesIO(data))
            for name, value in self.sequences:
                cursor.execute(
                    "SELECT setval(%s, GREATEST(%s, (SELECT last_value FROM "
                    f"{connection.ops.quote_name(name)})))",
                    [name, value],
                )
        cache.clear()  # nothing cached from before refers to the rows put back
        return copy.deepcopy(self.result)

    def _take(self):
        with transaction.atomic():
            cache.clear()
            self.result = self.build()
            with connection.cursor() as cursor:
                tables = [
                    name
                    for name in connection.introspection.table_names(cursor)
                    if name not in KEPT
                ]
                self.tables = []
                for name in tables:
                    quoted = connection.ops.quote_name(name)
                    out = io.BytesIO()
                    cursor.copy_expert(f"COPY {quoted} TO STDOUT", out)
                    self.tables.append((quoted, out.getvalue()))
                cursor.execute(
                    "SELECT sequencename, last_value FROM pg_sequences "
                    "WHERE schemaname = current_schema() AND last_value IS NOT NULL"
                )
                self.sequences = cursor.fetchall()
            transaction.set_rollback(True)
        cache.clear()


def load_demo_content():
    # Indexed by the database backend, as in any test; a test on the search engine
    # indexes the restored pages there itself.
    with override_settings(WAGTAILSEARCH_BACKENDS=database_backends()):
        call_command("load_demo_content", stdout=io.StringIO())


# The site that `load_demo_content` builds, and tests.factories.library's library.
DEMO_CONTENT = Snapshot(load_demo_content)
LIBRARY = Snapshot(build_library)
