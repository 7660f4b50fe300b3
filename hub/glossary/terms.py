"""The glossary's terms as plain values, read once and kept in the cache (pages and
searches read them often; signals.py drops them on every change)."""

from dataclasses import dataclass

from django.core.cache import cache

CACHE_KEY = "glossary:terms:1"
CACHE_SECONDS = 3600


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


def all_entries():
    entries = cache.get(CACHE_KEY)
    if entries is None:
        from .models import GlossaryTerm

        entries = [
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
        ]
        cache.set(CACHE_KEY, entries, CACHE_SECONDS)
    return entries


def entries_for(language):
    """The terms of one language, in alphabetical order (accents ignored)."""
    from hub.pages.formatting import sort_text

    return sorted(
        (entry for entry in all_entries() if entry.language == language),
        key=lambda entry: sort_text(entry.term),
    )


def forget_terms():
    cache.delete(CACHE_KEY)
