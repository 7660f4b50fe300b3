"""The case-study library: filters, counts per value, sorting, pages, in the database.

Each case study and action under a library page has an entry (practices.LibraryEntry)
with the values it has for each filter (practices.LibraryValue), kept up to date by
hub/practices/library_index.py. A library page asks the database, in a fixed number of
queries whatever the number of items, for

- the items passing every filter: values combine with OR within a filter and AND
  across filters;
- the count beside each value: the number of items that have it among those that
  pass every *other* filter, so counts stay right when other filters are set;
- the one page of items shown, sorted (newest or oldest with undated items last,
  title, budget, participants), and only those items' pages are loaded.

Visibility is never stored: every query applies `hub.pages.visibility.public()` to
the pages themselves, so an unpublished or restricted page (or an action whose case
study is unpublished) is never listed or counted.

A taxonomy term is identified by its translation key, the same in both languages;
links use its slug in the page's language, and a slug from either language is
understood. wagtail-localize copies many-to-many values as they are, so a French page
may point at English terms: matching on the translation key covers that.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import CharField, Exists, F, OuterRef, Q, Value
from django.db.models.functions import Collate
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

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

from . import library_counts
from .figures import participants
from .library_counts import PSEUDO
from .models.action import ActionKind, ActionPage
from .models.case_study import CaseStudyPage
from .models.guide import GoodPracticeGuidePage
from .models.library_entry import LibraryValue
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
FACET_NAMES = [facet.name for facet in FACETS]

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
    live_revision_id: int | None = None
    last_published_at: datetime.datetime | None = None


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


def page_links(model, ids):
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


def evidence_links(keys=None):
    """(translation key of a case study or action, evidence level) from the public
    reports and guides that evaluate or cite it; only for `keys` when given."""
    reports = public(EvaluationReportPage.objects.all()).values("pk")
    guides = public(GoodPracticeGuidePage.objects.all()).values("pk")

    def only(queryset, name):
        if keys is None:
            return queryset
        return queryset.filter(**{f"{name}__translation_key__in": sorted(keys)})

    return (
        only(
            EvaluationReportPage.evaluated_case_studies.through.objects.filter(
                evaluationreportpage_id__in=reports
            ),
            "casestudypage",
        )
        .order_by()
        .values_list(
            "casestudypage__translation_key", "evaluationreportpage__evidence_level"
        )
        .union(
            only(
                GoodPracticeGuidePage.related_case_studies.through.objects.filter(
                    goodpracticeguidepage_id__in=guides
                ),
                "casestudypage",
            )
            .order_by()
            .values_list(
                "casestudypage__translation_key",
                "goodpracticeguidepage__evidence_level",
            ),
            only(
                GoodPracticeGuidePage.related_actions.through.objects.filter(
                    goodpracticeguidepage_id__in=guides
                ),
                "actionpage",
            )
            .order_by()
            .values_list(
                "actionpage__translation_key", "goodpracticeguidepage__evidence_level"
            ),
            all=True,
        )
    )


# The columns of a listed item, read with the page it belongs to.
ENTRY = "library_entry__"
COLUMNS = {
    "pk": "pk",
    "translation_key": "translation_key",
    "title": "title",
    "path": "path",
    "first_published_at": "first_published_at",
    "live_revision_id": "live_revision_id",  # with the next: a card's fragment stamp
    "last_published_at": "last_published_at",
    "kind": ENTRY + "kind",
    "parent_pk": ENTRY + "parent_id",
    "sort_date": ENTRY + "sort_date",
    "total_budget": ENTRY + "total_budget",
}
CHUNK = 500  # ids in one IN (...): well below SQLite's limit


class CountedPaginator(Paginator):
    """A paginator told its count, read with another aggregate in one query."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count


def _title_order():
    # Python's order of sort_text() is code-point order: PostgreSQL's "C" collation,
    # SQLite's default BINARY one.
    title = F(ENTRY + "sort_title")
    return Collate(title, "C") if connection.vendor == "postgresql" else title


def order_by(sort):
    """The ORDER BY of a sort: the sort's key (missing values last, whichever way),
    then the title, then the tree order (the page's path, as the entry holds it), all
    from the entry, whose indexes give the first pages without a sort."""
    then = [_title_order(), ENTRY + "sort_path"]
    if sort == "title":
        return then
    if sort in ("budget", "participants"):
        name = "total_budget" if sort == "budget" else "participants"
        return [F(ENTRY + name).desc(nulls_last=True), *then]
    date = F(ENTRY + "sort_date")
    if sort == "oldest":
        return [date.asc(nulls_last=True), *then]
    return [date.desc(nulls_last=True), *then]


class Library:
    """The items of one library page, asked of the database in a fixed number of
    queries; the visibility rule is part of each query."""

    def __init__(self, library_page, with_figures=False):
        self.page = library_page
        self.locale_id = library_page.locale_id
        self.terms = self._load_terms()

    def pages(self):
        """The library's listed pages: public, with an entry of this library; an
        action only while its case study is live (a restricted case study restricts
        its actions already).

        An entry names the library its page is below, in the library's language
        (library_index._write, written again on every publish and move): the
        pages' own path, depth and locale are not asked again. Asked, they cost
        PostgreSQL its plan: it took them as independent of the entry's library,
        expected a quarter of the rows that pass, and joined every match before
        sorting (an older page of the library: 140-210 ms at 10,000 case
        studies, against 17-70 ms walking the entries in their sort's index)."""
        pages = public(Page.objects.filter(library_entry__library_id=self.page.pk))
        return pages.filter(
            Q(library_entry__parent__isnull=True) | Q(library_entry__parent__live=True)
        )

    def matching(self, selected, without=None):
        """The listed pages passing every filter of `selected` but `without`'s."""
        pages = self.pages()
        for name in FACET_NAMES:
            values = selected.get(name)
            if name == without or not values:
                continue
            if name == "type":  # the entry's kind, its one value of this facet
                pages = pages.filter(library_entry__kind__in=sorted(values))
                continue
            pages = pages.filter(
                Exists(
                    LibraryValue.objects.filter(
                        library_id=self.page.pk,
                        entry_id=OuterRef("pk"),
                        facet=name,
                        value__in=sorted(values),
                    )
                )
            )
        return pages

    def counts(self, selected):
        """{facet: {value: count}}: each value's count among the items passing every
        other filter, in one query. A facet whose other filters are none, or one
        filter with one value, is counted from the library's totals less the items
        that are not public; the others from the entries' values, joining no page
        (library_counts.py). "_" holds the number of matching items ("all") and of
        undated ones ("undated")."""
        counts = {name: {} for name in FACET_NAMES}
        counts.update(library_counts.counts(self.page, selected, FACET_NAMES))
        counts.setdefault(PSEUDO, {})
        return counts

    def rows(self, pages, sort):
        """The pages' rows (COLUMNS), sorted."""
        return pages.order_by(*order_by(sort)).values(*COLUMNS.values())

    def items_from(self, rows, with_values=True):
        """LibraryItems of rows of `rows()`, with their filter values (one query
        for every 500 items) unless not `with_values` (add_values() adds them)."""
        items = [
            LibraryItem(
                pk=row["pk"],
                kind=row[COLUMNS["kind"]],
                translation_key=str(row["translation_key"]),
                title=row["title"],
                path=row["path"],
                first_published_at=row["first_published_at"],
                start_date=row[COLUMNS["sort_date"]],
                end_date=None,
                total_budget=row[COLUMNS["total_budget"]],
                parent_pk=row[COLUMNS["parent_pk"]],
                live_revision_id=row["live_revision_id"],
                last_published_at=row["last_published_at"],
            )
            for row in rows
        ]
        return self.add_values(items) if with_values else items

    def add_values(self, items):
        """The items' filter values and evidence level (one query for every 500)."""
        by_pk = {item.pk: item for item in items}
        ids = list(by_pk)
        for start in range(0, len(ids), CHUNK):
            for entry_id, facet, value in LibraryValue.objects.filter(
                entry_id__in=ids[start : start + CHUNK]
            ).values_list("entry_id", "facet", "value"):
                item = by_pk[entry_id]
                item.values[facet].add(value)
                if facet == "evidence":
                    item.evidence = value
        return items

    def items_by_key(self, keys):
        """{translation key: LibraryItem} of the listed items with these keys."""
        if not keys:
            return {}
        pages = self.pages().filter(translation_key__in=sorted(keys))
        return {
            item.translation_key: item
            for item in self.items_from(self.rows(pages, "title"))
        }

    def candidates(self, limit, keep=()):
        """Up to `limit` listed items (pk, kind, title) in the tree's order and the
        items of `keep` (pks) wherever they are; and whether more were left out."""
        rows = self.pages().order_by("path").values("pk", "title", ENTRY + "kind")
        found = list(rows[: limit + 1])
        more = len(found) > limit
        found = found[:limit]
        seen = {row["pk"] for row in found}
        missing = [pk for pk in keep if pk not in seen]
        if missing:
            found += list(rows.filter(pk__in=missing))
        items = [
            LibraryItem(
                pk=row["pk"],
                kind=row[ENTRY + "kind"],
                translation_key="",
                title=row["title"],
                path="",
                first_published_at=None,
                start_date=None,
                end_date=None,
            )
            for row in found
        ]
        return items, more

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
        """Attach the specific page to each item (two queries), parents included,
        with the figures read from the pages."""
        parent_ids = {item.parent_pk for item in items if item.parent_pk}
        pages = {}
        for model, ids in (
            (CaseStudyPage, {i.pk for i in items if i.kind == CASE_STUDY} | parent_ids),
            (ActionPage, {i.pk for i in items if i.kind == ACTION}),
        ):
            ids = sorted(ids)
            for start in range(0, len(ids), CHUNK):
                pages.update(
                    {
                        page.pk: page
                        for page in model.objects.filter(
                            pk__in=ids[start : start + CHUNK]
                        )
                    }
                )
        labels = choice_labels()
        parents = {}
        for item in items:
            item.page = pages.get(item.pk)
            if item.page is not None:
                item.start_date = item.page.start_date
                item.end_date = item.page.end_date
                figures = (
                    item.page.key_figures
                    if item.kind == CASE_STUDY
                    else item.page.outcomes
                )
                item.participants = participants(raw_figures(figures))
            item.parent = None
            if item.parent_pk is not None and item.parent_pk in pages:
                if item.parent_pk not in parents:
                    page = pages[item.parent_pk]
                    parents[item.parent_pk] = LibraryItem(
                        pk=page.pk,
                        kind=CASE_STUDY,
                        translation_key=str(page.translation_key),
                        title=page.title,
                        path=page.path,
                        first_published_at=page.first_published_at,
                        start_date=page.start_date,
                        end_date=page.end_date,
                        page=page,
                    )
                item.parent = parents[item.parent_pk]
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
