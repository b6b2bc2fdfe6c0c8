"""Browser test of the import page: a data manager uploads a file, reads its report, confirms, sees
the new figures on the pillars page, and a rollback brings the old ones back."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_helpers import serious_violations

from dashboard.build.stores import build_store

from auth_helpers import PASSWORD, SECRET, write_users
from conftest import settings_for, start_server, wait_for_dash

pytestmark = pytest.mark.browser

RETURNS_CARD = "#pillars-headline-cards [data-indicator='returns_assisted'] .pillars-card-value"
FRENCH_EXCEL_CSV = ("action_code;iso3;period;sex;indicator_code;value\r\n"
                    "JI-SLC;SEN;2021-Q2;female;returns_assisted;12345\r\n"
                    "JI-SLC;SEN;2021-Q2;male;returns_assisted;4321\r\n")


@pytest.fixture()
def live_store_server(tmp_path: Path):
    """The app with sign-in on a store directory of demo data, switching versions on every request."""
    from dashboard.app import create_app

    store = tmp_path / "store"
    build_store(store, demo=True, rows=2_000)
    users_file = write_users(tmp_path / "users.json")
    live = start_server(create_app(settings_for(store, store_check_seconds=0, auth_mode="users",
                                                secret_key=SECRET, users_file=users_file)))
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
    page.wait_for_selector("#import-rollback-result .alert-success")
    assert "store-000001" in page.inner_text("#import-rollback-result")
    assert returns_card(page, url) == demo_total
    assert "Demo data" in page.inner_text("#shell-demo-banner")
    assert page.watch.console_errors == [] and page.watch.page_errors == []
    assert page.watch.failed_responses == [] and page.watch.outside_requests == []
