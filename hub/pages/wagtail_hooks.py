"""Taxonomy snippets in the admin: listings with filters, search and exports."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, Programme, Region, TargetGroup, Theme


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    list_export = ["name", "slug", "description"]
    search_fields = ["name"]
    ordering = ["name"]


class ThemeViewSet(TermViewSet):
    model = Theme
    icon = "tag"


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "group"


class RegionViewSet(TermViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "country", "locale"]
    list_filter = ["locale", "country"]
    list_export = ["name", "slug", "country"]


class ProgrammeViewSet(TermViewSet):
    model = Programme
    icon = "folder-open-inverse"
    list_display = ["name", "fund", "period", "locale"]
    list_export = ["name", "slug", "fund", "period", "priority", "website"]


class OrganisationViewSet(TermViewSet):
    model = Organisation
    icon = "home"
    list_display = ["name", "kind", "country", "city", "locale"]
    list_filter = ["locale", "kind", "country"]
    list_export = ["name", "slug", "kind", "country", "city", "website"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 250
    items = (
        ThemeViewSet,
        TargetGroupViewSet,
        RegionViewSet,
        ProgrammeViewSet,
        OrganisationViewSet,
    )


register_snippet(TaxonomyGroup)
