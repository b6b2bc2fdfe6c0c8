"""Queries two pages share: one indicator's total per country (the pillars page ranks countries
by it; the map colours them by it)."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd

from dashboard.selection import Selection
from dashboard.store.door import query
from dashboard.store.sql import Sql, compose, indicator_value_conditions, where


def country_ranking(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    indicator: str,
    *,
    by_sex: bool,
    kept_actions: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Totals of one indicator per country, largest first, optionally split by sex
    (``kept_actions``: the Actions the region, status and Action filters keep, when resolved:
    ``Catalog.kept_actions``).

    Columns: iso3, name_en, name_fr, sex ('female', 'male', 'all' when split; 'total' when not),
    value, country_total. Ordered by country_total descending, then English name, then sex.
    """
    conditions, params = indicator_value_conditions(selection, kept_actions)
    conditions.append(Sql("iv.indicator_code = $indicator"))
    sex = Sql("iv.sex" if by_sex else "'total'")
    sql = compose(
        """
        WITH per_sex AS (
            SELECT iv.iso3, {sex} AS sex, sum(iv.value) AS value
            FROM indicator_values iv {where}
            GROUP BY ALL
        )
        SELECT per_sex.iso3, c.name_en, c.name_fr, per_sex.sex, per_sex.value,
               sum(per_sex.value) OVER (PARTITION BY per_sex.iso3) AS country_total
        FROM per_sex JOIN countries c USING (iso3)
        ORDER BY country_total DESC, c.name_en,
                 CASE per_sex.sex WHEN 'female' THEN 1 WHEN 'male' THEN 2 ELSE 3 END
    """,
        sex=sex,
        where=where(conditions),
    )
    return query(cursor, "country_ranking", sql, {**params, "indicator": indicator})
