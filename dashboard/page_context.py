"""What a page layout function receives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from dashboard.catalog import Catalog
from dashboard.settings import Settings


@dataclass(frozen=True)
class PageContext:
    """The language, catalog, settings, a cursor for option lists, and URL parameters of the page
    (``search``: the query string they come from)."""

    lang: str
    catalog: Catalog
    settings: Settings
    cursor: duckdb.DuckDBPyConnection
    params: dict[str, Any]
    search: str = ""
