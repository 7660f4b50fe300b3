"""Key figures read as data: participants, budgets whose sources disagree, chart rows.

What a figure counts is its `measure`, chosen by the editor (hub.pages.blocks.Measure),
never guessed from its label: "Participants (target: 5,300 trained)" counts
participants, and a budget in another currency is not a budget in euros.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from hub.pages.blocks import MONEY_MEASURES, Measure


def is_money(figure):
    return figure.get("measure") in MONEY_MEASURES


def participants_figure(figures):
    """The key figure that counts participants (the first with a value), or None."""
    for figure in figures:
        if (
            figure.get("measure") == Measure.PARTICIPANTS
            and figure["value"] is not None
        ):
            return figure
    return None


def participants(figures):
    """The number of participants among key figures."""
    figure = participants_figure(figures)
    return None if figure is None else figure["value"]


def is_budget_figure(figure):
    """A figure that states the total budget or the ERDF contribution."""
    return is_money(figure) and figure["value"] is not None


@dataclass
class BudgetFigure:
    amount: Decimal
    source: str
    year: int | None = None
    from_key_figures: bool = False


@dataclass
class BudgetLine:
    """One budget measure (total, ERDF) as every source states it."""

    label: str
    figures: list
    measure: str = ""

    @property
    def conflicting(self):
        return len({figure.amount for figure in self.figures}) > 1


def budget_lines(page, figures):
    """The total budget and the ERDF contribution, each with every figure a source
    gives for it: the page's own fields first, then money key figures that name it."""
    total = BudgetLine(_("Total budget"), [], Measure.TOTAL_BUDGET)
    erdf = BudgetLine(_("ERDF contribution"), [], Measure.ERDF_CONTRIBUTION)
    if getattr(page, "total_budget", None) is not None:
        total.figures.append(BudgetFigure(page.total_budget, page.total_budget_source))
    if getattr(page, "erdf_contribution", None) is not None:
        erdf.figures.append(
            BudgetFigure(page.erdf_contribution, page.erdf_contribution_source)
        )
    for figure in figures:
        if is_budget_figure(figure):
            line = erdf if figure["measure"] == Measure.ERDF_CONTRIBUTION else total
            line.figures.append(
                BudgetFigure(figure["value"], figure["source"], figure["year"], True)
            )
    return [line for line in (total, erdf) if line.figures]


def percent_of(value, target):
    """`value` as a whole percentage of `target`, rounded half up (84.9 -> 85)."""
    return int((Decimal(value) * 100 / Decimal(target)).quantize(0, ROUND_HALF_UP))


@dataclass
class ChartRow:
    label: str
    value: Decimal | None
    target: Decimal | None
    unit: str
    year: int | None
    source: str
    percent: int | None  # of the target, uncapped
    bar: int  # width of the result bar in the chart, 0-100 % of the axis
    target_mark: int  # position of the target on the axis, 0-100 %

    @property
    def reached(self):
        return self.percent is not None and self.percent >= 100


def chart_rows(figures):
    """Figures that have a target, scaled for a chart of results against targets.

    Each row is drawn on its own axis whose end is the larger of value and target, so
    figures counted in different units never share a scale."""
    rows = []
    for figure in figures:
        target, value = figure["target"], figure["value"]
        if target is None or target <= 0 or is_money(figure):
            continue
        top = max(target, value or Decimal(0))
        percent = None if value is None else percent_of(value, target)
        rows.append(
            ChartRow(
                label=figure["label"],
                value=value,
                target=target,
                unit=figure["unit"],
                year=figure["year"],
                source=figure["source"],
                percent=percent,
                bar=0 if value is None else int(value * 100 / top),
                target_mark=int(target * 100 / top),
            )
        )
    return rows
