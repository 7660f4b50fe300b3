"""Fixtures shared by the test modules: locales, the test site, the library built once
per module, the event site, headless Chromium, and the search backends under test."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction

from tests.factories import make_locales
from tests.factories.search import (  # noqa: F401 - fixtures of the search tests
    ENGINE_MISSING,
    engine_index_prefix,
    index_in_engine,
    search_backend,
)
from tests.fragment_support import fragments_on  # noqa: F401 - a fixture
from tests.snapshot import DEMO_CONTENT, EVENT_SITE, LIBRARY, SEARCH_SITE, SITE

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_configure(config):
    """Under CI=true the suite runs on PostgreSQL, or on SQLite when HUB_TEST_SQLITE=1
    says that this is `make test`'s second run: the search tests on the database that
    `make run` uses."""
    database = settings.DATABASES["default"]
    sqlite_run = os.environ.get("HUB_TEST_SQLITE") == "1"
    if sqlite_run and "sqlite" not in database["ENGINE"]:
        pytest.exit(
            "HUB_TEST_SQLITE=1 is the SQLite run of the search tests: set "
            "DATABASE_URL=sqlite:///path/to/test.sqlite3 with it.",
            returncode=2,
        )
    if (
        os.environ.get("CI") == "true"
        and "postgresql" not in database["ENGINE"]
        and not sqlite_run
    ):
        pytest.exit(
            "The suite runs on PostgreSQL: run `make test`, which starts a private "
            "server, or set DATABASE_URL=postgres://user:password@host:port/name "
            "(HUB_TEST_SQLITE=1 with a sqlite:/// URL for the search tests on SQLite).",
            returncode=2,
        )
    if sqlite_run and database["NAME"] and ":memory:" not in str(database["NAME"]):
        # The test database in a file beside the given one, as under `make run`, and
        # not Django's shared in-memory one, where a reader does not wait for a
        # writer's commit but fails at once ("database table is locked").
        path = Path(database["NAME"])
        test_name = str(path.with_name(f"test_{path.name}"))
        database.setdefault("TEST", {})["NAME"] = test_name
    if os.environ.get("CI") == "true" and not os.environ.get("ELASTICSEARCH_URL"):
        pytest.exit(ENGINE_MISSING, returncode=2)
    _configure_shared_cache()


REDIS_MISSING = (
    "The suite runs with a Redis as the shared cache, as production does: run `make "
    "test`, which starts a private one (scripts/redis.sh), or set "
    "REDIS_URL=redis://host:port/0."
)


def _configure_shared_cache():
    """Under CI=true the cache is a real Redis (REDIS_URL), checked to answer. Servers
    that tests start inherit this run's key prefix (hub/settings/test.py)."""
    if not os.environ.get("REDIS_URL"):
        if os.environ.get("CI") == "true":
            pytest.exit(REDIS_MISSING, returncode=2)
        return
    try:
        cache.set("conftest:ping", 1, 5)
        answered = cache.get("conftest:ping") == 1
    except Exception as error:  # the redis package missing, refused connection...
        answered, reason = False, f"{type(error).__name__}: {error}"
    else:
        reason = "no answer"
    if not answered:
        pytest.exit(
            f"REDIS_URL={os.environ['REDIS_URL']} does not work ({reason}). "
            + REDIS_MISSING,
            returncode=2,
        )
    os.environ["CACHE_KEY_PREFIX"] = settings.CACHES["default"]["KEY_PREFIX"]


def pytest_unconfigure(config):
    """This run's keys leave the shared Redis with it."""
    if os.environ.get("REDIS_URL") and settings.configured:
        try:
            cache.clear()
        except Exception:  # the run's verdict is already known
            pass


@pytest.fixture
def locales(db):
    return make_locales()


@pytest.fixture
def site_tree(db):
    """`build_site()`: built once per run, then put back (tests/snapshot.py)."""
    return SITE.restore()


@pytest.fixture(scope="module")
def lib(django_db_setup, django_db_blocker):
    """tests.factories.library's library, for a module's read-only tests, rolled back
    after them (built once per run, then put back: tests/snapshot.py). A module may
    extend it by overriding `lib`."""
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        yield LIBRARY.restore()
        transaction.set_rollback(True)


@pytest.fixture
def demo_content(db):
    """The site that `load_demo_content` builds, in this test's database (built once
    per run, then put back: tests/snapshot.py). The tests of the command itself run
    it instead."""
    DEMO_CONTENT.restore()


@pytest.fixture
def event_site(db):
    """`make_event_site()`: built once per run, then put back (tests/snapshot.py)."""
    return EVENT_SITE.restore()


@pytest.fixture
def search_site(search_backend):  # noqa: F811 - the fixture imported above
    """`build_search_site()` (the garden pages), indexed by the backend under test:
    built once per run, then put back (tests/snapshot.py); on the engine, its pages
    indexed there in bulk."""
    site = SEARCH_SITE.restore()
    if search_backend.kind == "engine":
        index_in_engine()
    search_backend.refresh()
    return site


# Put back over the rows they were built on only (else built): set up first.
FIRST = ("site_tree", "event_site", "search_site")


def pytest_collection_modifyitems(items):
    """The fixtures of FIRST are set up before the test's other fixtures (a user
    written before them would make them build instead of putting their rows back)."""
    for item in items:
        names = getattr(item, "fixturenames", None)
        own = getattr(getattr(item, "_fixtureinfo", None), "argnames", ())
        if not names or not any(name in names for name in FIRST):
            continue
        positions = [names.index(name) for name in own if name in names]
        if not positions:
            continue
        for name in reversed(FIRST):
            if name in names and names.index(name) > min(positions):
                names.remove(name)
                names.insert(min(positions), name)


@pytest.fixture
def chromium(monkeypatch):
    """Headless Chromium (the Debian package) driven by Playwright.

    Request it after the fixtures that build the test's data: Playwright's event loop
    would otherwise hide the connection that restores the serialized rollback. That
    loop runs in this thread; the ORM calls made between browser steps are still
    synchronous and safe. Only for this test: subprocesses must not inherit it."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not CHROMIUM.exists():
        message = (
            "Chromium is missing at /usr/bin/chromium: install the Debian package "
            "`chromium` (make test installs it)."
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
            # Queries made while Playwright's loop ran used their own connection.
            connections.close_all()


@pytest.fixture(autouse=True)
def fresh_process_state():
    """Each test starts as a new request would: the default language active (the test
    client leaves the last request's language activated) and an empty cache (the
    taxonomy catalogue and restricted paths outlive a test's rolled-back rows), nor any
    value kept in the process for a page generation (hub.cache.generation_kept)."""
    from django.core.cache import cache
    from django.utils import translation

    from hub.cache import forget_kept

    translation.activate(settings.LANGUAGE_CODE)
    cache.clear()
    forget_kept()
    yield
    translation.deactivate()


@pytest.fixture
def manager(django_user_model):
    """A member of the "Event managers" group, who handles registrations."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("manager", "m@x.org", "pw")
    user.groups.add(Group.objects.get(name="Event managers"))
    return user
