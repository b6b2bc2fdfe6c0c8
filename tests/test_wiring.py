"""One app-wide wiring test: every id any callback names (in /_dash-dependencies) exists in the
shell or in some page's layout, so a renamed component cannot leave a callback dangling."""

from __future__ import annotations

import json

from dashboard import ids
from dashboard.app import create_app
from dashboard.common.html_block import HTML_BLOCK, HTML_BLOCK_SINK

from conftest import settings_for


def layout_ids(app) -> tuple[set[str], set[str]]:
    """String ids, and dict ids serialised as Dash names them, of the shell and every page."""
    strings: set[str] = set()
    dicts: set[str] = set()
    for component in app.validation_layout._traverse():
        key = getattr(component, "id", None)
        if isinstance(key, str):
            strings.add(key)
        elif isinstance(key, dict):
            dicts.add(json.dumps(key, sort_keys=True, separators=(",", ":")))
    return strings, dicts


def named_ids(dependencies: list[dict]) -> set[str]:
    """Every component id a callback names: outputs (``id.prop`` joined by ``...``), inputs, state."""
    named: set[str] = set()
    for callback in dependencies:
        for output in callback["output"].strip(".").split("..."):
            named.add(output.rsplit(".", 1)[0].split("@")[0])
        for item in callback["inputs"] + callback["state"]:
            named.add(item["id"])
    return named


# Pattern-matching id types of components a callback draws (no layout holds them before it runs):
# the import page's rollback and serve-again buttons, drawn in the history list.
# Pattern ids that only callbacks' answers draw: the history's buttons, the HTML blocks' stores.
DRAWN_BY_CALLBACKS = frozenset(
    {ids.IMPORT_ROLLBACK_TYPE, ids.IMPORT_SERVE_TYPE, HTML_BLOCK, HTML_BLOCK_SINK}
)


def test_every_callback_id_exists_in_some_layout(tiny_store_path):
    app = create_app(settings_for(tiny_store_path))
    dependencies = app.server.test_client().get("/_dash-dependencies").get_json()
    strings, dicts = layout_ids(app)
    wildcard_types = {json.loads(key)["type"] for key in dicts} | DRAWN_BY_CALLBACKS
    missing = []
    for name in named_ids(dependencies):
        if name.startswith("{"):
            spec = json.loads(name)
            if any(
                isinstance(value, list) or value in ("ALL", "MATCH", "ALLSMALLER")
                for value in spec.values()
            ):
                ok = spec.get("type") in wildcard_types
            else:
                ok = json.dumps(spec, sort_keys=True, separators=(",", ":")) in dicts
        else:
            ok = name in strings
        if not ok:
            missing.append(name)
    assert dependencies and missing == []
