"""Loads hub/glossary/data/glossary.yaml into GlossaryTerm records, one per language
present, paired by a translation key derived from each entry's key. Running it again
changes nothing; an edited entry is updated in place."""

import uuid
from pathlib import Path

import yaml
from wagtail.models import Locale

from .models import GlossaryTerm

DATA = Path(__file__).resolve().parent / "data" / "glossary.yaml"
NAMESPACE = uuid.UUID("5d0c6a8e-3f0b-4c55-9a3e-6c1e0f7b2a91")
LANGUAGES = ("en", "fr")


class GlossaryDataError(ValueError):
    pass


def translation_key(key):
    return uuid.uuid5(NAMESPACE, key)


def read(path=DATA):
    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    for number, entry in enumerate(entries, 1):
        if not entry.get("key"):
            raise GlossaryDataError(f"{path}: entry {number} has no key")
        for language in LANGUAGES:
            fields = entry.get(language) or {}
            for name in ("term", "definition"):
                if not fields.get(name):
                    raise GlossaryDataError(
                        f"{path}: {entry['key']}.{language} has no {name}"
                    )
    return entries


def _other(entry, language):
    """The term in the other language, as shown beside this one."""
    other_language = next(code for code in LANGUAGES if code != language)
    fields, other = entry[language], entry[other_language]
    if fields.get("other"):
        return fields["other"], other_language
    term = other["term"]
    if other.get("abbreviation") and other["abbreviation"] != term:
        term = f"{term} ({other['abbreviation']})"
    return term, other_language


def load(path=DATA):
    """(created, updated) counts."""
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(language_code__in=LANGUAGES)
    }
    created = updated = 0
    for entry in read(path):
        for language, locale in locales.items():
            fields = entry[language]
            other_term, other_language = _other(entry, language)
            values = {
                "term": fields["term"],
                "abbreviation": fields.get("abbreviation", ""),
                "other_language_term": other_term,
                "other_language": other_language,
                "synonyms": "\n".join(fields.get("synonyms", [])),
                "definition": fields["definition"].strip(),
            }
            term = GlossaryTerm.objects.filter(
                translation_key=translation_key(entry["key"]), locale=locale
            ).first()
            if term is None:
                GlossaryTerm.objects.create(
                    translation_key=translation_key(entry["key"]),
                    locale=locale,
                    **values,
                )
                created += 1
            elif any(getattr(term, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(term, name, value)
                term.save()
                updated += 1
    return created, updated
