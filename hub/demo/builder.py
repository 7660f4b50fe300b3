"""Build the bilingual demo site from the data files of ``hub/demo/data``.

Identities are slugs and keys: an English page is found by its parent and slug, its
French page through the translation key, a taxonomy term by its slug and locale. What
exists is left alone (or rewritten in place with ``update=True``), so running the build
twice changes nothing.

The data names models by app label and fields by name. ``check`` holds every entry
against its model before anything is written, so a misspelt key stops the build with
the file and the key in the message rather than being ignored.
"""

import datetime
import difflib
import json
import re
import uuid
from collections import Counter
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.test.utils import override_settings
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.coreutils import find_available_slug
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site, TranslatableMixin

from hub.site.public_url import public_address

from . import loader
from .loader import DemoDataError, resolve

# Namespace of the StreamField block ids: the same id in both languages for each block.
BLOCK_NAMESPACE = uuid.UUID("1b6f0d4e-8a55-4d4c-9a3e-6c0f2f3f5a10")
WELCOME_TITLE = "Welcome to your new Wagtail site!"
# Page types in the order they are first published, after the home page. Section
# lists and feeds show the newest first, so this order (and within a type, the order of
# the files) is part of what the pages show; a parent's `children_order` overrides it
# for its children.
PAGE_PHASES = [
    [
        "practices.LibraryIndexPage",
        "practices.GuideIndexPage",
        "practices.ReportIndexPage",
        "events.EventIndexPage",
    ],
    ["practices.CaseStudyPage"],
    ["practices.ActionPage"],
    ["practices.EvaluationReportPage"],
    ["practices.GoodPracticeGuidePage"],
    ["events.EventPage"],
    ["pages.StandardPage"],
]
# Keys of a page entry that the builder reads itself; every other key is a field.
PAGE_KEYS = {
    "key",
    "type",
    "parent",
    "slug",
    "title",
    "show_in_menus",
    "keep_on_update",
    "children_order",
}
NOT_FROM_DATA = {"id", "translation_key", "locale", "sort_order"}
RELATIVE_FORMS = ({"days_from_now"}, {"days_from_now", "at"}, {"days_before_start"})
LANGUAGES = ("en", "fr")
# The SiteLinks setting's fields and the keys of the demo pages they name.
SITE_LINKS = {"privacy_notice": "privacy", "accessibility_statement": "accessibility"}


def working_day(day):
    """The first weekday on or after ``day``, skipping 24 December to 1 January."""

    def holiday(d):
        return (d.month, d.day) >= (12, 24) or (d.month, d.day) == (1, 1)

    while day.weekday() >= 5 or holiday(day):
        day += datetime.timedelta(days=1)
    return day


def snake_case(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class DemoBuilder:
    def __init__(self, update=False, log=None, data=None):
        self.update = update
        self.log = log or (lambda message: None)
        self.data = data if data is not None else loader.load()
        self.stats = Counter()
        self.terms = {}  # (model, slug) -> {"en": term, "fr": term}
        self.pages = {}  # key -> {"en": page, "fr": page}
        self.checked = False
        self.now = None  # the moment of this build, for relative dates

    # -- entry point ------------------------------------------------------------------

    def build(self):
        self.check()
        # Translations get their own slug before their first publication: no redirect
        # is needed from the copy's provisional slug, which was never public.
        with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False):
            with transaction.atomic():
                return self._build()

    def _build(self):
        self.now = timezone.now()
        self.en, self.fr = self.ensure_locales()
        for label, entry in self.data.terms:
            self.ensure_term(self.term_models[label], entry.data)

        self.ensure_home(self.home.data)
        for entry in self.order:
            self.ensure_page(self.pages[entry.data["parent"]], entry.data)
        for entry in [self.home, *self.order]:
            for name, keys in self.links.get(entry.data["key"], {}).items():
                self.ensure_links(entry.data["key"], name, keys)
        self.ensure_site_links()
        return self.stats

    def ensure_site_links(self):
        """Point the default site's SiteLinks at the demo's privacy notice and
        accessibility statement, unless an editor has chosen pages already."""
        from hub.pages.models import SiteLinks

        links = SiteLinks.for_site(Site.objects.get(is_default_site=True))
        changed = False
        for field, key in SITE_LINKS.items():
            if key not in self.pages:
                raise ImproperlyConfigured(f"No demo page has the key {key!r}.")
            if getattr(links, f"{field}_id") is None:
                setattr(links, field, self.pages[key]["en"])
                changed = True
        if changed:
            links.save()
            self.stats["site links set"] += 1

    # -- checking the data against the models ------------------------------------------

    def check(self):
        """Hold every entry against its model; raise one error listing every problem."""
        if self.checked:
            return
        self.errors = []
        self.term_models = {}  # label -> model, in the order of the data
        self.known_terms = {}  # model -> slugs
        self.links = {}  # page key -> {relation: [page keys]}, set after all pages
        for label, entry in self.data.terms:
            self.check_term(label, entry)
        self.check_pages()
        if self.errors:
            raise DemoDataError(
                "The demo data does not match the models:\n  "
                + "\n  ".join(dict.fromkeys(self.errors))
            )
        self.checked = True

    def error(self, where, message):
        self.errors.append(f"{where}: {message}")

    def model(self, label, where, base):
        try:
            model = apps.get_model(label)
        except (LookupError, ValueError):
            self.error(where, f"type {label!r}: no such model (write app_label.Model).")
            return None
        if not issubclass(model, base):
            self.error(where, f"type {label!r} is not a {base.__name__}.")
            return None
        return model

    def unknown(self, where, name, model, known):
        close = difflib.get_close_matches(str(name), known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else "."
        self.error(where, f"{model.__name__} has no field {name!r}{hint}")

    def check_term(self, label, entry):
        where = entry.where
        model = self.term_models.get(label) or self.model(
            label, where, TranslatableMixin
        )
        if model is None:
            return
        self.term_models[label] = model
        slugs = self.known_terms.setdefault(model, set())
        slug = entry.data.get("slug")
        if not isinstance(slug, str) or not slug:
            self.error(where, "a term needs a slug.")
        elif slug in slugs:
            self.error(where, f"{label} {slug!r} is defined twice.")
        slugs.add(slug)
        settable = self.value_fields(model)
        for name, value in entry.data.items():
            if name not in settable:
                self.unknown(f"{where}.{name}", name, model, list(settable))
                continue
            for lang in LANGUAGES:
                self.check_value(
                    f"{where}.{name}", settable[name], resolve(value, lang), {}
                )

    def value_fields(self, model):
        return {
            f.name: f
            for f in model._meta.concrete_fields
            if not f.is_relation and not f.primary_key and f.name not in NOT_FROM_DATA
        }

    def field_kind(self, model, name):
        """How a key of an entry is set: (kind, field), kind None when it cannot be."""
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return None, None
        if isinstance(field, StreamField):
            return "stream", field
        if field.one_to_many and isinstance(field.remote_field, ParentalKey):
            return "children", field
        if field.is_relation and field.concrete and not field.auto_created:
            related = field.related_model
            target = (
                "term"
                if related in self.known_terms
                else "page"
                if issubclass(related, Page)
                else None
            )
            if target and field.many_to_one:
                return target, field
            if target and field.many_to_many:
                return target + "s", field
            return None, field
        if field.concrete and not field.is_relation and name not in NOT_FROM_DATA:
            return "value", field
        return None, field

    def check_pages(self):
        entries = self.data.pages
        by_key = {}
        self.models = {}
        for entry in entries:
            where, data = entry.where, entry.data
            key = data.get("key")
            if not isinstance(key, str) or not key:
                self.error(where, "a page needs a key.")
                continue
            if key in by_key:
                self.error(where, f"the key {key!r} is already used.")
                continue
            by_key[key] = entry
            for name in ("type", "slug", "title"):
                if name not in data:
                    self.error(where, f"a page needs a {name}.")
            self.models[key] = self.model(data.get("type", ""), where, Page)
        roots = [e for e in by_key.values() if not e.data.get("parent")]
        if len(roots) != 1:
            self.error(
                "pages",
                "exactly one page (the home page) has no parent; found "
                f"{len(roots)}: {', '.join(e.data['key'] for e in roots)}.",
            )
            return
        self.home = roots[0]
        self.by_key = by_key
        self.order = self.page_order(by_key)
        position = {e.data["key"]: n for n, e in enumerate([self.home, *self.order])}
        for entry in [self.home, *self.order]:
            model = self.models[entry.data["key"]]
            if model is not None:
                self.check_page(entry, model, position)

    def page_order(self, by_key):
        """Pages to build under their parent, in the order of first publication."""
        phase = {label: n for n, labels in enumerate(PAGE_PHASES) for label in labels}
        pages = [e for e in by_key.values() if e is not self.home]
        order = [
            e
            for _phase, _n, e in sorted(
                (phase.get(e.data.get("type"), len(PAGE_PHASES)), n, e)
                for n, e in enumerate(pages)
            )
        ]
        for parent in by_key.values():
            wanted = parent.data.get("children_order")
            if wanted is None:
                continue
            where = f"{parent.where}.children_order"
            slots = [
                n
                for n, e in enumerate(order)
                if e.data.get("parent") == parent.data["key"]
            ]
            children = {order[n].data["key"] for n in slots}
            if (
                not isinstance(wanted, list)
                or len(wanted) != len(children)
                or set(wanted) != children
            ):
                self.error(
                    where,
                    "list each child of this page once: "
                    f"{', '.join(sorted(children))}.",
                )
                continue
            for n, key in zip(slots, wanted, strict=True):
                order[n] = by_key[key]
        return order

    def check_page(self, entry, model, position):
        where, data = entry.where, entry.data
        key = data["key"]

        def before(ref, name):
            if not isinstance(ref, str) or ref not in position:
                self.error(f"{where}.{name}", f"no page with the key {ref!r}.")
            elif position[ref] >= position[key]:
                self.error(
                    f"{where}.{name}",
                    f"{ref!r} is built after this page: move it to an earlier file "
                    "or an earlier place in the same file.",
                )

        if data.get("parent"):
            before(data["parent"], "parent")
        for name in data.get("keep_on_update", []) or []:
            if self.field_kind(model, name)[0] is None:
                self.unknown(f"{where}.keep_on_update", name, model, [])
        for name, value in data.items():
            if name in PAGE_KEYS:
                continue
            kind, field = self.field_kind(model, name)
            here = f"{where}.{name}"
            if kind is None:
                known = [f.name for f in model._meta.get_fields() if hasattr(f, "name")]
                if field is None:
                    self.unknown(here, name, model, known)
                else:
                    self.error(here, f"{name!r} cannot be set from the demo data.")
                continue
            for lang in LANGUAGES:
                value_ = resolve(value, lang)
                if kind in ("term", "terms"):
                    slugs = [value_] if kind == "term" else value_
                    self.check_slugs(here, field.related_model, slugs)
                elif kind == "page":
                    before(value_, name)
                elif kind == "pages":
                    for n, ref in enumerate(self.as_list(here, value_)):
                        before(ref, f"{name}[{n}]")
                elif kind == "stream":
                    self.check_stream(here, field.stream_block, value_)
                elif kind == "children":
                    self.check_children(here, key, name, field.related_model, value_)
                else:
                    self.check_value(here, field, value_, resolve(data, lang))

    def as_list(self, where, value):
        if isinstance(value, list):
            return value
        self.error(where, "expected a list.")
        return []

    def check_slugs(self, where, model, slugs):
        for slug in self.as_list(where, slugs):
            if slug not in self.known_terms.get(model, ()):
                self.error(
                    where, f"no {model._meta.verbose_name} with the slug {slug!r}."
                )

    def check_children(self, where, key, name, model, items):
        items = self.as_list(where, items)
        if all(isinstance(item, str) for item in items):
            # Links to other pages (the home page's featured items): set at the end.
            if self.page_link(model) is None:
                self.error(where, f"{model.__name__} does not link to a page.")
            for n, ref in enumerate(items):
                if ref not in self.by_key:
                    self.error(f"{where}[{n}]", f"no page with the key {ref!r}.")
            self.links.setdefault(key, {})[name] = items
            return
        for n, item in enumerate(items):
            here = f"{where}[{n}]"
            if not isinstance(item, dict):
                self.error(here, "expected field names and values.")
                continue
            for field_name, value in item.items():
                kind, field = self.field_kind(model, field_name)
                if kind == "term":
                    self.check_slugs(
                        f"{here}.{field_name}", field.related_model, [value]
                    )
                elif kind == "value":
                    self.check_value(f"{here}.{field_name}", field, value, item)
                else:
                    self.unknown(
                        f"{here}.{field_name}",
                        field_name,
                        model,
                        self.child_fields(model),
                    )

    def child_fields(self, model):
        return [
            f.name
            for f in model._meta.concrete_fields
            if not f.primary_key
            and f.name not in NOT_FROM_DATA
            and not isinstance(f, ParentalKey)
        ]

    def page_link(self, model):
        links = [
            f
            for f in model._meta.concrete_fields
            if f.many_to_one
            and not isinstance(f, ParentalKey)
            and issubclass(f.related_model, Page)
        ]
        return links[0] if len(links) == 1 else None

    def check_stream(self, where, stream_block, value):
        for n, item in enumerate(self.as_list(where, value)):
            here = f"{where}[{n}]"
            if not isinstance(item, dict) or len(item) != 1:
                self.error(here, "write one block as `block_type: value`.")
                continue
            ((block_type, block_value),) = item.items()
            block = stream_block.child_blocks.get(block_type)
            if block is None:
                self.error(
                    here,
                    f"no block type {block_type!r} here "
                    f"(types: {', '.join(stream_block.child_blocks)}).",
                )
                continue
            self.check_block(f"{here}.{block_type}", block, block_value)

    def check_block(self, where, block, value):
        if isinstance(block, blocks.StructBlock):
            if not isinstance(value, dict):
                self.error(where, f"expected {', '.join(block.child_blocks)}.")
                return
            for name, item in value.items():
                if name not in block.child_blocks:
                    close = difflib.get_close_matches(
                        str(name), block.child_blocks, n=1
                    )
                    hint = f"; did you mean {close[0]!r}?" if close else ""
                    self.error(
                        f"{where}.{name}",
                        f"no {name!r} in a {block.name or 'block'} "
                        f"(fields: {', '.join(block.child_blocks)}){hint}.",
                    )
                else:
                    self.check_block(f"{where}.{name}", block.child_blocks[name], item)
        elif isinstance(block, blocks.StreamBlock):
            self.check_stream(where, block, value)
        elif isinstance(block, blocks.ListBlock):
            for n, item in enumerate(self.as_list(where, value)):
                self.check_block(f"{where}[{n}]", block.child_block, item)
        else:
            try:
                block.to_python(block_input(block, value))
            except (TypeError, ValueError, ArithmeticError) as error:
                self.error(where, f"{value!r} is not a valid value ({error}).")

    def check_value(self, where, field, value, values):
        if isinstance(field, models.DateTimeField) and isinstance(value, dict):
            if set(value) not in RELATIVE_FORMS:
                self.error(
                    where,
                    "a relative date is {days_from_now: N}, "
                    '{days_from_now: N, at: "HH:MM"} or {days_before_start: N}.',
                )
            return
        try:
            value = self.field_value(field, value, values)
        except Exception as error:  # noqa: BLE001 - any conversion error is reported
            self.error(where, f"{value!r} is not a valid {field.name} ({error}).")
            return
        choices = [choice for choice, _label in field.flatchoices]
        if choices and value not in choices and not (field.blank and value == ""):
            self.error(
                where, f"{value!r} is not one of {', '.join(map(str, choices))}."
            )

    # -- locales, site, home ----------------------------------------------------------

    def ensure_locales(self):
        languages = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
        if "en" not in languages or "fr" not in languages:
            raise ImproperlyConfigured(
                "The demo needs the 'en' and 'fr' content languages."
            )
        en, _ = Locale.objects.get_or_create(language_code="en")
        fr, _ = Locale.objects.get_or_create(language_code="fr")
        return en, fr

    def ensure_home(self, spec):
        root = Page.get_first_root_node()
        page_type = ContentType.objects.get_for_model(Page)
        welcome = Page.objects.child_of(root).filter(
            content_type=page_type, title=WELCOME_TITLE
        )
        for page in welcome:
            if page.get_children_count() == 0:
                self.log(f"Deleting Wagtail's default page {page.title!r}.")
                page.delete()  # its Site goes too; the default site is rebuilt below
        model = self.models[spec["key"]]
        home = model.objects.child_of(root).filter(locale=self.en).first()
        pair = self.ensure_page(root, spec, existing=home)
        site = (
            Site.objects.filter(is_default_site=True).first()
            or Site.objects.filter(hostname="localhost", port=80).first()
            or Site()
        )
        # PUBLIC_URL (make run: http://127.0.0.1:8000) if given, else the site's own
        # address, else localhost.
        hostname, port = public_address() or (
            (site.hostname, site.port) if site.pk else ("localhost", 80)
        )
        wanted = {
            "hostname": hostname,
            "port": port,
            "root_page_id": pair["en"].pk,
            "is_default_site": True,
            "site_name": site.site_name or settings.WAGTAIL_SITE_NAME,
        }
        if site.pk is None or any(getattr(site, k) != v for k, v in wanted.items()):
            Site.objects.exclude(pk=site.pk).filter(
                hostname=hostname, port=port
            ).delete()
            for name, value in wanted.items():
                setattr(site, name, value)
            site.save()
            self.stats["site updated"] += 1
        return pair["en"]

    def ensure_links(self, key, relation, keys):
        """Child rows that point at other pages (the home page's featured items), set
        once every page exists, in a revision of their own."""
        for lang in LANGUAGES:
            page = self.pages[key][lang]
            model = getattr(type(page), relation).rel.related_model
            link = self.page_link(model).attname
            wanted = [self.pages[k][lang].pk for k in keys]
            current = list(
                getattr(page, relation)
                .order_by("sort_order")
                .values_list(link, flat=True)
            )
            if current == wanted:
                continue
            # Fresh from the database: the tree fields (numchild) of the object built
            # earlier are stale now that the sections have been added under it.
            page = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
            setattr(
                page,
                relation,
                [model(**{link: pk, "sort_order": n}) for n, pk in enumerate(wanted)],
            )
            page.save_revision().publish()
            self.stats[f"{key} {relation.replace('_', ' ')} set"] += 1

    # -- taxonomy ---------------------------------------------------------------------

    def ensure_term(self, model, spec):
        kind = snake_case(model.__name__)
        slug = spec["slug"]
        pair = {}
        en_term = model.objects.filter(locale=self.en, slug=slug).first()
        if en_term is None:
            en_term = model(locale=self.en, slug=slug)
            self.set_term_fields(en_term, spec, "en")
            self.stats[f"{kind} created"] += 1
        elif self.update:
            self.set_term_fields(en_term, spec, "en")
        pair["en"] = en_term
        fr_term = model.objects.filter(
            locale=self.fr, translation_key=en_term.translation_key
        ).first()
        if fr_term is None:
            fr_term = en_term.copy_for_translation(self.fr)
            self.set_term_fields(fr_term, spec, "fr")
        elif self.update:
            self.set_term_fields(fr_term, spec, "fr")
        pair["fr"] = fr_term
        self.terms[(model, slug)] = pair
        return pair

    def set_term_fields(self, term, spec, lang):
        values = resolve({k: v for k, v in spec.items() if k != "slug"}, lang)
        changed = term.pk is None
        for name, value in values.items():
            value = term._meta.get_field(name).to_python(value)
            if getattr(term, name) != value:
                setattr(term, name, value)
                changed = True
        if changed:
            term.save()

    def term(self, model, slug, lang):
        try:
            return self.terms[(model, slug)][lang]
        except KeyError:
            raise ImproperlyConfigured(
                f"Unknown {model._meta.verbose_name} {slug!r} in the demo data."
            ) from None

    # -- pages ------------------------------------------------------------------------

    def ensure_page(self, parent, spec, existing=None):
        model = self.models[spec["key"]]
        key = spec["key"]
        slug = resolve(spec["slug"], "en")
        if isinstance(parent, dict):
            parent = parent["en"]
        if existing is None:
            existing = model.objects.child_of(parent).filter(slug=slug).first()
            if (
                existing is None
                and Page.objects.child_of(parent).filter(slug=slug).exists()
            ):
                raise ImproperlyConfigured(
                    f"A page {parent.url_path}{slug}/ exists but is not a "
                    f"{model.__name__}."
                )
        label = model._meta.verbose_name
        if existing is None:
            en_page = model(locale=self.en)
            self.apply(en_page, spec, "en", preserve=False)
            self.apply_children(en_page, spec, "en", None)
            parent.refresh_from_db(fields=["numchild"])  # treebeard needs it current
            parent.add_child(instance=en_page)
            en_page.save_revision().publish()
            self.stats[f"{label} created"] += 1
        else:
            en_page = existing
            if self.update:
                en_page = en_page.get_latest_revision_as_object()
                self.apply(en_page, spec, "en", preserve=True)
                self.apply_children(en_page, spec, "en", None)
                en_page.save_revision().publish()
                self.stats[f"{label} updated"] += 1
        fr_page = en_page.get_translation_or_none(self.fr)
        if fr_page is None:
            fr_page = en_page.copy_for_translation(self.fr).specific
            self.fill_translation(fr_page, en_page, spec)
            self.stats[f"{label} translated"] += 1
        elif self.update:
            fr_page = fr_page.specific.get_latest_revision_as_object()
            self.fill_translation(fr_page, en_page, spec)
        self.pages[key] = {"en": en_page, "fr": fr_page.specific}
        return self.pages[key]

    def fill_translation(self, fr_page, en_page, spec):
        self.apply(fr_page, spec, "fr", preserve=True)
        parent = fr_page.get_parent()
        siblings = Page.objects.child_of(parent).exclude(pk=fr_page.pk)
        if siblings.filter(slug=fr_page.slug).exists():
            fr_page.slug = find_available_slug(parent, fr_page.slug)
        self.apply_children(fr_page, spec, "fr", en_page)
        fr_page.save_revision().publish()

    def apply(self, page, spec, lang, preserve):
        """Set the page's own fields and many-to-many links from the spec."""
        values = resolve(spec, lang)
        page.title = values["title"]
        page.slug = values["slug"]
        page.show_in_menus = values.get("show_in_menus", False)
        keep = set(spec.get("keep_on_update", ())) if preserve else set()
        for name, value in values.items():
            if name in PAGE_KEYS or name in keep:
                continue
            kind, field = self.field_kind(type(page), name)
            if kind == "value":
                setattr(page, name, self.field_value(field, value, values))
            elif kind == "stream":
                setattr(page, name, self.stream(spec["key"], field, value))
            elif kind == "term":
                setattr(page, name, self.term(field.related_model, value, lang))
            elif kind == "terms":
                model = field.related_model
                getattr(page, name).set([self.term(model, s, lang) for s in value])
            elif kind == "page":
                setattr(page, name, self.pages[value][lang])
            elif kind == "pages":
                getattr(page, name).set([self.pages[k][lang] for k in value])

    def field_value(self, field, value, values):
        """A model field's value from the data; dates and times of day in the
        page's time zone, relative dates counted from the start of this build."""
        if not isinstance(field, models.DateTimeField):
            return field.to_python(value)
        zone = ZoneInfo(values.get("time_zone") or settings.TIME_ZONE)
        if isinstance(value, dict):
            if "days_before_start" in value:
                start = self.field_value(field, values["start"], values)
                return start - datetime.timedelta(days=value["days_before_start"])
            delta = datetime.timedelta(days=value["days_from_now"])
            if "at" not in value:
                return self.now + delta
            day = working_day(self.now.astimezone(zone).date() + delta)
            at = datetime.time.fromisoformat(str(value["at"]))
            return datetime.datetime.combine(day, at, zone)
        if isinstance(value, str):
            value = datetime.datetime.fromisoformat(value)
        if not isinstance(value, datetime.datetime):
            raise ValueError("write a date and a time, e.g. 2014-05-15 09:30")
        if timezone.is_naive(value):
            value = value.replace(tzinfo=zone)
        return value

    def apply_children(self, page, spec, lang, en_page):
        """Inline child rows (partners); in French each row keeps the translation key
        of its English row, found by the terms it names (its organisation)."""
        for relation, items in spec.items():
            if relation in PAGE_KEYS:
                continue
            kind, _field = self.field_kind(type(page), relation)
            if kind == "children" and not all(isinstance(i, str) for i in items):
                self.set_children(page, relation, items, lang, en_page)

    def set_children(self, page, relation, items, lang, en_page):
        model = getattr(type(page), relation).rel.related_model
        first = resolve(items[0], "en") if items else {}
        names = [name for name in first if self.field_kind(model, name)[0] == "term"]

        def identity(child):
            return tuple(getattr(child, name).slug for name in names)

        def item_identity(item):
            return tuple(item[name] for name in names)

        current = list(getattr(page, relation).all())
        translatable = issubclass(model, TranslatableMixin)
        if en_page is None:
            by_identity = {identity(child): child for child in current}
            keys = [None] * len(items)
        else:
            en_children = {identity(c): c for c in getattr(en_page, relation).all()}
            keys = [
                en_children[item_identity(item)].translation_key
                for item in resolve(items, "en")
            ]
            by_key = {child.translation_key: child for child in current}
        children = []
        for n, item in enumerate(resolve(items, lang)):
            if en_page is None:
                child = by_identity.get(item_identity(item)) or (
                    model(locale=self.en) if translatable else model()
                )
            else:
                child = by_key.get(keys[n]) or model(
                    locale=self.fr, translation_key=keys[n]
                )
            for name, value in item.items():
                kind, field = self.field_kind(model, name)
                if kind == "term":
                    value = self.term(field.related_model, value, lang)
                else:
                    value = field.to_python(value)
                setattr(child, name, value)
            child.sort_order = n
            children.append(child)
        setattr(page, relation, children)

    def stream(self, key, field, blocks_):
        """Raw StreamField data with stable block ids, shared by both languages."""
        raw = []
        for n, item in enumerate(blocks_):
            ((block_type, value),) = item.items()
            block = field.stream_block.child_blocks[block_type]
            block_id = uuid.uuid5(BLOCK_NAMESPACE, f"{key}:{field.name}:{n}")
            value = json.loads(
                json.dumps(prep_value(block, value), cls=DjangoJSONEncoder)
            )
            raw.append({"type": block_type, "value": value, "id": str(block_id)})
        return raw


def block_input(block, value):
    """Decimals from their text: 39.5 written in a file is exactly 39.5."""
    if isinstance(block, blocks.DecimalBlock) and isinstance(value, float):
        return str(value)
    return value


def prep_value(block, value):
    """A block's stored form; a field left out of a StructBlock is empty ("" for
    text, None for numbers and dates), as the editing form saves it."""
    if isinstance(block, blocks.StructBlock):
        return {
            name: prep_value(child, value[name]) if name in value else empty(child)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": t, "value": prep_value(block.child_blocks[t], v)}
            for item in value
            for t, v in item.items()
        ]
    if isinstance(block, blocks.ListBlock):
        return [prep_value(block.child_block, v) for v in value]
    return block.get_prep_value(block.to_python(block_input(block, value)))


def empty(block):
    default = block.get_default()
    text_blocks = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)
    if default is None and isinstance(block, text_blocks):
        return ""
    return block.get_prep_value(default)
