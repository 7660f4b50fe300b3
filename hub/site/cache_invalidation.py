"""Exact invalidation of the shared page cache (hub.middleware.PageCacheMiddleware)
and of a purging proxy in front of the hub (wagtail.contrib.frontend_cache).

What a reader sees on one page comes from many others: the home page lists events and
their places left, the library every case study and action, a guide its related pages,
every page the menu, footer and glossary. So a change drops every cached page of the
hub at once (a new generation, hub/cache.py), rather than a list of pages that would
one day miss one; pages are then rendered again as readers ask for them. Changes:

- a page published, unpublished (wagtail-localize's translation sync publishes too),
  moved or deleted;
- a view restriction added, changed or removed (hub.pages.visibility is the rule);
- a snippet saved or deleted, whatever its model (taxonomy terms, the glossary...),
  a site, site setting, redirect, image or document;
- a registration saved or deleted (the places left of its event).

The generation changes when the transaction commits, never before: a page rendered
from the old data and stored after the change is stored under the old generation,
which no one reads any more. With WAGTAILFRONTENDCACHE set, each site's root is
purged too (the proxy of compose.yaml drops every page of that host on a PURGE).
"""

import functools
import logging

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

logger = logging.getLogger(__name__)


def _purge_now():
    from django.conf import settings
    from wagtail.models import Site

    from hub.cache import new_page_generation

    # Wagtail's shared copy of the site root paths first: Wagtail drops it when a
    # site or a root page is saved, before the commit, so a reader in between may
    # have stored the old paths back; the processes that keep them for the new
    # generation (hub.pages.serving.site_root_paths) then read them afresh.
    Site.clear_site_root_paths_cache()
    new_page_generation(caches[settings.HUB_PAGE_CACHE])
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
        from wagtail.models import Site

        roots = {site.root_url + "/" for site in Site.objects.all()}
        try:
            purge_urls_from_cache(sorted(roots))
        except Exception:  # noqa: BLE001 - the proxy's own lifetime still bounds it
            logger.exception("Purging the front-end cache failed")


def invalidate_pages(**_kwargs):
    """Drop every cached page once the current transaction commits (at once outside
    one); several changes in one transaction drop them once."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        entry[1] is _purge_now for entry in connection.run_on_commit
    ):
        return
    transaction.on_commit(_purge_now)


def _is_page(instance):
    from wagtail.models import Page

    return isinstance(instance, Page)


def _page_deleted(sender, instance, **kwargs):
    if _is_page(instance):
        invalidate_pages()


def _shown_model_changed(sender, **kwargs):
    if sender in _shown_models():
        invalidate_pages()


@functools.cache
def _shown_models():
    """The models, besides pages, whose rows pages show (read once, after every
    app and snippet is registered)."""
    from django.apps import apps
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Locale, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    return {
        *get_snippet_models(),
        *settings_registry,
        PageViewRestriction,
        PageViewRestriction.groups.through,
        Site,
        Locale,
        Redirect,
        get_image_model(),
        get_document_model(),
        apps.get_model("events", "Registration"),
    }


def connect():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(invalidate_pages, dispatch_uid="hub-cache-published")
    page_unpublished.connect(invalidate_pages, dispatch_uid="hub-cache-unpublished")
    post_page_move.connect(invalidate_pages, dispatch_uid="hub-cache-moved")
    post_delete.connect(_page_deleted, dispatch_uid="hub-cache-page-deleted")
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_shown_model_changed, dispatch_uid=f"hub-cache-{id(signal)}")
