"""Serve the demo site with gunicorn on PostgreSQL; per page type, report queries per
render and requests per second with p50/p95 latency at concurrency 4.

    .venv/bin/python bench/pages.py [--requests 200] [--concurrency 4]
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.serve import (  # noqa: E402
    PYTHON,
    ROOT,
    KeepAlive,
    database_url,
    gunicorn,
    load,
    manage,
    production_env,
)

QUERY_COUNT_SCRIPT = r"""
import json, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
client = Client()
result = {}
for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
    key = (type(page).__name__, page.locale.language_code)
    if key in result:
        continue
    url = page.url
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        status = client.get(url).status_code
    result[key] = {"url": url, "queries": len(captured), "status": status}
print(json.dumps([[k[0], k[1], v] for k, v in result.items()]))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    db_url = database_url()
    env = production_env(db_url)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_content")

    counted = subprocess.run(
        [PYTHON, "-c", QUERY_COUNT_SCRIPT],
        cwd=ROOT,
        # Test settings: same queries, no collected-static manifest needed.
        env={**env, "DJANGO_SETTINGS_MODULE": "hub.settings.test"},
        check=True,
        capture_output=True,
        text=True,
    )
    pages = json.loads(counted.stdout.strip().splitlines()[-1])

    with gunicorn(env, workers=args.workers) as base:
        client = KeepAlive(base)
        print(
            f"{'page type':28} {'lang':4} {'queries':>7} {'req/s':>8} "
            f"{'p50 ms':>8} {'p95 ms':>8} {'errors':>6}"
        )
        worst = {"queries": 0, "p95_ms": 0.0}
        for page_type, language, info in sorted(pages):
            client.forget()
            figures = load(
                lambda _i, p=info["url"]: client.get(p), args.requests, args.concurrency
            )
            worst["queries"] = max(worst["queries"], info["queries"])
            worst["p95_ms"] = max(worst["p95_ms"], figures["p95_ms"] or 0)
            print(
                f"{page_type:28} {language:4} {info['queries']:>7} "
                f"{figures['rps']:>8.1f} {figures['p50_ms']:>8.1f} "
                f"{figures['p95_ms']:>8.1f} {figures['errors']:>6}"
            )
        print(
            f"\nworst: {worst['queries']} queries per page (target <= 20), "
            f"p95 {worst['p95_ms']:.1f} ms (target < 100 ms) at concurrency "
            f"{args.concurrency}, {args.workers} gunicorn workers, "
            f"{os.cpu_count()} cores"
        )


if __name__ == "__main__":
    main()
