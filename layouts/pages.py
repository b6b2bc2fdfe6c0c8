"""The page registry: path, navigation label and layout function of every page, in menu order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dash.development.base_component import Component

from dashboard.auth import Permission
from layouts import about_page, import_page, map_page, pillars_page, sustainability_page
from layouts.page_context import PageContext


@dataclass(frozen=True)
class Page:
    """One page of the dashboard."""

    key: str
    path: str
    nav_key: str
    layout: Callable[[PageContext], Component]
    url_options: tuple[tuple[str, str, str], ...] = ()  # (component id, property, URL parameter)
    permission: Permission = Permission.VIEW  # who may open it (a module's PERMISSION); the server checks


PAGES = tuple(
    Page(key, path, nav_key, module.layout, tuple(getattr(module, "URL_OPTIONS", ())),
         getattr(module, "PERMISSION", Permission.VIEW))
    for key, path, nav_key, module in (
        ("map", "/", "nav.map", map_page),
        ("pillars", "/pillars", "nav.pillars", pillars_page),
        ("sustainability", "/sustainability", "nav.sustainability", sustainability_page),
        ("about", "/about", "nav.about", about_page),
        ("import", "/import", "nav.import", import_page),
    )
)


def page_for_path(pathname: str | None) -> Page | None:
    """The page served at ``pathname`` (trailing slash ignored), or None."""
    path = (pathname if isinstance(pathname, str) and pathname else "/").rstrip("/") or "/"
    return next((page for page in PAGES if page.path == path), None)
