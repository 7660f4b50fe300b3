"""In-process cost of the detail pages rendered with no fragment cache: what every page
costs under `make run` (no Redis, so no fragments) and what the first reader after a
publish pays (every change drops every fragment). Per page type and language, with
production settings on SQLite (the demo content):

- queries of a render, once the per-process maps a server keeps are filled;
- CPU of the first render in a fresh process (median of --processes processes; each
  has answered one request of another kind first, so Django itself is warm);
- CPU of a render repeated in one process (median of --renders), as a server
  process serving many requests pays it;

each against issue 12's targets (12 queries, 12 ms in-process).

    .venv/bin/python bench/uncached_render.py [--database PATH] [--renders 30]
        [--processes 3]

The database is PATH (default /tmp/hub-bench-render.sqlite3), made with migrate and
load_demo_content on the first run and reused after (migrated again each run).
CPU time (time.process_time) rather than the clock: other work on a loaded machine
inflates it less. Quote `uptime` with the figures.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.server import PYTHON, ROOT, manage, production_env  # noqa: E402

MAX_QUERIES = 12
RENDER_MS = 12

PAGE_TYPES = [
    ("home", "pages.HomePage"),
    ("case study", "practices.CaseStudyPage"),
    ("guide", "practices.GoodPracticeGuidePage"),
    ("report", "practices.EvaluationReportPage"),
    ("action", "practices.ActionPage"),
    ("event", "events.EventPage"),
]

# Run in a process of its own: "first MODEL LANGUAGE" or "repeat RENDERS".
SCRIPT = r"""
import json, statistics, sys, time, django
django.setup()
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="localhost")

def url_of(model, language):
    return (apps.get_model(model).objects.live()
            .filter(locale__language_code=language).order_by("path").first().url)

if sys.argv[1] == "first":
    url = url_of(sys.argv[2], sys.argv[3])
    client.get("/robots.txt")  # Django warm: URL conf, middleware, a first query
    started = time.process_time()
    status = client.get(url).status_code
    cpu_ms = (time.process_time() - started) * 1000
    print(json.dumps({"status": status, "cpu_ms": cpu_ms}))
else:
    renders, rows = int(sys.argv[2]), {}
    for label, model in json.loads(sys.argv[3]):
        for language in ("en", "fr"):
            url = url_of(model, language)
            client.get(url)
            with CaptureQueriesContext(connection) as captured:
                status = client.get(url).status_code
                queries = len(captured)
            cpu = []
            for _ in range(renders):
                started = time.process_time()
                client.get(url)
                cpu.append((time.process_time() - started) * 1000)
            rows[f"{label}|{language}"] = {"url": url, "status": status,
                "queries": queries, "cpu_ms": statistics.median(cpu)}
    print(json.dumps(rows))
"""


def run(env, *args):
    done = subprocess.run(
        [PYTHON, "-c", SCRIPT, *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def mark(ok):
    return "ok" if ok else "MISSED"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="/tmp/hub-bench-render.sqlite3")
    parser.add_argument("--renders", type=int, default=30)
    parser.add_argument("--processes", type=int, default=3)
    options = parser.parse_args(argv)

    fresh = not os.path.exists(options.database)
    env = production_env(
        f"sqlite:///{options.database}",
        REDIS_URL="",
        HUB_PAGE_CACHE_SECONDS="0",
        HUB_FRAGMENT_CACHE_SECONDS="0",
        ELASTICSEARCH_URL="",
    )
    demo_env = {**env, "DJANGO_SETTINGS_MODULE": "hub.settings.dev", "DEBUG": "false"}
    manage(demo_env, "migrate", "--noinput", "-v0")
    if fresh:
        manage(demo_env, "load_demo_content", "-v0")
    static_root = tempfile.mkdtemp(prefix="hub-bench-render-static-")
    env["STATIC_ROOT"] = static_root
    manage(env, "collectstatic", "--noinput", "-v0")

    repeated = run(env, "repeat", str(options.renders), json.dumps(PAGE_TYPES))
    print(f"Load: {os.getloadavg()[0]:.2f} (1 min). SQLite, no fragment cache.")
    print(
        f"{'page':<11} {'lang':<4} {'queries':>7} {'first render':>13} "
        f"{'repeated':>9}   target: {MAX_QUERIES} queries, {RENDER_MS} ms"
    )
    for label, model in PAGE_TYPES:
        for language in ("en", "fr"):
            row = repeated[f"{label}|{language}"]
            firsts = [
                run(env, "first", model, language)["cpu_ms"]
                for _ in range(options.processes)
            ]
            first = statistics.median(firsts)
            queries, cpu_ms = row["queries"], row["cpu_ms"]
            print(
                f"{label:<11} {language:<4} {queries:>7} {first:>10.1f} ms "
                f"{cpu_ms:>6.1f} ms   queries {mark(queries <= MAX_QUERIES)}"
                f", repeated {mark(cpu_ms <= RENDER_MS)}"
                f", first {mark(first <= RENDER_MS)}"
            )
    print(f"Load: {os.getloadavg()[0]:.2f} (1 min).")


if __name__ == "__main__":
    main()
