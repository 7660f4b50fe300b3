"""The abstract page every hub page type builds on."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from ..localization import localize_items


class HubPage(Page):
    """A page with a plain summary for listings, search results and meta tags."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("Two or three sentences shown in listings and search results."),
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.FilterField("locale_id"),
    ]

    class Meta:
        abstract = True

    def localize_items(self, items):
        """The given translatable objects, each in this page's language if possible."""
        return localize_items(items, self.locale)

    @cached_property
    def breadcrumb(self):
        # Ancestors below the site root, in one query.
        return list(
            self.get_ancestors()
            .filter(depth__gt=2)
            .live()
            .only("id", "title", "url_path")
        )


class LocalizedTaxonomyMixin(models.Model):
    """Themes, target groups and regions, shown in the page's own language."""

    themes = ParentalManyToManyField(
        "pages.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    target_groups = ParentalManyToManyField(
        "pages.TargetGroup",
        verbose_name=_("target groups"),
        blank=True,
        related_name="+",
    )
    regions = ParentalManyToManyField(
        "pages.Region", verbose_name=_("regions"), blank=True, related_name="+"
    )

    taxonomy_panel = MultiFieldPanel(
        [FieldPanel("themes"), FieldPanel("target_groups"), FieldPanel("regions")],
        heading=_("Taxonomy"),
    )

    class Meta:
        abstract = True

    @cached_property
    def localized_themes(self):
        return self.localize_items(self.themes.all())

    @cached_property
    def localized_target_groups(self):
        return self.localize_items(self.target_groups.all())

    @cached_property
    def localized_regions(self):
        return self.localize_items(self.regions.all())
