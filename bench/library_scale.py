"""The library at scale, on PostgreSQL: 10,000 case studies and 40,000 actions in each
language (100,000 pages), served uncached by gunicorn (2 sync workers, production
settings). Prints p50/p95 of filtered library pages (no filter, one theme, theme and
region, sorted by participants, page 50...), and the time of a CSV export of about
1,000 rows and of a compare page, against their targets.

    .venv/bin/python bench/library_scale.py [--case-studies 10000] [--requests 40]

The corpus is inserted in bulk (bench/search_corpus.py's generator, case studies and
actions only) into a database hub_library_scale_<N> on the server of DATABASE_URL (or
the private cluster), and kept there for the next run. Most case studies get a budget
and a participants figure, most actions a participants figure, and one case study in
ten an evaluation report or guide (the demo's own), so that sorting and the evidence
filter have something to do. The library's entries (practices.LibraryEntry, with
their values and totals) are written after the bulk insert, which sends no publishing
signal. bench/library_exactness.py checks the counts and lists on the same database.
"""

import argparse
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import search_corpus  # noqa: E402
from bench.serve import (  # noqa: E402
    KeepAlive,
    database_url,
    ensure_database,
    gunicorn,
    production_env,
    shared_buffers_line,
    summarise,
)

LIBRARY_P95_MS = 100
EXPORT_S = 1.0
COMPARE_S = 1.0


def build(url, case_studies):
    ensure_database(url)
    search_corpus.prepare(url)
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="hub.settings.dev",
        ELASTICSEARCH_URL="",
        # In-process figures uncached too, and no term cache from another database.
        REDIS_URL="",
        HUB_PAGE_CACHE_SECONDS="0",
    )
    import django

    django.setup()
    from hub.practices.models import CaseStudyPage

    if CaseStudyPage.objects.count() < 2 * case_studies:
        generate(case_studies)
    fill_library_items(force=enrich())


def generate(case_studies):
    from hub.practices.models import ActionPage, CaseStudyPage

    pairs = case_studies * 5  # 1 case study for 4 actions
    search_corpus.MIX = {
        "case-study": 0.2,
        "action": 0.8,
        "report": 0,
        "guide": 0,
        "event": 0,
    }
    started = time.monotonic()
    search_corpus.generate(pairs * 2)
    search_corpus.analyze()
    print(
        f"Inserted {CaseStudyPage.objects.count()} case studies and "
        f"{ActionPage.objects.count()} actions in {time.monotonic() - started:.0f}s"
    )


FIGURE = """jsonb_build_array(jsonb_build_object(
    'type', 'key_figure', 'id', md5(page_ptr_id::text),
    'value', jsonb_build_object(
        'label', 'Participants', 'measure', 'participants',
        'value', ((page_ptr_id::bigint * 104729) % 5000)::text, 'upper_value', null,
        'unit', 'participants', 'target', null, 'year', 2020, 'source', 'Bench')))"""


def enrich():
    """Budgets, participants and evidence on the generated pages (once)."""
    from django.db import connection, transaction

    from hub.practices.models import (
        CaseStudyPage,
        EvaluationReportPage,
        GoodPracticeGuidePage,
    )

    through = EvaluationReportPage.evaluated_case_studies.through
    generated = CaseStudyPage.objects.filter(slug__startswith="case-study-")
    if through.objects.filter(casestudypage__in=generated).exists():
        return False
    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE practices_casestudypage SET total_budget = "
            "((page_ptr_id::bigint * 7919) % 9000 + 100) * 1000 "
            "WHERE page_ptr_id % 7 <> 0"
        )
        cursor.execute(
            f"UPDATE practices_casestudypage SET key_figures = {FIGURE} "
            "WHERE page_ptr_id % 5 <> 0"
        )
        cursor.execute(
            f"UPDATE practices_actionpage SET outcomes = {FIGURE} "
            "WHERE page_ptr_id % 3 <> 0"
        )
        english = generated.filter(locale__language_code="en")
        reports = list(EvaluationReportPage.objects.filter(locale__language_code="en"))
        guides = list(GoodPracticeGuidePage.objects.filter(locale__language_code="en"))
        report_links, guide_links = [], []
        for index, pk in enumerate(english.order_by("pk").values_list("pk", flat=True)):
            if index % 10 == 0 and reports:
                report = reports[(index // 10) % len(reports)]
                report_links.append(
                    through(evaluationreportpage_id=report.pk, casestudypage_id=pk)
                )
            elif index % 10 == 5 and guides:
                guide = guides[(index // 10) % len(guides)]
                guide_links.append(
                    GoodPracticeGuidePage.related_case_studies.through(
                        goodpracticeguidepage_id=guide.pk, casestudypage_id=pk
                    )
                )
        through.objects.bulk_create(report_links)
        GoodPracticeGuidePage.related_case_studies.through.objects.bulk_create(
            guide_links
        )
    search_corpus.analyze()
    print(f"Budgets, figures and evidence added in {time.monotonic() - started:.0f}s")
    return True


def fill_library_items(force=False):
    """The library's entries, which publishing keeps up to date, written for the
    pages inserted or changed in bulk (again when `force`: enrich() changed them)."""
    from django.core.management import call_command

    started = time.monotonic()
    call_command("fill_library_items", *([] if force else ["--if-stale"]))
    print(f"Library items checked or filled in {time.monotonic() - started:.0f}s")


def timed(client, path, requests):
    latencies, errors, body = [], [], b""
    started = time.perf_counter()
    for _ in range(requests):
        began = time.perf_counter()
        try:
            _response, body = client.get(path)
        except Exception as error:  # noqa: BLE001 - counted and reported
            errors.append(repr(error))
            continue
        latencies.append(time.perf_counter() - began)
    return summarise(latencies, errors, time.perf_counter() - started), body


def in_process(path, runs=5):
    """The page rendered in this process (Django's test client): median CPU time and
    time in SQL, in ms, and the number of queries, less inflated than wall-clock
    figures on a busy machine."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    client.get(path)
    cpu, sql, queries = [], [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            began = time.process_time()
            client.get(path)
            cpu.append((time.process_time() - began) * 1000)
        sql.append(sum(float(query["time"]) for query in captured) * 1000)
        queries = len(captured)
    return sorted(cpu)[runs // 2], sorted(sql)[runs // 2], queries


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--case-studies", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    url = database_url().rsplit("/", 1)[0] + f"/hub_library_scale_{args.case_studies}"
    build(url, args.case_studies)

    from hub.pages.models import Programme, Region, Theme
    from hub.practices.models import CaseStudyPage, LibraryIndexPage

    library = LibraryIndexPage.objects.get(locale__language_code="en").url
    theme = Theme.objects.filter(locale__language_code="en").order_by("slug").first()
    region = Region.objects.filter(locale__language_code="en").order_by("slug")[1]
    studies = CaseStudyPage.objects.filter(locale__language_code="en").order_by("pk")
    compare_ids = "&".join(
        f"items={pk}" for pk in studies.values_list("pk", flat=True)[:4]
    )
    both = f"theme={theme.slug}&region={region.slug}"
    pages = {
        "no filter": library,
        "one theme": f"{library}?theme={theme.slug}",
        "theme + region": f"{library}?{both}",
        "theme + region + evidence": f"{library}?{both}&evidence=emergent",
        "sort by participants": f"{library}?sort=participants",
        "sort by budget, actions": f"{library}?type=action&sort=budget",
        "page 50": f"{library}?page=50",
        "theme, oldest, page 20": f"{library}?theme={theme.slug}&sort=oldest&page=20",
    }
    programme = Programme.objects.filter(locale__language_code="en").order_by("slug")[0]
    # No shared cache: pages uncached, and no term cache left by another database.
    env = production_env(
        url, ELASTICSEARCH_URL="", HUB_PAGE_CACHE_SECONDS="0", REDIS_URL=""
    )
    missed = []
    # Workers are given 5 minutes (gunicorn's default 30 s would kill a slow page).
    print("\nLoad average at start: " + load_average())
    print(shared_buffers_line(url))
    with gunicorn(env, workers=2, args=("--timeout=300",)) as base:
        client = KeepAlive(base)
        header = (
            f"{'library page':28} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}"
            f" {'cpu ms':>7} {'sql ms':>7} {'queries':>7}"
        )
        print(f"\n{header}  target (p95; cpu and sql in process, medians)")
        for label, path in pages.items():
            began = time.perf_counter()
            client.get(path)
            # A page that takes seconds is measured a few times only.
            slow = time.perf_counter() - began > 2
            figures, body = timed(client, path, 3 if slow else args.requests)
            ok = (figures["p95_ms"] or 1e9) <= LIBRARY_P95_MS and not figures["errors"]
            missed += [] if ok else [label]
            found = re.search(rb'id="listing-title"[^>]*>\s*([^<]*?)\s*</h2>', body)
            note = f" ({found.group(1).decode(errors='replace')})" if found else ""
            cpu, sql, queries = in_process(path)
            print(
                f"{label:28} {figures['p50_ms'] or 0:>8.0f} "
                f"{figures['p95_ms'] or 0:>8.0f} {figures['errors']:>6} "
                f"{cpu:>7.0f} {sql:>7.0f} {queries:>7}  "
                f"p95<={LIBRARY_P95_MS} ms "
                f"{'ok' if ok else 'MISSED'}{note}"
            )
        print(
            f"\nExports and compare at {args.case_studies:,} case studies (theme and "
            "region: about 2,000 rows at 10,000; with a programme: about 700)."
        )
        for label, path, limit in (
            ("CSV export, theme + region", f"{library}?{both}&format=csv", EXPORT_S),
            (
                "CSV, + programme",
                f"{library}?{both}&programme={programme.slug}&format=csv",
                EXPORT_S,
            ),
            ("compare, 4 items", f"{library}compare/?{compare_ids}", COMPARE_S),
        ):
            figures, body = timed(client, path, 3)
            seconds = (figures["p95_ms"] or 1e9) / 1000
            rows = body.count(b"\n") - 1 if "csv" in path else None
            ok = seconds < limit and not figures["errors"]
            missed += [] if ok else [label]
            if figures["errors"]:
                print(f"{label}: {figures['errors']} errors")
            print(
                f"{label:28} {seconds:>8.2f} s"
                + (f", {rows} rows" if rows is not None else "")
                + f"  target < {limit:.0f} s {'ok' if ok else 'MISSED'}"
            )
    print("\nLoad average at end: " + load_average())
    print("\nTargets missed: " + ", ".join(missed) if missed else "\nEvery target met.")


def load_average():
    """The machine's load (1, 5, 15 min) on 2 cores: figures taken on a busy
    machine are slower than the code."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


if __name__ == "__main__":
    main()
