"""Registrations over HTTP against gunicorn on PostgreSQL: throughput, latency, counts.

Creates a fresh database, one event of 1,000 places (in English and French), then
fires N registrations at concurrency C, half through each language version. Each
registration is a new visitor: GET the form (CSRF cookie and token), POST it.

    .venv/bin/python bench/registrations.py [--registrations 1200] [--concurrency 8]

PostgreSQL: DATABASE_URL if given (a database named <name>_bench_registrations is
created next to it and dropped afterwards), else the private cluster of
scripts/postgres.sh. The rate limit is off for the run (HUB_REGISTRATION_RATE_LIMIT=0).
"""

import argparse
import http.client
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.serve import (  # noqa: E402
    PYTHON,
    ROOT,
    database_url,
    gunicorn,
    manage,
    production_env,
    run_concurrently,
    summarise,
)

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SETUP_SCRIPT = r"""
import json, sys, django
django.setup()
from tests.factories import make_event_site
event = make_event_site().add_event(slug="bench", capacity=int(sys.argv[1]))
print(json.dumps([event["en"].url, event["fr"].url]))
"""


def bench_database(url):
    """A fresh database beside `url`, dropped by the returned cleanup function."""
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_bench_registrations"
    admin_url = urlunsplit(parts._replace(path="/postgres"))

    def run(sql):
        connection = psycopg2.connect(admin_url)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql)
        finally:
            connection.close()

    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}")), lambda: run(
        f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
    )


def cookies_from(response):
    jar = {}
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            jar[name.strip()] = rest.split(";", 1)[0]
    return jar


def register_once(netloc, path, index):
    """GET the form, POST it; return (POST seconds, status of the POST)."""
    connection = http.client.HTTPConnection(netloc, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        page = response.read().decode()
        if response.status != 200:
            raise RuntimeError(f"GET {path}: HTTP {response.status}")
        jar = cookies_from(response)
        token = CSRF_INPUT.search(page).group(1)
        body = urlencode(
            {
                "csrfmiddlewaretoken": token,
                "name": f"Bench person {index}",
                "email": f"bench{index}@example.org",
                "organisation": "Bench organisation",
                "organisation_kind": "sse_network",
                "country": "FR" if index % 2 else "GB",
                "role": "Tester",
                "preferred_language": "fr" if index % 2 else "en",
                "consent": "on",
                "website": "",
            }
        )
        headers = {
            "Host": "127.0.0.1",
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items()),
        }
        started = time.perf_counter()
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        elapsed = time.perf_counter() - started
        if response.status != 302:
            raise RuntimeError(f"POST {path}: HTTP {response.status}")
        return elapsed
    finally:
        connection.close()


def fire(netloc, paths, total, concurrency):
    """Latencies of the POSTs alone and of whole visits (GET the form, POST it)."""
    done, errors, wall = run_concurrently(
        lambda index: register_once(netloc, paths[index % 2], index), total, concurrency
    )
    posts = [post_seconds for _visit_seconds, post_seconds in done]
    visits = [visit_seconds for visit_seconds, _post_seconds in done]
    return summarise(posts, errors, wall), summarise(visits, [], wall)


def final_counts(db_url):
    import psycopg2

    connection = psycopg2.connect(db_url)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT status, count(*), count(DISTINCT queue_number), "
                "max(queue_number) FROM events_registration GROUP BY status"
            )
            rows = {row[0]: row[1:] for row in cursor.fetchall()}
            cursor.execute("SELECT count(DISTINCT event_key) FROM events_registration")
            events = cursor.fetchone()[0]
    finally:
        connection.close()
    return rows, events


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--registrations", type=int, default=1200)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--capacity", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--keep-database", action="store_true")
    args = parser.parse_args()

    db_url, drop_database = bench_database(database_url())
    try:
        env = production_env(
            db_url,
            HUB_REGISTRATION_RATE_LIMIT="0",
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            DATABASE_CONN_MAX_AGE="60",
        )
        manage(env, "migrate", "--noinput", "-v0")
        created = subprocess.run(
            [PYTHON, "-c", SETUP_SCRIPT, str(args.capacity)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        paths = [
            url + "register/" for url in json.loads(created.stdout.splitlines()[-1])
        ]

        with gunicorn(env, workers=args.workers) as base:
            netloc = urlsplit(base).netloc
            post, flow = fire(netloc, paths, args.registrations, args.concurrency)

        counts, events = final_counts(db_url)
        confirmed = counts.get("confirmed", (0, 0, None))[0]
        waiting, distinct_numbers, last_number = counts.get("waiting", (0, 0, None))
        succeeded = args.registrations - post["errors"]
        print(
            f"{args.registrations} registrations at concurrency {args.concurrency}, "
            f"{args.workers} gunicorn workers, {os.cpu_count()} cores, "
            f"capacity {args.capacity}, via {paths[0]} and {paths[1]}"
        )
        print(f"registrations/s (GET form + POST): {flow['rps']:.1f}")
        print(
            f"POST latency: p50 {post['p50_ms']:.1f} ms, p95 {post['p95_ms']:.1f} ms; "
            f"whole visit p50 {flow['p50_ms']:.1f} ms, p95 {flow['p95_ms']:.1f} ms"
        )
        print(f"errors: {post['errors']} {post.get('first_error', '')}")
        print(
            f"final: confirmed {confirmed}, waiting {waiting} "
            f"(numbers {distinct_numbers} distinct, last {last_number}), "
            f"events {events}"
        )
        checks = {
            "confirmed + waiting = submitted": confirmed + waiting == succeeded,
            "confirmed = capacity": confirmed == min(args.capacity, succeeded),
            "waiting numbers 1..N, no duplicate": distinct_numbers == waiting
            and (waiting == 0 or last_number == waiting),
            "no error": post["errors"] == 0,
        }
        for label, ok in checks.items():
            print(f"  {'ok  ' if ok else 'FAIL'} {label}")
        if not all(checks.values()):
            sys.exit(1)
    finally:
        if not args.keep_database:
            drop_database()


if __name__ == "__main__":
    main()
