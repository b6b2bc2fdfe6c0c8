"""Queries of the EUTF results explorer (pillars page): the rows the grid asks for, their count,
and the CSV of every matching row. Its search, column filters and sort become SQL built from
allow-lists (``EXPLORER_SQL``, ``TEXT_MATCH``, ``NUMBER_MATCH``); every value is bound."""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.pillars.explorer import (
    EXPLORER_COLUMNS,
    NUMBER_COLUMNS,
    Block,
    ColumnFilter,
    Condition,
    ExplorerQuery,
)

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
