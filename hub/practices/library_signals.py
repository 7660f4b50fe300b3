"""The signals that keep the library's entries up to date (library_index.py
says what each change touches). Each handler writes in the transaction of the change,
so the entries are exactly as fresh as the pages for every process at once."""

from django.db.models.signals import (
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
    pre_save,
)
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from hub.pages.search_data import pages_using_terms
from hub.pages.taxonomies import REGION, TAXONOMIES

from . import library_counts, library_index
from .models import ActionPage, CaseStudyPage, LibraryEntry

ITEM_MODELS = (CaseStudyPage, ActionPage)


def page_published_handler(sender, instance, **kwargs):
    if isinstance(instance, ITEM_MODELS):
        library_index.refresh([instance.pk])
    elif isinstance(instance, library_index.EVIDENCE_MODELS):
        library_index.refresh_evidence()


def page_unpublished_handler(sender, instance, **kwargs):
    # The pages themselves leave the library through the visibility rule; evidence
    # that an unpublished report or guide gave goes with it.
    if isinstance(instance, library_index.EVIDENCE_MODELS):
        library_index.refresh_evidence()


def page_moved_handler(sender, instance, **kwargs):
    path = Page.objects.filter(pk=instance.pk).values_list("path", flat=True).first()
    if path:
        moved = Page.objects.filter(path__startswith=path).values_list("pk", flat=True)
        library_index.refresh(moved)
    library_index.refresh_evidence()


def evidence_page_deleted(sender, instance, **kwargs):
    library_index.refresh_evidence()


def restriction_changed(sender, instance, **kwargs):
    library_index.refresh_evidence()


def remember_term_pages(sender, instance, **kwargs):
    # The links are gone by post_delete: find the pages first.
    instance._library_pages = pages_using_terms(sender, instance.translation_key)


def term_deleted(sender, instance, **kwargs):
    library_index.refresh(getattr(instance, "_library_pages", ()))


def remember_country(sender, instance, **kwargs):
    instance._library_country = (
        sender.objects.filter(pk=instance.pk).values_list("country", flat=True).first()
        if instance.pk
        else None
    )


def region_saved(sender, instance, created, **kwargs):
    if not created and instance._library_country != instance.country:
        library_index.refresh(pages_using_terms(sender, instance.translation_key))


def fill_after_migrate(sender, app_config=None, verbosity=1, **kwargs):
    """A database migrated from before the entries existed gets them (`make run`)."""
    if app_config is None or app_config.label != "practices":
        return
    from django.db import connection

    from .models import LibraryEntry

    if LibraryEntry._meta.db_table not in connection.introspection.table_names():
        return  # migrated back to before the entries
    entries, pages = library_index.items_count()
    if entries != pages:
        library_index.fill()
        if verbosity:
            print(f"Library entries written for {pages} case studies and actions.")


def connect():
    page_published.connect(page_published_handler, dispatch_uid="library-published")
    page_unpublished.connect(
        page_unpublished_handler, dispatch_uid="library-unpublished"
    )
    post_page_move.connect(page_moved_handler, dispatch_uid="library-moved")
    for model in library_index.EVIDENCE_MODELS:
        post_delete.connect(
            evidence_page_deleted, sender=model, dispatch_uid=f"library-{model}"
        )
    post_save.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="library-r-save"
    )
    post_delete.connect(
        restriction_changed, sender=PageViewRestriction, dispatch_uid="library-r-del"
    )
    for taxonomy in TAXONOMIES:
        uid = f"library-term-{taxonomy.name}"
        pre_delete.connect(
            remember_term_pages, sender=taxonomy.model_label, dispatch_uid=uid
        )
        post_delete.connect(term_deleted, sender=taxonomy.model_label, dispatch_uid=uid)
    pre_save.connect(
        remember_country, sender=REGION.model_label, dispatch_uid="library-country"
    )
    post_save.connect(
        region_saved, sender=REGION.model_label, dispatch_uid="library-country"
    )
    post_migrate.connect(fill_after_migrate, dispatch_uid="library-fill")
    # An entry deleted with its page leaves the library's totals.
    pre_delete.connect(
        library_counts.entry_deleted, sender=LibraryEntry, dispatch_uid="library-count"
    )
    post_delete.connect(
        library_counts.deletion_done, sender=LibraryEntry, dispatch_uid="library-count"
    )
