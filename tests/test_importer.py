"""The importer: good files land whole; bad files are refused with row-level messages and change nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from dashboard.build.importer import ImportRefused, import_file
from dashboard.build.stores import build_store
from dashboard.store.files import connect_writable

SURVEY_HEADER = (
    "survey_id,respondent_id,action_code,iso3,survey_date,months_since_return,sex,age_group,"
    "assistance_type,assistance_level,referral,economic_score,social_score,psychosocial_score,"
    "composite_score"
)
GOOD_SURVEY_ROWS = [
    "N1,P1,JI-SLC,SEN,2020-03-15,6,female,25-34,economic,individual,direct,0.6,0.5,0.4,0.5",
    "N2,P2,JI-HOA,ETH,2020-04-01,12,male,18-24,social,community,referral,0.3,0.6,0.9,",
]
INDICATOR_HEADER = "action_code,iso3,period,sex,indicator_code,value"


def write(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def fingerprint(store: Path) -> tuple:
    """Row counts and content hashes of the fact tables: equal before and after means unchanged."""
    connection = connect_writable(store)
    try:
        result = []
        for table in ("indicator_values", "survey_responses", "data_batches", "store_info"):
            rows = connection.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()  # noqa: S608
            result.append((table, len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()))
        return tuple(result)
    finally:
        connection.close()


def refusal(store: Path, file: Path, **kwargs) -> list[str]:
    before = fingerprint(store)
    with pytest.raises(ImportRefused) as caught:
        import_file(store, file, **kwargs)
    assert fingerprint(store) == before, "a refused import changed the store"
    return [str(problem) for problem in caught.value.problems]


def test_good_survey_file_is_imported_with_computed_composite(writable_copy, tmp_path):
    file = write(tmp_path / "survey.csv", [SURVEY_HEADER, *GOOD_SURVEY_ROWS])
    result = import_file(writable_copy, file, weights=(0.5, 0.25, 0.25))
    assert (result.kind, result.rows, result.computed_composites) == ("survey", 2, 1)
    connection = connect_writable(writable_copy)
    rows = connection.execute(
        "SELECT survey_id, composite_score, composite_computed FROM survey_responses "
        "WHERE survey_id IN ('N1', 'N2') ORDER BY survey_id"
    ).fetchall()
    connection.close()
    assert rows == [
        ("N1", 0.5, False),
        ("N2", pytest.approx(0.5 * 0.3 + 0.25 * 0.6 + 0.25 * 0.9), True),
    ]


def test_good_indicator_file_accepts_quarters_and_dates(writable_copy, tmp_path):
    file = write(
        tmp_path / "indicators.csv",
        [
            INDICATOR_HEADER,
            "JI-SLC,SEN,2021-Q2,female,returns_assisted,12",
            "JI-SLC,SEN,2021-05-17,male,returns_assisted,30",
            "JI-SLC,SEN,2021-Q2,all,community_projects,2",
        ],
    )
    result = import_file(writable_copy, file)
    assert result.rows == 3
    connection = connect_writable(writable_copy)
    periods = connection.execute(
        "SELECT DISTINCT period FROM indicator_values WHERE iso3 = 'SEN'"
    ).fetchall()
    connection.close()
    assert [str(row[0]) for row in periods] == ["2021-04-01"]


def test_excel_and_parquet_are_read(writable_copy, tmp_path):
    frame = pd.DataFrame(
        [line.split(",") for line in GOOD_SURVEY_ROWS], columns=SURVEY_HEADER.split(",")
    )
    frame.to_excel(tmp_path / "survey.xlsx", index=False)
    assert import_file(writable_copy, tmp_path / "survey.xlsx").rows == 2
    frame.assign(survey_id=["N3", "N4"]).to_parquet(tmp_path / "survey.parquet")
    assert import_file(writable_copy, tmp_path / "survey.parquet").rows == 2


def test_every_bad_row_is_named_and_nothing_is_written(writable_copy, tmp_path):
    file = write(
        tmp_path / "bad.csv",
        [
            SURVEY_HEADER,
            "B1,,XX-NOPE,SEN,2020-03-15,6,female,25-34,economic,individual,direct,0.6,0.5,0.4,",
            "B2,,JI-SLC,ATL,2020-03-15,6,female,25-34,economic,individual,direct,0.6,0.5,0.4,",
            "B3,,JI-SLC,ETH,2020-03-15,6,female,25-34,economic,individual,direct,0.6,0.5,0.4,",
            "B4,,JI-SLC,SEN,2020-03-15,6,female,25-34,economic,individual,direct,1.6,0.5,0.4,",
            "B5,,JI-SLC,SEN,2020-13-45,6,female,25-34,economic,individual,direct,0.6,0.5,0.4,",
            "B5,,JI-SLC,SEN,2020-03-15,6,female,25-34,economic,individual,direct,0.6,0.5,0.4,",
            "B7,,JI-SLC,SEN,2020-03-15,6,other,25-34,economic,individual,direct,0.6,abc,0.4,",
            "=HYPERLINK(1),,JI-SLC,SEN,2020-03-15,6,male,25-34,economic,individual,direct,0.6,0.5,0.4,",
            "B9,,JI-SLC,SEN,2020-03-15,6,male,25-34,economic,individual,direct,0.6,0.5,0.4,",
        ],
    )
    messages = refusal(writable_copy, file)
    expected = [
        "bad.csv, row 2, column 'action_code': unknown Action code 'XX-NOPE'",
        "bad.csv, row 3, column 'iso3': 'ATL' is not a country of the EU-IOM Actions' reference list",
        "bad.csv, row 4, column 'iso3': country 'ETH' is not a country of Action 'JI-SLC'",
        "bad.csv, row 5, column 'economic_score': 1.6 is outside the allowed range (between 0 and 1)",
        "bad.csv, row 6, column 'survey_date': '2020-13-45' is not a date",
        "bad.csv, row 7, column 'survey_id': duplicate survey_id 'B5'",
        "bad.csv, row 8, column 'sex': unknown value 'other'",
        "bad.csv, row 8, column 'social_score': 'abc' is not a number",
        "bad.csv, row 9, column 'survey_id': id must be",
    ]
    for start in expected:
        assert any(message.startswith(start) for message in messages), (start, messages)
    assert not any("row 10" in message for message in messages)


def test_missing_column_is_named(writable_copy, tmp_path):
    header = SURVEY_HEADER.replace(",social_score", "")
    row = GOOD_SURVEY_ROWS[0].replace(",0.5,0.4,0.5", ",0.4,0.5")
    assert refusal(writable_copy, write(tmp_path / "m.csv", [header, row])) == [
        "m.csv, column 'social_score': missing column"
    ]


def test_latin1_text_is_read_and_its_cells_checked(writable_copy, tmp_path):
    """Latin-1 (as Windows-1252) is read, so a stray accented letter is named at its row and column."""
    file = write(tmp_path / "latin.csv", [SURVEY_HEADER, GOOD_SURVEY_ROWS[0] + "é"], "latin-1")
    (message,) = refusal(writable_copy, file)
    assert message == "latin.csv, row 2, column 'composite_score': '0.5é' is not a number"


def test_duplicate_of_stored_record_is_refused(writable_copy, tmp_path):
    file = write(
        tmp_path / "again.csv", [SURVEY_HEADER, GOOD_SURVEY_ROWS[0].replace("N1,P1", "T1,T1")]
    )
    assert any("already in the store" in message for message in refusal(writable_copy, file))


def test_indicator_for_a_pillar_the_country_lacks_is_refused(writable_copy, tmp_path):
    file = write(
        tmp_path / "lby.csv", [INDICATOR_HEADER, "JI-NA,LBY,2020-Q1,male,officials_trained,5"]
    )
    (message,) = refusal(writable_copy, file)
    assert "pillar 1, which does not apply to LBY in JI-NA" in message


def test_demo_store_refuses_real_data_unless_replacing(tmp_path):
    store = build_store(tmp_path / "demo.duckdb", demo=True, rows=200)
    file = write(tmp_path / "survey.csv", [SURVEY_HEADER, *GOOD_SURVEY_ROWS])
    (message,) = refusal(store, file)
    assert "never mixed" in message
    import_file(store, file, replace_demo=True)
    connection = connect_writable(store)
    counts = connection.execute(
        "SELECT (SELECT count(*) FROM survey_responses), (SELECT count(*) FROM indicator_values), "
        "(SELECT value FROM store_info WHERE key = 'data_origin')"
    ).fetchone()
    connection.close()
    assert counts == (2, 0, "imported")


def test_unknown_file_type_and_kind(writable_copy, tmp_path):
    assert "unsupported file type" in refusal(writable_copy, write(tmp_path / "x.json", ["{}"]))[0]
    assert (
        "cannot tell the kind"
        in refusal(writable_copy, write(tmp_path / "y.csv", ["a,b", "1,2"]))[0]
    )


def test_survey_aggregates_follow_an_import(writable_copy, tmp_path):
    file = write(tmp_path / "survey.csv", [SURVEY_HEADER, *GOOD_SURVEY_ROWS])
    import_file(writable_copy, file)
    connection = connect_writable(writable_copy)
    cells = connection.execute(
        "SELECT sum(n) FROM survey_group_cells WHERE grouping_key = 'none'"
    ).fetchone()[0]
    records = connection.execute("SELECT count(*) FROM survey_responses").fetchone()[0]
    hist = connection.execute(
        "SELECT sum(count) FROM survey_group_hist WHERE grouping_key = 'sex' AND measure = 'economic'"
    ).fetchone()[0]
    connection.close()
    assert cells == records == hist == 9
