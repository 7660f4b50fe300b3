"""The library's counts, totals and sorted lists against the plain way of reading them
(every value of every matching entry counted, every matching page sorted by its page
path), on a benchmark database (bench/library_scale.py builds it), for many filter
combinations and every sort; then again with pages unpublished and restricted, in a
transaction rolled back at the end.

    .venv/bin/python bench/library_exactness.py [--case-studies 2000]

Prints each combination that differs and exits 1 if any does.
"""

import argparse
import itertools
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.serve import database_url  # noqa: E402


def reference(library, selected, sort):
    """(counts, total, undated, the first 40 and 12 rows from the 600th)."""
    from django.db.models import Count, F, Q

    from hub.practices.library import COLUMNS, ENTRY, FACET_NAMES, _title_order
    from hub.practices.models import LibraryValue

    counts = {name: {} for name in FACET_NAMES}
    chosen = [name for name in FACET_NAMES if selected.get(name)]
    groups = [(None, [name for name in FACET_NAMES if name not in chosen])]
    groups += [(name, [name]) for name in chosen]
    for without, facets in groups:
        if not facets:
            continue
        rows = (
            LibraryValue.objects.filter(
                entry_id__in=library.matching(selected, without=without).values("pk"),
                facet__in=facets,
            )
            .order_by()
            .values_list("facet", "value")
            .annotate(count=Count("entry_id"))
        )
        for facet, value, count in rows:
            counts[facet][value] = count
    pages = library.matching(selected)
    totals = pages.aggregate(
        total=Count("pk"),
        undated=Count("pk", filter=Q(**{COLUMNS["sort_date"]: None})),
    )
    then = [_title_order(), "path"]
    if sort == "title":
        order = then
    elif sort in ("budget", "participants"):
        name = "total_budget" if sort == "budget" else "participants"
        order = [F(ENTRY + name).desc(nulls_last=True), *then]
    elif sort == "oldest":
        order = [F(ENTRY + "sort_date").asc(nulls_last=True), *then]
    else:
        order = [F(ENTRY + "sort_date").desc(nulls_last=True), *then]
    ordered = pages.order_by(*order).values_list("pk", flat=True)
    return (
        counts,
        totals["total"],
        totals["undated"],
        (list(ordered[:40]) + list(ordered[600:612])),
    )


def current(library, selected, sort):
    from hub.practices.filters import search_library

    counts = library.counts(selected)
    counts.pop("_", None)
    params = _params(library, selected, sort)
    result = search_library(library, params, "/", load_pages=False)
    rows = library.rows(library.matching(selected), sort).values_list("pk", flat=True)
    return (
        counts,
        result.count,
        _undated(library, selected),
        (list(rows[:40]) + list(rows[600:612])),
    )


def _undated(library, selected):

    from hub.practices.filters import search_library

    params = _params(library, selected, "newest")
    return search_library(library, params, "/", load_pages=False).undated


def _params(library, selected, sort):
    from django.http import QueryDict

    from hub.practices.filters import url_value
    from hub.practices.library import FACETS

    params = QueryDict(mutable=True)
    for facet in FACETS:
        for key in sorted(selected.get(facet.name, ())):
            params.appendlist(facet.name, url_value(facet, key, library))
    params["sort"] = sort
    return params


def combinations(library):
    from hub.practices.models import LibraryValue

    values = {}
    for facet, value in (
        LibraryValue.objects.filter(entry__library_id=library.page.pk)
        .values_list("facet", "value")
        .distinct()
        .order_by("facet", "value")
    ):
        values.setdefault(facet, []).append(value)
    first = {facet: found[0] for facet, found in values.items()}
    second = {facet: found[-1] for facet, found in values.items()}
    found = [{}]
    found += [{facet: {value}} for facet, value in first.items()]
    found += [{facet: {first[facet], second[facet]}} for facet in values]
    for one, two in itertools.combinations(sorted(values), 2):
        found.append({one: {first[one]}, two: {second[two]}})
    found.append(
        {
            "theme": {first["theme"]},
            "region": {first["region"]},
            "evidence": {first["evidence"]},
        }
    )
    found.append({"theme": set(values["theme"][:3]), "type": {"action"}})
    # Several values of several filters, and four filters: counted from the values.
    found.append(
        {
            "theme": set(values["theme"][:2]),
            "region": {first["region"]},
            "evidence": {first["evidence"], second["evidence"]},
        }
    )
    found.append(
        {
            "theme": {first["theme"]},
            "region": set(values["region"][:2]),
            "period": {second["period"]},
            "type": {"case_study"},
        }
    )
    return found


def compare(library, label):
    from hub.practices.library import SORTS

    failures = 0
    for index, selected in enumerate(combinations(library)):
        for sort in SORTS if index < 3 else ["newest"]:
            old = reference(library, selected, sort)
            new = current(library, selected, sort)
            if old != new:
                failures += 1
                parts = ["counts", "total", "undated", "rows"]
                differ = [
                    name for name, a, b in zip(parts, old, new, strict=True) if a != b
                ]
                print(f"DIFFERENT ({label}) {selected} {sort}: {', '.join(differ)}")
    print(f"{label}: {len(combinations(library))} combinations, {failures} differ")
    return failures


def hide_some(library):
    """Unpublish some case studies and actions, restrict others (the entries are
    left as they are: visibility is read from the pages)."""
    from wagtail.models import Page, PageViewRestriction

    from hub.practices.models import LibraryEntry

    entries = LibraryEntry.objects.filter(library_id=library.page.pk).order_by("pk")
    studies = list(entries.filter(parent=None).values_list("pk", flat=True)[:60])
    actions = list(entries.exclude(parent=None).values_list("pk", flat=True)[:90])
    Page.objects.filter(pk__in=studies[:20] + actions[:30]).update(live=False)
    for pk in studies[20:30] + actions[30:40]:
        PageViewRestriction.objects.create(page_id=pk, restriction_type="login")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--case-studies", type=int, default=2_000)
    args = parser.parse_args()
    url = database_url().rsplit("/", 1)[0] + f"/hub_library_scale_{args.case_studies}"
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="hub.settings.dev",
        ELASTICSEARCH_URL="",
        REDIS_URL="",
    )
    import django

    django.setup()
    from django.db import transaction

    from hub.practices.library import Library
    from hub.practices.models import LibraryIndexPage

    failures = 0
    for page in LibraryIndexPage.objects.order_by("pk"):
        library = Library(page)
        language = page.locale.language_code
        failures += compare(library, f"{language}, every item public")
        with transaction.atomic():
            hide_some(library)
            failures += compare(library, f"{language}, some unpublished or restricted")
            transaction.set_rollback(True)
    print("Every combination equal." if not failures else f"{failures} differ.")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
