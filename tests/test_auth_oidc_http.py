"""OpenID Connect sessions and tokens that end with the person at the provider, over real HTTP.

The provider (tests/oidc_provider.py) gives access tokens that live ``LIFETIME`` seconds, refresh
tokens and a userinfo endpoint. The app keeps a session while the provider's answer is fresh,
then asks the provider again: a person removed there loses their session and API tokens within
one token lifetime; a person still there goes on without noticing. (A forged ID token:
tests/test_bad_input_requests.py.)
"""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests

from dashboard.app import create_app

from auth_helpers import SECRET
from conftest import LiveServer, settings_for, start_server
from oidc_provider import IdpUser, LocalOidcProvider

CLIENT_ID, CLIENT_SECRET = "euiom-dashboard", "client-secret-for-tests"
LIFETIME = 3  # seconds an access token lives
PEOPLE = {
    "dora": IdpUser("dora", "Dora Data", "dora-password-1", ("staff", "eu-iom-data-managers")),
    "ari": IdpUser("ari", "Ari Analyst", "ari-password-12", ("staff", "eu-iom-analysts")),
    "vic": IdpUser("vic", "Vic Viewer", "vic-password-12", ("staff",)),
}
ROLE_MAP = (
    ("staff", "viewer"),
    ("eu-iom-data-managers", "data_manager"),
    ("eu-iom-analysts", "analyst"),
)


@pytest.fixture()
def provider() -> Iterator[LocalOidcProvider]:
    started = LocalOidcProvider(
        [IdpUser(*vars(person).values()) for person in PEOPLE.values()], token_lifetime=LIFETIME
    ).start()
    yield started
    started.stop()


def oidc_app(provider: LocalOidcProvider, store_path, **overrides) -> LiveServer:
    # API tokens go to a file of the test's own, never next to the default users file in data/.
    overrides.setdefault(
        "api_tokens_file", Path(tempfile.mkdtemp(prefix="oidc-tokens-")) / "api_tokens.json"
    )
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


@pytest.fixture()
def app_url(provider, tiny_store_path) -> Iterator[str]:
    live = oidc_app(provider, tiny_store_path)
    yield live.url
    live.server.shutdown()


def sign_in(
    base: str, provider: LocalOidcProvider, who: str
) -> tuple[requests.Session, requests.Response]:
    """The browser's way: the app sends to the provider, its form is posted, the provider sends back."""
    session = requests.Session()
    form = session.get(f"{base}/auth/oidc/start?next=/pillars", timeout=30)
    assert form.url.startswith(provider.issuer + "/authorize"), form.url
    action = (
        re.search(r'<form method="post" action="([^"]+)"', form.text).group(1).replace("&amp;", "&")
    )
    answer = session.post(
        urljoin(form.url, action),
        data={"username": who, "password": PEOPLE[who].password},
        timeout=30,
    )
    return session, answer


def status(session: requests.Session, url: str, **headers: str) -> int:
    return session.get(
        url, timeout=30, allow_redirects=False, headers={"Accept": "application/json", **headers}
    ).status_code


def test_a_person_removed_at_the_provider_loses_access_within_the_token_lifetime(provider, app_url):
    vic, landed = sign_in(app_url, provider, "vic")
    assert landed.url == f"{app_url}/pillars" and landed.status_code == 200
    dora, _ = sign_in(app_url, provider, "dora")
    assert status(vic, app_url + "/_dash-layout") == 200
    provider.remove_user("vic")
    removed_at = time.monotonic()
    deadline = removed_at + LIFETIME + 5
    while status(vic, app_url + "/_dash-layout") == 200 and time.monotonic() < deadline:
        time.sleep(0.5)
    print(
        f"access ended {time.monotonic() - removed_at:.1f} s after the removal (token lifetime {LIFETIME} s)"
    )
    assert status(vic, app_url + "/_dash-layout") == 401
    page = vic.get(
        app_url + "/sustainability",
        allow_redirects=False,
        headers={"Accept": "text/html"},
        timeout=30,
    )
    assert page.status_code == 302 and "expired=1" in page.headers["Location"]
    # Dora is still at the provider: her session goes on past the lifetime, refreshed in the background.
    time.sleep(LIFETIME + 1)
    assert status(dora, app_url + "/_dash-layout") == 200
    assert provider.refreshes >= 1


def test_api_tokens_of_a_person_removed_at_the_provider_stop(provider, app_url):
    ari, _ = sign_in(app_url, provider, "ari")
    page = ari.get(app_url + "/tokens", timeout=30).text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    created = ari.post(
        app_url + "/tokens",
        data={"action": "create", "label": "script", "csrf_token": csrf},
        timeout=30,
    ).text
    token = re.search(r'id="tokens-new-token"[^>]*>([^<]+)<', created).group(1)
    bearer = {"Authorization": f"Bearer {token}"}
    chart = app_url + "/api/v1/charts/pillar-counts"
    assert status(requests.Session(), chart, **bearer) == 200
    time.sleep(LIFETIME + 1)
    assert status(requests.Session(), chart, **bearer) == 200  # still at the provider: refreshed
    provider.remove_user("ari")
    time.sleep(LIFETIME + 1)
    assert status(requests.Session(), chart, **bearer) == 401


def test_behind_a_tls_proxy_the_redirect_uri_is_the_public_address(provider, tiny_store_path):
    live = oidc_app(provider, tiny_store_path, public_url="https://dash.example.org")
    try:
        start = requests.get(
            live.url + "/auth/oidc/start?next=/", allow_redirects=False, timeout=30
        )
        query = parse_qs(urlsplit(start.headers["Location"]).query)
        assert query["redirect_uri"] == ["https://dash.example.org/auth/oidc/callback"]
        cookie = start.headers["Set-Cookie"]
        assert "Secure" in cookie and "HttpOnly" in cookie
        assert start.headers["Strict-Transport-Security"] == "max-age=31536000"
    finally:
        live.server.shutdown()
