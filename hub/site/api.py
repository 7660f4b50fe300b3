"""Wagtail's read-only API v2 at /api/v2/: pages, images and documents.

Pages give the structured fields their model declares in `api_fields` (built with
hub/pages/api_fields.py), their taxonomy in the page's language, and accept
Wagtail's `?locale=fr` plus taxonomy filters by slug
(`?type=practices.CaseStudyPage&theme=entrepreneurship&region=bretagne`).
"""

import decimal
import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.urls import path
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from hub.pages.taxonomies import PAGE_TAXONOMIES

# `?theme=`, `?target_group=`, `?region=`: the taxonomies pages link to themselves.
TAXONOMY_PARAMETERS = {taxonomy.name: taxonomy for taxonomy in PAGE_TAXONOMIES}


class TaxonomyFilter(BaseFilterBackend):
    """`?theme=`, `?target_group=`, `?region=`: slugs (either language), several
    separated by commas; OR within a parameter, AND across parameters."""

    def filter_queryset(self, request, queryset, view):
        for parameter, taxonomy in TAXONOMY_PARAMETERS.items():
            if parameter not in request.GET:
                continue
            field_name = taxonomy.page_field
            try:
                queryset.model._meta.get_field(field_name)
            except Exception as error:
                raise BadRequestError(
                    f"{parameter} filters need a page type with {field_name}, "
                    "for example type=practices.CaseStudyPage"
                ) from error
            slugs = [s.strip() for s in request.GET[parameter].split(",") if s.strip()]
            keys = taxonomy.model.objects.filter(slug__in=slugs[:30]).values(
                "translation_key"
            )
            queryset = queryset.filter(
                **{f"{field_name}__translation_key__in": keys}
            ).distinct()
        return queryset


# Characters no parameter may hold: PostgreSQL refuses NUL in text, and none of the
# others has a meaning in a name, a slug, a path or a search.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# offset and limit: a count, not a number the database cannot hold.
COUNT = re.compile(r"^[0-9]{1,9}$")
SEARCH_OPERATORS = {"and", "or"}
# What a filter value the database cannot read raises: a date that does not exist, a
# number out of range or not a number at all.
BAD_VALUE_ERRORS = (
    DjangoValidationError,
    DataError,
    ValueError,
    OverflowError,
    decimal.InvalidOperation,
)


class JSONErrorsMixin:
    """API errors stay JSON at their own address, and malformed input is a 400 with a
    message, never a 500.

    Django's LocaleMiddleware answers a 404 outside i18n_patterns with a redirect to
    /en/<path>, which Wagtail's page catch-all would serve as an HTML page; it reads
    `request.urlconf`, so the API names a URL conf without language prefixes."""

    def dispatch(self, request, *args, **kwargs):
        request.urlconf = __name__
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, value in request.GET.lists():
            if any(CONTROL_CHARACTERS.search(v) for v in [name, *value]):
                raise BadRequestError(
                    f"{name[:40]}: control characters are not allowed"
                )
        for name in ("offset", "limit"):
            if name in request.GET and not COUNT.match(request.GET[name]):
                raise BadRequestError(f"{name} must be a whole number below 10^9")
        operator = request.GET.get("search_operator")
        if operator is not None and operator.lower() not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")

    def handle_exception(self, exc):
        if isinstance(exc, BAD_VALUE_ERRORS):
            # Wagtail's filters pass values to the database as given.
            exc = BadRequestError("a filter value is not valid for its field")
        return super().handle_exception(exc)


class HubPagesAPIViewSet(JSONErrorsMixin, PagesAPIViewSet):
    filter_backends = [TaxonomyFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        TAXONOMY_PARAMETERS
    )


class HubImagesAPIViewSet(JSONErrorsMixin, ImagesAPIViewSet):
    pass


class HubDocumentsAPIViewSet(JSONErrorsMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", HubPagesAPIViewSet)
api_router.register_endpoint("images", HubImagesAPIViewSet)
api_router.register_endpoint("documents", HubDocumentsAPIViewSet)

# The URL conf named by JSONErrorsMixin: the API alone, without language prefixes.
urlpatterns = [path("api/v2/", api_router.urls)]
