"""Two to four case studies or actions side by side.

A compare link names items by page id or translation key. Items in the other language
are swapped for their translation; drafts, unknown or private pages are left out with
a message; one item alone, or more than four, never fail: the reader is told what was
shown and can pick again.
"""

import uuid
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from wagtail.models import Page

from .exports import export_records
from .figures import budget_lines
from .library import CASE_STUDY

MIN_ITEMS, MAX_ITEMS = 2, 4
MAX_TOKENS = 50
# The picker lists the library's items up to this many (in the tree's order), and the
# chosen ones: tens of thousands of checkboxes would help nobody.
MAX_CANDIDATES = 300


@dataclass
class Comparison:
    records: list = field(default_factory=list)
    notices: list = field(default_factory=list)
    candidates: list = field(default_factory=list)  # library items to pick from
    more_candidates: bool = False  # the library has more than the picker lists

    @property
    def enough(self):
        return len(self.records) >= MIN_ITEMS


def parse_tokens(params):
    """Page ids and translation keys, in the order given, without duplicates."""
    tokens = []
    for value in params.getlist("items"):
        for part in str(value).split(","):
            part = part.strip()[:64]
            if part and part not in tokens:
                tokens.append(part)
    return tokens[:MAX_TOKENS]


def _as_key(token):
    # ASCII digits only ("²" is a digit to str.isdigit) and within a bigint.
    if token.isascii() and token.isdigit() and len(token) <= 18:
        return int(token)
    try:
        return uuid.UUID(token)
    except ValueError:
        return None


def resolve(library, tokens):
    """The library items named by `tokens` (in order) and messages about the rest."""
    ids = [key for key in map(_as_key, tokens) if isinstance(key, int)]
    keys = {str(key) for key in map(_as_key, tokens) if isinstance(key, uuid.UUID)}
    # Ids of pages outside the library (drafts, private pages) find nothing below and
    # get the same message as unknown ids: the link tells nothing about them.
    pages = {
        pk: (str(key), locale_id)
        for pk, key, locale_id in Page.objects.filter(pk__in=ids).values_list(
            "pk", "translation_key", "locale_id"
        )
    }
    by_key = library.items_by_key(keys | {key for key, _locale in pages.values()})
    chosen, notices = [], []
    for token in tokens:
        key = _as_key(token)
        item = None
        if isinstance(key, uuid.UUID) and str(key) in keys:
            item = by_key.get(str(key))
        elif isinstance(key, int) and key in pages:
            translation_key, locale_id = pages[key]
            item = by_key.get(translation_key)
            if item is not None and locale_id != library.locale_id:
                notices.append(
                    _("“%(title)s” is shown in this page's language.")
                    % {"title": item.title}
                )
        if item is None:
            notices.append(
                _(
                    "“%(item)s” is not a published case study or action of this "
                    "library in this language, so it was left out."
                )
                % {"item": token[:40]}
            )
        elif item not in chosen:
            chosen.append(item)
    if len(chosen) > MAX_ITEMS:
        notices.append(
            _(
                "You can compare up to %(max)s items at a time; you chose "
                "%(count)s, so the first %(max)s are shown."
            )
            % {"max": MAX_ITEMS, "count": len(chosen)}
        )
        chosen = chosen[:MAX_ITEMS]
    return chosen, notices


def compare(library, params, request):
    tokens = parse_tokens(params)
    chosen, notices = resolve(library, tokens)
    candidates, more = library.candidates(MAX_CANDIDATES, [item.pk for item in chosen])
    comparison = Comparison(
        notices=notices, candidates=candidates, more_candidates=more
    )
    if len(chosen) < MIN_ITEMS:
        comparison.notices.append(
            _("Choose at least two case studies or actions to compare them.")
            if chosen or not tokens
            else _("None of the items in this link can be compared.")
        )
    library.load_pages(chosen)  # the pages themselves: links and budget lines
    result = _Result(chosen)
    comparison.records = export_records(library, result, request)
    for record, item in zip(comparison.records, chosen, strict=True):
        page = item.page
        record["budget_lines"] = (
            budget_lines(page, record["key_figures"]) if item.kind == CASE_STUDY else []
        )
        record["page"] = page
    comparison.chosen_ids = {item.pk for item in chosen}
    comparison.rows = rows_with_values(comparison.records)
    return comparison


OPTIONAL_ROWS = [
    "case_study",
    "programme",
    "status",
    "action_kind",
    "participants",
    "territory",
    "regions",
    "themes",
    "target_groups",
    "partners",
    "key_figures",
]


def rows_with_values(records):
    """The rows worth showing: those where at least one item has a value."""
    rows = {
        name
        for name in OPTIONAL_ROWS
        if any(record[name] not in (None, "", []) for record in records)
    }
    if any(record["start_date"] or record["end_date"] for record in records):
        rows.add("dates")
    if any(record["budget_lines"] or record["cost"] for record in records):
        rows.add("budget")
    return rows


@dataclass
class _Result:
    items: list
