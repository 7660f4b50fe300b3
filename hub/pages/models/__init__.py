from .base import HubPage, LocalizedTaxonomyMixin
from .pages import HomePage, StandardPage
from .settings import SiteLinks
from .taxonomy import Organisation, Programme, Region, TargetGroup, Theme

__all__ = [
    "HubPage",
    "LocalizedTaxonomyMixin",
    "HomePage",
    "StandardPage",
    "SiteLinks",
    "Organisation",
    "Programme",
    "Region",
    "TargetGroup",
    "Theme",
]
