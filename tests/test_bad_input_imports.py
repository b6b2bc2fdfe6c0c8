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
FORMULAS = [
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-1+1",
    "@SUM(A1:A9)",
    '=HYPERLINK("http://evil.example")',
]


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
    file = write(
        tmp_path / f"{encoding}.csv", [SURVEY_HEADER, survey_row(survey_id="Né1")], encoding
    )
    message = only_message(writable_copy, file)
    assert "not UTF-8" in message and "save the file as CSV UTF-8" in message


def test_cp1252_is_read_and_named_in_the_notes(writable_copy, tmp_path):
    """What French Excel writes: cp1252 with an accented header of an extra column, read correctly."""
    from dashboard.build.importer import read_table

    file = write(
        tmp_path / "fr.csv",
        [SURVEY_HEADER + ",commentaire", survey_row() + ",Sénégal – été"],
        "cp1252",
    )
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
    lines = [SURVEY_HEADER] + [
        row.replace("N1,P1", f"Z{n},Z{n}", 1) for n in range(2**20 // len(row) + 1)
    ]
    file = write(tmp_path / "big.csv", lines)
    assert file.stat().st_size > 2**20
    assert "larger than 1 MiB" in only_message(writable_copy, file)


def test_ten_thousand_bad_rows_give_a_capped_message(writable_copy, tmp_path):
    lines = [SURVEY_HEADER] + [
        survey_row(survey_id=f"B{n}", sex="other", economic_score="high") for n in range(10_000)
    ]
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
    ("economic_score", "abc"),
    ("economic_score", "inf"),
    ("economic_score", "-inf"),
    ("economic_score", "nan"),
    ("economic_score", "1e309"),
    ("social_score", "0,5"),
    ("social_score", "0x1"),
    ("months_since_return", "1.5"),
    ("months_since_return", "-1"),
    ("months_since_return", "1e400"),
    ("months_since_return", "six"),
    ("survey_date", "yesterday"),
    ("survey_date", "2020-02-30"),
    ("survey_date", "15/03/2020 00:00:00 +99"),
    ("composite_score", "TRUE"),
]


def refused_rows(store: Path, file: Path, expected: list[str]) -> None:
    """Every expected 'file, row N, column c' prefix has a message; nothing else is named."""
    messages = refusal(store, file)
    for prefix in expected:
        assert any(message.startswith(prefix) for message in messages), (prefix, messages)
    assert all(any(message.startswith(prefix) for prefix in expected) for message in messages), (
        messages
    )


def test_wrongly_typed_survey_cells_are_refused_at_their_row_and_column(writable_copy, tmp_path):
    lines = [SURVEY_HEADER] + [
        survey_row(survey_id=f"W{n}", **{column: f'"{value}"'})
        for n, (column, value) in enumerate(SURVEY_TYPE_CASES)
    ]
    file = write(tmp_path / "types.csv", lines)
    refused_rows(
        writable_copy,
        file,
        [
            f"types.csv, row {n + 2}, column '{column}'"
            for n, (column, _) in enumerate(SURVEY_TYPE_CASES)
        ],
    )


def test_wrongly_typed_indicator_values_are_refused(writable_copy, tmp_path):
    values = ["-1", "abc", "nan", "", "1,5", "12 people"]
    lines = [INDICATOR_HEADER] + [
        indicator_row(period=f"20{16 + n}-Q1", value=f'"{value}"') for n, value in enumerate(values)
    ]
    file = write(tmp_path / "v.csv", lines)
    refused_rows(
        writable_copy, file, [f"v.csv, row {n + 2}, column 'value'" for n in range(len(values))]
    )


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
    cases = [
        (column, formula)
        for column in ("survey_id", "respondent_id", "action_code", "iso3", "sex", "referral")
        for formula in FORMULAS
    ]
    lines = [SURVEY_HEADER] + [
        survey_row(**{"survey_id": f"F{n}", "respondent_id": f"F{n}", column: f'"{formula}"'})
        for n, (column, formula) in enumerate(cases)
    ]
    file = write(tmp_path / "f.csv", lines)
    messages = refusal(writable_copy, file)
    for n, (column, _) in enumerate(cases):
        assert any(
            message.startswith(f"f.csv, row {n + 2}, column '{column}'") for message in messages
        ), (n, column)


def test_formula_shaped_indicator_cells_are_refused(writable_copy, tmp_path):
    cases = [
        (column, formula)
        for column in ("action_code", "iso3", "sex", "indicator_code", "period")
        for formula in FORMULAS
    ]
    lines = [INDICATOR_HEADER] + [
        indicator_row(**{column: f'"{formula}"'}) for column, formula in cases
    ]
    file = write(tmp_path / "g.csv", lines)
    messages = refusal(writable_copy, file)
    for n, (column, _) in enumerate(cases):
        assert any(
            message.startswith(f"g.csv, row {n + 2}, column '{column}'") for message in messages
        ), (n, column)


def test_injection_shaped_ids_are_refused_and_are_just_values(writable_copy, tmp_path):
    values = [
        "'; DROP TABLE survey_responses; --",
        "<script>alert(1)</script>",
        "{{7*7}}",
        "N1' OR '1'='1",
        "../../etc/passwd",
        "\u202eevil",
    ]
    lines = [SURVEY_HEADER] + [survey_row(survey_id=f'"{value}"') for value in values]
    file = write(tmp_path / "i.csv", lines)
    refused_rows(
        writable_copy,
        file,
        [f"i.csv, row {n + 2}, column 'survey_id': id must be" for n in range(len(values))],
    )


# ---------------------------------------------------------------- what spreadsheet programs really write
def stored_surveys(store: Path, ids: list[str]) -> list[tuple]:
    from dashboard.store.files import connect_writable

    connection = connect_writable(store)
    try:
        return connection.execute(
            "SELECT survey_id, survey_date::VARCHAR, economic_score, composite_score, composite_computed "
            "FROM survey_responses WHERE survey_id IN (SELECT unnest($ids)) ORDER BY survey_id",
            {"ids": ids},
        ).fetchall()
    finally:
        connection.close()


def test_semicolon_csv_with_decimal_commas_is_read_as_french_excel_writes_it(
    writable_copy, tmp_path
):
    header = SURVEY_HEADER.replace(",", ";")
    row = "S1;S1;JI-SLC;SEN;2020-03-15;6;female;25-34;economic;individual;direct;0,6;0,5;0,4;"
    file = write(tmp_path / "fr.csv", [header, row])
    result = import_file(writable_copy, file)
    assert result.rows == 1 and any("semicolon-separated" in note for note in result.notes)
    assert stored_surveys(writable_copy, ["S1"]) == [
        ("S1", "2020-03-15", 0.6, pytest.approx(0.5), True)
    ]


def test_decimal_commas_in_a_semicolon_file_still_name_bad_cells(writable_copy, tmp_path):
    header = SURVEY_HEADER.replace(",", ";")
    row = "S1;S1;JI-SLC;SEN;2020-03-15;6;female;25-34;economic;individual;direct;1,6;0,5;0,4;"
    message = only_message(writable_copy, write(tmp_path / "fr.csv", [header, row]))
    assert message.startswith(
        "fr.csv, row 2, column 'economic_score': 1.6 is outside the allowed range"
    )


def test_header_on_a_lower_row_is_found_and_rows_keep_their_numbers(writable_copy, tmp_path):
    lines = [
        "Returns by quarter,,,,,",
        "Prepared by the M&E unit,,,,,",
        "",
        INDICATOR_HEADER,
        GOOD_INDICATOR,
        indicator_row(sex="other"),
    ]
    file = write(tmp_path / "titled.csv", lines)
    (message,) = refusal(writable_copy, file)
    assert message.startswith("titled.csv, row 6, column 'sex': unknown value 'other'")
    write(file, lines[:5])
    result = import_file(writable_copy, file)
    assert result.rows == 1 and any("header was found on row 4" in note for note in result.notes)


def test_excel_header_on_a_lower_row_is_found(writable_copy, tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Indicator report, Q2 2021"])
    sheet.append([])
    sheet.append(INDICATOR_HEADER.split(","))
    sheet.append(["JI-SLC", "SEN", "2021-Q2", "female", "returns_assisted", 12])
    workbook.save(tmp_path / "titled.xlsx")
    result = import_file(writable_copy, tmp_path / "titled.xlsx")
    assert result.rows == 1 and any("row 3" in note for note in result.notes)


def workbook_with(tmp_path: Path, sheets: list[tuple[str, str, list[list]]]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, state, rows in sheets:
        sheet = workbook.create_sheet(title)
        sheet.sheet_state = state
        for row in rows:
            sheet.append(row)
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    return path


GOOD_SHEET = [
    INDICATOR_HEADER.split(","),
    ["JI-SLC", "SEN", "2021-Q2", "female", "returns_assisted", 12],
]
DRAFT_SHEET = [
    INDICATOR_HEADER.split(","),
    ["JI-SLC", "SEN", "2021-Q2", "female", "returns_assisted", 99999],
]


def test_a_hidden_draft_sheet_in_front_is_never_imported(writable_copy, tmp_path):
    book = workbook_with(
        tmp_path,
        [
            ("draft", "hidden", DRAFT_SHEET),
            ("final", "visible", GOOD_SHEET),
            ("notes", "visible", [["checked by Amina"]]),
        ],
    )
    result = import_file(writable_copy, book)
    assert result.rows == 1
    assert any("read sheet 'final'" in note and "'draft' (hidden)" in note for note in result.notes)
    from dashboard.store.files import connect_writable

    connection = connect_writable(writable_copy)
    values = connection.execute("SELECT value FROM indicator_values WHERE iso3 = 'SEN'").fetchall()
    connection.close()
    assert values == [(12.0,)]


def test_data_only_on_a_hidden_sheet_is_refused_naming_it(writable_copy, tmp_path):
    book = workbook_with(
        tmp_path, [("draft", "hidden", DRAFT_SHEET), ("cover", "visible", [["Report"]])]
    )
    assert "hidden sheet 'draft'" in only_message(writable_copy, book)


def test_several_sheets_with_data_are_refused_naming_them(writable_copy, tmp_path):
    book = workbook_with(
        tmp_path, [("2021", "visible", GOOD_SHEET), ("2022", "visible", GOOD_SHEET)]
    )
    assert "several sheets hold data to import ('2021', '2022')" in only_message(
        writable_copy, book
    )


def test_typed_parquet_with_nulls_in_optional_columns_is_imported(writable_copy, tmp_path):
    frame = pd.DataFrame(
        {
            "survey_id": ["Q1", "Q2"],
            "respondent_id": pd.array(["R1", None], dtype="string"),
            "action_code": ["JI-SLC", "JI-HOA"],
            "iso3": ["SEN", "ETH"],
            "survey_date": pd.to_datetime(["2020-03-15", "2020-04-01"]).date,
            "months_since_return": pd.array([6, 12], dtype="Int64"),
            "sex": ["female", "male"],
            "age_group": ["25-34", "18-24"],
            "assistance_type": ["economic", "social"],
            "assistance_level": ["individual", "community"],
            "referral": ["direct", "referral"],
            "economic_score": [0.6, 0.3],
            "social_score": [0.5, 0.6],
            "psychosocial_score": [0.4, 0.9],
            "composite_score": pd.array([0.5, None], dtype="Float64"),
        }
    )
    frame.to_parquet(tmp_path / "typed.parquet")
    assert import_file(writable_copy, tmp_path / "typed.parquet").computed_composites == 1
    assert [row[:2] + row[3:] for row in stored_surveys(writable_copy, ["Q1", "Q2"])] == [
        ("Q1", "2020-03-15", 0.5, False),
        ("Q2", "2020-04-01", pytest.approx(0.6), True),
    ]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("0001-01-01", "0001-01-01 is before 2015"),
        ("2014-12-31", "2014-12-31 is before 2015"),
        ("9999-12-31", "9999-12-31 is in the future"),
        ("2999-01-01T10:00:00+02:00", "2999-01-01 is in the future"),
    ],
)
def test_dates_before_2015_or_in_the_future_are_refused(writable_copy, tmp_path, value, expected):
    file = write(tmp_path / "d.csv", [SURVEY_HEADER, survey_row(survey_date=value)])
    message = only_message(writable_copy, file)
    assert message.startswith("d.csv, row 2, column 'survey_date': " + expected), message


def test_indicator_periods_before_2015_are_refused(writable_copy, tmp_path):
    message = only_message(
        writable_copy,
        write(tmp_path / "p.csv", [INDICATOR_HEADER, indicator_row(period="0001-Q1")]),
    )
    assert message.startswith("p.csv, row 2, column 'period': 0001-01-01 is before 2015")


def test_mixed_time_zones_keep_each_interview_date_as_written(writable_copy, tmp_path):
    rows = [
        survey_row(survey_id="Z1", respondent_id="Z1", survey_date="2020-03-15T23:30:00-05:00"),
        survey_row(survey_id="Z2", respondent_id="Z2", survey_date="2020-03-16T00:30:00+01:00"),
        survey_row(survey_id="Z3", respondent_id="Z3", survey_date="2020-03-17 08:00:00Z"),
        survey_row(survey_id="Z4", respondent_id="Z4", survey_date="2020-03-18"),
    ]
    assert import_file(writable_copy, write(tmp_path / "tz.csv", [SURVEY_HEADER, *rows])).rows == 4
    assert [row[1] for row in stored_surveys(writable_copy, ["Z1", "Z2", "Z3", "Z4"])] == [
        "2020-03-15",
        "2020-03-16",
        "2020-03-17",
        "2020-03-18",
    ]


def test_column_names_clashing_once_trimmed_are_refused(writable_copy, tmp_path):
    file = write(tmp_path / "c.csv", [INDICATOR_HEADER + ", value ", GOOD_INDICATOR + ",13"])
    message = only_message(writable_copy, file)
    assert message == (
        "c.csv, column 'value': columns F ('value') and G (' value ') have the same name once "
        "spaces are trimmed; rename or remove one"
    )


@pytest.mark.parametrize(
    "value, expected",
    [
        ("12.5", "12.5 is not a whole number (indicator values are counts)"),
        ("2e9", "2e+09 is outside the allowed range (between 0 and 1e+09)"),
        ("1000000001", "1e+09 is outside the allowed range"),
    ],
)
def test_fractional_or_absurd_counts_are_refused(writable_copy, tmp_path, value, expected):
    message = only_message(
        writable_copy, write(tmp_path / "n.csv", [INDICATOR_HEADER, indicator_row(value=value)])
    )
    assert message.startswith("n.csv, row 2, column 'value': " + expected), message


def test_a_spreadsheet_that_inflates_out_of_proportion_is_refused_before_it_is_opened(
    writable_copy, tmp_path
):
    """300 MiB of sheet XML in a file of about 300 KiB: refused from the zip directory alone."""
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b" " * 2**20
            for _ in range(300):
                member.write(chunk)
    assert bomb.stat().st_size < 2**20
    message = only_message(writable_copy, bomb)
    assert "unpacks to 300 MiB" in message and "save the data alone as CSV" in message
