"""Callbacks, one module per page; ``register_all`` is the one place they are attached to the app."""

from __future__ import annotations

from dash import Dash

from callbacks import (
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
from dashboard.context import AppContext

MODULES = (shell, page_options, map_page, pillars_page, eutf_explorer, sustainability_page, about_page, import_page,
           exports, open_data)


def register_all(app: Dash, context: AppContext) -> None:
    """Attach every module's callbacks to ``app``."""
    for module in MODULES:
        module.register(app, context)
