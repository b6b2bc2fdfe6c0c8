"""The reference tables the API serves: codes, names and sources, each with its kind of data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import pandas as pd

from dashboard.pillars import explorer_queries
from dashboard.pillars import queries as indicator_queries
from dashboard.selection import Selection
from dashboard.store import reference as reference_queries
from dashboard.store import reference as store_reference


@dataclass(frozen=True)
class ReferenceTable:
    """One reference table: its name in the URL, what it holds, its kind of data and its query."""

    name: str
    description: str
    kind: str
    query: Callable[[duckdb.DuckDBPyConnection], pd.DataFrame]


REFERENCE_TABLES: tuple[ReferenceTable, ...] = (
    ReferenceTable("actions", "The EU-IOM Actions: names, region, status, dates, funding, sources.", "reference",
                   reference_queries.actions),
    ReferenceTable("countries", "Countries of each Action, with their role.", "reference", reference_queries.countries),
    ReferenceTable("regions", "Regions of the Actions.", "reference", reference_queries.regions),
    ReferenceTable("statuses", "Statuses of the Actions.", "reference", reference_queries.statuses),
    ReferenceTable("pillars", "The six pillars of the KMH results framework.", "reference", reference_queries.pillars),
    ReferenceTable("indicators", "Programme indicators, their pillar and unit.", "reference",
                   reference_queries.indicators),
    ReferenceTable("published-figures", "Headline figures published by the EU and IOM, with date and source.",
                   "published", lambda cursor: indicator_queries.published_figures(cursor, Selection())),
    ReferenceTable("eutf-projects", "EUTF projects and contracts of the Actions: budget, dates, partners.", "eutf",
                   store_reference.projects),
    ReferenceTable("eutf-results", "Every EUTF result row: indicator, target, actual, as-of date.", "eutf",
                   explorer_queries.explorer_rows),
)


def reference_tables() -> dict[str, ReferenceTable]:
    """Every reference table, by URL name."""
    return {table.name: table for table in REFERENCE_TABLES}
