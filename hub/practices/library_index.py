"""Keeping the library's entries (practices.LibraryEntry and LibraryValue) up to date.

An entry holds what the library filters, counts and sorts on: a case study's or
action's published fields, its taxonomy terms (by translation key), its years of
activity, its programme (an action takes its case study's) and the strongest evidence
level that public evaluation reports and good-practice guides give it (an action also
takes its case study's). Its visibility is never stored: the library applies
`hub.pages.visibility.public()` to the pages in the same query.

What changes an entry, and where it is written again:

- a case study or action is published (its fields and terms, its actions' too), moved
  (its library, its case study) or deleted (the rows go with the page);
- a report or guide is published, unpublished, moved or deleted, or any view
  restriction is added or removed: the evidence levels are computed again;
- a taxonomy term is deleted, or a region changes country.

`fill_library_items` (run by `make run` through the post-migrate check in
apps.py, and by the benchmark after its bulk insert) writes every entry again.
"""

import logging
from collections import defaultdict

from django.db import transaction
from django.db.models import Q

from hub.pages.blocks import raw_figures
from hub.pages.formatting import sort_text

from . import library_counts
from .figures import participants
from .library import (
    ACTION,
    CASE_STUDY,
    EVIDENCE_RANK,
    NO_EVIDENCE,
    evidence_links,
    page_links,
    periods_of,
)
from .models import (
    ActionPage,
    CaseStudyPage,
    EvaluationReportPage,
    GoodPracticeGuidePage,
    LibraryEntry,
    LibraryIndexPage,
    LibraryValue,
)

logger = logging.getLogger(__name__)

BATCH = 200  # case studies at a time, with their actions
STEP = ActionPage.steplen


def _strongest(levels):
    return max(levels, key=lambda level: EVIDENCE_RANK[level]) if levels else None


def evidence_levels(keys=None):
    """{translation key: set of levels} that public reports and guides give."""
    levels = defaultdict(set)
    for key, level in evidence_links(keys):
        levels[str(key)].add(level)
    return levels


def _evidence(own_key, parent_key, levels):
    found = set(levels.get(own_key, ()))
    if parent_key is not None:  # an evaluation covers the project's actions
        found |= levels.get(parent_key, set())
    return _strongest(found) or NO_EVIDENCE


def _with_actions(page_ids):
    """The pages, and the actions below those that are case studies."""
    ids = set(page_ids)
    paths = list(
        CaseStudyPage.objects.filter(pk__in=ids).values_list("path", flat=True)
    )
    for start in range(0, len(paths), BATCH):
        condition = Q()
        for path in paths[start : start + BATCH]:
            condition |= Q(path__startswith=path)
        ids |= set(ActionPage.objects.filter(condition).values_list("pk", flat=True))
    return ids


def refresh(page_ids):
    """Write again the entries of these pages (case studies and actions; other pages
    are left alone) and of the actions below the case studies among them."""
    ids = _with_actions(page_ids)
    for start in range(0, len(ids), 5 * BATCH):
        _write(sorted(ids)[start : start + 5 * BATCH])


def _write(ids):
    columns = ["pk", "translation_key", "title", "path", "start_date", "end_date"]
    columns += ["locale_id"]
    studies = list(
        CaseStudyPage.objects.filter(pk__in=ids).values(
            *columns, "total_budget", "programme__translation_key", "key_figures"
        )
    )
    actions = list(
        ActionPage.objects.filter(pk__in=ids).values(
            *columns, "action_kind", "outcomes"
        )
    )
    parent_paths = {row["path"][:-STEP] for row in actions}
    parents = {
        row["path"]: row
        for row in CaseStudyPage.objects.filter(path__in=parent_paths).values(
            "pk", "path", "translation_key", "programme__translation_key"
        )
    }
    library_paths = {row["path"][:-STEP] for row in studies}
    library_paths |= {row["path"][: -2 * STEP] for row in actions}
    libraries = {
        path: (pk, locale_id)
        for path, pk, locale_id in LibraryIndexPage.objects.filter(
            path__in=library_paths
        ).values_list("path", "pk", "locale_id")
    }
    study_ids = [row["pk"] for row in studies]
    action_ids = [row["pk"] for row in actions]
    links = defaultdict(lambda: defaultdict(set))
    parts = page_links(CaseStudyPage, study_ids) + page_links(ActionPage, action_ids)
    for page_id, facet, key, country in parts[0].union(*parts[1:], all=True):
        links[page_id][facet].add(str(key))
        if country:
            links[page_id]["country"].add(country)
    keys = {str(row["translation_key"]) for row in studies + actions}
    keys |= {str(row["translation_key"]) for row in parents.values()}
    levels = evidence_levels(keys)

    entries, values = [], []
    for kind, rows in ((CASE_STUDY, studies), (ACTION, actions)):
        for row in rows:
            path = row["path"]
            parent = parents.get(path[:-STEP]) if kind == ACTION else None
            library, locale_id = libraries.get(
                path[: -(2 if parent else 1) * STEP], (None, None)
            )
            if library is None or (kind == ACTION and parent is None):
                continue
            # A page in another language than its library's is never listed there:
            # no entry, so that the counts read from the values join no page.
            if row["locale_id"] != locale_id:
                continue
            found = {facet: set(terms) for facet, terms in links[row["pk"]].items()}
            found["type"] = {kind}
            found["period"] = periods_of(row["start_date"], row["end_date"])
            programme = (parent or row)["programme__translation_key"]
            found["programme"] = {str(programme)} if programme else set()
            if kind == ACTION:
                found["action_kind"] = {row["action_kind"]}
            key = str(row["translation_key"])
            parent_key = str(parent["translation_key"]) if parent else None
            found["evidence"] = {_evidence(key, parent_key, levels)}
            figures = row["key_figures"] if kind == CASE_STUDY else row["outcomes"]
            count = participants(raw_figures(figures))
            entries.append(
                LibraryEntry(
                    page_id=row["pk"],
                    library_id=library,
                    parent_id=parent["pk"] if parent else None,
                    kind=kind,
                    translation_key=row["translation_key"],
                    sort_title=sort_text(row["title"])[:255],
                    sort_date=row["start_date"] or row["end_date"],
                    total_budget=row.get("total_budget"),
                    participants=None if count is None else float(count),
                    sort_path=path,
                )
            )
            values += [
                LibraryValue(
                    entry_id=row["pk"],
                    library_id=library,
                    facet=facet,
                    value=value[:64],
                )
                for facet, facet_values in found.items()
                for value in sorted(facet_values)
                if value
            ]
    with transaction.atomic(), library_counts.tracking(ids):
        LibraryValue.objects.filter(entry_id__in=ids).delete()
        LibraryEntry.objects.filter(page_id__in=ids).delete()
        LibraryEntry.objects.bulk_create(entries, batch_size=1000)
        LibraryValue.objects.bulk_create(values, batch_size=2000)


def refresh_evidence():
    """Compute every entry's evidence level again, from the reports and guides that
    are public now; write only the entries whose level changed."""
    levels = evidence_levels()
    keys = list(levels)
    wanted = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        rows = LibraryEntry.objects.filter(
            Q(translation_key__in=chunk) | Q(parent__translation_key__in=chunk)
        ).values_list("page_id", "translation_key", "parent__translation_key")
        for page_id, key, parent_key in rows:
            parent_key = str(parent_key) if parent_key else None
            wanted[page_id] = _evidence(str(key), parent_key, levels)
    current = dict(
        LibraryValue.objects.filter(facet="evidence")
        .exclude(value=NO_EVIDENCE)
        .values_list("entry_id", "value")
    )
    changed = defaultdict(list)
    for page_id in set(wanted) | set(current):
        level = wanted.get(page_id, NO_EVIDENCE)
        if current.get(page_id, NO_EVIDENCE) != level:
            changed[level].append(page_id)
    if not changed:
        return 0
    changed_ids = [pk for page_ids in changed.values() for pk in page_ids]
    with transaction.atomic(), library_counts.tracking(changed_ids):
        for level, page_ids in changed.items():
            for start in range(0, len(page_ids), 500):
                chunk = page_ids[start : start + 500]
                LibraryValue.objects.filter(
                    facet="evidence", entry_id__in=chunk
                ).delete()
                existing = LibraryEntry.objects.filter(page_id__in=chunk).values_list(
                    "page_id", "library_id"
                )
                LibraryValue.objects.bulk_create(
                    [
                        LibraryValue(
                            entry_id=pk,
                            library_id=library,
                            facet="evidence",
                            value=level,
                        )
                        for pk, library in existing
                    ]
                )
    return sum(len(page_ids) for page_ids in changed.values())


def items_count():
    """(entries, case studies and actions): equal once every entry is written."""
    pages = CaseStudyPage.objects.count() + ActionPage.objects.count()
    return LibraryEntry.objects.count(), pages


def fill(log=None):
    """Write every entry again, by batches of case studies with their actions, then
    the library's totals from them."""
    study_ids = list(
        CaseStudyPage.objects.order_by("path").values_list("pk", flat=True)
    )
    with library_counts.paused():
        LibraryEntry.objects.exclude(
            page__in=CaseStudyPage.objects.values("pk")
        ).exclude(page__in=ActionPage.objects.values("pk")).delete()
        for start in range(0, len(study_ids), BATCH):
            refresh(study_ids[start : start + BATCH])
            if log and start and start % (50 * BATCH) == 0:
                log(f"  {start} case studies")
        refresh_evidence()
    with transaction.atomic():
        library_counts.rebuild()


EVIDENCE_MODELS = (EvaluationReportPage, GoodPracticeGuidePage)
