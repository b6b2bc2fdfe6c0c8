"""Turn a chart's data into a CSV or Excel file that says what it holds: chart, filters, date and
kind of data.

A CSV is one header row and the table, so ``pandas.read_csv(path)``, R's ``read.csv`` and a
spreadsheet read it with no options; its provenance travels in columns of its own at the right
(``PROVENANCE_COLUMNS``: the same value in every row), as the open data API's CSV does with
``kind_of_data``. An Excel workbook holds the table on its first sheet and the provenance on an
"About" sheet. Counts are written as whole numbers, never "12.0". Cells that a spreadsheet would
run as a formula are neutralised (OWASP CSV injection advice).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.common.data_kinds import KIND_CODE_COLUMN, KIND_COLUMN

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FILENAME_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_FILENAME_PART = 60
# Column names of the provenance a CSV carries, the same in every language (scripts drop them
# by name); ``kind_of_data`` is also the open data API's column.
PROVENANCE_COLUMNS = ("chart", "kind_of_data", "filters", "exported_on")
ABOUT_SHEET = "About"


@dataclass(frozen=True)
class ExportHeader:
    """What an export says about its data: title, filters, date and kind of data (with its source)."""

    title: str
    filters: str
    exported_on: dt.date
    data_source: str
    labels: Sequence[tuple[str, str]] = ()  # translated names of the four fields above

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) pairs, in order: the About sheet's rows."""
        names = self.labels or (
            ("Chart", ""),
            ("Filters", ""),
            ("Exported on", ""),
            ("Data source", ""),
        )
        values = (self.title, self.filters, self.exported_on.isoformat(), self.data_source)
        return [(name[0], value) for name, value in zip(names, values, strict=True)]

    def columns(self) -> dict[str, str]:
        """The provenance columns of a CSV, by name (``PROVENANCE_COLUMNS``)."""
        values = (self.title, self.data_source, self.filters, self.exported_on.isoformat())
        return dict(zip(PROVENANCE_COLUMNS, values, strict=True))


def neutralise(value: object) -> object:
    """Prefix text that a spreadsheet would evaluate as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _whole(value: float) -> bool:
    return math.isfinite(value) and value.is_integer() and abs(value) < 2**53


def whole_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy in which every column whose decimal numbers are all whole (counts, once a missing
    value made them decimal) holds integers, so that files write 12, not 12.0; missing values
    stay empty, and text in a column of numbers and notes ("not reported") stays as it is."""
    cleaned = frame.copy()
    for column in cleaned.columns:
        values = cleaned[column]
        if pd.api.types.is_float_dtype(values):
            finite = values.dropna().astype(float)
            if len(finite) and all(_whole(value) for value in finite):
                cleaned[column] = values.astype("Float64").round().astype("Int64")
        elif values.dtype == object:
            decimals = [
                value for value in values if isinstance(value, float) and not math.isnan(value)
            ]
            if decimals and all(_whole(value) for value in decimals):
                cleaned[column] = values.map(
                    lambda value: (
                        int(value) if isinstance(value, float) and _whole(value) else value
                    )
                )
    return cleaned


def dates_without_time(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy in which every date-time column whose times are all midnight holds dates written
    YYYY-MM-DD (a JSON answer would otherwise carry "T00:00:00.000")."""
    cleaned = frame.copy()
    for column in cleaned.columns:
        values = cleaned[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            present = values.dropna()
            if (present == present.dt.normalize()).all():
                cleaned[column] = pd.Series(
                    [None if pd.isna(value) else value.date().isoformat() for value in values],
                    index=cleaned.index,
                    dtype=object,
                )
    return cleaned


def typed_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The table as every file and answer writes it: counts as integers (nullable Int64, never
    12.0) and dates as YYYY-MM-DD."""
    return dates_without_time(whole_numbers(frame))


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with counts as whole numbers and every text cell and column name neutralised."""
    cleaned = typed_frame(frame)
    cleaned.columns = [neutralise(str(column)) for column in cleaned.columns]
    for column in cleaned.columns:
        if cleaned[column].dtype == object or pd.api.types.is_string_dtype(cleaned[column]):
            # Cell by cell into an object column: ``Series.map`` would infer a dtype again and
            # write the whole numbers of a column that also holds decimals as 12.0.
            cleaned[column] = pd.Series(
                [neutralise(value) for value in cleaned[column]], index=cleaned.index, dtype=object
            )
    return cleaned


def with_provenance(frame: pd.DataFrame, header: ExportHeader) -> pd.DataFrame:
    """``frame`` with the provenance columns at the right, in every row; an empty table keeps one
    row holding only them, so the file still says what it is."""
    columns = header.columns()
    if frame.empty:
        return pd.DataFrame([{**{column: None for column in frame.columns}, **columns}])
    return frame.assign(**columns)


def with_kind(frame: pd.DataFrame, label: str, code: str) -> pd.DataFrame:
    """``frame`` with its kind of data at the right, in every row (``kind_of_data``: in words,
    ``kind_of_data_code``); an empty table keeps one row holding only them, so the file still says
    what it is and ``pandas.read_csv`` reads it with no options."""
    kinds = {KIND_COLUMN: label, KIND_CODE_COLUMN: code}
    if frame.empty:
        return pd.DataFrame([{**{column: None for column in frame.columns}, **kinds}])
    return frame.assign(**kinds)


def to_csv_bytes(frame: pd.DataFrame, header: ExportHeader) -> bytes:
    """UTF-8 CSV without a byte order mark: one header row, then the table with its provenance
    columns. pandas, R's ``read.csv`` and Python's csv module read it with no options (a mark
    would become part of the first column's name in R: ``X.U.FEFF.Country``); the Excel
    download is the file for a spreadsheet (accents included)."""
    buffer = io.StringIO()
    # CRLF line ends (RFC 4180): a cell holding a CR or LF is then quoted, so no embedded line
    # break can start a new row whose first cell a spreadsheet would run.
    safe_frame(with_provenance(frame, header)).to_csv(buffer, index=False, lineterminator="\r\n")
    return buffer.getvalue().encode("utf-8")


def to_excel_bytes(
    frame: pd.DataFrame,
    header: ExportHeader,
    sheet_name: str = "data",
    about_sheet: str = ABOUT_SHEET,
) -> bytes:
    """An .xlsx workbook: the table from A1 of the first sheet, the provenance on the About sheet."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe_frame(frame).to_excel(writer, sheet_name=sheet_name, index=False)
        pd.DataFrame(
            [[neutralise(label), neutralise(value)] for label, value in header.lines()]
        ).to_excel(writer, sheet_name=about_sheet, index=False, header=False)
    return buffer.getvalue()


def ascii_name(text: str) -> str:
    """``text`` in ASCII letters, for a file name: "Côte d'Ivoire" is "Cote d'Ivoire"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def export_stem(page: str, chart: str, filter_summary: str, on: dt.date | None) -> str:
    """``page_chart_filters_2026-11-21`` (no date part when ``on`` is None), with only safe characters."""
    parts = [page, chart, filter_summary or "all", *([on.isoformat()] if on is not None else [])]
    cleaned = [
        FILENAME_UNSAFE.sub("-", part).strip("-")[:MAX_FILENAME_PART] or "x" for part in parts
    ]
    return "_".join(cleaned)


def export_filename(page: str, chart: str, filter_summary: str, on: dt.date, extension: str) -> str:
    """``page_chart_filters_2026-11-21.ext``, with only safe characters."""
    return export_stem(page, chart, filter_summary, on) + "." + extension
