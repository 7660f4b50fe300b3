"""The registration rate limit: per client and per e-mail address, in the shared cache.

Under `make test` (and always under CI) the cache is a real Redis (REDIS_URL): the
in-process tests count in it as production does, and one test serves the hub with
gunicorn and three worker processes to show that they all count into the same keys."""

import concurrent.futures
import http.client
import os
import re
import types
from urllib.parse import urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache, caches
from django.db import connection

from hub.events import ratelimit
from hub.events.models import Registration
from tests.factories import make_event_site, registration_data
from tests.server import gunicorn, production_env

WINDOW = 600
RETRY = {
    "en": re.compile(r"Please try again in (\d+) (minutes?)\."),
    "fr": re.compile(r"Veuillez réessayer dans (\d+) (minutes?)\."),
}
TOO_MANY = {
    "client": {
        "en": "Too many registrations have come from your network recently.",
        "fr": "Trop d'inscriptions ont été envoyées depuis votre réseau ces derniers "
        "temps.",
    },
    "email": {
        "en": "Too many registrations have been made with this e-mail address "
        "recently.",
        "fr": "Trop d'inscriptions ont été faites avec cette adresse électronique "
        "ces derniers temps.",
    },
}


@pytest.fixture
def event(db):
    return make_event_site().add_event(capacity=40)


@pytest.fixture
def clock(monkeypatch):
    """The rate limit's clock, set to a second of the current window."""
    start = ratelimit.time.time() // WINDOW * WINDOW
    now = types.SimpleNamespace(value=start + 30)
    monkeypatch.setattr(
        ratelimit, "time", types.SimpleNamespace(time=lambda: now.value)
    )
    now.start = start
    return now


def notice(response):
    """The text of the refusal above the form."""
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find("div", class_="notice", role="alert").get_text(" ", strip=True)


def register(client, page, address="192.0.2.10", **overrides):
    return client.post(
        page.url + "register/", registration_data(**overrides), REMOTE_ADDR=address
    )


def test_a_team_of_ten_registering_from_one_office_gets_through(client, event):
    # The defaults: 20 per client, 5 per address, in 10 minutes.
    codes = [
        register(client, event["en"], email=f"colleague{n}@habitat35.fr").status_code
        for n in range(10)
    ]
    assert codes == [302] * 10
    assert Registration.objects.count() == 10


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_refused_person_keeps_what_they_typed_and_is_told_when_to_retry(
    client, event, settings, clock, language
):
    settings.HUB_REGISTRATION_RATE_LIMIT = 1
    page = event[language]
    assert register(client, page, email="first@example.org").status_code == 302
    typed = {
        "name": "Zoé Le Gall",
        "email": "zoe@example.org",
        "organisation": "Régie de quartier",
        "organisation_kind": "sse_network",
        "country": "GB",
        "role": "Coordinatrice",
        "preferred_language": "en",
        "accessibility_needs": "Step-free access",
        "dietary_needs": "No nuts",
        "travel_requested": "on",
    }
    response = register(client, page, **typed)
    assert response.status_code == 429
    assert response["Retry-After"] == str(WINDOW - 30)
    assert TOO_MANY["client"][language] in notice(response)
    assert RETRY[language].search(notice(response)).groups() == ("10", "minutes")

    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", class_="registration-form")
    for name in ("name", "email", "organisation", "role"):
        assert form.find("input", attrs={"name": name})["value"] == typed[name]
    for name in ("accessibility_needs", "dietary_needs"):
        assert form.find("textarea", attrs={"name": name}).text.strip() == typed[name]
    select = form.find("select", attrs={"name": "organisation_kind"})
    assert select.find("option", selected=True)["value"] == typed["organisation_kind"]
    for name in ("country", "preferred_language"):  # radios
        [radio] = form.find_all("input", attrs={"name": name, "checked": True})
        assert radio["value"] == typed[name]
    for name in ("travel_requested", "consent"):
        assert form.find("input", attrs={"name": name}).has_attr("checked")
    assert not Registration.objects.filter(email="zoe@example.org").exists()

    # In the window's last minute: "1 minute", in the singular.
    clock.value = clock.start + WINDOW - 10
    response = register(client, page, **typed)
    assert response.status_code == 429
    assert RETRY[language].search(notice(response)).groups() == ("1", "minute")
    # The next window opens a new allowance: the same form goes through.
    clock.value = clock.start + WINDOW + 1
    assert register(client, page, **typed).status_code == 302


def test_one_address_is_limited_whatever_the_network(client, event, settings):
    settings.HUB_REGISTRATION_EMAIL_RATE_LIMIT = 3
    codes = [
        register(
            client,
            event["en"],
            address=f"198.51.100.{n}",
            # The same address, however it is written.
            email="Target@Example.org" if n % 2 else "target@example.org ",
        ).status_code
        for n in range(4)
    ]
    assert codes == [302, 409, 409, 429]  # 409: already registered for this event
    response = register(client, event["fr"], address="203.0.113.5")
    assert response.status_code == 302  # another address, another network
    response = register(
        client, event["fr"], address="203.0.113.6", email="TARGET@example.org"
    )
    assert response.status_code == 429
    assert TOO_MANY["email"]["fr"] in notice(response)
    if os.environ.get("REDIS_URL"):  # Redis holds a keyed hash, never the address
        keys = [
            key.decode()
            for key in cache._cache.get_client().scan_iter(f"{cache.key_prefix}:*")
        ]
        assert any(ratelimit._email_id("target@example.org") in key for key in keys)
        assert not any("target" in key.lower() for key in keys)


def test_an_invalid_form_or_spam_uses_no_allowance(client, event, settings):
    settings.HUB_REGISTRATION_RATE_LIMIT = 1
    for _ in range(3):
        assert register(client, event["en"], email="not an address").status_code == 200
        assert register(client, event["en"], website="http://x.test").status_code == 400
    assert register(client, event["en"]).status_code == 302


def test_clearing_the_cache_leaves_other_runs_keys(settings):
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs REDIS_URL: the per-process cache is never shared")
    other_run = {
        **settings.CACHES["default"],
        "KEY_PREFIX": settings.CACHES["default"]["KEY_PREFIX"] + "-other",
    }
    settings.CACHES = {**settings.CACHES, "other": other_run}
    other = caches["other"]
    try:
        other.set("kept", 1, 60)
        cache.set("mine", 1, 60)
        cache.clear()
        assert cache.get("mine") is None
        assert other.get("kept") == 1
    finally:
        other.clear()


def _database_url():
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return (
        f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def _post_concurrently(base, path, emails):
    """GET the form once (CSRF cookie and token), then POST one registration per
    address from 6 threads at once; the statuses in order."""
    netloc = urlsplit(base).netloc
    http_connection = http.client.HTTPConnection(netloc, timeout=30)
    http_connection.request("GET", path, headers={"Host": "localhost"})
    response = http_connection.getresponse()
    page = response.read().decode()
    assert response.status == 200, page[:500]
    cookies = "; ".join(
        value.split(";", 1)[0]
        for header, value in response.getheaders()
        if header.lower() == "set-cookie"
    )
    http_connection.close()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def post(email):
        body = urlencode(
            {**registration_data(email=email), "csrfmiddlewaretoken": token}
        )
        one = http.client.HTTPConnection(netloc, timeout=30)
        try:
            one.request(
                "POST",
                path,
                body=body,
                headers={
                    "Host": "localhost",
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": cookies,
                },
            )
            answer = one.getresponse()
            answer.read()
            return answer.status
        finally:
            one.close()

    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        return list(pool.map(post, emails))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_limit_holds_across_gunicorn_workers():
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs REDIS_URL (make test starts a Redis; CI requires one)")
    if "postgresql" not in connection.settings_dict["ENGINE"]:
        pytest.skip("the multi-process server runs on PostgreSQL")
    limit = 6
    event = make_event_site().add_event(capacity=40)
    # REDIS_URL and this run's CACHE_KEY_PREFIX come from the environment.
    env = production_env(
        _database_url(),
        ELASTICSEARCH_URL="",
        HUB_REGISTRATION_RATE_LIMIT=str(limit),
        HUB_REGISTRATION_EMAIL_RATE_LIMIT="5",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    assert env["CACHE_KEY_PREFIX"] == cache.key_prefix
    with gunicorn(env, workers=3) as base:
        path = event["en"].url + "register/"
        statuses = _post_concurrently(
            base, path, [f"burst{n}@example.org" for n in range(limit + 1)]
        )
    assert sorted(statuses) == [302] * limit + [429], statuses
    assert Registration.objects.count() == limit
