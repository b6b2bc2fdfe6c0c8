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

from dashboard.store.sql import Sql, compose, identifier, joined

CELL_GROUPINGS = ("none", "sex", "age_group", "assistance_type", "assistance_level", "referral")
HIST_GROUPINGS = (*CELL_GROUPINGS, "months")
SCORE_COLUMNS = {
    "economic": "economic_score",
    "social": "social_score",
    "psychosocial": "psychosocial_score",
    "composite": "composite_score",
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
    "none": "NULL::VARCHAR",
    "sex": "sex",
    "age_group": "age_group",
    "assistance_type": "assistance_type",
    "assistance_level": "assistance_level",
    "referral": "referral",
    "months": "months_band",
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
        return {
            "cells": f"{self.prefix}_group_cells",
            "hist": f"{self.prefix}_group_hist",
            "pairs": f"{self.prefix}_pair_cells",
        }[kind]


EXACT_CELLS = CellSet("survey", "survey_responses", "1", "composite_computed")
RELEASE_CELLS = CellSet("release", "release_records", "weight", "TRUE")
CELL_SETS = {"exact": EXACT_CELLS, "release": RELEASE_CELLS}


# The cell tables' names, and the scores and groupings their columns are written for (allow-lists).
CELL_TABLES = frozenset(
    cells.table(kind) for cells in CELL_SETS.values() for kind in ("cells", "hist", "pairs")
)
RECORD_TABLES = frozenset(cells.records for cells in CELL_SETS.values())


def _number(value: float) -> Sql:
    """A constant of this module written into SQL (a number, never a value from outside)."""
    return Sql(repr(float(value)) if isinstance(value, float) else str(int(value)))


def _score(measure: str) -> Sql:
    return identifier(measure, SCORE_COLUMNS)


def _grouping(grouping: str) -> tuple[Sql, Sql]:
    """The grouping's key as SQL text ('sex') and the expression of its value per record."""
    return compose("'{key}'", key=identifier(grouping, GROUP_VALUE)), Sql(GROUP_VALUE[grouping])


def _cells_select(grouping: str) -> Sql:
    key, value = _grouping(grouping)
    sums = joined(
        [
            compose("sum(w * {m}) AS {m}_sum, sum(w * {m} * {m}) AS {m}_sumsq", m=_score(measure))
            for measure in SCORE_COLUMNS
        ],
        ", ",
    )
    return compose(
        """
        SELECT {key} AS grouping_key, {value} AS group_value, months_band,
               action_code, iso3, quarter, next_quarter, sum(w) AS n,
               sum(w) FILTER (WHERE computed) AS computed, {sums}
        FROM scored GROUP BY ALL""",
        key=key,
        value=value,
        sums=sums,
    )


def _pairs_select(grouping: str) -> Sql:
    key, value = _grouping(grouping)
    changes = joined(
        [
            compose(
                "sum(w * ({m} - previous_{m})) AS {m}_sum, "
                "sum(w * ({m} - previous_{m}) ** 2) AS {m}_sumsq",
                m=_score(measure),
            )
            for measure in SCORE_COLUMNS
        ],
        ", ",
    )
    return compose(
        """
        SELECT {key} AS grouping_key, {value} AS group_value, months_band,
               action_code, iso3, quarter, next_quarter, previous_quarter, sum(w) AS n, {changes},
               coalesce(sum(w) FILTER (WHERE composite - previous_composite > {band}), 0) AS rose,
               coalesce(sum(w) FILTER (WHERE composite - previous_composite < -{band}), 0) AS fell
        FROM scored WHERE previous_quarter IS NOT NULL GROUP BY ALL""",
        key=key,
        value=value,
        changes=changes,
        band=_number(STAY_BAND),
    )


def _hist_select(grouping: str, measure: str) -> Sql:
    key, value = _grouping(grouping)
    return compose(
        """
        SELECT {key} AS grouping_key, {value} AS group_value, action_code, iso3,
               quarter, next_quarter, '{m}' AS measure, {m}_bin AS bin, sum(w) AS count
        FROM scored GROUP BY ALL""",
        key=key,
        value=value,
        m=_score(measure),
    )


def build_cells(connection: duckdb.DuckDBPyConnection, cells: CellSet) -> None:
    """Rebuild one set of aggregate tables from its records (inside the caller's transaction).

    One pass derives per record its quarter, months band, score bins, weight, the quarter of
    the same returnee's next response and their previous response's scores; the cells,
    histograms and pairs are then grouped from that.
    """
    scores = joined(
        [
            compose("{column} AS {m}", column=Sql(column), m=_score(measure))
            for measure, column in SCORE_COLUMNS.items()
        ],
        ", ",
    )
    bins = joined(
        [
            compose(
                "CAST(least(floor({column} * {bins} + 1e-9), {bins}) AS SMALLINT) AS {m}_bin",
                column=Sql(column),
                bins=_number(HIST_BINS),
                m=_score(measure),
            )
            for measure, column in SCORE_COLUMNS.items()
        ],
        ", ",
    )
    returnee = Sql(
        "OVER (PARTITION BY respondent_id, action_code, iso3 ORDER BY survey_date, survey_id)"
    )
    previous = joined(
        [
            compose("lag({m}) {returnee} AS previous_{m}", m=_score(measure), returnee=returnee)
            for measure in SCORE_COLUMNS
        ],
        ", ",
    )
    connection.execute("DROP TABLE IF EXISTS scored")
    connection.execute(
        compose(
            """
        CREATE TEMP TABLE scored AS
        WITH records AS (
            SELECT respondent_id, survey_id, survey_date, action_code, iso3,
                   CAST(date_trunc('quarter', survey_date) AS DATE) AS quarter,
                   {bands} AS months_band, sex, age_group, assistance_type, assistance_level,
                   referral, {computed} AS computed, CAST({weight} AS DOUBLE) AS w, {scores}, {bins}
            FROM {records})
        SELECT * EXCLUDE (respondent_id, survey_id, survey_date),
               lead(quarter) {returnee} AS next_quarter, lag(quarter) {returnee} AS previous_quarter,
               {previous}
        FROM records""",
            bands=Sql(MONTH_BAND_CASE),
            computed=Sql(cells.computed),
            weight=Sql(cells.weight),
            scores=scores,
            bins=bins,
            records=identifier(cells.records, RECORD_TABLES),
            returnee=returnee,
            previous=previous,
        )
    )
    tables = {
        kind: identifier(cells.table(kind), CELL_TABLES) for kind in ("cells", "hist", "pairs")
    }
    for table in tables.values():
        connection.execute(compose("DROP TABLE IF EXISTS {table}", table=table))
    grouped = joined([_cells_select(grouping) for grouping in CELL_GROUPINGS], " UNION ALL ")
    connection.execute(
        compose(
            "CREATE TABLE {table} AS SELECT * FROM ({grouped}) ORDER BY grouping_key, iso3, quarter",
            table=tables["cells"],
            grouped=grouped,
        )
    )
    pairs = joined([_pairs_select(grouping) for grouping in CELL_GROUPINGS], " UNION ALL ")
    connection.execute(
        compose(
            "CREATE TABLE {table} AS SELECT * FROM ({pairs}) ORDER BY grouping_key, iso3, quarter",
            table=tables["pairs"],
            pairs=pairs,
        )
    )
    hist = joined(
        [
            _hist_select(grouping, measure)
            for grouping in HIST_GROUPINGS
            for measure in SCORE_COLUMNS
        ],
        " UNION ALL ",
    )
    connection.execute(
        compose(
            "CREATE TABLE {table} AS SELECT * FROM ({hist}) ORDER BY grouping_key, measure, iso3, quarter",
            table=tables["hist"],
            hist=hist,
        )
    )
    connection.execute("DROP TABLE scored")


def refresh_survey_aggregates(connection: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the exact aggregate tables from ``survey_responses`` (inside the caller's transaction)."""
    build_cells(connection, EXACT_CELLS)
