"""Both languages, done properly: catalogues, admin, sitemap."""

import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.users.models import UserProfile

from tests.factories import build_site

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("language", ["en", "fr"])
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(
        str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po")
    )
    assert len(catalogue) > 100
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert (ROOT / "locale" / language / "LC_MESSAGES" / "django.mo").exists()


def test_interface_strings_are_translated_to_french():
    with translation.override("fr"):
        assert translation.gettext("Key figures") == "Chiffres clés"
        assert translation.gettext("Search") == "Rechercher"


@pytest.mark.django_db
def test_admin_speaks_french_to_a_french_editor(client):
    build_site()
    user = get_user_model().objects.create_superuser("editor", "", "pw-for-tests")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()
    response = client.get("/admin/snippets/pages/theme/")
    assert response.status_code == 200
    assert "Thèmes" in response.content.decode()


@pytest.mark.django_db
def test_sitemap_lists_every_live_page_with_alternates(client):
    tree = build_site()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespaces = {
        "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
        "xhtml": "http://www.w3.org/1999/xhtml",
    }
    document = ET.fromstring(response.content)
    urls = {
        node.find("s:loc", namespaces).text: node
        for node in document.findall("s:url", namespaces)
    }
    for language in ("en", "fr"):
        for page in tree[language].values():
            assert page.full_url in urls, page.full_url
    node = urls[tree["fr"]["case_study"].full_url]
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in node.findall("xhtml:link", namespaces)
    }
    assert alternates == {
        "en": tree["en"]["case_study"].full_url,
        "fr": tree["fr"]["case_study"].full_url,
    }


@pytest.mark.django_db
def test_ensure_admin_creates_one_superuser_with_a_random_password(capsys):
    from django.core.management import call_command

    call_command("ensure_admin")
    first = capsys.readouterr().out
    call_command("ensure_admin")
    second = capsys.readouterr().out
    assert "password:" in first and "password:" not in second
    user = get_user_model().objects.get(username="admin")
    password = first.split("password:")[1].split()[0]
    assert user.check_password(password)
    assert len(password) >= 16


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, heading",
    [("/en/no-such-page/", "Page not found"), ("/fr/nulle-part/", "Page introuvable")],
)
def test_a_missing_page_says_so_in_its_language_and_offers_search(
    client, path, heading
):
    build_site()
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert 'id="not-found-q"' in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize(
    "full_path",
    [
        "/en/search/?q=social+housing&theme=employment",
        "/fr/search/?q=%C3%A9valuation&lang=all",
        "/en/search/",
        "/fr/search/suggest/?q=empl",
        "/en/no-such-page/%C3%A9t%C3%A9/?page=2",  # no view: left as it is
        "/fr/a/b/?x=1#y",
    ],
)
def test_a_views_url_in_the_other_language_is_translate_urls(rf, full_path):
    """The switcher's and hreflang's URL of a view (hub_tags._translated_url, whose
    path is kept in the process) is Django's translate_url, asked again and again in
    either active language."""
    from django.urls import translate_url

    from hub.pages.templatetags.hub_tags import _translated_url

    path, _mark, query = full_path.partition("?")
    request = rf.get(path, QUERY_STRING=query)
    for active in ("en", "fr", "en"):
        with translation.override(active):
            for code in ("en", "fr"):
                assert _translated_url(request, code) == translate_url(
                    request.get_full_path(), code
                )
