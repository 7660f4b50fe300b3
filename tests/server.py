"""A production-settings server for tests and benchmarks: gunicorn with several worker
processes on a free loopback port, so that nothing kept in one process can hide."""

import contextlib
import http.client
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def served_database_url():
    """The URL of the database this test run uses, for processes a test starts
    (gunicorn, a worker); such tests need PostgreSQL and are skipped on SQLite."""
    import pytest
    from django.db import connection

    db = connection.settings_dict
    if "postgresql" not in db["ENGINE"]:
        pytest.skip("servers and workers started by a test run on PostgreSQL")
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


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


def bodies_over_fresh_connections(base, path, reads):
    """The body of each of `reads` answers to GET `path` on the server at `base`, one
    connection each (so that every worker of a multi-process server answers some),
    each checked to be a 200."""
    found = []
    for _ in range(reads):
        connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=30)
        connection.request("GET", path, headers={"Host": "localhost"})
        response = connection.getresponse()
        assert response.status == 200, path
        found.append(response.read().decode())
        connection.close()
    return found


@contextlib.contextmanager
def gunicorn(env, workers=4, args=(), output=None):
    """Serve the hub with gunicorn on a free loopback port; yield its base URL.

    `args` are more gunicorn options; `output`, a file that gets its stdout and
    stderr (the access and error logs when `args` send them there)."""
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
            *args,
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=output,
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


class BlackHole:
    """A TCP server that accepts connections and never answers: a hung engine."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.sock.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        self.sock.close()
        for connection in self.connections:
            connection.close()
