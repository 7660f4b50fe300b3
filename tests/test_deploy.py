"""Production settings pass Django's deployment checklist; compose gives them Redis."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from hub.checks import gunicorn_workers

ROOT = Path(__file__).resolve().parent.parent


# What decides whether the cache is shared: given by each test, never inherited.
CACHE_ENVIRONMENT = ("REDIS_URL", "WEB_CONCURRENCY", "GUNICORN_CMD_ARGS")


def run_manage(*args, **env):
    environment = {
        **{k: v for k, v in os.environ.items() if k not in CACHE_ENVIRONMENT},
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="hub.example.org",
        # As compose runs the image: 3 workers sharing a Redis.
        WEB_CONCURRENCY="3",
        REDIS_URL="redis://redis:6379/0",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "environment, refused",
    [
        ({"WEB_CONCURRENCY": "3"}, True),  # the image's default, no REDIS_URL
        ({"WEB_CONCURRENCY": "1", "GUNICORN_CMD_ARGS": "--workers 2"}, True),
        ({"WEB_CONCURRENCY": "1"}, False),
    ],
)
def test_production_refuses_several_workers_without_a_shared_cache(
    environment, refused
):
    result = run_manage(
        "check",
        "--deploy",
        DJANGO_SETTINGS_MODULE="hub.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="hub.example.org",
        **environment,
    )
    output = result.stdout + result.stderr
    if refused:
        assert result.returncode != 0, output
        assert "hub.E001" in output
        assert "REDIS_URL" in output
    else:
        assert result.returncode == 0, output
        assert "hub.E001" not in output


def test_the_worker_count_is_read_as_gunicorn_reads_it():
    assert gunicorn_workers({}) == 1
    assert gunicorn_workers({"WEB_CONCURRENCY": "3"}) == 3
    assert gunicorn_workers({"WEB_CONCURRENCY": "3", "GUNICORN_CMD_ARGS": "-w 1"}) == 1
    assert gunicorn_workers({"GUNICORN_CMD_ARGS": "--bind x --workers=4"}) == 4
    assert gunicorn_workers({"GUNICORN_CMD_ARGS": "-w5"}) == 5
    assert gunicorn_workers({"WEB_CONCURRENCY": "many"}) is None


def test_compose_gives_every_app_service_the_shared_redis():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    redis = services["redis"]
    assert redis["image"].split(":")[0] in ("redis", "valkey/valkey")
    assert "ports" not in redis  # only the other services reach it
    assert "redis-cli" in " ".join(redis["healthcheck"]["test"])
    app_services = [name for name, service in services.items() if "build" in service]
    assert {"web", "worker", "migrate"} <= set(app_services)
    for name in app_services:
        service = services[name]
        assert service["environment"]["REDIS_URL"] == "redis://redis:6379/0", name
        assert service["depends_on"]["redis"] == {"condition": "service_healthy"}, name
    # The image's worker count is more than one, which is why the cache is shared.
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "WEB_CONCURRENCY=3" in dockerfile


def test_production_refuses_to_start_without_a_secret_key():
    environment = {
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": "",
    }
    result = run_manage("check", **environment)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_health_check_answers_whatever_the_host(client, db):
    response = client.get("/healthz/", HTTP_HOST="unknown.example")
    assert response.status_code == 200
    assert response.content == b"ok"


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "hub.settings.production",
    "ALLOWED_HOSTS": "hub.example.org",
}


def production_setting(expression, **env):
    result = run_manage(
        "shell",
        "-c",
        f"from django.conf import settings; print(repr({expression}))",
        SECRET_KEY=secrets.token_urlsafe(50),
        **{**PRODUCTION, **env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_forwarded_proto_is_trusted_only_behind_a_declared_proxy():
    # gunicorn published directly (compose's default): a client cannot claim HTTPS.
    unset = "getattr(settings, 'SECURE_PROXY_SSL_HEADER', None)"
    assert production_setting(unset, BEHIND_PROXY="") == "None"
    assert production_setting(unset, BEHIND_PROXY="false") == "None"
    assert production_setting(unset, BEHIND_PROXY="true") == (
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    )


def test_check_deploy_is_clean_behind_a_proxy_too():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        BEHIND_PROXY="true",
        HUB_TRUSTED_PROXY_COUNT="1",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
