"""Amounts of baht, as a measure's budget states them: never negative, to the satang.

An amount is kept as a `Decimal`, so that 0.1 + 0.2 baht is 0.3 baht; a whole amount has no
fractional part (50000, not 50000.00), so that it reads in a file as it was written."""

from decimal import Decimal, InvalidOperation

SATANG = Decimal("0.01")
# More than any one measure's budget (the whole national budget is some 3.5 million million):
# a larger figure is a typing slip, and stays within what a TOML float carries exactly.
MOST = Decimal("1e12")


def baht(value: object) -> Decimal:
    """The amount a number (int, float, Decimal, or text of digits) stands for; ValueError when
    it is not one: negative, not a number, too large, or finer than a satang."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, float):
        # The shortest text that reads back as this float is the number a person wrote.
        value = repr(value)
    if not isinstance(value, int | str | Decimal):
        raise ValueError(value)
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ValueError(value) from None
    if not amount.is_finite() or amount < 0 or amount >= MOST:
        raise ValueError(value)
    if amount != amount.quantize(SATANG):
        raise ValueError(value)
    if amount == amount.to_integral_value():
        return Decimal(int(amount))
    return amount.quantize(SATANG)


def as_number(amount: Decimal) -> int | Decimal:
    """An amount as a file writes it: a whole amount as an integer."""
    return int(amount) if amount == amount.to_integral_value() else amount


def grouped(amount: Decimal) -> str:
    """An amount as a document says it: thousands grouped, satang only when there are some
    ("50,000", "1,234.50"); the digits are then put in the setting's system."""
    if amount == amount.to_integral_value():
        return f"{int(amount):,}"
    return f"{amount:,.2f}"
