"""Personal data leaves a set number of days after the event; the counts stay."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from hub.events import links, services
from hub.events.models import Registration
from tests.factories import service_data

Status = Registration.Status


def event_ended(event_site, slug, days_ago):
    now = timezone.now()
    event = event_site.add_event(slug=slug, capacity=1)
    page = event["en"]
    # Registrations are taken while the event is upcoming, then time passes.
    for n, email in enumerate(["a@x.org", "b@x.org"]):
        services.register_for_event(
            event["fr" if n else "en"],
            service_data(email=email, name=f"Person {n}", country="GB"),
        )
    page.start = now - datetime.timedelta(days=days_ago, hours=8)
    page.end = now - datetime.timedelta(days=days_ago)
    page.save_revision().publish()
    return event


def registrations_of(event):
    return Registration.objects.filter(event_key=event["en"].translation_key)


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command("anonymise_registrations", *args, stdout=out)
    return out.getvalue()


def test_the_command_anonymises_after_the_retention_period(event_site, settings):
    settings.HUB_REGISTRATION_RETENTION_DAYS = 30
    old = event_ended(event_site, "old", days_ago=31)
    recent = event_ended(event_site, "recent", days_ago=29)
    upcoming = event_site.add_event(slug="upcoming")
    services.register_for_event(upcoming["en"], service_data(email="u@x.org"))
    before = list(
        registrations_of(old).values_list("status", "country", "organisation_kind")
    )

    assert "Anonymised 2 registration(s)" in run()

    for registration in registrations_of(old):
        assert registration.is_anonymised
        assert registration.name == services.ANONYMISED_NAME
        assert registration.email.endswith("@anonymised.invalid")
        assert registration.organisation == registration.role == ""
        assert registration.dietary_needs == registration.accessibility_needs == ""
        assert registration.token == ""
    after = list(
        registrations_of(old).values_list("status", "country", "organisation_kind")
    )
    assert sorted(after) == sorted(before)  # what the reports count is kept
    assert sorted(after)[0][0] == Status.CONFIRMED
    assert not registrations_of(recent).filter(anonymised_at__isnull=False).exists()
    assert registrations_of(upcoming).get().email == "u@x.org"

    # Idempotent.
    assert "Anonymised 0 registration(s)" in run()


def test_the_setting_and_the_option_choose_the_period(event_site, settings):
    event = event_ended(event_site, "ten", days_ago=10)
    settings.HUB_REGISTRATION_RETENTION_DAYS = 30
    assert "Anonymised 0" in run()
    settings.HUB_REGISTRATION_RETENTION_DAYS = 7
    assert "Anonymised 2" in run()
    assert registrations_of(event).filter(anonymised_at__isnull=True).count() == 0
    with pytest.raises(CommandError):
        run("--days", "-1")


def test_registrations_of_a_deleted_event_are_anonymised(event_site):
    event = event_site.add_event(slug="deleted")
    services.register_for_event(event["en"], service_data())
    key = event["en"].translation_key
    event["fr"].delete()
    event["en"].delete()
    run()
    registration = Registration.objects.get(event_key=key)
    assert registration.is_anonymised
    assert registration.event_id is None


def test_anonymised_links_are_refused_with_410(client, event_site, settings):
    event = event_site.add_event(slug="soon")
    registration = services.register_for_event(event["fr"], service_data())
    link = links.manage_url(registration, event["fr"])
    assert client.get(link).status_code == 200
    services.anonymise_registration(registration)
    response = client.get(link)
    assert response.status_code == 410
    assert "alex@example.org" not in response.content.decode()
    # The anonymised row no longer blocks the same address.
    again = services.register_for_event(event["fr"], service_data())
    assert again.status == Status.CONFIRMED


def test_the_admin_audit_log_keeps_no_personal_data(admin_client, event_site):
    from wagtail.models import ModelLogEntry

    event = event_site.add_event(slug="logged")
    registration = services.register_for_event(event["en"], service_data())
    response = admin_client.post(
        f"/admin/registration/edit/{registration.pk}/",
        {
            "name": "Alexandra Martin",
            "organisation": "Habitat 35",
            "organisation_kind": "social_landlord",
            "country": "FR",
            "role": "",
            "preferred_language": "fr",
            "accessibility_needs": "",
            "dietary_needs": "",
        },
    )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.name == "Alexandra Martin"
    services.anonymise_registration(registration)
    entries = ModelLogEntry.objects.filter(object_id=str(registration.pk))
    assert entries.exists()
    for entry in entries:
        text = f"{entry.label} {entry.data}"
        assert "Alexandra" not in text and "alex@example.org" not in text


def test_the_command_prunes_the_email_tasks_that_could_name_someone(
    event_site, settings
):
    """A failed send keeps the mail server's answer, which quotes the address: the
    task results go with the registrations they concern, or after the period."""
    from django_tasks_db.models import DBTaskResult

    from hub.events.emails import send_registration_email

    settings.HUB_REGISTRATION_RETENTION_DAYS = 30
    old = event_ended(event_site, "old", days_ago=31)
    recent = event_ended(event_site, "recent", days_ago=2)
    now = timezone.now()

    def task_result(registration, finished_days_ago, status="FAILED"):
        return DBTaskResult.objects.create(
            status=status,
            finished_at=now - datetime.timedelta(days=finished_days_ago),
            args_kwargs={"args": [registration.pk, "confirmation"], "kwargs": {}},
            task_path=send_registration_email.module_path,
            backend_name="default",
            run_after=now,
            exception_class_path="smtplib.SMTPRecipientsRefused",
            traceback=f"550 <{registration.email}>: mailbox unavailable",
        )

    about_old = [task_result(r, 1) for r in registrations_of(old)]
    about_recent = task_result(registrations_of(recent).first(), 1)
    long_ago = task_result(registrations_of(recent).last(), 40, status="SUCCESSFUL")
    unfinished = task_result(registrations_of(recent).last(), 0, status="READY")
    unfinished.finished_at = None
    unfinished.save()

    assert "Anonymised 2 registration(s)" in run()
    left = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert not left & {result.pk for result in about_old}
    assert long_ago.pk not in left
    assert {about_recent.pk, unfinished.pk} <= left


def test_a_period_beyond_a_century_is_refused_with_a_message():
    with pytest.raises(CommandError, match="between 0 and"):
        run("--days", "99999999999999999999")
