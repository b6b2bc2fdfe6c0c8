"""Bad import files: wrong encodings, wrong types, huge, binary, fake Excel, formula-shaped ids.

Every file is refused with a message naming the file (and the row and column when there is one),
and the store is exactly as before (``refusal`` compares fingerprints). Complements
``test_importer.py``, which covers the good files and the common row errors.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from test_importer import (
    GOOD_SURVEY_ROWS,
    INDICATOR_HEADER,
    SURVEY_HEADER,
    fingerprint,
    refusal,
    write,
)

from dashboard.build import importer, readers
from dashboard.build.importer import MAX_LISTED_PROBLEMS, ImportRefused, import_file

GOOD_SURVEY = GOOD_SURVEY_ROWS[0]  # N1,P1,JI-SLC,SEN,2020-03-15,6,female,25-34,...
GOOD_INDICATOR = "JI-SLC,SEN,2021-Q2,female,returns_assisted,12"
FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-1+1", "@SUM(A1:A9)", "=HYPERLINK(\"http://evil.example\")"]


def survey_row(**changes: str) -> str:
    """The good survey row with some columns changed."""
    values = dict(zip(SURVEY_HEADER.split(","), GOOD_SURVEY.split(","), strict=True))
    values.update(changes)
    return ",".join(values[column] for column in SURVEY_HEADER.split(","))


def indicator_row(**changes: str) -> str:
    values = dict(zip(INDICATOR_HEADER.split(","), GOOD_INDICATOR.split(","), strict=True))
    values.update(changes)
    return ",".join(values[column] for column in INDICATOR_HEADER.split(","))


def only_message(store: Path, file: Path) -> str:
    (message,) = refusal(store, file)
    assert message.startswith(file.name + ":") or message.startswith(file.name + ","), message
    return message


# ---------------------------------------------------------------- encodings and file types
@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_wrong_encoding_is_refused_with_a_hint(writable_copy, tmp_path, encoding):
    file = write(tmp_path / f"{encoding}.csv", [SURVEY_HEADER, survey_row(survey_id="Né1")], encoding)
    message = only_message(writable_copy, file)
    assert "not UTF-8" in message and "save the file as CSV UTF-8" in message


def test_cp1252_is_read_and_named_in_the_notes(writable_copy, tmp_path):
    """What French Excel writes: cp1252 with an accented header of an extra column, read correctly."""
    from dashboard.build.importer import read_table

    file = write(tmp_path / "fr.csv", [SURVEY_HEADER + ",commentaire", survey_row() + ",Sénégal – été"], "cp1252")
    table = read_table(file)
    assert table.frame["commentaire"].tolist() == ["Sénégal – été"]
    assert any("Windows-1252" in note for note in table.notes)
    assert import_file(writable_copy, file).rows == 1


def test_utf16_without_byte_order_mark_is_refused(writable_copy, tmp_path):
    """UTF-16LE of plain ASCII is valid UTF-8 full of NULs: refused, not imported as garbage."""
    file = tmp_path / "le.csv"
    file.write_bytes(("\n".join([SURVEY_HEADER, GOOD_SURVEY]) + "\n").encode("utf-16-le"))
    assert refusal(writable_copy, file)


def test_binary_file_named_csv_is_refused(writable_copy, tmp_path):
    file = tmp_path / "photo.csv"
    file.write_bytes(random.Random(1).randbytes(64 * 1024))
    assert "not UTF-8" in only_message(writable_copy, file)


@pytest.mark.parametrize("content", [b"", b"\x00" * 1024, b'"never closed\n1,2\n', b"\n\n\n"])
def test_empty_or_unparsable_csv_is_refused(writable_copy, tmp_path, content):
    file = tmp_path / "odd.csv"
    file.write_bytes(content)
    messages = refusal(writable_copy, file)
    assert messages and all(message.startswith("odd.csv") for message in messages)


def test_header_only_file_is_refused(writable_copy, tmp_path):
    assert "no data rows" in only_message(writable_copy, write(tmp_path / "h.csv", [SURVEY_HEADER]))


def test_xlsx_that_is_a_zip_of_garbage_is_refused(writable_copy, tmp_path):
    file = tmp_path / "fake.xlsx"
    with zipfile.ZipFile(file, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
        archive.writestr("xl/workbook.xml", "<not-xml")
    assert "cannot be read as xlsx" in only_message(writable_copy, file)


@pytest.mark.parametrize("suffix", [".xlsx", ".parquet"])
def test_random_bytes_with_a_spreadsheet_suffix_are_refused(writable_copy, tmp_path, suffix):
    file = tmp_path / f"noise{suffix}"
    file.write_bytes(random.Random(2).randbytes(4096))
    assert f"cannot be read as {suffix[1:]}" in only_message(writable_copy, file)


@pytest.mark.parametrize("name", ["data.CSV.exe", "data", "data.csv.", "data.xls", "data.json"])
def test_other_file_types_are_refused(writable_copy, tmp_path, name):
    file = write(tmp_path / name, [SURVEY_HEADER, GOOD_SURVEY])
    messages = refusal(writable_copy, file)
    assert any("unsupported file type" in message for message in messages), messages


# ---------------------------------------------------------------- size
def test_file_over_the_size_limit_is_refused_before_reading(writable_copy, tmp_path):
    """A sparse file just over the real limit: refused from its size, never read into memory."""
    file = tmp_path / "huge.csv"
    with file.open("wb") as handle:
        handle.truncate(importer.MAX_FILE_BYTES + 1)
    message = only_message(writable_copy, file)
    assert f"larger than {importer.MAX_FILE_BYTES // 2**20} MiB" in message


def test_real_csv_just_over_a_lowered_limit_is_refused(writable_copy, tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 2**20)
    row = survey_row()
    lines = [SURVEY_HEADER] + [row.replace("N1,P1", f"Z{n},Z{n}", 1) for n in range(2**20 // len(row) + 1)]
    file = write(tmp_path / "big.csv", lines)
    assert file.stat().st_size > 2**20
    assert "larger than 1 MiB" in only_message(writable_copy, file)


def test_ten_thousand_bad_rows_give_a_capped_message(writable_copy, tmp_path):
    lines = [SURVEY_HEADER] + [survey_row(survey_id=f"B{n}", sex="other", economic_score="high")
                               for n in range(10_000)]
    file = write(tmp_path / "many.csv", lines)
    before = fingerprint(writable_copy)
    with pytest.raises(ImportRefused) as caught:
        import_file(writable_copy, file)
    assert fingerprint(writable_copy) == before
    assert len(caught.value.problems) == 20_000
    text = str(caught.value)
    assert text.count("\n") == MAX_LISTED_PROBLEMS + 1
    assert text.rstrip().endswith(f"... and {20_000 - MAX_LISTED_PROBLEMS} more problems")
    assert "many.csv, row 2, column 'sex': unknown value 'other'" in text


def test_a_megabyte_cell_is_shown_shortened(writable_copy, tmp_path):
    file = write(tmp_path / "long.csv", [SURVEY_HEADER, survey_row(sex="x" * 1_000_000)])
    message = only_message(writable_copy, file)
    assert len(message) < 500 and "'xxxxxxxx" in message and "…'" in message


# ---------------------------------------------------------------- wrong types
SURVEY_TYPE_CASES = [
    ("economic_score", "abc"), ("economic_score", "inf"), ("economic_score", "-inf"), ("economic_score", "nan"),
    ("economic_score", "1e309"), ("social_score", "0,5"), ("social_score", "0x1"),
    ("months_since_return", "1.5"), ("months_since_return", "-1"), ("months_since_return", "1e400"),
    ("months_since_return", "six"), ("survey_date", "yesterday"), ("survey_date", "2020-02-30"),
    ("survey_date", "15/03/2020 00:00:00 +99"), ("composite_score", "TRUE"),
]


def refused_rows(store: Path, file: Path, expected: list[str]) -> None:
    """Every expected 'file, row N, column c' prefix has a message; nothing else is named."""
    messages = refusal(store, file)
    for prefix in expected:
        assert any(message.startswith(prefix) for message in messages), (prefix, messages)
    assert all(any(message.startswith(prefix) for prefix in expected) for message in messages), messages


def test_wrongly_typed_survey_cells_are_refused_at_their_row_and_column(writable_copy, tmp_path):
    lines = [SURVEY_HEADER] + [survey_row(survey_id=f"W{n}", **{column: f'"{value}"'})
                               for n, (column, value) in enumerate(SURVEY_TYPE_CASES)]
    file = write(tmp_path / "types.csv", lines)
    refused_rows(writable_copy, file, [f"types.csv, row {n + 2}, column '{column}'"
                                       for n, (column, _) in enumerate(SURVEY_TYPE_CASES)])


def test_wrongly_typed_indicator_values_are_refused(writable_copy, tmp_path):
    values = ["-1", "abc", "nan", "", "1,5", "12 people"]
    lines = [INDICATOR_HEADER] + [indicator_row(period=f"20{16 + n}-Q1", value=f'"{value}"')
                                  for n, value in enumerate(values)]
    file = write(tmp_path / "v.csv", lines)
    refused_rows(writable_copy, file, [f"v.csv, row {n + 2}, column 'value'" for n in range(len(values))])


@pytest.mark.parametrize("value", ["inf", "Infinity", "1e309"])
def test_infinite_indicator_values_are_refused(writable_copy, tmp_path, value):
    file = write(tmp_path / "inf.csv", [INDICATOR_HEADER, indicator_row(value=value)])
    assert only_message(writable_copy, file).startswith("inf.csv, row 2, column 'value'")


def test_excel_cells_of_other_types_are_read_as_text_and_checked(writable_copy, tmp_path):
    columns = SURVEY_HEADER.split(",")
    frame = pd.DataFrame([GOOD_SURVEY.split(",")], columns=columns).astype(object)
    frame.loc[0, "months_since_return"] = 6.5
    frame.loc[0, "economic_score"] = True
    frame.loc[0, "survey_date"] = pd.Timestamp("2020-03-15 13:45")
    frame.to_excel(tmp_path / "typed.xlsx", index=False)
    messages = refusal(writable_copy, tmp_path / "typed.xlsx")
    assert any("column 'months_since_return'" in message for message in messages), messages
    assert any("column 'economic_score'" in message for message in messages), messages


# ---------------------------------------------------------------- injection-shaped cells
def test_formula_shaped_survey_cells_are_refused(writable_copy, tmp_path):
    """Formula-shaped text in any coded or id column: refused at its row and column, so it never
    reaches the store, the pages or an export."""
    cases = [(column, formula) for column in ("survey_id", "respondent_id", "action_code", "iso3", "sex", "referral")
             for formula in FORMULAS]
    lines = [SURVEY_HEADER] + [survey_row(**{"survey_id": f"F{n}", "respondent_id": f"F{n}", column: f'"{formula}"'})
                               for n, (column, formula) in enumerate(cases)]
    file = write(tmp_path / "f.csv", lines)
    messages = refusal(writable_copy, file)
    for n, (column, _) in enumerate(cases):
        assert any(message.startswith(f"f.csv, row {n + 2}, column '{column}'") for message in messages), (n, column)


def test_formula_shaped_indicator_cells_are_refused(writable_copy, tmp_path):
    cases = [(column, formula) for column in ("action_code", "iso3", "sex", "indicator_code", "period")
             for formula in FORMULAS]
    lines = [INDICATOR_HEADER] + [indicator_row(**{column: f'"{formula}"'}) for column, formula in cases]
    file = write(tmp_path / "g.csv", lines)
    messages = refusal(writable_copy, file)
    for n, (column, _) in enumerate(cases):
        assert any(message.startswith(f"g.csv, row {n + 2}, column '{column}'") for message in messages), (n, column)


def test_injection_shaped_ids_are_refused_and_are_just_values(writable_copy, tmp_path):
    values = ["'; DROP TABLE survey_responses; --", "<script>alert(1)</script>", "{{7*7}}", "N1' OR '1'='1",
              "../../etc/passwd", "\u202eevil"]
    lines = [SURVEY_HEADER] + [survey_row(survey_id=f'"{value}"') for value in values]
    file = write(tmp_path / "i.csv", lines)
    refused_rows(writable_copy, file, [f"i.csv, row {n + 2}, column 'survey_id': id must be"
                                       for n in range(len(values))])
