"""What hub/pages/serving.py keeps in a process between requests: the SQL of its two
queries (compiled once per connection, run with each request's values), which gives
the same rows as the ORM query it was compiled from; and the sites, kept under the
page generation, which any process draws anew when a site or a page changes."""

import subprocess

import pytest
from django.conf import settings
from django.db import connection, connections, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from hub.cache import is_shared
from hub.pages import serving
from tests.factories import SITE_PAGES, build_site
from tests.server import PYTHON, ROOT, production_env, served_database_url


def route_arguments(page, language):
    """The values find_route gives the route query for `page`'s URL."""
    root_path = (
        Site.objects.get(is_default_site=True)
        .root_page.get_translation(page.locale)
        .url_path
    )
    components = [c for c in page.url[len(f"/{language}/") :].split("/") if c]
    chain = [
        root_path + "".join(f"{c}/" for c in components[:end])
        for end in range(len(components) + 1)
    ]
    return [*serving._ancestor_paths(root_path)[:-1], *chain], root_path, chain[-1]


def fields(instance):
    values = {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
    }
    for name in ("hub_restricted", "hub_hidden", "hub_language"):
        if hasattr(instance, name):
            values[name] = getattr(instance, name)
    return values


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_compiled_route_query_gives_the_orm_querys_rows(language):
    tree = build_site()
    PageViewRestriction.objects.create(
        page=tree[language]["library"], restriction_type="login"
    )
    for name in SITE_PAGES:
        page = tree[language][name]
        wanted, root_path, page_path = route_arguments(page, language)
        expected = sorted(
            (
                fields(row)
                for row in serving._route_queryset(wanted, root_path, page_path)
            ),
            key=lambda row: row["id"],
        )
        compiled = sorted(
            (fields(row) for row in serving._route_rows(wanted, root_path, page_path)),
            key=lambda row: row["id"],
        )
        assert compiled == expected, name
        if name == "library":
            assert [
                row["hub_restricted"] for row in compiled if row["id"] == page.pk
            ] == [True]
        specific = page.specific
        assert fields(serving._specific_row(type(specific), page.pk)) == fields(
            type(specific)._default_manager.get(pk=page.pk)
        ), name
    # Compiled once for the connection, then run: no ORM query built per request.
    memo = connections["default"].__dict__[serving._MEMO_ATTRIBUTE]
    assert any(key[0] == "route" and value for key, value in memo.items())
    assert any(key[0] == "specific" and value for key, value in memo.items())


def request_for(host):
    """A request to `host`, on the port it names (Wagtail reads the server's port)."""
    port = host.partition(":")[2] or "80"
    return RequestFactory().get("/", HTTP_HOST=host, SERVER_PORT=port)


def site_for(host):
    return serving.find_site(request_for(host))


def wagtail_site_for(host):
    return Site.find_for_request(request_for(host))


def needs_shared_cache():
    if not is_shared(settings.CACHES[settings.HUB_PAGE_CACHE]):
        pytest.skip("sites are kept only with a cache every process shares (Redis)")


HOSTS = [
    "localhost",
    "localhost:8000",
    "other.example",
    "other.example:8080",
    "other.example:9000",
    "unknown.example",
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_kept_sites_answer_as_wagtail_and_follow_every_site_change():
    needs_shared_cache()
    tree = build_site()
    home = tree["en"]["home"]
    with CaptureQueriesContext(connection) as captured:
        first = site_for("localhost")
        again = site_for("localhost")
    assert first.pk == again.pk == wagtail_site_for("localhost").pk
    assert first.root_page.pk == home.pk
    assert first is not again and first.root_page is not again.root_page
    assert len(captured) == 1  # the sites, once for the generation

    # A second site on another host: seen by the very next request (its save draws a
    # new generation once committed), and each host answers as Wagtail answers it.
    other = Site.objects.create(hostname="other.example", port=80, root_page=home)
    other_port = Site.objects.create(
        hostname="other.example", port=8080, root_page=home
    )
    for host in HOSTS:
        assert getattr(site_for(host), "pk", None) == getattr(
            wagtail_site_for(host), "pk", None
        ), host
    assert site_for("other.example").pk == other.pk
    assert site_for("other.example:8080").pk == other_port.pk

    # No default site: an unknown host has no site, as with Wagtail.
    Site.objects.filter(is_default_site=True).get().delete()
    for host in HOSTS:
        assert getattr(site_for(host), "pk", None) == getattr(
            wagtail_site_for(host), "pk", None
        ), host
    assert site_for("unknown.example") is None

    # A site's root page moved to another page: the next request has it.
    about = tree["en"]["about"]
    other.root_page = about
    other.save()
    assert site_for("other.example").root_page.pk == about.pk


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_kept_root_page_follows_a_publish_and_is_not_used_in_a_transaction():
    needs_shared_cache()
    tree = build_site()
    home = tree["en"]["home"]
    assert site_for("localhost").root_page.title == "Hub"
    home.title = "Centre"
    home.save_revision().publish()
    assert site_for("localhost").root_page.title == "Centre"

    # Inside a transaction, whose own changes no generation reflects before it
    # commits, Wagtail's query reads them.
    with transaction.atomic():
        Site.objects.filter(is_default_site=True).update(port=8000)
        assert site_for("localhost:8000").port == 8000
        transaction.set_rollback(True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_site_saved_by_another_process_reaches_this_process_at_once():
    needs_shared_cache()
    env = production_env(served_database_url())
    tree = build_site()
    home = tree["en"]["home"]
    assert site_for("other.example").pk == Site.objects.get(is_default_site=True).pk
    script = (
        "import django; django.setup()\n"
        "from wagtail.models import Page, Site\n"
        f"Site.objects.create(hostname='other.example', port=80, "
        f"root_page=Page.objects.get(pk={home.pk}))\n"
    )
    subprocess.run([PYTHON, "-c", script], cwd=ROOT, env=env, check=True)
    found = site_for("other.example")
    assert found.hostname == "other.example"
    assert found.pk == Site.objects.get(hostname="other.example").pk


@pytest.mark.django_db
def test_a_request_with_a_session_reads_the_sites_as_wagtail_does():
    build_site()
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = "x"
    with CaptureQueriesContext(connection) as captured:
        serving.find_site(request)
    assert len(captured) == 1
    assert serving._shared_generation(request) is None


@pytest.mark.django_db
def test_the_found_page_keeps_the_site_root_paths_the_request_read():
    tree = build_site()
    for language in ("en", "fr"):
        page = tree[language]["case_study"]
        request = RequestFactory().get(page.url, HTTP_HOST="localhost")
        with translation.override(language):
            found = serving.find_route(request, page.url[len(f"/{language}/") :])
        assert found.page.pk == page.pk
        # Its URL without the request: the list this request read, not another read.
        assert (
            found.page._wagtail_cached_site_root_paths
            is request._wagtail_cached_site_root_paths
        )
        assert found.page.url == Page.objects.get(pk=page.pk).url
