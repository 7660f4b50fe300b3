"""Cross-language search: a query naming a glossary term, in any language or wording,
also looks for every wording of that term in each language searched.

    expansions("social landlord jobs", ["en", "fr"])
    -> {"en": ["housing association jobs", ...], "fr": ["bailleur social jobs", ...]}

Both search backends run the alternatives beside the query as typed (search/), so
"social landlord" finds « bailleur social » pages when all languages are searched, and
"QPV" finds "priority neighbourhood" in English. Texts are folded (no accents, lower
case), as both backends fold them.
"""

import re
from collections import defaultdict
from functools import lru_cache

from hub.pages.formatting import fold

from .terms import all_entries

MAX_ALTERNATIVES = 8  # per language: each is one more clause or query


def _pattern(wording):
    # Whole words; a plural "s" or "x" on the last word still names the term.
    return re.compile(r"(?<!\w)" + re.escape(fold(wording)) + r"(?:s|x)?(?!\w)")


def expansions(text, languages):
    """{language: [alternative query texts]} for the glossary terms `text` names."""
    folded = fold(text or "").strip()
    result = {language: [] for language in languages}
    if not folded:
        return result
    for patterns, wordings in _compiled(all_entries()):
        match = None
        for pattern in patterns:
            match = pattern.search(folded)
            if match:
                break
        if match is None:
            continue
        for language, folded_wordings in wordings:
            if language not in result:
                continue
            for wording in folded_wordings:
                alternative = " ".join(
                    (folded[: match.start()] + wording + folded[match.end() :]).split()
                )
                alternatives = result[language]
                if (
                    alternative != folded
                    and alternative not in alternatives
                    and len(alternatives) < MAX_ALTERNATIVES
                ):
                    alternatives.append(alternative)
    return result


# The entries last compiled, and what they gave: during public requests all_entries()
# gives the same object for a whole page generation (hub.cache.generation_kept), which
# saves hashing every entry to look them up.
_last = (None, None)


def _compiled(entries):
    global _last
    last_entries, terms = _last
    if entries is not last_entries:
        terms = _terms(tuple(entries))
        _last = (entries, terms)
    return terms


@lru_cache(maxsize=4)
def _terms(entries):
    """Per glossary term (its entries in every language): the patterns of all its
    wordings, longest first, and each entry's language with its folded wordings.
    Kept for the entries as read (a glossary edit reads other entries): compiling
    them took about a millisecond of every search."""
    groups = defaultdict(list)
    for entry in entries:
        groups[entry.key].append(entry)
    terms = []
    for group in groups.values():
        wordings = sorted(
            {w for entry in group for w in entry.wordings}, key=len, reverse=True
        )
        terms.append(
            (
                [_pattern(wording) for wording in wordings],
                [(e.language, [fold(w) for w in e.wordings]) for e in group],
            )
        )
    return terms
