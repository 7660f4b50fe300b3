"""Show related things in the reader's language.

wagtail-localize copies many-to-many values and page links from the source page as they
are, so a French page may point at English terms. These helpers swap each item for its
translation in the wanted locale, in one query per list, and keep the item when no
translation exists.
"""

from wagtail.models import Locale, Page


def localize_items(items, locale):
    items = list(items)
    foreign_keys = {
        item.translation_key for item in items if item.locale_id != locale.pk
    }
    if not foreign_keys:
        return items
    model = type(items[0])
    queryset = model._default_manager.filter(
        locale_id=locale.pk, translation_key__in=foreign_keys
    )
    if issubclass(model, Page):
        queryset = queryset.live()
    translations = {item.translation_key: item for item in queryset}
    localized, seen = [], set()
    for item in items:
        item = translations.get(item.translation_key, item)
        if item.pk not in seen:
            seen.add(item.pk)
            localized.append(item)
    return localized


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()
