"""The first use of each glossary term in a page's main text, explained.

The term becomes a <dfn> whose link leads to its definition in a "Terms explained on
this page" list at the end of the text (keyboard users follow it, and come back with
the browser's Back), and whose aria-describedby reads that definition to screen
readers at once. Only prose is touched: not links, headings, buttons, labels, code,
parts in another language, attributes, or a term already marked up.
"""

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
TOKENS = re.compile(r"<!--.*?-->|<![^>]*>|<[^>]+>", re.S)
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
LANG = re.compile(r"""\blang\s*=\s*["']?([a-zA-Z-]+)""")


def _finder(entries):
    """One pattern for every wording of every term, longest first; an abbreviation
    (QPV, CAP) matches in capitals only, other wordings in any case."""
    alternatives = []
    for index, entry in enumerate(entries):
        for wording in entry.wordings:
            body = re.escape(wording).replace(r"\ ", r"\s+")
            flags = "" if wording.isupper() else "(?i:{})"
            piece = flags.format(body) if flags else body
            alternatives.append(
                (len(wording), f"(?P<t{index}_{len(alternatives)}>{piece}(?:s|x)?)")
            )
    alternatives.sort(key=lambda item: item[0], reverse=True)
    if not alternatives:
        return None
    pattern = "|".join(piece for _length, piece in alternatives)
    return re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)")


_finders = {}


def _finder_for(entries):
    """`_finder(entries)`, built once per process for the same terms (keyed on the
    terms themselves: an edited term is another key)."""
    key = tuple(entries)
    if key not in _finders:
        if len(_finders) >= 8:
            _finders.clear()
        _finders[key] = _finder(entries)
    return _finders[key]


def explain_terms(markup, language):
    """(markup with the first use of each term marked, [entries explained])."""
    entries = entries_for(language)
    finder = _finder_for(entries) if markup else None
    if finder is None:
        return markup, []
    explained = []
    seen = set()
    out, last, skipping = [], 0, []

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

    for token in TOKENS.finditer(markup):
        text = markup[last : token.start()]
        out.append(text if skipping or not text.strip() else finder.sub(mark, text))
        out.append(token.group())
        last = token.end()
        tag = TAG.match(token.group())
        if not tag:
            continue
        closing, name, attributes = tag.group(1), tag.group(2).lower(), tag.group(3)
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
    tail = markup[last:]
    out.append(tail if skipping or not tail.strip() else finder.sub(mark, tail))
    return "".join(out), explained
