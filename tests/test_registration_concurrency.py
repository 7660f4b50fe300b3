"""Many people registering at once on PostgreSQL: no overbooking, no duplicates.

These tests use real transactions and threads, each with its own connection, so the
row lock and the unique constraints do the work, not the test's ordering.
"""

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client

from hub.events import services
from hub.events.models import Registration
from tests.factories import make_event_site, registration_data, service_data

Status = Registration.Status
THREADS = 40

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql" and os.environ.get("CI") != "true",
        reason="needs PostgreSQL's row locks: set DATABASE_URL (make test does)",
    ),
]


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.HUB_REGISTRATION_RATE_LIMIT = 0
    cache.clear()


def all_at_once(function, arguments):
    """Run function(argument) in one thread each, released together."""
    barrier = threading.Barrier(len(arguments))

    def run(argument):
        try:
            barrier.wait(timeout=30)
            try:
                return ("ok", function(argument))
            except Exception as error:  # collected, then asserted on
                return ("error", error)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(arguments)) as pool:
        return list(pool.map(run, arguments))


def assert_waiting_list_is_consistent(key, expected_waiting):
    waiting = Registration.objects.filter(event_key=key, status=Status.WAITING)
    numbers = sorted(waiting.values_list("queue_number", flat=True))
    assert len(numbers) == expected_waiting
    assert len(set(numbers)) == len(numbers)
    positions = sorted(person.waiting_list_position() for person in waiting)
    assert positions == list(range(1, expected_waiting + 1))


def test_forty_people_for_five_places_left(locales, mailoutbox):
    event = make_event_site().add_event(capacity=10)
    for n in range(5):
        services.register_for_event(event["en"], service_data(email=f"early{n}@x.org"))
    pages = [event["en"], event["fr"]]

    def register(n):
        page = pages[n % 2]  # both languages at once: one shared capacity
        return services.register_for_event(page, service_data(email=f"p{n}@x.org"))

    results = all_at_once(register, list(range(THREADS)))

    errors = [value for outcome, value in results if outcome == "error"]
    assert errors == []
    key = event["en"].translation_key
    statuses = [value.status for _outcome, value in results]
    assert statuses.count(Status.CONFIRMED) == 5
    assert statuses.count(Status.WAITING) == THREADS - 5
    confirmed = Registration.objects.filter(event_key=key, status=Status.CONFIRMED)
    assert confirmed.count() == 10
    assert_waiting_list_is_consistent(key, THREADS - 5)
    numbers = sorted(
        Registration.objects.filter(status=Status.WAITING).values_list(
            "queue_number", flat=True
        )
    )
    assert numbers == list(range(1, THREADS - 5 + 1))
    # Everyone heard, after the commit, what really happened to them.
    sent = [message for message in mailoutbox if message.to[0].startswith("p")]
    assert len(sent) == THREADS
    # They asked for French (service_data's default), so the subject is French.
    assert all(message.extra_headers["Content-Language"] == "fr" for message in sent)
    confirmed_subject = f"Votre place est confirmée\u00a0: {event['fr'].title}"
    assert sum(message.subject == confirmed_subject for message in sent) == 5


def test_forty_people_through_the_form_for_five_places(locales):
    event = make_event_site().add_event(capacity=5)
    url = event["fr"].url + "register/"

    def post(n):
        return Client().post(url, registration_data(email=f"web{n}@x.org")).status_code

    results = all_at_once(post, list(range(THREADS)))

    assert [value for outcome, value in results] == [302] * THREADS
    key = event["en"].translation_key
    assert (
        Registration.objects.filter(event_key=key, status=Status.CONFIRMED).count() == 5
    )
    assert_waiting_list_is_consistent(key, THREADS - 5)


def test_the_same_email_from_many_threads_registers_once(locales):
    event = make_event_site().add_event(capacity=5)
    spellings = ["same@example.org", "SAME@example.org", "Same@Example.org"]

    def register(n):
        page = event["en" if n % 2 else "fr"]
        email = spellings[n % len(spellings)]
        return services.register_for_event(page, service_data(email=email))

    results = all_at_once(register, list(range(20)))

    outcomes = [outcome for outcome, _value in results]
    errors = [value for outcome, value in results if outcome == "error"]
    assert outcomes.count("ok") == 1
    assert all(isinstance(error, services.AlreadyRegistered) for error in errors)
    assert Registration.objects.count() == 1


def test_the_same_email_posted_many_times_at_once(locales):
    event = make_event_site().add_event(capacity=5)
    url = event["en"].url + "register/"

    def post(_n):
        return Client().post(url, registration_data()).status_code

    codes = [value for _outcome, value in all_at_once(post, list(range(12)))]
    assert sorted(codes) == [302] + [409] * 11
    assert Registration.objects.count() == 1


def test_cancellations_and_registrations_racing(locales):
    event = make_event_site().add_event(capacity=5)
    page = event["en"]
    confirmed = [
        services.register_for_event(page, service_data(email=f"c{n}@x.org"))
        for n in range(5)
    ]
    for n in range(10):
        services.register_for_event(page, service_data(email=f"w{n}@x.org"))

    def act(n):
        if n < len(confirmed):
            return services.cancel_registration(confirmed[n])
        return services.register_for_event(page, service_data(email=f"new{n}@x.org"))

    results = all_at_once(act, list(range(20)))

    assert [value for outcome, value in results if outcome == "error"] == []
    key = page.translation_key
    now_confirmed = Registration.objects.filter(event_key=key, status=Status.CONFIRMED)
    assert now_confirmed.count() == 5
    # The places went to the first five who were waiting, in order of arrival.
    assert set(now_confirmed.values_list("email", flat=True)) == {
        f"w{n}@x.org" for n in range(5)
    }
    assert_waiting_list_is_consistent(key, 5 + 15)
