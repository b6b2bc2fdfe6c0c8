"""What a page of the dashboard is, and what the app's wiring passes down to the shell's
callbacks: the pages (built by ``layouts.pages``) and the print header builder. ``create_app``
hands a ``Site`` to ``callbacks.register_all``, so callbacks never import layouts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dash.development.base_component import Component

from dashboard.auth import Permission
from dashboard.page_context import PageContext


@dataclass(frozen=True)
class Page:
    """One page of the dashboard."""

    key: str
    path: str
    nav_key: str
    layout: Callable[[PageContext], Component]
    permission: Permission = Permission.VIEW  # who may open it (a module's PERMISSION); the server checks


def page_for_path(pages: Sequence[Page], pathname: str | None) -> Page | None:
    """The page of ``pages`` served at ``pathname`` (trailing slash ignored), or None."""
    path = (pathname if isinstance(pathname, str) and pathname else "/").rstrip("/") or "/"
    return next((page for page in pages if page.path == path), None)


@dataclass(frozen=True)
class Site:
    """The page registry and the print header builder, as the layouts define them."""

    pages: tuple[Page, ...]
    # print_header(page_title, date_text, url, filters, data_source, lang) -> children
    print_header: Callable[..., list]

    def page_for_path(self, pathname: str | None) -> Page | None:
        """The page served at ``pathname``, or None."""
        return page_for_path(self.pages, pathname)
