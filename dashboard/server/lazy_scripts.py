"""Component scripts that load only when their components are about to be seen.

Dash puts the main script of every imported component package in every page. dash-ag-grid's is
1.3 MB (317 KB brotli, and a 229 KB community chunk once a grid mounts) and only the EUTF explorer
at the foot of /pillars has a grid; dash_table's loader is loaded although the app has no
DataTable. Here their main scripts become Dash "dynamic" resources: still served (fingerprinted,
cached a year), no longer in the page.

- A package the app shows somewhere (``LAZY_PACKAGES``) gets a ``<meta>`` tag naming its script's
  address; ``assets/lazy-components.js`` defines the package's components as stand-ins that hold
  the component's place and load that script when the place comes near the viewport (or at once
  when the address has a fragment on the package's page, e.g. the explorer's search, filters and
  sort), then draw the real component. /pillars' charts are drawn without waiting for the grid.
- A package the app never shows (``UNUSED_PACKAGES``) loses its script; ``tests/test_lazy_scripts.py``
  fails when a page's layout holds one of its components.
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass

from dash import Dash
from dash.fingerprint import build_fingerprint


@dataclass(frozen=True)
class LazyPackage:
    """How the browser loads one package's components (assets/lazy-components.js)."""

    page: str  # the page path (as in the address) that shows its components
    label_prop: str  # the dotted path of the component's prop holding its own "loading" words
    async_exports: tuple[str, ...] = ()  # exports that wait for the script without loading it


LAZY_PACKAGES = {
    "dash_ag_grid": LazyPackage(
        page="/pillars",
        label_prop="dashGridOptions.localeText.loadingOoo",
        async_exports=("getApiAsync",),
    )
}
# Dash's own module path of packages whose components no page uses.
UNUSED_PACKAGES = ("dash.dash_table",)
META_PREFIX = "euiom-lazy-script-"


def main_scripts(module_name: str) -> list[dict]:
    """The entries of a package's script list that Dash would put in every page: its scripts that
    are neither async chunks nor source maps (whether or not an earlier app made them dynamic)."""
    module = importlib.import_module(module_name)
    return [
        entry
        for entry in module._js_dist
        if "async" not in entry and str(entry.get("relative_package_path", "")).endswith(".js")
    ]


def script_url(app: Dash, entry: dict) -> str:
    """The fingerprinted address Dash would give ``entry`` in a page (Dash's own recipe)."""
    namespace = entry["namespace"]
    path = entry["relative_package_path"]
    module_path = os.path.join(os.path.dirname(sys.modules[namespace].__file__ or ""), path)
    version = importlib.import_module(namespace).__version__
    fingerprint = build_fingerprint(path, version, int(os.stat(module_path).st_mtime))
    return f"{app.config.requests_pathname_prefix}_dash-component-suites/{namespace}/{fingerprint}"


def defer_component_scripts(app: Dash) -> None:
    """Take the lazy and unused packages' main scripts out of every page; name the lazy ones in
    ``<meta>`` tags for ``assets/lazy-components.js``. Call before the app serves a page."""
    for module_name in UNUSED_PACKAGES:
        for entry in main_scripts(module_name):
            entry["dynamic"] = True
    prefix = app.config.requests_pathname_prefix.rstrip("/")
    for module_name, lazy in LAZY_PACKAGES.items():
        entries = main_scripts(module_name)
        if len(entries) != 1:  # the stand-ins load one script per package
            raise RuntimeError(f"{module_name}: expected one main script, found {len(entries)}")
        url = script_url(app, entries[0])
        entries[0]["dynamic"] = True  # served when asked for, no longer in the page
        app.config.meta_tags.append(
            {
                "name": f"{META_PREFIX}{module_name}",
                "content": url,
                "data-components": ",".join(importlib.import_module(module_name).__all__),
                "data-page": prefix + lazy.page,
                "data-label-prop": lazy.label_prop,
                "data-async-exports": ",".join(lazy.async_exports),
            }
        )
