"""Exports: plain CSV with provenance columns, Excel with an About sheet, counts as integers;
formula-shaped cells are neutralised."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd

from dashboard.common.exports import (
    PROVENANCE_COLUMNS,
    ExportHeader,
    export_filename,
    to_csv_bytes,
    to_excel_bytes,
    whole_numbers,
)

HEADER = ExportHeader(
    "Returns by region",
    "Region: West and Central Africa",
    dt.date(2026, 11, 21),
    "demo data, seed 42",
)


def test_csv_reads_with_no_options_and_carries_its_provenance(tmp_path):
    frame = pd.DataFrame(
        {
            "region": ["West and Central Africa", "Sahel"],
            "returns": [190.0, float("nan")],
            "share": [0.25, 0.5],
        }
    )
    path = tmp_path / "export.csv"
    path.write_bytes(to_csv_bytes(frame, HEADER))
    table = pd.read_csv(path)  # no options at all
    assert table.columns.tolist() == ["region", "returns", "share", *PROVENANCE_COLUMNS]
    assert table["region"].tolist() == ["West and Central Africa", "Sahel"]
    assert pd.api.types.is_integer_dtype(table["returns"].dropna()) or table[
        "returns"
    ].dropna().tolist() == [190]
    assert "190.0" not in path.read_text(encoding="utf-8-sig") and ",190," in path.read_text(
        encoding="utf-8-sig"
    )
    assert set(table["chart"]) == {"Returns by region"}
    assert set(table["kind_of_data"]) == {"demo data, seed 42"}
    assert set(table["filters"]) == {"Region: West and Central Africa"}
    assert set(table["exported_on"]) == {"2026-11-21"}


def test_an_empty_csv_still_says_what_it_is():
    text = to_csv_bytes(pd.DataFrame(columns=["region", "returns"]), HEADER).decode("utf-8-sig")
    table = pd.read_csv(io.StringIO(text))
    assert len(table) == 1 and table[["region", "returns"]].isna().all().all()
    assert table["kind_of_data"].tolist() == ["demo data, seed 42"]


def test_excel_holds_the_table_from_a1_and_an_about_sheet():
    frame = pd.DataFrame({"region": ["West and Central Africa"], "returns": [12.0], "mean": [0.5]})
    content = to_excel_bytes(frame, HEADER, about_sheet="About")
    sheets = pd.read_excel(io.BytesIO(content), sheet_name=None, header=None)
    assert list(sheets) == ["data", "About"]
    assert sheets["data"].iloc[0].tolist() == ["region", "returns", "mean"]
    data = pd.read_excel(io.BytesIO(content))
    assert pd.api.types.is_integer_dtype(data["returns"]) and data["returns"].tolist() == [12]
    from openpyxl import load_workbook

    cell = load_workbook(io.BytesIO(content))["data"]["B2"].value
    assert cell == 12 and isinstance(cell, int)
    about = dict(sheets["About"].itertuples(index=False))
    assert about == {
        "Chart": "Returns by region",
        "Filters": "Region: West and Central Africa",
        "Exported on": "2026-11-21",
        "Data source": "demo data, seed 42",
    }


def test_whole_number_columns_become_integers_and_others_stay():
    frame = pd.DataFrame({"n": [12.0, None], "mean": [0.5, 1.0], "label": ["a", "b"]})
    cleaned = whole_numbers(frame)
    assert (
        str(cleaned["n"].dtype) == "Int64"
        and cleaned["n"].tolist()[0] == 12
        and pd.isna(cleaned["n"][1])
    )
    assert cleaned["mean"].tolist() == [0.5, 1.0] and cleaned["label"].tolist() == ["a", "b"]
    mixed = whole_numbers(pd.DataFrame({"amount": [73300000.0, "not reported"]}))
    assert mixed["amount"].tolist() == [73300000, "not reported"] and isinstance(
        mixed["amount"][0], int
    )


def test_formula_injection_is_neutralised_in_csv_and_excel():
    frame = pd.DataFrame(
        {"name": ['=HYPERLINK("http://x")', "+1", "@SUM(A1)", "-2", "safe"], "n": [1, 2, 3, 4, 5]}
    )
    header = ExportHeader("=cmd|' /C calc'!A0", "-x", dt.date(2026, 1, 1), "@source")
    text = to_csv_bytes(frame, header).decode("utf-8-sig")
    assert "\n=" not in text and ",=" not in text and not text.startswith("=")
    workbooks = pd.read_excel(
        io.BytesIO(to_excel_bytes(frame, header)), header=None, sheet_name=None
    )
    cells = [
        str(cell)
        for sheet in workbooks.values()
        for cell in sheet.to_numpy().ravel()
        if isinstance(cell, str)
    ]
    assert all(not cell.startswith(("=", "+", "@", "-")) for cell in cells)
    assert '\'=HYPERLINK("http://x")' in cells


def test_filename_is_safe_and_readable():
    assert (
        export_filename(
            "sustainability", "means", "region=WCA,EHOA & sex", dt.date(2026, 11, 21), "csv"
        )
        == "sustainability_means_region-WCA-EHOA-sex_2026-11-21.csv"
    )
    assert "/" not in export_filename("../..", "x", "../../etc/passwd", dt.date(2026, 1, 1), "png")
