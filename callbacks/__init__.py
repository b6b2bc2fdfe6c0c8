"""Callbacks, one module per page; ``register_all`` is the one place they are attached to the app.
They never import layouts: what the shell needs of them (the pages, the print header) comes in as
a ``Site`` from ``create_app``."""

from __future__ import annotations

from dash import Dash

from dashboard.context import AppContext
from dashboard.pages import Site

from . import (
    about_page,
    eutf_explorer,
    exports,
    import_page,
    map_page,
    open_data,
    page_options,
    pillars_page,
    shell,
    sustainability_page,
)

MODULES = (page_options, map_page, pillars_page, eutf_explorer, sustainability_page, about_page, import_page, exports,
           open_data)


def register_all(app: Dash, context: AppContext, site: Site) -> None:
    """Attach every module's callbacks to ``app``; the shell's for the pages of ``site``."""
    shell.register(app, context, site)
    for module in MODULES:
        module.register(app, context)
