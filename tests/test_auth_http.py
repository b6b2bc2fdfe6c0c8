"""Sign-in and roles, checked on the server with direct HTTP requests (no page, no hidden links).

The app runs in users mode on the tiny store, with a viewer, an analyst and a data manager.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.auth import Permission, Role, can, current_user, has_role
from dashboard.auth.users_file import remove_user
from dashboard.settings import SettingsError, load_settings

from auth_helpers import (
    PASSWORD,
    SECRET,
    SignedInClient,
    csrf_header,
    export_body,
    form_token,
    import_body,
    page_body,
    sign_in,
    write_users,
)
from conftest import settings_for

CALLBACK = "/_dash-update-component"


@pytest.fixture(scope="module")
def users_file(tmp_path_factory) -> Path:
    return write_users(tmp_path_factory.mktemp("users") / "users.json")


@pytest.fixture(scope="module")
def app(tiny_store_path, users_file):
    return create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users_file)
    )


def signed_in_client(app, name: str):
    client = app.server.test_client()
    assert sign_in(client, name).status_code == 302
    return client, csrf_header(client)


def test_anonymous_requests_are_sent_to_sign_in_or_refused(app):
    client = app.server.test_client()
    page = client.get("/sustainability?lang=fr", headers={"Accept": "text/html"})
    assert page.status_code == 302
    assert page.headers["Location"] == "/auth/login?next=%2Fsustainability%3Flang%3Dfr"
    for path in ("/_dash-layout", "/_dash-dependencies", "/import/history"):
        assert client.get(path, headers={"Accept": "application/json"}).status_code == 401, path
    assert client.post(CALLBACK, json=export_body()).status_code == 401
    assert client.post(CALLBACK, json=page_body("/")).status_code == 401
    # Styles and library code hold no data: the sign-in page needs them.
    assert client.get("/assets/00-bootstrap-5.3.9.min.css").status_code == 200
    sign_in_page = client.get("/auth/login?next=/sustainability%3Flang%3Dfr")
    assert sign_in_page.status_code == 200
    assert 'lang="fr"' in sign_in_page.get_data(as_text=True)
    assert "Mot de passe" in sign_in_page.get_data(as_text=True)


# Paths a prefix check took for public (/assets/, /_dash-component-suites/) or a name list did
# (/favicon.ico, the OIDC routes in users mode): they name no file, so Dash's catch-all route
# answered them with the app's page, its configuration holding the validation layout.
NOT_PUBLIC = [
    "/assets/",
    "/assets/no-such-file.css",
    "/assets/LICENSES",
    "/assets/LICENSES/",
    "/_dash-component-suites/",
    "/_dash-component-suites/dash",
    "/_dash-component-suites/dash/",
    "/_dash-component-suites/dash/no-such-file.js",
    "/_dash-component-suites/no_such_package/x.js",
    "/favicon.ico",
    "/auth/oidc/start",
    "/auth/oidc/callback",
    "/auth/",
    "/auth/nothing",
    "/static/x",
    "/api/v1/docs/",
    "/auth/login/",
]


@pytest.mark.parametrize("path", NOT_PUBLIC)
def test_a_path_naming_no_public_file_needs_a_session(app, path):
    client = app.server.test_client()
    for accept in ("text/html", "application/json", "*/*"):
        answer = client.get(path, headers={"Accept": accept})
        assert answer.status_code in (302, 401), (path, accept, answer.status_code)
        assert "_dash-config" not in answer.get_data(as_text=True)
        if answer.status_code == 302:
            assert answer.headers["Location"].startswith("/auth/login?next=")


def test_only_existing_style_and_library_files_are_public(app):
    signed_in, _ = signed_in_client(app, "vera")
    page = signed_in.get("/").get_data(as_text=True)
    import re

    library = re.findall(r'src="(/_dash-component-suites/[^"]+)"', page)
    styles = re.findall(r'href="(/assets/[^"]+\.css[^"]*)"', page)
    assert library and styles
    anonymous = app.server.test_client()
    for url in (
        library
        + styles
        + ["/assets/00-bootstrap-5.3.9.min.css", "/_favicon.ico", "/api/v1/openapi.json"]
    ):
        assert anonymous.get(url).status_code == 200, url


def test_the_validation_layout_every_page_carries_holds_ids_only(app):
    import json
    import re

    signed_in, _ = signed_in_client(app, "vera")
    page = signed_in.get("/").get_data(as_text=True)
    config = json.loads(
        re.search(
            r'<script id="_dash-config" type="application/json">(.*?)</script>', page, re.S
        ).group(1)
    )
    components = config["validation_layout"]["props"]["children"]
    assert len(components) > 100
    assert all(set(component["props"]) == {"id"} for component in components)
    text = json.dumps(config["validation_layout"])
    for store_value in ("Senegal", "Sénégal", "Guinea", "JI-SLC", "tiny", "demo data"):
        assert store_value not in text


def test_wrong_password_is_refused_with_a_message(app):
    client = app.server.test_client()
    response = sign_in(client, "ana", "not the password at all")
    assert response.status_code == 401
    assert "Wrong user name or password." in response.get_data(as_text=True)
    assert sign_in(client, "nobody-here", PASSWORD).status_code == 401
    assert client.get("/_dash-layout").status_code == 401


def test_a_sign_in_form_stays_valid_when_the_browser_asks_for_something_else_on_the_way(app):
    """Chromium asks for /favicon.ico after showing the sign-in page; that request (sent to sign
    in, as any other) showed a new form whose cookie replaced the visible form's: every sign-in in
    a real browser was refused as an expired form. The page names its icon, and a browser keeps
    its form cookie, so a second tab's form stays valid too."""
    client = app.server.test_client()
    first = client.get("/auth/login?next=/").get_data(as_text=True)
    assert '<link rel="icon" href="/_favicon.ico">' in first
    assert client.get("/favicon.ico").status_code in (
        302,
        303,
    )  # to sign in: a second form is shown
    client.get("/auth/login?next=/favicon.ico")
    answer = client.post(
        "/auth/login",
        data={
            "username": "vera",
            "password": PASSWORD,
            "next": "/",
            "csrf_token": form_token(first),
        },
    )
    assert answer.status_code == 302 and answer.headers["Location"] == "/"


def test_sign_in_returns_to_the_page_asked_for_and_never_to_another_site(app):
    client = app.server.test_client()
    assert (
        sign_in(client, "vera", next_path="/pillars?lang=fr").headers["Location"]
        == "/pillars?lang=fr"
    )
    other = app.server.test_client()
    assert sign_in(other, "vera", next_path="//evil.example/x").headers["Location"] == "/"


def test_viewer_sees_the_dashboard_but_not_exports_or_the_import_page(app):
    client, header = signed_in_client(app, "vera")
    assert client.get("/").status_code == 200
    layout = client.get("/_dash-layout")
    assert layout.status_code == 200
    assert "Signed in as vera (viewer)" in layout.get_data(as_text=True)
    assert "cannot-export" in layout.get_data(as_text=True)
    assert client.post(CALLBACK, json=page_body("/pillars"), headers=header).status_code == 200
    assert client.post(CALLBACK, json=export_body(), headers=header).status_code == 403
    assert client.post(CALLBACK, json=import_body(), headers=header).status_code == 403
    assert client.post(CALLBACK, json=page_body("/import"), headers=header).status_code == 403
    assert client.get("/import", headers={"Accept": "text/html"}).status_code == 403
    assert client.get("/import/history", headers={"Accept": "application/json"}).status_code == 403
    assert client.post("/import/upload", headers=header).status_code == 403


def test_analyst_exports_but_does_not_manage_data(app):
    client, header = signed_in_client(app, "ana")
    download = client.post(CALLBACK, json=export_body(), headers=header)
    assert download.status_code == 200
    assert (
        "programme-map" in download.get_json()["response"][ids.EXPORT_DOWNLOAD]["data"]["filename"]
    )
    assert "cannot-export" not in client.get("/_dash-layout").get_data(as_text=True)
    assert client.post(CALLBACK, json=import_body(), headers=header).status_code == 403
    assert client.get("/import").status_code == 403


def test_data_manager_reaches_the_import_page_and_its_callbacks(app):
    client, header = signed_in_client(app, "dana")
    assert client.get("/import").status_code == 200
    assert client.post(CALLBACK, json=page_body("/import"), headers=header).status_code == 200
    # Past the role check: what answers is the callback guard's "no such callback" (the import page
    # is another module), not a refusal.
    assert client.post(CALLBACK, json=import_body(), headers=header).status_code == 400
    assert client.post(CALLBACK, json=export_body(), headers=header).status_code == 403


def test_posts_without_the_csrf_token_or_from_another_site_are_refused(app):
    client, header = signed_in_client(app, "ana")
    assert client.post(CALLBACK, json=export_body()).status_code == 403
    assert (
        client.post(CALLBACK, json=export_body(), headers={"X-CSRFToken": "forged"}).status_code
        == 403
    )
    cross_site = {**header, "Origin": "http://evil.example"}
    assert client.post(CALLBACK, json=export_body(), headers=cross_site).status_code == 403
    assert client.post(CALLBACK, json=export_body(), headers=header).status_code == 200
    # Signing in is a POST too: a form without the token is refused.
    fresh = app.server.test_client()
    assert (
        fresh.post("/auth/login", data={"username": "ana", "password": PASSWORD}).status_code == 400
    )  # refused, with a fresh form


def test_sign_out_ends_the_session(app):
    client, header = signed_in_client(app, "ana")
    token = header["X-CSRFToken"]
    assert (
        client.post("/auth/logout").status_code == 403
    )  # no token: not signed out by another site
    response = client.post("/auth/logout", data={"csrf_token": token, "lang": "fr"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login?signed_out=1&lang=fr"
    assert "Vous êtes déconnecté·e." in client.get(response.headers["Location"]).get_data(
        as_text=True
    )
    assert client.get("/_dash-layout").status_code == 401
    assert client.post(CALLBACK, json=export_body(), headers=header).status_code == 401


def test_an_expired_session_asks_to_sign_in_again(tiny_store_path, users_file):
    app = create_app(
        settings_for(
            tiny_store_path,
            auth_mode="users",
            secret_key=SECRET,
            users_file=users_file,
            session_lifetime=60,
        )
    )
    client, header = signed_in_client(app, "ana")
    assert client.get("/_dash-layout").status_code == 200
    # The session grows older than its lifetime (a sleep raced the sign-in's scrypt on a loaded machine).
    with client.session_transaction() as session:
        session["signed_in_at"] -= 61
    page = client.get("/pillars", headers={"Accept": "text/html"})
    assert page.status_code == 302
    assert page.headers["Location"] == "/auth/login?next=%2Fpillars&expired=1"
    assert "Your session has expired" in client.get(page.headers["Location"]).get_data(as_text=True)
    assert client.post(CALLBACK, json=export_body(), headers=header).status_code == 401


def test_a_user_removed_from_the_file_is_refused_at_the_next_request(tiny_store_path, tmp_path):
    users_file = write_users(tmp_path / "users.json")
    app = create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users_file)
    )
    client, _ = signed_in_client(app, "vera")
    assert client.get("/_dash-layout").status_code == 200
    remove_user(users_file, "vera")
    assert client.get("/_dash-layout").status_code == 401


def test_open_mode_is_the_public_demo_without_imports(tiny_store_path):
    app = create_app(settings_for(tiny_store_path))
    client = app.server.test_client()
    assert client.get("/").status_code == 200
    assert client.post(CALLBACK, json=export_body()).status_code == 200
    assert client.post(CALLBACK, json=import_body()).status_code == 403
    assert client.post(CALLBACK, json=page_body("/import")).status_code == 403
    assert client.get("/import").status_code == 403
    assert client.get("/auth/login").headers["Location"] == "/"
    assert (
        find_props(client.get("/_dash-layout").get_json(), ids.ACCOUNT_FORM)["className"]
        == "d-none"
    )


def find_props(node: object, component_id: str) -> dict | None:
    """The props of the component with ``component_id`` in a serialised layout."""
    if isinstance(node, list):
        return next((found for child in node if (found := find_props(child, component_id))), None)
    if not isinstance(node, dict):
        return None
    props = node.get("props", {})
    if props.get("id") == component_id:
        return props
    return find_props(props.get("children"), component_id)


def test_current_user_api_in_a_request(app):
    with app.server.test_request_context("/"):
        assert current_user().signed_in is False
        assert not has_role(Role.VIEWER)
    client, _ = signed_in_client(app, "ana")
    with client.application.test_request_context(
        "/", headers={"Cookie": f"euiom_session={client.get_cookie('euiom_session').value}"}
    ):
        assert current_user().name == "ana"
        assert has_role(Role.ANALYST) and has_role("viewer") and not has_role(Role.DATA_MANAGER)
        assert (
            can(Permission.EXPORT)
            and can(Permission.EXACT_STATISTICS)
            and not can(Permission.MANAGE_DATA)
        )
    assert current_user().signed_in is False  # outside a request: nobody


@pytest.mark.parametrize(
    ("environ", "named"),
    [
        ({"EUIOM_AUTH": "users"}, "EUIOM_SECRET_KEY"),
        ({"EUIOM_AUTH": "sso"}, "EUIOM_AUTH"),
        ({"EUIOM_AUTH": "users", "EUIOM_SECRET_KEY": "short"}, "EUIOM_SECRET_KEY"),
        ({"EUIOM_AUTH": "oidc", "EUIOM_SECRET_KEY": SECRET}, "EUIOM_OIDC_ISSUER"),
        ({"EUIOM_OIDC_ROLES": "staff=admin"}, "EUIOM_OIDC_ROLES"),
        ({"EUIOM_SESSION_LIFETIME": "forever"}, "EUIOM_SESSION_LIFETIME"),
    ],
)
def test_bad_auth_settings_name_the_variable(environ, named):
    with pytest.raises(SettingsError, match=named):
        load_settings(environ)


def test_auth_settings_parse():
    settings = load_settings(
        {
            "EUIOM_SESSION_LIFETIME": "30m",
            "EUIOM_OIDC_ROLES": "iom-staff=viewer; iom-me=analyst;*=viewer",
        }
    )
    assert settings.session_lifetime == 1800
    assert settings.oidc_role_map == (
        ("iom-staff", "viewer"),
        ("iom-me", "analyst"),
        ("*", "viewer"),
    )
    assert load_settings({}).auth_mode == "open"
    assert SECRET not in repr(replace(load_settings({}), secret_key=SECRET))


def test_download_callback_without_a_click_is_not_an_export(app):
    client, header = signed_in_client(app, "vera")
    unclicked = export_body()
    unclicked["inputs"][0][0]["value"] = 0
    answer = client.post(CALLBACK, json=unclicked, headers=header)
    assert answer.status_code in (200, 204)
    assert "filename" not in answer.get_data(as_text=True)  # no file made
    for tampered in (1, "1", [1], True):
        body = export_body()
        body["inputs"][0][0]["value"] = tampered
        assert client.post(CALLBACK, json=body, headers=header).status_code == 403, tampered


def test_a_deeply_nested_callback_body_is_a_client_error(tiny_store_path):
    client = create_app(settings_for(tiny_store_path)).server.test_client()
    for depth in (900, 100_000):
        body = '{"output":"x","outputs":' + "[" * depth + "]" * depth + ',"inputs":[]}'
        assert client.post(CALLBACK, data=body, content_type="application/json").status_code == 400


def client_from(app, address: str):
    """A test client whose requests come from ``address``."""
    client = app.server.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_an_address_that_keeps_guessing_waits_longer_and_longer(tiny_store_path, tmp_path):
    users_file = write_users(tmp_path / "users.json")
    app = create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users_file)
    )
    guesser = client_from(app, "198.51.100.7")
    for name in ("dana", "ana", "nobody", "vera", "dana"):  # whatever names it tries
        assert sign_in(guesser, name, "a wrong password here").status_code == 401
    waiting = sign_in(guesser, "dana")  # even the right password, from this address
    assert waiting.status_code == 429
    assert 1 <= int(waiting.headers["Retry-After"]) <= 60
    assert "Too many failed sign-ins from your address: try again in 1 min." in waiting.get_data(
        as_text=True
    )
    # The real user, from their own address, is not locked out.
    assert sign_in(client_from(app, "203.0.113.20"), "dana").status_code == 302


def test_a_guesser_behind_a_shared_address_cannot_lock_out_the_others_there(
    tiny_store_path, tmp_path
):
    """Before: past 5 failures the address was refused whatever the password, so a guesser behind the
    same NAT, VPN or proxy locked everyone there out. A name nobody failed with recently is checked."""
    users_file = write_users(tmp_path / "users.json")
    app = create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users_file)
    )
    shared = "198.51.100.9"
    for _ in range(8):
        assert sign_in(client_from(app, shared), "vera", "a wrong password here").status_code in (
            401,
            429,
        )
    assert sign_in(client_from(app, shared), "vera").status_code == 429  # the guessed name waits
    assert (
        sign_in(client_from(app, shared), "dana").status_code == 302
    )  # a colleague behind the same address
    assert (
        sign_in(client_from(app, shared), "dana").status_code == 302
    )  # and again, after signing out
    assert (
        sign_in(client_from(app, shared), "ana", "a wrong password here").status_code == 401
    )  # one check
    assert (
        sign_in(client_from(app, shared), "ana", "another wrong one").status_code == 429
    )  # then it waits


def test_a_slowed_address_waits_longer_after_each_wrong_password_never_a_whole_day(
    tiny_store_path, tmp_path
):
    from dashboard.auth.guessing import WAIT_SCOPE, delay_after

    assert [delay_after(strikes) for strikes in range(1, 9)] == [
        60,
        120,
        240,
        480,
        960,
        1920,
        3600,
        3600,
    ]
    users_file = write_users(tmp_path / "users.json")
    app = create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users_file)
    )
    limits = app.server.extensions["euiom_auth"].guessing.limits
    guesser = client_from(app, "198.51.100.8")
    for _ in range(5):
        assert sign_in(guesser, "vera", "wrong").status_code == 401
    waits = []
    for _ in range(3):
        refused = sign_in(guesser, "vera", "wrong")
        assert refused.status_code == 429
        waits.append(int(refused.headers["Retry-After"]))
        limits.give_back(WAIT_SCOPE, "198.51.100.8")  # as if the wait had passed
        assert sign_in(guesser, "vera", "wrong").status_code == 401  # one more is checked
    assert 55 <= waits[0] <= 60 and 115 <= waits[1] <= 120 and 235 <= waits[2] <= 240
    limits.give_back(WAIT_SCOPE, "198.51.100.8")
    assert sign_in(guesser, "vera").status_code == 302  # the right password, after the wait


def test_parallel_guesses_are_counted_before_any_password_is_checked(tiny_store_path, tmp_path):
    """Before: the check and the count were separate steps, and 40 guesses sent at once had about
    15 checked. Now 5 (the address's first window) plus the one check a name with no failure gets."""
    import threading

    import requests

    from conftest import start_server

    users_file = write_users(tmp_path / "users.json")
    app = create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users_file)
    )
    live = start_server(app)
    try:
        sessions, tokens = [], []
        for _ in range(40):
            session = requests.Session()
            page = session.get(live.url + "/auth/login?next=/", timeout=30)
            sessions.append(session)
            tokens.append(form_token(page.text))
        gate, codes = threading.Barrier(40), [None] * 40

        def guess(number: int) -> None:
            gate.wait()
            codes[number] = (
                sessions[number]
                .post(
                    live.url + "/auth/login",
                    timeout=60,
                    allow_redirects=False,
                    data={
                        "username": "dana",
                        "password": f"guess {number}",
                        "next": "/",
                        "csrf_token": tokens[number],
                    },
                )
                .status_code
            )

        threads = [threading.Thread(target=guess, args=(number,)) for number in range(40)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert codes.count(401) <= 6 and codes.count(401) + codes.count(429) == 40, codes
    finally:
        live.server.shutdown()


def test_forwarded_requests_to_an_app_trusting_no_proxy_are_warned_about_once(
    tiny_store_path, tmp_path, caplog
):
    import logging

    app = create_app(
        settings_for(
            tiny_store_path,
            auth_mode="users",
            secret_key=SECRET,
            users_file=write_users(tmp_path / "users.json"),
        )
    )
    client = app.server.test_client()
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            client.get("/auth/login", headers={"X-Forwarded-For": "203.0.113.5"})
    warnings = [record for record in caplog.records if "X-Forwarded-For" in record.getMessage()]
    assert len(warnings) == 1 and "EUIOM_PROXY_HOPS=0" in warnings[0].getMessage()


def test_guesses_spread_over_addresses_close_the_name_only_to_guessers(tiny_store_path, tmp_path):
    users_file = write_users(tmp_path / "users.json")
    app = create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users_file)
    )
    for n in range(10):  # one guess from each of 10 addresses: no address is slowed yet
        assert (
            sign_in(
                client_from(app, f"198.51.100.{n + 1}"), "dana", "a wrong password here"
            ).status_code
            == 401
        )
    closed = sign_in(client_from(app, "198.51.100.3"), "dana")  # a guesser, with the right password
    assert closed.status_code == 429
    assert (
        "Too many failed sign-ins with this user name from your address: try again in 15 min."
        in closed.get_data(as_text=True)
    )
    # The real user, from an address with no failure, signs in: nobody can lock them out.
    assert sign_in(client_from(app, "203.0.113.20"), "dana").status_code == 302
    assert (
        sign_in(client_from(app, "198.51.100.3"), "ana").status_code == 302
    )  # other names are open


@pytest.fixture(scope="module")
def exact_users_app(tiny_store_path, users_file):
    """Sign-in on, and a deployment that allows exact survey statistics."""
    return create_app(
        settings_for(
            tiny_store_path,
            auth_mode="users",
            secret_key=SECRET,
            users_file=users_file,
            disclosure="exact",
        )
    )


@pytest.mark.parametrize(("name", "exact"), [("vera", False), ("dana", False), ("ana", True)])
def test_exact_statistics_reach_analysts_only(exact_users_app, name, exact):
    client = SignedInClient(exact_users_app, name)
    answer = client.post("/_dash-update-component", json=page_body("/sustainability"))
    assert answer.status_code == 200
    assert (ids.SUSTAINABILITY_EXACT_BANNER in answer.get_data(as_text=True)) is exact
    # The page's introduction says what the figures are: exact ones never claim to be protected.
    assert ("These figures are EXACT" in answer.get_data(as_text=True)) is exact
    assert (
        "every figure is computed from a protected release" in answer.get_data(as_text=True)
    ) is not exact


def test_embeds_read_the_release_even_for_an_analyst_allowed_exact_figures(exact_users_app):
    """An embed travels to other sites: its survey figures come from the protected release even
    when a signed-in analyst of an exact deployment asks, while the API gives that analyst exact ones."""
    client = SignedInClient(exact_users_app, "ana")
    url = "sustainability-means?group=region"
    api = client.get(f"/api/v1/charts/{url}").get_json()
    assert api["kind_of_data"]["code"] == "survey_exact"
    embed = client.get(f"/embed/{url}").get_data(as_text=True)
    assert "PROTECTED survey figures" in embed and "EXACT" not in embed
    assert "protected: computed from the protected release" in embed


def test_visiting_the_sign_in_page_stores_no_session(tiny_store_path, tmp_path):
    """Anonymous visits of /auth/login keep nothing on the server (before: one session each, in
    Redis or the state directory); signing in still works, and a form from another site does not."""
    state = tmp_path / "state"
    app = create_app(
        settings_for(
            tiny_store_path,
            auth_mode="users",
            secret_key=SECRET,
            state_dir=state,
            users_file=write_users(tmp_path / "users.json"),
        )
    )
    client = app.server.test_client()

    def sessions() -> int:
        return sum(1 for path in (state / "sessions").rglob("*") if path.is_file())

    before = sessions()
    for _ in range(5):
        client.delete_cookie("euiom_session")
        assert client.get("/auth/login?next=/").status_code == 200
    assert sessions() == before
    page = client.get("/auth/login?next=/").get_data(as_text=True)
    forged = client.post(
        "/auth/login",
        headers={"Origin": "https://evil.example"},
        data={"username": "ana", "password": PASSWORD, "next": "/", "csrf_token": form_token(page)},
    )
    assert forged.status_code == 400 and "did not come from this site" in forged.get_data(
        as_text=True
    )
    no_token = client.post(
        "/auth/login", data={"username": "ana", "password": PASSWORD, "next": "/"}
    )
    assert no_token.status_code == 400 and sessions() == before
    assert sign_in(client, "ana").status_code == 302 and sessions() == before + 1
    assert client.get("/").status_code == 200
