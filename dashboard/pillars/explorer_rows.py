"""The EUTF explorer's rows as the grid and its CSV download show them, and its conditions in words."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.common.eutf import indicator_code
from dashboard.i18n import format_number, t
from dashboard.pillars.explorer import (
    EXPLORER_COLUMNS,
    NUMBER_COLUMNS,
    ColumnFilter,
    Condition,
    ExplorerQuery,
)

DATE_COLUMNS = ("period_start", "period_end", "as_of")


def _iso_dates(rows: pd.DataFrame) -> pd.DataFrame:
    shown = rows.copy()
    for column in DATE_COLUMNS:
        shown[column] = shown[column].map(
            lambda value: (
                None if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()
            )
        )
    return shown


def grid_records(rows: pd.DataFrame) -> list[dict]:
    """Rows of ``explorer_queries.explorer_rows`` as the grid's records: ISO dates, None for missing."""
    shown = _iso_dates(rows)
    return shown.astype(object).where(shown.notna(), None).to_dict("records")


def _as_written(value: object) -> object:
    """A whole number as 12 (never 12.0), as the grid shows it; other values as they are."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None if isinstance(value, float) and math.isnan(value) else value


def export_frame(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Rows of ``explorer_queries.explorer_rows`` for a download: the grid's column names in ``lang``,
    numbers written as the grid shows them."""
    shown = _iso_dates(rows)[list(EXPLORER_COLUMNS)]
    for column in NUMBER_COLUMNS:
        shown[column] = pd.Series(
            [_as_written(value) for value in shown[column]], index=shown.index, dtype=object
        )
    shown["indicator_number"] = [indicator_code(number) for number in shown["indicator_number"]]
    return shown.rename(
        columns={column: t(f"eutf.explorer.col.{column}", lang) for column in EXPLORER_COLUMNS}
    )


def describe(query: ExplorerQuery, lang: str) -> str:
    """The search, column filters and sort of ``query`` in words (an export's "filters")."""
    parts = []
    if query.words:
        parts.append(t("eutf.explorer.conditions.search", lang, text=" ".join(query.words)))
    parts.extend(_describe_filter(column_filter, lang) for column_filter in query.filters)
    if not parts:
        parts.append(t("eutf.explorer.conditions.none", lang))
    if query.sort:
        columns = [t(f"eutf.explorer.col.{key.column}", lang) for key in query.sort]
        named = [
            t("eutf.explorer.conditions.descending", lang, column=column)
            if key.descending
            else column
            for key, column in zip(query.sort, columns, strict=True)
        ]
        parts.append(t("eutf.explorer.conditions.sort", lang, columns=", ".join(named)))
    return "; ".join(parts)


def _describe_filter(column_filter: ColumnFilter, lang: str) -> str:
    join = t(f"eutf.explorer.conditions.{column_filter.join.lower()}", lang)
    conditions = join.join(
        _describe_condition(condition, lang) for condition in column_filter.conditions
    )
    return t(
        "eutf.explorer.conditions.column",
        lang,
        column=t(f"eutf.explorer.col.{column_filter.column}", lang),
        conditions=conditions,
    )


def _describe_condition(condition: Condition, lang: str) -> str:
    operator = t(f"eutf.grid.{condition.operator}", lang).lower()
    if condition.value is None:
        return operator
    if isinstance(condition.value, str):
        return f"{operator} “{condition.value}”"
    value = format_number(condition.value, lang, 0 if float(condition.value).is_integer() else 2)
    if condition.value_to is None:
        return f"{operator} {value}"
    upper = format_number(
        condition.value_to, lang, 0 if float(condition.value_to).is_integer() else 2
    )
    return f"{operator} {value}{t('eutf.explorer.conditions.and', lang)}{upper}"
