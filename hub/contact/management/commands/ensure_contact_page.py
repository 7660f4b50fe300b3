"""Create the contact page in English and French under each language's home page, and
point Settings > Contact at it, unless they exist. load_demo_content calls it; safe to
run again. Only the page's wording is written: the contact details (address, e-mail)
stay empty until an editor enters them, since no source gives them."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from hub.contact.models import ContactPage, ContactSettings
from hub.pages.models import HomePage

TEXT = {
    "en": {
        "title": "Contact us",
        "slug": "contact",
        "summary": (
            "Write to the hub's editorial team: a question about a page, a correction, "
            "an accessibility problem or a request for a document in another format."
        ),
    },
    "fr": {
        "title": "Nous contacter",
        "slug": "contact",
        "summary": (
            "Écrivez à l’équipe éditoriale du centre de ressources : une question sur "
            "une page, une correction, un problème d’accessibilité ou la demande d’un "
            "document sous une autre forme."
        ),
    },
}


class Command(BaseCommand):
    help = "Create the bilingual contact page and link it from Settings > Contact."

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Write the demo wording again over existing pages (new revisions).",
        )

    @transaction.atomic
    def handle(self, *args, update=False, **options):
        source_home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if source_home is None:
            self.stdout.write("No home page: no contact page created.")
            return
        english = ContactPage.objects.child_of(source_home).first()
        created = []
        if english is not None and update:
            self.rewrite(english.get_latest_revision_as_object(), "en")
            for translation in english.get_translations():
                page = translation.specific.get_latest_revision_as_object()
                self.rewrite(page, translation.locale.language_code)
        if english is None:
            english = ContactPage(locale=source_home.locale, **TEXT["en"])
            source_home.add_child(instance=english)
            english.save_revision().publish()
            created.append(english.locale.language_code)
        for locale in Locale.objects.exclude(pk=english.locale_id):
            if english.get_translation_or_none(locale) is not None:
                continue
            if not HomePage.objects.filter(locale=locale).exists():
                continue
            translated = english.copy_for_translation(locale).specific
            text = TEXT.get(locale.language_code, {})
            translated.title = text.get("title", translated.title)
            translated.summary = text.get("summary", translated.summary)
            slug = text.get("slug", translated.slug)
            parent = translated.get_parent()
            if (
                not Page.objects.child_of(parent)
                .exclude(pk=translated.pk)
                .filter(slug=slug)
                .exists()
            ):
                translated.slug = slug
            translated.save_revision().publish()
            created.append(locale.language_code)
        site = Site.objects.filter(is_default_site=True).first()
        if site is not None:
            details = ContactSettings.for_site(site)
            if details.contact_page_id is None:
                details.contact_page = english
                details.save()
        self.stdout.write(
            f"Contact page created in: {', '.join(created)}."
            if created
            else "Contact page: already there."
        )

    def rewrite(self, page, language):
        """The demo wording again, as a new published revision (slugs kept)."""
        text = TEXT.get(language, {})
        page.title = text.get("title", page.title)
        page.summary = text.get("summary", page.summary)
        page.save_revision().publish()
