"""Content built once per test run, then put back row for row where a test needs it.

Building the demo site or the test library through Wagtail's APIs (revisions,
translations, the search index) takes tens of seconds, and leaves the same rows each
time. On PostgreSQL a `Snapshot` runs its builder once, in a savepoint rolled back
at once, and keeps every table's rows as COPY data; `restore()` then empties the
tables and copies those rows back in the caller's transaction, and moves the
sequences past them. A test thus reads exactly what the builder wrote, at the cost
of a few COPY statements. On another database (the SQLite run) `restore()` runs the
builder each time.

A function-scoped fixture may run after others that wrote rows (a user, a group):
emptying the tables would lose them. A snapshot made with `guarded=True` is put back
only over the very rows its builder started from (a checksum of every table), and
otherwise builds; tests/conftest.py has such fixtures set up before the others.
"""

import copy
import io

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from tests.factories import (
    build_library,
    build_search_site,
    build_site,
    database_backends,
    make_event_site,
)

# Django's record of the migrations run: the same before and after any builder.
KEPT = {"django_migrations"}


class Snapshot:
    def __init__(self, build, guarded=False):
        self.build = build
        self.guarded = guarded
        self.result = None
        self.tables = None  # [(quoted name, COPY data)]
        self.sequences = None  # [(name, last value)]
        self.base = None  # the checksums of the tables the builder started from

    def restore(self):
        """The builder's rows in the database, in the current transaction; returns a
        copy of what the builder returned (its model instances keep their keys)."""
        if connection.vendor != "postgresql":
            return self.build()
        if self.tables is None:
            self._take()
            if self.guarded:  # built over these rows, and taken: nothing to put back
                return copy.deepcopy(self.result)
        elif self.guarded and self._checksums() != self.base:
            return self.build()
        with transaction.atomic(), connection.cursor() as cursor:
            # Fail, not wait, if a connection left open elsewhere holds a table.
            cursor.execute("SET LOCAL lock_timeout = '20s'")
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

    def _table_names(self):
        with connection.cursor() as cursor:
            names = connection.introspection.table_names(cursor)
        return [connection.ops.quote_name(name) for name in names if name not in KEPT]

    def _checksums(self):
        columns = ", ".join(
            f"(SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
            f"FROM {name} t)"
            for name in self._table_names()
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns}")
            return cursor.fetchone()

    def _take(self):
        if self.guarded:
            # Kept, not rolled back: this first build is the caller's own.
            self.base = self._checksums()
            self.result = self._capture()
            return
        with transaction.atomic():
            self.result = self._capture()
            transaction.set_rollback(True)
        cache.clear()

    def _capture(self):
        cache.clear()
        result = self.build()
        self.tables = []
        with connection.cursor() as cursor:
            for quoted in self._table_names():
                out = io.BytesIO()
                cursor.copy_expert(f"COPY {quoted} TO STDOUT", out)
                self.tables.append((quoted, out.getvalue()))
            cursor.execute(
                "SELECT sequencename, last_value FROM pg_sequences "
                "WHERE schemaname = current_schema() AND last_value IS NOT NULL"
            )
            self.sequences = cursor.fetchall()
        return result


def load_demo_content():
    # Indexed by the database backend, as in any test; a test on the search engine
    # indexes the restored pages there itself.
    with override_settings(WAGTAILSEARCH_BACKENDS=database_backends()):
        call_command("load_demo_content", stdout=io.StringIO())


def build_search_site_indexed():
    """build_search_site(), indexed by the database backend only: a test on the
    search engine indexes the restored pages there itself (index_in_engine)."""
    with override_settings(WAGTAILSEARCH_BACKENDS=database_backends()):
        return build_search_site()


# The site that `load_demo_content` builds, and tests.factories.library's library.
DEMO_CONTENT = Snapshot(load_demo_content)
LIBRARY = Snapshot(build_library)
# For function-scoped fixtures: tests.factories' site and event site.
SITE = Snapshot(build_site, guarded=True)
EVENT_SITE = Snapshot(make_event_site, guarded=True)
# For the search tests (tests/conftest.py: search_site).
SEARCH_SITE = Snapshot(build_search_site_indexed, guarded=True)
