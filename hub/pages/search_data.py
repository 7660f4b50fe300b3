"""What the search index knows about a hub page besides its text: its type, date,
facet keys and the names of the terms and organisations it is linked to.

Both backends store the same data, computed here: the engine in each page's document
(search/backends/engine.py), the database backend in `PageFacet` rows beside its text
index (search/backends/database.py). Taxonomy terms are identified by their
`translation_key`, so a theme is the same theme in both languages even where
wagtail-localize left a French page pointing at English terms.

`prefetch_search_data(pages)` computes everything for a batch of pages in a fixed
number of queries (about fifteen, whatever the batch size), which is what keeps bulk
indexing fast; `search_data(page)` serves one page, from that batch when prefetched.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.apps import apps
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.models import Page

FACETS = ("type", "theme", "target_group", "region", "country", "programme", "year")
TAXONOMY_FACETS = {
    "theme": "pages.Theme",
    "target_group": "pages.TargetGroup",
    "region": "pages.Region",
    "programme": "pages.Programme",
}
ORGANISATION = "pages.Organisation"
CASE_STUDY = "practices.CaseStudyPage"

# Type facet values, with the page models they cover; every other hub page is "page".
PAGE_TYPES = {
    "case-study": "practices.CaseStudyPage",
    "action": "practices.ActionPage",
    "report": "practices.EvaluationReportPage",
    "guide": "practices.GoodPracticeGuidePage",
    "event": "events.EventPage",
}
OTHER_PAGE_TYPE = "page"
TYPE_LABELS = {
    "case-study": _("Case studies"),
    "action": _("Field actions"),
    "report": _("Evaluation reports"),
    "guide": _("Good-practice guides"),
    "event": _("Events"),
    "page": _("Other pages"),
}
_MODEL_TYPES = {label.lower(): value for value, label in PAGE_TYPES.items()}


@dataclass
class PageSearchData:
    type: str
    date: datetime.date | None = None
    facets: dict = field(default_factory=dict)  # facet -> sorted tuple of values
    related_names: str = ""


def _hub_page():
    from hub.pages.models import HubPage

    return HubPage


def is_hub_page_model(model):
    return issubclass(model, _hub_page())


def page_type(model):
    """The type facet value of a page model: "case-study", ..., or "page"."""
    return _MODEL_TYPES.get(model._meta.label_lower, OTHER_PAGE_TYPE)


def type_label(value):
    return TYPE_LABELS.get(value, TYPE_LABELS[OTHER_PAGE_TYPE])


def result_type_label(model):
    """The singular label shown on a result: the page model's verbose name."""
    return capfirst(model._meta.verbose_name)


def page_date(page):
    """The date a reader sorts by: an event's start (in the venue's zone), a report's
    publication, a project's or action's start, else the first publication."""
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
    published = page.first_published_at or page.last_published_at
    return published.date() if published else None


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
    hub_page = _hub_page()
    pages = [p for p in pages if isinstance(p, hub_page) and p.pk is not None]
    if not pages:
        return {}
    links = _Links()
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
    """The links of a batch of pages to terms, organisations and case studies."""

    def __init__(self):
        # kind ("theme", ..., "organisation") -> page pk -> set of term pks
        self.terms = defaultdict(lambda: defaultdict(set))
        # page pk -> set of case-study pks / paths it belongs to (for its programme)
        self.case_study_pks = defaultdict(set)
        self.case_study_paths = {}

    # -- collecting the links of one model's pages (one query per relation) ----------

    def collect(self, model, pages):
        kinds = {apps.get_model(label): kind for kind, label in TAXONOMY_FACETS.items()}
        kinds[apps.get_model(ORGANISATION)] = "organisation"
        case_study = apps.get_model(CASE_STUDY)
        pks = [p.pk for p in pages]
        for model_field in model._meta.get_fields():
            target = getattr(model_field, "related_model", None)
            if target is None:
                continue
            if isinstance(
                model_field, models.ManyToManyField | ParentalManyToManyField
            ):
                if target in kinds or target is case_study:
                    self._collect_many(model_field, pks, kinds.get(target))
            elif (
                isinstance(model_field, models.ForeignKey)
                and not model_field.auto_created
            ):
                if target in kinds or target is case_study:
                    for page in pages:
                        value = getattr(page, model_field.attname)
                        if value is None:
                            continue
                        if target is case_study:
                            self.case_study_pks[page.pk].add(value)
                        else:
                            self.terms[kinds[target]][page.pk].add(value)
            elif model_field.one_to_many and model_field.auto_created:
                # Child objects (partners of a case study or an action) naming a term.
                self._collect_children(model_field, pks, kinds)
        if model is case_study:
            for page in pages:
                self.case_study_pks[page.pk].add(page.pk)
        elif _parent_may_be_case_study(model):
            for page in pages:
                self.case_study_paths[page.pk] = page.path[: -Page.steplen]

    def _collect_many(self, model_field, pks, kind):
        through = model_field.remote_field.through
        source = through._meta.get_field(model_field.m2m_field_name()).attname
        target = through._meta.get_field(model_field.m2m_reverse_field_name()).attname
        rows = through.objects.filter(**{f"{source}__in": pks}).values_list(
            source, target
        )
        for page_pk, target_pk in rows:
            if kind is None:
                self.case_study_pks[page_pk].add(target_pk)
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
        case_study = apps.get_model(CASE_STUDY)
        case_study_pks = set().union(*self.case_study_pks.values())
        paths = set(self.case_study_paths.values())
        self.programme_of_case_study = {}
        if case_study_pks or paths:
            rows = case_study.objects.filter(
                models.Q(pk__in=case_study_pks) | models.Q(path__in=paths)
            ).values_list("pk", "path", "programme_id")
            by_path = {}
            for pk, path, programme_pk in rows:
                self.programme_of_case_study[pk] = programme_pk
                by_path[path] = pk
            for page_pk, path in self.case_study_paths.items():
                if path in by_path:
                    self.case_study_pks[page_pk].add(by_path[path])
        for page_pk, case_studies in self.case_study_pks.items():
            for pk in case_studies:
                programme_pk = self.programme_of_case_study.get(pk)
                if programme_pk is not None:
                    self.terms["programme"][page_pk].add(programme_pk)

        loaded = {}
        labels = dict(TAXONOMY_FACETS, organisation=ORGANISATION)
        for kind, label in labels.items():
            term_pks = set().union(*self.terms[kind].values())
            if not term_pks:
                loaded[kind] = ({}, {})
                continue
            model = apps.get_model(label)
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
            loaded[kind] = (key_of, names)
        return loaded

    # -- one page's data ----------------------------------------------------------

    def build(self, page, terms):
        facets = {"type": (page_type(type(page)),)}
        related_names = []
        countries = set()
        for kind in (*TAXONOMY_FACETS, "organisation"):
            key_of, names = terms.get(kind, ({}, {}))
            keys = set()
            for term_pk in self.terms[kind].get(page.pk, ()):
                if term_pk not in key_of:
                    continue
                key, country = key_of[term_pk]
                keys.add(key)
                if kind == "region" and country:
                    countries.add(country)
            for key in sorted(keys):
                name = names.get((key, page.locale_id)) or names.get((key, None))
                if name:
                    related_names.append(name)
            if kind != "organisation":
                facets[kind] = tuple(sorted(keys))
        own_country = getattr(page, "country", None)
        if isinstance(own_country, str) and own_country:
            countries.add(own_country)
        facets["country"] = tuple(sorted(countries))
        date = page_date(page)
        facets["year"] = (str(date.year),) if date else ()
        return PageSearchData(
            type=facets["type"][0],
            date=date,
            facets=facets,
            related_names=", ".join(dict.fromkeys(related_names)),
        )


def _parent_may_be_case_study(model):
    parents = getattr(model, "parent_page_types", None) or []
    return any(str(p).lower() == CASE_STUDY.lower() for p in parents)


def hub_page_models():
    return [
        model
        for model in apps.get_models()
        if is_hub_page_model(model) and not model._meta.abstract
    ]


def pages_using_terms(term_model, translation_key):
    """Pks of the pages whose search data mentions a term (any of its translations):
    linked to it directly, through a child object (partners), or, for a programme,
    through a case study (the case study, its actions, and the reports, guides and
    events linked to it)."""
    term_pks = list(
        term_model.objects.filter(translation_key=translation_key).values_list(
            "pk", flat=True
        )
    )
    if not term_pks:
        return set()
    page_pks = _pages_linked_to(term_model, term_pks)
    case_study = apps.get_model(CASE_STUDY)
    if term_model is apps.get_model(TAXONOMY_FACETS["programme"]):
        studies = list(
            case_study.objects.filter(programme__in=term_pks).values_list("pk", "path")
        )
        page_pks |= {pk for pk, _path in studies}
        page_pks |= _pages_linked_to(case_study, [pk for pk, _path in studies])
        for _pk, path in studies:
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
