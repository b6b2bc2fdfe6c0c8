"""Pre-aggregated survey statistics: cells of sufficient statistics built from a set of records.

Two sets of the same tables exist in a store version, built by the same code:

- ``survey_*`` from the survey records themselves (``survey_responses``): the exact statistics,
  read only for signed-in roles given that right (``EUIOM_DISCLOSURE=exact``);
- ``release_*`` from the protected release (``release_records``, ``dashboard.build.release``): what
  every public figure is computed from. Its records carry weights; every count is a sum of
  weights.

Sustainability charts group by one dimension at a time and filter by Action, country and
quarter, so per-grouping cells of sufficient statistics answer them without scanning records:

- ``<set>_group_cells``: per (grouping, group value, months band, Action, country, quarter):
  weighted record count, composites computed at import, and sum and sum of squares of every
  score, from which means, standard deviations and confidence intervals follow;
- ``<set>_group_hist``: per (grouping, group value, Action, country, quarter, measure, bin):
  how many scores fall in each 0.01-wide bin, from which shares at or above a threshold given to
  two decimals are exact and quantiles are accurate to 0.01;
- ``<set>_pair_cells``: per (grouping, group value, months band, Action, country, quarter):
  pairs of a returnee's response and their previous one in the same Action and country, with
  the number of pairs, the sum and sum of squares of each score's change, and how many
  composites rose, fell or stayed (within ±STAY_BAND).

Grouping 'none' holds the cells that region, Action and country groupings (all derived from the
country) and the months grouping (its band) use.

Respondents, not responses: a returnee answers in several rounds. Every cell also carries
``next_quarter``, the quarter of the same returnee's next response in that Action and country
(NULL for their last), so a query keeps exactly each returnee's latest response within the
selected period (``next_quarter`` NULL or after the period): counts are distinct respondents
and the responses analysed together are independent.
"""

from __future__ import annotations

from dataclasses import dataclass

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
# A composite changing by less than this between rounds counts as stayed.
STAY_BAND = 0.05
# Value of each grouping per record; 'none' has no value of its own.
GROUP_VALUE = {
    "none": "NULL::VARCHAR", "sex": "sex", "age_group": "age_group", "assistance_type": "assistance_type",
    "assistance_level": "assistance_level", "referral": "referral", "months": "months_band",
}


@dataclass(frozen=True)
class CellSet:
    """Where one set of aggregate tables comes from and what its tables are called.

    Attributes:
        prefix: table name prefix (``survey`` or ``release``).
        records: the table of records (``survey_responses`` or ``release_records``).
        weight: SQL of one record's weight (``1`` for survey records).
        computed: SQL telling whether a record's composite was computed rather than given.
    """

    prefix: str
    records: str
    weight: str
    computed: str

    def table(self, kind: str) -> str:
        """The name of one of the set's tables: ``cells``, ``hist`` or ``pairs``."""
        return {"cells": f"{self.prefix}_group_cells", "hist": f"{self.prefix}_group_hist",
                "pairs": f"{self.prefix}_pair_cells"}[kind]


EXACT_CELLS = CellSet("survey", "survey_responses", "1", "composite_computed")
RELEASE_CELLS = CellSet("release", "release_records", "weight", "TRUE")
CELL_SETS = {"exact": EXACT_CELLS, "release": RELEASE_CELLS}


def _cells_select(grouping: str) -> str:
    sums = ", ".join(f"sum(w * {measure}) AS {measure}_sum, sum(w * {measure} * {measure}) AS {measure}_sumsq"
                     for measure in SCORE_COLUMNS)
    return f"""
        SELECT '{grouping}' AS grouping_key, {GROUP_VALUE[grouping]} AS group_value, months_band,
               action_code, iso3, quarter, next_quarter, sum(w) AS n,
               sum(w) FILTER (WHERE computed) AS computed, {sums}
        FROM scored GROUP BY ALL"""  # noqa: S608 (grouping and columns from fixed dicts)


def _pairs_select(grouping: str) -> str:
    changes = ", ".join(f"sum(w * ({measure} - previous_{measure})) AS {measure}_sum, "
                        f"sum(w * ({measure} - previous_{measure}) ** 2) AS {measure}_sumsq" for measure in SCORE_COLUMNS)
    return f"""
        SELECT '{grouping}' AS grouping_key, {GROUP_VALUE[grouping]} AS group_value, months_band,
               action_code, iso3, quarter, next_quarter, previous_quarter, sum(w) AS n, {changes},
               coalesce(sum(w) FILTER (WHERE composite - previous_composite > {STAY_BAND}), 0) AS rose,
               coalesce(sum(w) FILTER (WHERE composite - previous_composite < -{STAY_BAND}), 0) AS fell
        FROM scored WHERE previous_quarter IS NOT NULL GROUP BY ALL"""  # noqa: S608 (grouping and columns from fixed dicts)


def _hist_select(grouping: str, measure: str) -> str:
    return f"""
        SELECT '{grouping}' AS grouping_key, {GROUP_VALUE[grouping]} AS group_value, action_code, iso3,
               quarter, next_quarter, '{measure}' AS measure, {measure}_bin AS bin, sum(w) AS count
        FROM scored GROUP BY ALL"""  # noqa: S608 (grouping and measure from fixed dicts)


def build_cells(connection: duckdb.DuckDBPyConnection, cells: CellSet) -> None:
    """Rebuild one set of aggregate tables from its records (inside the caller's transaction).

    One pass derives per record its quarter, months band, score bins, weight, the quarter of
    the same returnee's next response and their previous response's scores; the cells,
    histograms and pairs are then grouped from that.
    """
    scores = ", ".join(f"{column} AS {measure}" for measure, column in SCORE_COLUMNS.items())
    bins = ", ".join(
        f"CAST(least(floor({column} * {HIST_BINS} + 1e-9), {HIST_BINS}) AS SMALLINT) AS {measure}_bin"
        for measure, column in SCORE_COLUMNS.items())
    returnee = "OVER (PARTITION BY respondent_id, action_code, iso3 ORDER BY survey_date, survey_id)"
    previous = ", ".join(f"lag({measure}) {returnee} AS previous_{measure}" for measure in SCORE_COLUMNS)
    connection.execute("DROP TABLE IF EXISTS scored")
    connection.execute(f"""
        CREATE TEMP TABLE scored AS
        WITH records AS (
            SELECT respondent_id, survey_id, survey_date, action_code, iso3,
                   CAST(date_trunc('quarter', survey_date) AS DATE) AS quarter,
                   {MONTH_BAND_CASE} AS months_band, sex, age_group, assistance_type, assistance_level,
                   referral, {cells.computed} AS computed, CAST({cells.weight} AS DOUBLE) AS w, {scores}, {bins}
            FROM {cells.records})
        SELECT * EXCLUDE (respondent_id, survey_id, survey_date),
               lead(quarter) {returnee} AS next_quarter, lag(quarter) {returnee} AS previous_quarter,
               {previous}
        FROM records""")  # noqa: S608 (columns and tables from fixed dicts)
    for kind in ("cells", "hist", "pairs"):
        connection.execute(f"DROP TABLE IF EXISTS {cells.table(kind)}")
    grouped = " UNION ALL ".join(_cells_select(grouping) for grouping in CELL_GROUPINGS)
    connection.execute(f"CREATE TABLE {cells.table('cells')} AS SELECT * FROM ({grouped}) ORDER BY grouping_key, iso3, quarter")  # noqa: S608
    pairs = " UNION ALL ".join(_pairs_select(grouping) for grouping in CELL_GROUPINGS)
    connection.execute(f"CREATE TABLE {cells.table('pairs')} AS SELECT * FROM ({pairs}) ORDER BY grouping_key, iso3, quarter")  # noqa: S608
    hist = " UNION ALL ".join(_hist_select(grouping, measure)
                              for grouping in HIST_GROUPINGS for measure in SCORE_COLUMNS)
    connection.execute(f"CREATE TABLE {cells.table('hist')} AS SELECT * FROM ({hist}) ORDER BY grouping_key, measure, iso3, quarter")  # noqa: S608
    connection.execute("DROP TABLE scored")


def refresh_survey_aggregates(connection: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the exact aggregate tables from ``survey_responses`` (inside the caller's transaction)."""
    build_cells(connection, EXACT_CELLS)
