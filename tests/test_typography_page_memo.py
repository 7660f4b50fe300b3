"""The typesetting of a whole page, kept per process (hub.pages.typography): a page
rendered again the same reads it, and any other text is typeset anew."""

from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from hub.pages import typography


def _serve(markup, language="fr"):
    middleware = typography.TypographyMiddleware(lambda request: HttpResponse(markup))
    with translation.override(language):
        return middleware(RequestFactory().get(f"/{language}/")).content.decode()


def test_a_page_rendered_again_is_typeset_from_the_memo():
    typography._typeset_page.cache_clear()
    page = "<html><body><p>Statut : 41 % ; 1 020 places !</p></body></html>"
    first = _serve(page)
    assert first == typography.typeset_html(page, "fr")
    assert "Statut\u00a0:" in first
    assert _serve(page) == first
    assert typography._typeset_page.cache_info().hits == 1
    # Another text, or the same text in English, is typeset anew.
    changed = page.replace("41", "42")
    assert "42\u202f%" in _serve(changed)
    english = _serve(page, "en")
    assert english == typography.typeset_html(page, "en")
    assert "41%" in english
    assert typography._typeset_page.cache_info().hits == 1
