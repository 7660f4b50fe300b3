"""What the search index knows about a hub page besides its text: its type, date,
facet keys and the names of the terms and organisations it is linked to.

This lives in the ground layer because page models need it (a page's related names
are one of its search fields) and because it is written only in terms the ground
owns: the taxonomy registry (hub/pages/taxonomies.py) and what each page model
declares about itself:

* ``search_type`` / ``search_type_label`` / ``search_type_order``: the value of the
  "type" facet ("case-study", ...), its plural label and its place in the list;
* ``search_passes_on``: fields naming taxonomy terms (e.g. a case study's
  ``programme``) that pages linked to it, or below it, inherit for their facets.

The search app stores the same data in both backends: the engine in each page's
document, the database backend in ``PageFacet`` rows beside its text index. Terms are
identified by their ``translation_key``, so a theme is the same theme in both
languages even where wagtail-localize left a French page pointing at English terms.

``prefetch_search_data(pages)`` computes everything for a batch of pages in a fixed
number of queries (about fifteen, whatever the batch size), which is what keeps bulk
indexing fast; ``search_data(page)`` serves one page, from that batch when prefetched.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db import models
from django.utils.text import capfirst
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.models import Page

from .taxonomies import FACET_TAXONOMIES, ORGANISATION, REGION, of_model

# The facets of search, in the order the search page shows them.
FACETS = ("type", "theme", "target_group", "region", "country", "programme", "year")
# The taxonomies whose terms a page links to, by facet name (organisations are named in
# the related names but are not a facet).
TAXONOMY_FACETS = {t.name: t for t in FACET_TAXONOMIES}
LINKED = (*FACET_TAXONOMIES, ORGANISATION)


@dataclass
class PageSearchData:
    type: str
    date: datetime.date | None = None
    facets: dict = field(default_factory=dict)  # facet -> sorted tuple of values
    related_names: str = ""


def is_hub_page_model(model):
    """A page type that declares its search type: every subclass of HubPage."""
    return (
        isinstance(model, type)
        and issubclass(model, Page)
        and getattr(model, "search_type", None) is not None
    )


def hub_page_models():
    """Every concrete hub page model (a new list: callers may change theirs). Read
    from the app registry once it is ready, then kept: several times a search page."""
    if not apps.ready:
        return _hub_page_models()
    global _HUB_PAGE_MODELS
    if _HUB_PAGE_MODELS is None:
        _HUB_PAGE_MODELS = _hub_page_models()
    return list(_HUB_PAGE_MODELS)


_HUB_PAGE_MODELS = None


def _hub_page_models():
    return [
        model
        for model in apps.get_models()
        if is_hub_page_model(model) and not model._meta.abstract
    ]


# The type of the site's own pages (home, sections, standard pages such as "About").
SITE_PAGE = "page"


def page_types():
    """{type facet value: plural label} of every hub page model, in display order."""
    found = {}
    for model in sorted(hub_page_models(), key=lambda m: m.search_type_order):
        found.setdefault(model.search_type, model.search_type_label)
    return found


def page_type(model):
    """The type facet value of a page model: "case-study", ..., or "page"."""
    return getattr(model, "search_type", SITE_PAGE)


def type_label(value):
    types = page_types()
    return types.get(value) or types.get(SITE_PAGE, value)


def result_type_label(model):
    """The singular label shown on a result: the page model's verbose name."""
    return capfirst(model._meta.verbose_name)


def _passing_models():
    """{model: fields} of the page models that pass terms on to linked pages."""
    return {
        model: tuple(model.search_passes_on)
        for model in hub_page_models()
        if getattr(model, "search_passes_on", ())
    }


def page_date(page):
    """The date a reader sorts by: the work's own date (own_date), else the day the
    hub first published the page."""
    return own_date(page) or _first_published(page)


def _first_published(page):
    published = page.first_published_at or page.last_published_at
    return published.date() if published else None


def own_date(page):
    """The work's own date, as its sources give it: an event's start (in the venue's
    zone), a report's publication, a project's or action's start; None if none."""
    start = getattr(page, "start", None)
    if isinstance(start, datetime.datetime):
        zone = getattr(page, "time_zone", None)
        try:
            return start.astimezone(ZoneInfo(zone)).date() if zone else start.date()
        except (KeyError, ValueError):
            return start.date()
    for name in ("publication_date", "start_date"):
        value = getattr(page, name, None)
        if isinstance(value, datetime.date):
            return value
    return None


def search_data(page):
    """The search data of one page (from its batch when prefetched)."""
    cached = page.__dict__.get("_search_data")
    if cached is None:
        cached = prefetch_search_data([page]).get(page.pk) or PageSearchData(
            type=page_type(type(page))
        )
    return cached


def prefetch_search_data(pages):
    """Compute the search data of specific hub pages in a fixed number of queries;
    store it on each page and return {page pk: PageSearchData}."""
    pages = [p for p in pages if is_hub_page_model(type(p)) and p.pk is not None]
    if not pages:
        return {}
    links = _Links(_passing_models())
    by_class = defaultdict(list)
    for page in pages:
        by_class[type(page)].append(page)
    for model, group in by_class.items():
        links.collect(model, group)
    terms = links.load_terms()

    found = {}
    for page in pages:
        data = links.build(page, terms)
        page.__dict__["_search_data"] = data
        found[page.pk] = data
    return found


class _Links:
    """The links of a batch of pages to terms, organisations, and the pages that pass
    terms on to them (a case study passes its programme to its actions and to the
    reports, guides and events that name it)."""

    def __init__(self, passing):
        self.passing = passing  # {model: fields passed on}
        # taxonomy name -> page pk -> set of term pks
        self.terms = defaultdict(lambda: defaultdict(set))
        # page pk -> {(passing model, pk)}, and -> (passing parent models, parent path)
        self.sources = defaultdict(set)
        self.parent_paths = {}

    # -- collecting the links of one model's pages (one query per relation) ----------

    def collect(self, model, pages):
        kinds = {taxonomy.model: taxonomy.name for taxonomy in LINKED}
        pks = [p.pk for p in pages]
        for model_field in model._meta.get_fields():
            target = getattr(model_field, "related_model", None)
            if target is None:
                continue
            relevant = target in kinds or target in self.passing
            if isinstance(
                model_field, models.ManyToManyField | ParentalManyToManyField
            ):
                if relevant:
                    self._collect_many(model_field, pks, target, kinds.get(target))
            elif (
                isinstance(model_field, models.ForeignKey)
                and not model_field.auto_created
            ):
                if relevant:
                    for page in pages:
                        value = getattr(page, model_field.attname)
                        if value is None:
                            continue
                        if target in self.passing:
                            self.sources[page.pk].add((target, value))
                        else:
                            self.terms[kinds[target]][page.pk].add(value)
            elif model_field.one_to_many and model_field.auto_created:
                # Child objects (partners of a case study or an action) naming a term.
                self._collect_children(model_field, pks, kinds)
        if model in self.passing:
            for page in pages:
                self.sources[page.pk].add((model, page.pk))
        parents = _passing_parents(model, self.passing)
        if parents:
            for page in pages:
                self.parent_paths[page.pk] = (parents, page.path[: -Page.steplen])

    def _collect_many(self, model_field, pks, target, kind):
        through = model_field.remote_field.through
        source = through._meta.get_field(model_field.m2m_field_name()).attname
        to = through._meta.get_field(model_field.m2m_reverse_field_name()).attname
        rows = through.objects.filter(**{f"{source}__in": pks}).values_list(source, to)
        for page_pk, target_pk in rows:
            if kind is None:
                self.sources[page_pk].add((target, target_pk))
            else:
                self.terms[kind][page_pk].add(target_pk)

    def _collect_children(self, relation, pks, kinds):
        child = relation.related_model
        parent_key = relation.field
        if not isinstance(parent_key, ParentalKey | models.ForeignKey):
            return
        for child_field in child._meta.get_fields():
            target = getattr(child_field, "related_model", None)
            if isinstance(child_field, models.ForeignKey) and target in kinds:
                rows = child.objects.filter(
                    **{f"{parent_key.attname}__in": pks}
                ).values_list(parent_key.attname, child_field.attname)
                for page_pk, target_pk in rows:
                    if target_pk is not None:
                        self.terms[kinds[target]][page_pk].add(target_pk)

    # -- loading the terms, in every language (one query per taxonomy) --------------

    def load_terms(self):
        self._inherit_passed_terms()
        loaded = {}
        for taxonomy in LINKED:
            term_pks = set().union(*self.terms[taxonomy.name].values())
            if not term_pks:
                loaded[taxonomy.name] = ({}, {})
                continue
            model = taxonomy.model
            fields = ["pk", "translation_key", "locale_id", "name"]
            has_country = any(f.name == "country" for f in model._meta.fields)
            if has_country:
                fields.append("country")
            keys = model.objects.filter(pk__in=term_pks).values("translation_key")
            key_of, names = {}, {}
            for row in model.objects.filter(translation_key__in=keys).values(*fields):
                key = str(row["translation_key"])
                key_of[row["pk"]] = (key, row.get("country"))
                names[(key, row["locale_id"])] = row["name"]
                names.setdefault((key, None), row["name"])
            loaded[taxonomy.name] = (key_of, names)
        return loaded

    def _inherit_passed_terms(self):
        """Add to each page the terms its passing pages (linked or parent) give it:
        one query per passing model."""
        for model, fields in self.passing.items():
            pks = {
                pk for found in self.sources.values() for m, pk in found if m is model
            }
            paths = {
                path for parents, path in self.parent_paths.values() if model in parents
            }
            if not (pks or paths):
                continue
            attnames = [model._meta.get_field(name).attname for name in fields]
            rows = model.objects.filter(
                models.Q(pk__in=pks) | models.Q(path__in=paths)
            ).values_list("pk", "path", *attnames)
            passed, by_path = {}, {}
            for pk, path, *values in rows:
                passed[pk] = values
                by_path[path] = pk
            for page_pk, (parents, path) in self.parent_paths.items():
                if model in parents and path in by_path:
                    self.sources[page_pk].add((model, by_path[path]))
            for page_pk, found in self.sources.items():
                for source_model, pk in found:
                    if source_model is not model or pk not in passed:
                        continue
                    for name, value in zip(fields, passed[pk], strict=True):
                        taxonomy = of_model(model._meta.get_field(name).related_model)
                        if taxonomy is not None and value is not None:
                            self.terms[taxonomy.name][page_pk].add(value)

    # -- one page's data ----------------------------------------------------------

    def build(self, page, terms):
        facets = {"type": (page_type(type(page)),)}
        related_names = []
        countries = set()
        for taxonomy in LINKED:
            key_of, names = terms.get(taxonomy.name, ({}, {}))
            keys = set()
            for term_pk in self.terms[taxonomy.name].get(page.pk, ()):
                if term_pk not in key_of:
                    continue
                key, country = key_of[term_pk]
                keys.add(key)
                if taxonomy is REGION and country:
                    countries.add(country)
            for key in sorted(keys):
                name = names.get((key, page.locale_id)) or names.get((key, None))
                if name:
                    related_names.append(name)
            if taxonomy.facet:
                facets[taxonomy.name] = tuple(sorted(keys))
        own_country = getattr(page, "country", None)
        if isinstance(own_country, str) and own_country:
            countries.add(own_country)
        facets["country"] = tuple(sorted(countries))
        # The year facet is the work's own year: a page the sources give no date
        # is in none, not in the year the hub published it.
        own = own_date(page)
        facets["year"] = (str(own.year),) if own else ()
        date = own or _first_published(page)  # page_date
        return PageSearchData(
            type=facets["type"][0],
            date=date,
            facets=facets,
            related_names=", ".join(dict.fromkeys(related_names)),
        )


def _passing_parents(model, passing):
    """The passing models among `model`'s allowed parent page types."""
    labels = {str(p).lower() for p in getattr(model, "parent_page_types", None) or []}
    return tuple(m for m in passing if m._meta.label_lower in labels)


def pages_using_terms(term_model, translation_key):
    """Pks of the pages whose search data mentions a term (any of its translations):
    linked to it directly, through a child object (partners), or through a page that
    passes it on (a programme: the case study, its actions, and the reports, guides
    and events linked to it)."""
    term_pks = list(
        term_model.objects.filter(translation_key=translation_key).values_list(
            "pk", flat=True
        )
    )
    if not term_pks:
        return set()
    page_pks = _pages_linked_to(term_model, term_pks)
    for model, fields in _passing_models().items():
        for name in fields:
            if model._meta.get_field(name).related_model is not term_model:
                continue
            sources = list(
                model.objects.filter(**{f"{name}__in": term_pks}).values_list(
                    "pk", "path"
                )
            )
            page_pks |= {pk for pk, _path in sources}
            page_pks |= _pages_linked_to(model, [pk for pk, _path in sources])
            for _pk, path in sources:
                page_pks |= set(
                    Page.objects.filter(
                        path__startswith=path, depth=len(path) // Page.steplen + 1
                    ).values_list("pk", flat=True)
                )
    return page_pks


def _pages_linked_to(target, target_pks):
    if not target_pks:
        return set()
    found = set()
    for model in hub_page_models():
        for model_field in model._meta.get_fields():
            if model_field.model is not model and not model_field.auto_created:
                continue  # inherited from a concrete parent: seen on that model
            related = getattr(model_field, "related_model", None)
            if isinstance(
                model_field, models.ManyToManyField | ParentalManyToManyField
            ):
                if related is target:
                    through = model_field.remote_field.through
                    source = through._meta.get_field(model_field.m2m_field_name())
                    to = through._meta.get_field(model_field.m2m_reverse_field_name())
                    found |= set(
                        through.objects.filter(
                            **{f"{to.attname}__in": target_pks}
                        ).values_list(source.attname, flat=True)
                    )
            elif isinstance(model_field, models.ForeignKey) and related is target:
                found |= set(
                    model.objects.filter(
                        **{f"{model_field.attname}__in": target_pks}
                    ).values_list("pk", flat=True)
                )
            elif model_field.one_to_many and model_field.auto_created and related:
                parent_key = model_field.field
                for child_field in related._meta.get_fields():
                    if (
                        isinstance(child_field, models.ForeignKey)
                        and child_field.related_model is target
                    ):
                        found |= set(
                            related.objects.filter(
                                **{f"{child_field.attname}__in": target_pks}
                            ).values_list(parent_key.attname, flat=True)
                        )
    return found
