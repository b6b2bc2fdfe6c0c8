"""The open demo's local data manager: the person at the machine imports in the browser, nobody else.

``make run`` prints a link holding a key made at start; the browser that opens it, on this
machine, straight to an app listening on loopback, may import. Every other way in (another
address, a proxy's headers, another Host, another site's form, a proxy setting, the wrong key)
is an ordinary visitor: no Import in the menu, 403 on the page and its callbacks. So is another OS
account of the machine holding the cookie (browsers send it to every port of 127.0.0.1, so a page
another account serves there receives it): on Linux the kernel names the owner of the connection.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
import requests

from dashboard import ids
from dashboard.app import create_app

from auth_helpers import SECRET, import_body, page_body, sign_in, write_users
from conftest import settings_for, start_server, wait_for_dash

CALLBACK = "/_dash-update-component"
KEY = "a-key-made-by-run-py-at-start-0123456789"


def nav_import(client) -> dict:
    """The import link's nav item in the layout this client gets: (classes of its item, its text)."""
    layout = client.get("/_dash-layout").get_json()
    found = {}

    def walk(node, parent=None):
        if isinstance(node, list):
            for child in node:
                walk(child, parent)
        elif isinstance(node, dict):
            props = node.get("props", {})
            if props.get("id") == "shell-nav-import-link":
                found.update(
                    text=props.get("children"),
                    hidden="d-none" in str((parent or {}).get("className")),
                )
            walk(props.get("children"), props)

    walk(layout)
    return found


@pytest.fixture(autouse=True)
def test_client_connections_are_this_account(request, monkeypatch):
    """The Flask test client has no socket for the kernel to name: its requests count as this
    account's. Tests marked ``real_sockets`` serve the app and connect for real."""
    if "real_sockets" not in request.keywords:
        monkeypatch.setattr("dashboard.auth.local.connection_owner", lambda environ: os.geteuid())


@pytest.fixture(scope="module")
def local_app(tiny_store_path):
    return create_app(settings_for(tiny_store_path, local_key=KEY))


def with_link(app, **environ):
    client = app.server.test_client()
    client.environ_base.update(environ)
    assert client.get(f"/auth/local?key={KEY}").status_code == 302
    return client


def test_the_link_printed_in_the_terminal_lets_this_browser_import(local_app):
    visitor = local_app.server.test_client()
    assert nav_import(visitor) == {"text": "Import data", "hidden": True}
    assert visitor.get("/import").status_code == 403
    assert visitor.get("/auth/local?key=not-the-key").status_code == 404

    manager = local_app.server.test_client()
    link = manager.get(f"/auth/local?key={KEY}")
    assert link.status_code == 302 and link.headers["Location"] == "/import"
    cookie = link.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and KEY not in cookie
    assert manager.get("/import").status_code == 200
    assert nav_import(manager) == {"text": "Import data (this computer only)", "hidden": False}
    assert manager.post(CALLBACK, json=page_body("/import")).status_code == 200
    assert manager.post(CALLBACK, json=import_body()).status_code != 403  # past the role check


@pytest.mark.parametrize(
    ("why", "environ", "headers"),
    [
        ("another address", {"REMOTE_ADDR": "192.0.2.10"}, {}),
        ("through a proxy (X-Forwarded-For)", {}, {"X-Forwarded-For": "192.0.2.10"}),
        ("through a proxy (Forwarded)", {}, {"Forwarded": "for=192.0.2.10"}),
        ("through a proxy (Via)", {}, {"Via": "1.1 nginx"}),
        ("another host name (DNS rebinding)", {}, {"Host": "evil.example:8050"}),
    ],
)
def test_the_cookie_alone_is_not_enough(local_app, why, environ, headers):
    client = with_link(local_app)
    client.environ_base.update(environ)
    assert client.get("/import", headers=headers).status_code == 403, why
    assert client.post(CALLBACK, json=page_body("/import"), headers=headers).status_code == 403, why


def test_another_site_cannot_make_the_browser_import(local_app):
    client = with_link(local_app)
    forged = client.post(
        CALLBACK, json=page_body("/import"), headers={"Origin": "http://evil.example"}
    )
    assert forged.status_code == 403
    own = client.post(CALLBACK, json=page_body("/import"), headers={"Origin": "http://localhost"})
    assert own.status_code == 200


@pytest.mark.parametrize(
    "overrides",
    [
        {"local_key": ""},
        {"local_data_manager": "off"},
        {"proxy_hops": 1},
        {"host": "0.0.0.0"},
        {"auth_mode": "users", "secret_key": "k" * 40},
    ],
)
def test_no_local_manager_unless_every_condition_holds(tiny_store_path, overrides):
    app = create_app(settings_for(tiny_store_path, **{"local_key": KEY, **overrides}))
    client = app.server.test_client()
    assert client.get(f"/auth/local?key={KEY}").status_code in (302, 404)
    assert client.get("/import").status_code in (302, 401, 403)
    assert client.post(CALLBACK, json=import_body()).status_code in (401, 403)


@pytest.mark.browser
def test_the_person_at_the_machine_sees_import_in_the_menu_others_do_not(browser, tiny_store_path):
    live = start_server(create_app(settings_for(tiny_store_path, local_key=KEY)))
    try:
        stranger = browser.new_page()
        stranger.goto(f"{live.url}/")
        wait_for_dash(stranger)
        assert not stranger.locator(f"#{ids.NAV_LINKS}").get_by_text("Import").is_visible()
        stranger.close()

        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.goto(f"{live.url}/auth/local?key={KEY}")
        page.wait_for_url(f"{live.url}/import")
        wait_for_dash(page)
        link = page.get_by_role("link", name="Import data (this computer only)")
        assert link.is_visible()
        assert page.locator("#import-upload").is_visible()
        page.get_by_label("Language").select_option("fr")
        page.get_by_role("link", name="Importer (cet ordinateur seulement)").wait_for(
            state="visible"
        )
        context.close()
    finally:
        live.server.shutdown()


def curl_as(user: str | None, url: str, cookie: str) -> int:
    """The HTTP status of GET ``url`` with ``cookie``, from a process of OS account ``user`` (None: this one)."""
    command = [
        "curl",
        "-s",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        "-H",
        f"Cookie: {cookie}",
        url,
    ]
    if user is not None:
        command = ["su", user, "-s", "/bin/sh", "-c", " ".join(f"'{part}'" for part in command)]
    return int(subprocess.run(command, capture_output=True, text=True, timeout=60).stdout or 0)


@pytest.mark.real_sockets
def test_the_kernel_names_this_account_as_the_owner_of_a_loopback_connection(tiny_store_path):
    from dashboard.auth.local import can_identify_peers

    if not can_identify_peers():
        pytest.skip("no /proc/net/tcp: the key alone decides here")
    live = start_server(create_app(settings_for(tiny_store_path, local_key=KEY)))
    try:
        browser_like = requests.Session()
        assert (
            browser_like.get(f"{live.url}/auth/local?key={KEY}", allow_redirects=False).status_code
            == 302
        )
        assert browser_like.get(f"{live.url}/import").status_code == 200
    finally:
        live.server.shutdown()


@pytest.mark.real_sockets
@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("curl") is None or shutil.which("su") is None,
    reason="connecting as another OS account needs root (su) and curl",
)
def test_another_account_holding_the_stolen_cookie_is_an_ordinary_visitor(tiny_store_path):
    """Before: another local account that got the cookie (a page it serves on another port of
    127.0.0.1, opened by the person) imported data with it."""
    from dashboard.auth.local import COOKIE, cookie_value

    live = start_server(create_app(settings_for(tiny_store_path, local_key=KEY)))
    try:
        stolen = f"{COOKIE}={cookie_value(KEY)}"
        assert curl_as(None, f"{live.url}/import", stolen) == 200  # the person at the machine
        assert (
            curl_as("nobody", f"{live.url}/import", stolen) == 403
        )  # another account, same cookie
        assert (
            curl_as("nobody", f"{live.url}/auth/local?key={KEY}", "") == 404
        )  # even with the link
    finally:
        live.server.shutdown()


def test_the_import_page_refused_says_how_to_get_the_right(tiny_store_path, tmp_path):
    """A visitor refused /import is told how to import: the local link printed by run.py (make run),
    the command line when this server gives the right to nobody, signing in as a data manager."""
    local = create_app(settings_for(tiny_store_path, local_key=KEY)).server.test_client()
    refused = local.get("/import")
    assert refused.status_code == 403
    assert (
        "open the link that the terminal running the dashboard (make run, python run.py) printed"
        in refused.get_data(as_text=True)
    )
    assert "ouvrez le lien que le terminal" in local.get(
        "/import", headers={"Accept-Language": "fr"}
    ).get_data(as_text=True)
    nobody = create_app(settings_for(tiny_store_path, local_key="")).server.test_client()
    assert "Import on the server with python -m dashboard import FILE" in nobody.get(
        "/import"
    ).get_data(as_text=True)

    users = write_users(tmp_path / "users.json")
    signed = create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users)
    ).server.test_client()
    sign_in(signed, "vera")
    page = signed.get("/import?lang=fr")
    assert page.status_code == 403
    assert (
        "que vera n’a pas. Déconnectez-vous, puis connectez-vous en tant que gestionnaire de données"
        in page.get_data(as_text=True)
    )
