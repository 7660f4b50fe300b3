"""Build the bilingual demo site from the data modules of this package.

Identities are slugs: an English page is found by its parent and slug, its French page
through the translation key, a taxonomy term by its slug and locale. What exists is left
alone (or rewritten in place with ``update=True``), so running the build twice changes
nothing.
"""

import json
import uuid
from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.test.utils import override_settings
from wagtail.coreutils import find_available_slug
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site

from hub.pages.models import (
    HomePage,
    Organisation,
    Programme,
    Region,
    TargetGroup,
    Theme,
)
from hub.pages.models.pages import HomePageFeaturedItem

from .text import resolve

TERM_MODELS = {
    "theme": Theme,
    "target_group": TargetGroup,
    "region": Region,
    "programme": Programme,
    "organisation": Organisation,
}
TAXONOMY_FIELDS = {
    "themes": "theme",
    "target_groups": "target_group",
    "regions": "region",
}
# Namespace of the StreamField block ids: the same id in both languages for each block.
BLOCK_NAMESPACE = uuid.UUID("1b6f0d4e-8a55-4d4c-9a3e-6c0f2f3f5a10")
WELCOME_TITLE = "Welcome to your new Wagtail site!"


class DemoBuilder:
    def __init__(self, update=False, log=None):
        self.update = update
        self.log = log or (lambda message: None)
        self.stats = Counter()
        self.terms = {}  # (kind, slug) -> {"en": term, "fr": term}
        self.pages = {}  # key -> {"en": page, "fr": page}

    # -- entry point ------------------------------------------------------------------

    def build(self):
        # Translations get their own slug before their first publication: no redirect
        # is needed from the copy's provisional slug, which was never public.
        with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False):
            with transaction.atomic():
                return self._build()

    def _build(self):
        from . import content

        self.en, self.fr = self.ensure_locales()
        for kind, specs in content.TERMS.items():
            for spec in specs:
                self.ensure_term(kind, spec)

        home = self.ensure_home(content.HOME)
        for spec in content.INDEXES:
            self.ensure_page(home, spec)
        for spec in content.CASE_STUDIES:
            self.ensure_page(self.pages["library"], spec)
        for spec in content.ACTIONS:
            self.ensure_page(self.pages[spec["parent"]], spec)
        for spec in content.REPORTS:
            self.ensure_page(self.pages["evaluations"], spec)
        for spec in content.GUIDES:
            self.ensure_page(self.pages["good-practices"], spec)
        for spec in content.event_specs():
            self.ensure_page(self.pages["events"], spec)
        for spec in content.STANDARD_PAGES:
            self.ensure_page(home, spec)
        self.ensure_featured(home, content.HOME["featured"])
        return self.stats

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
        home = HomePage.objects.child_of(root).filter(locale=self.en).first()
        pair = self.ensure_page(root, spec, existing=home)
        site = (
            Site.objects.filter(is_default_site=True).first()
            or Site.objects.filter(hostname="localhost", port=80).first()
            or Site()
        )
        wanted = {
            "hostname": "localhost",
            "port": 80,
            "root_page_id": pair["en"].pk,
            "is_default_site": True,
            "site_name": site.site_name or settings.WAGTAIL_SITE_NAME,
        }
        if site.pk is None or any(getattr(site, k) != v for k, v in wanted.items()):
            Site.objects.exclude(pk=site.pk).filter(
                hostname="localhost", port=80
            ).delete()
            for name, value in wanted.items():
                setattr(site, name, value)
            site.save()
            self.stats["site updated"] += 1
        return pair["en"]

    def ensure_featured(self, home, keys):
        for lang, page in (("en", home), ("fr", self.pages["home"]["fr"])):
            wanted = [self.pages[key][lang].pk for key in keys]
            current = list(
                page.featured_items.order_by("sort_order").values_list(
                    "page_id", flat=True
                )
            )
            if current == wanted:
                continue
            # Fresh from the database: the tree fields (numchild) of the object built
            # earlier are stale now that the sections have been added under it.
            page = HomePage.objects.get(pk=page.pk).get_latest_revision_as_object()
            page.featured_items = [
                HomePageFeaturedItem(page_id=pk, sort_order=n)
                for n, pk in enumerate(wanted)
            ]
            page.save_revision().publish()
            self.stats["home featured items set"] += 1

    # -- taxonomy ---------------------------------------------------------------------

    def ensure_term(self, kind, spec):
        model = TERM_MODELS[kind]
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
        self.terms[(kind, slug)] = pair
        return pair

    def set_term_fields(self, term, spec, lang):
        values = resolve({k: v for k, v in spec.items() if k != "slug"}, lang)
        changed = term.pk is None
        for name, value in values.items():
            if getattr(term, name) != value:
                setattr(term, name, value)
                changed = True
        if changed:
            term.save()

    def term(self, kind, slug, lang):
        try:
            return self.terms[(kind, slug)][lang]
        except KeyError:
            raise ImproperlyConfigured(
                f"Unknown {kind} {slug!r} in the demo data."
            ) from None

    # -- pages ------------------------------------------------------------------------

    def ensure_page(self, parent, spec, existing=None):
        model = spec["model"]
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
        keep = set(spec.get("preserve", ())) if preserve else set()
        for name, value in values.get("fields", {}).items():
            if name in keep:
                continue
            field = page._meta.get_field(name)
            if isinstance(field, StreamField):
                value = self.stream(spec["key"], name, value)
            setattr(page, name, value)
        for name, kind in TAXONOMY_FIELDS.items():
            if name in values:
                getattr(page, name).set(
                    [self.term(kind, s, lang) for s in values[name]]
                )
        for name, (kind, slug) in values.get("term_fks", {}).items():
            setattr(page, name, self.term(kind, slug, lang))
        for name, (kind, slugs) in values.get("term_m2m", {}).items():
            getattr(page, name).set([self.term(kind, s, lang) for s in slugs])
        for name, key in values.get("page_fks", {}).items():
            setattr(page, name, self.pages[key][lang])
        for name, keys in values.get("page_m2m", {}).items():
            getattr(page, name).set([self.pages[k][lang] for k in keys])

    def apply_children(self, page, spec, lang, en_page):
        """Inline partners; in French each child keeps its English translation key."""
        if "partners" not in spec:
            return
        relation, items = spec["partners"]
        model = getattr(type(page), relation).rel.related_model
        current = list(getattr(page, relation).all())
        if en_page is None:
            by_org = {child.organisation.slug: child for child in current}
            keys = [None] * len(items)
        else:
            en_children = {
                c.organisation.slug: c for c in getattr(en_page, relation).all()
            }
            keys = [en_children[item["org"]].translation_key for item in items]
            by_key = {child.translation_key: child for child in current}
        children = []
        for n, item in enumerate(resolve(items, lang)):
            if en_page is None:
                child = by_org.get(item["org"]) or model(locale=self.en)
            else:
                child = by_key.get(keys[n]) or model(
                    locale=self.fr, translation_key=keys[n]
                )
            child.organisation = self.term("organisation", item["org"], lang)
            child.role = item["role"]
            if "contribution" in item:
                child.contribution = item["contribution"]
            child.sort_order = n
            children.append(child)
        setattr(page, relation, children)

    def stream(self, key, field, blocks):
        """Raw StreamField data with stable block ids, shared by both languages."""
        raw = []
        for n, (block_type, value) in enumerate(blocks):
            block_id = uuid.uuid5(BLOCK_NAMESPACE, f"{key}:{field}:{n}")
            value = json.loads(json.dumps(value, cls=DjangoJSONEncoder))
            raw.append({"type": block_type, "value": value, "id": str(block_id)})
        return raw
