"""Turn a chart's data into a CSV or Excel file with a header that records filters, date and sources.

Cells that a spreadsheet would run as a formula are neutralised (OWASP CSV injection advice).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FILENAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_FILENAME_PART = 60


@dataclass(frozen=True)
class ExportHeader:
    """What the first lines of an export say: title, filters, date and where the data comes from."""

    title: str
    filters: str
    exported_on: dt.date
    data_source: str
    labels: Sequence[tuple[str, str]] = ()  # translated names of the four fields above

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) pairs, in order."""
        names = self.labels or (("Chart", ""), ("Filters", ""), ("Exported on", ""), ("Data source", ""))
        values = (self.title, self.filters, self.exported_on.isoformat(), self.data_source)
        return [(name[0], value) for name, value in zip(names, values, strict=True)]


def neutralise(value: object) -> object:
    """Prefix text that a spreadsheet would evaluate as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell and column name neutralised."""
    cleaned = frame.copy()
    cleaned.columns = [neutralise(str(column)) for column in cleaned.columns]
    for column in cleaned.columns:
        if cleaned[column].dtype == object or pd.api.types.is_string_dtype(cleaned[column]):
            cleaned[column] = cleaned[column].map(neutralise)
    return cleaned


def to_csv_bytes(frame: pd.DataFrame, header: ExportHeader) -> bytes:
    """UTF-8 CSV (with BOM, so spreadsheets read accents): header lines, a blank line, the table."""
    buffer = io.StringIO()
    # CRLF line ends (RFC 4180): the csv module then quotes any cell holding a CR or LF, so no
    # embedded line break can start a new row whose first cell a spreadsheet would run.
    writer = csv.writer(buffer, lineterminator="\r\n")
    for label, value in header.lines():
        writer.writerow([neutralise(label), neutralise(value)])
    writer.writerow([])
    safe_frame(frame).to_csv(buffer, index=False, lineterminator="\r\n")
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_excel_bytes(frame: pd.DataFrame, header: ExportHeader, sheet_name: str = "data") -> bytes:
    """An .xlsx workbook: the header block above the table on one sheet."""
    buffer = io.BytesIO()
    lines = header.lines()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame([[neutralise(label), neutralise(value)] for label, value in lines]).to_excel(
            writer, sheet_name=sheet_name, index=False, header=False)
        safe_frame(frame).to_excel(writer, sheet_name=sheet_name, index=False, startrow=len(lines) + 1)
    return buffer.getvalue()


def export_filename(page: str, chart: str, filter_summary: str, on: dt.date, extension: str) -> str:
    """``page_chart_filters_2026-11-21.ext``, with only safe characters."""
    parts = [page, chart, filter_summary or "all", on.isoformat()]
    cleaned = [FILENAME_UNSAFE.sub("-", part).strip("-")[:MAX_FILENAME_PART] or "x" for part in parts]
    return "_".join(cleaned) + "." + extension
