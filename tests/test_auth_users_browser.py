"""Sign-in with the users file in a real browser: the form in both languages, accessible, and the
signed-in navbar."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests
from browser_helpers import serious_violations
from playwright.sync_api import expect

from dashboard.app import create_app

from auth_helpers import PASSWORD, SECRET, write_users
from conftest import LiveServer, settings_for, start_server, wait_for_dash

pytestmark = [pytest.mark.browser, pytest.mark.inject_scripts]


@pytest.fixture(scope="module")
def users_live(demo_store_path, tmp_path_factory) -> Iterator[LiveServer]:
    users_file = write_users(tmp_path_factory.mktemp("users") / "users.json")
    live = start_server(
        create_app(
            settings_for(
                demo_store_path, auth_mode="users", secret_key=SECRET, users_file=users_file
            )
        )
    )
    yield live
    live.server.shutdown()


def test_sign_in_form_in_french_then_the_dashboard_and_sign_out(page, users_live):
    page.goto(f"{users_live.url}/sustainability?lang=fr")
    page.wait_for_url("**/auth/login?next=**")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert serious_violations(page) == []
    page.get_by_label("Nom d’utilisateur").fill("ana")
    page.get_by_label("Mot de passe").fill("pas le bon mot de passe")
    page.get_by_role("button", name="Se connecter").click()
    assert (
        page.locator("#auth-error").inner_text() == "Nom d’utilisateur ou mot de passe incorrect."
    )
    assert page.get_by_label("Nom d’utilisateur").input_value() == "ana"
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{users_live.url}/sustainability?lang=fr")
    wait_for_dash(page)
    assert (
        page.locator("#shell-account-user").inner_text()
        == "Connecté·e\u00a0: ana (consultation, analyste)"
    )
    assert page.get_by_role("button", name="Télécharger les données en CSV").first.is_visible()
    assert serious_violations(page) == []
    page.get_by_label("Langue").select_option("en")
    page.wait_for_function(
        "() => document.getElementById('shell-sign-out-button').textContent === 'Sign out'"
    )
    # Another callback writes the account line: wait for it too (it may come later on a busy machine).
    expect(page.locator("#shell-account-user")).to_have_text("Signed in as ana (viewer, analyst)")
    captured = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    assert captured["euiom_session"]
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/auth/login?signed_out=1&lang=en")
    assert page.locator("#auth-notice").inner_text() == "You are signed out."
    assert page.watch.page_errors == [] and page.watch.outside_requests == []
    # The session cookie the browser held before signing out, replayed: the session is gone.
    replayed = requests.get(
        f"{users_live.url}/_dash-layout",
        cookies=captured,
        timeout=30,
        headers={"Accept": "application/json"},
        allow_redirects=False,
    )
    assert replayed.status_code == 401


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_data_managers_menu_bar_takes_two_rows_at_1280_px(page, users_live, lang):
    """Links on one row, the language, brief, open data and account on the next (it took three in French)."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{users_live.url}/?lang={lang}")
    page.wait_for_url("**/auth/login?next=**")
    page.locator("#auth-user-name").fill("dana")
    page.locator("#auth-password").fill(PASSWORD)
    page.locator("#auth-submit").click()
    wait_for_dash(page)
    links = page.locator("#shell-nav-links a").evaluate_all(
        "links => links.map(l => l.getBoundingClientRect().top)"
    )
    assert len(links) == 5 and len(set(links)) == 1  # the import page's link too, on the links' row
    controls = page.locator("#shell-sign-out-button").bounding_box()
    assert controls["y"] > max(links) and controls["y"] + controls["height"] < 110
