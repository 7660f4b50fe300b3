"""The hub's recurring jobs, in one long-running process (compose's `scheduler`).

- `publish_scheduled` (every minute): Wagtail publishes the pages and revisions
  approved for a later date, and unpublishes those whose expiry has come;
- `retry_search_index` (every minute): pages the search engine missed while it was
  down are sent again once it answers;
- `send_event_reminders` (every quarter of an hour): confirmed registrants get
  their event's reminder e-mail, once;
- `anonymise_registrations` (every hour): personal data leaves at the end of the
  retention period, with the e-mail task results that could name someone;
- `clearsessions` (every day): expired sessions leave the database;
- `prune_db_task_results` (every day, with the database task backend): finished task
  results older than two weeks leave too.

A job that fails (the database restarting, say) is logged and tried again at its next
turn; the process itself keeps going. `--once` runs every job once and exits, for a
cron line or a test.
"""

import logging
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

logger = logging.getLogger(__name__)

MINUTE, HOUR, DAY = 60, 3600, 86400
TICK_SECONDS = 15


@dataclass
class Job:
    command: str
    every: int
    args: list = field(default_factory=list)
    last_run: float | None = None

    def due(self, now):
        return self.last_run is None or now - self.last_run >= self.every


def jobs():
    found = [
        Job("publish_scheduled", MINUTE),
        Job("retry_search_index", MINUTE),
        Job("send_event_reminders", 15 * MINUTE),
        Job("anonymise_registrations", HOUR),
        Job("clearsessions", DAY),
    ]
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if backend.startswith("django_tasks_db."):
        found.append(
            Job("prune_db_task_results", DAY, ["--queue-name=*", "--min-age-days=14"])
        )
    return found


class Command(BaseCommand):
    help = "Run the hub's recurring jobs (scheduled publishing, data retention)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run every job once, then exit."
        )

    def handle(self, *args, once=False, **options):
        scheduled = jobs()
        if once:
            failures = sum(not self.run(job) for job in scheduled)
            if failures:
                self.stderr.write(f"{failures} job(s) failed; see the log.")
            return
        self.stdout.write(
            "Running " + ", ".join(job.command for job in scheduled) + "; Ctrl-C stops."
        )
        while True:
            now = time.monotonic()
            for job in scheduled:
                if job.due(now):
                    self.run(job)
                    job.last_run = now
            time.sleep(TICK_SECONDS)

    def run(self, job):
        """Run one job; True if it succeeded. A failure is logged, never raised."""
        drop_broken_connections()
        try:
            call_command(job.command, *job.args, stdout=self.stdout, verbosity=0)
        except Exception:  # noqa: BLE001 - logged; the next turn tries again
            logger.exception("The scheduled job %s failed.", job.command)
            return False
        finally:
            drop_broken_connections()
        return True


def drop_broken_connections():
    """A connection broken by a database restart is dropped, not reused (unless a
    caller's transaction holds it, as a test's does)."""
    if not connection.in_atomic_block:
        close_old_connections()
