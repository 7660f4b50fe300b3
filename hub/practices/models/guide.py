"""A good-practice guide: the problem, the approach as steps, the evidence."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from hub.pages import api_fields as api
from hub.pages.admin_forms import picker
from hub.pages.blocks import KeyFiguresBlock, StepBlock
from hub.pages.models import HubPage, LocalizedTaxonomyMixin
from hub.pages.models.images import PageImageMixin

from .case_study import SECTION_FEATURES
from .report import EvidenceLevel, EvidenceLevelMixin


class GoodPracticeGuidePage(
    PageImageMixin, EvidenceLevelMixin, LocalizedTaxonomyMixin, HubPage
):
    search_type = "guide"
    search_type_label = _("Good-practice guides")
    search_type_order = 40

    problem = RichTextField(
        _("the problem it addresses"), blank=True, features=SECTION_FEATURES
    )
    steps = StreamField(
        [("step", StepBlock())], verbose_name=_("approach, step by step"), blank=True
    )
    resources = RichTextField(
        _("resources needed"), blank=True, features=SECTION_FEATURES
    )
    evidence = RichTextField(
        _("evidence of success"), blank=True, features=SECTION_FEATURES
    )
    evidence_figures = StreamField(
        KeyFiguresBlock(), verbose_name=_("evidence figures"), blank=True
    )
    evidence_reports = ParentalManyToManyField(
        "practices.EvaluationReportPage",
        verbose_name=_("evaluation reports"),
        blank=True,
        related_name="+",
    )
    evidence_level = models.CharField(
        _("evidence strength"),
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.EMERGENT,
    )
    challenges = RichTextField(_("challenges"), blank=True, features=SECTION_FEATURES)
    transferability = RichTextField(
        _("transferability"), blank=True, features=SECTION_FEATURES
    )
    related_actions = ParentalManyToManyField(
        "practices.ActionPage",
        verbose_name=_("related actions"),
        blank=True,
        related_name="+",
    )
    related_case_studies = ParentalManyToManyField(
        "practices.CaseStudyPage",
        verbose_name=_("related case studies"),
        blank=True,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("downloadable document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        PageImageMixin.image_panel,
        FieldPanel("problem"),
        FieldPanel("steps"),
        FieldPanel("resources"),
        MultiFieldPanel(
            [
                FieldPanel("evidence_level"),
                FieldPanel("evidence"),
                FieldPanel("evidence_figures"),
                picker(
                    "evidence_reports",
                    _("The evaluation reports that support this practice."),
                ),
            ],
            heading=_("Evidence"),
        ),
        FieldPanel("challenges"),
        FieldPanel("transferability"),
        LocalizedTaxonomyMixin.taxonomy_panel,
        MultiFieldPanel(
            [
                picker("related_actions", _("Actions that apply this practice.")),
                picker(
                    "related_case_studies",
                    _("Case studies (projects) this practice comes from."),
                ),
            ],
            heading=_("Related content"),
        ),
        FieldPanel("document"),
    ]
    search_fields = HubPage.search_fields + [
        index.SearchField("problem"),
        index.SearchField("steps"),
        index.SearchField("evidence"),
        index.SearchField("challenges"),
        index.SearchField("transferability"),
        index.FilterField("evidence_level"),
    ]

    api_fields = [
        APIField("summary"),
        api.field("image", api.image("image", "image_alt")),
        api.field("problem", api.rich_text("problem")),
        api.field("steps", api.steps("steps")),
        api.field("resources", api.rich_text("resources")),
        api.field("evidence", api.evidence),
        api.field("evidence_of_success", api.rich_text("evidence")),
        api.field("evidence_figures", api.key_figures("evidence_figures")),
        api.field("evidence_reports", api.page_refs("localized_reports")),
        api.field("challenges", api.rich_text("challenges")),
        api.field("transferability", api.rich_text("transferability")),
        *api.TAXONOMY_API_FIELDS,
        api.field("related_actions", api.page_refs("localized_actions")),
        api.field("related_case_studies", api.page_refs("localized_case_studies")),
        api.field("document", lambda page: api.document(page.document)),
    ]

    parent_page_types = ["practices.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("good-practice guide")
        verbose_name_plural = _("good-practice guides")

    @cached_property
    def localized_reports(self):
        return self.localized_related_pages("evidence_reports")

    @cached_property
    def localized_actions(self):
        return self.localized_related_pages("related_actions")

    @cached_property
    def localized_case_studies(self):
        return self.localized_related_pages("related_case_studies")
