"""Helpers of the sign-in tests: users files, signing in with the test client, callback bodies."""

from __future__ import annotations

import json
import re
from pathlib import Path

from dashboard import ids
from dashboard.auth.users_file import add_user

SECRET = "test-secret-key-0123456789abcdef-0123456789"
PASSWORD = "correct horse battery staple"
USERS = {
    "vera": ["viewer"],
    "ana": ["analyst"],
    "dana": ["data_manager"],
    "all-roles": ["analyst", "data_manager"],
}


def write_users(path: Path) -> Path:
    """A users file: a viewer (vera), an analyst (ana), a data manager (dana), and all-roles."""
    for name, roles in USERS.items():
        add_user(path, name, PASSWORD, roles)
    return path


def form_token(html: str) -> str:
    """The CSRF token of the sign-in form."""
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def sign_in(client, name: str, password: str = PASSWORD, next_path: str = "/"):
    """Sign in through the form as a browser does; returns the POST's response."""
    page = client.get(f"/auth/login?next={next_path}")
    return client.post(
        "/auth/login",
        data={
            "username": name,
            "password": password,
            "next": next_path,
            "csrf_token": form_token(page.get_data(as_text=True)),
        },
    )


def csrf_header(client) -> dict[str, str]:
    """The X-CSRFToken header the Dash renderer sends, from the cookie the dashboard page set."""
    client.get("/")
    cookie = client.get_cookie("_csrf_token")
    return {"X-CSRFToken": cookie.value} if cookie else {}


def export_body(chart_key: str = "programme-map") -> dict:
    """The body the renderer posts when the CSV button of a chart is clicked."""
    button = {"chart": chart_key, "format": "csv", "type": ids.EXPORT_BUTTON}
    return {
        "output": ids.EXPORT_DOWNLOAD + ".data",
        "outputs": {"id": ids.EXPORT_DOWNLOAD, "property": "data"},
        "inputs": [[{"id": button, "property": "n_clicks", "value": 1}]],
        "changedPropIds": [json.dumps(button, separators=(",", ":")) + ".n_clicks"],
        "state": [
            {"id": ids.SELECTION_STORE, "property": "data", "value": None},
            [],  # the pages' option stores ({"page": ALL, "type": "page-options-store"}): none drawn
            {"id": ids.LANGUAGE_STORE, "property": "data", "value": "en"},
        ],
    }


def page_body(pathname: str) -> dict:
    """The body of the routing callback for a page address."""
    return {
        "output": ids.PAGE_CONTENT + ".children",
        "outputs": {"id": ids.PAGE_CONTENT, "property": "children"},
        "inputs": [
            {"id": ids.URL, "property": "pathname", "value": pathname},
            {"id": ids.LANGUAGE_STORE, "property": "data", "value": "en"},
        ],
        "changedPropIds": [ids.URL + ".pathname"],
        "state": [{"id": ids.URL, "property": "search", "value": ""}],
    }


def import_body() -> dict:
    """A call of the import page's report callback (declared for data managers), with one input
    where the callback takes three: refused (403) to anyone else, malformed (400) for a manager."""
    outputs = [
        (ids.IMPORT_REPORT, "children"),
        (ids.IMPORT_CONFIRM, "disabled"),
        (ids.IMPORT_RESULT, "children"),
    ]
    return {
        "output": ".." + "...".join(f"{component}.{prop}" for component, prop in outputs) + "..",
        "outputs": [{"id": component, "property": prop} for component, prop in outputs],
        "inputs": [
            {"id": "import-upload", "property": "contents", "value": "data:text/csv;base64,YQ=="}
        ],
        "changedPropIds": ["import-upload.contents"],
        "state": [],
    }


class SignedInClient:
    """A Flask test client signed in through the form, sending the CSRF header on every POST."""

    def __init__(self, app, name: str = "all-roles") -> None:
        self.client = app.server.test_client()
        sign_in(self.client, name)
        self.headers = csrf_header(self.client)

    def post(self, *args, **kwargs):
        kwargs["headers"] = {**self.headers, **kwargs.get("headers", {})}
        return self.client.post(*args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self.client, name)
