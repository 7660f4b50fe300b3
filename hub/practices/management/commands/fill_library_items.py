"""Write every library entry again (practices.LibraryEntry and LibraryValue): for a
database filled before the entries existed, or by a bulk insert that sends no
publishing signal. Publishing keeps them up to date after that."""

import time

from django.core.management.base import BaseCommand

from hub.practices import library_index


class Command(BaseCommand):
    help = "Write the library's entries (filters, counts, sorting) for every page."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="Only when the entries do not match the case studies and actions.",
        )

    def handle(self, *args, if_stale=False, verbosity=1, **options):
        entries, pages = library_index.items_count()
        if if_stale and entries == pages:
            if verbosity:
                self.stdout.write(f"Library entries up to date ({entries}).")
            return
        started = time.monotonic()
        library_index.fill(log=self.stdout.write if verbosity > 1 else None)
        entries, pages = library_index.items_count()
        if verbosity:
            self.stdout.write(
                f"Library entries written: {entries} for {pages} case studies and "
                f"actions in {time.monotonic() - started:.1f}s."
            )
