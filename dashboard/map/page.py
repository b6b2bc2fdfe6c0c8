"""The map page, declared once: its address, menu label, layout, charts, options and callbacks."""

from __future__ import annotations

from dashboard.common.pages import Page
from dashboard.map import callbacks
from dashboard.map.charts import CHARTS, EXTRAS
from dashboard.map.layout import layout
from dashboard.map.options import TABLE

PAGE = Page(
    "map",
    "/",
    "nav.map",
    layout,
    charts=CHARTS,
    extras=EXTRAS,
    options=TABLE,
    register=callbacks.register,
)
