from django.core.management.base import BaseCommand

from hub.events.services import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail confirmed registrants a reminder, with the practical details and the "
        "calendar file, the number of days before their event that it sets (or "
        "HUB_EVENT_REMINDER_DAYS). Each person gets it once: safe to run repeatedly."
    )

    def handle(self, *args, **options):
        count = send_reminders()
        self.stdout.write(f"Queued {count} reminder(s).")
