"""The glossary: its data in both languages, the first use of a term explained on a
page, its page in each language, and cross-language search on both backends."""

import pytest
from bs4 import BeautifulSoup
from django.utils.text import slugify

from hub.glossary import loader
from hub.glossary.expansion import expansions
from hub.glossary.markup import explain_terms
from hub.glossary.models import GlossaryTerm
from hub.pages.models import StandardPage
from hub.pages.typography import typeset_text
from hub.practices.models import CaseStudyPage
from search.services import SearchQuery, search_pages
from tests.factories import (
    add_page,
    build_home,
    make_locales,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def glossary(locales):
    loader.load()


def test_every_term_has_both_languages_paired_and_loading_again_changes_nothing(
    locales,
):
    created, updated = loader.load()
    entries = loader.read()
    assert created == 2 * len(entries) and updated == 0
    for entry in entries:
        terms = GlossaryTerm.objects.filter(
            translation_key=loader.translation_key(entry["key"])
        )
        assert {t.locale.language_code for t in terms} == {"en", "fr"}
        english, french = (terms.get(locale__language_code=c) for c in ("en", "fr"))
        assert english.definition and french.definition != english.definition
        assert english.other_language == "fr" and french.other_language == "en"
    landlord = GlossaryTerm.objects.get(term="bailleur social")
    assert landlord.other_language_term == "social landlord"
    assert "bailleurs sociaux" in landlord.wordings
    assert loader.load() == (0, 0)


def test_the_terms_the_review_names_are_in_the_glossary():
    words = {
        word
        for entry in loader.read()
        for language in ("en", "fr")
        for word in [
            entry[language]["term"],
            entry[language].get("abbreviation", ""),
            *entry[language].get("synonyms", []),
        ]
    }
    for term in [
        "bailleur social",
        "quartier prioritaire",
        "QPV",
        "ESS",
        "Pôle emploi",
        "France Travail",
        "CAP",
        "Maison de l'Emploi",
        "Défenseur des droits",
    ]:
        assert term in words, term


def test_first_use_is_explained_once_in_prose_only(glossary):
    markup = (
        '<h2>A social landlord</h2><p>The <a href="/x">social landlord</a> and '
        '<span lang="fr">bailleur social</span> said: social landlords work with '
        "France Travail, and another social landlord too.</p><code>CAP</code>"
    )
    result, explained = explain_terms(markup, "en")
    soup = BeautifulSoup(result, "html.parser")
    terms = soup.select("dfn.glossary-term")
    assert [t.get_text() for t in terms] == ["social landlords", "France Travail"]
    assert [e.term for e in explained] == ["social landlord", "France Travail"]
    assert soup.h2.get_text() == "A social landlord"  # headings are left alone
    assert soup.code.get_text() == "CAP"
    link = terms[0].a
    assert link["href"] == "#glossary-social-landlord"
    assert link["aria-describedby"] == "glossary-social-landlord-definition"


def test_a_page_explains_its_terms_accessibly_in_both_languages(client, glossary):
    locales = make_locales()
    home = build_home()
    text = {
        "en": "<p>Our partner is a social landlord; every social landlord counts.</p>",
        "fr": "<p>Notre partenaire est un bailleur social ; chaque bailleur social "
        "compte.</p>",
    }
    english = add_page(
        home["en"],
        StandardPage(
            title="Partners", slug="partners", body=[("paragraph", text["en"])]
        ),
    )
    french = translate(
        english, locales["fr"], title="Partenaires", body=[("paragraph", text["fr"])]
    )
    for page, term in ((english, "social landlord"), (french, "bailleur social")):
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        terms = soup.select("dfn.glossary-term")
        assert [dfn.get_text() for dfn in terms] == [term]  # the first use only
        link = terms[0].a
        definition = soup.find(id=link["aria-describedby"])
        expected = GlossaryTerm.objects.get(term=term).definition
        # As typeset on the page (hub.pages.typography): « ; » gets its narrow space.
        language = page.locale.language_code
        assert definition.get_text() == typeset_text(expected, language)
        target = soup.find(id=link["href"].removeprefix("#"))
        assert target.name == "dt" and term in target.get_text()
        glossary_link = definition.find_next("a")
        assert glossary_link["href"].endswith(f"#{slugify(term)}")


def test_the_glossary_page_in_each_language_and_in_the_sitemap(client, glossary):
    english = client.get("/en/glossary/")
    french = client.get("/fr/glossaire/")
    assert english.status_code == french.status_code == 200
    en, fr = (BeautifulSoup(r.content, "html.parser") for r in (english, french))
    assert en.html["lang"] == "en" and fr.html["lang"] == "fr"
    assert en.find(id="social-landlord").get_text().startswith("social landlord")
    assert fr.find(id="bailleur-social").dfn.get_text() == "bailleur social"
    other = fr.find(id="bailleur-social").find_next("dd").find(attrs={"lang": "en"})
    assert other.get_text() == "social landlord"
    # The language switch leads to the other language's glossary.
    assert en.select_one('a.language-switch[hreflang="fr"]')["href"] == "/fr/glossaire/"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/glossary/</loc>" in sitemap and "/fr/glossaire/</loc>" in sitemap


def test_expansions_name_every_wording_in_each_language(glossary):
    found = expansions("Social landlords in Rennes", ["en", "fr"])
    assert "bailleur social in rennes" in found["fr"]
    assert "bailleurs sociaux in rennes" in found["fr"]
    assert "social housing provider in rennes" in found["en"]
    assert expansions("QPV", ["en"])["en"][0] == "priority neighbourhoods"
    assert expansions("garden", ["en", "fr"]) == {"en": [], "fr": []}
    assert expansions("", ["en"]) == {"en": []}


@pytest.fixture
def landlord_pages(search_backend, search_site):
    """A French page that says « organisme HLM » (a social landlord) and an English
    one that says "priority neighbourhoods", neither naming the other language's
    term nor sharing a word with it."""
    site = search_site
    locales = make_locales()
    english = add_page(
        site["en"]["library"],
        CaseStudyPage(
            title="Caretaker diploma",
            slug="caretaker-diploma",
            summary="Residents of priority neighbourhoods train as caretakers.",
        ),
    )
    french = translate(
        english,
        locales["fr"],
        title="Diplôme de gardien",
        summary="Un organisme HLM forme ses locataires au métier de gardien.",
    )
    search_backend.refresh()
    return {"en": english, "fr": french}


def titles(text, language, all_languages=False):
    query = SearchQuery(text=text, language=language, all_languages=all_languages)
    return [hit.title for hit in search_pages(query).hits]


def test_a_term_in_one_language_finds_the_other_languages_pages(
    landlord_pages, search_backend
):
    # Without the glossary, the English words find nothing in French.
    assert "Diplôme de gardien" not in titles("social landlord", "en", True)
    loader.load()
    assert "Diplôme de gardien" in titles("social landlord", "en", True)
    assert "Diplôme de gardien" in titles("social landlords", "fr")
    # A language's own synonyms and abbreviations: QPV is a priority neighbourhood.
    assert "Caretaker diploma" in titles("QPV", "en")
    assert "Caretaker diploma" in titles("quartiers prioritaires", "en")
