"""Every server callback of the app declares, where it is wired, whether its answer may be cached
and what it needs; the server enforces what it declared: a user without that permission is
refused (403) before the callback runs, whatever the page showed, and a user with it is not."""

from __future__ import annotations

import json

import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.auth.policy import Needs
from dashboard.auth.roles import Permission, signed_in_user
from dashboard.common.wiring import declarations
from dashboard.server.response_cache import download_outputs

from auth_helpers import SECRET, USERS, SignedInClient, write_users
from conftest import settings_for

# The data managers' import page's components (they show and change the store's history).
IMPORT_PAGE_PREFIX = "import-"


@pytest.fixture(scope="module")
def app(tiny_store_path, tmp_path_factory):
    users = write_users(tmp_path_factory.mktemp("users") / "users.json")
    return create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users)
    )


def server_callbacks(app) -> dict[str, dict]:
    """Every callback that runs on the server (clientside ones have no function here), by output key."""
    return {key: spec for key, spec in app.callback_map.items() if "callback" in spec}


def output_ids(key: str) -> list[str]:
    """The component ids of a callback's output key (a dict id in its JSON form)."""
    return [part.split("@")[0].rsplit(".", 1)[0] for part in key.strip(".").split("...")]


def named_ids(key: str, spec: dict) -> list[str]:
    """Every component id a callback names, wildcard ids as their values."""
    names = []
    for component in [*output_ids(key), *(item["id"] for item in spec["inputs"] + spec["state"])]:
        text = component if isinstance(component, str) else json.dumps(component)
        if text.startswith("{"):
            names.extend(str(value) for value in json.loads(text).values())
        else:
            names.append(text)
    return names


def test_every_server_callback_declares_whether_it_is_cached_and_what_it_needs(app):
    declared = declarations(app)
    assert set(declared) == set(server_callbacks(app))
    for key, declaration in declared.items():
        assert isinstance(declaration.pure, bool), key
        assert isinstance(declaration.needs, Needs), key


def test_the_declarations_agree_with_what_each_callback_touches(app):
    """What a callback names decides what it must declare: the import page's components need a
    data manager, a file download the export permission when clicked, the page address what the
    page at that address needs."""
    declared = declarations(app)
    downloads = download_outputs(app.validation_layout)
    for key, spec in server_callbacks(app).items():
        needs = declared[key].needs
        if any(name.startswith(IMPORT_PAGE_PREFIX) for name in named_ids(key, spec)):
            assert needs.always == Permission.MANAGE_DATA, key
        if {part.split("@")[0] for part in key.strip(".").split("...")} & downloads:
            assert needs.when_clicked == Permission.EXPORT and not declared[key].pure, key
        if any(
            item["id"] == ids.URL and item["property"] in ("pathname", "href")
            for item in spec["inputs"] + spec["state"]
        ):
            assert needs.at_address, key


def body_for(key: str, spec: dict) -> dict:
    """A call of the callback as the renderer sends it: every input holds a value (a click for a
    download), the page address is the import page's."""

    def value(item: dict) -> object:
        if item["id"] == ids.URL and item["property"] == "pathname":
            return "/import"
        if item["id"] == ids.URL and item["property"] == "href":
            return "http://127.0.0.1/import"
        return 1

    def entry(item: dict) -> object:
        component = item["id"]
        if isinstance(component, str) and component.startswith(
            "{"
        ):  # a wildcard: one matching component
            pattern = json.loads(component)
            concrete = {
                name: ("x" if isinstance(part, list) else part) for name, part in pattern.items()
            }
            return [{"id": concrete, "property": item["property"], "value": value(item)}]
        return {"id": component, "property": item["property"], "value": value(item)}

    parts = key.strip(".").split("...")
    outputs = []
    for part in parts:
        component, prop = part.split("@")[0].rsplit(".", 1)
        outputs.append(
            {
                "id": json.loads(component) if component.startswith("{") else component,
                "property": prop,
            }
        )
    return {
        "output": key,
        "outputs": outputs if key.startswith("..") else outputs[0],
        "inputs": [entry(item) for item in spec["inputs"]],
        "state": [entry(item) for item in spec["state"]],
        "changedPropIds": [],
    }


@pytest.mark.parametrize("name", ["vera", "ana", "dana"])
def test_the_server_enforces_what_each_callback_declared(app, name):
    client = SignedInClient(app, name)
    can = signed_in_user(name, USERS[name]).permissions
    declared = declarations(app)
    refused, wrongly = [], []
    for key, spec in server_callbacks(app).items():
        body = body_for(key, spec)
        status = client.post("/_dash-update-component", json=body).status_code
        allowed = declared[key].needs.of(body) <= can
        if not allowed and status != 403:
            refused.append(f"{key}: {status}")
        if allowed and status == 403:
            wrongly.append(key)
    assert refused == [], f"{name} was not refused: {refused}"
    assert wrongly == [], f"{name} was refused: {wrongly}"
