"""Queries of the EUTF results explorer (pillars page): the rows the grid asks for, their count,
and the CSV of every matching row. Its search, column filters and sort become SQL built from
allow-lists (``EXPLORER_SQL``, ``TEXT_MATCH``, ``NUMBER_MATCH``); every value is bound."""

from __future__ import annotations

import re
import unicodedata

import duckdb
import pandas as pd

from dashboard.pillars.explorer import (
    EXPLORER_COLUMNS,
    NUMBER_COLUMNS,
    BadExplorerRequest,
    Block,
    ColumnFilter,
    Condition,
    ExplorerQuery,
)
from dashboard.store.door import ROW, query
from dashboard.store.sql import Sql, compose, identifier, joined

# The explorer's columns: the SQL each one is read, sorted and filtered by (the allow-list of
# identifiers: nothing else reaches its SQL); dates are filtered as ISO text, as the grid shows them.
EXPLORER_SQL: dict[str, Sql] = {
    column: Sql(expression)
    for column, expression in {
        "result_id": "r.result_id",
        "iati_id": "r.iati_id",
        "level": "r.level",
        "countries": "array_to_string(p.recipient_iso3, '; ')",
        "action_link": "r.action_link",
        "result_framework": "r.result_framework",
        "indicator": "r.indicator",
        "indicator_number": "r.indicator_number",
        "period_start": "r.period_start",
        "period_end": "r.period_end",
        "target": "r.target",
        "target_text": "r.target_text",
        "actual": "r.actual",
        "as_of": "r.as_of",
    }.items()
}
DATE_COLUMNS = frozenset({"period_start", "period_end", "as_of"})
# Grid operator -> SQL on the (lower-cased) text or number ``x`` and the bound values ``v`` and ``w``.
TEXT_MATCH = {
    "contains": "contains({x}, {v})",
    "notContains": "({x} IS NULL OR NOT contains({x}, {v}))",
    "equals": "{x} = {v}",
    "notEqual": "({x} IS NULL OR {x} <> {v})",
    "startsWith": "starts_with({x}, {v})",
    "endsWith": "ends_with({x}, {v})",
    "blank": "({x} IS NULL OR {x} = '')",
    "notBlank": "({x} IS NOT NULL AND {x} <> '')",
}
NUMBER_MATCH = {
    "equals": "{x} = {v}",
    "notEqual": "{x} <> {v}",
    "lessThan": "{x} < {v}",
    "lessThanOrEqual": "{x} <= {v}",
    "greaterThan": "{x} > {v}",
    "greaterThanOrEqual": "{x} >= {v}",
    "inRange": "({x} > {v} AND {x} < {w})",
    "blank": "{x} IS NULL",
    "notBlank": "{x} IS NOT NULL",
}
EXPLORER_FROM = Sql("FROM eutf_results r LEFT JOIN eutf_projects p USING (iati_id)")
# The search also reads the names of a row's countries, in English and French.
COUNTRY_NAMES_SQL = Sql(
    "(SELECT string_agg(replace(ec.name_en || ' ' || ec.name_fr, '’', ''''), ' ') FROM eutf_countries ec "
    "WHERE list_contains(p.recipient_iso3, ec.iso3))"
)
# A search word matches a whole word of a row (accents and case aside): "niger" is not "nigeria";
# a word ending in "*" matches the start of a word ("niger*" finds both).
WORD_EDGE = "(^|[^a-z0-9])"
WORD_END = "($|[^a-z0-9])"


def plain(text: str) -> str:
    """``text`` lower-cased without accents, as the search compares it ("Côte" is "cote")."""
    return (
        unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
        .encode("ascii", "ignore")
        .decode()
    )


def word_pattern(word: str) -> str:
    """The regular expression (RE2) a search word matches: the whole word, or its start with a
    trailing ``*``; every other character is literal."""
    prefix = word.endswith("*")
    literal = re.escape(plain(word.rstrip("*")))
    return WORD_EDGE + literal + ("" if prefix else WORD_END)


def explorer_rows(
    cursor: duckdb.DuckDBPyConnection,
    explorer: ExplorerQuery | None = None,
    block: Block | None = None,
) -> pd.DataFrame:
    """The result rows that ``explorer`` keeps (all by default), in its order (missing values last
    either way; then by result_id, file order), only rows ``block.start`` to ``block.end`` when a
    block is given; each with its project's or contract's countries (alpha-3, '; '-joined).

    Columns: ``EXPLORER_COLUMNS``.
    """
    explorer = explorer or ExplorerQuery()
    condition, params = explorer_where(explorer)
    order = joined(
        [
            *(
                compose(
                    "{column} {direction} NULLS LAST",
                    column=EXPLORER_SQL[key.column],
                    direction=Sql("DESC" if key.descending else "ASC"),
                )
                for key in explorer.sort
            ),
            Sql("r.result_id"),
        ],
        ", ",
    )
    columns = joined(
        [
            compose(
                "{expression} AS {column}",
                expression=EXPLORER_SQL[column],
                column=identifier(column, EXPLORER_SQL),
            )
            for column in EXPLORER_COLUMNS
        ],
        ", ",
    )
    page = Sql("")
    if block is not None:
        page, params = (
            Sql(" LIMIT $limit OFFSET $offset"),
            {**params, "limit": block.end - block.start, "offset": block.start},
        )
    sql = compose(
        "SELECT {columns} {source} WHERE {condition} ORDER BY {order}{page}",
        columns=columns,
        source=EXPLORER_FROM,
        condition=condition,
        order=order,
        page=page,
    )
    return query(cursor, "explorer_rows", sql, params)


def explorer_counts(cursor: duckdb.DuckDBPyConnection, explorer: ExplorerQuery) -> tuple[int, int]:
    """How many result rows ``explorer`` keeps, and how many there are in all."""
    condition, params = explorer_where(explorer)
    sql = compose(
        "SELECT count(*) FILTER (WHERE {condition}), count(*) {source}",
        condition=condition,
        source=EXPLORER_FROM,
    )
    row = query(cursor, "explorer_counts", sql, params, read=ROW)
    return (int(row[0]), int(row[1])) if row else (0, 0)


def explorer_where(explorer: ExplorerQuery) -> tuple[Sql, dict[str, object]]:
    """The WHERE condition of ``explorer`` and its bound values: identifiers and operators come from
    ``EXPLORER_SQL``, ``TEXT_MATCH`` and ``NUMBER_MATCH`` only; every value is a parameter.
    Text matches ignore case, as the grid's own filters do; search words match whole words
    (``word_pattern``) of any column or of the row's country names in English and French."""
    parts: list[Sql] = []
    params: dict[str, object] = {}
    words = [word for word in explorer.words if word.rstrip("*") and plain(word.rstrip("*"))]
    if words:
        every_column = compose(
            "strip_accents(lower(concat_ws(' ', {columns}, {names})))",
            columns=joined([_as_text(column) for column in EXPLORER_COLUMNS], ", "),
            names=COUNTRY_NAMES_SQL,
        )
        for number, word in enumerate(words):
            params[f"w{number}"] = word_pattern(word)
            parts.append(
                compose(
                    "regexp_matches({text}, {word})", text=every_column, word=Sql(f"$w{number}")
                )
            )
    for index, column_filter in enumerate(explorer.filters):
        parts.append(_column_condition(column_filter, index, params))
    return (joined(parts, " AND ") if parts else Sql("TRUE")), params


def _as_text(column: str) -> Sql:
    sql = EXPLORER_SQL[column]
    return (
        compose("CAST({sql} AS VARCHAR)", sql=sql)
        if column in DATE_COLUMNS or column in NUMBER_COLUMNS
        else sql
    )


def _column_condition(column_filter: ColumnFilter, index: int, params: dict[str, object]) -> Sql:
    number = column_filter.column in NUMBER_COLUMNS
    value = (
        EXPLORER_SQL[column_filter.column]
        if number
        else compose("lower({text})", text=_as_text(column_filter.column))
    )
    conditions = joined(
        [
            _condition(value, condition, f"f{index}_{position}", number, params)
            for position, condition in enumerate(column_filter.conditions)
        ],
        " OR " if column_filter.join == "OR" else " AND ",
    )
    return compose("({conditions})", conditions=conditions)


def _condition(
    value: Sql, condition: Condition, name: str, number: bool, params: dict[str, object]
) -> Sql:
    """One grid condition on ``value``; its values bound as ``$<name>`` (and ``$<name>_to``)."""
    if condition.operator not in ("blank", "notBlank"):
        params[name] = condition.value
    if condition.operator == "inRange":  # the grid's bounds, whichever way round they were typed
        low, high = condition.value, condition.value_to
        if not isinstance(low, int | float) or not isinstance(high, int | float):
            raise BadExplorerRequest("a range needs two numbers")
        params[name], params[f"{name}_to"] = sorted((low, high))
    template = (NUMBER_MATCH if number else TEXT_MATCH)[condition.operator]
    return compose(template, x=value, v=Sql(f"${name}"), w=Sql(f"${name}_to"))
