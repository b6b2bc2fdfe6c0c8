"""The rules behind sign-in: which permission a callback needs, groups to roles, users file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from dash.fingerprint import build_fingerprint

from dashboard import ids
from dashboard.auth.oidc import display_name, roles_for_groups
from dashboard.auth.pages import safe_next
from dashboard.auth.policy import (
    DOWNLOADING,
    MANAGING_DATA,
    READING_THE_ADDRESS,
    VIEWING,
    is_public_request,
    permission_for_path,
)
from dashboard.auth.roles import OPEN_VISITOR, Permission, Role, signed_in_user
from dashboard.auth.users_file import UsersFileError, add_user, check_password, read_users
from dashboard.settings import ROLES

from auth_helpers import export_body, import_body, page_body

V, E, M = Permission.VIEW, Permission.EXPORT, Permission.MANAGE_DATA


@pytest.mark.parametrize(
    ("needs", "body", "needed"),
    [
        (READING_THE_ADDRESS, page_body("/"), {V}),
        (READING_THE_ADDRESS, page_body("/import"), {V, M}),
        (READING_THE_ADDRESS, page_body("/import/history/"), {V, M}),
        (READING_THE_ADDRESS, page_body("/importer"), {V}),
        (
            READING_THE_ADDRESS,
            {
                "outputs": {"id": "x", "property": "y"},
                "inputs": [
                    {"id": ids.URL, "property": "href", "value": "http://host/import?lang=fr"}
                ],
            },
            {V, M},
        ),
        (
            VIEWING,
            page_body("/import"),
            {V},
        ),  # a callback that does not read the address needs what it declares
        (DOWNLOADING, export_body(), {V, E}),
        (
            DOWNLOADING,
            {**export_body(), "inputs": [[{"id": "b", "property": "n_clicks", "value": 0}]]},
            {V},
        ),
        (MANAGING_DATA, import_body(), {V, M}),
        (MANAGING_DATA, {"unexpected": "shape", "inputs": "nonsense"}, {V, M}),
        (VIEWING, {"unexpected": "shape", "inputs": "nonsense"}, {V}),
        (VIEWING, "not a body", {V}),
    ],
)
def test_what_a_callback_needs_follows_its_declaration_and_the_request(needs, body, needed):
    assert needs.of(body) == frozenset(needed)


def test_paths():
    assert permission_for_path("/import") == M and permission_for_path("/import/upload") == M
    assert permission_for_path("/") == V and permission_for_path("/sustainability") == V
    assets = Path(__file__).parents[1] / "assets"
    libraries = {"dash": {"deps/react@18.3.1.min.js"}}

    def public(endpoint, **view_args):
        return is_public_request(endpoint, view_args, assets_dir=assets, library_files=libraries)

    assert public("auth_login") and public("_dash_assets.static", filename="10-app.css")
    assert not public("_dash_assets.static", filename="no-such.css") and not public(
        "_dash_assets.static", filename=""
    )
    assert not public("_dash_assets.static", filename="LICENSES")  # a directory, not a file
    suites = "/_dash-component-suites/<string:package_name>/<path:fingerprinted_path>"
    assert public(
        suites,
        package_name="dash",
        fingerprinted_path=build_fingerprint("deps/react@18.3.1.min.js", "4.4.1", "1700000000"),
    )
    assert not public(suites, package_name="dash", fingerprinted_path="deps/other.js")
    assert not public(suites, package_name="other", fingerprinted_path="deps/react@18.3.1.min.js")
    assert (
        not public("/_dash-layout")
        and not public("/")
        and not public("/<path:path>", path="assets/")
    )
    assert not public(None)
    assert [
        safe_next(raw)
        for raw in (
            "/pillars?lang=fr",
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            None,
            "/\t/evil.example",
            "/\n/evil",
            "/ok path",
        )
    ] == ["/pillars?lang=fr", "/", "/", "/", "/", "/", "/", "/"]


def test_the_settings_know_every_role_and_no_other():
    """The role map setting is checked against ``settings.ROLES``, which must name the roles of ``Role``."""
    assert tuple(Role) == ROLES


def test_roles_give_permissions():
    analyst = signed_in_user("ana", ["analyst"])
    assert analyst.roles == {Role.VIEWER, Role.ANALYST}
    assert analyst.can(Permission.EXACT_STATISTICS) and not analyst.can(M)
    manager = signed_in_user("dana", ["data_manager"])
    assert manager.can(M) and not manager.can(E)
    # The public demo's visitor downloads chart data but is no analyst and never imports.
    assert OPEN_VISITOR.can(E) and not OPEN_VISITOR.has_role(Role.ANALYST)
    assert not OPEN_VISITOR.can(Permission.EXACT_STATISTICS) and not OPEN_VISITOR.can(M)


def test_groups_claim_maps_to_roles():
    role_map = (("staff", "viewer"), ("m-e", "analyst"), ("data", "data_manager"), ("*", "viewer"))
    assert roles_for_groups(["m-e", "data"], role_map) == ["viewer", "analyst", "data_manager"]
    assert roles_for_groups("m-e", role_map[:3]) == ["analyst"]
    assert roles_for_groups(["other"], role_map[:3]) == []
    assert roles_for_groups({"not": "a list"}, role_map[:3]) == []
    assert display_name({"sub": "x1", "preferred_username": " jdoe "}) == "jdoe"


def test_users_file_stores_only_salted_hashes(tmp_path):
    path = tmp_path / "users.json"
    add_user(path, "ana", "a long enough password", ["analyst", "viewer"])
    add_user(path, "bob", "a long enough password", [])
    text = path.read_text()
    assert "a long enough password" not in text
    hashes = [entry["password_hash"] for entry in json.loads(text)["users"].values()]
    assert hashes[0] != hashes[1] and all(h.startswith("scrypt:") for h in hashes)
    assert (path.stat().st_mode & 0o077) == 0
    users = read_users(path)
    assert users["bob"].roles == (Role.VIEWER,)
    assert check_password(users, "ana", "a long enough password").name == "ana"
    assert check_password(users, "ana", "wrong password!!") is None
    with pytest.raises(UsersFileError, match="12 characters"):
        add_user(path, "cy", "short", ["viewer"])
    with pytest.raises(UsersFileError, match="roles are among"):
        add_user(path, "cy", "a long enough password", ["admin"])
    path.write_text("{not json")
    with pytest.raises(UsersFileError, match="not a users file"):
        read_users(path)


def test_add_user_command(tmp_path, monkeypatch, capsys):
    import io

    from dashboard.__main__ import main

    path = tmp_path / "users.json"
    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert (
        main(
            [
                "add-user",
                "dana",
                "--roles",
                "analyst,data_manager",
                "--users-file",
                str(path),
                "--password-stdin",
            ]
        )
        == 0
    )
    assert "dana (analyst, data_manager) saved" in capsys.readouterr().out
    assert read_users(path)["dana"].roles == (Role.ANALYST, Role.DATA_MANAGER)
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["add-user", "eve", "--users-file", str(path), "--password-stdin"]) == 1
    assert "at least 12 characters" in capsys.readouterr().err
    assert main(["remove-user", "dana", "--users-file", str(path)]) == 0
    assert read_users(path) == {}
