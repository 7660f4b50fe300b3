"""The contact page (one per language) and the contact details editors enter.

The details are a site setting (Settings > Contact): the organisation's name, its postal
address and a public e-mail address are shown on the contact page only once an editor
has entered them (the sources give none, so nothing is invented), and the addresses the
form writes to are never shown.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

from hub.pages.models import HubPage

# The groups whose members receive the form's messages when no address is set.
EDITOR_GROUPS = ("Editors", "Moderators")


def split_addresses(text):
    parts = text.replace(";", ",").replace("\n", ",").split(",")
    return [part.strip() for part in parts if part.strip()]


def validate_addresses(text):
    for address in split_addresses(text):
        try:
            validate_email(address)
        except ValidationError as error:
            raise ValidationError(
                _("“%(address)s” is not an e-mail address."),
                params={"address": address},
            ) from error


class ContactPage(HubPage):
    """How to reach the editorial team: the contact details and a form."""

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    sent_message = models.TextField(
        _("message after sending"),
        blank=True,
        help_text=_(
            "Shown once a message is sent. Empty: a standard message saying the "
            "editorial team has received it."
        ),
    )

    content_panels = HubPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("sent_message"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")

    def serve(self, request, *args, **kwargs):
        from .views import contact_page

        return contact_page(self, request)


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    contact_page = models.ForeignKey(
        ContactPage,
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Linked from every page's footer, the privacy notice, the accessibility "
            "statement and every e-mail, in the reader's language."
        ),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("The organisation that runs the hub, as it should be addressed."),
    )
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("Shown on the contact page. Leave empty until it is confirmed."),
    )
    public_email = models.EmailField(
        _("public e-mail address"),
        blank=True,
        help_text=_("Shown on the contact page; leave empty to offer the form only."),
    )
    recipients = models.TextField(
        _("form recipients"),
        blank=True,
        validators=[validate_addresses],
        help_text=_(
            "Addresses the contact form writes to, separated by commas; never shown. "
            "Empty: the members of the Editors and Moderators groups."
        ),
    )

    select_related = ["contact_page"]

    panels = [
        FieldPanel("contact_page"),
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("postal_address"),
                FieldPanel("public_email"),
            ],
            heading=_("Contact details"),
        ),
        FieldPanel("recipients"),
    ]

    class Meta:
        verbose_name = _("contact")

    def recipient_list(self):
        """Who receives the form's messages: the addresses set, else the editors."""
        addresses = split_addresses(self.recipients)
        if addresses:
            return addresses
        users = (
            get_user_model()
            .objects.filter(is_active=True, groups__name__in=EDITOR_GROUPS)
            .exclude(email="")
        )
        found = sorted(set(users.values_list("email", flat=True)))
        return found or [address for _name, address in settings.ADMINS]
