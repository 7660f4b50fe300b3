"""The task worker (compose's `worker`): django-tasks-db's `db_worker`, kept alive
through database outages.

`db_worker` exits on the first database error it does not expect, such as the
connection that a PostgreSQL restart breaks, and queued e-mails (each carrying the only
copy of a manage link) then wait until someone starts it again. This command runs the
same worker with the same options and, when the database goes away, drops the broken
connections, waits (1 s, then longer, at most a minute) and starts it again. It stops
as `db_worker` does: on SIGINT/SIGTERM, or when `--batch` finds no more tasks.
"""

import logging
import time

from django.db import DatabaseError, InterfaceError, connections
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

logger = logging.getLogger(__name__)

MAX_PAUSE = 60


class Command(DBWorkerCommand):
    help = (
        "Run the database task worker (db_worker's options), reconnecting when the "
        "database restarts."
    )

    def handle(self, *args, **options):
        pause = 1
        while True:
            started = time.monotonic()
            try:
                return super().handle(*args, **options)
            except (DatabaseError, InterfaceError) as error:
                if time.monotonic() - started > MAX_PAUSE:
                    pause = 1  # it had been working: a new outage starts short
                logger.warning(
                    "The task worker lost the database (%s); starting again in %s s.",
                    type(error).__name__,
                    pause,
                )
                connections.close_all()
                time.sleep(pause)
                pause = min(pause * 2, MAX_PAUSE)
