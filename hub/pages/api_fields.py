"""API v2 fields as structured data: taxonomy in the page's language, key figures as
numbers, rich text with its links expanded, related pages as references.

Each field reads the whole page (`source="*"`) and is read-only; models declare them in
their `api_fields`. Nothing here imports models, so models can import it.
"""

from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.rich_text import expand_db_html

from .blocks import raw_figures
from .dates import iso_date
from .formatting import json_number


class PageValue(Field):
    """A read-only value computed from the page by `compute(page)`."""

    def __init__(self, compute, **kwargs):
        self.compute = compute
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        return self.compute(page)


def term(item):
    if item is None:
        return None
    data = {
        "id": item.pk,
        "slug": item.slug,
        "name": item.name,
        "translation_key": str(item.translation_key),
    }
    for extra in ("country", "kind", "city", "website", "fund", "period", "priority"):
        if hasattr(item, extra):
            data[extra] = getattr(item, extra)
    if hasattr(item, "logo_id"):  # an organisation
        data["logo"] = (
            image_data(item.logo, item.logo_alt, SHARED_LOGO_SPEC)
            if item.logo_id
            else None
        )
    return data


def terms(attribute):
    return lambda page: [term(item) for item in getattr(page, attribute)]


def one_term(attribute):
    return lambda page: term(getattr(page, attribute))


def key_figures(field_name):
    def compute(page):
        return [
            {
                **figure,
                "value": json_number(figure["value"]),
                "upper_value": json_number(figure["upper_value"]),
                "target": json_number(figure["target"]),
            }
            for figure in raw_figures(getattr(page, field_name))
        ]

    return compute


def partial_dates(*names):
    """Date fields with a `<name>_precision` beside them: each as ISO 8601 reduced to
    what the source gives ("2014", "2014-03", "2014-03-15"), and its precision."""

    def iso(name):
        return lambda page: iso_date(
            getattr(page, name), getattr(page, f"{name}_precision")
        )

    fields = []
    for name in names:
        fields += [field(name, iso(name)), APIField(f"{name}_precision")]
    return fields


def periods(field_name):
    """A stream of PeriodBlock: each period as a source states it."""
    return lambda page: [
        {
            "label": block.value["label"],
            "start": iso_date(block.value["start"], block.value["start_precision"]),
            "start_precision": block.value["start_precision"],
            "end": iso_date(block.value["end"], block.value["end_precision"]),
            "end_precision": block.value["end_precision"],
            "duration_years": block.value["duration_years"],
            "source": block.value["source"],
        }
        for block in getattr(page, field_name)
    ]


def rich_text(field_name):
    return lambda page: expand_db_html(getattr(page, field_name) or "")


def steps(field_name):
    return lambda page: [
        {
            "title": block.value["title"],
            "description": expand_db_html(block.value["description"].source),
        }
        for block in getattr(page, field_name)
    ]


def page_ref(page):
    return {
        "id": page.pk,
        "type": f"{page._meta.app_label}.{type(page).__name__}",
        "title": page.title,
        "html_url": page.get_full_url(),
    }


def page_refs(attribute):
    return lambda page: [page_ref(item) for item in getattr(page, attribute)]


def document(doc):
    if doc is None:
        return None
    return {"id": doc.pk, "title": doc.title, "url": doc.url}


# The size of an image given to other sites (API, JSON-LD, og:image): wide enough
# for a share card, in a format every reader opens.
SHARED_IMAGE_SPEC = "width-1200|format-jpeg"
# A logo's, in its own format (transparency kept); also its larger size in lists.
SHARED_LOGO_SPEC = "width-240"


def image_data(picture, alt, spec=SHARED_IMAGE_SPEC):
    """An image as the API gives it: a rendition's absolute address and size, and
    the alternative text in the page's language."""
    if picture is None:
        return None
    rendition = picture.get_rendition(spec)
    return {
        "id": picture.pk,
        "url": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }


def image(image_name, alt_name):
    """The API field of a page's image and its alternative text."""
    return lambda page: image_data(getattr(page, image_name), getattr(page, alt_name))


def partners(attribute):
    return lambda page: [
        {
            "organisation": term(partner.localized_organisation),
            "role": partner.role,
            "role_label": str(partner.get_role_display()),
            "contribution": getattr(partner, "contribution", ""),
        }
        for partner in getattr(page, attribute)
    ]


def evidence(page):
    return {
        "level": page.evidence_level,
        "label": str(page.get_evidence_level_display()),
        "criteria": str(page.evidence_criteria),
    }


def choice(field_name):
    def compute(page):
        return {
            "value": getattr(page, field_name),
            "label": str(getattr(page, f"get_{field_name}_display")()),
        }

    return compute


def field(name, compute):
    return APIField(name, serializer=PageValue(compute))


TAXONOMY_API_FIELDS = [
    field("themes", terms("localized_themes")),
    field("target_groups", terms("localized_target_groups")),
    field("regions", terms("localized_regions")),
]


# What every index page (home, library, guides, reports, events) gives in the API.
INDEX_API_FIELDS = [APIField("summary"), field("intro", rich_text("intro"))]
