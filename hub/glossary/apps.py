from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "hub.glossary"
    verbose_name = _("Glossary")

    def ready(self):
        from . import signals  # noqa: F401 - the cache of terms follows every change
