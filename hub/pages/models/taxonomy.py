"""Shared taxonomy: translatable snippets, one translation_key per term."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .images import alt_text_field, require_alt_text


class Country(models.TextChoices):
    FRANCE = "FR", _("France")
    UNITED_KINGDOM = "GB", _("United Kingdom")


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """A term with a name and an optional description, shared by many pages."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_(
            "Stable identifier used in filter links; the same in both languages."
        ),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Theme(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class TargetGroup(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Region(TaxonomyTerm):
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)

    panels = TaxonomyTerm.panels + [FieldPanel("country")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Programme(TaxonomyTerm):
    fund = models.CharField(
        _("funding fund"), max_length=200, blank=True, help_text=_("For example ERDF.")
    )
    period = models.CharField(
        _("period"), max_length=50, blank=True, help_text=_("For example 2014-2020.")
    )
    priority = models.CharField(
        _("priority or specific objective"), max_length=300, blank=True
    )
    website = models.URLField(_("website"), blank=True)

    panels = TaxonomyTerm.panels + [
        FieldPanel("fund"),
        FieldPanel("period"),
        FieldPanel("priority"),
        FieldPanel("website"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Organisation(TaxonomyTerm):
    class Kind(models.TextChoices):
        SOCIAL_LANDLORD = "social_landlord", _("Social landlord")
        EMPLOYMENT_BODY = "employment_body", _("Employment and inclusion body")
        SSE_NETWORK = "sse_network", _("Social and solidarity economy network")
        UNIVERSITY = "university", _("University or research laboratory")
        CONSULTANCY = "consultancy", _("Consultancy")
        THIRD_PLACE = "third_place", _("Third place")
        PUBLIC_FUNDER = "public_funder", _("Public funder")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = alt_text_field(
        _("alternative text of the logo"),
        _(
            "Usually the organisation's name as the logo writes it; required when "
            "a logo is chosen. Translated with the organisation."
        ),
    )

    panels = TaxonomyTerm.panels + [
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("city"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("logo_alt"),
    ]
    # One logo in every language (translators cannot replace it); its
    # alternative text is translated.
    override_translatable_fields = [SynchronizedField("logo", overridable=False)]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def clean(self):
        super().clean()
        require_alt_text(self, "logo", "logo_alt")
