"""Queries of the EUTF tables (real figures of the EU Trust Fund for Africa, as of 17 Dec 2021).

Rules every query here keeps (the EUTF README's traps):
- one framework at a time: per-country figures come from the numbered Common Output Indicators;
- one level at a time: a country's figure sums either its contracts or, when it has no contract
  row for that indicator, its projects; never both (the ``level`` column says which);
- regional projects and contracts (more than one country) are never split into or added to a
  country's own figure: they are returned apart, one row per project or contract.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.store.door import query

COMMON_OUTPUT_FRAMEWORK = "EUTF Common Output Indicators"
# Map measures: key -> Common Output Indicator number (None: the budget of IOM contracts).
MEASURES: dict[str, str | None] = {
    "budget": None,
    "returns": "3.4",
    "post_arrival": "3.5",
    "reintegration": "3.5 bis",
    "information": "3.3",
    "institutions": "3.6",
    "trained": "3.7",
}
VALUE_KINDS = ("actual", "target", "pct")
# The budget's one value: a budget is not a target.
BUDGET_VALUE = "budget"


def _check_measure(measure: str) -> str | None:
    if measure not in MEASURES:
        raise ValueError(f"unknown EUTF measure {measure!r}")
    return MEASURES[measure]


def country_figures(cursor: duckdb.DuckDBPyConnection, measure: str) -> pd.DataFrame:
    """Each country's own figure for ``measure`` (single-country projects or contracts only).

    Columns: iso3, name_en, name_fr, level ('contract' or 'project'), iati_ids ('; '-joined),
    target, actual, rows (result or contract rows summed), rows_with_target, rows_with_actual.
    For ``budget``, target is the contracts' budget in EUR and actual is None. Ordered by iso3.
    """
    number = _check_measure(measure)
    if number is None:
        return query(
            cursor,
            "country_figures",
            """
            SELECT pc.iso3, ec.name_en, ec.name_fr, 'contract' AS level,
                   string_agg(p.iati_id, '; ' ORDER BY p.iati_id) AS iati_ids,
                   sum(p.budget_eur) AS target, CAST(NULL AS DOUBLE) AS actual, count(*) AS rows,
                   count(p.budget_eur) AS rows_with_target, 0 AS rows_with_actual
            FROM eutf_projects p
            JOIN eutf_project_countries pc USING (iati_id)
            JOIN eutf_countries ec USING (iso3)
            WHERE p.level = 'contract' AND pc.country_count = 1
            GROUP BY ALL ORDER BY pc.iso3
            """,
        )
    return query(
        cursor,
        "country_figures",
        """
        WITH own AS (
            SELECT pc.iso3, r.level, r.iati_id, r.target, r.actual
            FROM eutf_results r JOIN eutf_project_countries pc USING (iati_id)
            WHERE r.result_framework = $framework AND r.indicator_number = $number AND pc.country_count = 1
        ), chosen AS (
            SELECT iso3, CASE WHEN bool_or(level = 'contract') THEN 'contract' ELSE 'project' END AS level
            FROM own GROUP BY iso3
        )
        SELECT own.iso3, ec.name_en, ec.name_fr, own.level,
               string_agg(own.iati_id, '; ' ORDER BY own.iati_id) AS iati_ids,
               sum(own.target) AS target, sum(own.actual) AS actual, count(*) AS rows,
               count(own.target) AS rows_with_target, count(own.actual) AS rows_with_actual
        FROM own JOIN chosen USING (iso3, level) JOIN eutf_countries ec USING (iso3)
        GROUP BY ALL ORDER BY own.iso3
        """,
        {"framework": COMMON_OUTPUT_FRAMEWORK, "number": number},
    )


def countries(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every country the EUTF figures name (own or regional projects and contracts).

    Columns: iso3, name_en, name_fr. Ordered by iso3.
    """
    return query(
        cursor, "countries", "SELECT iso3, name_en, name_fr FROM eutf_countries ORDER BY iso3"
    )


def available_values(cursor: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, ...]]:
    """For each map measure, the values (of ``VALUE_KINDS``, in that order) that at least one
    country's own figure has: ``actual`` where an actual is reported, ``target`` where a target
    is, ``pct`` where both are. The budget has its one value, ``BUDGET_VALUE``, where a contract
    has a budget. A measure no country has a figure for maps to ().
    """
    available: dict[str, tuple[str, ...]] = {}
    for measure in MEASURES:
        figures = country_figures(cursor, measure)
        if MEASURES[measure] is None:
            available[measure] = (BUDGET_VALUE,) if figures["target"].notna().any() else ()
            continue
        has = {"actual": figures["actual"].notna(), "target": figures["target"].notna()}
        has["pct"] = has["actual"] & has["target"] & (figures["target"] > 0)
        available[measure] = tuple(kind for kind in VALUE_KINDS if bool(has[kind].any()))
    return available


def regional_figures(cursor: duckdb.DuckDBPyConnection, measure: str) -> pd.DataFrame:
    """Regional projects and contracts (more than one country) for ``measure``, one row per
    covered country and project or contract, never summed.

    Columns: iso3, iati_id, level, country_count, target, actual (budget: target is the budget
    in EUR). Ordered by iso3, level ('contract' first), iati_id.
    """
    number = _check_measure(measure)
    if number is None:
        sql = """
            SELECT pc.iso3, p.iati_id, p.level, pc.country_count, p.budget_eur AS target,
                   CAST(NULL AS DOUBLE) AS actual
            FROM eutf_projects p JOIN eutf_project_countries pc USING (iati_id)
            WHERE p.level = 'contract' AND pc.country_count > 1
            ORDER BY pc.iso3, p.iati_id
        """
        return query(cursor, "regional_figures", sql)
    return query(
        cursor,
        "regional_figures",
        """
        SELECT pc.iso3, r.iati_id, r.level, pc.country_count, r.target, r.actual
        FROM eutf_results r JOIN eutf_project_countries pc USING (iati_id)
        WHERE r.result_framework = $framework AND r.indicator_number = $number AND pc.country_count > 1
        ORDER BY pc.iso3, r.level, r.iati_id
        """,
        {"framework": COMMON_OUTPUT_FRAMEWORK, "number": number},
    )
