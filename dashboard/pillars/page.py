"""The pillars page, declared once: its address, menu label, layout, charts, options and callbacks
(the EUTF explorer's: every chart of the page is answered by its chart callback)."""

from __future__ import annotations

from dashboard.common.pages import Page
from dashboard.pillars import callbacks
from dashboard.pillars.charts import CHARTS, EXTRAS
from dashboard.pillars.layout import layout
from dashboard.pillars.options import TABLE

PAGE = Page(
    "pillars",
    "/pillars",
    "nav.pillars",
    layout,
    charts=CHARTS,
    extras=EXTRAS,
    options=TABLE,
    register=callbacks.register,
)
