"""Forget the footer's cached contact URLs when what they depend on changes: the
setting, or a contact page published, unpublished, moved or deleted."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ContactPage, ContactSettings
from .templatetags.contact_tags import url_cache_key


def forget_contact_urls(**kwargs):
    keys = [
        url_cache_key(site_id, code)
        for site_id in [0, *Site.objects.values_list("pk", flat=True)]
        for code, _name in settings.LANGUAGES
    ]
    cache.delete_many(keys)


def connect():
    uid = "hub.contact.forget_contact_urls"
    for signal, sender in (
        (post_save, ContactSettings),
        (post_delete, ContactSettings),
        (post_delete, ContactPage),
        (page_published, ContactPage),
        (page_unpublished, ContactPage),
        (post_page_move, ContactPage),
    ):
        signal.connect(
            forget_contact_urls, sender=sender, dispatch_uid=f"{uid}.{id(signal)}"
        )
