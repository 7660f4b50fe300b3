from .base import HubPage, LocalizedTaxonomyMixin
from .pages import HomePage, StandardPage
from .taxonomy import Organisation, Programme, Region, TargetGroup, Theme

__all__ = [
    "HubPage",
    "LocalizedTaxonomyMixin",
    "HomePage",
    "StandardPage",
    "Organisation",
    "Programme",
    "Region",
    "TargetGroup",
    "Theme",
]
