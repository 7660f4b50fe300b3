"""Per page type, on SQLite and on PostgreSQL, with the demo content and production
settings: queries per render, in-process render time, requests per second with p50/p95
over gunicorn (2 sync workers, 4 connections) without and with the shared page cache,
and the static-file rate (WhiteNoise) of the same run; each against its target.

    .venv/bin/python bench/pages.py [--seconds 5] [--databases sqlite,postgresql]

Load: `wrk -t2 -c4` when wrk is installed (Debian: apt-get install wrk), else a Python
load generator with 4 kept-alive connections (slower than wrk: its figures, the static
rate above all, are the generator's limit as much as the server's).
The cache: REDIS_URL if set, else the private Redis of scripts/redis.sh.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.serve import (  # noqa: E402
    PYTHON,
    ROOT,
    KeepAlive,
    database_url,
    ensure_database,
    gunicorn,
    load,
    manage,
    private_service,
    production_env,
)

UNCACHED_RPS = 75
MAX_QUERIES = 12
RENDER_MS = 12
CACHED_SHARE_OF_STATIC = 0.5

# (label, model, extra path): the first live English page of each model.
PAGE_TYPES = [
    ("home", "pages.HomePage", ""),
    ("library", "practices.LibraryIndexPage", ""),
    ("case study", "practices.CaseStudyPage", ""),
    ("guide", "practices.GoodPracticeGuidePage", ""),
    ("report", "practices.EvaluationReportPage", ""),
    ("action", "practices.ActionPage", ""),
    ("event", "events.EventPage", ""),
    ("search", None, "/en/search/?q=innovation"),
]

# Run in a process of its own with production settings: the URL of each page type,
# in English and in French (typeset), its queries (second render: per-process caches
# warm, as on a server) and the median of its in-process render time, on the clock
# and in this process's CPU time (which other work on a loaded machine, and the
# database's own time, inflate less).
PROFILE_SCRIPT = r"""
import json, statistics, sys, time, django
django.setup()
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
page_types, renders = json.loads(sys.argv[1]), int(sys.argv[2])
client = Client(HTTP_HOST="localhost")
french = Locale.objects.get(language_code="fr")


def profile(url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        status = client.get(url).status_code
    queries = len(captured)  # now: the next request empties the log
    timings, cpu = [], []
    for _ in range(renders):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return {"url": url, "status": status, "queries": queries,
            "render_ms": statistics.median(timings), "cpu_ms": statistics.median(cpu)}


out = []
for label, model, url in page_types:
    if model:
        page = (apps.get_model(model).objects.live().filter(locale__language_code="en")
                .order_by("path").first())
        url = page.url
        french_url = page.get_translation(french).url
    else:
        french_url = url.replace("/en/", "/fr/", 1)
    row = {"label": label, **profile(url)}
    row["fr"] = profile(french_url)
    out.append(row)
print(json.dumps(out))
"""

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %.3f %.3f %.3f %d\\n", summary.requests,
    summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3, errors))
end
"""


def measure(base, path, seconds):
    """{rps, p50_ms, p95_ms, errors} of GET `path` at 4 connections for `seconds`."""
    KeepAlive(base).get(path)  # rendered (and stored, if cached) before the clock
    wrk = shutil.which("wrk")
    if wrk:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_SCRIPT)
        run = subprocess.run(
            [wrk, "-t2", "-c4", f"-d{seconds}s", "--timeout", "30s", "-s", script.name]
            + [base + path],
            capture_output=True,
            text=True,
            check=True,
        )
        os.unlink(script.name)
        found = re.search(r"RESULT (\d+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", run.stdout)
        requests, duration, p50, p95, errors = found.groups()
        return {
            "rps": int(requests) / float(duration),
            "p50_ms": float(p50),
            "p95_ms": float(p95),
            "errors": int(errors),
        }
    client = KeepAlive(base)
    client.get(path)
    started, total, figures = time.monotonic(), 0, None
    # About `seconds` of load: size one run from a short probe.
    probe = load(lambda _i: client.get(path), 40, 4)
    total = max(40, int(probe["rps"] * seconds))
    figures = load(lambda _i: client.get(path), total, 4)
    del started
    return figures


def mark(ok):
    return "ok" if ok else "MISSED"


def bench_database(name, db_url, redis_url, seconds, renders):
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    # SQLite as `make run` serves it (the database search backend); PostgreSQL with the
    # search engine when ELASTICSEARCH_URL names one, in indexes of this database's own
    # (a shared node's hub_ indexes may hold another database's pages or mapping).
    engine = os.environ.get("ELASTICSEARCH_URL", "") if name != "sqlite" else ""
    env = production_env(
        db_url,
        REDIS_URL=redis_url,
        CACHE_KEY_PREFIX=prefix,
        WEB_CONCURRENCY="2",
        ELASTICSEARCH_URL=engine,
        ELASTICSEARCH_INDEX_PREFIX=f"bench_pages_{db_url.rsplit('/', 1)[1]}_".lower(),
    )
    demo_env = {**env, "DJANGO_SETTINGS_MODULE": "hub.settings.dev", "DEBUG": "false"}
    manage(demo_env, "migrate", "--noinput", "-v0")
    manage(demo_env, "load_demo_content", "-v0")
    if engine:
        manage(demo_env, "update_index", "-v0")

    static_root = tempfile.mkdtemp(prefix="hub-bench-static-")
    profile_env = {**env, "STATIC_ROOT": static_root, "HUB_PAGE_CACHE_SECONDS": "0"}
    manage(profile_env, "collectstatic", "--noinput", "-v0")
    profiled = subprocess.run(
        [PYTHON, "-c", PROFILE_SCRIPT, json.dumps(PAGE_TYPES), str(renders)],
        cwd=ROOT,
        env=profile_env,
        check=True,
        capture_output=True,
        text=True,
    )
    rows = json.loads(profiled.stdout.strip().splitlines()[-1])
    shutil.rmtree(static_root, ignore_errors=True)

    static_path = None
    with gunicorn({**env, "HUB_PAGE_CACHE_SECONDS": "0"}, workers=2) as base:
        html = KeepAlive(base).get("/en/")[1].decode()
        static_path = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
        for row in rows:
            row["uncached"] = measure(base, row["url"], seconds)
    with gunicorn(env, workers=2) as base:
        static = measure(base, static_path, seconds)
        for row in rows:
            row["cached"] = measure(base, row["url"], seconds)

    search = "the search engine" if engine else "the database search backend"
    print(
        f"\n{name} (search: {search}): static CSS through WhiteNoise "
        f"{static['rps']:.0f} req/s"
    )
    print(
        "queries and render: English page / its French translation; render: median "
        "in-process wall-clock ms (cpu: this process's CPU ms)"
    )
    header = (
        f"{'page':11} {'queries':>7} {'render ms':>11} {'cpu ms':>11} {'req/s':>7} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'cached r/s':>10} {'cached p95':>10} "
        f"{'errors':>6}  targets"
    )
    print(header)
    missed = []
    for row in rows:
        unc, cac, fr = row["uncached"], row["cached"], row["fr"]
        checks = {
            f"queries<={MAX_QUERIES}": max(row["queries"], fr["queries"])
            <= MAX_QUERIES,
            f"render<{RENDER_MS}ms": max(row["render_ms"], fr["render_ms"]) < RENDER_MS,
            f"uncached>={UNCACHED_RPS}": unc["rps"] >= UNCACHED_RPS,
            "cached>=static/2": cac["rps"] >= CACHED_SHARE_OF_STATIC * static["rps"],
        }
        missed += [
            f"{name} {row['label']}: {check}" for check, ok in checks.items() if not ok
        ]
        verdict = " ".join(f"{check} {mark(ok)}" for check, ok in checks.items())
        queries = f"{row['queries']}/{fr['queries']}"
        render = f"{row['render_ms']:.1f}/{fr['render_ms']:.1f}"
        cpu = f"{row['cpu_ms']:.1f}/{fr['cpu_ms']:.1f}"
        print(
            f"{row['label']:11} {queries:>7} {render:>11} {cpu:>11} "
            f"{unc['rps']:>7.1f} {unc['p50_ms'] or 0:>7.1f} {unc['p95_ms'] or 0:>7.1f} "
            f"{cac['rps']:>10.1f} {cac['p95_ms'] or 0:>10.1f} "
            f"{unc['errors'] + cac['errors']:>6}  {verdict}"
        )
    return missed


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=5, help="load per measurement")
    parser.add_argument("--renders", type=int, default=20, help="in-process renders")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument(
        "--name",
        default="hub_bench_pages",
        help="the PostgreSQL database and SQLite file to build (one per person)",
    )
    args = parser.parse_args()

    redis_url = os.environ.get("REDIS_URL") or private_service("redis")
    generator = "wrk -t2 -c4" if shutil.which("wrk") else "Python, 4 connections"
    print(
        f"{os.cpu_count()} cores; load: {generator}; gunicorn 2 sync workers, "
        f"production settings; cache {redis_url}"
    )
    # Other work on the machine slows every figure; the CPU time of a render, much
    # less. Said here so that figures from a busy machine are read as such.
    one, five, fifteen = os.getloadavg()
    print(f"load average at start (1, 5, 15 min): {one:.2f} {five:.2f} {fifteen:.2f}")
    missed = []
    for name in args.databases.split(","):
        if name == "sqlite":
            path = Path(tempfile.gettempdir()) / f"{args.name}.sqlite3"
            db_url = f"sqlite:///{path}"
        else:
            db_url = database_url().rsplit("/", 1)[0] + f"/{args.name}"
            ensure_database(db_url)
        missed += bench_database(name, db_url, redis_url, args.seconds, args.renders)
    print()
    if missed:
        print("Targets missed:\n  " + "\n  ".join(missed))
    else:
        print("Every page target met.")


if __name__ == "__main__":
    main()
