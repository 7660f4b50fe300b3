"""The hub's own 404 and 500 pages, in the language of the URL, with DEBUG off (as in
production: Django's technical pages never show)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

import search.views
from tests.factories import build_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings, locales):
    settings.DEBUG = False
    build_site()
    return Client(raise_request_exception=False)


def page(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    "path, language, heading, home",
    [
        ("/en/library/no-such-case-study/", "en", "Page not found", "/en/"),
        ("/fr/bibliotheque/aucune-etude/", "fr", "Page introuvable", "/fr/"),
        ("/fr/evenements/nulle-part/register/", "fr", "Page introuvable", "/fr/"),
    ],
)
def test_a_missing_page_is_the_hubs_page_in_the_urls_language(
    production, path, language, heading, home
):
    response = production.get(path)
    assert response.status_code == 404
    html = page(response)
    assert html.html["lang"] == language
    assert html.h1.get_text() == heading
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert html.select_one("#not-found-q") is not None  # a search box
    assert "Traceback" not in response.content.decode()


@pytest.mark.parametrize(
    "path, language, heading",
    [
        ("/en/search/?q=garden", "en", "Something went wrong"),
        ("/fr/search/?q=jardin", "fr", "Une erreur s'est produite"),
    ],
)
def test_an_error_gives_the_hubs_500_page_in_the_urls_language(
    production, monkeypatch, path, language, heading
):
    def broken(*args, **kwargs):
        raise RuntimeError("the search service failed")

    monkeypatch.setattr(search.views, "search_pages", broken)
    response = production.get(path)
    assert response.status_code == 500
    assert response["Content-Language"] == language
    html = page(response)
    assert html.html["lang"] == language
    assert html.h1.get_text() == heading
    assert html.select_one("a.button")["href"] == f"/{language}/"
    assert "RuntimeError" not in response.content.decode()
