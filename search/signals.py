"""Keep the index fresh where Wagtail's own auto-update (a background task after each
save or delete of an indexed object) does not reach:

* publishing: modelcluster saves a page's many-to-many terms and child objects
  (partners) *after* the page's post_save, so the page is indexed again once published;
* moving: treebeard rewrites the descendants' paths in SQL, without saving them;
* taxonomy: renaming, translating or deleting a term changes the names and facets of
  every page that uses it, in both languages (terms are matched by translation_key).

Each handler enqueues search.tasks.reindex_pages; with the database task backend the
task row commits with the change, so the worker indexes after the commit.
"""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, post_page_move

from hub.pages.search_data import is_hub_page_model, pages_using_terms
from hub.pages.taxonomies import TAXONOMIES

from .tasks import enqueue_reindex


@receiver(page_published)
def reindex_published_page(sender, instance, **kwargs):
    if is_hub_page_model(type(instance)):
        enqueue_reindex([instance.pk])


@receiver(post_page_move)
def reindex_moved_pages(sender, instance, **kwargs):
    path = Page.objects.filter(pk=instance.pk).values_list("path", flat=True).first()
    if path:
        enqueue_reindex(
            Page.objects.filter(path__startswith=path).values_list("pk", flat=True)
        )


def reindex_pages_using_term(sender, instance, **kwargs):
    page_ids = getattr(instance, "_search_pages_using_term", None)
    if page_ids is None:
        page_ids = pages_using_terms(sender, instance.translation_key)
    if page_ids:
        enqueue_reindex(page_ids)


def remember_pages_using_term(sender, instance, **kwargs):
    # The links are gone by post_delete: find the pages first.
    instance._search_pages_using_term = pages_using_terms(
        sender, instance.translation_key
    )


for _taxonomy in TAXONOMIES:
    post_save.connect(reindex_pages_using_term, sender=_taxonomy.model_label)
    pre_delete.connect(remember_pages_using_term, sender=_taxonomy.model_label)
    post_delete.connect(reindex_pages_using_term, sender=_taxonomy.model_label)
