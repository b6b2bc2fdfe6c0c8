"""Callbacks of the map page."""

from __future__ import annotations

from dash import Dash

from dashboard.context import AppContext


def register(app: Dash, context: AppContext) -> None:
    """Wire this page's callbacks."""
