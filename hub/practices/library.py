"""The case-study library: filters, counts per value, sorting.

Every case study under a library page and every action under those case studies is
read once as a compact row, in at most eight queries whatever the number of items:
the pages themselves (two), their taxonomy links (one UNION), the evidence levels that
reports and guides give them (one UNION), and the taxonomy terms from the shared term
catalogue (hub/pages/taxonomies.py: one query a taxonomy, none while it is cached).
Filters, counts and sorting then run on those rows, so

- values combine with OR within a filter and AND across filters;
- the count beside each value is the number of items that have it among those that
  pass every *other* filter, so counts stay right when other filters are set;
- sorting by participants, a key figure kept in a StreamField, works the same way on
  SQLite and PostgreSQL.

A taxonomy term is identified by its translation key, the same in both languages;
links use its slug in the page's language, and a slug from either language is
understood. wagtail-localize copies many-to-many values as they are, so a French page
may point at English terms: matching on the translation key covers that.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import CharField, F, Value
from django.utils.translation import gettext_lazy as _

from hub.pages.blocks import raw_figures
from hub.pages.formatting import sort_text
from hub.pages.localization import language_code
from hub.pages.models.taxonomy import Country
from hub.pages.taxonomies import (
    FACET_TAXONOMIES,
    PAGE_TAXONOMIES,
    REGION,
    TermCatalogue,
)
from hub.pages.visibility import public

from .figures import participants
from .models.action import ActionKind, ActionPage
from .models.case_study import CaseStudyPage
from .models.guide import GoodPracticeGuidePage
from .models.report import EvaluationReportPage, EvidenceLevel

PAGE_SIZE = 12
MAX_VALUES_PER_FILTER = 30
MAX_VALUE_LENGTH = 100

CASE_STUDY, ACTION = "case_study", "action"
NO_EVIDENCE = "none"
EVIDENCE_RANK = {
    NO_EVIDENCE: 0,
    EvidenceLevel.NOT_ASSESSABLE: 0,
    EvidenceLevel.EMERGENT: 1,
    EvidenceLevel.PROMISING: 2,
    EvidenceLevel.PROVEN: 3,
}
# European programming periods, used to group items by the years of their activity
# (dates overlapping a period), not by the programme that funded them: the facet says
# "Years of activity" so that a 2007-2013 project active until 2015 is not read as a
# 2014-2020 one (the programme facet answers that).
PERIODS = [(2000, 2006), (2007, 2013), (2014, 2020), (2021, 2027), (2028, 2034)]


@dataclass(frozen=True)
class Facet:
    name: str  # the URL parameter
    label: str
    taxonomy: bool = False


FACETS = [
    Facet("type", _("Type")),
    Facet("theme", _("Theme"), taxonomy=True),
    Facet("target_group", _("Target group"), taxonomy=True),
    Facet("region", _("Region"), taxonomy=True),
    Facet("country", _("Country")),
    Facet("programme", _("Programme"), taxonomy=True),
    Facet("period", _("Years of activity")),
    Facet("action_kind", _("Kind of action")),
    Facet("evidence", _("Evidence strength")),
]
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}

SORTS = {
    "newest": _("Most recent first"),
    "oldest": _("Oldest first"),
    "title": _("Title (A to Z)"),
    "budget": _("Budget (largest first)"),
    "participants": _("Participants (most first)"),
}
DEFAULT_SORT = "newest"


def choice_labels():
    return {
        "type": {CASE_STUDY: _("Case study"), ACTION: _("Action")},
        "country": dict(Country.choices),
        "period": {f"{start}-{end}": f"{start}–{end}" for start, end in PERIODS},
        "action_kind": dict(ActionKind.choices),
        "evidence": {
            **{level: label for level, label in EvidenceLevel.choices},
            NO_EVIDENCE: _("Not evaluated yet"),
        },
    }


@dataclass
class LibraryItem:
    """One case study or action, with the values it has for each filter."""

    pk: int
    kind: str
    translation_key: str
    title: str
    path: str
    first_published_at: datetime.datetime | None
    start_date: datetime.date | None
    end_date: datetime.date | None
    total_budget: Decimal | None = None
    participants: Decimal | None = None
    parent_pk: int | None = None
    values: dict = field(default_factory=lambda: defaultdict(set))
    evidence: str = NO_EVIDENCE
    page: object = None  # the specific page, loaded for the items shown


@dataclass
class Term:
    facet: str
    key: str  # translation key
    slug: str
    name: str
    country: str = ""


def periods_of(start, end):
    if start is None and end is None:
        return set()
    first = (start or end).year
    last = (end or start).year
    return {
        f"{begin}-{finish}"
        for begin, finish in PERIODS
        if first <= finish and last >= begin
    }


def _links(model, ids):
    """(page id, facet, term translation key, country) for the page type's terms."""
    source = model._meta.model_name
    parts = []
    for taxonomy in PAGE_TAXONOMIES:
        facet, term_model = taxonomy.name, taxonomy.model
        through = getattr(model, taxonomy.page_field).through
        target = term_model._meta.model_name
        country = F(f"{target}__country") if taxonomy is REGION else Value("")
        parts.append(
            through.objects.filter(**{f"{source}_id__in": ids})
            .order_by()
            .annotate(
                page_ref=F(f"{source}_id"),
                facet=Value(facet, output_field=CharField()),
                term_key=F(f"{target}__translation_key"),
                term_country=country,
            )
            .values_list("page_ref", "facet", "term_key", "term_country")
        )
    return parts


def _evidence(live_ids_of):
    """(translation key of a case study or action, evidence level) from the live
    reports and guides that evaluate or cite it."""
    reports = live_ids_of(EvaluationReportPage)
    guides = live_ids_of(GoodPracticeGuidePage)
    return (
        EvaluationReportPage.evaluated_case_studies.through.objects.filter(
            evaluationreportpage_id__in=reports
        )
        .order_by()
        .values_list(
            "casestudypage__translation_key", "evaluationreportpage__evidence_level"
        )
        .union(
            GoodPracticeGuidePage.related_case_studies.through.objects.filter(
                goodpracticeguidepage_id__in=guides
            )
            .order_by()
            .values_list(
                "casestudypage__translation_key",
                "goodpracticeguidepage__evidence_level",
            ),
            GoodPracticeGuidePage.related_actions.through.objects.filter(
                goodpracticeguidepage_id__in=guides
            )
            .order_by()
            .values_list(
                "actionpage__translation_key", "goodpracticeguidepage__evidence_level"
            ),
            all=True,
        )
    )


class Library:
    """The items of one library page and their taxonomy, in a fixed query count."""

    def __init__(self, library_page, with_figures=False):
        self.page = library_page
        self.locale_id = library_page.locale_id
        self.items = []
        self._load(with_figures)

    def _base(self, model):
        return public(
            model.objects.live().filter(
                path__startswith=self.page.path,
                depth__gt=self.page.depth,
                locale_id=self.locale_id,
            )
        )

    def _load(self, with_figures):
        columns = ["pk", "translation_key", "title", "path", "first_published_at"]
        columns += ["start_date", "end_date"]
        case_columns = columns + ["total_budget", "programme__translation_key"]
        action_columns = columns + ["action_kind"]
        if with_figures:
            case_columns.append("key_figures")
            action_columns.append("outcomes")
        by_path = {}
        for row in self._base(CaseStudyPage).values(*case_columns):
            item = self._item(row, CASE_STUDY, row.get("key_figures"))
            item.total_budget = row["total_budget"]
            if row["programme__translation_key"]:
                item.values["programme"].add(str(row["programme__translation_key"]))
            by_path[item.path] = item
        for row in self._base(ActionPage).values(*action_columns):
            parent = by_path.get(row["path"][: -ActionPage.steplen])
            if parent is None:  # its case study is unpublished or private
                continue
            item = self._item(row, ACTION, row.get("outcomes"))
            item.parent_pk = parent.pk
            item.values["action_kind"].add(row["action_kind"])
            item.values["programme"] |= parent.values["programme"]
            by_path[item.path] = item
        self.items = sorted(by_path.values(), key=lambda item: item.path)
        by_pk = {item.pk: item for item in self.items}

        case_ids = self._base(CaseStudyPage).values("pk")
        action_ids = self._base(ActionPage).values("pk")
        parts = _links(CaseStudyPage, case_ids) + _links(ActionPage, action_ids)
        for page_id, facet, key, country in parts[0].union(*parts[1:], all=True):
            item = by_pk.get(page_id)
            if item is None:
                continue
            item.values[facet].add(str(key))
            if country:
                item.values["country"].add(country)

        levels = defaultdict(set)
        for key, level in _evidence(
            lambda model: public(model.objects.live()).values("pk")
        ):
            levels[str(key)].add(level)
        for item in self.items:
            found = set(levels.get(item.translation_key, ()))
            if item.parent_pk is not None:  # an evaluation covers the project's actions
                found |= levels.get(by_pk[item.parent_pk].translation_key, set())
            if found:
                item.evidence = max(found, key=lambda level: EVIDENCE_RANK[level])
            item.values["evidence"].add(item.evidence)

        self.terms = self._load_terms()
        self.by_pk = by_pk

    def _item(self, row, kind, figures):
        item = LibraryItem(
            pk=row["pk"],
            kind=kind,
            translation_key=str(row["translation_key"]),
            title=row["title"],
            path=row["path"],
            first_published_at=row["first_published_at"],
            start_date=row["start_date"],
            end_date=row["end_date"],
        )
        item.values["type"].add(kind)
        item.values["period"] |= periods_of(item.start_date, item.end_date)
        if figures is not None:
            item.participants = participants(raw_figures(figures))
        return item

    def _load_terms(self):
        """{facet: {translation key: Term}}, each term in the page's language when it
        is translated, and {facet: {slug in any language: translation key}}."""
        catalogue = TermCatalogue(language_code(self.locale_id))
        terms, slugs = defaultdict(dict), defaultdict(dict)
        for taxonomy in FACET_TAXONOMIES:
            facet = taxonomy.name
            for term in catalogue.terms.get(facet, ()):
                key = term["key"]
                for slug in term["slugs"].values():
                    slugs[facet][slug] = key
                terms[facet][key] = Term(
                    facet,
                    key,
                    catalogue.slug(term),
                    catalogue.name(term),
                    term["country"],
                )
        self.slugs = slugs
        return terms

    def load_pages(self, items):
        """Attach the specific page to each item (two queries), parents included."""
        wanted = {item.pk for item in items}
        wanted |= {item.parent_pk for item in items if item.parent_pk}
        pages = {}
        for model in (CaseStudyPage, ActionPage):
            ids = [pk for pk in wanted if self.by_pk[pk].kind == _kind_of(model)]
            if ids:
                pages.update({p.pk: p for p in model.objects.filter(pk__in=ids)})
        labels = choice_labels()
        for item in items:
            item.page = pages.get(item.pk)
            item.parent = self.by_pk.get(item.parent_pk)
            if item.parent is not None:
                item.parent.page = pages.get(item.parent_pk)
            item.kind_label = labels["type"][item.kind]
            item.evidence_label = labels["evidence"][item.evidence]
            item.regions = self.named(item, "region")
            item.themes = self.named(item, "theme")
        return items

    def named(self, item, facet):
        """The item's terms of `facet` in the page's language, by name."""
        terms = self.terms[facet]
        found = [terms[key] for key in item.values[facet] if key in terms]
        return sorted(found, key=lambda term: sort_text(term.name))


def _kind_of(model):
    return CASE_STUDY if model is CaseStudyPage else ACTION
