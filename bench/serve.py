"""Shared by the benchmarks: a PostgreSQL URL, a gunicorn server, a load loop."""

import contextlib
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def database_url():
    """DATABASE_URL if given, else the project's private PostgreSQL cluster."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        return url
    subprocess.run(["bash", "scripts/postgres.sh", "start"], cwd=ROOT, check=True)
    return subprocess.run(
        ["bash", "scripts/postgres.sh", "url"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(db_url, **extra):
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
    }
    env.update(extra)
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


@contextlib.contextmanager
def gunicorn(env, workers=4):
    """Serve the hub with gunicorn on a free loopback port; yield its base URL."""
    static_root = tempfile.mkdtemp(prefix="hub-static-")
    env = {**env, "STATIC_ROOT": static_root}
    manage(env, "collectstatic", "--noinput", "-v0")
    port = free_port()
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "hub.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz/", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def load(request_once, total, concurrency):
    """Run request_once() `total` times over `concurrency` threads; time each call."""
    latencies, errors = [], []
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
                request_once(index)
            except Exception as error:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(repr(error))
                continue
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return summarise(latencies, errors, wall)


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
