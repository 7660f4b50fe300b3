"""A page's image and an organisation's logo, each with its alternative text.

The image is chosen once for every language: wagtail-localize keeps a translation's
image the source's (a synchronised field translators cannot override). The
alternative text is words, so it is translated like the rest of the page. It is
required whenever an image is chosen: the hub has no decorative images."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField

from ..api_fields import SHARED_LOGO_SPEC

ALT_MAX_LENGTH = 250


def image_field(verbose_name):
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


def alt_text_field(verbose_name, help_text):
    return models.CharField(
        verbose_name, max_length=ALT_MAX_LENGTH, blank=True, help_text=help_text
    )


def require_alt_text(instance, image_name, alt_name):
    """The ValidationError of a chosen image without alternative text."""
    has_image = getattr(instance, f"{image_name}_id") is not None
    if has_image and not (getattr(instance, alt_name) or "").strip():
        raise ValidationError(
            {
                alt_name: _(
                    "Describe the image for people who cannot see it: the "
                    "alternative text is required when an image is chosen."
                )
            }
        )


class PageImageMixin(models.Model):
    """A page's image (case studies, actions, guides, events): at the top of the
    page, in its og:image and JSON-LD, and in the API."""

    image = image_field(_("image"))
    image_alt = alt_text_field(
        _("alternative text of the image"),
        _(
            "What the image shows, in a sentence, for people who cannot see it; "
            "required when an image is chosen. Translated with the page."
        ),
    )

    image_panel = MultiFieldPanel(
        [FieldPanel("image"), FieldPanel("image_alt")],
        heading=_("Image"),
        help_text=_(
            "The same image in every language; its alternative text is "
            "translated with the page."
        ),
    )

    # The image is the source page's in every translation.
    override_translatable_fields = [SynchronizedField("image", overridable=False)]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        require_alt_text(self, "image", "image_alt")


# The renditions of a logo in lists of partners and organisers (templates/images/
# logo.html): loaded with the logos, so a list of thirty costs what one of three does.
LOGO_SPECS = ("width-120", SHARED_LOGO_SPEC)  # the larger one the API's too


def prefetch_logos(organisations):
    """Give `organisations` their logos and the logos' renditions in two queries
    (none when no organisation has a logo); returns `organisations`."""
    from wagtail.images import get_image_model

    wanted = [org for org in organisations if org is not None and org.logo_id]
    if not wanted:
        return organisations
    images = get_image_model().objects.filter(pk__in={org.logo_id for org in wanted})
    by_id = {image.pk: image for image in images.prefetch_renditions(*LOGO_SPECS)}
    for org in wanted:
        if org.logo_id in by_id:
            type(org)._meta.get_field("logo").set_cached_value(org, by_id[org.logo_id])
    return organisations
