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

from dashboard.eutf_explorer import (
    EXPLORER_COLUMNS,
    NUMBER_COLUMNS,
    Block,
    ColumnFilter,
    Condition,
    ExplorerQuery,
)

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
# The explorer's columns: the SQL each one is read, sorted and filtered by (the allow-list of
# identifiers: nothing else reaches its SQL); dates are filtered as ISO text, as the grid shows them.
EXPLORER_SQL = {
    "result_id": "r.result_id", "iati_id": "r.iati_id", "level": "r.level",
    "countries": "array_to_string(p.recipient_iso3, '; ')", "action_link": "r.action_link",
    "result_framework": "r.result_framework", "indicator": "r.indicator", "indicator_number": "r.indicator_number",
    "period_start": "r.period_start", "period_end": "r.period_end", "target": "r.target",
    "target_text": "r.target_text", "actual": "r.actual", "as_of": "r.as_of",
}
DATE_COLUMNS = frozenset({"period_start", "period_end", "as_of"})
TEXT_MATCH = {  # operator -> SQL on the lower-cased text x and the bound value v
    "contains": "contains({x}, {v})", "notContains": "({x} IS NULL OR NOT contains({x}, {v}))",
    "equals": "{x} = {v}", "notEqual": "({x} IS NULL OR {x} <> {v})",
    "startsWith": "starts_with({x}, {v})", "endsWith": "ends_with({x}, {v})",
}
NUMBER_MATCH = {
    "equals": "{x} = {v}", "notEqual": "{x} <> {v}", "lessThan": "{x} < {v}", "lessThanOrEqual": "{x} <= {v}",
    "greaterThan": "{x} > {v}", "greaterThanOrEqual": "{x} >= {v}", "inRange": "({x} > {v} AND {x} < {w})",
}


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
        return cursor.execute(
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
            """
        ).df()
    return cursor.execute(
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
    ).df()


def countries(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every country the EUTF figures name (own or regional projects and contracts).

    Columns: iso3, name_en, name_fr. Ordered by iso3.
    """
    return cursor.execute("SELECT iso3, name_en, name_fr FROM eutf_countries ORDER BY iso3").df()


def available_values(cursor: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, ...]]:
    """For each map measure, the values (of ``VALUE_KINDS``, in that order) that at least one
    country's own figure has: ``actual`` where an actual is reported, ``target`` where a target
    is, ``pct`` where both are. The budget has its one value, ``BUDGET_VALUE``, where a contract
    has a budget. A measure no country has a figure for maps to ().
    """
    available = {}
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
        return cursor.execute(sql).df()
    return cursor.execute(
        """
        SELECT pc.iso3, r.iati_id, r.level, pc.country_count, r.target, r.actual
        FROM eutf_results r JOIN eutf_project_countries pc USING (iati_id)
        WHERE r.result_framework = $framework AND r.indicator_number = $number AND pc.country_count > 1
        ORDER BY pc.iso3, r.level, r.iati_id
        """,
        {"framework": COMMON_OUTPUT_FRAMEWORK, "number": number},
    ).df()


def country_contracts(cursor: duckdb.DuckDBPyConnection, iso3: str) -> pd.DataFrame:
    """The EUTF projects and contracts that cover ``iso3`` (its own and regional ones).

    Columns: iati_id, parent_iati_id, level, title, implementing_partners, budget_eur,
    date_start, date_end, action_link, action_link_basis, action_document_url, country_count.
    Ordered: the country's own first, then contracts before projects, then iati_id.
    """
    return cursor.execute(
        """
        SELECT p.iati_id, p.parent_iati_id, p.level, p.title, p.implementing_partners, p.budget_eur,
               p.date_start, p.date_end, p.action_link, p.action_link_basis, p.action_document_url,
               pc.country_count
        FROM eutf_projects p JOIN eutf_project_countries pc USING (iati_id)
        WHERE pc.iso3 = $iso3
        ORDER BY pc.country_count > 1, p.level = 'project', p.iati_id
        """,
        {"iso3": iso3},
    ).df()


def country_results(cursor: duckdb.DuckDBPyConnection, iso3: str) -> pd.DataFrame:
    """The country's own Common Output Indicator results (single-country projects or contracts),
    at one level per indicator (contracts where any, else projects), summed over that level.

    Columns: indicator_number, indicator, level, iati_ids, target, actual, pillar_no (the
    dashboard's correspondence; None where it has none). Ordered by indicator_number.
    """
    return cursor.execute(
        """
        WITH own AS (
            SELECT r.indicator_number, r.indicator, r.level, r.iati_id, r.target, r.actual
            FROM eutf_results r JOIN eutf_project_countries pc USING (iati_id)
            WHERE r.result_framework = $framework AND r.indicator_number IS NOT NULL
              AND pc.iso3 = $iso3 AND pc.country_count = 1
        ), chosen AS (
            SELECT indicator_number,
                   CASE WHEN bool_or(level = 'contract') THEN 'contract' ELSE 'project' END AS level
            FROM own GROUP BY indicator_number
        )
        SELECT own.indicator_number, min(own.indicator) AS indicator, own.level,
               string_agg(own.iati_id, '; ' ORDER BY own.iati_id) AS iati_ids,
               sum(own.target) AS target, sum(own.actual) AS actual, ip.pillar_no
        FROM own JOIN chosen USING (indicator_number, level)
        LEFT JOIN eutf_indicator_pillars ip USING (indicator_number)
        GROUP BY own.indicator_number, own.level, ip.pillar_no
        ORDER BY string_split(own.indicator_number, '.')[1]::INTEGER,
                 string_split(split_part(own.indicator_number, ' ', 1), '.')[2]::INTEGER, own.indicator_number
        """,
        {"framework": COMMON_OUTPUT_FRAMEWORK, "iso3": iso3},
    ).df()


def pillar_results(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Target and actual by country and numbered Common Output Indicator that the dashboard's
    correspondence puts under a pillar; one level per country and indicator, regional rows apart
    (``scope``).

    Columns: pillar_no, indicator_number, indicator, scope ('country' or 'regional'), iso3 (None
    for regional), place (country name or the regional project or contract id), level, target,
    actual. Ordered by pillar, indicator, scope, place.
    """
    return cursor.execute(
        """
        WITH coi AS (
            SELECT r.*, ip.pillar_no FROM eutf_results r JOIN eutf_indicator_pillars ip USING (indicator_number)
            WHERE r.result_framework = $framework
        ), own AS (
            SELECT coi.*, pc.iso3 FROM coi JOIN eutf_project_countries pc USING (iati_id)
            WHERE pc.country_count = 1
        ), chosen AS (
            SELECT iso3, indicator_number,
                   CASE WHEN bool_or(level = 'contract') THEN 'contract' ELSE 'project' END AS level
            FROM own GROUP BY ALL
        ), country_rows AS (
            SELECT own.pillar_no, own.indicator_number, min(own.indicator) AS indicator, 'country' AS scope,
                   own.iso3, ec.name_en AS place, own.level, sum(own.target) AS target, sum(own.actual) AS actual
            FROM own JOIN chosen USING (iso3, indicator_number, level) JOIN eutf_countries ec USING (iso3)
            GROUP BY own.pillar_no, own.indicator_number, own.iso3, ec.name_en, own.level
        ), regional_rows AS (
            SELECT coi.pillar_no, coi.indicator_number, coi.indicator, 'regional' AS scope,
                   CAST(NULL AS VARCHAR) AS iso3, coi.iati_id AS place, coi.level, coi.target, coi.actual
            FROM coi
            WHERE NOT EXISTS (SELECT 1 FROM eutf_project_countries pc
                              WHERE pc.iati_id = coi.iati_id AND pc.country_count = 1)
        )
        SELECT * FROM country_rows UNION ALL SELECT * FROM regional_rows
        ORDER BY pillar_no, indicator_number, scope, place
        """,
        {"framework": COMMON_OUTPUT_FRAMEWORK},
    ).df()


EXPLORER_FROM = "FROM eutf_results r LEFT JOIN eutf_projects p USING (iati_id)"


def explorer_rows(cursor: duckdb.DuckDBPyConnection, query: ExplorerQuery | None = None,
                  block: Block | None = None) -> pd.DataFrame:
    """The result rows that ``query`` keeps (all by default), in its order (missing values last
    either way; then by result_id, file order), only rows ``block.start`` to ``block.end`` when a
    block is given; each with its project's or contract's countries (alpha-3, '; '-joined).

    Columns: ``EXPLORER_COLUMNS``.
    """
    query = query or ExplorerQuery()
    where, params = explorer_where(query)
    order = ", ".join([*(f"{EXPLORER_SQL[key.column]} {'DESC' if key.descending else 'ASC'} NULLS LAST"
                         for key in query.sort), "r.result_id"])
    select = ", ".join(f"{EXPLORER_SQL[column]} AS {column}" for column in EXPLORER_COLUMNS)
    page = ""
    if block is not None:
        page, params = " LIMIT $limit OFFSET $offset", {**params, "limit": block.end - block.start,
                                                         "offset": block.start}
    return cursor.execute(f"SELECT {select} {EXPLORER_FROM} WHERE {where} ORDER BY {order}{page}",  # noqa: S608 (allow-listed)
                          params).df()


def explorer_counts(cursor: duckdb.DuckDBPyConnection, query: ExplorerQuery) -> tuple[int, int]:
    """How many result rows ``query`` keeps, and how many there are in all."""
    where, params = explorer_where(query)
    row = cursor.execute(f"SELECT count(*) FILTER (WHERE {where}), count(*) {EXPLORER_FROM}",  # noqa: S608 (allow-listed)
                         params).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def explorer_where(query: ExplorerQuery) -> tuple[str, dict[str, object]]:
    """The WHERE condition of ``query`` and its bound values: identifiers and operators come from
    ``EXPLORER_SQL``, ``TEXT_MATCH`` and ``NUMBER_MATCH`` only; every value is a parameter.
    Text matches ignore case, as the grid's own filters do."""
    parts: list[str] = []
    params: dict[str, object] = {}
    if query.words:
        every_column = "lower(concat_ws(' ', {}))".format(", ".join(_as_text(column) for column in EXPLORER_COLUMNS))
        for number, word in enumerate(query.words):
            params[f"w{number}"] = word
            parts.append(f"contains({every_column}, $w{number})")
    for index, column_filter in enumerate(query.filters):
        parts.append(_column_condition(column_filter, index, params))
    return (" AND ".join(parts) or "TRUE"), params


def _as_text(column: str) -> str:
    sql = EXPLORER_SQL[column]
    return f"CAST({sql} AS VARCHAR)" if column in DATE_COLUMNS or column in NUMBER_COLUMNS else sql


def _column_condition(column_filter: ColumnFilter, index: int, params: dict[str, object]) -> str:
    number = column_filter.column in NUMBER_COLUMNS
    value = EXPLORER_SQL[column_filter.column] if number else f"lower({_as_text(column_filter.column)})"
    joined = f" {'OR' if column_filter.join == 'OR' else 'AND'} ".join(
        _condition(value, condition, f"f{index}_{position}", number, params)
        for position, condition in enumerate(column_filter.conditions))
    return f"({joined})"


def _condition(value: str, condition: Condition, name: str, number: bool, params: dict[str, object]) -> str:
    if condition.operator == "blank":
        return f"({value} IS NULL OR {value} = '')" if not number else f"{value} IS NULL"
    if condition.operator == "notBlank":
        return f"({value} IS NOT NULL AND {value} <> '')" if not number else f"{value} IS NOT NULL"
    params[name] = condition.value
    if condition.operator == "inRange":  # the grid's bounds, whichever way round they were typed
        params[name], params[f"{name}_to"] = sorted((condition.value, condition.value_to))
    template = (NUMBER_MATCH if number else TEXT_MATCH)[condition.operator]
    return template.format(x=value, v=f"${name}", w=f"${name}_to")


def as_of_date(cursor: duckdb.DuckDBPyConnection) -> str | None:
    """The date the results were reported by (ISO), or None in a store without them."""
    row = cursor.execute("SELECT max(as_of) FROM eutf_results").fetchone()
    return row[0].isoformat() if row and row[0] else None


def projects(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every EUTF project and contract of the Actions (the API's reference table).

    Columns: iati_id, parent_iati_id, level, title, countries (alpha-3, '; '-joined),
    implementing_partners, budget_eur, date_start, date_end, action_link, action_link_basis,
    action_document_url, source. Ordered by iati_id.
    """
    return cursor.execute(
        """
        SELECT iati_id, parent_iati_id, level, title, array_to_string(recipient_iso3, '; ') AS countries,
               implementing_partners, budget_eur, date_start, date_end, action_link, action_link_basis,
               action_document_url, source
        FROM eutf_projects ORDER BY iati_id
        """
    ).df()
