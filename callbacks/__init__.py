"""Callbacks that serve every page, and ``register_all``: the one place callbacks are attached to
the app. Here: the shell's, the page options', the one factory that answers each page's charts
from its registry (``charts``), the chart downloads and table views (``exports``) and the
open-data links. Each page's own few callbacks (a click on the map, the explorer's rows, the
import page) live in its package (``dashboard/<page>/callbacks.py``), wired through its
``Page.register``. They never import layouts or pages: the pages (and the print header)
come in as a ``Site`` from ``create_app``."""

from __future__ import annotations

from dash import Dash

from dashboard.common.pages import Site
from dashboard.store.context import AppContext

from . import charts, exports, open_data, page_options, shell


def register_all(app: Dash, context: AppContext, site: Site) -> None:
    """Attach every callback to ``app``: the shell's, each page's options, each page's one chart
    callback (built from its registry), each page's own callbacks, the chart downloads and table
    views, and the open-data links, for the pages of ``site``."""
    shell.register(app, context, site)
    page_options.register(app, context, site)
    charts.register(app, context, site)
    for page in site.pages:
        page.register(app, context)
    exports.register(app, context, site)
    open_data.register(app, context, site)
