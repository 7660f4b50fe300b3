"""Send the search engine the pages it missed while it was down or too slow.

The engine backends remember such pages (search.models.PendingReindex); this command,
run every minute by `run_scheduled_jobs`, indexes them again and forgets those the
engine took. With the engine still down it changes nothing and says so.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from search.models import PendingReindex
from search.tasks import BATCH_SIZE, index_pages


class Command(BaseCommand):
    help = "Index again the pages that the search engine missed during an outage."

    def handle(self, *args, **options):
        started = timezone.now()
        page_ids = list(PendingReindex.objects.values_list("page_id", flat=True))
        taken = 0
        for start in range(0, len(page_ids), BATCH_SIZE):
            batch = page_ids[start : start + BATCH_SIZE]
            if not index_pages(batch):
                break  # the engine is still away: the next run tries again
            # Pages that failed again since this run started stay remembered.
            PendingReindex.objects.filter(
                page_id__in=batch, since__lte=started
            ).delete()
            taken += len(batch)
        left = len(page_ids) - taken
        if page_ids:
            self.stdout.write(
                f"Indexed {taken} page(s) the search engine had missed; {left} left."
            )
