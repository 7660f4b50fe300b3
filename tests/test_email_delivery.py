"""No confirmation is lost to a mail server that refuses for a while: the send is
queued again with a growing delay and goes out once the server accepts, through the
database task queue and its worker, as in production. A real SMTP server (aiosmtpd)
on loopback refuses the first tries, then accepts."""

import datetime
import email
import subprocess
import threading
import time

import psycopg2
import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from hub.events import services
from hub.events.emails import RETRY_DELAYS, send_registration_email
from tests.factories import make_event_site, organise, service_data
from tests.server import PYTHON, ROOT, free_port, production_env, served_database_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class MailServer:
    """Refuses the first `refusals` messages with a temporary error, then keeps the
    ones it accepts."""

    def __init__(self, refusals):
        self.refusals = refusals
        self.accepted = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.refusals > 0:
                self.refusals -= 1
                return "451 4.3.0 Try again later"
            self.accepted.append(email.message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def mail_server(settings):
    def start(refusals):
        handler = MailServer(refusals)
        handler.port = port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        started.append(controller)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_TIMEOUT = 5
        return handler

    started = []
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    yield start
    for controller in started:
        controller.stop()


def run_worker():
    call_command("db_worker", "--batch", "--queue-name", "*", "--interval", "0")


def time_passes():
    """Every deferred task becomes due."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_a_refused_confirmation_is_sent_again_until_it_goes_out(mail_server):
    server = mail_server(refusals=2)
    event = make_event_site().add_event()
    registration = services.register_for_event(
        event["en"], service_data(preferred_language="en")
    )
    tasks = DBTaskResult.objects.filter(task_path=send_registration_email.module_path)
    assert tasks.filter(status="READY").count() == 1

    run_worker()  # refused: queued again, not before the first delay
    [waiting] = tasks.filter(status="READY")
    assert waiting.args_kwargs["args"][2:] == [2]
    delay = waiting.run_after - timezone.now()
    assert datetime.timedelta(seconds=RETRY_DELAYS[0] - 5) < delay
    run_worker()  # too early: nothing happens
    assert server.accepted == [] and tasks.filter(status="READY").count() == 1

    time_passes()
    run_worker()  # refused again
    time_passes()
    run_worker()  # accepted
    [message] = server.accepted
    assert message["To"] == registration.email
    assert message["Subject"].startswith("Your place is confirmed")
    assert not tasks.filter(status__in=["READY", "FAILED"]).exists()


def test_a_send_that_keeps_failing_ends_as_a_failed_task(mail_server):
    mail_server(refusals=len(RETRY_DELAYS) + 1)
    event = make_event_site().add_event()
    services.register_for_event(event["en"], service_data())
    for _ in range(len(RETRY_DELAYS) + 1):
        run_worker()
        time_passes()
    tasks = DBTaskResult.objects.filter(task_path=send_registration_email.module_path)
    assert not tasks.filter(status="READY").exists()
    [failed] = tasks.filter(status="FAILED")
    assert failed.args_kwargs["args"][2:] == [len(RETRY_DELAYS) + 1]
    assert failed.exception_class_path.endswith("SMTPDataError")


def wait_for(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_the_worker_survives_a_database_restart(mail_server, tmp_path):
    """The worker's connections are cut as a PostgreSQL restart cuts them; the
    worker reconnects and the next confirmation still goes out."""
    from django.db import connection

    server = mail_server(refusals=0)
    event = make_event_site().add_event(capacity=10)
    env = production_env(
        served_database_url(),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(server.port),
        ELASTICSEARCH_URL="",
        LOG_LEVEL="WARNING",
    )
    log_path = tmp_path / "worker.log"
    with log_path.open("w") as log:
        worker = subprocess.Popen(
            [
                PYTHON,
                "manage.py",
                "run_worker",
                "--queue-name",
                "*",
                "--interval",
                "0.2",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
        try:
            services.register_for_event(
                event["en"], service_data(email="first@example.org")
            )
            assert wait_for(lambda: len(server.accepted) == 1), log_path.read_text()

            # What a restart does: the worker's connections cut, and for a while no
            # new connection accepted (this test's own connection stays open).
            name = connection.settings_dict["NAME"]
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                own_pid = cursor.fetchone()[0]
            server_url = served_database_url().rsplit("/", 1)[0]
            admin = psycopg2.connect(server_url + "/postgres")
            admin.autocommit = True
            try:
                with admin.cursor() as cursor:
                    cursor.execute(
                        f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false'
                    )
                    cursor.execute(
                        "SELECT count(pg_terminate_backend(pid)) "
                        "FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
                        [name, own_pid],
                    )
                    assert cursor.fetchone()[0] >= 1
                    # Down for two seconds: the worker looks for tasks every 0.2 s.
                    time.sleep(2)
            finally:
                with admin.cursor() as cursor:
                    cursor.execute(
                        f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true'
                    )
                admin.close()

            services.register_for_event(
                event["en"], service_data(email="second@example.org")
            )
            assert wait_for(lambda: len(server.accepted) == 2), log_path.read_text()
            assert worker.poll() is None  # still running
        finally:
            worker.terminate()
            worker.wait(timeout=30)
    assert [m["To"] for m in server.accepted] == [
        "first@example.org",
        "second@example.org",
    ]
    assert "lost the database" in log_path.read_text()


def test_organisers_see_a_failed_email_and_send_it_again(mail_server, client, manager):
    server = mail_server(refusals=len(RETRY_DELAYS) + 1)
    event = make_event_site().add_event()
    organise(manager, event)
    registration = services.register_for_event(
        event["en"], service_data(preferred_language="en")
    )
    for _ in range(len(RETRY_DELAYS) + 1):
        run_worker()
        time_passes()
    client.force_login(manager)

    page = client.get("/admin/registration/emails/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'data-state="failed"' in html
    assert f"/admin/registration/edit/{registration.pk}/" in html
    assert "SMTPDataError" in html
    assert registration.email not in html  # the list names registrations by number

    [failed] = DBTaskResult.objects.filter(status="FAILED")
    response = client.post("/admin/registration/emails/", {"task": str(failed.pk)})
    assert response.status_code == 302
    assert client.post("/admin/registration/emails/", {"task": "x"}).status_code == 302
    run_worker()  # the server accepts by now
    [message] = server.accepted
    assert message["To"] == registration.email
    html = client.get("/admin/registration/emails/").content.decode()
    assert "data-state=" not in html
