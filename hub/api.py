"""Wagtail's read-only API v2 at /api/v2/: pages, images and documents.

Pages give the structured fields of their type (`api_fields` on the practices models;
the fields below for the page types that do not declare theirs), their taxonomy in the
page's language, and accept Wagtail's `?locale=fr` plus taxonomy filters by slug
(`?type=practices.CaseStudyPage&theme=entrepreneurship&region=bretagne`).
"""

from django.urls import path
from rest_framework.filters import BaseFilterBackend
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from hub.practices import serializers as api

TAXONOMY_PARAMETERS = {
    "theme": ("themes", "pages.Theme"),
    "target_group": ("target_groups", "pages.TargetGroup"),
    "region": ("regions", "pages.Region"),
}


def _other_page_fields():
    """API fields of the page types owned by other apps, which declare none."""
    from hub.events.models import EventIndexPage, EventPage
    from hub.pages.models import HomePage, StandardPage
    from hub.practices.models import GuideIndexPage, LibraryIndexPage, ReportIndexPage

    index_fields = [
        APIField("summary"),
        api.field("intro", api.rich_text("intro")),
    ]
    return {
        HomePage: index_fields
        + [api.field("key_figures", api.key_figures("key_figures"))],
        StandardPage: [
            APIField("summary"),
            APIField("body"),
            APIField("version"),
            APIField("last_reviewed"),
        ],
        LibraryIndexPage: index_fields,
        GuideIndexPage: index_fields,
        ReportIndexPage: index_fields,
        EventIndexPage: index_fields,
        EventPage: [
            APIField("summary"),
            APIField("start"),
            APIField("end"),
            APIField("time_zone"),
            api.field("event_format", api.choice("event_format")),
            APIField("venue"),
            APIField("city"),
            APIField("country"),
            api.field("languages", api.choice("languages")),
            APIField("interpretation"),
            api.field("description", api.rich_text("description")),
            APIField("agenda"),
            api.field(
                "organisers",
                lambda page: [
                    api.term(org) for org in page.localize_items(page.organisers.all())
                ],
            ),
            api.field(
                "related_case_study",
                lambda page: (
                    api.page_ref(page.related_case_study)
                    if page.related_case_study
                    else None
                ),
            ),
        ],
    }


class TaxonomyFilter(BaseFilterBackend):
    """`?theme=`, `?target_group=`, `?region=`: slugs (either language), several
    separated by commas; OR within a parameter, AND across parameters."""

    def filter_queryset(self, request, queryset, view):
        from django.apps import apps

        for parameter, (field_name, model_label) in TAXONOMY_PARAMETERS.items():
            if parameter not in request.GET:
                continue
            try:
                queryset.model._meta.get_field(field_name)
            except Exception as error:
                raise BadRequestError(
                    f"{parameter} filters need a page type with {field_name}, "
                    "for example type=practices.CaseStudyPage"
                ) from error
            slugs = [s.strip() for s in request.GET[parameter].split(",") if s.strip()]
            keys = (
                apps.get_model(model_label)
                .objects.filter(slug__in=slugs[:30])
                .values("translation_key")
            )
            queryset = queryset.filter(
                **{f"{field_name}__translation_key__in": keys}
            ).distinct()
        return queryset


class JSONErrorsMixin:
    """API errors stay JSON at their own address. Django's LocaleMiddleware answers a
    404 outside i18n_patterns with a redirect to /en/<path>, which Wagtail's page
    catch-all would serve as an HTML page; it reads `request.urlconf`, so the API
    names a URL conf without language prefixes."""

    def dispatch(self, request, *args, **kwargs):
        request.urlconf = __name__
        return super().dispatch(request, *args, **kwargs)


class HubPagesAPIViewSet(JSONErrorsMixin, PagesAPIViewSet):
    filter_backends = [TaxonomyFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        TAXONOMY_PARAMETERS
    )
    _fields_of_other_types = None

    @classmethod
    def get_body_fields(cls, model):
        if "api_fields" not in {
            name for klass in model.__mro__ for name in vars(klass)
        }:
            if cls._fields_of_other_types is None:
                cls._fields_of_other_types = _other_page_fields()
            extra = cls._fields_of_other_types.get(model, [])
            return cls._convert_api_fields(cls.body_fields + list(extra))
        return super().get_body_fields(model)


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
