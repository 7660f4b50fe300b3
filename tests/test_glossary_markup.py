"""Marking the first use of glossary terms (hub.glossary.markup): the wordings a text
cannot hold are told apart before any pattern runs, and that never changes what is
marked, whatever the letters; a text marked again is read from the process's memo
without sharing its list of terms."""

import re

import pytest

from hub.glossary import loader
from hub.glossary.markup import (
    _alternatives,
    _explained,
    _finder,
    _fold,
    explain_terms,
    folds_as_lower,
)
from hub.glossary.terms import entries_for

pytestmark = pytest.mark.django_db

# Every character the engine could meet, each once.
EVERY_CHARACTER = "".join(
    chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF
)


@pytest.fixture
def glossary(locales):
    loader.load()


def one_pattern(markup, language):
    """The marks of one pattern holding every wording, run on each text node (as
    explain_terms did before it chose wordings): the reference."""
    entries = entries_for(language)
    finder = _finder(entries)
    seen, explained = set(), []

    def mark(match):
        entry = entries[int(match.lastgroup[1:].split("_")[0])]
        if entry.key not in seen:
            seen.add(entry.key)
            explained.append(entry.term)
        return match.group()

    finder.sub(mark, markup)
    return explained


def test_a_letter_the_engine_takes_for_another_without_case_folds_the_same(glossary):
    # Each letter of every wording, ASCII and a few that the engine pairs with
    # letters of another case (ſ and s, ı and i, ς and σ, the Kelvin sign and k).
    letters = {
        letter
        for language in ("en", "fr")
        for entry in entries_for(language)
        for wording in entry.wordings
        for letter in wording
    }
    letters |= set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    letters |= set("ſıİΣσςµμKΩß")
    for letter in sorted(letters):
        found = re.findall(f"(?i:{re.escape(letter)})", EVERY_CHARACTER)
        assert letter in found
        for other in found:
            assert _fold(other) == _fold(letter), (letter, other)
    assert all(_fold(chr(code)) == chr(code).lower() for code in range(128))
    assert folds_as_lower("Économie sociale – 41 %") and not folds_as_lower("ſocial")
    assert not folds_as_lower("ΣΟΦΙΑ")  # a final sigma: str.lower() reads its place


@pytest.mark.parametrize(
    "text",
    [
        "<p>A ſocial landlord and a SOCIAL LANDLORD</p>",  # long s: same as s
        "<p>Une organıſme HLM, un İnstitut</p>",
        "<p>Banque des territoires et BANQUE DES TERRITOIRES</p>",
        "<p>QPV, qpv, les QPVs, Qpv</p>",
        "<p>tiers-lieux, tiers\u00a0lieux, tiers\nlieu, TIERS LIEU</p>",
        "<p>économie sociale et solidaire, Économie Sociale, ESS</p>",
        "<p>Ω social value ΣΟΦΙΑ third placeſ</p>",
    ],
)
def test_the_wordings_told_apart_change_nothing_marked(glossary, text):
    for language in ("en", "fr"):
        _marked, explained = explain_terms(text, language)
        assert [entry.term for entry in explained] == one_pattern(text, language)
    # The long s is a wording's s to the engine: the term is marked.
    _marked, explained = explain_terms("<p>Its ſocial value</p>", "en")
    assert [entry.term for entry in explained] == ["social value"]


def test_wordings_in_alternatives_keep_the_longest_first(glossary):
    lengths = [len(wording) for _i, wording, _p in _alternatives(entries_for("fr"))]
    assert lengths == sorted(lengths, reverse=True)


def test_a_text_without_terms_is_returned_as_it_is_and_the_memo_shares_no_list(
    glossary,
):
    plain = "<p>Nothing to explain here.</p>"
    assert explain_terms(plain, "en") == (plain, [])
    text = "<p>Our partner is a social landlord.</p>"
    _explained.cache_clear()
    first_markup, first = explain_terms(text, "en")
    first.append("something")
    again_markup, again = explain_terms(text, "en")
    assert _explained.cache_info().hits == 1
    assert again_markup == first_markup and [e.term for e in again] == [
        "social landlord"
    ]
