from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "hub.practices"
    label = "practices"
    verbose_name = _("Practices and evidence")

    def ready(self):
        from . import library_signals

        library_signals.connect()
