"""A funded project, told as evidence: figures, partners, sections, documents."""

from django.db import models
from django.db.models import Subquery, Value
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from hub.pages import api_fields as api
from hub.pages.blocks import KeyFiguresBlock, PeriodBlock, raw_figures
from hub.pages.dates import DatePrecision, format_range, precision_field
from hub.pages.formatting import json_number
from hub.pages.localization import compiled_rows
from hub.pages.models import (
    HubPage,
    LocalizedTaxonomyMixin,
    Programme,
)
from hub.pages.models.images import PageImageMixin, prefetch_logos
from hub.pages.visibility import public

from ..figures import (
    budget_lines,
    chart_rows,
    is_budget_figure,
    participants_figure,
)

SECTION_FEATURES = ["h3", "bold", "italic", "link", "document-link", "ul", "ol"]


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead partner")
    PARTNER = "partner", _("Partner")
    DELIVERY = "delivery", _("Delivery partner")
    EVALUATOR = "evaluator", _("Evaluator")
    CO_FUNDER = "co_funder", _("Co-funder")


class CaseStudyPage(PageImageMixin, LocalizedTaxonomyMixin, HubPage):
    search_type = "case-study"
    search_type_label = _("Case studies")
    search_type_order = 10
    # Actions below it, and reports, guides and events naming it, share its programme.
    search_passes_on = ("programme",)

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        COMPLETED = "completed", _("Completed")
        NOT_STATED = "not_stated", _("Not stated in the sources")

    programme = models.ForeignKey(
        "pages.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    start_date_precision = precision_field(_("precision of the start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_date_precision = precision_field(_("precision of the end date"))
    dates_source = models.CharField(
        _("source of the dates"), max_length=300, blank=True
    )
    other_periods = StreamField(
        [("period", PeriodBlock())],
        verbose_name=_("periods given by other sources"),
        blank=True,
        help_text=_(
            "When sources disagree on the project's dates or length, each other "
            "source's period, shown beside the dates above."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.COMPLETED
    )
    total_budget = models.DecimalField(
        _("total budget (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    total_budget_source = models.CharField(
        _("source of the total budget"), max_length=300, blank=True
    )
    erdf_contribution = models.DecimalField(
        _("ERDF contribution (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    erdf_contribution_source = models.CharField(
        _("source of the ERDF contribution"), max_length=300, blank=True
    )
    key_figures = StreamField(
        KeyFiguresBlock(), verbose_name=_("key figures"), blank=True
    )
    context = RichTextField(_("context"), blank=True, features=SECTION_FEATURES)
    approach = RichTextField(_("approach"), blank=True, features=SECTION_FEATURES)
    results = RichTextField(_("results"), blank=True, features=SECTION_FEATURES)
    lessons = RichTextField(_("lessons"), blank=True, features=SECTION_FEATURES)
    legacy = RichTextField(_("legacy"), blank=True, features=SECTION_FEATURES)
    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("documents"),
        blank=True,
    )
    website = models.URLField(_("website"), blank=True)

    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        PageImageMixin.image_panel,
        MultiFieldPanel(
            [
                FieldPanel("programme"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel(
                    [
                        FieldPanel("start_date_precision"),
                        FieldPanel("end_date_precision"),
                    ]
                ),
                FieldPanel("dates_source"),
                FieldPanel("other_periods"),
                FieldPanel("status"),
                FieldPanel("website"),
            ],
            heading=_("Project"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("total_budget"), FieldPanel("total_budget_source")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("erdf_contribution"),
                        FieldPanel("erdf_contribution_source"),
                    ]
                ),
            ],
            heading=_("Budget"),
        ),
        InlinePanel("partners", label=_("Partners"), heading=_("Partners")),
        LocalizedTaxonomyMixin.taxonomy_panel,
        FieldPanel("key_figures"),
        FieldPanel("context"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        FieldPanel("legacy"),
        FieldPanel("documents"),
    ]
    search_fields = HubPage.search_fields + [
        index.SearchField("context"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.SearchField("legacy"),
        index.FilterField("start_date"),
    ]

    api_fields = [
        APIField("summary"),
        api.field("image", api.image("image", "image_alt")),
        api.field("programme", api.one_term("localized_programme")),
        *api.partial_dates("start_date", "end_date"),
        APIField("dates_source"),
        api.field("other_periods", api.periods("other_periods")),
        api.field("status", api.choice("status")),
        api.field("total_budget", lambda page: json_number(page.total_budget)),
        APIField("total_budget_source"),
        api.field(
            "erdf_contribution", lambda page: json_number(page.erdf_contribution)
        ),
        APIField("erdf_contribution_source"),
        api.field("key_figures", api.key_figures("key_figures")),
        api.field("partners", api.partners("partner_list")),
        *api.TAXONOMY_API_FIELDS,
        api.field("context", api.rich_text("context")),
        api.field("approach", api.rich_text("approach")),
        api.field("results", api.rich_text("results")),
        api.field("lessons", api.rich_text("lessons")),
        api.field("legacy", api.rich_text("legacy")),
        api.field(
            "documents",
            lambda page: [api.document(b.value) for b in page.documents if b.value],
        ),
        APIField("website"),
        api.field("actions", api.page_refs("actions")),
        api.field("evaluation_reports", api.page_refs("evaluation_reports")),
        api.field("guides", api.page_refs("guides")),
    ]

    parent_page_types = ["practices.LibraryIndexPage"]
    subpage_types = ["practices.ActionPage"]

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    @cached_property
    def partner_list(self):
        rows = self.with_localized(self.partners.all(), "organisation")
        prefetch_logos([row.localized_organisation for row in rows])
        return rows

    @property
    def period_text(self):
        return format_range(
            self.start_date,
            self.start_date_precision,
            self.end_date,
            self.end_date_precision,
        )

    @cached_property
    def period_list(self):
        """The project's period as each source states it: the page's own dates
        first, then every other source's period (text, source)."""
        periods = []
        if self.period_text:
            periods.append({"text": self.period_text, "source": self.dates_source})
        for block in self.other_periods:
            periods.append(
                {
                    "text": period_block_text(block.value),
                    "source": block.value["source"],
                }
            )
        return periods

    @property
    def periods_disagree(self):
        return len(self.period_list) > 1

    @cached_property
    def figure_list(self):
        return raw_figures(self.key_figures)

    @cached_property
    def budget_lines(self):
        """Total budget and ERDF contribution as each source states them."""
        return budget_lines(self, self.figure_list)

    @cached_property
    def chart_rows(self):
        return chart_rows(self.figure_list)

    @cached_property
    def participants_figure(self):
        return participants_figure(self.figure_list)

    @cached_property
    def figure_blocks(self):
        """Key-figure blocks, without the budget figures shown with the budget."""
        return [
            block
            for block, figure in zip(self.key_figures, self.figure_list, strict=False)
            if not is_budget_figure(figure)
        ]

    @cached_property
    def localized_programme(self):
        return self.localize_related(Programme, self.programme_id)

    # The related pages below, each in a statement compiled once per connection
    # (hub.pages.localization.compiled_rows), the visibility rule a condition of it.

    @cached_property
    def actions(self):
        from .action import ActionPage

        return compiled_rows(
            ActionPage,
            ("children of",),
            # The depth as a value: a lookup on the (positive) field would take the
            # negative mark of the compiled statement for no match at all.
            lambda path, depth: public(
                ActionPage.objects.filter(path__startswith=path, depth=Value(depth))
            ).order_by("path"),
            strings=("path",),
            path=self.path,
            depth=self.depth + 1,
        )

    @cached_property
    def evaluation_reports(self):
        from .report import EvaluationReportPage

        return self._pages_citing(EvaluationReportPage, "evaluated_case_studies")

    @cached_property
    def guides(self):
        from .guide import GoodPracticeGuidePage

        return self._pages_citing(GoodPracticeGuidePage, "related_case_studies")

    def _pages_citing(self, model, relation):
        """The public `model` pages in this page's language whose `relation` holds
        this case study in any language, by a statement compiled once per connection."""
        return compiled_rows(
            model,
            (relation,),
            lambda locale, page: (
                public(model.objects.live())
                .filter(
                    locale_id=locale,
                    **{f"{relation}__translation_key": _translation_key(page)},
                )
                .distinct()
            ),
            locale=self.locale_id,
            page=self.pk,
        )


def _translation_key(page_id):
    """The translation key of page `page_id`, as a subquery."""
    return Subquery(Page.objects.filter(pk=page_id).values("translation_key")[:1])


def period_block_text(value):
    """A PeriodBlock's value as text: its label, its dates or its length."""
    parts = []
    dates = format_range(
        value.get("start"),
        value.get("start_precision") or DatePrecision.DAY,
        value.get("end"),
        value.get("end_precision") or DatePrecision.DAY,
    )
    if dates:
        parts.append(dates)
    years = value.get("duration_years")
    if years:
        parts.append(
            ngettext("%(count)s year", "%(count)s years", years) % {"count": years}
        )
    text = ", ".join(parts)
    label = value.get("label")
    if label and text:
        return pgettext("a period's label and its dates", "%(label)s: %(dates)s") % {
            "label": label,
            "dates": text,
        }
    return label or text


class CaseStudyPartner(TranslatableMixin, Orderable):
    page = ParentalKey(CaseStudyPage, related_name="partners", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "pages.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)
    contribution = models.CharField(
        _("contribution"),
        max_length=300,
        blank=True,
        help_text=_("What this partner brought to the project, in a few words."),
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("role"),
        FieldPanel("contribution"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
