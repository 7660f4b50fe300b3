"""Manage-link tokens never reach a log: gunicorn's access log (with the logger class
the Dockerfile names) and Django's own log lines, on a production-settings server."""

import logging
import re
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from hub.events.links import manage_url
from hub.events.services import register_for_event
from hub.logs import REDACTED, RedactSecrets
from tests.factories import make_event_site, service_data
from tests.server import gunicorn, production_env, served_database_url

ROOT = Path(__file__).resolve().parent.parent


def dockerfile_gunicorn_options():
    """The gunicorn options of the Dockerfile's CMD (after the app), as a list."""
    cmd = next(
        line
        for line in (ROOT / "Dockerfile").read_text().splitlines()
        if line.startswith("CMD [")
    )
    words = [word.strip('" ') for word in cmd[5:-1].split(",")]
    options = words[words.index("hub.wsgi:application") + 1 :]
    bind = options.index("--bind")  # the test server binds a free loopback port
    return options[:bind] + options[bind + 2 :]


def test_the_filter_takes_the_token_out_of_a_message():
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        ("/fr/evenements/x/manage/3f2b8c1e-1111-4222-8333-944455556666/s3cr3t-T0ken/",),
        None,
    )
    assert RedactSecrets().filter(record)
    message = record.getMessage()
    assert "s3cr3t-T0ken" not in message
    assert f"/manage/3f2b8c1e-1111-4222-8333-944455556666/{REDACTED}/" in message


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_log_line_holds_a_manage_token(tmp_path):
    site = make_event_site()
    event = site.add_event()
    registration = register_for_event(event["fr"], service_data())
    link = manage_url(registration, event["fr"])
    wrong = link.replace(registration.token, "not-the-token")
    options = dockerfile_gunicorn_options()
    assert "hub.logs.GunicornLogger" in options
    log_path = tmp_path / "gunicorn.log"
    env = production_env(served_database_url(), LOG_LEVEL="INFO", ELASTICSEARCH_URL="")
    with (
        log_path.open("w") as log,
        gunicorn(
            env, workers=2, args=[*options, "--log-level=info"], output=log
        ) as base,
    ):
        for path in (link, wrong, link + "?x=1"):
            request = urllib.request.Request(
                base + path, headers={"Host": "localhost", "Referer": base + link}
            )
            try:
                urllib.request.urlopen(request, timeout=10)
            except urllib.error.HTTPError:
                pass
    logged = log_path.read_text()
    # The requests were logged, each with the token taken out.
    assert logged.count(f"/manage/{registration.public_id}/{REDACTED}/") >= 3, logged
    assert registration.token not in logged
    assert "not-the-token" not in logged
    assert not re.search(r"manage/[0-9a-f-]{36}/(?!\[redacted\])", logged), logged
