"""Every data download checks the export permission on the server: the EUTF explorer's CSV as every
chart's CSV and Excel. A signed-in viewer without it gets 403, whatever the page showed."""

from __future__ import annotations

import json

import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.auth.roles import Permission
from dashboard.common.wiring import callback_needs
from dashboard.server.response_cache import download_outputs

from auth_helpers import SECRET, SignedInClient, write_users
from conftest import settings_for


def explorer_download_body() -> dict:
    """What the renderer posts when the explorer's "Download the matching rows as CSV" is clicked."""
    return {
        "output": ids.PILLARS_EXPLORER_DOWNLOAD + ".data",
        "outputs": {"id": ids.PILLARS_EXPLORER_DOWNLOAD, "property": "data"},
        "inputs": [{"id": ids.PILLARS_EXPLORER_EXPORT, "property": "n_clicks", "value": 1}],
        "state": [
            {"id": ids.PILLARS_EXPLORER_GRID, "property": "getRowsRequest", "value": None},
            {"id": ids.LANGUAGE_STORE, "property": "data", "value": "en"},
        ],
        "changedPropIds": [ids.PILLARS_EXPLORER_EXPORT + ".n_clicks"],
    }


def test_every_download_of_the_app_needs_the_export_permission_when_clicked(tiny_store_path):
    """Walks every dcc.Download of every page: a callback writing one, with any input clicked,
    needs the export permission (a new download declared otherwise fails here)."""
    app = create_app(settings_for(tiny_store_path))
    declared = callback_needs(app)
    downloads = download_outputs(app.validation_layout)
    assert len(downloads) >= 2
    for spec in app._callback_list:
        outputs = [
            part
            for part in spec["output"].strip(".").split("...")
            if part.split("@")[0] in downloads
        ]
        if not outputs:
            continue
        component, prop = outputs[0].split("@")[0].rsplit(".", 1)
        body = {
            "outputs": {"id": component, "property": prop},
            "inputs": [
                {"id": item["id"], "property": item["property"], "value": 1}
                for item in spec["inputs"]
            ],
        }
        assert Permission.EXPORT in declared[spec["output"]].of(body), spec["output"]
        downloads -= {outputs[0].split("@")[0]}
    assert downloads == set(), f"downloads no callback writes: {downloads}"


@pytest.fixture()
def signed_in_app(tiny_store_path, tmp_path):
    return create_app(
        settings_for(
            tiny_store_path,
            auth_mode="users",
            secret_key=SECRET,
            users_file=write_users(tmp_path / "users.json"),
        )
    )


def post(client, body: dict):
    return client.post(
        "/_dash-update-component", data=json.dumps(body), content_type="application/json"
    )


def test_a_viewer_cannot_download_the_explorer_csv_and_an_analyst_can(signed_in_app):
    refused = post(SignedInClient(signed_in_app, "vera"), explorer_download_body())
    assert refused.status_code == 403 and "content" not in refused.get_data(as_text=True)
    allowed = post(SignedInClient(signed_in_app, "ana"), explorer_download_body())
    assert allowed.status_code == 200
    download = allowed.get_json()["response"][ids.PILLARS_EXPLORER_DOWNLOAD]["data"]
    assert (
        download["filename"].startswith("pillars_eutf-results-explorer_")
        and len(download["content"]) > 1000
    )


def test_an_open_mode_visitor_still_downloads_the_explorer_csv(tiny_store_path):
    client = create_app(settings_for(tiny_store_path)).server.test_client()
    assert post(client, explorer_download_body()).status_code == 200
