"""What a page of the dashboard is, and what its layout receives.

Each page package declares itself once, as a ``Page`` in its ``page.py``: address, menu label,
layout, who may open it, its charts (the ``ChartSpec`` registry), its options table and the
wiring of its own callbacks. ``dashboard.site`` lists the pages; ``create_app`` hands them to the
shell, the callbacks and the API.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
from dash import Dash
from dash.development.base_component import Component

from dashboard.auth import Permission
from dashboard.common.charts import ChartSpec, Extra
from dashboard.common.options import OptionTable
from dashboard.settings import Settings
from dashboard.store.catalog import Catalog
from dashboard.store.context import AppContext


@dataclass(frozen=True)
class PageContext:
    """The language, catalog, settings, a cursor for option lists, and URL parameters of the page
    (``search``: the query string they come from); ``charts``: the page's charts as the site
    declares them (None: the page's own registry)."""

    lang: str
    catalog: Catalog
    settings: Settings
    cursor: duckdb.DuckDBPyConnection
    params: dict[str, Any]
    search: str = ""
    charts: tuple[ChartSpec, ...] | None = None


def no_callbacks(app: Dash, context: AppContext) -> None:
    """The wiring of a page with no callbacks of its own."""


@dataclass(frozen=True)
class Page:
    """One page of the dashboard.

    Attributes:
        key: the page's name in chart records, option stores and file names (``map``).
        path: its address (``/``).
        nav_key: the text key of its menu label.
        layout: the page's components for a request.
        permission: who may open it (the server checks every request and callback).
        charts: the page's charts, one ``ChartSpec`` row each; ``callbacks.charts`` answers them
            all, and the page's ``extras``, in the page's one chart callback.
        extras: other outputs that callback fills from the same request (tables beside charts,
            notes, choices that follow the filters).
        options: the page's options table (URL parameters and their controls), or None.
        register: wires the page's own callbacks (those that are not charts) to the app.
    """

    key: str
    path: str
    nav_key: str
    layout: Callable[[PageContext], Component]
    permission: Permission = Permission.VIEW
    charts: tuple[ChartSpec, ...] = ()
    extras: tuple[Extra, ...] = ()
    options: OptionTable | None = None
    register: Callable[[Dash, AppContext], None] = no_callbacks


def page_for_path(pages: Sequence[Page], pathname: str | None) -> Page | None:
    """The page of ``pages`` served at ``pathname`` (trailing slash ignored), or None."""
    path = (pathname if isinstance(pathname, str) and pathname else "/").rstrip("/") or "/"
    return next((page for page in pages if page.path == path), None)


@dataclass(frozen=True)
class Site:
    """The pages, in menu order, and the print header builder."""

    pages: tuple[Page, ...]
    # print_header(page_title, date_text, url, filters, data_source, lang) -> children
    print_header: Callable[..., list]

    def page_for_path(self, pathname: str | None) -> Page | None:
        """The page served at ``pathname``, or None."""
        return page_for_path(self.pages, pathname)

    def charts(self) -> dict[str, ChartSpec]:
        """Every chart of every page, by key.

        Raises:
            RuntimeError: two charts share a key.
        """
        charts = [chart for page in self.pages for chart in page.charts]
        keys = [chart.key for chart in charts]
        if len(keys) != len(set(keys)):
            raise RuntimeError(f"chart keys are not unique: {sorted(keys)}")
        return {chart.key: chart for chart in charts}

    def option_tables(self) -> dict[str, OptionTable]:
        """Each page's options table, by page key (pages without options are left out)."""
        return {page.key: page.options for page in self.pages if page.options is not None}
