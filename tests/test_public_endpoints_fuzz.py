"""No input gives a 5xx: random values for every GET parameter of every public
endpoint (library, exports, compare, search, suggestions, feeds, calendars, sitemap,
API), hostile characters included. `make test` runs this file on PostgreSQL and again
on SQLite, the database of `make run`."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from hub.practices.library import FACETS
from tests.factories import build_site

pytestmark = pytest.mark.django_db

# Every parameter the public endpoints read, and a few they do not.
PARAMETERS = sorted(
    {facet.name for facet in FACETS}
    | {"q", "sort", "page", "format", "items", "lang", "type", "year", "kind"}
    | {"search", "search_operator", "offset", "limit", "fields", "order", "locale"}
    | {"html_path", "child_of", "descendant_of", "theme", "region", "target_group"}
    | {"start", "end", "start_date", "total_budget", "first_published_at", "unknown"}
)
HOSTILE = st.sampled_from(
    [
        "",
        "\x00",
        "%",
        "--",
        "*?~^:\\/",
        "²",
        "1e9",
        "-1",
        "9" * 30,
        "' OR 1=1",
        "<script>",
        "\u202e",
        "ｇ",
        ",,,",
        "a" * 3000,
        "2020-02-30",
        "NaN",
        "∞",
    ]
)
VALUES = st.one_of(HOSTILE, st.text(max_size=40))


@pytest.fixture
def endpoints(db):
    tree = build_site()
    en, fr = tree["en"], tree["fr"]
    return [
        en["library"].url,
        fr["library"].url,
        en["library"].url + "compare/",
        en["guides"].url,
        en["events"].url,
        en["events"].url + "calendar.ics",
        fr["event"].url + "event.ics",
        en["event"].url + "register/",
        fr["event"].url + "manage/",
        "/en/search/",
        "/fr/search/",
        "/en/search/suggest/",
        "/en/feeds/case-studies/",
        "/fr/feeds/events/atom/",
        "/sitemap.xml",
        "/api/v2/pages/",
        "/api/v2/pages/find/",
        f"/api/v2/pages/{en['case_study'].pk}/",
    ]


@hypothesis_settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    choice=st.integers(min_value=0, max_value=10_000),
    params=st.dictionaries(
        st.sampled_from(PARAMETERS),
        st.one_of(VALUES, st.lists(VALUES, max_size=3)),
        max_size=4,
    ),
)
def test_no_parameter_value_gives_a_server_error(client, endpoints, choice, params):
    path = endpoints[choice % len(endpoints)]
    response = client.get(path, params)
    assert response.status_code < 500, (path, params, response.status_code)
