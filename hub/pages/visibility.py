"""Which pages the public may see, without a query per listing.

Wagtail's `PageQuerySet.public()` reads every view restriction each time it is
called; a page with several listings paid for that several times. The restricted
paths are few and change rarely, so they are cached and the cache is dropped
whenever a restriction is saved or deleted, or a page moves.
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move

CACHE_KEY = "hub:restricted-page-paths"
CACHE_SECONDS = 600


def restricted_paths():
    paths = cache.get(CACHE_KEY)
    if paths is None:
        paths = sorted(
            set(PageViewRestriction.objects.values_list("page__path", flat=True))
        )
        cache.set(CACHE_KEY, paths, CACHE_SECONDS)
    return paths


def public(queryset):
    """The queryset without pages under a view restriction (like `.public()`)."""
    condition = Q()
    for path in restricted_paths():
        condition |= Q(path__startswith=path)
    return queryset.exclude(condition) if condition else queryset


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
@receiver(page_unpublished)
def forget_restricted_paths(**kwargs):
    cache.delete(CACHE_KEY)
