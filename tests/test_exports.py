"""Exports are safe to open in a spreadsheet: formulas neutralised, XLSX text as strings."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from db.exports import csv_bytes, neutralise, xlsx_bytes

PAYLOADS = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        *[(payload, "'" + payload) for payload in PAYLOADS],
        ("hot food", "hot food"),
        ("a = b", "a = b"),
        (" =1+1", " =1+1"),
        ("'=already", "'=already"),
        ("", ""),
        (-5, -5),
        (3.5, 3.5),
        (None, None),
    ],
)
def test_text_that_could_run_as_a_formula_gets_a_leading_apostrophe(
    value: object, expected: object
) -> None:
    assert neutralise(value) == expected


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())  # Excel reads accents with the BOM
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_neutralises_every_dangerous_cell_and_the_header() -> None:
    rows = _csv_rows(csv_bytes(["=Theme", "Comment"], [["x", p] for p in PAYLOADS]))
    assert rows[0] == ["'=Theme", "Comment"]
    assert [r[1] for r in rows[1:]] == ["'" + p for p in PAYLOADS]


def test_csv_rounds_counts_and_writes_plain_values() -> None:
    rows = _csv_rows(
        csv_bytes(
            ["Date", "Count", "Hidden", "Share", "Assisted", "Note"],
            [[dt.date(2026, 3, 1), 12, "<8", 41.5, True, None]],
        )
    )
    assert rows[1] == ["2026-03-01", "10", "<8", "41.5", "yes", ""]


def test_csv_keeps_exact_counts_when_asked() -> None:
    rows = _csv_rows(csv_bytes(["Count"], [[12]], round_counts=False))
    assert rows[1] == ["12"]


def _book(data: bytes):  # type: ignore[no-untyped-def]
    return load_workbook(io.BytesIO(data))


def test_xlsx_has_no_formula_cells_and_shows_the_payload_literally() -> None:
    data = xlsx_bytes({"Comments": (["=Theme", "Comment"], [["x", p] for p in PAYLOADS])})
    sheet = _book(data)["Comments"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert cells, "the sheet is empty"
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert sheet["A1"].value == "'=Theme"
    assert [sheet.cell(row=i + 2, column=2).value for i in range(len(PAYLOADS))] == [
        # an XML reader turns a bare carriage return into a line feed
        "'" + p.replace("\r", "\n")
        for p in PAYLOADS
    ]
    assert all(c.data_type == "s" for c in cells if isinstance(c.value, str))


def test_xlsx_writes_counts_as_rounded_numbers_and_dates_as_text() -> None:
    data = xlsx_bytes(
        {"Trend": (["Week", "Responses", "Hidden"], [[dt.date(2026, 1, 5), 23, "<8"]])}
    )
    sheet = _book(data)["Trend"]
    assert [c.value for c in sheet[2]] == ["2026-01-05", 25, "<8"]
    assert sheet["B2"].data_type == "n"


def test_xlsx_drops_control_characters_instead_of_failing() -> None:
    data = xlsx_bytes({"Odd": (["Text"], [["bell\x07 and\x00 null"], ["\x07=1+1"]])})
    sheet = _book(data)["Odd"]
    assert sheet["A2"].value == "bell and null"
    assert sheet["A3"].value == "'=1+1"
    assert sheet["A3"].data_type == "s"


def test_xlsx_has_one_sheet_per_table_with_names_excel_accepts() -> None:
    data = xlsx_bytes(
        {
            "Provisions: asked for [most]?": (["A"], [[1]]),
            "x" * 40: (["B"], []),
        }
    )
    assert _book(data).sheetnames == ["Provisions- asked for -most--", "x" * 31]


def test_xlsx_keeps_text_that_looks_like_an_error_code_as_text() -> None:
    data = xlsx_bytes({"Codes": (["Text"], [["#N/A"], ["#REF!"]])})
    sheet = _book(data)["Codes"]
    assert [(c.value, c.data_type) for c in sheet["A"][1:]] == [("#N/A", "s"), ("#REF!", "s")]
