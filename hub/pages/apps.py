from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "hub.pages"
    label = "pages"
    verbose_name = _("Site pages and taxonomy")

    def ready(self):
        from . import taxonomies

        taxonomies.connect_signals()
