"""The pillars page, declared once: its address, menu label, layout, charts, options and callbacks."""

from __future__ import annotations

from dash import Dash

from dashboard.common.pages import Page
from dashboard.pillars import callbacks, explorer_callbacks
from dashboard.pillars.charts import CHARTS
from dashboard.pillars.layout import layout
from dashboard.pillars.options import TABLE
from dashboard.store.context import AppContext


def register(app: Dash, context: AppContext) -> None:
    """Wire the page's own callbacks and the EUTF explorer's."""
    callbacks.register(app, context)
    explorer_callbacks.register(app, context)


PAGE = Page("pillars", "/pillars", "nav.pillars", layout, charts=CHARTS, options=TABLE, register=register)
