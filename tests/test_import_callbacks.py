"""Import page callbacks called directly: report, confirm, history and rollback, on real stores."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from helpers import texts

from dashboard.build import history_log, versions
from dashboard.build.stores import build_store
from dashboard.imports.callbacks import (
    carry_out_rollback,
    confirm_import,
    show_rollback_plan,
    update_history,
    update_report,
)
from dashboard.imports.service import safe_file_name
from dashboard.store.context import AppContext

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
    assert not disabled and "r.csv\u00a0: 1 lignes (valeurs d’indicateurs) sont prêtes" in texts(
        report
    )
    assert versions.version_names(context.store_directory) == ["store-000001.duckdb"]


def test_damaged_or_missing_uploads_are_reported(context):
    report, disabled, _ = update_report(
        context, "data:text/csv;base64,@@@", "r.csv", "auto", False, "en"
    )
    assert disabled and "the upload arrived damaged" in texts(report)
    result, disabled, tick = confirm_import(context, 1, None, "r.csv", "auto", False, "en", 0)
    assert tick is not None  # no_update sentinel: nothing happened


def test_confirm_imports_switches_and_history_offers_rollback(context):
    result, disabled, tick = confirm_import(
        context, 1, upload(CSV), "../../etc/r.csv", "auto", False, "en", 0
    )
    assert (
        "Imported 1 indicator value rows from r.csv (version store-000002)" in texts(result)
        and tick == 1
    )
    assert context.version_name == "store-000002" and context.catalog.data_origin == "imported"
    history = texts(update_history(context, tick, "en"))
    assert (
        "anonymous" in history
        and "r.csv" in history
        and " ".join(["store-000002", " ", "(served)"]) in history
    )
    entry = history_log.read_entries(context.store_directory)[-1]
    button = {"type": "import-rollback-button", "index": entry["id"]}
    stored, is_open, plan, go, _ = show_rollback_plan(context, button, [1], [], "en")
    assert is_open and go == "Serve store-000001"
    assert "Served now: store-000002. After the rollback: store-000001" in texts(plan)
    assert "r.csv: 1 indicator value rows (import #2 by anonymous" in texts(plan)
    assert context.version_name == "store-000002", "showing the plan changed the store"
    message, tick, is_open, _ = carry_out_rollback(context, 1, stored, "en", 1)
    assert (
        "store-000001 is served again (history entry #3)" in texts(message)
        and tick == 2
        and not is_open
    )
    assert context.version_name == "store-000001" and context.catalog.data_origin == "empty"


def test_a_rollback_whose_store_changed_since_it_was_shown_changes_nothing(context):
    confirm_import(context, 1, upload(CSV), "r.csv", "auto", False, "en", 0)
    stored, *_ = show_rollback_plan(
        context, {"type": "import-rollback-button", "index": 2}, [1], [], "en"
    )
    confirm_import(
        context, 1, upload(CSV.replace(b"2021-Q2", b"2021-Q3")), "s.csv", "auto", False, "en", 1
    )
    message, *_ = carry_out_rollback(context, 1, stored, "en", 2)
    assert "Nothing was changed: the store changed since this rollback was shown" in texts(message)
    assert context.version_name == "store-000003"


def test_rollback_of_an_unknown_entry_is_a_message(context):
    stored, is_open, _, _, message = show_rollback_plan(
        context, {"type": "import-rollback-button", "index": 99}, [1], [], "en"
    )
    assert stored is None and is_open is False
    assert "History entry 99 is not an import" in texts(message)


def test_a_single_file_store_cannot_import_from_the_page(tiny_store_path):
    context = AppContext(settings_for(tiny_store_path))
    result, _, _ = confirm_import(context, 1, upload(CSV), "r.csv", "auto", False, "en", 0)
    assert "needs a store directory" in texts(result)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\amina\\r.csv", "C__Users_amina_r.csv"),
        ("", "upload"),
        ("<script>.csv", "_script_.csv"),
        ("..", "upload"),
    ],
)
def test_upload_names_are_made_safe(name, expected):
    assert safe_file_name(name) == expected


def test_the_page_lists_each_kind_of_file_from_the_importers_own_columns_with_a_template(tmp_path):
    """The column list and the templates come from the declaration the importer checks: a column
    added there shows on the page and in the template; a filled template imports, an empty one
    writes nothing."""
    from dashboard.app import create_app
    from dashboard.build.import_formats import FORMATS
    from dashboard.build.importer import KNOWN_COLUMNS, ImportRefused, import_file
    from dashboard.common.pages import PageContext
    from dashboard.imports.layout import layout

    from auth_helpers import SECRET, SignedInClient, write_users

    store = tmp_path / "store"
    build_store(store, demo=False)
    context = AppContext(settings_for(store))
    page = texts(
        layout(
            PageContext(
                lang="en",
                catalog=context.catalog,
                settings=context.settings,
                cursor=context.cursor(),
                params={},
            )
        )
    )
    assert {column.name for columns in FORMATS.values() for column in columns} == KNOWN_COLUMNS
    for columns in FORMATS.values():
        for column in columns:
            assert column.name in page
    assert "one of female, male, all" in page and "one of 18-24, 25-34, 35-44, 45+" in page
    assert "an Action code: JI-HOA, JI-NA, JI-SLC, PILOT, PROTTASHA, RADA" in page
    assert "returns_assisted" in page and "a whole number from 0 to 240" in page

    app = create_app(
        settings_for(
            store,
            auth_mode="users",
            secret_key=SECRET,
            users_file=write_users(tmp_path / "users.json"),
        )
    )
    assert app.server.test_client().get("/import/templates/survey.csv").status_code in (
        302,
        401,
    )  # sign in first
    assert SignedInClient(app, "vera").get("/import/templates/survey.csv").status_code == 403
    client = SignedInClient(app, "dana")
    assert client.get("/import/templates/other.csv").status_code == 404
    for kind in FORMATS:
        response = client.get(f"/import/templates/{kind}.csv")
        assert response.status_code == 200 and response.mimetype == "text/csv"
        assert f'filename="{kind}_template.csv"' in response.headers["Content-Disposition"]
        header = response.data.decode("utf-8-sig").strip().split(",")
        assert header == [column.name for column in FORMATS[kind]]
        template = tmp_path / f"{kind}.csv"
        template.write_bytes(response.data)
        with pytest.raises(ImportRefused, match="the file has no data rows"):
            import_file(store, template)
    filled = dict(
        survey_id="N1",
        respondent_id="",
        action_code="JI-SLC",
        iso3="SEN",
        survey_date="2020-03-15",
        months_since_return="6",
        sex="female",
        age_group="25-34",
        assistance_type="economic",
        assistance_level="individual",
        referral="direct",
        economic_score="0.6",
        social_score="0.5",
        psychosocial_score="0.4",
        composite_score="",
    )
    survey = tmp_path / "survey.csv"
    survey.write_bytes(
        survey.read_bytes()
        + ",".join(filled[column.name] for column in FORMATS["survey"]).encode()
        + b"\r\n"
    )
    assert import_file(store, survey).rows == 1


def test_the_rollback_dialog_says_how_long_the_rolled_back_version_stays(tmp_path):
    """The dialog's promise about the version served now is what pruning does: with 2 versions kept,
    it stays through one more import and is deleted once 2 others were served after it."""
    store = tmp_path / "store"
    build_store(store, demo=False)
    context = AppContext(settings_for(store, store_check_seconds=0, keep_versions=2))
    confirm_import(context, 1, upload(CSV), "r.csv", "auto", False, "en", 0)  # store-000002
    stored, _, plan, _, _ = show_rollback_plan(
        context, {"type": "import-rollback-button", "index": 2}, [1], [], "en"
    )
    assert (
        "The rollback deletes nothing: the history keeps every entry, and store-000002 stays on disk, so it can "
        "be served again. Only the last 2 versions served are kept"
    ) in texts(plan)
    assert "store-000002 too once 2 others were served after it" in texts(plan)
    carry_out_rollback(context, 1, stored, "en", 1)
    assert "store-000002.duckdb" in versions.version_names(store)  # the rollback deleted nothing
    confirm_import(
        context, 1, upload(CSV.replace(b"2021-Q2", b"2021-Q3")), "s.csv", "auto", False, "en", 2
    )
    assert "store-000002.duckdb" not in versions.version_names(
        store
    )  # store-000001 and 000003 served after it
