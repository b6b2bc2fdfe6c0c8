"""The map page layout."""

from __future__ import annotations

from dash import html

from layouts.page_context import PageContext


def layout(context: PageContext) -> html.Div:
    """The page."""
    return html.Div(id="map-page")
