"""The first use of each glossary term in a page's main text, explained.

The term becomes a <dfn> whose link leads to its definition in a "Terms explained on
this page" list at the end of the text (keyboard users follow it, and come back with
the browser's Back), and whose aria-describedby reads that definition to screen
readers at once. Only prose is touched: not links, headings, buttons, labels, code,
parts in another language, attributes, or a term already marked up.
"""

import functools
import re

from .terms import entries_for

# Elements whose text is never explained (with everything inside them).
SKIP = {
    "a", "abbr", "button", "code", "dfn", "figcaption", "h1", "h2", "h3", "h4", "h5",
    "h6", "kbd", "label", "pre", "samp", "script", "select", "style", "summary", "svg",
    "textarea", "time",
}  # fmt: skip
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
}  # fmt: skip
# A tag's name and attributes come with its token; comments and declarations have none.
TOKENS = re.compile(
    r"<!--.*?-->|<![^>]*>|<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|<[^>]+>", re.S
)
LANG = re.compile(r"""\blang\s*=\s*["']?([a-zA-Z-]+)""")


def _alternatives(entries):
    """Every wording of every term as (index of its entry, wording, pattern), in the
    order the finder tries them: longest first; an abbreviation (QPV, CAP) matches
    in capitals only, other wordings in any case."""
    alternatives = []
    for index, entry in enumerate(entries):
        for wording in entry.wordings:
            body = re.escape(wording).replace(r"\ ", r"\s+")
            piece = body if wording.isupper() else f"(?i:{body})"
            name = f"t{index}_{len(alternatives)}"
            alternatives.append((index, wording, f"(?P<{name}>{piece}(?:s|x)?)"))
    alternatives.sort(key=lambda item: len(item[1]), reverse=True)
    return alternatives


def _finder(entries, alternatives=None):
    """One pattern for every wording of every term (or for `alternatives`, some of
    them in the same order): the first wording that matches at the leftmost place."""
    if alternatives is None:
        alternatives = _alternatives(entries)
    if not alternatives:
        return None
    pattern = "|".join(piece for _index, _wording, piece in alternatives)
    return re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)")


# Which wordings a text may hold, told before any pattern runs. A wording matches
# the characters of its text one for one, with any run of white space for each space;
# so each of its runs without a space (its *needles*) is in the text, as it is for a
# wording in capitals, or equal to it letter for letter as the pattern compares
# letters without case. The pattern engine (re, Unicode) takes a letter of the text
# as equal to one of the wording when their simple lower cases are equal or are
# among the few it holds for the same letter (ſ and s, ı and i, ς and σ...). Each
# letter's *fold* below is the same for every letter so compared: its simple lower
# case, the smallest of those that the engine holds for the same. Where every
# letter of a text folds to its own str.lower() (all ASCII does), the text's
# str.lower() is its fold and holds the fold of any needle the pattern would find;
# a text with one of the rare other letters is searched with every wording.
try:
    from _sre import unicode_tolower as _simple_lower
    from re._casefix import _EXTRA_CASES
except ImportError:  # another Python: every wording is searched for, as before
    _simple_lower = _EXTRA_CASES = None


@functools.lru_cache(maxsize=4096)
def _fold(character):
    """The letter that every letter the pattern engine takes as equal to
    `character` without case folds to."""
    lower = _simple_lower(ord(character))
    return chr(min((lower, *_EXTRA_CASES.get(lower, ()))))


@functools.lru_cache(maxsize=4096)
def _folds_as_lower(character):
    return _fold(character) == character.lower()


def folds_as_lower(text):
    """Whether the fold of every letter of `text` is its str.lower()."""
    if text.isascii():
        return True
    return _EXTRA_CASES is not None and all(map(_folds_as_lower, set(text)))


class Glossary:
    """The wordings of one set of terms, with what finds them in a text."""

    def __init__(self, entries):
        self.entries = entries
        self.alternatives = _alternatives(entries)
        # The needles of each alternative, each with whether it is compared without
        # case (None: the alternative is always searched for).
        self.needles = []
        for _index, wording, _piece in self.alternatives:
            needles = [needle for needle in wording.split(" ") if needle]
            if wording.isupper():
                self.needles.append(tuple((needle, False) for needle in needles))
            elif _EXTRA_CASES is not None:
                self.needles.append(
                    tuple(("".join(map(_fold, needle)), True) for needle in needles)
                )
            else:
                self.needles.append(None)
        self._finders = {}

    def finder(self, text):
        """The pattern for the wordings `text` may hold (None: it holds none)."""
        lowered = text.lower() if folds_as_lower(text) else None
        found = {}

        def holds(needle, folded):
            key = (needle, folded)
            if key not in found:
                if not folded:
                    found[key] = needle in text
                else:
                    found[key] = lowered is None or needle in lowered
            return found[key]

        chosen = tuple(
            position
            for position, needles in enumerate(self.needles)
            if needles is None or all(holds(*needle) for needle in needles)
        )
        if not chosen:
            return None
        if chosen not in self._finders:
            if len(self._finders) >= 256:
                self._finders.clear()
            alternatives = [self.alternatives[position] for position in chosen]
            self._finders[chosen] = _finder(self.entries, alternatives)
        return self._finders[chosen]


_glossaries = {}


def _glossary_for(entries):
    """The Glossary of these terms, built once per process for the same terms (keyed
    on the terms themselves: an edited term is another key)."""
    key = tuple(entries)
    glossary = _glossaries.get(key)
    if glossary is None:
        if len(_glossaries) >= 8:
            _glossaries.clear()
        glossary = _glossaries[key] = Glossary(key)
    return glossary


def explain_terms(markup, language):
    """(markup with the first use of each term marked, [entries explained])."""
    if not markup:
        return markup, []
    entries = tuple(entries_for(language))
    if not entries:
        return markup, []
    marked, explained = _explained(markup, language, entries)
    return marked, list(explained)


# A page's text comes back the same from one render to the next far more often than
# not (a page read again, every fragment dropped by a change elsewhere): marking it
# is a function of the text, the language and the terms alone, all three in the key,
# so nothing here needs invalidating. Bounded: a few dozen texts of some 30 kB.
@functools.lru_cache(maxsize=64)
def _explained(markup, language, entries):
    glossary = _glossary_for(entries)
    # The text nodes that may be marked: not inside a skipped element, not blank.
    spans, last, skipping = [], 0, []
    for token in TOKENS.finditer(markup):
        start = token.start()
        if not skipping and start > last and not markup[last:start].isspace():
            spans.append((last, start))
        last = token.end()
        name = token.group(2)
        if name is None:
            continue
        closing, name, attributes = token.group(1), name.lower(), token.group(3)
        if name in VOID or attributes.rstrip().endswith("/"):
            continue
        if skipping:
            if name == skipping[-1][0]:
                skipping[-1][1] += -1 if closing else 1
                if skipping[-1][1] == 0:
                    skipping.pop()
            continue
        if closing:
            continue
        lang = LANG.search(attributes)
        if name in SKIP or (lang and lang.group(1).split("-")[0].lower() != language):
            skipping.append([name, 1])
    if not skipping and len(markup) > last and not markup[last:].isspace():
        spans.append((last, len(markup)))
    # A wording never spans two text nodes: joined by a character none holds.
    finder = glossary.finder("<".join(markup[start:end] for start, end in spans))
    if finder is None:
        return markup, ()

    explained = []
    seen = set()

    def mark(match):
        name = match.lastgroup  # the one named group that matched
        entry = entries[int(name[1:].split("_")[0])]
        if entry.key in seen:
            return match.group()
        seen.add(entry.key)
        explained.append(entry)
        return (
            f'<dfn class="glossary-term" id="glossary-use-{entry.anchor}">'
            f'<a href="#glossary-{entry.anchor}" '
            f'aria-describedby="glossary-{entry.anchor}-definition">'
            f"{match.group()}</a></dfn>"
        )

    out, copied = [], 0
    for start, end in spans:
        text = markup[start:end]
        marked = finder.sub(mark, text)
        if marked is not text and marked != text:
            out.append(markup[copied:start])
            out.append(marked)
            copied = end
    if not explained:
        return markup, ()
    out.append(markup[copied:])
    return "".join(out), tuple(explained)
