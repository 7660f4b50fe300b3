"""StreamField blocks shared by every page type."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock


class KeyFigureBlock(blocks.StructBlock):
    """One figure as data: what is counted, how much, against what target, whence."""

    label = blocks.CharBlock(label=_("Label"), max_length=200)
    value = blocks.DecimalBlock(
        label=_("Value"),
        required=False,
        decimal_places=2,
        max_digits=14,
        help_text=_("Leave empty when only the target is known."),
    )
    unit = blocks.CharBlock(
        label=_("Unit"),
        required=False,
        max_length=40,
        help_text=_("For example %, EUR, participants."),
    )
    target = blocks.DecimalBlock(
        label=_("Target"), required=False, decimal_places=2, max_digits=14
    )
    year = blocks.IntegerBlock(
        label=_("Year"), required=False, min_value=1950, max_value=2100
    )
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=300)

    def clean(self, value):
        value = super().clean(value)
        if value.get("value") is None and value.get("target") is None:
            raise StructBlockValidationError(
                block_errors={
                    "value": ValidationError(_("Give a value, a target or both."))
                }
            )
        return value

    class Meta:
        icon = "order"
        label = _("Key figure")
        template = "blocks/key_figure.html"


class KeyFiguresBlock(blocks.StreamBlock):
    key_figure = KeyFigureBlock()


def to_decimal(value):
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None


def raw_figures(stream):
    """The key-figure dicts (label, value, unit, target, year, source) of a
    StreamField value, or of its raw JSON list."""
    raw = getattr(stream, "raw_data", stream) or []
    figures = []
    for block in raw:
        if not isinstance(block, dict) or block.get("type") != "key_figure":
            continue
        value = block.get("value") or {}
        figures.append(
            {
                "label": str(value.get("label") or ""),
                "value": to_decimal(value.get("value")),
                "unit": str(value.get("unit") or ""),
                "target": to_decimal(value.get("target")),
                "year": value.get("year") or None,
                "source": str(value.get("source") or ""),
            }
        )
    return figures


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    description = blocks.RichTextBlock(
        label=_("Description"), features=["bold", "italic", "link", "ul", "ol"]
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "blocks/step.html"


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Time"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    speakers = blocks.CharBlock(label=_("Speakers"), required=False, max_length=300)

    class Meta:
        icon = "time"
        label = _("Agenda item")
        template = "blocks/agenda_item.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", template="blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["h3", "bold", "italic", "link", "document-link", "ul", "ol"],
    )
    quote = blocks.BlockQuoteBlock(label=_("Quote"))
    document = DocumentChooserBlock(
        label=_("Document"), template="blocks/document.html"
    )
