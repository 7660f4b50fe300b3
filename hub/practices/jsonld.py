"""schema.org descriptions (JSON-LD) of case studies, evaluation reports and guides.

A case study describes a funded project: a schema.org Project (an Organization) with
its partners as members, its grant and the regions it served. An evaluation report is
a Report about that project; a good-practice guide is a HowTo with its steps. The
pieces shared with other page types (script element, organisations, page references)
are in hub.pages.jsonld; events describe themselves in hub.events.jsonld.
"""

from hub.pages.dates import iso_date
from hub.pages.formatting import json_number
from hub.pages.jsonld import (
    CONTEXT,
    organisation,
    page_image,
    page_ref,
    prune,
    script,
    text,
)
from hub.pages.localization import language_code


def _places(page):
    return [
        {
            "@type": "AdministrativeArea",
            "name": region.name,
            "containedInPlace": {"@type": "Country", "identifier": region.country},
        }
        for region in page.localized_regions
    ]


def _keywords(page):
    terms = list(page.localized_themes) + list(page.localized_target_groups)
    return ", ".join(term.name for term in terms)


def _amounts(page, measure):
    """Every amount the sources give for a budget measure, each naming its source:
    when sources disagree, structured data says so too."""
    amounts = [
        {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": json_number(figure.amount),
            "description": figure.source,
        }
        for line in page.budget_lines
        if line.measure == measure
        for figure in line.figures
    ]
    return amounts[0] if len(amounts) == 1 else amounts or None


def case_study(page, request):
    programme = page.localized_programme
    grant = None
    erdf = _amounts(page, "erdf_contribution")
    if programme is not None or erdf:
        grant = {
            "@type": "MonetaryGrant",
            "name": programme.name if programme else "",
            "url": programme.website if programme else "",
            "funder": {"@type": "Organization", "name": programme.fund}
            if programme and programme.fund
            else None,
            "amount": erdf,
        }
    members = [
        {
            "@type": "OrganizationRole",
            "roleName": partner.get_role_display(),
            "member": organisation(partner.localized_organisation),
        }
        for partner in page.partner_list
    ]
    return prune(
        {
            "@context": CONTEXT,
            "@type": "Project",
            "name": page.title,
            "description": page.summary,
            "url": page.get_full_url(request),
            "image": page_image(page),
            # ISO 8601 reduced to what the sources give ("2017-10", "2014").
            "foundingDate": iso_date(page.start_date, page.start_date_precision),
            # Not stated when the sources give different periods for the project.
            "dissolutionDate": iso_date(page.end_date, page.end_date_precision)
            if page.status == page.Status.COMPLETED and not page.periods_disagree
            else None,
            "sameAs": page.website,
            "funding": grant,
            "member": members,
            "areaServed": _places(page),
            "keywords": _keywords(page),
        }
    )


def evaluation_report(page, request):
    document = page.report_document
    return prune(
        {
            "@context": CONTEXT,
            "@type": "Report",
            "name": page.title,
            "headline": page.title,
            "description": page.summary,
            "url": page.get_full_url(request),
            "inLanguage": language_code(page.locale_id),
            "datePublished": iso_date(
                page.publication_date, page.publication_date_precision
            ),
            "author": organisation(page.localized_evaluator),
            "about": [
                page_ref(study, "Project", request)
                for study in page.localized_case_studies
            ],
            "genre": page.get_evaluation_kind_display(),
            "keywords": _keywords(page),
            "associatedMedia": {
                "@type": "MediaObject",
                "name": document.title,
                "contentUrl": request.build_absolute_uri(document.url),
                "encodingFormat": document.file_extension,
            }
            if document
            else None,
        }
    )


def guide(page, request):
    steps = [
        {
            "@type": "HowToStep",
            "position": position,
            "name": block.value["title"],
            "text": text(block.value["description"]),
        }
        for position, block in enumerate(page.steps, start=1)
    ]
    return prune(
        {
            "@context": CONTEXT,
            "@type": "HowTo",
            "name": page.title,
            "description": page.summary,
            "url": page.get_full_url(request),
            "image": page_image(page),
            "inLanguage": language_code(page.locale_id),
            "datePublished": page.first_published_at.date().isoformat()
            if page.first_published_at
            else None,
            "dateModified": page.last_published_at.date().isoformat()
            if page.last_published_at
            else None,
            "step": steps,
            "supply": text(page.resources),
            "about": [
                page_ref(study, "Project", request)
                for study in page.localized_case_studies
            ],
            "citation": [
                page_ref(report, "Report", request) for report in page.localized_reports
            ],
            "keywords": _keywords(page),
        }
    )


BUILDERS = {
    "casestudypage": case_study,
    "evaluationreportpage": evaluation_report,
    "goodpracticeguidepage": guide,
}


def json_ld(page, request):
    """The page's JSON-LD script, or an empty string for other page types."""
    builder = BUILDERS.get(type(page)._meta.model_name)
    return script(builder(page, request)) if builder else ""
