"""Each page type costs the same number of queries with 3 or 30 related items, and at
most 12 (issue 12's target): the page is found by its URL in two queries
(hub/pages/serving.py) instead of Wagtail's walk of the tree."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.factories import SITE_PAGES, build_site

MAX_QUERIES = 12


def queries_per_page(client, related):
    savepoint = transaction.savepoint()
    cache.clear()
    tree = build_site(related=related, extra_children=related)
    counts = {}
    for name in SITE_PAGES:
        for language in ("en", "fr"):
            url = tree[language][name].url
            client.get(url)  # warm the per-process caches a real server keeps
            with CaptureQueriesContext(connection) as captured:
                response = client.get(url)
            assert response.status_code == 200, url
            counts[(name, language)] = len(captured)
    transaction.savepoint_rollback(savepoint)
    return counts


@pytest.mark.django_db
def test_pages_render_in_a_fixed_number_of_queries(client):
    few = queries_per_page(client, related=3)
    many = queries_per_page(client, related=30)
    assert many == few
    worst = max(few.values())
    assert worst <= MAX_QUERIES, sorted(few.items(), key=lambda item: -item[1])
