"""Typesetting keeps each text node once per process (hub/pages/typography.py): a page
typeset again reads its nodes from the memo and comes out the same."""

from hub.pages import typography


def test_a_page_typeset_again_comes_from_the_memo_unchanged():
    html = (
        "<p>Statut : <b>ouvert</b> ; 1 février à 09:30, 4 500 places (41 %) !</p>"
        '<p lang="en">Note: kept</p><code>a:b</code>'
        + "<p>" + "Long texte : " * 200 + "</p>"
    )  # fmt: skip
    typography._typeset_node.cache_clear()
    first = typography.typeset_html(html, "fr")
    misses = typography._typeset_node.cache_info().misses
    assert misses > 0
    second = typography.typeset_html(html, "fr")
    info = typography._typeset_node.cache_info()
    assert second == first
    assert info.misses == misses and info.hits >= misses
    assert "Statut\u00a0:" in first and "1er février" in first
    assert "9\u00a0h\u00a030" in first
    assert "Note: kept" in first and "<code>a:b</code>" in first
    assert first.count("texte\u00a0:") == 200  # a node longer than the memo keeps
    # The memo is per language: English keeps "41%" its own way.
    assert typography.typeset_html("<p>41 %</p>", "en") == "<p>41%</p>"
