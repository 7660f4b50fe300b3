"""Translators edit the pages of the other languages only, never the English (default
language) pages translations are made from: their "change" right moves from the root
page to the home page of each language other than the default. A home page created
later gets it from hub.editorial.roles (post_save)."""

from django.conf import settings
from django.db import migrations

TRANSLATORS = "Translators"


def _change_page(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")


def to_translated_homes(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = Group.objects.filter(name=TRANSLATORS).first()
    if group is None:
        return
    change = _change_page(apps)
    GroupPagePermission.objects.filter(group=group, permission=change, page__depth=1).delete()
    homes = Page.objects.filter(depth=2).exclude(locale__language_code=settings.LANGUAGE_CODE)
    for home in homes:
        GroupPagePermission.objects.get_or_create(group=group, page=home, permission=change)


def to_root(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = Group.objects.filter(name=TRANSLATORS).first()
    root = Page.objects.filter(depth=1).first()
    if group is None or root is None:
        return
    change = _change_page(apps)
    GroupPagePermission.objects.filter(group=group, permission=change).delete()
    GroupPagePermission.objects.get_or_create(group=group, page=root, permission=change)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_roles_and_translation_review")]

    operations = [migrations.RunPython(to_translated_homes, to_root)]
