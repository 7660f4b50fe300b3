"""An evaluation of one or more case studies, with its findings and evidence level."""

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
from hub.pages.blocks import KeyFiguresBlock
from hub.pages.dates import format_date, precision_field
from hub.pages.models import HubPage, LocalizedTaxonomyMixin, Organisation

from .case_study import SECTION_FEATURES


class EvidenceLevel(models.TextChoices):
    """The hub's evidence scale; its criteria are shown wherever a level is."""

    EMERGENT = "emergent", _("Emergent")
    PROMISING = "promising", _("Promising")
    PROVEN = "proven", _("Proven")
    NOT_ASSESSABLE = "not_assessable", _("Not assessable")


EVIDENCE_CRITERIA = {
    EvidenceLevel.EMERGENT: _(
        "Monitoring data or practitioners' accounts only; no comparison or "
        "independent review."
    ),
    EvidenceLevel.PROMISING: _(
        "A structured evaluation with stated indicators and targets, or an "
        "independent assessment, but no comparison group."
    ),
    EvidenceLevel.PROVEN: _(
        "An independent or academic evaluation with a comparison or repeated "
        "measurement showing results against targets."
    ),
    EvidenceLevel.NOT_ASSESSABLE: _(
        "The sources do not describe the evaluation's method or findings, so the "
        "hub cannot rate the strength of its evidence."
    ),
}

# The levels of the scale, weakest first; "not assessable" is outside it.
GRADED_LEVELS = (EvidenceLevel.EMERGENT, EvidenceLevel.PROMISING, EvidenceLevel.PROVEN)


def evidence_scale(current=None):
    """The scale as shown on pages: each level with its label and criteria, in order
    from weakest to strongest, `current` marked."""
    return [
        {
            "level": level.value,
            "label": level.label,
            "criteria": EVIDENCE_CRITERIA[level],
            "rank": rank,
            "current": level.value == current,
        }
        for rank, level in enumerate(GRADED_LEVELS, start=1)
    ]


class EvaluationKind(models.TextChoices):
    ACADEMIC = "academic", _("Academic evaluation")
    SOCIAL_IMPACT = "social_impact", _("Social-impact assessment")
    CONTINUOUS = "continuous", _("Continuous evaluation")


class ReportLanguage(models.TextChoices):
    NOT_STATED = "", _("Not stated in the sources")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    BOTH = "fr-en", _("French and English")


class EvidenceLevelMixin:
    """For pages with an `evidence_level`: its criteria and the whole scale."""

    @property
    def evidence_criteria(self):
        return EVIDENCE_CRITERIA.get(self.evidence_level, "")

    @property
    def evidence_scale(self):
        return evidence_scale(self.evidence_level)


class EvaluationReportPage(EvidenceLevelMixin, LocalizedTaxonomyMixin, HubPage):
    search_type = "report"
    search_type_label = _("Evaluation reports")
    search_type_order = 30

    evaluated_case_studies = ParentalManyToManyField(
        "practices.CaseStudyPage",
        verbose_name=_("evaluated case studies"),
        blank=True,
        related_name="+",
    )
    evaluator = models.ForeignKey(
        "pages.Organisation",
        verbose_name=_("evaluator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publication_date = models.DateField(_("publication date"), null=True, blank=True)
    publication_date_precision = precision_field(_("precision of the publication date"))
    evaluation_kind = models.CharField(
        _("evaluation kind"), max_length=20, choices=EvaluationKind.choices
    )
    methodology = RichTextField(_("methodology"), blank=True, features=SECTION_FEATURES)
    key_findings = RichTextField(
        _("key findings"), blank=True, features=SECTION_FEATURES
    )
    indicators = StreamField(
        KeyFiguresBlock(), verbose_name=_("indicators"), blank=True
    )
    evidence_level = models.CharField(
        _("evidence strength"),
        max_length=20,
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.EMERGENT,
    )
    report_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("report document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    report_language = models.CharField(
        _("language of the report"),
        max_length=5,
        choices=ReportLanguage.choices,
        blank=True,
        default=ReportLanguage.NOT_STATED,
    )

    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                picker(
                    "evaluated_case_studies",
                    _("The case studies (projects) this report evaluates."),
                ),
                FieldPanel("evaluator"),
                FieldPanel("publication_date"),
                FieldPanel("publication_date_precision"),
                FieldPanel("evaluation_kind"),
                FieldPanel("evidence_level"),
            ],
            heading=_("Evaluation"),
        ),
        LocalizedTaxonomyMixin.taxonomy_panel,
        FieldPanel("methodology"),
        FieldPanel("key_findings"),
        FieldPanel("indicators"),
        MultiFieldPanel(
            [FieldPanel("report_document"), FieldPanel("report_language")],
            heading=_("Report"),
        ),
    ]
    search_fields = HubPage.search_fields + [
        index.SearchField("methodology"),
        index.SearchField("key_findings"),
        index.FilterField("evidence_level"),
        index.FilterField("publication_date"),
    ]

    api_fields = [
        APIField("summary"),
        api.field("evaluated_case_studies", api.page_refs("localized_case_studies")),
        api.field("evaluator", api.one_term("localized_evaluator")),
        *api.partial_dates("publication_date"),
        api.field("evaluation_kind", api.choice("evaluation_kind")),
        api.field("evidence", api.evidence),
        api.field("methodology", api.rich_text("methodology")),
        api.field("key_findings", api.rich_text("key_findings")),
        api.field("indicators", api.key_figures("indicators")),
        api.field("report_document", lambda page: api.document(page.report_document)),
        api.field("report_language", api.choice("report_language")),
        *api.TAXONOMY_API_FIELDS,
    ]

    parent_page_types = ["practices.ReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("evaluation report")
        verbose_name_plural = _("evaluation reports")

    @property
    def publication_date_text(self):
        return format_date(self.publication_date, self.publication_date_precision)

    @cached_property
    def localized_case_studies(self):
        return self.localized_related_pages("evaluated_case_studies")

    @cached_property
    def localized_evaluator(self):
        return self.localize_related(Organisation, self.evaluator_id)
