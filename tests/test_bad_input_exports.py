"""Formula-shaped text never leaves as a live formula: the export functions on every kind of column,
and every chart's CSV and Excel download driven with a tampered selection and URL.

Complements ``test_exports.py`` (plain text columns and the header block).
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import json
from urllib.parse import quote

import openpyxl
import pandas as pd
import pytest
from test_bad_input_callbacks import SCRIPT, Body, server_callbacks, stringify

from dashboard import ids
from dashboard.app import create_app
from dashboard.common.exports import FORMULA_START, ExportHeader, to_csv_bytes, to_excel_bytes

from conftest import settings_for

FORMULAS = [
    "=1+1",
    "+SUM(A1)",
    "-2+3",
    "@cmd",
    "\t=1",
    '=HYPERLINK("http://evil.example","x")',
    "=cmd|' /C calc'!A0",
]
HEADER = ExportHeader(
    "=title",
    "+filters",
    dt.date(2026, 11, 21),
    "@source",
    labels=[("=Chart", ""), ("-Filters", ""), ("@Date", ""), ("+Source", "")],
)


def live_csv_cells(content: bytes) -> list[str]:
    """Text cells of a CSV export that a spreadsheet would run as a formula, read as a spreadsheet
    does: a bare line break outside quotes starts a new row."""
    rows = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))
    return [
        cell for row in rows for cell in row if cell.startswith(FORMULA_START) and not _number(cell)
    ]


def live_excel_cells(content: bytes) -> list[str]:
    """Cells of an Excel export stored as formulas, or as text that starts like one."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    cells = [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    return [
        str(cell.value)
        for cell in cells
        if cell.data_type == "f"
        or (isinstance(cell.value, str) and cell.value.startswith(FORMULA_START))
    ]


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("kind", ["object", "str", "category", "mixed"])
def test_formula_text_in_any_column_type_is_neutralised(kind):
    values = pd.Series(FORMULAS, dtype={"mixed": object}.get(kind, kind))
    if kind == "mixed":
        values = pd.Series([*FORMULAS[:4], 1, 2.5, None, True], dtype=object)
    frame = pd.DataFrame(
        {"=label": values, "-n": range(len(values)), "value": [-1.5] * len(values)}
    )
    csv_bytes, excel_bytes = to_csv_bytes(frame, HEADER), to_excel_bytes(frame, HEADER)
    assert live_csv_cells(csv_bytes) == []
    assert live_excel_cells(excel_bytes) == []
    text = csv_bytes.decode("utf-8-sig")
    assert (
        "'=1+1" in text and "'=label" in text and ",-1.5" in text
    )  # text kept, numbers stay numbers


def test_multi_line_and_quoted_cells_stay_one_inert_cell():
    frame = pd.DataFrame({"name": ["ok\n=1+1", 'a","=2+2', "=x\n=y"]})
    content = to_csv_bytes(frame, HEADER)
    assert live_csv_cells(content) == []
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert [row[0] for row in rows[-3:]] == ["ok\n=1+1", 'a","=2+2', "'=x\n=y"]
    assert live_excel_cells(to_excel_bytes(frame, HEADER)) == []


@pytest.mark.parametrize("cell", ["x\r=1+1", "\r=2", "ok\r@cmd"])
def test_a_carriage_return_cannot_start_a_formula_row(cell):
    content = to_csv_bytes(pd.DataFrame({"name": [cell]}), HEADER)
    assert live_csv_cells(content) == []


@pytest.fixture(scope="module")
def app(tiny_store_path):
    return create_app(settings_for(tiny_store_path))


def export_buttons(app) -> list[dict]:
    key = next(key for key in server_callbacks(app) if key == f"{ids.EXPORT_DOWNLOAD}.data")
    body = Body(app, key, app.callback_map[key]).build()
    return body["inputs"][0], body, key


TAMPERED_SELECTION = {
    "regions": ["=1+1", SCRIPT],
    "countries": ["GIN", "@cmd"],
    "actions": ["JI-SLC"],
    "period_start": "=HYPERLINK(1)",
    "period_end": "2019-Q4",
}
TAMPERED_SEARCH = (
    "?country=GIN,%3D1%2B1&group=" + quote("=cmd|' /C calc'!A0") + "&indicator=%40x&lang=en"
)
# The page's options store as a tampered browser could send it (the exports read it, not the URL).
TAMPERED_OPTIONS = [
    {
        "id": {"type": ids.PAGE_OPTIONS_STORE, "page": "sustainability"},
        "property": "data",
        "value": {"group": "=cmd|' /C calc'!A0", "indicator": "@x", "a": SCRIPT, "threshold": "=1"},
    }
]


def test_every_chart_download_is_inert_with_a_tampered_selection_and_url(app):
    buttons, body, key = export_buttons(app)
    assert len(buttons) >= 8, "expected a CSV and an Excel button per chart"
    client = app.server.test_client()
    downloads = 0
    for button in buttons:
        request = json.loads(json.dumps(body))
        for entry in request["inputs"][0]:
            entry["value"] = 1 if entry["id"] == button["id"] else 0
        request["state"] = [
            TAMPERED_OPTIONS
            if isinstance(entry, list)
            else {
                **entry,
                "value": {ids.SELECTION_STORE: TAMPERED_SELECTION, ids.URL: TAMPERED_SEARCH}.get(
                    entry["id"], entry["value"]
                ),
            }
            for entry in request["state"]
        ]
        request["changedPropIds"] = [f"{stringify(button['id'])}.n_clicks"]
        response = client.post("/_dash-update-component", json=request)
        assert response.status_code == 200, (button["id"], response.status_code)
        assert SCRIPT.encode() not in response.get_data()
        sent = response.get_json()["response"][ids.EXPORT_DOWNLOAD]["data"]
        content = (
            base64.b64decode(sent["content"]) if sent.get("base64") else sent["content"].encode()
        )
        assert (
            "/" not in sent["filename"]
            and "\\" not in sent["filename"]
            and "<" not in sent["filename"]
        )
        if button["id"]["format"] == "csv":
            assert live_csv_cells(content) == [], button["id"]
        else:
            assert live_excel_cells(content) == [], button["id"]
        downloads += 1
    assert downloads == len(buttons)
