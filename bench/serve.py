"""Shared by the benchmarks: the private PostgreSQL and search node, a gunicorn server,
keep-alive GETs and a load loop.

    .venv/bin/python bench/serve.py database NAME

prints the URL of the database NAME on the server of DATABASE_URL (or on the private
cluster, started if need be), and creates that database if it does not exist.
"""

import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.server import (  # noqa: E402, F401 - re-exported for the benchmarks
    PYTHON,
    ROOT,
    free_port,
    gunicorn,
    manage,
    production_env,
)

# PostgreSQL's shared_buffers as compose.yaml sets them, for a cluster a benchmark
# starts (the tests' cluster keeps the default 128 MB: see scripts/postgres.sh).
PRODUCTION_SHARED_BUFFERS = "1GB"


def private_service(script):
    """Start scripts/<script>.sh (it reuses a running one) and return its URL."""
    env = {**os.environ, "PG_SHARED_BUFFERS": PRODUCTION_SHARED_BUFFERS}
    subprocess.run(
        ["bash", f"scripts/{script}.sh", "start"], cwd=ROOT, check=True, env=env
    )
    return subprocess.run(
        ["bash", f"scripts/{script}.sh", "url"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def database_url():
    """DATABASE_URL if given, else the project's private PostgreSQL cluster."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        return url
    return private_service("postgres")


def search_engine():
    """(URL, backend) of ELASTICSEARCH_URL if given, else of the local OpenSearch
    node, started if need be."""
    url = os.environ.get("ELASTICSEARCH_URL", "")
    if url:
        return url, os.environ.get("ELASTICSEARCH_BACKEND", "elasticsearch8")
    return private_service("elasticsearch"), "opensearch2"


def ensure_database(url):
    """Create the database of `url` on its server if it does not exist."""
    import psycopg2
    from psycopg2 import sql

    name = url.rsplit("/", 1)[1]
    admin = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()


class KeepAlive:
    """GETs over one kept-alive connection per thread, as a browser reuses one."""

    def __init__(self, base):
        self.netloc = urlsplit(base).netloc
        self.local = threading.local()

    def get(self, path):
        """(response, body) of GET `path`; anything but a 200 raises."""
        connection = getattr(self.local, "connection", None)
        if connection is None:
            connection = http.client.HTTPConnection(self.netloc)
            self.local.connection = connection
        connection.request("GET", path, headers={"Host": "localhost"})
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"{path}: HTTP {response.status}")
        return response, body

    def forget(self):
        """Drop this thread's connection: the next GET opens a new one."""
        self.local.__dict__.clear()


def run_concurrently(task, total, concurrency):
    """Call task(index) for each index below `total` over `concurrency` threads.

    Returns [(seconds, what task returned)] for the calls that succeeded, the errors
    of the others (repr), and the wall-clock seconds of the whole run."""
    done, errors = [], []
    lock = threading.Lock()
    counter = iter(range(total))

    def worker():
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                return
            started = time.perf_counter()
            try:
                value = task(index)
            except Exception as error:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(repr(error))
                continue
            elapsed = time.perf_counter() - started
            with lock:
                done.append((elapsed, value))

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done, errors, time.perf_counter() - started


def load(request_once, total, concurrency):
    """Run request_once() `total` times over `concurrency` threads; time each call."""
    done, errors, wall = run_concurrently(request_once, total, concurrency)
    return summarise([seconds for seconds, _value in done], errors, wall)


def summarise(latencies, errors, wall):
    latencies = sorted(latencies)
    if not latencies:
        return {"rps": 0.0, "p50_ms": None, "p95_ms": None, "errors": len(errors)}
    p95_index = max(0, int(round(0.95 * len(latencies))) - 1)
    return {
        "rps": len(latencies) / wall,
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[p95_index] * 1000,
        "errors": len(errors),
        "first_error": errors[0] if errors else "",
    }


def main(argv):
    if len(argv) != 2 or argv[0] != "database":
        sys.exit(__doc__)
    url = database_url().rsplit("/", 1)[0] + "/" + argv[1]
    ensure_database(url)
    print(url)


def shared_buffers_line(url):
    """PostgreSQL's shared_buffers on `url`, against production's: figures taken with
    less read more from the kernel's file cache, or from disk once it dropped them."""
    import psycopg2

    connection = psycopg2.connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SHOW shared_buffers")
            value = cursor.fetchone()[0]
    finally:
        connection.close()
    note = (
        ""
        if value == PRODUCTION_SHARED_BUFFERS
        else f" (production: {PRODUCTION_SHARED_BUFFERS}, compose.yaml: stop this"
        " cluster, then start it with PG_SHARED_BUFFERS=1GB, for its figures)"
    )
    return f"PostgreSQL shared_buffers: {value}{note}"


if __name__ == "__main__":
    main(sys.argv[1:])
