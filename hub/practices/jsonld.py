"""schema.org descriptions (JSON-LD) of case studies, evaluation reports and guides.

A case study describes a funded project: a schema.org Project (an Organization) with
its partners as members, its grant and the regions it served. An evaluation report is
a Report about that project; a good-practice guide is a HowTo with its steps; an event
is an Event (templates/events/includes/event_json_ld.html calls this module).
"""

import json

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from hub.pages.localization import language_code

CONTEXT = "https://schema.org"
# Characters that could close the script element or start an HTML entity.
SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def script(data):
    """A <script type="application/ld+json"> element holding `data`."""
    text = json.dumps(data, ensure_ascii=False, indent=2).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">\n{text}\n</script>')


def _prune(data):
    """Drop empty values so the description states only what is known."""
    if isinstance(data, dict):
        pruned = {key: _prune(value) for key, value in data.items()}
        return {
            key: value
            for key, value in pruned.items()
            if value not in ("", None, [], {})
        }
    if isinstance(data, list):
        return [value for value in map(_prune, data) if value not in ("", None, [], {})]
    return data


def _number(value):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _text(rich_text):
    source = getattr(rich_text, "source", rich_text) or ""
    return " ".join(strip_tags(str(source)).split())


def organisation(org):
    if org is None:
        return None
    return {
        "@type": "Organization",
        "name": org.name,
        "url": org.website,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": org.city,
            "addressCountry": org.country,
        },
    }


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


def _page_ref(page, kind, request):
    return {"@type": kind, "name": page.title, "url": page.get_full_url(request)}


def case_study(page, request):
    programme = page.localized_programme
    grant = None
    if programme is not None or page.erdf_contribution is not None:
        grant = {
            "@type": "MonetaryGrant",
            "name": programme.name if programme else "",
            "url": programme.website if programme else "",
            "funder": {"@type": "Organization", "name": programme.fund}
            if programme and programme.fund
            else None,
            "amount": {
                "@type": "MonetaryAmount",
                "currency": "EUR",
                "value": _number(page.erdf_contribution),
            }
            if page.erdf_contribution is not None
            else None,
        }
    members = [
        {
            "@type": "OrganizationRole",
            "roleName": partner.get_role_display(),
            "member": organisation(partner.localized_organisation),
        }
        for partner in page.partner_list
    ]
    return _prune(
        {
            "@context": CONTEXT,
            "@type": "Project",
            "name": page.title,
            "description": page.summary,
            "url": page.get_full_url(request),
            "foundingDate": page.start_date.isoformat() if page.start_date else None,
            "dissolutionDate": page.end_date.isoformat()
            if page.end_date and page.status == page.Status.COMPLETED
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
    return _prune(
        {
            "@context": CONTEXT,
            "@type": "Report",
            "name": page.title,
            "headline": page.title,
            "description": page.summary,
            "url": page.get_full_url(request),
            "inLanguage": language_code(page.locale_id),
            "datePublished": page.publication_date.isoformat()
            if page.publication_date
            else None,
            "author": organisation(page.localized_evaluator),
            "about": [
                _page_ref(study, "Project", request)
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
            "text": _text(block.value["description"]),
        }
        for position, block in enumerate(page.steps, start=1)
    ]
    return _prune(
        {
            "@context": CONTEXT,
            "@type": "HowTo",
            "name": page.title,
            "description": page.summary,
            "url": page.get_full_url(request),
            "inLanguage": language_code(page.locale_id),
            "datePublished": page.first_published_at.date().isoformat()
            if page.first_published_at
            else None,
            "dateModified": page.last_published_at.date().isoformat()
            if page.last_published_at
            else None,
            "step": steps,
            "supply": _text(page.resources),
            "about": [
                _page_ref(study, "Project", request)
                for study in page.localized_case_studies
            ],
            "citation": [
                _page_ref(report, "Report", request)
                for report in page.localized_reports
            ],
            "keywords": _keywords(page),
        }
    )


ATTENDANCE_MODES = {
    "online": "OnlineEventAttendanceMode",
    "hybrid": "MixedEventAttendanceMode",
    "in_person": "OfflineEventAttendanceMode",
}


def event(page, request):
    url = page.get_full_url(request)
    place = {
        "@type": "Place",
        "name": page.venue or page.city,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": page.city,
            "addressCountry": page.country,
        },
    }
    online = {"@type": "VirtualLocation", "url": url}
    location = {"online": online, "hybrid": [place, online]}.get(
        page.event_format, place
    )
    related = page.related_case_study
    return _prune(
        {
            "@context": CONTEXT,
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "url": url,
            # In the venue's time zone, with its offset: the time people travel to.
            "startDate": timezone.localtime(page.start, page.tz).isoformat(),
            "endDate": timezone.localtime(page.end, page.tz).isoformat(),
            "eventAttendanceMode": "https://schema.org/"
            + ATTENDANCE_MODES.get(page.event_format, "OfflineEventAttendanceMode"),
            "eventStatus": "https://schema.org/EventScheduled",
            "inLanguage": page.languages.split("-"),
            "location": location,
            "organizer": [organisation(org) for org in page.localized_organisers],
            "about": _page_ref(related, "Project", request) if related else None,
        }
    )


BUILDERS = {
    "casestudypage": case_study,
    "evaluationreportpage": evaluation_report,
    "goodpracticeguidepage": guide,
    "eventpage": event,
}


def json_ld(page, request):
    """The page's JSON-LD script, or an empty string for other page types."""
    builder = BUILDERS.get(type(page)._meta.model_name)
    return script(builder(page, request)) if builder else ""
