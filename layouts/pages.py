"""The page registry: path, navigation label and layout function of every page, in menu order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dash.development.base_component import Component

from layouts import about_page, map_page, pillars_page, sustainability_page
from layouts.page_context import PageContext


@dataclass(frozen=True)
class Page:
    """One page of the dashboard."""

    key: str
    path: str
    nav_key: str
    layout: Callable[[PageContext], Component]


PAGES = (
    Page("map", "/", "nav.map", map_page.layout),
    Page("pillars", "/pillars", "nav.pillars", pillars_page.layout),
    Page("sustainability", "/sustainability", "nav.sustainability", sustainability_page.layout),
    Page("about", "/about", "nav.about", about_page.layout),
)


def page_for_path(pathname: str | None) -> Page | None:
    """The page served at ``pathname`` (trailing slash ignored), or None."""
    path = (pathname or "/").rstrip("/") or "/"
    return next((page for page in PAGES if page.path == path), None)
