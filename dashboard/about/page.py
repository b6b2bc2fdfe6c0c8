"""The about page, declared once: its address, menu label and layout (no callbacks of its own)."""

from __future__ import annotations

from dashboard.about.layout import layout
from dashboard.common.pages import Page

PAGE = Page("about", "/about", "nav.about", layout)
