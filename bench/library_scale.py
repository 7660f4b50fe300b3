"""The library at scale, on PostgreSQL: 10,000 case studies and 40,000 actions in each
language (100,000 pages), served uncached by gunicorn (2 sync workers, production
settings). Prints p50/p95 of filtered library pages, and the time of a CSV export and
of a compare page, against their targets.

    .venv/bin/python bench/library_scale.py [--case-studies 10000] [--requests 40]

The corpus is inserted in bulk (bench/search_corpus.py's generator, case studies and
actions only) into a database hub_library_scale_<N> on the server of DATABASE_URL (or
the private cluster), and kept there for the next run.
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
    )
    import django

    django.setup()
    from hub.practices.models import ActionPage, CaseStudyPage

    if CaseStudyPage.objects.count() >= 2 * case_studies:
        return
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


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--case-studies", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    url = database_url().rsplit("/", 1)[0] + f"/hub_library_scale_{args.case_studies}"
    build(url, args.case_studies)

    from hub.pages.models import Region, Theme
    from hub.practices.models import CaseStudyPage, LibraryIndexPage

    library = LibraryIndexPage.objects.get(locale__language_code="en").url
    theme = Theme.objects.filter(locale__language_code="en").order_by("slug").first()
    region = Region.objects.filter(locale__language_code="en").order_by("slug")[1]
    studies = CaseStudyPage.objects.filter(locale__language_code="en").order_by("pk")
    compare_ids = "&".join(
        f"items={pk}" for pk in studies.values_list("pk", flat=True)[:4]
    )
    pages = {
        "library, no filter": library,
        "library, type": f"{library}?type=case_study",
        "library, theme": f"{library}?theme={theme.slug}",
        "library, theme + region": f"{library}?theme={theme.slug}&region={region.slug}",
        "library, text-free sort": f"{library}?type=action&sort=title",
    }
    env = production_env(url, ELASTICSEARCH_URL="", HUB_PAGE_CACHE_SECONDS="0")
    missed = []
    # Workers are given 5 minutes (gunicorn's default 30 s would kill a slow page).
    with gunicorn(env, workers=2, args=("--timeout=300",)) as base:
        client = KeepAlive(base)
        print(f"\n{'page':28} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}  target")
        for label, path in pages.items():
            began = time.perf_counter()
            client.get(path)
            # A page that takes seconds is measured a few times only.
            slow = time.perf_counter() - began > 2
            figures, body = timed(client, path, 3 if slow else args.requests)
            ok = (figures["p95_ms"] or 1e9) <= LIBRARY_P95_MS and not figures["errors"]
            missed += [] if ok else [label]
            found = re.search(rb"(\d[\d,\xc2\xa0 ]*) (?:results|items|practices)", body)
            note = f" ({found.group(0).decode(errors='replace')})" if found else ""
            print(
                f"{label:28} {figures['p50_ms'] or 0:>8.0f} "
                f"{figures['p95_ms'] or 0:>8.0f} {figures['errors']:>6}  "
                f"p95<={LIBRARY_P95_MS} ms "
                f"{'ok' if ok else 'MISSED'}{note}"
            )
        for label, path, limit in (
            ("CSV export, theme", f"{library}?theme={theme.slug}&format=csv", EXPORT_S),
            ("compare, 4 items", f"{library}compare/?{compare_ids}", COMPARE_S),
        ):
            figures, body = timed(client, path, 3)
            seconds = (figures["p95_ms"] or 1e9) / 1000
            rows = body.count(b"\n") - 1 if "csv" in path else None
            ok = seconds < limit and not figures["errors"]
            missed += [] if ok else [label]
            print(
                f"{label:28} {seconds:>8.2f} s"
                + (f", {rows} rows" if rows is not None else "")
                + f"  target < {limit:.0f} s {'ok' if ok else 'MISSED'}"
            )
    print("\nTargets missed: " + ", ".join(missed) if missed else "\nEvery target met.")


if __name__ == "__main__":
    main()
