from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The top layer: composes the site from the page, practice, event and search
    apps (home page listings, feeds, sitemap, API, translation dashboard)."""

    name = "hub.site"
    label = "site"
    verbose_name = _("Site")

    def ready(self):
        from django.db.models.signals import post_migrate

        # The deployment's system checks (hub.E001: a shared cache for several workers).
        from hub import checks  # noqa: F401

        from . import cache_invalidation, home
        from .public_url import apply_to_default_site

        post_migrate.connect(apply_to_default_site, sender=self)
        cache_invalidation.connect()
        home.connect()  # the home page's entry points, cached per language
