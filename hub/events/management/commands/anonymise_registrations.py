from django.core.management.base import BaseCommand, CommandError

from hub.events.services import anonymise_past_registrations, retention_days

MAX_DAYS = 36_500  # a century: beyond, dates overflow


class Command(BaseCommand):
    help = (
        "Anonymise the personal data of registrations for events that ended more "
        "than HUB_REGISTRATION_RETENTION_DAYS days ago. Safe to run repeatedly."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Override the retention period (days after the event's end).",
        )

    def handle(self, *args, days=None, **options):
        days = retention_days() if days is None else days
        if not 0 <= days <= MAX_DAYS:
            raise CommandError(f"--days must be between 0 and {MAX_DAYS}.")
        count = anonymise_past_registrations(days=days)
        self.stdout.write(
            f"Anonymised {count} registration(s) for events that ended more than "
            f"{days} day(s) ago."
        )
