from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The editorial team's rules in the admin: what unpublishing, deleting and
    moving a source page do to its translations, the translation review, the roles
    (groups) and the editors' pickers and usage counts."""

    name = "hub.editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from wagtail.signals import page_published

        from .references import index_many_to_many_fields, reindex_published_page

        index_many_to_many_fields()
        page_published.connect(reindex_published_page, dispatch_uid="hub_m2m_refs")

        from .workflows import source_published

        # Any publish (editor, workflow approval, scheduled): the translators of a
        # source hear that it changed.
        page_published.connect(source_published, dispatch_uid="hub_source_published")

        from django.db.models.signals import post_save

        from hub.events.models import EventIndexPage

        from .roles import event_index_saved

        post_save.connect(
            event_index_saved, sender=EventIndexPage, dispatch_uid="hub_event_index"
        )

        from hub.pages.models import HomePage

        from .roles import home_saved

        post_save.connect(home_saved, sender=HomePage, dispatch_uid="hub_home_page")
