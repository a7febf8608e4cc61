"""Exports that are safe to open in a spreadsheet (SPEC §6): formulas neutralised."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, TYPE_STRING
from openpyxl.worksheet.worksheet import Worksheet

from analysis.disclosure import round_for_export

# A cell starting with one of these can run as a formula in Excel, LibreOffice or Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet could read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _export_value(value: object, round_counts: bool) -> object:
    """What goes into an exported cell: rounded counts, ISO dates, neutralised text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) and round_counts:
        return round_for_export(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return ""
    return neutralise(value)


def csv_bytes(
    columns: Sequence[str], rows: Iterable[Sequence[object]], *, round_counts: bool = True
) -> bytes:
    """A UTF-8 CSV (with BOM, so Excel reads accents) of the rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(c) for c in columns])
    for row in rows:
        writer.writerow([_export_value(v, round_counts) for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(
    sheets: dict[str, tuple[Sequence[str], Iterable[Sequence[object]]]],
    *,
    round_counts: bool = True,
) -> bytes:
    """An XLSX workbook, one sheet per table; every text cell is written as a string."""
    book = Workbook()
    book.remove(book.active)
    for title, (columns, rows) in sheets.items():
        sheet = book.create_sheet(title=_sheet_title(title))
        _append_row(sheet, [neutralise(str(c)) for c in columns])
        for row in rows:
            _append_row(sheet, [_export_value(v, round_counts) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _append_row(sheet: Worksheet, values: Sequence[object]) -> None:
    """Append one row; text cells are forced to the string type, never a formula."""
    cleaned = [
        # openpyxl refuses control characters XML 1.0 cannot hold: drop them, then
        # neutralise again in case what is left now starts like a formula.
        neutralise(ILLEGAL_CHARACTERS_RE.sub("", v)) if isinstance(v, str) else v
        for v in values
    ]
    sheet.append(cleaned)
    if not cleaned:
        return
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            # openpyxl types "#N/A", "#REF!" and the like as error cells: keep them text.
            cell.data_type = TYPE_STRING


def _sheet_title(title: str) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join("-" if ch in "[]:*?/\\" else ch for ch in title)
    return cleaned[:31] or "Sheet"
