"""Section index pages: each lists its live children in the page's language."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from hub.pages import api_fields as api
from hub.pages.models import HubPage
from hub.pages.visibility import public


class SectionIndexPage(HubPage):
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    children_per_page = 12
    child_ordering = ("-first_published_at",)

    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
    ]

    api_fields = api.INDEX_API_FIELDS
    parent_page_types = ["pages.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def listed_children(self):
        return (
            public(self.get_children().live()).specific().order_by(*self.child_ordering)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.listed_children(), self.children_per_page)
        context["children_page"] = paginator.get_page(request.GET.get("page"))
        return context


class LibraryIndexPage(RoutablePageMixin, SectionIndexPage):
    """The case-study library: its filters live in the URL; `?format=csv` and
    `?format=json` export the filtered list; `compare/?items=...` compares items."""

    subpage_types = ["practices.CaseStudyPage"]
    child_ordering = ("title",)

    class Meta:
        verbose_name = _("case-study library")

    @path("")
    def library_view(self, request):
        from ..views import library_view

        return library_view(self, request)

    @path("compare/")
    def compare_view(self, request):
        from ..views import compare_view

        return compare_view(self, request)

    def get_context(self, request, *args, **kwargs):
        # The listing is built by views.library_view; skip the generic pagination.
        return HubPage.get_context(self, request, *args, **kwargs)


class GuideIndexPage(SectionIndexPage):
    subpage_types = ["practices.GoodPracticeGuidePage"]

    class Meta:
        verbose_name = _("good-practice guide index")


class ReportIndexPage(SectionIndexPage):
    subpage_types = ["practices.EvaluationReportPage"]

    class Meta:
        verbose_name = _("evaluation report index")
