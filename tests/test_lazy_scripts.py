"""Scripts only where they are used: no page carries dash-ag-grid's 1.3 MB script, not even /pillars,
whose EUTF explorer's grid loads it when it comes near the viewport (or at once for an address
into the explorer); never dash_table's; the grid's script is still served, fingerprinted.
(The grid drawing from it, directly, after scrolling and after client-side navigation, and the
charts drawn without it: tests/test_eutf_explorer_browser.py.)"""

from __future__ import annotations

import re

from dash.development.base_component import Component

from dashboard.app import create_app
from dashboard.server.lazy_scripts import LAZY_PACKAGES, META_PREFIX, UNUSED_PACKAGES

from conftest import settings_for


def page_scripts(html: str) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', html)


def test_no_page_carries_the_grid_or_table_script_and_the_grid_script_is_named_and_served(
    tiny_store_path,
):
    app = create_app(settings_for(tiny_store_path))
    client = app.server.test_client()
    for path in ("/", "/pillars", "/sustainability", "/about", "/pillars/?lang=fr"):
        html = client.get(path).get_data(as_text=True)
        scripts = page_scripts(html)
        assert scripts, path
        meta = re.search(rf'<meta name="{META_PREFIX}dash_ag_grid" content="([^"]+)"[^>]*>', html)
        assert meta, path
        assert not [src for src in scripts if "dash_table" in src], path
        assert not [src for src in scripts if "dash_ag_grid" in src], path
        tag = meta.group(0)
        assert 'data-page="/pillars"' in tag and 'data-components="AgGrid"' in tag, path
        # The stand-in's words while it waits, and the API calls that wait for the script.
        assert 'data-label-prop="dashGridOptions.localeText.loadingOoo"' in tag, path
        assert 'data-async-exports="getApiAsync"' in tag, path
    answer = client.get(meta.group(1))
    assert answer.status_code == 200
    assert len(answer.get_data()) > 500_000  # the grid's whole script
    assert "immutable" in answer.headers.get("Cache-Control", "")
    # A second app in the same process (tests, the benchmark) names the same script.
    again = create_app(settings_for(tiny_store_path)).server.test_client().get("/pillars")
    assert meta.group(0) in again.get_data(as_text=True)


def test_no_page_shows_a_component_whose_script_was_taken_out(tiny_store_path):
    app = create_app(settings_for(tiny_store_path))
    namespaces = {
        type(component)._namespace
        for component in app.validation_layout._traverse()  # every page's components with an id
        if isinstance(component, Component)
    }
    unused = {module.rsplit(".", 1)[-1] for module in UNUSED_PACKAGES}
    assert not namespaces & unused
    assert set(LAZY_PACKAGES) <= namespaces  # the lazy package is shown somewhere
