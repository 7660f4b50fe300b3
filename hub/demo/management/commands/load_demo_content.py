"""Build the bilingual demo site: taxonomy, case studies, actions, reports, guides,
events and standard pages, in English and in French, from ``hub/demo/data``."""

import logging
from contextlib import contextmanager

from django.core.management import call_command
from django.core.management.base import BaseCommand
from wagtail.models import Page

from hub.demo.builder import DemoBuilder
from hub.glossary.loader import load as load_glossary


class Command(BaseCommand):
    help = (
        "Load the bilingual demo content. Safe to run again: existing content is kept "
        "(use --update to rewrite it in place); upcoming events keep their dates."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Rewrite existing demo pages and terms from the data (new revisions).",
        )

    def handle(self, *args, update=False, verbosity=1, **options):
        def log(message):
            if verbosity > 1:
                self.stdout.write(message)

        builder = DemoBuilder(update=update, log=log)
        with quiet_logs(verbosity):
            stats = builder.build()
            # The contact page in both languages (hub/contact), linked from footers.
            call_command("ensure_contact_page", stdout=self.stdout)
        # The glossary that explains the pages' institutional terms (hub/glossary).
        glossary_changes = sum(load_glossary())
        if glossary_changes:
            stats["glossary terms"] = glossary_changes
        changes = ", ".join(f"{name}: {count}" for name, count in sorted(stats.items()))
        self.stdout.write(f"Changes: {changes or 'none'}.")
        self.stdout.write(self.summary(builder.term_models.values()))
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))

    def summary(self, term_models):
        lines = ["Pages (en / fr):"]
        pages = Page.objects.filter(depth__gt=1).select_related("content_type")
        counts = {}
        for page in pages.only("content_type", "locale__language_code"):
            label = page.content_type.model_class()._meta.verbose_name
            counts.setdefault(label, {"en": 0, "fr": 0})
            counts[label][page.locale.language_code] = (
                counts[label].get(page.locale.language_code, 0) + 1
            )
        for label, by_lang in sorted(counts.items()):
            lines.append(f"  {label}: {by_lang.get('en', 0)} / {by_lang.get('fr', 0)}")
        lines.append("Snippets (en / fr):")
        for model in term_models:
            en = model.objects.filter(locale__language_code="en").count()
            fr = model.objects.filter(locale__language_code="fr").count()
            lines.append(f"  {model._meta.verbose_name_plural}: {en} / {fr}")
        return "\n".join(lines)


@contextmanager
def quiet_logs(verbosity, names=("django_tasks", "wagtail")):
    """Hide the per-page and per-task INFO lines unless -v 2 or more is asked."""
    if verbosity > 1:
        yield
        return
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
