"""The library's current filtered list as CSV or JSON: one row per item.

The CSV is UTF-8 with a byte-order mark, so Excel opens it with its accents intact, and
any text cell that a spreadsheet could read as a formula (starting with =, +, -, @, a
tab or a carriage return) is prefixed with an apostrophe.
"""

import csv
import io
from decimal import Decimal
from types import SimpleNamespace
from urllib.parse import quote

from django.http import HttpResponse, JsonResponse
from django.utils import timezone, translation
from django.utils.encoding import force_str
from django.utils.translation import gettext as _

from hub.pages.blocks import raw_figures
from hub.pages.dates import DatePrecision, iso_date
from hub.pages.formatting import json_number, plain_number, spreadsheet_safe
from hub.pages.localization import localize_queryset
from hub.pages.models import Organisation

from .figures import budget_lines, participants
from .filters import describe_filters
from .library import CASE_STUDY, CHUNK, choice_labels
from .models import ActionPage, ActionPartner, CaseStudyPage, CaseStudyPartner


def _partners(items, locale_id):
    """{page pk: [(organisation, role label)]} in two or three queries."""
    found = {}
    for model, kinds in ((CaseStudyPartner, CASE_STUDY), (ActionPartner, "action")):
        ids = [item.pk for item in items if item.kind == kinds]
        if ids:
            rows = list(
                model.objects.filter(page_id__in=ids).select_related("organisation")
            )
            for row in rows:
                found.setdefault(row.page_id, []).append(row)
    organisations = localize_queryset(
        Organisation.objects.filter(
            pk__in={row.organisation_id for rows in found.values() for row in rows}
        ),
        locale_id,
    )
    by_key = {org.translation_key: org for org in organisations}
    return {
        pk: [
            (
                by_key.get(row.organisation.translation_key, row.organisation),
                row.get_role_display(),
            )
            for row in rows
        ]
        for pk, rows in found.items()
    }


def _iso(page, name):
    """A date field as ISO 8601 reduced to its precision ("2014", "2014-03")."""
    precision = getattr(page, f"{name}_precision", DatePrecision.DAY)
    return iso_date(getattr(page, name, None), precision)


def _budgets(page, figures):
    """{"total_budget": [...], "erdf_contribution": [...]}: every amount a source
    gives, each with its source and year, the page's own field first."""
    found = {"total_budget": [], "erdf_contribution": []}
    for line in budget_lines(page, figures):
        found[str(line.measure)] = [
            {"amount": f.amount, "source": f.source, "year": f.year}
            for f in line.figures
        ]
    return found


def _every_source(entries):
    """One cell for a figure every source states: "10000000 (source, 2022); ..."."""
    cells = []
    for entry in entries:
        where = ", ".join(
            str(part) for part in (entry["source"], entry["year"]) if part
        )
        amount = plain_number(entry["amount"])
        cells.append(f"{amount} ({where})" if where else amount)
    return "; ".join(cells)


STUDY_FIELDS = (
    "pk",
    "title",
    "url_path",
    "summary",
    "key_figures",
    "start_date",
    "start_date_precision",
    "end_date",
    "end_date_precision",
    "dates_source",
    "other_periods",
    "status",
    "total_budget",
    "total_budget_source",
    "erdf_contribution",
    "erdf_contribution_source",
)
ACTION_FIELDS = (
    "pk",
    "title",
    "url_path",
    "summary",
    "outcomes",
    "start_date",
    "start_date_precision",
    "end_date",
    "end_date_precision",
    "action_kind",
    "territory",
    "cost",
)
# The case study's own code, run on the values read (a cached property's function).
PERIOD_LIST = getattr(
    CaseStudyPage.period_list, "real_func", CaseStudyPage.period_list.func
)
# What Django's reverse() leaves unquoted in a path (RFC 3986 sub-delimiters...).
URL_SAFE = "!$&'()*+,;=/~:@"


def _display(model, name):
    """The value -> label function of a field with choices (get_FOO_display)."""
    choices = dict(model._meta.get_field(name).flatchoices)
    labels = {}

    def label(value):
        if value not in labels:
            labels[value] = force_str(choices.get(value, value), strings_only=True)
        return labels[value]

    return label


def _fields(items, locale_id):
    """{pk: the page's exported fields} of the items and their case studies, read
    as values (no page instantiated), in a few queries."""
    wanted = {CASE_STUDY: set(), "action": set()}
    for item in items:
        wanted[item.kind].add(item.pk)
        if item.parent_pk:
            wanted[CASE_STUDY].add(item.parent_pk)
    found = {}
    for model, fields, kind in (
        (CaseStudyPage, STUDY_FIELDS, CASE_STUDY),
        (ActionPage, ACTION_FIELDS, "action"),
    ):
        ids = sorted(wanted[kind])
        for start in range(0, len(ids), CHUNK):
            for row in model.objects.filter(pk__in=ids[start : start + CHUNK]).values(
                *fields
            ):
                found[row["pk"]] = SimpleNamespace(**row)
    return found


def _page_url(library, request):
    """A function from a listed page's url_path to its full URL: the library's
    own followed by the page's path below it, as Wagtail reverses it (the items
    are below the library, in its site and language)."""
    base = library.page.get_full_url(request)
    below = library.page.url_path

    def url(url_path):
        return base + quote(url_path[len(below) :], safe=URL_SAFE)

    return url


def export_records(library, result, request):
    """One dict per item of `result`, in its order, with structured values."""
    items = result.items
    labels = choice_labels()
    type_labels = {kind: str(label) for kind, label in labels["type"].items()}
    evidence_labels = {key: str(label) for key, label in labels["evidence"].items()}
    status = _display(CaseStudyPage, "status")
    action_kind = _display(ActionPage, "action_kind")
    terms = library.terms
    pages = _fields(items, library.locale_id)
    url = _page_url(library, request)
    partners = _partners(items, library.locale_id)
    records = []
    for item in items:
        page = pages[item.pk]
        parent = pages.get(item.parent_pk) if item.parent_pk else None
        programme = next(
            (terms["programme"].get(key) for key in item.values["programme"]), None
        )
        case_study = item.kind == CASE_STUDY
        figures = raw_figures(page.key_figures if case_study else page.outcomes)
        budgets = (
            _budgets(page, figures)
            if case_study
            else {"total_budget": [], "erdf_contribution": []}
        )
        if case_study:
            page.period_text = CaseStudyPage.period_text.fget(page)
            periods = PERIOD_LIST(page)
        else:
            periods = []
        records.append(
            {
                "type": item.kind,
                "type_label": type_labels[item.kind],
                "id": item.pk,
                "translation_key": item.translation_key,
                "title": item.title,
                "url": url(page.url_path),
                "summary": page.summary,
                "case_study": parent.title if parent else "",
                "case_study_url": url(parent.url_path) if parent else "",
                "programme": programme.name if programme else "",
                "programme_slug": programme.slug if programme else "",
                "start_date": _iso(page, "start_date"),
                "end_date": _iso(page, "end_date"),
                "periods": periods,
                "periods_text": "; ".join(
                    f"{period['text']} ({period['source']})"
                    if period["source"]
                    else period["text"]
                    for period in periods
                )
                if len(periods) > 1
                else "",
                "status": status(page.status) if case_study else "",
                "total_budget": getattr(page, "total_budget", None),
                "total_budget_source": getattr(page, "total_budget_source", ""),
                "erdf_contribution": getattr(page, "erdf_contribution", None),
                "erdf_contribution_source": getattr(
                    page, "erdf_contribution_source", ""
                ),
                "budgets": budgets,
                "total_budget_every_source": _every_source(budgets["total_budget"])
                if len(budgets["total_budget"]) > 1
                else "",
                "erdf_every_source": _every_source(budgets["erdf_contribution"])
                if len(budgets["erdf_contribution"]) > 1
                else "",
                "action_kind": "" if case_study else action_kind(page.action_kind),
                "territory": getattr(page, "territory", ""),
                "cost": getattr(page, "cost", ""),
                "themes": library.named(item, "theme"),
                "target_groups": library.named(item, "target_group"),
                "regions": library.named(item, "region"),
                "countries": sorted(item.values["country"]),
                "evidence_level": item.evidence,
                "evidence_label": evidence_labels[item.evidence],
                "participants": participants(figures),
                "partners": partners.get(item.pk, []),
                "key_figures": figures,
            }
        )
    return records


COLUMNS = [
    ("type_label", lambda: _("Type")),
    ("title", lambda: _("Title")),
    ("url", lambda: _("Address")),
    ("case_study", lambda: _("Case study")),
    ("programme", lambda: _("Programme")),
    ("start_date", lambda: _("Start date")),
    ("end_date", lambda: _("End date")),
    ("periods_text", lambda: _("Dates according to each source")),
    ("status", lambda: _("Status")),
    ("total_budget", lambda: _("Total budget (EUR)")),
    ("total_budget_source", lambda: _("Source of the total budget")),
    ("erdf_contribution", lambda: _("ERDF contribution (EUR)")),
    ("erdf_contribution_source", lambda: _("Source of the ERDF contribution")),
    ("total_budget_every_source", lambda: _("Total budget according to each source")),
    ("erdf_every_source", lambda: _("ERDF contribution according to each source")),
    ("action_kind", lambda: _("Kind of action")),
    ("territory", lambda: _("Territory")),
    ("themes", lambda: _("Themes")),
    ("target_groups", lambda: _("Target groups")),
    ("regions", lambda: _("Regions")),
    ("countries", lambda: _("Countries")),
    ("evidence_label", lambda: _("Evidence strength")),
    ("partners", lambda: _("Partners")),
    ("summary", lambda: _("Summary")),
]


def _cell(value, decimal_mark="."):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain_number(value).replace(".", decimal_mark)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(_list_item(entry) for entry in value)
    return str(value)


def _list_item(entry):
    if isinstance(entry, tuple):  # (organisation, role)
        return f"{entry[0].name} ({entry[1]})"
    return getattr(entry, "name", str(entry))


def figure_key(figure):
    return (figure["label"], figure["unit"])


def csv_conventions(language=None):
    """(separator, decimal mark) of the language's spreadsheets: a French spreadsheet
    splits a CSV file into columns at semicolons and reads 41,5 as a number; an
    English one uses commas and 41.5."""
    language = language or translation.get_language() or "en"
    return (";", ",") if language.startswith("fr") else (",", ".")


def csv_table(records):
    """The header and rows in the active language's conventions: fixed columns, then
    four columns per key figure (result, target, year, source), one set per distinct
    label and unit, in first-seen order; a column empty in every row is left out."""
    _separator, decimal_mark = csv_conventions()
    figure_keys = []
    for record in records:
        for figure in record["key_figures"]:
            if figure_key(figure) not in figure_keys:
                figure_keys.append(figure_key(figure))
    header = [str(title()) for _name, title in COLUMNS]
    for label, unit in figure_keys:
        # Whole headers with a placeholder, which each language words its own way.
        name = {"figure": f"{label} ({unit})" if unit else label}
        header += [
            _("Result – %(figure)s") % name,
            _("Target – %(figure)s") % name,
            _("Year – %(figure)s") % name,
            _("Source – %(figure)s") % name,
        ]

    def number(value):
        return plain_number(value).replace(".", decimal_mark)

    rows = []
    for record in records:
        row = [_cell(record[name], decimal_mark) for name, _title in COLUMNS]
        figures = {}
        for figure in record["key_figures"]:
            figures.setdefault(figure_key(figure), figure)
        for key in figure_keys:
            figure = figures.get(key)
            if figure is None:
                row += ["", "", "", ""]
            else:
                row += [
                    number(figure["value"]),
                    number(figure["target"]),
                    str(figure["year"] or ""),
                    figure["source"],
                ]
        rows.append(row)
    if rows:
        kept = [i for i in range(len(header)) if any(row[i] != "" for row in rows)]
        header = [header[i] for i in kept]
        rows = [[row[i] for i in kept] for row in rows]
    return header, rows


def _filename(library, extension):
    language = translation.get_language() or "en"
    stamp = timezone.localdate().isoformat()
    return f"{library.page.slug}-{language}-{stamp}.{extension}"


def csv_response(library, result, request):
    header, rows = csv_table(export_records(library, result, request))
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=csv_conventions()[0])
    writer.writerow([spreadsheet_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{_filename(library, "csv")}"'
    )
    return response


def _term_json(term):
    data = {"slug": term.slug, "name": term.name}
    if term.country:
        data["country"] = term.country
    return data


def json_record(record):
    return {
        "type": record["type"],
        "id": record["id"],
        "translation_key": record["translation_key"],
        "title": record["title"],
        "url": record["url"],
        "summary": record["summary"],
        "case_study": (
            {"title": record["case_study"], "url": record["case_study_url"]}
            if record["case_study"]
            else None
        ),
        "programme": (
            {"slug": record["programme_slug"], "name": record["programme"]}
            if record["programme"]
            else None
        ),
        "start_date": _cell(record["start_date"]) or None,
        "end_date": _cell(record["end_date"]) or None,
        "status": record["status"] or None,
        "total_budget": json_number(record["total_budget"]),
        "total_budget_source": record["total_budget_source"] or None,
        "erdf_contribution": json_number(record["erdf_contribution"]),
        "erdf_contribution_source": record["erdf_contribution_source"] or None,
        # Every amount each source gives: they may disagree.
        "budgets": {
            name: [
                {
                    "amount": json_number(entry["amount"]),
                    "source": entry["source"] or None,
                    "year": entry["year"],
                }
                for entry in entries
            ]
            for name, entries in record["budgets"].items()
        },
        "periods": [
            {"dates": period["text"], "source": period["source"] or None}
            for period in record["periods"]
        ],
        "action_kind": record["action_kind"] or None,
        "territory": record["territory"] or None,
        "themes": [_term_json(term) for term in record["themes"]],
        "target_groups": [_term_json(term) for term in record["target_groups"]],
        "regions": [_term_json(term) for term in record["regions"]],
        "countries": record["countries"],
        "evidence_level": record["evidence_level"],
        "participants": json_number(record["participants"]),
        "partners": [
            {"name": organisation.name, "role": role, "country": organisation.country}
            for organisation, role in record["partners"]
        ],
        "key_figures": [
            {
                **figure,
                "value": json_number(figure["value"]),
                "upper_value": json_number(figure["upper_value"]),
                "target": json_number(figure["target"]),
            }
            for figure in record["key_figures"]
        ],
    }


def json_response(library, result, request):
    records = export_records(library, result, request)
    data = {
        "library": library.page.get_full_url(request),
        "language": translation.get_language(),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "filters": describe_filters(library, result.query),
        "sort": result.query.sort,
        "count": len(records),
        "items": [json_record(record) for record in records],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = f'inline; filename="{_filename(library, "json")}"'
    return response
