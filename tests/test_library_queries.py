"""The library, its exports and its comparison cost the same few queries with 3 or 30
items; so do case-study pages with 3 or 30 regions, themes and key figures."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from hub.pages.models import Region, Theme
from tests.factories import build_library, figure, make_term
from tests.snapshot import LIBRARY

pytestmark = pytest.mark.django_db

MAX_QUERIES = 20


def measure(client, url):
    client.get(url)  # warm the per-process caches a real server keeps
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def library_queries(client, extra):
    savepoint = transaction.savepoint()
    cache.clear()
    built = build_library(extra=extra)
    found = {}
    queries = [
        "",
        "?theme=entrepreneurship&region=bretagne&sort=participants",
        "?format=csv",
        "?format=json&region=bretagne",
    ]
    for query in queries:
        for key in ("en", "fr"):
            url = built["tree"][key]["library"].url + query
            found[(key, query)] = measure(client, url)
    items = ",".join(str(built["en"][name].pk) for name in ("alpha", "bravo", "zeta"))
    found["compare"] = measure(client, built["library"].url + f"compare/?items={items}")
    for name in ("alpha", "bravo", "action_one"):
        found[name] = measure(client, built["en"][name].url)
    transaction.savepoint_rollback(savepoint)
    return found


def test_library_costs_the_same_few_queries_with_3_or_30_items(client, locales):
    few, many = library_queries(client, 3), library_queries(client, 30)
    # More items never cost more queries. A page of results may cost one query fewer
    # with more items: the specific pages are read by kind (case studies, actions),
    # and a page that lists one kind only skips the other's query.
    grew = {key: (few[key], many[key]) for key in few if many[key] > few[key]}
    assert not grew, grew
    assert few.keys() == many.keys()
    assert max(few.values()) <= MAX_QUERIES, few


def case_study_queries(client, related):
    savepoint = transaction.savepoint()
    cache.clear()
    built = LIBRARY.restore()  # build_library(), built once per run
    alpha = built["en"]["alpha"]
    themes = [make_term(Theme, f"t{n}", f"T{n}", f"T{n} fr")[0] for n in range(related)]
    regions = [
        make_term(Region, f"r{n}", f"R{n}", f"R{n} fr", country="FR")[0]
        for n in range(related)
    ]
    alpha.themes.set(themes)
    alpha.regions.set(regions)
    alpha.key_figures = [
        figure(f"Figure {n}", n, "people", n + 1, 2020, "Source")
        for n in range(related)
    ] + [figure("Total budget (other source)", 7, "EUR", None, 2022, "Audit")]
    alpha.save_revision().publish()
    found = {
        "en": measure(client, alpha.url),
        "fr": measure(client, built["fr"]["alpha"].url),
    }
    transaction.savepoint_rollback(savepoint)
    return found


def test_case_study_page_costs_the_same_with_3_or_30_regions_and_figures(
    client, locales
):
    few, many = case_study_queries(client, 3), case_study_queries(client, 30)
    assert few == many
    assert max(few.values()) <= MAX_QUERIES, few
