"""Typography as each language's readers expect it, applied when text is rendered, so
that neither translators nor editors have to type invisible characters.

French (as a French public body writes it): a no-break space (U+00A0) before « : »
and inside « », a narrow no-break space (U+202F) before ; ! ? and %, and between
thousands (« 1 020 »); « 1er » for the first day of a month; « 9 h 30 » for 09:30.
English (en-GB): "41%", not "41 %".

`french_text()` and `english_text()` work on plain text (e-mails, feeds, calendars);
`typeset_html()` on HTML, where it touches only the text between tags: never an
attribute, an address, a script, a style, code, or a part marked in another language
(`lang="en"` inside a French page). `TypographyMiddleware` applies it to the public
site's HTML pages, so templates, catalogues and editors' rich text all get it.
"""

import functools
import re

from django.utils import translation

NBSP = "\u00a0"
NNBSP = "\u202f"
_SPACES = f" {NBSP}{NNBSP}"

MONTHS_FR = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    "décembre"
)

# Addresses, e-mail addresses and HTML character references in running text keep
# their : ; ? ! and digits.
_NOT_PROSE = re.compile(
    r"(?:https?://|mailto:|www\.)[^\s<>«»]+|[\w.+-]+@[\w-]+\.[\w.]+|&#?\w+;"
)

_SPACE_REFERENCES = {"&nbsp;", "&#160;", "&#xa0;", "&#8239;", "&#x202f;", "&thinsp;"}

# (characters one of which the text must hold, pattern, replacement): a rule whose
# characters are absent is not run, which keeps a page's typesetting cheap.
_DIGITS = "0123456789"
_FRENCH_RULES = [
    # « : » after a word: a no-break space, whatever space (or none) was typed.
    (":", re.compile(rf"(?<=[^\s:])[{_SPACES}]*:(?=[\s{NBSP}{NNBSP}]|$)"), NBSP + ":"),
    # ; ! ? after a word: a narrow no-break space ("?!" keeps its two marks together).
    (
        ";!?",
        re.compile(rf"(?<=[^\s;!?])[{_SPACES}]*([;!?]+)(?=[\s{NBSP}{NNBSP}»)]|$)"),
        NNBSP + r"\1",
    ),
    # Inside guillemets.
    ("«", re.compile(rf"«[{_SPACES}]*"), "«" + NBSP),
    ("»", re.compile(rf"(?<=\S)[{_SPACES}]*»"), NBSP + "»"),
    # 41 % and 4 500: narrow no-break spaces that keep the number whole.
    ("%", re.compile(rf"(?<=\d)[ {NBSP}]?%"), NNBSP + "%"),
    (
        _DIGITS,
        re.compile(rf"\b\d{{1,3}}(?:[ {NBSP}]\d{{3}})+\b"),
        lambda m: re.sub(f"[ {NBSP}]", NNBSP, m.group()),
    ),
    # 1er février, and times the French way: 9 h 30, 17 h.
    ("1", re.compile(rf"\b1(?=[{_SPACES}](?:{MONTHS_FR})\b)"), "1er"),
    (
        ":",
        re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)\b(?![:/.]\d)"),
        lambda m: french_clock(int(m.group(1)), int(m.group(2))),
    ),
]

_ENGLISH_RULES = [("%", re.compile(rf"(?<=\d)[{_SPACES}]%"), "%")]


def _english_may_apply(markup):
    """Whether the page holds what any English rule needs: a space before a "%"
    (never an address's percent-encoding). A page without it is left as it is,
    without walking its thousand tags, about a millisecond: most English pages. A new
    English rule must widen it."""
    at = markup.find("%")
    while at != -1:
        if at and markup[at - 1] in _SPACES:
            return True
        at = markup.find("%", at + 1)
    return False


# Each rule's characters as a set: one C-level test per rule and piece of text.
_CHARACTER_SETS = {
    characters: frozenset(characters)
    for characters, _pattern, _replacement in _FRENCH_RULES + _ENGLISH_RULES
}


def french_clock(hour, minute):
    """9 h 30, 17 h."""
    if minute:
        return f"{hour}{NBSP}h{NBSP}{minute:02d}"
    return f"{hour}{NBSP}h"


# Every rule needs one of these characters: text without any is left as it is, which
# is most of a page's text nodes (the fast path).
_TRIGGERS = re.compile(r"[:;!?«»%0-9]")


def _apply(rules, text):
    if not text or not _TRIGGERS.search(text):
        return text
    pieces, last = [], 0
    for match in _NOT_PROSE.finditer(text):
        pieces.append((text[last : match.start()], True))
        pieces.append((match.group(), False))
        last = match.end()
    pieces.append((text[last:], True))
    out = []
    for piece, prose in pieces:
        if prose and piece:
            # After an address or a character reference, prose goes on as after a
            # word ("&#39; :" needs its no-break space too): a stand-in letter.
            before = out[-1] if out else ""
            spacing = before.lower() in _SPACE_REFERENCES or before[-1:].isspace()
            anchor = "x" if before and not spacing else ""
            piece = anchor + piece
            for characters, pattern, replacement in rules:
                if not _CHARACTER_SETS[characters].isdisjoint(piece):
                    piece = pattern.sub(replacement, piece)
            piece = piece[len(anchor) :]
        out.append(piece)
    return "".join(out)


def french_text(text):
    """Plain French text with French spacing, « 1er » and « 9 h 30 »."""
    return _apply(_FRENCH_RULES, text)


def english_text(text):
    """Plain English text with British spacing ("41%")."""
    return _apply(_ENGLISH_RULES, text)


def typeset_text(text, language=None):
    """`text` typeset for `language` (the active language by default)."""
    language = (language or translation.get_language() or "").split("-")[0]
    if language == "fr":
        return french_text(text)
    if language == "en":
        return english_text(text)
    return text


# Elements whose text is not prose: left alone, with everything inside them.
_RAW = {"script", "style", "pre", "code", "textarea", "kbd", "samp", "svg", "math"}
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
}  # fmt: skip
_TOKENS = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?.*?\?>"
    r"|<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>",
    re.S,
)
_LANG = re.compile(r"""\blang\s*=\s*["']?([a-zA-Z-]+)""")


def typeset_html(markup, language=None):
    """HTML with its text typeset for `language`; tags and attributes unchanged."""
    language = (language or translation.get_language() or "").split("-")[0]
    if language not in ("fr", "en") or not markup:
        return markup
    if language == "en" and not _english_may_apply(markup):
        return markup
    rules = _FRENCH_RULES if language == "fr" else _ENGLISH_RULES
    pieces, copied, last = [], 0, 0  # only changed text nodes are rebuilt
    skipping = []  # the element that started a skipped part, and its nesting
    previous = ""  # the last character of prose, which « : » and ; ! ? follow
    triggered = _TRIGGERS.search
    # One pass over the tags; the text before each is typeset where it holds a
    # character some rule needs. (Written flat: a page has a thousand tags.)
    for token in _TOKENS.finditer(markup):
        start, end = token.span()
        if start > last and not skipping:
            text = markup[last:start]
            if triggered(text):
                typeset = _typeset_text_node(rules, language, previous, text)
                if typeset != text:
                    pieces.append(markup[copied:last])
                    pieces.append(typeset)
                    copied = start
            previous = text[-1]
        last = end
        closing, name, attributes = token.groups()
        if name is None:
            continue
        name = name.lower()
        if name in _VOID or attributes.endswith("/"):
            continue
        if skipping:
            if name == skipping[-1][0]:
                skipping[-1][1] += -1 if closing else 1
                if skipping[-1][1] == 0:
                    skipping.pop()
            continue
        if closing:
            continue
        lang = _LANG.search(attributes) if "lang" in attributes else None
        if name in _RAW or (
            lang and name != "html" and lang.group(1).split("-")[0].lower() != language
        ):
            skipping.append([name, 1])
    if not skipping and len(markup) > last:
        text = markup[last:]
        if triggered(text):
            typeset = _typeset_text_node(rules, language, previous, text)
            if typeset != text:
                pieces.append(markup[copied:last])
                pieces.append(typeset)
                copied = len(markup)
    pieces.append(markup[copied:])
    return "".join(pieces)


def _typeset_text_node(rules, language, previous, text):
    anchor = previous if previous and not previous.isspace() else ""
    if len(text) <= _MEMO_LONGEST:
        return _typeset_node(language, anchor, text)
    return _typeset_piece(rules, text, anchor)


# A page's text nodes are mostly the same from one page and one reader to the next
# (the header, the footer, labels, the glossary, a page read again): each node is
# typeset once per process. Typesetting is a function of the language, the character
# before and the text alone, so nothing here needs invalidating; the memo is bounded
# (10,000 nodes of at most 1,000 characters).
_MEMO_LONGEST = 1000


@functools.lru_cache(maxsize=10_000)
def _typeset_node(language, anchor, text):
    rules = _FRENCH_RULES if language == "fr" else _ENGLISH_RULES
    return _typeset_piece(rules, text, anchor)


def _typeset_piece(rules, text, previous):
    """A text node typeset as the continuation of the prose before it, so that
    "<b>Statut</b> :" gets its no-break space."""
    if not text or not _TRIGGERS.search(text):
        return text
    anchor = previous if previous and not previous.isspace() else ""
    result = _apply(rules, anchor + text)
    if anchor and result.startswith(anchor):
        return result[len(anchor) :]
    return _apply(rules, text)


# Whole pages too: a page rendered again comes out the same, byte for byte, far more
# often than not (each change to the hub drops every cached page and fragment, and
# they are rendered again, mostly unchanged): its typesetting is read from here, keyed
# on the page's text itself. A few dozen pages of some 50 kB each, per process.
@functools.lru_cache(maxsize=32)
def _typeset_page(markup, language):
    return typeset_html(markup, language)


class TypographyMiddleware:
    """Typesets the public site's HTML pages in their language, before the page cache
    stores them (so a cached page costs nothing more). The admin, documents and
    anything that is not a complete HTML response are left alone."""

    SKIP_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or request.path.startswith(self.SKIP_PREFIXES)
            or response.get("Content-Encoding")
        ):
            return response
        language = translation.get_language()
        if language not in ("fr", "en"):
            return response
        charset = response.charset or "utf-8"
        content = response.content.decode(charset)
        typeset = _typeset_page(content, language)
        if typeset != content:
            response.content = typeset.encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
