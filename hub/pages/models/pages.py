"""The home page and standard pages (about, privacy notice, accessibility statement)."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .. import api_fields as api
from ..blocks import BodyBlock, KeyFiguresBlock
from .base import HubPage


class HomePage(HubPage):
    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    key_figures = StreamField(
        KeyFiguresBlock(), verbose_name=_("key figures"), blank=True
    )

    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("key_figures"),
        InlinePanel("featured_items", label=_("Featured content"), max_num=6),
    ]
    search_fields = HubPage.search_fields + [index.SearchField("intro")]
    api_fields = [
        *api.INDEX_API_FIELDS,
        api.field("key_figures", api.key_figures("key_figures")),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "practices.LibraryIndexPage",
        "practices.GuideIndexPage",
        "practices.ReportIndexPage",
        "events.EventIndexPage",
        "pages.StandardPage",
        "contact.ContactPage",
    ]

    class Meta:
        verbose_name = _("home page")

    @cached_property
    def featured_pages(self):
        items = self.featured_items.select_related("page").filter(page__live=True)
        pages = [item.page for item in items]
        specific = {
            page.pk: page
            for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()
        }
        return self.localize_items([specific[p.pk] for p in pages if p.pk in specific])


class HomePageFeaturedItem(Orderable):
    home_page = ParentalKey(
        HomePage, related_name="featured_items", on_delete=models.CASCADE
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("page")]


class StandardPage(HubPage):
    """About, privacy notice, accessibility statement and similar pages."""

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    version = models.CharField(
        _("version"),
        max_length=40,
        blank=True,
        help_text=_(
            "For the privacy notice: the version recorded with each consent, "
            "for example 2026-11."
        ),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)

    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("version"), FieldPanel("last_reviewed")], heading=_("Review")
        ),
    ]
    search_fields = HubPage.search_fields + [index.SearchField("body")]
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("version"),
        APIField("last_reviewed"),
    ]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
