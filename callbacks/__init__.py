"""Callbacks that serve every page, and ``register_all``: the one place callbacks are attached to
the app. Each page's own callbacks live in its package (``dashboard/<page>/callbacks.py``) and are
wired through its ``Page.register``; the shell's, the page options', the exports' and the
open-data links' live here. They never import layouts or pages: the pages (and the print header)
come in as a ``Site`` from ``create_app``."""

from __future__ import annotations

from dash import Dash

from dashboard.common.pages import Site
from dashboard.store.context import AppContext

from . import exports, open_data, page_options, shell


def register_all(app: Dash, context: AppContext, site: Site) -> None:
    """Attach every callback to ``app``: the shell's, each page's options and own callbacks, the
    chart downloads and table views, and the open-data links, for the pages of ``site``."""
    shell.register(app, context, site)
    page_options.register(app, context, site)
    for page in site.pages:
        page.register(app, context)
    exports.register(app, context, site)
    open_data.register(app, context, site)
