"""Browser tests of the import page: a data manager uploads a file, reads its report, confirms, sees
the new figures on the pillars page, and a rollback (confirmed in a dialog naming what changes)
brings the old ones back; importing the same file again then imports it; the history and its
buttons are on screen at 1280 px and on a 390 px phone."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_helpers import serious_violations

from dashboard.build.stores import build_store

from auth_helpers import PASSWORD, SECRET, write_users
from conftest import settings_for, start_server, wait_for_dash

pytestmark = pytest.mark.browser

RETURNS_CARD = "#pillars-headline-cards [data-indicator='returns_assisted'] .pillars-card-value"
FRENCH_EXCEL_CSV = (
    "action_code;iso3;period;sex;indicator_code;value\r\n"
    "JI-SLC;SEN;2021-Q2;female;returns_assisted;12345\r\n"
    "JI-SLC;SEN;2021-Q2;male;returns_assisted;4321\r\n"
)


@pytest.fixture()
def live_store_server(tmp_path: Path):
    """The app with sign-in on a store directory of demo data, switching versions on every request."""
    from dashboard.app import create_app

    store = tmp_path / "store"
    build_store(store, demo=True, rows=2_000)
    users_file = write_users(tmp_path / "users.json")
    live = start_server(
        create_app(
            settings_for(
                store,
                store_check_seconds=0,
                auth_mode="users",
                secret_key=SECRET,
                users_file=users_file,
            )
        )
    )
    yield live
    live.server.shutdown()


def returns_card(page, url: str) -> str:
    page.goto(url + "/pillars")
    wait_for_dash(page)
    page.wait_for_selector(RETURNS_CARD)
    return page.inner_text(RETURNS_CARD)


def sign_in(page, url: str, name: str) -> None:
    page.goto(url + "/pillars")
    page.wait_for_url("**/auth/login?next=**")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    wait_for_dash(page)


def test_a_viewer_gets_no_import_page(page, live_store_server):
    sign_in(page, live_store_server.url, "vera")
    assert not page.locator("nav a[href^='/import']").is_visible()
    response = page.goto(live_store_server.url + "/import")
    assert response.status == 403


@pytest.mark.inject_scripts
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_import_page_has_no_serious_accessibility_violation(page, live_store_server, lang):
    """The open-mode accessibility suite cannot open /import (data managers only): checked here."""
    sign_in(page, live_store_server.url, "dana")
    page.goto(f"{live_store_server.url}/import?lang={lang}")
    wait_for_dash(page)
    page.wait_for_selector("#import-history")
    assert serious_violations(page) == []


def test_upload_report_confirm_then_rollback(page, live_store_server, tmp_path):
    url = live_store_server.url
    sign_in(page, url, "dana")
    assert page.locator("nav a[href^='/import']").is_visible()
    demo_total = returns_card(page, url)
    assert demo_total != "16,666"
    assert "Demo data" in page.inner_text("#shell-demo-banner")

    file = tmp_path / "retours.csv"
    file.write_bytes(FRENCH_EXCEL_CSV.encode("cp1252"))
    page.goto(url + "/import")
    wait_for_dash(page)
    page.set_input_files("#import-upload input[type=file]", str(file))
    page.wait_for_selector("#import-report .alert-danger")
    assert "the store holds demo data" in page.inner_text("#import-report")
    assert page.is_disabled("#import-confirm-button")

    page.get_by_label("Replace the demo data", exact=False).check()
    page.wait_for_selector("#import-report .alert-success")
    report = page.inner_text("#import-report")
    assert "retours.csv: 2 indicator value rows are ready to import" in report
    assert "semicolon-separated" in report and "All demo data will be removed" in report
    page.click("#import-confirm-button")
    page.wait_for_selector("#import-result .alert-success")
    assert "Imported 2 indicator value rows from retours.csv" in page.inner_text("#import-result")
    page.wait_for_selector("#import-history td:has-text('retours.csv')")
    history = page.inner_text("#import-history")
    assert "dana" in history and "store-000002" in history

    assert returns_card(page, url) == "16,666"
    assert "Imported data" in page.inner_text("#shell-demo-banner")

    page.goto(url + "/import")
    wait_for_dash(page)
    page.click("#import-history button[id*='import-rollback-button']")
    page.wait_for_selector("#import-rollback-dialog .modal-body li")
    plan = page.inner_text("#import-rollback-dialog .modal-body")
    assert "Served now: store-000002. After the rollback: store-000001" in plan
    assert "retours.csv: 2 indicator value rows (import #2 by dana" in plan
    assert (
        "the demo data (invented, seed 42; build #1)" in plan
    )  # the demo rows the import replaced come back
    page.click("#import-rollback-confirm-button")
    page.wait_for_selector("#import-rollback-result .alert-success")
    assert "store-000001 is served again (history entry #3)" in page.inner_text(
        "#import-rollback-result"
    )
    assert returns_card(page, url) == demo_total
    assert "Demo data" in page.inner_text("#shell-demo-banner")
    assert page.watch.console_errors == [] and page.watch.page_errors == []
    assert page.watch.failed_responses == [] and page.watch.outside_requests == []


@pytest.fixture()
def empty_store_server(tmp_path: Path):
    """The app with sign-in on a store directory of reference data only, and the answer cache on."""
    from dashboard.app import create_app

    store = tmp_path / "store"
    build_store(store, demo=False)
    users_file = write_users(tmp_path / "users.json")
    live = start_server(
        create_app(
            settings_for(
                store,
                store_check_seconds=0,
                auth_mode="users",
                secret_key=SECRET,
                users_file=users_file,
                cache_dir=tmp_path / "cache",
            )
        )
    )
    live.store = store
    yield live
    live.server.shutdown()


def import_in_page(page, url: str, file: Path) -> str:
    page.goto(url + "/import")
    wait_for_dash(page)
    page.set_input_files("#import-upload input[type=file]", str(file))
    page.wait_for_selector("#import-report .alert-success")
    page.click("#import-confirm-button")
    page.wait_for_selector("#import-result .alert")
    return page.inner_text("#import-result")


def test_importing_the_same_file_again_after_a_rollback_imports_it(
    page, empty_store_server, tmp_path
):
    """The false success of issue 19: the page said "Imported" and wrote nothing (a cached answer)."""
    from dashboard.build import history_log
    from dashboard.store.files import current_version_name

    url, store = empty_store_server.url, empty_store_server.store
    file = tmp_path / "retours.csv"
    file.write_bytes(FRENCH_EXCEL_CSV.encode("cp1252"))
    sign_in(page, url, "dana")
    assert "(version store-000002)" in import_in_page(page, url, file)
    # On the same page, without reloading it: roll back, then choose the same file again.
    page.wait_for_selector("#import-history button[id*='import-rollback-button']")
    page.click("#import-history button[id*='import-rollback-button']")
    page.wait_for_selector("#import-rollback-dialog .modal-body li")
    page.click("#import-rollback-confirm-button")
    page.wait_for_selector("#import-rollback-result .alert-success")
    assert current_version_name(store) == "store-000001.duckdb"
    page.keyboard.press("Escape")
    page.set_input_files("#import-upload input[type=file]", str(file))
    page.wait_for_selector("#import-report .alert-success")
    page.click("#import-confirm-button")
    page.wait_for_selector("#import-result .alert:has-text('store-000003')")
    assert "(version store-000003)" in page.inner_text("#import-result")
    assert current_version_name(store) == "store-000003.duckdb"
    entries = history_log.read_entries(store)
    assert [entry["action"] for entry in entries] == ["build", "import", "rollback", "import"]
    page.goto(url + "/import")
    wait_for_dash(page)
    page.wait_for_selector("#import-history tbody tr")
    assert page.locator("#import-history tbody tr").count() == len(entries) == 4
    assert page.inner_text("#import-history tbody tr >> nth=0").startswith("4")
    assert page.watch.failed_responses == [] and page.watch.console_errors == []


@pytest.mark.parametrize(
    "viewport",
    [{"width": 1280, "height": 800}, {"width": 390, "height": 844}],
    ids=["1280px", "390px"],
)
def test_the_history_and_its_buttons_are_on_screen_and_a_rollback_can_be_cancelled(
    browser, empty_store_server, tmp_path, viewport
):
    from dashboard.build.importer import import_file
    from dashboard.store.files import current_version_name

    url, store = empty_store_server.url, empty_store_server.store
    for year in (2017, 2018):
        import_file(store, write_file(tmp_path / f"{year}.csv", year), user="dana")
    context = browser.new_context(
        viewport=viewport, is_mobile=viewport["width"] < 500, has_touch=viewport["width"] < 500
    )
    page = context.new_page()
    try:
        sign_in(page, url, "dana")
        page.goto(url + "/import")
        wait_for_dash(page)
        page.wait_for_selector("#import-history tbody tr")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        buttons = page.locator("#import-history button")
        assert buttons.count() == 4  # roll back either import; serve either older version again
        for index in range(buttons.count()):
            buttons.nth(index).scroll_into_view_if_needed()
            box = buttons.nth(index).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (index, box)
            # Nothing scrolls sideways inside the history either: the button is visible as it is.
            assert page.evaluate(
                """button => { const r = button.getBoundingClientRect();
                const box = button.closest('.import-history-box').getBoundingClientRect();
                return r.left >= box.left && r.right <= box.right; }""",
                buttons.nth(index).element_handle(),
            )
        page.get_by_role(
            "button", name="Roll back import #3 (2018.csv): see what changes first"
        ).click()
        page.wait_for_selector("#import-rollback-dialog .modal-body li")
        assert "2018.csv: 1 indicator value rows (import #3 by dana" in page.inner_text(
            "#import-rollback-dialog"
        )
        go = page.locator("#import-rollback-confirm-button")
        box = go.bounding_box()
        assert (
            box["x"] + box["width"] <= viewport["width"] and go.inner_text() == "Serve store-000002"
        )
        page.click("#import-rollback-cancel-button")
        page.wait_for_selector("#import-rollback-dialog", state="hidden")
        assert current_version_name(store) == "store-000003.duckdb", "cancelling changed the store"
    finally:
        context.close()


def write_file(path: Path, year: int) -> Path:
    path.write_text(
        f"action_code,iso3,period,sex,indicator_code,value\nJI-SLC,SEN,{year}-Q2,female,returns_assisted,7\n",
        encoding="utf-8",
    )
    return path
