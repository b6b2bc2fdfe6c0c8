"""OpenID Connect sign-in end to end in a real browser, against a provider the test starts on loopback.

The provider (tests/oidc_provider.py, Authlib's server components) shows its own login form, issues
an authorization code bound to a PKCE challenge, and signs the ID token (RS256) with a key the app
fetches from its JWKS. The app is the real app in oidc mode; nothing is mocked.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from dashboard.app import create_app

from auth_helpers import SECRET
from conftest import LiveServer, settings_for, start_server, wait_for_dash
from oidc_provider import IdpUser, LocalOidcProvider

pytestmark = pytest.mark.browser

CLIENT_ID, CLIENT_SECRET = "euiom-dashboard", "client-secret-for-tests"
PEOPLE = {
    "dora": IdpUser("dora", "Dora Data", "dora-password-1", ("staff", "eu-iom-data-managers")),
    "vic": IdpUser("vic", "Vic Viewer", "vic-password-12", ("staff",)),
    "olga": IdpUser("olga", "Olga Outsider", "olga-password-1", ("contractors",)),
}
ROLE_MAP = (
    ("staff", "viewer"),
    ("eu-iom-data-managers", "data_manager"),
    ("eu-iom-analysts", "analyst"),
)
EXPIRING_LIFETIME = 20  # seconds


@pytest.fixture(scope="module")
def provider() -> Iterator[LocalOidcProvider]:
    started = LocalOidcProvider(list(PEOPLE.values())).start()
    yield started
    started.stop()


def oidc_server(provider: LocalOidcProvider, store_path, **overrides) -> LiveServer:
    settings = settings_for(
        store_path,
        auth_mode="oidc",
        secret_key=SECRET,
        oidc_issuer=provider.issuer,
        oidc_client_id=CLIENT_ID,
        oidc_client_secret=CLIENT_SECRET,
        oidc_scopes="openid profile email groups",
        oidc_role_map=ROLE_MAP,
        **overrides,
    )
    live = start_server(create_app(settings))
    provider.add_client(CLIENT_ID, CLIENT_SECRET, live.url)
    return live


@pytest.fixture(scope="module")
def oidc_live(provider, demo_store_path) -> Iterator[LiveServer]:
    live = oidc_server(provider, demo_store_path)
    yield live
    live.server.shutdown()


def refused_callbacks(page) -> list[str]:
    """Collects the callback requests the server refuses while the test runs."""
    refused: list[str] = []
    page.on(
        "response",
        lambda response: (
            "/_dash-update-component" in response.url
            and response.status in (401, 403)
            and refused.append(f"{response.status} {response.request.post_data[:200]}")
        ),
    )
    return refused


def sign_in_at_provider(page, provider: LocalOidcProvider, who: str) -> None:
    """From the dashboard's sign-in page, through the provider's login form."""
    page.wait_for_url("**/auth/login?**")
    page.get_by_role("link", name="Sign in with your organisation account").click()
    page.wait_for_url(f"{provider.issuer}/authorize?**")
    page.get_by_label("Email or user name").fill(who)
    page.get_by_label("Password").fill(PEOPLE[who].password)
    page.get_by_role("button", name="Continue").click()


def test_data_manager_signs_in_reaches_the_import_page_and_signs_out(page, provider, oidc_live):
    refused = refused_callbacks(page)
    page.goto(f"{oidc_live.url}/pillars?lang=en")
    sign_in_at_provider(page, provider, "dora")
    page.wait_for_url(f"{oidc_live.url}/pillars?lang=en")
    wait_for_dash(page)
    assert (
        page.locator("#shell-account-user").inner_text()
        == "Signed in as Dora Data (viewer, data manager)"
    )
    assert page.goto(f"{oidc_live.url}/import").status == 200
    wait_for_dash(page)
    assert refused == []

    page.goto(f"{oidc_live.url}/")
    wait_for_dash(page)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/auth/login?signed_out=1**")
    assert page.locator("#auth-notice").inner_text() == "You are signed out."
    page.goto(f"{oidc_live.url}/")
    page.wait_for_url("**/auth/login?next=%2F")  # the dashboard asks to sign in again
    assert page.get_by_role("link", name="Sign in with your organisation account").is_visible()
    assert page.watch.page_errors == [] and page.watch.outside_requests == []


def test_viewer_group_gives_a_viewer_without_downloads_or_imports(page, provider, oidc_live):
    refused = refused_callbacks(page)
    page.goto(f"{oidc_live.url}/")
    sign_in_at_provider(page, provider, "vic")
    page.wait_for_url(f"{oidc_live.url}/")
    wait_for_dash(page)
    assert page.locator("#shell-account-user").inner_text() == "Signed in as Vic Viewer (viewer)"
    assert page.get_by_role("button", name="Download the chart as PNG").first.is_visible()
    assert not page.get_by_role("button", name="Download the data as CSV").first.is_visible()
    assert refused == []
    refused = page.goto(f"{oidc_live.url}/import")
    assert refused.status == 403
    assert "Your role does not allow this page." in page.locator("main").inner_text()


def test_a_person_in_no_mapped_group_is_refused(page, provider, oidc_live):
    page.goto(f"{oidc_live.url}/")
    sign_in_at_provider(page, provider, "olga")
    page.wait_for_selector("#auth-error")
    assert (
        "Your account (Olga Outsider) has no role in this dashboard."
        in page.locator("#auth-error").inner_text()
    )
    page.goto(f"{oidc_live.url}/")
    page.wait_for_url("**/auth/login?**")


def test_an_expired_session_asks_to_sign_in_again_and_comes_back(page, provider, demo_store_path):
    live = oidc_server(provider, demo_store_path, session_lifetime=EXPIRING_LIFETIME)
    try:
        page.goto(f"{live.url}/sustainability")
        sign_in_at_provider(page, provider, "vic")
        signed_in = time.monotonic()
        page.wait_for_url(f"{live.url}/sustainability")
        wait_for_dash(page)
        assert (
            page.locator("#shell-account-user").inner_text() == "Signed in as Vic Viewer (viewer)"
        )
        page.wait_for_timeout(
            max(0.0, EXPIRING_LIFETIME + 1 - (time.monotonic() - signed_in)) * 1000
        )
        # The next thing the user does reaches the server with an expired session.
        page.get_by_label("Language").select_option("fr")
        page.wait_for_url("**/auth/login?expired=1**")
        assert (
            page.locator("#auth-notice").inner_text()
            == "Your session has expired: please sign in again."
        )
        sign_in_at_provider(page, provider, "vic")
        page.wait_for_url(f"{live.url}/sustainability**")
        wait_for_dash(page)
        assert page.locator("#shell-account-user").is_visible()
    finally:
        live.server.shutdown()
