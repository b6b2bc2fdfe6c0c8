"""Colours, palettes and the plotly template every figure uses."""

from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
QUALITATIVE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)
# Fill patterns paired with the palette so categories never rely on colour alone.
PATTERNS = ("", "/", ".", "x", "\\", "+", "-", "|")
SEQUENTIAL = ("#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b")
LAND = "#e8e8e8"
LAND_BORDER = "#ffffff"
INACTIVE_FILL = "#d4d4d4"
TEXT = "#1f2933"
MUTED = "#5f6b7a"
FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

# Fixed colours for codes, so an Action or region keeps its colour across pages and filters.
ACTION_COLOURS = {
    "JI-NA": QUALITATIVE[0],
    "JI-HOA": QUALITATIVE[1],
    "JI-SLC": QUALITATIVE[2],
    "PILOT": QUALITATIVE[3],
    "PROTTASHA": QUALITATIVE[4],
    "RADA": QUALITATIVE[5],
}
REGION_COLOURS = {
    "MENA": QUALITATIVE[0],
    "EHOA": QUALITATIVE[1],
    "WCA": QUALITATIVE[2],
    "SAF": QUALITATIVE[3],
    "APAC": QUALITATIVE[5],
}
STATUS_COLOURS = {"ongoing": "#009E73", "completed": "#0072B2"}
SEX_COLOURS = {"female": "#CC79A7", "male": "#0072B2", "all": "#5f6b7a"}

# px between an axis title and its tick labels.
AXIS_TITLE_STANDOFF = 8

TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT_FAMILY, "size": 13, "color": TEXT},
        colorway=list(QUALITATIVE),
        paper_bgcolor="white",
        plot_bgcolor="white",
        margin={"l": 56, "r": 24, "t": 56, "b": 48},
        hoverlabel={"font": {"family": FONT_FAMILY}},
        # Every axis title at a standoff of its own from its tick labels: without one, plotly's
        # first draw placed a title from a measure of the labels taken before they were laid
        # out (the pillar matrix's "Action" among its row labels until a redraw).
        xaxis={
            "gridcolor": "#eef0f3",
            "zerolinecolor": "#d0d5dd",
            "automargin": True,
            "title": {"standoff": AXIS_TITLE_STANDOFF},
        },
        yaxis={
            "gridcolor": "#eef0f3",
            "zerolinecolor": "#d0d5dd",
            "automargin": True,
            "title": {"standoff": AXIS_TITLE_STANDOFF},
        },
        legend={"bgcolor": "rgba(255,255,255,0.8)"},
    )
)

# plotly.js config for every dcc.Graph: local map data, no cloud button, image export offline.
GRAPH_CONFIG: dcc.Graph.Config = {
    "displaylogo": False,
    "showSendToCloud": False,
    "topojsonURL": "/assets/topojson/",
    "toImageButtonOptions": {"format": "png", "scale": 2},
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}


def graph_config(lang: str) -> dcc.Graph.Config:
    """The graphs' configuration in ``lang``: plotly's toolbar tooltips and date names follow the
    page's language (the French locale is served from assets/plotly-locale-fr.js)."""
    return {**GRAPH_CONFIG, "locale": lang if lang in ("en", "fr") else "en"}


def colour_for(code: str, mapping: dict[str, str], index: int) -> str:
    """The fixed colour of a code, or the palette colour at ``index`` for codes without one."""
    return mapping.get(code, QUALITATIVE[index % len(QUALITATIVE)])


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[index : index + 2], 16) / 255 for index in (0, 2, 4)]
        red, green, blue = [
            value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
            for value in channels
        ]
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(fill: str) -> str:
    """The colour of a label drawn on ``fill`` (a bar): the page's text colour, black or white,
    the first that reads at 4.5:1 (WCAG AA), else whichever reads best. A white pattern over the
    fill only lightens it, which dark text reads better on still."""
    candidates = (TEXT, "#000000", "#ffffff")
    return next(
        (colour for colour in candidates if contrast_ratio(colour, fill) >= 4.5),
        max(candidates, key=lambda colour: contrast_ratio(colour, fill)),
    )
