"""Read an import file (CSV, Excel or Parquet) into a frame of text cells, or say exactly why not.

What spreadsheet programs really write is accepted and said in a note: CSV in Windows-1252
(French or Western European Excel), semicolon-separated with decimal commas, a title above the
header row, a workbook whose data is on one visible sheet among others. Everything else is refused
with the file (and the sheet, row or column) named. Nothing here touches the store.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

import numpy as np
import pandas as pd

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_SPREADSHEET_EXPANDED_BYTES = 200 * 1024 * 1024
MAX_SPREADSHEET_RATIO = 100
SUPPORTED_SUFFIXES = (".csv", ".xlsx", ".parquet")
HEADER_SEARCH_ROWS = 30
DELIMITERS = (",", ";", "\t")
NUMERIC_COLUMNS = (
    "value",
    "months_since_return",
    "economic_score",
    "social_score",
    "psychosocial_score",
    "composite_score",
)
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an import file; ``row`` is the line a spreadsheet user would see."""

    file: str
    message: str
    row: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


class FileRefused(Exception):
    """The file cannot be read as a table; ``problems`` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass
class SourceTable:
    """The file's cells as stripped text; the index holds each row's number in the file (header = row 1
    unless the header was found lower down)."""

    frame: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def read_table(path: Path, known_columns: frozenset[str]) -> SourceTable:
    """Read ``path``; ``known_columns`` are the column names that identify the header row.

    Raises:
        FileRefused: unreadable, wrongly encoded, too large, a spreadsheet that inflates out of
            proportion, data on a hidden sheet or on several sheets, clashing column names.
    """
    name = path.name
    if not path.is_file():
        raise FileRefused([Problem(name, "file not found")])
    if path.stat().st_size > MAX_FILE_BYTES:
        raise FileRefused([Problem(name, f"file is larger than {MAX_FILE_BYTES // 2**20} MiB")])
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise FileRefused(
            [Problem(name, f"unsupported file type '{suffix}': use .csv, .xlsx or .parquet")]
        )
    notes: list[str] = []
    try:
        if suffix == ".csv":
            grid, header_at = _read_csv(path, known_columns, notes)
        elif suffix == ".xlsx":
            grid, header_at = _read_xlsx(path, known_columns, notes)
        else:
            grid, header_at = _read_parquet(path), None
    except FileRefused:
        raise
    except Exception as error:  # noqa: BLE001 - any reader failure is the file's problem
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise FileRefused(
            [Problem(name, f"cannot be read as {suffix[1:]}: {first[:200]}")]
        ) from None
    return SourceTable(_tidy(name, grid, header_at, notes), notes)


def _tidy(name: str, grid: pd.DataFrame, header_at: int | None, notes: list[str]) -> pd.DataFrame:
    """Name the columns from the header row, strip cells, drop blank rows, refuse clashing names."""
    if header_at is None:  # Parquet: the columns are named already, rows are numbered from 2
        raw_names = [str(column) for column in grid.columns]
        body = grid.reset_index(drop=True)
        body.index = np.arange(2, len(body) + 2)
    else:
        raw_names = ["" if value is None else str(value) for value in grid.iloc[header_at]]
        body = grid.iloc[header_at + 1 :]
        body.index = (
            np.asarray(grid.index[header_at + 1 :]) + 1
        )  # grid index is 0-based line number
        if int(grid.index[header_at]) > 0:
            notes.append(
                f"the header was found on row {int(grid.index[header_at]) + 1}; the rows above it "
                "were not imported"
            )
    stripped = [raw.strip() for raw in raw_names]
    problems = []
    seen: dict[str, int] = {}
    for position, (raw, clean) in enumerate(zip(raw_names, stripped, strict=True)):
        if clean and clean in seen:
            first = seen[clean]
            problems.append(
                Problem(
                    name,
                    f"columns {_letter(first)} ('{raw_names[first]}') and "
                    f"{_letter(position)} ('{raw}') have the same name once spaces are "
                    "trimmed; rename or remove one",
                    None,
                    clean,
                )
            )
        seen.setdefault(clean, position)
    if problems:
        raise FileRefused(problems)
    body = body.copy()
    body.columns = stripped
    keep = [
        column
        for position, column in enumerate(stripped)
        if column or (body.iloc[:, position] != "").any()
    ]
    body = body.loc[:, [column in keep for column in stripped]]
    body = body.apply(lambda column: column.str.strip()) if len(body.columns) else body
    if len(body.columns):
        body = body[(body != "").any(axis=1)]
    return body


def _letter(position: int) -> str:
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _header_row(rows: Sequence[Sequence[object]], known_columns: frozenset[str]) -> int | None:
    """The first of ``rows`` naming at least three known columns (or one, for tiny tables)."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = {str(cell).strip() for cell in row if cell is not None}
        if len(names & known_columns) >= min(3, len(known_columns)):
            return index
    return None


# ---------------------------------------------------------------- CSV
def _decode(name: str, raw: bytes, notes: list[str]) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    if not _CONTROL_BYTES.search(raw):
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            notes.append(
                "read as Windows-1252 (cp1252) text, as Excel saves CSV in French and Western European "
                "Windows; save as 'CSV UTF-8' to be sure accented letters are read right"
            )
            return text
    raise FileRefused(
        [
            Problem(
                name,
                f"not UTF-8 text (byte 0x{raw[utf8_error.start]:02x} at offset {utf8_error.start}), nor "
                "Windows-1252; save the file as CSV UTF-8 and import it again",
            )
        ]
    )


def _read_csv(
    path: Path, known_columns: frozenset[str], notes: list[str]
) -> tuple[pd.DataFrame, int]:
    text = _decode(path.name, path.read_bytes(), notes)
    if "\x00" in text:
        raise FileRefused(
            [
                Problem(
                    path.name,
                    "not UTF-8 text (it holds NUL characters: UTF-16?); save the file "
                    "as CSV UTF-8 and import it again",
                )
            ]
        )
    lines = [
        line[:10_000] for line in text.splitlines()[:HEADER_SEARCH_ROWS]
    ]  # csv's field size limit
    delimiter: str | None = None
    header_at = 0
    for candidate in DELIMITERS:
        found = _header_row(list(csv.reader(lines, delimiter=candidate)), known_columns)
        if found is not None:
            delimiter, header_at = candidate, found
            break
    if delimiter is None:
        first = next((line for line in lines if line.strip()), "")
        delimiter, header_at = max(DELIMITERS, key=first.count), 0
    grid = pd.read_csv(
        StringIO(text),
        dtype=str,
        keep_default_na=False,
        header=None,
        sep=delimiter,
        skip_blank_lines=False,
        names=None,
        engine="python" if delimiter == "\t" else "c",
        skiprows=header_at,
    )
    grid.index = grid.index + header_at
    grid = grid.fillna("")
    if delimiter == ";":
        notes.append(
            "read as semicolon-separated, with decimal commas (0,5) read as decimal points"
        )
        header = [str(cell).strip() for cell in grid.iloc[0]]
        for position, column in enumerate(header):
            if column in NUMERIC_COLUMNS:
                values = grid.iloc[1:, position]
                converted = values.where(
                    ~values.str.strip().str.fullmatch(_DECIMAL_COMMA),
                    values.str.replace(",", ".", regex=False),
                )
                grid.iloc[1:, position] = converted
    elif delimiter == "\t":
        notes.append("read as tab-separated")
    return grid, 0


# ---------------------------------------------------------------- Excel
def _check_expansion(path: Path) -> None:
    """Refuse a workbook whose parts inflate out of proportion, from the zip directory alone."""
    size = path.stat().st_size
    with zipfile.ZipFile(path) as archive:
        expanded = sum(info.file_size for info in archive.infolist())
    if expanded > MAX_SPREADSHEET_EXPANDED_BYTES or (
        expanded > 16 * 2**20 and expanded > MAX_SPREADSHEET_RATIO * size
    ):
        raise FileRefused(
            [
                Problem(
                    path.name,
                    f"the workbook unpacks to {expanded / 2**20:,.0f} MiB from {size / 2**20:,.1f} MiB "
                    f"(more than {MAX_SPREADSHEET_EXPANDED_BYTES // 2**20} MiB, or {MAX_SPREADSHEET_RATIO} times "
                    "its size): save the data alone as CSV or a plain workbook and import that",
                )
            ]
        )


def _read_xlsx(
    path: Path, known_columns: frozenset[str], notes: list[str]
) -> tuple[pd.DataFrame, int]:
    import openpyxl

    try:
        _check_expansion(path)
    except zipfile.BadZipFile as error:
        raise FileRefused([Problem(path.name, f"cannot be read as xlsx: {error}")]) from None
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheets = []
        for sheet in workbook.worksheets:
            first_rows = [
                list(row) for row in sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True)
            ]
            sheets.append(
                (
                    sheet.title,
                    sheet.sheet_state,
                    _header_row(first_rows, known_columns),
                    any(cell is not None for row in first_rows for cell in row),
                )
            )
    finally:
        workbook.close()
    if not sheets:
        raise FileRefused([Problem(path.name, "the workbook has no sheets")])
    visible = [sheet for sheet in sheets if sheet[1] == "visible"]
    hidden = [sheet for sheet in sheets if sheet[1] != "visible"]
    with_header = [sheet for sheet in visible if sheet[2] is not None]
    if len(with_header) > 1:
        names = ", ".join(f"'{sheet[0]}'" for sheet in with_header)
        raise FileRefused(
            [
                Problem(
                    path.name,
                    f"several sheets hold data to import ({names}); keep only the sheet "
                    "to import, or save it alone as CSV",
                )
            ]
        )
    if not with_header and any(sheet[2] is not None for sheet in hidden):
        names = ", ".join(f"'{sheet[0]}'" for sheet in hidden if sheet[2] is not None)
        raise FileRefused(
            [
                Problem(
                    path.name,
                    f"the only data to import is on hidden sheet {names}; hidden "
                    "sheets are never imported: unhide it if it is the final data",
                )
            ]
        )
    if with_header:
        chosen = with_header[0]
    else:
        chosen = next(
            (sheet for sheet in visible if sheet[3]), visible[0] if visible else sheets[0]
        )
    others = [
        sheet for sheet in sheets if sheet is not chosen and (sheet[3] or sheet[1] != "visible")
    ]
    if others:
        described = ", ".join(
            f"'{sheet[0]}'" + (" (hidden)" if sheet[1] != "visible" else "") for sheet in others
        )
        notes.append(f"read sheet '{chosen[0]}'; other sheets were not imported: {described}")
    grid = pd.read_excel(path, sheet_name=chosen[0], header=None, dtype=str, engine="openpyxl")
    grid = grid.fillna("")
    header_at = chosen[2] or 0
    return grid, header_at


# ---------------------------------------------------------------- Parquet
def _read_parquet(path: Path) -> pd.DataFrame:
    typed = pd.read_parquet(path)
    text = pd.DataFrame(index=typed.index)
    for column in typed.columns:
        values = typed[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            shown = values.dt.strftime("%Y-%m-%d %H:%M:%S%z")
        else:
            shown = values.astype(str)
        text[str(column)] = shown.where(values.notna(), "")
    return text
