"""Roles that follow the tree: an events index created after the migration gives the
Event managers the right to add and publish events under it, and a home page in a
language other than the default gives the Translators the right to edit its pages."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

EVENT_MANAGERS = "Event managers"
EVENT_INDEX_PAGE_PERMISSIONS = ["add_page", "publish_page"]


def grant_event_index(index):
    group = Group.objects.filter(name=EVENT_MANAGERS).first()
    if group is None:
        return
    for codename in EVENT_INDEX_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=index,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def event_index_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_event_index(instance)


TRANSLATORS = "Translators"


def grant_translated_home(home):
    """The Translators' "change" right on a home page of a language other than the
    default (migration 0002): they edit translations, never the source pages."""
    from django.conf import settings

    group = Group.objects.filter(name=TRANSLATORS).first()
    if group is None or home.depth != 2:
        return
    if home.locale.language_code == settings.LANGUAGE_CODE:
        return
    GroupPagePermission.objects.get_or_create(
        group=group,
        page=home,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )


def home_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_translated_home(instance)
