"""“Did you mean …?” for a search that found nothing.

The vocabulary is the words of the public pages' titles and summaries in the reader's
language (the words a reader can find), read once and kept in the cache for a while.
Each word of the query that is not in it is replaced by the closest word that is
(difflib's ratio, accents and case folded), and the correction is offered only when it
changes something. It works the same whichever backend answers, so the database
backend of `make run` gives the same suggestions as the engine.
"""

import difflib
import re

from django.core.cache import cache
from wagtail.models import Page

from hub.pages.formatting import fold
from hub.pages.visibility import public

CACHE_SECONDS = 600
MIN_WORD_LENGTH = 4  # shorter words are too often near something else
CUTOFF = 0.8
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def vocabulary(language):
    """{folded word: the word as written}, from the public pages in `language`."""
    key = f"search:spelling:{language}"
    found = cache.get(key)
    if found is not None:
        return found
    found = {}
    pages = public(Page.objects.live().filter(locale__language_code=language))
    for title, search_description in pages.values_list("title", "search_description"):
        for word in WORD_RE.findall(f"{title} {search_description}"):
            if len(word) >= MIN_WORD_LENGTH:
                found.setdefault(fold(word).lower(), word.lower())
    summaries = _summaries(language)
    for summary in summaries:
        for word in WORD_RE.findall(summary):
            if len(word) >= MIN_WORD_LENGTH:
                found.setdefault(fold(word).lower(), word.lower())
    cache.set(key, found, CACHE_SECONDS)
    return found


def _summaries(language):
    """The summaries of the hub's pages (every page type has one, on HubPage)."""
    texts = []
    for model in _models_with_summary():
        rows = public(
            model.objects.live().filter(locale__language_code=language)
        ).values_list("summary", flat=True)
        texts.extend(text for text in rows if text)
    return texts


def _models_with_summary():
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and not model._meta.abstract
        and any(field.name == "summary" for field in model._meta.local_fields)
    ]


def did_you_mean(text, language):
    """The query with its unknown words corrected, or "" when nothing changes."""
    words = vocabulary(language)
    if not words:
        return ""
    folded_words = list(words)
    changed = False
    corrected = []
    for word in text.split():
        folded = fold(word).lower()
        if len(folded) < MIN_WORD_LENGTH or folded in words or not folded.isalpha():
            corrected.append(word)
            continue
        close = difflib.get_close_matches(folded, folded_words, n=1, cutoff=CUTOFF)
        if close:
            corrected.append(words[close[0]])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else ""
