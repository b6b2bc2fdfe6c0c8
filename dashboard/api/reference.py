"""The reference tables the API serves: codes, names and sources, each with its kind of data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import pandas as pd

from dashboard.common.eutf import indicator_code
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
    # Columns that identify a row (the zip's Table Schema names them as its primary key).
    key: tuple[str, ...] = ()
    # The HXL hashtag of what a row names (its ``name_en``/``name_fr`` columns are its names).
    subject: str | None = None


def eutf_result_rows(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every EUTF result row, the Common Output Indicator number as its text code ("COI 3.4")."""
    rows = explorer_queries.explorer_rows(cursor)
    codes = pd.Series(
        [indicator_code(number) for number in rows["indicator_number"]], index=rows.index
    )
    return rows.assign(indicator_number=codes)


REFERENCE_TABLES: tuple[ReferenceTable, ...] = (
    ReferenceTable(
        "actions",
        "The EU-IOM Actions: names, region, status, dates, funding, sources.",
        "reference",
        reference_queries.actions,
        key=("action_code",),
        subject="#activity",
    ),
    ReferenceTable(
        "countries",
        "Countries of each Action, with their role.",
        "reference",
        reference_queries.countries,
        key=("action_code", "iso3"),
        subject="#country",
    ),
    ReferenceTable(
        "regions",
        "Regions of the Actions.",
        "reference",
        reference_queries.regions,
        key=("region_code",),
        subject="#region",
    ),
    ReferenceTable(
        "statuses",
        "Statuses of the Actions.",
        "reference",
        reference_queries.statuses,
        key=("status_code",),
        subject="#status",
    ),
    ReferenceTable(
        "pillars",
        "The six pillars of the KMH results framework.",
        "reference",
        reference_queries.pillars,
        key=("pillar_no",),
        subject="#sector",
    ),
    ReferenceTable(
        "indicators",
        "Programme indicators, their pillar and unit.",
        "reference",
        reference_queries.indicators,
        key=("indicator_code",),
        subject="#indicator",
    ),
    ReferenceTable(
        "published-figures",
        "Headline figures published by the EU and IOM, with date and source.",
        "published",
        lambda cursor: indicator_queries.published_figures(cursor, Selection()),
        key=("figure_id",),
    ),
    ReferenceTable(
        "eutf-projects",
        "EUTF projects and contracts of the Actions: budget, dates, partners.",
        "eutf",
        store_reference.projects,
        key=("iati_id",),
    ),
    ReferenceTable(
        "eutf-results",
        "Every EUTF result row: indicator, target, actual, as-of date.",
        "eutf",
        lambda cursor: eutf_result_rows(cursor),
        key=("result_id",),
    ),
)


def reference_tables() -> dict[str, ReferenceTable]:
    """Every reference table, by URL name."""
    return {table.name: table for table in REFERENCE_TABLES}
