"""Exports: header records filters, date and source; formula-shaped cells are neutralised."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd

from dashboard.exports import ExportHeader, export_filename, to_csv_bytes, to_excel_bytes

HEADER = ExportHeader("Returns by region", "Region: West and Central Africa", dt.date(2026, 11, 21), "demo data, seed 42")


def test_csv_has_header_block_then_table():
    frame = pd.DataFrame({"region": ["West and Central Africa"], "returns": [190]})
    text = to_csv_bytes(frame, HEADER).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[:5] == ["Chart,Returns by region", "Filters,Region: West and Central Africa",
                         "Exported on,2026-11-21", "Data source,\"demo data, seed 42\"", ""]
    assert pd.read_csv(io.StringIO(text), skiprows=5).to_dict("records") == [
        {"region": "West and Central Africa", "returns": 190}]


def test_formula_injection_is_neutralised_in_csv_and_excel():
    frame = pd.DataFrame({"name": ["=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "-2", "safe"], "n": [1, 2, 3, 4, 5]})
    header = ExportHeader("=cmd|' /C calc'!A0", "-x", dt.date(2026, 1, 1), "@source")
    text = to_csv_bytes(frame, header).decode("utf-8-sig")
    assert "\n=" not in text and ",=" not in text and not text.startswith("=")
    workbook = pd.read_excel(io.BytesIO(to_excel_bytes(frame, header)), header=None)
    cells = [str(cell) for cell in workbook.to_numpy().ravel() if isinstance(cell, str)]
    assert all(not cell.startswith(("=", "+", "@", "-")) for cell in cells)
    assert "'=HYPERLINK(\"http://x\")" in cells


def test_filename_is_safe_and_readable():
    assert export_filename("sustainability", "means", "region=WCA,EHOA & sex", dt.date(2026, 11, 21), "csv") == \
        "sustainability_means_region-WCA-EHOA-sex_2026-11-21.csv"
    assert "/" not in export_filename("../..", "x", "../../etc/passwd", dt.date(2026, 1, 1), "png")
