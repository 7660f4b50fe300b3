"""The glossary's terms as plain values, read once and kept in the cache (pages and
searches read them often; signals.py drops them on every change).

A shared cache (Redis) holds one copy for every process: a change drops it the moment
it is saved and again when it commits (a process reading the terms in between would
otherwise put the old ones back, for an hour). During a public request, each process
keeps the copy it read for the current page generation, which every change of a term
draws anew (hub/cache.py: generation_kept).

A cache of this process's own (no REDIS_URL: `make run`, any server run without Redis)
cannot be dropped by a change made in another process, or another worker: the copy
kept there is stamped with the terms' version in the database (models.TermsVersion,
one more at each change, in its transaction), which each process reads again at most
once every VERSION_SECONDS. A change is so seen by every process within a second, for
one query a second at most; the process that made it sees it at once.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from hub.cache import generation_kept, is_shared

CACHE_KEY = "glossary:terms:2"
CACHE_SECONDS = 3600
VERSION_SECONDS = 1.0

# When this process last read the terms' version (a per-process cache only).
_version_read = {"at": float("-inf")}


@dataclass(frozen=True)
class Entry:
    key: str  # the translation key shared by the term's languages
    language: str
    term: str
    abbreviation: str
    other_language_term: str
    other_language: str
    definition: str
    anchor: str
    wordings: tuple


def _shared():
    return is_shared(settings.CACHES["default"])


def _version():
    from .models import TermsVersion

    return TermsVersion.objects.filter(pk=1).values_list("number", flat=True).first()


def all_entries():
    if _shared():
        return generation_kept(cache, CACHE_KEY, _read, CACHE_SECONDS)
    kept = cache.get(CACHE_KEY)  # (version, entries)
    now = time.monotonic()
    if kept is not None and now - _version_read["at"] < VERSION_SECONDS:
        return kept[1]
    # The version first: terms read after it are at least as recent as it says.
    version = _version()
    _version_read["at"] = now
    if kept is not None and kept[0] == version:
        return kept[1]
    entries = _read()
    cache.set(CACHE_KEY, (version, entries), CACHE_SECONDS)
    return entries


def _read():
    from .models import GlossaryTerm

    return tuple(
        Entry(
            key=str(term.translation_key),
            language=term.locale.language_code,
            term=term.term,
            abbreviation=term.abbreviation,
            other_language_term=term.other_language_term,
            other_language=term.other_language,
            definition=term.definition,
            anchor=term.anchor,
            wordings=tuple(term.wordings),
        )
        for term in GlossaryTerm.objects.select_related("locale").order_by("term")
    )


def entries_for(language):
    """The terms of one language, in alphabetical order (accents ignored)."""
    from hub.pages.formatting import sort_text

    return sorted(
        (entry for entry in all_entries() if entry.language == language),
        key=lambda entry: sort_text(entry.term),
    )


def forget_terms():
    """Drop the terms kept (shared, or this process's own), to be read again."""
    cache.delete(CACHE_KEY)
