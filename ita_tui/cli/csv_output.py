"""`--csv`: a list as a spreadsheet file, for offices that live in Excel.

UTF-8 with a byte order mark, so that Excel opens Thai as Thai rather than as the system's code
page; rows end in CRLF, as RFC 4180 and Excel write them. A cell is text from the database, so it
is made safe twice: no control character reaches a terminal (as everywhere, see output.say), and
no cell becomes a formula when the file is opened (OWASP's CSV injection advice: a cell that
starts with = + - @, a tab or a carriage return gets a leading apostrophe, which makes it text)."""

import csv
import io
import sys
from collections.abc import Iterable, Sequence
from datetime import date

from ita_tui.cli.language import option
from ita_tui.core.text import visible

BOM = "\ufeff"
# What a spreadsheet takes as the start of a formula; the full-width forms too, which some
# spreadsheets read as their ASCII twins.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_option():
    return option("--csv", "as_csv", is_flag=True, help="help.csv")


def cell(value: object) -> str | int:
    """One value as a cell: numbers as numbers, dates ISO (a spreadsheet reads them as dates),
    lists joined, text visible and never a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        value = ", ".join(str(part) for part in value)
    text = visible(str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def say_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """The table on standard output as UTF-8 bytes with a BOM, whatever the terminal's encoding
    (a Windows console's code page cannot hold Thai)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    data = (BOM + text.getvalue()).encode("utf-8")
    sys.stdout.flush()
    binary = getattr(sys.stdout, "buffer", None)
    if binary is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        binary.write(data)
        binary.flush()
