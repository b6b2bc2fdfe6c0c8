"""The import page, declared once: its address, menu label, layout, callbacks, and that only data
managers may open it (the page, its menu link and its callbacks)."""

from __future__ import annotations

from dashboard.auth import Permission
from dashboard.common.pages import Page
from dashboard.imports import callbacks
from dashboard.imports.layout import layout

PAGE = Page(
    "import",
    "/import",
    "nav.import",
    layout,
    permission=Permission.MANAGE_DATA,
    register=callbacks.register,
)
