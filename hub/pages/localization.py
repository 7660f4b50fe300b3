"""Show related things in the reader's language.

wagtail-localize copies many-to-many values and page links from the source page as they
are, so a French page may point at English terms. These helpers swap each item for its
translation in the wanted locale, in one query per list, and keep the item when no
translation exists.

Pages are held to the visibility rule (hub/pages/visibility.py) on the way: a related
page that the public may not see is left out, and a translation the public may not
see gives way to the item as chosen, if that one is public.
"""

from django.db import connections
from django.db.models import Exists, OuterRef, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page

from .visibility import public


def localize_items(items, locale):
    """`locale` is a Locale or its primary key."""
    locale_id = getattr(locale, "pk", locale)
    items = list(items)
    foreign_keys = {
        item.translation_key for item in items if item.locale_id != locale_id
    }
    is_page = bool(items) and isinstance(items[0], Page)
    if not foreign_keys and not is_page:
        return items
    model = type(items[0])
    wanted = Q(locale_id=locale_id, translation_key__in=foreign_keys)
    if is_page:
        # One query: the public translations, and which of the items are public.
        wanted |= Q(pk__in=[item.pk for item in items])
        found = list(public(model._default_manager.filter(wanted)))
    else:
        found = list(model._default_manager.filter(wanted))
    translations = {i.translation_key: i for i in found if i.locale_id == locale_id}
    public_pks = {i.pk for i in found}
    localized, seen = [], set()
    for item in items:
        item = translations.get(item.translation_key, item)
        if is_page and item.pk not in public_pks:
            continue
        if item.pk not in seen:
            seen.add(item.pk)
            localized.append(item)
    return localized


def localize_queryset(queryset, locale):
    """The objects of `queryset`, each replaced by its translation in `locale` when
    one exists, in a single query whatever the locales involved."""
    locale_id = getattr(locale, "pk", locale)
    model = queryset.model
    manager = model._default_manager
    chosen = queryset.values("pk")
    translation_exists = manager.filter(
        translation_key=OuterRef("translation_key"), locale_id=locale_id
    )
    localized = manager.filter(
        translation_key__in=manager.filter(pk__in=chosen).values("translation_key")
    )
    if issubclass(model, Page):
        chosen = public(queryset).values("pk")
        translation_exists = public(translation_exists)
        localized = public(localized)
    return localized.filter(
        Q(locale_id=locale_id) | (Q(pk__in=chosen) & ~Exists(translation_exists))
    )


def localized_list(queryset, locale):
    """`list(localize_queryset(queryset, locale))`, cheaper for objects that are not
    pages (taxonomy terms, programmes, organisations): one query reads the chosen
    objects and their translations in `locale`, and whether a translation exists is
    answered from those rows instead of by a correlated subquery, which was most of
    the time spent building the query (about 0.5 ms of 2 ms a list)."""
    model = queryset.model
    if issubclass(model, Page):
        return list(localize_queryset(queryset, locale))
    locale_id = getattr(locale, "pk", locale)
    return _picked(list(_with_translations(queryset, locale_id)), locale_id)


def _with_translations(queryset, locale_id):
    """The objects (not pages) of `queryset` and their translations in the locale."""
    manager = queryset.model._default_manager
    chosen = queryset.values("pk")
    return manager.filter(
        translation_key__in=manager.filter(pk__in=chosen).values("translation_key")
    ).filter(Q(locale_id=locale_id) | Q(pk__in=chosen))


def _picked(rows, locale_id):
    """The rows of `_with_translations`: each object's translation where there is
    one, the object itself where there is none."""
    translated = {row.translation_key for row in rows if row.locale_id == locale_id}
    return [
        row
        for row in rows
        if row.locale_id == locale_id or row.translation_key not in translated
    ]


# A detail page reads its related items (taxonomy terms, programme, organisations,
# related pages) in a few statements whose building and compiling to SQL cost more CPU
# than running them. Their SQL is the same for every page of a type but for the page's
# id and language, so each is compiled once per database connection with marks where
# those values go (hub.pages.serving's compiled statements) and run with each page's
# values. The visibility rule stays a condition of the statement, evaluated by the
# database at every run.


def compiled_localized_list(model, key, chosen, **values):
    """`localized_list(chosen(**values), locale)`, where `values` holds `locale` (a
    locale's id) and the integers `chosen` takes (a page's id...); `key` names
    `chosen` among the statements of `model`."""
    from .serving import _compiled  # serving imports the page models

    is_page = issubclass(model, Page)

    def build(locale, **marks):
        queryset = chosen(**marks)
        if is_page:
            return localize_queryset(queryset, locale)
        return _with_translations(queryset, locale)

    using = model._default_manager.db
    compiled = _compiled(
        using, ("localized", model._meta.label, *key), build, integers=tuple(values)
    )
    if compiled is None or compiled.model is not model:
        rows = list(build(**values))
    else:
        rows = compiled.run(connections[using], using, values)
    return rows if is_page else _picked(rows, values["locale"])


def compiled_rows(model, key, build, strings=(), datetimes=(), **values):
    """`list(build(**values))`, compiled once per connection: `values` are integers,
    but for those named in `strings` and in `datetimes` (aware, compared with a
    DateTimeField). `build` gives `model` instances, or tuples (values_list())."""
    from .serving import _compiled

    using = model._default_manager.db
    integers = tuple(
        name for name in values if name not in strings and name not in datetimes
    )
    compiled = _compiled(
        using, ("rows", model._meta.label, *key), build, strings, integers, datetimes
    )
    if compiled is None or compiled.model not in (model, None):
        return list(build(**values))
    return compiled.run(connections[using], using, values)


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()


_language_codes = {}


def language_code(locale_id):
    """A locale's language code, from a per-process map that locale edits reset."""
    if locale_id not in _language_codes:
        _language_codes.clear()
        _language_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _language_codes.get(locale_id)


@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
def forget_language_codes(**kwargs):
    _language_codes.clear()
