"""The scheduler's jobs (`run_scheduled_jobs`, compose's `scheduler` service): pages
approved for a later date go live, expired sessions leave."""

import datetime
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from hub.pages.models import StandardPage
from tests.factories import build_home

pytestmark = pytest.mark.django_db


def run_once():
    out, err = StringIO(), StringIO()
    call_command("run_scheduled_jobs", "--once", stdout=out, stderr=err)
    return err.getvalue()


def test_a_page_approved_for_a_past_date_goes_live_and_sessions_expire(client):
    home = build_home()["en"]
    page = StandardPage(title="Call for projects", slug="call", live=False)
    home.add_child(instance=page)
    # Approved for publication at a date that has now come (as the admin's
    # "Publish" with a go-live date leaves it).
    revision = page.save_revision()
    past = timezone.now() - datetime.timedelta(minutes=5)
    revision.approved_go_live_at = past
    revision.save()
    assert client.get("/en/call/").status_code == 404

    client.get("/en/")  # a visit with a session...
    Session.objects.create(
        session_key="x" * 32,
        session_data="",
        expire_date=timezone.now() - datetime.timedelta(days=1),
    )  # ...and one that expired yesterday

    assert run_once() == ""

    page.refresh_from_db()
    assert page.live
    assert client.get("/en/call/").status_code == 200
    assert not Session.objects.filter(session_key="x" * 32).exists()


def test_the_jobs_run_twice_without_harm():
    build_home()
    assert run_once() == ""
    assert run_once() == ""
