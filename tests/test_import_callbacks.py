"""Import page callbacks called directly: report, confirm, history and rollback, on real stores."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from helpers import texts

from callbacks.import_page import confirm_import, roll_back_entry, update_history, update_report
from dashboard.build import versions
from dashboard.build.stores import build_store
from dashboard.context import AppContext
from dashboard.imports import safe_file_name

from conftest import settings_for

CSV = b"action_code,iso3,period,sex,indicator_code,value\nJI-SLC,SEN,2021-Q2,female,returns_assisted,12\n"


def upload(data: bytes) -> str:
    return "data:text/csv;base64," + base64.b64encode(data).decode()


@pytest.fixture()
def context(tmp_path: Path) -> AppContext:
    store = tmp_path / "store"
    build_store(store, demo=False)
    return AppContext(settings_for(store, store_check_seconds=0))


def test_report_names_rows_and_writes_nothing(context):
    bad = CSV.replace(b"female", b"other")
    report, disabled, _ = update_report(context, upload(bad), "r.csv", "auto", False, "en")
    assert disabled and "r.csv, row 2, column 'sex': unknown value 'other'" in texts(report)
    report, disabled, _ = update_report(context, upload(CSV), "r.csv", "auto", False, "fr")
    assert not disabled and "r.csv : 1 lignes (valeurs d’indicateurs) sont prêtes" in texts(report)
    assert versions.version_names(context.store_directory) == ["store-000001.duckdb"]


def test_damaged_or_missing_uploads_are_reported(context):
    report, disabled, _ = update_report(context, "data:text/csv;base64,@@@", "r.csv", "auto", False, "en")
    assert disabled and "the upload arrived damaged" in texts(report)
    result, disabled, tick = confirm_import(context, 1, None, "r.csv", "auto", False, "en", 0)
    assert tick is not None  # no_update sentinel: nothing happened


def test_confirm_imports_switches_and_history_offers_rollback(context):
    result, disabled, tick = confirm_import(context, 1, upload(CSV), "../../etc/r.csv", "auto", False, "en", 0)
    assert "Imported 1 indicator value rows from r.csv (version store-000002)" in texts(result) and tick == 1
    assert context.version_name == "store-000002" and context.catalog.data_origin == "imported"
    history = texts(update_history(context, tick, "en"))
    assert "anonymous" in history and "r.csv" in history and " ".join(["store-000002", " ", "(served)"]) in history
    entry = versions.read_history(context.store_directory)[-1]
    message, tick = roll_back_entry(context, {"type": "import-rollback-button", "index": entry["id"]}, [1], "en", 1)
    assert "store-000001" in texts(message) and tick == 2
    assert context.version_name == "store-000001" and context.catalog.data_origin == "empty"


def test_rollback_of_an_unknown_entry_is_a_message(context):
    message, _ = roll_back_entry(context, {"type": "import-rollback-button", "index": 99}, [1], "en", 0)
    assert "Nothing to roll back to" in texts(message)


def test_a_single_file_store_cannot_import_from_the_page(tiny_store_path):
    context = AppContext(settings_for(tiny_store_path))
    result, _, _ = confirm_import(context, 1, upload(CSV), "r.csv", "auto", False, "en", 0)
    assert "needs a store directory" in texts(result)


@pytest.mark.parametrize("name, expected", [
    ("../../etc/passwd", "passwd"), ("C:\\Users\\amina\\r.csv", "C__Users_amina_r.csv"), ("", "upload"),
    ("<script>.csv", "_script_.csv"), ("..", "upload"),
])
def test_upload_names_are_made_safe(name, expected):
    assert safe_file_name(name) == expected
