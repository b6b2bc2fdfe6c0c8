"""Bad URLs: malformed, oversized and injection-shaped query strings and paths on every page.

The browser hands the query string to the shell's URL callback (filters, language) and to the
routing callback (page options), and the page's controls then carry those options into the page's
callbacks. Each step must answer without a 500, never reflect a script tag unescaped, and say in
the URL notice which filter values were ignored.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest
from test_bad_input_callbacks import SCRIPT, Body, server_callbacks

from dashboard import ids
from dashboard.app import create_app
from dashboard.site import PAGES, option_tables

from auth_helpers import SECRET, SignedInClient, write_users
from conftest import settings_for

SQL = "'; DROP TABLE actions; --"
FORMULA = '=HYPERLINK("http://evil.example","x")'
FILTER_KEYS = ("region", "status", "action", "country", "pillar", "from", "to")
OPTION_KEYS = tuple(
    dict.fromkeys(key for table in option_tables().values() for key in table.params)
)

# Query strings whose filter values are all unknown: the notice must list them.
BAD_FILTER_QUERIES = {
    "script": "?region=" + SCRIPT,
    "script_encoded": "?country=" + quote(SCRIPT),
    "sql": "?country=" + quote(SQL) + "&action=" + quote(SQL),
    "template_and_bad_quarters": "?from={{7*7}}&to=2019-Q9",
    "formula": "?action=" + quote(FORMULA),
    "huge_value": "?region=" + "A" * 100_000,
    "ten_thousand_values": "?status=" + ",".join(["nope"] * 10_000),
    "bad_language": "?lang=" + quote(SCRIPT),
    "bad_pillars": "?pillar=1e9&pillar=-1&pillar=abc",
    "nul_and_bidi": "?region=%00%E2%80%AE",
}
# Query strings that may carry no recognisable filter at all: only "no 500, nothing reflected".
ODD_QUERIES = {
    "malformed_percent": "?%zz=%zz&&&===&region",
    "php_style": "?region[]=WCA&region[$ne]=x",
    "five_thousand_keys": "?" + "&".join(f"k{n}=v" for n in range(5_000)),
    "no_question_mark": "region=" + SCRIPT,
    "options_script": "?" + "&".join(f"{key}={quote(SCRIPT)}" for key in OPTION_KEYS),
    "options_sql": "?" + "&".join(f"{key}={quote(SQL)}" for key in OPTION_KEYS),
    "options_numbers": "?" + "&".join(f"{key}=1e999" for key in OPTION_KEYS),
    "options_huge": "?" + "&".join(f"{key}={'9' * 20_000}" for key in OPTION_KEYS),
}
BAD_PATHS = [
    "/" + quote(SCRIPT),
    "/../../etc/passwd",
    "/pillars%00",
    "/" + "x" * 5_000,
    "/sustainability/" + SQL,
]


@pytest.fixture(scope="module")
def app(tiny_store_path, tmp_path_factory):
    """The app with sign-in; requests come from a user with every permission (import page too)."""
    users_file = write_users(tmp_path_factory.mktemp("users") / "users.json")
    return create_app(
        settings_for(tiny_store_path, auth_mode="users", secret_key=SECRET, users_file=users_file)
    )


def post(app: Any, body: dict[str, Any]) -> tuple[int, bytes, dict[str, Any]]:
    response = SignedInClient(app).post("/_dash-update-component", json=body)
    data = response.get_data()
    assert response.status_code in (200, 204), f"HTTP {response.status_code}: {data[:300]!r}"
    assert SCRIPT.encode() not in data, "script tag reflected unescaped"
    return response.status_code, data, json.loads(data or b"{}").get("response", {})


def callback_key(app: Any, prefix: str) -> str:
    return next(key for key in server_callbacks(app) if key.startswith(prefix))


def sync_url(app: Any, search: str) -> dict[str, Any]:
    """What the shell makes of a URL: new search, filter values, stores and the notice."""
    key = callback_key(app, f"..{ids.URL_WRITE_STORE}.data")
    body = Body(app, key, app.callback_map[key]).build(overrides={(ids.URL, "search"): search})
    body["changedPropIds"] = [f"{ids.URL}.search"]
    return post(app, body)[2]


def render(app: Any, path: str, search: str) -> dict[str, Any]:
    """The page layout the routing callback returns for ``path`` and ``search``."""
    key = callback_key(app, f"{ids.PAGE_CONTENT}.children")
    body = Body(app, key, app.callback_map[key]).build(
        overrides={(ids.URL, "pathname"): path, (ids.URL, "search"): search}
    )
    body["changedPropIds"] = [f"{ids.URL}.pathname"]
    return post(app, body)[2][ids.PAGE_CONTENT]["children"]


def component_values(layout: Any) -> dict[tuple[str, str], Any]:
    """(id, prop) -> value of every component with a string id in a layout's JSON."""
    values: dict[tuple[str, str], Any] = {}

    def visit(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
        elif isinstance(node, dict):
            props = node.get("props") if "type" in node else None
            if isinstance(props, dict):
                if isinstance(props.get("id"), str):
                    values.update({(props["id"], prop): value for prop, value in props.items()})
                for value in props.values():
                    visit(value)

    visit(layout)
    return values


@pytest.mark.parametrize("name", list(BAD_FILTER_QUERIES))
def test_bad_filter_values_in_the_url_are_dropped_with_a_notice(app, name):
    search = BAD_FILTER_QUERIES[name]
    for page in PAGES:
        response = SignedInClient(app).get(page.path + search)
        assert response.status_code == 200 and SCRIPT.encode() not in response.get_data()
    shell = sync_url(app, search)
    assert shell[ids.URL_NOTICE]["is_open"] is True, name
    notice = shell[ids.URL_NOTICE]["children"]
    assert "ignored" in notice and len(notice) < 5_000, notice[:300]
    assert shell.get(ids.SELECTION_STORE, {}).get("data", {}) in (
        {},
        {
            "regions": [],
            "statuses": [],
            "actions": [],
            "countries": [],
            "pillars": [],
            "period_start": None,
            "period_end": None,
        },
    )
    assert SCRIPT not in json.dumps(shell.get(ids.URL_WRITE_STORE, {}))


def test_the_notice_names_the_ignored_value_as_text(app):
    notice = sync_url(app, "?country=" + quote(SQL))[ids.URL_NOTICE]["children"]
    assert SQL in notice


@pytest.mark.parametrize("name", ["script", "template_and_bad_quarters", *ODD_QUERIES])
def test_every_page_and_its_callbacks_survive_a_bad_url(app, name):
    """URL -> page layout -> the page's controls -> the page's callbacks: no 500 at any step."""
    search = {**BAD_FILTER_QUERIES, **ODD_QUERIES}[name]
    sync_url(app, search)
    for page in PAGES:
        values = component_values(render(app, page.path, search))
        page_ids = {component_id for component_id, _ in values}
        for key in server_callbacks(app):
            body = Body(app, key, app.callback_map[key])
            outputs = body.outputs()
            output_ids = {
                output["id"]
                for output in (outputs if isinstance(outputs, list) else [outputs])
                if isinstance(output["id"], str)
            }
            if output_ids & page_ids:
                post(
                    app,
                    body.build(
                        overrides={
                            **values,
                            (ids.URL, "search"): search,
                            (ids.URL, "pathname"): page.path,
                        }
                    ),
                )


@pytest.mark.parametrize("path", BAD_PATHS)
def test_bad_paths_answer_the_shell_or_not_found_without_reflecting(app, path):
    response = SignedInClient(app).get(path)
    assert response.status_code in (200, 400, 404)  # 400: not in normal form (dot segments, NUL)
    assert SCRIPT.encode() not in response.get_data()
    layout = render(app, path, "")
    assert "not found" in json.dumps(layout).lower()
