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
    groups = defaultdict(list)
    for entry in all_entries():
        groups[entry.key].append(entry)
    for entries in groups.values():
        match = None
        for wording in sorted(
            {w for entry in entries for w in entry.wordings}, key=len, reverse=True
        ):
            match = _pattern(wording).search(folded)
            if match:
                break
        if match is None:
            continue
        for entry in entries:
            if entry.language not in result:
                continue
            for wording in entry.wordings:
                alternative = " ".join(
                    (
                        folded[: match.start()] + fold(wording) + folded[match.end() :]
                    ).split()
                )
                alternatives = result[entry.language]
                if (
                    alternative != folded
                    and alternative not in alternatives
                    and len(alternatives) < MAX_ALTERNATIVES
                ):
                    alternatives.append(alternative)
    return result
