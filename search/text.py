"""Text handling shared by both backends: cleaning what a reader typed, the words a
query is made of, and snippets with the matched words marked.

The engine analyses text itself (search/backends/analysis.py). The database backends
get the same treatment as far as they allow: accents folded and French elisions
(l', d', qu'...) removed here, stemming by PostgreSQL's own French and English
dictionaries, or by the light stemmer below on SQLite, whose full-text index has none.
"""

import html
import re
import unicodedata
from functools import lru_cache

from django.utils.safestring import mark_safe

from hub.pages.formatting import fold

# Longer queries are cut: nobody types more, and it bounds the cost of a query.
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 16

# Sentinels the engine puts around highlighted words (Unicode private use area): they
# survive HTML escaping unchanged and are swapped for <mark> afterwards.
MARK_START = "\ue000"
MARK_END = "\ue001"

APOSTROPHES = "'’ʼ`´"
ELISIONS = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu")
ELISION_RE = re.compile(
    r"\b(?:" + "|".join(ELISIONS) + r")[" + APOSTROPHES + r"](?=\w)", re.IGNORECASE
)
WORD_RE = re.compile(r"\w+")

STOPWORDS = {
    "en": set(
        "a an and are as at be but by for from has have in into is it its of on or "
        "that the their there these they this to was were will with".split()
    ),
    "fr": set(
        "a au aux avec ce ces dans de des du elle en et eux il ils je la le les leur "
        "leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu "
        "que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous y est "
        "sont c d j l m n s t".split()
    ),
}


@lru_cache(maxsize=100_000)
def _folded(word):
    return tuple(WORD_RE.findall(fold(word)))


def folded_words(text):
    """The words of `text`, folded: `WORD_RE.findall(fold(text))`, with each distinct
    word folded once per process (the database search checks thousands of titles a
    query, and folding character by character cost more than the query itself)."""
    words = []
    for word in WORD_RE.findall(unicodedata.normalize("NFC", text)):
        words.extend(_folded(word))
    return words


def clean_query(value):
    """What the reader typed, without control characters, on one line, cut to a
    sensible length (also at a word boundary when possible)."""
    value = "".join(
        ch if unicodedata.category(ch)[0] != "C" else " " for ch in str(value or "")
    )
    value = " ".join(value.split())
    if len(value) > MAX_QUERY_LENGTH:
        cut = value[:MAX_QUERY_LENGTH]
        value = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return value


def strip_elisions(text):
    """ "l'évaluation qu'il" -> "évaluation il" (both apostrophe forms)."""
    return ELISION_RE.sub("", text)


def query_words(query, language=None, keep_stopwords=False):
    """The folded words of a query, elisions and (unless asked) stopwords removed.

    Only letters and digits survive, so no query syntax of any backend can be formed:
    quotes, operators, brackets and emoji are separators."""
    words = WORD_RE.findall(fold(strip_elisions(query)))
    words = [w.strip("_") for w in words if w.strip("_")]
    if keep_stopwords:
        return words[:MAX_QUERY_WORDS]
    stopwords = STOPWORDS.get(language, set()) if language else _ALL_STOPWORDS
    content = [w for w in words if w not in stopwords]
    # A query made only of stopwords ("the", "la") still searches for them.
    return (content or words)[:MAX_QUERY_WORDS]


_ALL_STOPWORDS = STOPWORDS["en"] | STOPWORDS["fr"]

_SUFFIXES = {
    "en": ("ies", "ing", "ed", "es", "s", "y"),
    "fr": (
        "ements",
        "ement",
        "ations",
        "ation",
        "euses",
        "euse",
        "aux",
        "es",
        "s",
        "x",
        "e",
    ),
}


def light_stem(word, language=None):
    """A prefix shared by a word's usual inflections ("entreprises" -> "entrepris",
    "searching" -> "search"), for prefix matching where no real stemmer exists.

    Deliberately timid: a word of five letters or fewer is kept whole."""
    if len(word) <= 5 or word.isdigit():
        return word
    languages = [language] if language in _SUFFIXES else list(_SUFFIXES)
    best = word
    for lang in languages:
        for suffix in _SUFFIXES[lang]:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                candidate = word[: -len(suffix)]
                if len(candidate) < len(best):
                    best = candidate
                break
    return best


def mark_matches(text, words, language=None, length=220):
    """An HTML snippet of `text`: escaped first, then the words matching the query
    wrapped in <mark>; centred on the first match, cut at word boundaries."""
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")
    stems = sorted({light_stem(w, language) for w in words if len(w) >= 2}, key=len)
    folded = fold(text)
    if not any(stem in folded for stem in stems):
        hits = []
    elif len(folded) == len(text):
        # Folding kept every position: find the words on the folded text at once.
        pattern = re.compile(
            r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + r")\w*"
        )
        hits = list(pattern.finditer(folded))
    else:
        hits = [
            token
            for token in re.finditer(r"\w+", text)
            if any(fold(token.group()).startswith(stem) for stem in stems)
        ]
    start = 0
    if hits and hits[0].start() > length // 3:
        start = _word_start(text, hits[0].start() - length // 3)
    end = min(len(text), start + length)
    if end < len(text):
        end = _word_end(text, end)
    pieces, position = [], start
    for hit in hits:
        if hit.start() < start or hit.end() > end:
            continue
        pieces.append(html.escape(text[position : hit.start()]))
        pieces.append(f"<mark>{html.escape(text[hit.start() : hit.end()])}</mark>")
        position = hit.end()
    pieces.append(html.escape(text[position:end]))
    snippet = "".join(pieces)
    if start > 0:
        snippet = "…" + snippet
    if end < len(text):
        snippet += "…"
    return mark_safe(snippet)


def marked_fragment(fragment):
    """An engine highlight fragment (sentinels around the hits) as safe HTML: the
    text is escaped first, then the sentinels become <mark> elements."""
    escaped = html.escape(" ".join(fragment.split()))
    escaped = escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(escaped)


def _word_start(text, index):
    index = max(0, index)
    space = text.find(" ", index)
    return space + 1 if 0 <= space < index + 30 else index


def _word_end(text, index):
    space = text.rfind(" ", 0, index)
    return space if space > index - 30 else index
