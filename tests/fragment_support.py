"""Shared by the tests of fragments in the shared cache (tests/test_fragment_cache.py,
tests/test_library_cards.py): the fixture that turns them on, and changes committed
in-process so that their new page generation is drawn."""

from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import TestCase


@pytest.fixture
def fragments_on(settings):
    settings.HUB_FRAGMENT_CACHE_SECONDS = 3600
    cache.clear()
    yield
    cache.clear()


@contextmanager
def committed():
    """The changes made inside, committed: their on-commit callbacks run, then are
    forgotten (the test's transaction would otherwise keep them pending, and a later
    change would find its callback already there).

    Callbacks already pending when it starts (the site that `site_tree` builds in the
    test's transaction, rolled back with it, never committed) are set aside meanwhile,
    then put back: hub.site.cache_invalidation registers one callback per transaction,
    so a change made inside would find the build's and draw no generation of its own."""
    pending = connection.run_on_commit[:]
    del connection.run_on_commit[:]
    try:
        with TestCase.captureOnCommitCallbacks(execute=True):
            yield
    finally:
        connection.run_on_commit[:] = pending
