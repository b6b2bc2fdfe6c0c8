"""Pre-aggregated survey statistics, rebuilt whenever survey records change.

Sustainability charts group by one dimension at a time and filter by Action, country and
quarter, so per-grouping cells of sufficient statistics answer them without scanning records:

- ``survey_group_cells``: per (grouping, group value, months band, Action, country, quarter):
  record count, composites computed at import, and sum and sum of squares of every score, from
  which means, standard deviations and confidence intervals follow exactly;
- ``survey_group_hist``: per (grouping, group value, Action, country, quarter, measure, bin):
  how many scores fall in each 0.01-wide bin, from which shares at or above a threshold given to
  two decimals are exact and quantiles are accurate to 0.01.

Grouping 'none' holds the cells that region, Action and country groupings (all derived from the
country) and the months grouping (its band) use.
"""

from __future__ import annotations

import duckdb

CELL_GROUPINGS = ("none", "sex", "age_group", "assistance_type", "assistance_level", "referral")
HIST_GROUPINGS = (*CELL_GROUPINGS, "months")
SCORE_COLUMNS = {
    "economic": "economic_score", "social": "social_score",
    "psychosocial": "psychosocial_score", "composite": "composite_score",
}
HIST_BINS = 100  # bins 0..100; a score of exactly 1 falls in bin 100
MONTH_BAND_CASE = (
    "CASE WHEN months_since_return < 6 THEN '0-5' WHEN months_since_return < 12 THEN '6-11' "
    "WHEN months_since_return < 18 THEN '12-17' WHEN months_since_return < 24 THEN '18-23' "
    "ELSE '24+' END"
)
# Value of each grouping per record; 'none' has no value of its own.
GROUP_VALUE = {
    "none": "NULL::VARCHAR", "sex": "sex", "age_group": "age_group", "assistance_type": "assistance_type",
    "assistance_level": "assistance_level", "referral": "referral", "months": "months_band",
}


def _cells_select(grouping: str) -> str:
    sums = ", ".join(f"sum({measure}) AS {measure}_sum, sum({measure} * {measure}) AS {measure}_sumsq"
                     for measure in SCORE_COLUMNS)
    return f"""
        SELECT '{grouping}' AS grouping_key, {GROUP_VALUE[grouping]} AS group_value, months_band,
               action_code, iso3, quarter, count(*) AS n, count(*) FILTER (WHERE computed) AS computed, {sums}
        FROM scored GROUP BY ALL"""  # noqa: S608 (grouping and columns from fixed dicts)


def _hist_select(grouping: str, measure: str) -> str:
    return f"""
        SELECT '{grouping}' AS grouping_key, {GROUP_VALUE[grouping]} AS group_value, action_code, iso3,
               quarter, '{measure}' AS measure, {measure}_bin AS bin, CAST(count(*) AS INTEGER) AS count
        FROM scored GROUP BY ALL"""  # noqa: S608 (grouping and measure from fixed dicts)


def refresh_survey_aggregates(connection: duckdb.DuckDBPyConnection) -> None:
    """Rebuild both aggregate tables from ``survey_responses`` (inside the caller's transaction).

    One pass derives quarter, months band and score bins per record; the cells and histograms
    are then grouped from that.
    """
    scores = ", ".join(f"{column} AS {measure}" for measure, column in SCORE_COLUMNS.items())
    bins = ", ".join(
        f"CAST(least(floor({column} * {HIST_BINS} + 1e-9), {HIST_BINS}) AS SMALLINT) AS {measure}_bin"
        for measure, column in SCORE_COLUMNS.items())
    connection.execute("DROP TABLE IF EXISTS scored")
    connection.execute(f"""
        CREATE TEMP TABLE scored AS
        SELECT action_code, iso3, CAST(date_trunc('quarter', survey_date) AS DATE) AS quarter,
               {MONTH_BAND_CASE} AS months_band, sex, age_group, assistance_type, assistance_level,
               referral, composite_computed AS computed, {scores}, {bins}
        FROM survey_responses""")  # noqa: S608 (columns from fixed dicts)
    connection.execute("DROP TABLE IF EXISTS survey_group_cells")
    connection.execute("DROP TABLE IF EXISTS survey_group_hist")
    cells = " UNION ALL ".join(_cells_select(grouping) for grouping in CELL_GROUPINGS)
    connection.execute(f"CREATE TABLE survey_group_cells AS SELECT * FROM ({cells}) ORDER BY grouping_key, iso3, quarter")  # noqa: S608
    hist = " UNION ALL ".join(_hist_select(grouping, measure)
                              for grouping in HIST_GROUPINGS for measure in SCORE_COLUMNS)
    connection.execute(f"CREATE TABLE survey_group_hist AS SELECT * FROM ({hist}) ORDER BY grouping_key, measure, iso3, quarter")  # noqa: S608
    connection.execute("DROP TABLE scored")
