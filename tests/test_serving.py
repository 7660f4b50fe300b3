"""Pages are found by their URL in two queries (hub/pages/serving.py) and served as
Wagtail's own route would serve them: the same page, the same routable sub-route, the
same 404s, view restrictions and redirects."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from hub.pages.serving import find_route
from tests.factories import SITE_PAGES, build_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    return build_site()


def wagtail_route(path, language):
    """What Wagtail's own route gives for `path`: (page pk, args) or None."""
    request = RequestFactory().get(path, HTTP_HOST="localhost")
    with translation.override(language):
        result = Page.route_for_request(request, path)
    if result is None:
        return None
    page, args, _kwargs = result
    return page.pk, [getattr(arg, "__name__", arg) for arg in args]


def hub_route(path, language):
    request = RequestFactory().get(path, HTTP_HOST="localhost")
    with translation.override(language):
        result = find_route(request, path)
    if result is None:
        return None
    page, args, _kwargs = result
    return page.pk, [getattr(arg, "__name__", arg) for arg in args]


def page_path(page, language):
    """The path Wagtail's serve view is given: the URL without the language."""
    return page.url[len(f"/{language}/") :]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_page_type_routes_as_wagtail_routes_it(tree, language):
    for name in SITE_PAGES:
        page = tree[language][name]
        path = page_path(page, language)
        found = hub_route(path, language)
        assert found is not None, name
        assert found == wagtail_route(path, language), name
        assert found[0] == page.pk


def test_a_routable_page_sub_route_routes_as_wagtail_routes_it(tree):
    event = tree["en"]["event"]
    library = tree["en"]["library"]
    for path in (
        page_path(event, "en") + "register/",
        page_path(library, "en"),
        page_path(library, "en") + "compare/",
    ):
        found = hub_route(path, "en")
        assert found is not None and found[1], path
        assert found == wagtail_route(path, "en"), path


def test_a_page_its_restrictions_and_surroundings_cost_two_queries(tree, client):
    page = tree["en"]["action"]
    request = RequestFactory().get(page.url, HTTP_HOST="localhost")
    from wagtail.models import Site

    Site.find_for_request(request).root_page._get_site_root_paths(request)
    with translation.override("en"), CaptureQueriesContext(connection) as captured:
        found = find_route(request, page_path(page, "en"))
        assert list(found[0].get_view_restrictions()) == []
        assert found[0].surroundings["ancestry"]
    assert found[0].pk == page.pk
    assert len(captured) == 2


def test_missing_and_draft_pages_are_wagtails_404(tree, client):
    assert client.get("/en/no-such-page/").status_code == 404
    assert client.get(tree["en"]["case_study"].url + "no-such-action/").status_code == (
        404
    )
    draft = tree["en"]["guide"]
    url = draft.url
    draft.unpublish()
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("restriction_type", ["password", "login"])
def test_a_restricted_page_and_its_children_ask_for_access(
    tree, client, restriction_type
):
    study = tree["fr"]["case_study"]
    restriction = PageViewRestriction.objects.create(
        page=study, restriction_type=restriction_type, password="secret"
    )
    for page in (study, tree["fr"]["action"]):
        response = client.get(page.url)
        if restriction_type == "login":
            assert response.status_code == 302, page.url
            assert "login" in response["Location"]
        else:
            assert response.status_code == 200, page.url
            assert 'name="password"' in response.content.decode()
    restriction.delete()
    assert client.get(study.url).status_code == 200


def test_a_redirect_from_a_missing_page_still_redirects(tree, client):
    target = tree["en"]["guide"]
    Redirect.objects.create(old_path="/en/old-guide", redirect_page=target)
    response = client.get("/en/old-guide/")
    assert response.status_code in (301, 302)
    assert response["Location"].endswith(target.url)


def surroundings_pks(page):
    return {name: [p.pk for p in pages] for name, pages in page.surroundings.items()}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_layout_around_a_page_is_found_with_it(tree, language):
    """The breadcrumb, language switcher and menu read with the page are those the
    page reads on its own (HubPage.surroundings), restricted pages left out."""
    PageViewRestriction.objects.create(
        page=tree[language]["about"], restriction_type="login"
    )
    for name in SITE_PAGES:
        page = tree[language][name]
        request = RequestFactory().get(page.url, HTTP_HOST="localhost")
        with translation.override(language):
            found = find_route(request, page_path(page, language))[0]
        assert "surroundings" in found.__dict__, name
        alone = type(found).objects.get(pk=found.pk)
        assert surroundings_pks(found) == surroundings_pks(alone), name
        menu = [p.pk for p in found.surroundings["menu"]]
        assert tree[language]["about"].pk not in menu
        assert tree[language]["library"].pk in menu
