"""The answer cache replays pure callbacks only: every callback of the app is walked, and one that
changes something, reads who is signed in or the import history, writes a file download or belongs
to the data managers' page fails here unless it is wired with plain ``app.callback`` (never cached)."""

from __future__ import annotations

import json

from dash import Dash, Input, Output, dcc, html

from dashboard import ids
from dashboard.app import create_app
from dashboard.auth.policy import VIEWING
from dashboard.common.wiring import OWN_PACKAGES, declare, impure_reached, pure_callbacks
from dashboard.server.response_cache import download_outputs

from conftest import settings_for

# Components whose value is the signed-in person's state: never part of a replayed answer (but the
# sign-out form's hidden language field, which holds the language only).
ACCOUNT_ID_PREFIX = "shell-account"
# The data managers' import page's components: they show and change the store's history.
MANAGE_DATA_ID_PREFIX = "import-"
NOT_ACCOUNT_STATE = frozenset({ids.ACCOUNT_LANGUAGE_FIELD})


def _id_texts(component_id: object) -> list[str]:
    """An id's text, or a wildcard id's values (its JSON form in Dash's inputs)."""
    if isinstance(component_id, str) and component_id.startswith("{"):
        component_id = json.loads(component_id)
    if isinstance(component_id, dict):
        return [str(value) for value in component_id.values()]
    return [str(component_id)]


def _outputs(spec: dict) -> list:
    return spec["output"] if isinstance(spec["output"], list) else [spec["output"]]


def _named_ids(spec: dict) -> list[str]:
    """Every component id (or wildcard id's values) a callback's outputs, inputs and state name."""
    names = [text for output in _outputs(spec) for text in _id_texts(output.component_id)]
    for item in [*spec["inputs"], *spec["state"]]:
        names.extend(_id_texts(item["id"]))
    return [name for name in names if name not in NOT_ACCOUNT_STATE]


def purity_problems(app: Dash, packages: tuple[str, ...] = OWN_PACKAGES) -> list[str]:
    """Why each callback declared pure (cacheable) may not be: empty when every one is pure."""
    downloads = download_outputs(app.validation_layout)
    problems = []
    for key, function in pure_callbacks(app).items():
        spec = app.callback_map[key]
        if {
            f"{output.component_id_str()}.{output.component_property}" for output in _outputs(spec)
        } & downloads:
            problems.append(f"{key}: writes a file download")
        for name in _named_ids(spec):
            if name.startswith((MANAGE_DATA_ID_PREFIX, ACCOUNT_ID_PREFIX)):
                problems.append(f"{key}: names {name}, a data manager's or the account's component")
        for target, reason in impure_reached(function, packages).items():
            problems.append(f"{key}: reaches {target} ({reason})")
    return problems


def test_every_cacheable_callback_of_the_app_is_pure(tiny_store_path):
    app = create_app(settings_for(tiny_store_path))
    server_callbacks = {key for key, spec in app.callback_map.items() if "callback" in spec}
    assert purity_problems(app) == []
    assert set(pure_callbacks(app)) <= server_callbacks
    # What makes the cache worth having: every page's chart callback, the table views and the shell.
    assert len(pure_callbacks(app)) >= 20
    chart_outputs = {
        f"{ids.MAP_GRAPH}.figure",
        f"{ids.PILLARS_MATRIX_GRAPH}.figure",
        f"{ids.SUSTAINABILITY_MEANS_GRAPH}.figure",
    }
    assert all(any(output in key for key in pure_callbacks(app)) for output in chart_outputs)


def test_side_effects_sign_in_state_history_and_downloads_are_never_cacheable(tiny_store_path):
    app = create_app(settings_for(tiny_store_path))
    pure = pure_callbacks(app)
    never = [
        key
        for key, spec in app.callback_map.items()
        if "callback" in spec
        and any(
            name.startswith((MANAGE_DATA_ID_PREFIX, ACCOUNT_ID_PREFIX)) for name in _named_ids(spec)
        )
    ]
    never += sorted(download_outputs(app.validation_layout))
    written = {
        f"{output.component_id_str()}.{output.component_property}"
        for key in never
        if key in app.callback_map
        for output in _outputs(app.callback_map[key])
    }
    assert {
        ids.IMPORT_REPORT + ".children",
        ids.IMPORT_HISTORY + ".children",
        ids.ACCOUNT_USER + ".children",
        ids.EXPORT_DOWNLOAD + ".data",
        ids.PILLARS_EXPLORER_DOWNLOAD + ".data",
    } <= written | set(never)
    assert not set(never) & set(pure)


def test_the_check_finds_a_side_effect_declared_pure():
    """The walk is not vacuous: a side-effecting callback declared pure, a download and a data
    manager's component are each reported, even behind a lambda and a helper function."""
    from dashboard.imports.service import run_import

    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Input(id="x"),
            html.Div(id="y"),
            html.Div(id="z"),
            dcc.Download(id="file"),
            html.Div(id="import-sneaky"),
        ]
    )
    app.validation_layout = app.layout

    def helper(value):
        return run_import(None, value, "f.csv", None, False)

    declare(app, Output("y", "children"), Input("x", "value"), pure=True, needs=VIEWING)(
        lambda value: helper(value)
    )
    declare(app, Output("file", "data"), Input("x", "n_submit"), pure=True, needs=VIEWING)(
        lambda clicks: None
    )
    declare(
        app, Output("import-sneaky", "children"), Input("x", "n_blur"), pure=True, needs=VIEWING
    )(lambda clicks: None)
    app.callback(Output("z", "children"), Input("x", "value"))(
        lambda value: helper(value)
    )  # not cached: fine
    problems = purity_problems(app, (*OWN_PACKAGES, __name__))
    assert len(problems) == 3
    assert any("reaches dashboard.imports.service.run_import" in problem for problem in problems)
    assert any("file download" in problem for problem in problems)
    assert any("import-sneaky" in problem for problem in problems)


def test_the_account_name_is_never_replayed_to_another_user_with_the_same_roles(
    tiny_store_path, tmp_path
):
    """The answer cache keys on permissions, not on the person: who is signed in is answered afresh."""
    from dashboard.auth.users_file import add_user

    from auth_helpers import PASSWORD, SECRET, SignedInClient, write_users

    users = write_users(tmp_path / "users.json")
    add_user(users, "anton", PASSWORD, ["analyst"])
    app = create_app(
        settings_for(
            tiny_store_path,
            auth_mode="users",
            secret_key=SECRET,
            users_file=users,
            cache_dir=tmp_path / "cache",
        )
    )
    body = {
        "output": ids.ACCOUNT_USER + ".children",
        "outputs": {"id": ids.ACCOUNT_USER, "property": "children"},
        "inputs": [{"id": ids.LANGUAGE_STORE, "property": "data", "value": "fr"}],
        "state": [],
        "changedPropIds": [ids.LANGUAGE_STORE + ".data"],
    }
    for name in ("ana", "anton", "ana"):
        answer = SignedInClient(app, name).post("/_dash-update-component", json=body).get_json()
        assert (
            answer["response"][ids.ACCOUNT_USER]["children"]
            == f"Connecté·e\u00a0: {name} (consultation, analyste)"
        )
