"""One field action of a case study, with what it achieved and how to repeat it."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from hub.pages import api_fields as api
from hub.pages.blocks import KeyFiguresBlock, StepBlock, raw_figures
from hub.pages.dates import format_range, precision_field
from hub.pages.models import HubPage, LocalizedTaxonomyMixin
from hub.pages.models.images import PageImageMixin, prefetch_logos

from ..figures import chart_rows, participants_figure
from .case_study import SECTION_FEATURES, PartnerRole


class ActionKind(models.TextChoices):
    TRAINING = "training", _("Training")
    AWARENESS = "awareness", _("Awareness session")
    BUSINESS_CREATION = "business_creation", _("Business-creation support")
    JOB_DISCOVERY = "job_discovery", _("Job discovery")
    COACHING = "coaching", _("Coaching")
    COMMUNITY_AMBASSADORS = "community_ambassadors", _("Community ambassadors")
    STUDY = "study", _("Study or research")
    NETWORKING = "networking", _("Networking and exchange")


class ActionPage(PageImageMixin, LocalizedTaxonomyMixin, HubPage):
    search_type = "action"
    search_type_label = _("Field actions")
    search_type_order = 20

    action_kind = models.CharField(
        _("action kind"), max_length=40, choices=ActionKind.choices
    )
    territory = models.CharField(
        _("territory"),
        max_length=300,
        blank=True,
        help_text=_("Neighbourhoods, towns or areas where the action ran."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    start_date_precision = precision_field(_("precision of the start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    end_date_precision = precision_field(_("precision of the end date"))
    description = RichTextField(_("description"), blank=True, features=SECTION_FEATURES)
    outcomes = StreamField(KeyFiguresBlock(), verbose_name=_("outcomes"), blank=True)
    replication_steps = StreamField(
        [("step", StepBlock())], verbose_name=_("how to replicate: steps"), blank=True
    )
    resources = RichTextField(
        _("resources needed"), blank=True, features=["bold", "italic", "link", "ul"]
    )
    cost = models.CharField(
        _("cost"),
        max_length=300,
        blank=True,
        help_text=_("Order of magnitude and what it covers."),
    )
    contact_url = models.URLField(
        _("contact page"),
        blank=True,
        help_text=_(
            "A contact form or an organisation's public page, never a person's address."
        ),
    )

    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        PageImageMixin.image_panel,
        MultiFieldPanel(
            [
                FieldPanel("action_kind"),
                FieldPanel("territory"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel(
                    [
                        FieldPanel("start_date_precision"),
                        FieldPanel("end_date_precision"),
                    ]
                ),
            ],
            heading=_("Action"),
        ),
        InlinePanel("delivering_partners", label=_("Delivering partners")),
        LocalizedTaxonomyMixin.taxonomy_panel,
        FieldPanel("description"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldPanel("replication_steps"),
                FieldPanel("resources"),
                FieldPanel("cost"),
            ],
            heading=_("How to replicate"),
        ),
        FieldPanel("contact_url"),
    ]
    search_fields = HubPage.search_fields + [
        index.SearchField("description"),
        index.SearchField("territory"),
        index.FilterField("action_kind"),
    ]

    api_fields = [
        APIField("summary"),
        api.field("image", api.image("image", "image_alt")),
        api.field("case_study", lambda page: api.page_ref(page.case_study)),
        api.field("action_kind", api.choice("action_kind")),
        APIField("territory"),
        *api.partial_dates("start_date", "end_date"),
        api.field("description", api.rich_text("description")),
        api.field("outcomes", api.key_figures("outcomes")),
        api.field("replication_steps", api.steps("replication_steps")),
        api.field("resources", api.rich_text("resources")),
        APIField("cost"),
        APIField("contact_url"),
        api.field("delivering_partners", api.partners("partner_list")),
        *api.TAXONOMY_API_FIELDS,
    ]

    parent_page_types = ["practices.CaseStudyPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    @cached_property
    def partner_list(self):
        rows = self.with_localized(self.delivering_partners.all(), "organisation")
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
    def chart_rows(self):
        return chart_rows(raw_figures(self.outcomes))

    @cached_property
    def participants_figure(self):
        return participants_figure(raw_figures(self.outcomes))

    @cached_property
    def case_study(self):
        return self.get_parent().specific


class ActionPartner(TranslatableMixin, Orderable):
    page = ParentalKey(
        ActionPage, related_name="delivering_partners", on_delete=models.CASCADE
    )
    organisation = models.ForeignKey(
        "pages.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=PartnerRole.choices,
        default=PartnerRole.DELIVERY,
    )

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("delivering partner")
        verbose_name_plural = _("delivering partners")
