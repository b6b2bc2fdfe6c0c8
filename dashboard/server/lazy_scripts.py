"""Component scripts that load only on the pages that show their components.

Dash puts the main script of every imported component package in every page. dash-ag-grid's is
1.3 MB (317 KB brotli) and only the EUTF explorer of /pillars has a grid; dash_table's loader is
loaded although the app has no DataTable. Here their main scripts become Dash "dynamic" resources:
still served (fingerprinted, cached a year), no longer in the page.

- A package the app shows somewhere (``LAZY_PACKAGES``) gets a ``<meta>`` tag naming its script's
  address; ``assets/lazy-components.js`` defines the package's components as small stand-ins
  that load that script when one first mounts (a visit that reaches /pillars from another page)
  and then draw the real component. The page that shows them from the start (its address is
  /pillars) carries the script itself, as before: its first draw waits for nothing more.
- A package the app never shows (``UNUSED_PACKAGES``) loses its script; ``tests/test_lazy_scripts.py``
  fails when a page's layout holds one of its components.
"""

from __future__ import annotations

import importlib
import os
import sys
from html import escape

from dash import Dash
from dash.fingerprint import build_fingerprint
from flask import request

# Package -> the page path (as in the address) that shows its components from the start.
LAZY_PACKAGES = {"dash_ag_grid": "/pillars"}
# Dash's own module path of packages whose components no page uses.
UNUSED_PACKAGES = ("dash.dash_table",)
META_PREFIX = "euiom-lazy-script-"
ASSETS_MARK = "/assets/"  # the app's own scripts' addresses start so


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
    ``<meta>`` tags for ``assets/lazy-components.js``; a page whose address shows a lazy package's
    components from the start (/pillars) gets its script in the page as before, ahead of the app's
    own scripts, so nothing waits for it there. Call before the app serves a page."""
    pages: dict[str, str] = {}  # page path -> the script its first draw needs
    for module_name in UNUSED_PACKAGES:
        for entry in main_scripts(module_name):
            entry["dynamic"] = True
    for module_name, page_path in LAZY_PACKAGES.items():
        entries = main_scripts(module_name)
        if len(entries) != 1:  # the stand-ins load one script per package
            raise RuntimeError(f"{module_name}: expected one main script, found {len(entries)}")
        url = script_url(app, entries[0])
        entries[0]["dynamic"] = True  # served when asked for, no longer in the page
        prefix = app.config.requests_pathname_prefix.rstrip("/")
        pages[prefix + page_path] = url
        app.config.meta_tags.append(
            {
                "name": f"{META_PREFIX}{module_name}",
                "content": url,
                "data-components": ",".join(importlib.import_module(module_name).__all__),
                "data-page": prefix + page_path,
            }
        )

    plain_index = app.interpolate_index

    def interpolate_index(**parts: str) -> str:
        path = request.path.rstrip("/") or "/"
        if path in pages and "scripts" in parts:
            parts["scripts"] = with_script(parts["scripts"], pages[path])
        return plain_index(**parts)

    # Dash documents overriding this method to change the page; the instance's attribute is that.
    app.interpolate_index = interpolate_index  # type: ignore[method-assign,assignment]


def with_script(scripts: str, url: str) -> str:
    """The page's script tags with ``url``'s before the app's own scripts (after the libraries
    it needs: React, Dash's components), or last when the page has none of its own."""
    tag = f'<script src="{escape(url)}"></script>'
    at = scripts.rfind("<script", 0, scripts.find(ASSETS_MARK)) if ASSETS_MARK in scripts else -1
    return scripts[:at] + tag + "\n" + scripts[at:] if at >= 0 else scripts + "\n" + tag
