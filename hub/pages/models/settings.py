"""Site settings: the pages that fixed parts of the site link to.

Editors choose them in Settings > Site links, so nothing depends on a page's slug. The
page chosen may be in either language: callers find its translation for the reader.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="link")
class SiteLinks(BaseSiteSetting):
    privacy_notice = models.ForeignKey(
        "pages.StandardPage",
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Linked from the registration form; its version is recorded with each "
            "consent."
        ),
    )
    accessibility_statement = models.ForeignKey(
        "pages.StandardPage",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    select_related = ["privacy_notice", "accessibility_statement"]

    panels = [FieldPanel("privacy_notice"), FieldPanel("accessibility_statement")]

    class Meta:
        verbose_name = _("site links")
