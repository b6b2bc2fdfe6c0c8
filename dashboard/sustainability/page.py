"""The sustainability page, declared once: its address, menu label, layout, charts, options and
callbacks."""

from __future__ import annotations

from dashboard.common.pages import Page
from dashboard.sustainability import callbacks
from dashboard.sustainability.charts import CHARTS, EXTRAS
from dashboard.sustainability.layout import layout
from dashboard.sustainability.options import TABLE

PAGE = Page(
    "sustainability",
    "/sustainability",
    "nav.sustainability",
    layout,
    charts=CHARTS,
    extras=EXTRAS,
    options=TABLE,
    register=callbacks.register,
)
