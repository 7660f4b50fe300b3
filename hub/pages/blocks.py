"""StreamField blocks shared by every page type."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from .dates import DatePrecision

DATE_PRECISIONS = DatePrecision.choices


class Measure(models.TextChoices):
    """What a key figure counts, chosen by the editor rather than read from its
    label: figures of one measure from different sources are shown side by side."""

    TOTAL_BUDGET = "total_budget", _("Total budget")
    ERDF_CONTRIBUTION = "erdf_contribution", _("ERDF contribution")
    PARTICIPANTS = "participants", _("Participants")
    PEOPLE_TRAINED = "people_trained", _("People trained")
    BACK_TO_WORK = "back_to_work", _("People back into work")
    BUSINESSES_CREATED = "businesses_created", _("Businesses created")
    POSITIVE_OUTCOMES = "positive_outcomes", _("Positive outcomes")


MONEY_MEASURES = {Measure.TOTAL_BUDGET, Measure.ERDF_CONTRIBUTION}


class KeyFigureBlock(blocks.StructBlock):
    """One figure as data: what is counted, how much, against what target, whence."""

    label = blocks.CharBlock(label=_("Label"), max_length=200)
    measure = blocks.ChoiceBlock(
        label=_("Measure"),
        choices=Measure.choices,
        required=False,
        help_text=_(
            "What the figure counts, when it is one of these: budgets and "
            "participants are compared, sorted and exported by it."
        ),
    )
    value = blocks.DecimalBlock(
        label=_("Value"),
        required=False,
        decimal_places=2,
        max_digits=14,
        help_text=_("Leave empty when only the target is known."),
    )
    upper_value = blocks.DecimalBlock(
        label=_("Upper value"),
        required=False,
        decimal_places=2,
        max_digits=14,
        help_text=_("When the source gives a range (10 to 15), its upper end."),
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
    """The key-figure dicts (label, measure, value, upper_value, unit, target, year,
    source) of a
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
                "measure": str(value.get("measure") or ""),
                "value": to_decimal(value.get("value")),
                "upper_value": to_decimal(value.get("upper_value")),
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


class PeriodBlock(blocks.StructBlock):
    """A project's period as one source states it: dates, a length, or both."""

    label = blocks.CharBlock(
        label=_("What the period covers"),
        required=False,
        max_length=100,
        help_text=_("For example: field actions. Leave empty for the whole project."),
    )
    start = blocks.DateBlock(label=_("Start"), required=False)
    start_precision = blocks.ChoiceBlock(
        label=_("Precision of the start"),
        choices=DATE_PRECISIONS,
        default="day",
    )
    end = blocks.DateBlock(label=_("End"), required=False)
    end_precision = blocks.ChoiceBlock(
        label=_("Precision of the end"),
        choices=DATE_PRECISIONS,
        default="day",
    )
    duration_years = blocks.IntegerBlock(
        label=_("Length in years"), required=False, min_value=1, max_value=50
    )
    source = blocks.CharBlock(label=_("Source"), max_length=300)

    class Meta:
        icon = "date"
        label = _("Period")
