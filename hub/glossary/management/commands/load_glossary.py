from django.core.management.base import BaseCommand

from hub.glossary.loader import load


class Command(BaseCommand):
    help = "Load the glossary (hub/glossary/data/glossary.yaml) in each language."

    def handle(self, *args, **options):
        created, updated = load()
        self.stdout.write(f"Glossary: {created} terms created, {updated} updated.")
