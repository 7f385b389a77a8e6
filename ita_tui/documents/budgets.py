"""How a measure's budget reads in the documents that report on the plan (six-month, annual,
O26): what was planned, or that it uses none, and what has been spent, with the totals."""

from collections.abc import Sequence
from decimal import Decimal

from ita_tui.core.model import Measure
from ita_tui.core.money import grouped
from ita_tui.core.words import Words


def says_budget(measure: Measure) -> bool:
    return measure.budget is not None or measure.budget_used is not None


def amount(value: Decimal | None, words: Words) -> str:
    return "-" if value is None else words.num(grouped(value))


def cell(measure: Measure, words: Words) -> str:
    """A measure's budget in a table cell: "-" when the plan says nothing of it."""
    if not says_budget(measure):
        return "-"
    if measure.budget == 0 and not measure.budget_used:
        return words.t("budget.none")
    return "\n".join(
        (
            words.t("budget.planned", amount=amount(measure.budget, words)),
            words.t("budget.used", amount=amount(measure.budget_used, words)),
        )
    )


def totals(measures: Sequence[Measure], words: Words) -> str | None:
    """The budget planned and spent over the measures that state one; None when none does."""
    stated = [m for m in measures if says_budget(m)]
    if not stated:
        return None
    planned = sum((m.budget or Decimal(0) for m in stated), Decimal(0))
    used = sum((m.budget_used or Decimal(0) for m in stated), Decimal(0))
    return words.t(
        "budget.totals",
        planned=amount(planned, words),
        used=amount(used, words),
        count=words.num(len(stated)),
    )
