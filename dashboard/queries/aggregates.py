"""Pre-aggregated survey statistics, rebuilt whenever survey records change.

Sustainability charts group by one dimension at a time and filter by Action, country and
quarter, so per-grouping cells of sufficient statistics answer them without scanning records:

- ``survey_group_cells``: per (grouping, group value, months band, Action, country, quarter):
  record count, composites computed at import, and sum and sum of squares of every score, from
  which means, standard deviations and confidence intervals follow exactly;
- ``survey_group_hist``: per (grouping, group value, Action, country, quarter, measure, bin):
  how many scores fall in each 0.01-wide bin, from which shares at or above a threshold given to
  two decimals are exact and quantiles are accurate to 0.01.

- ``survey_pair_cells``: per (grouping, group value, months band, Action, country, quarter):
  pairs of a returnee's response and their previous one in the same Action and country, with
  the number of pairs, the sum and sum of squares of each score's change, and how many
  composites rose, fell or stayed (within ±STAY_BAND).

Grouping 'none' holds the cells that region, Action and country groupings (all derived from the
country) and the months grouping (its band) use.

Respondents, not responses: a returnee answers in several rounds. Every cell also carries
``next_quarter``, the quarter of the same returnee's next response in that Action and country
(NULL for their last), so a query keeps exactly each returnee's latest response within the
selected period (``next_quarter`` NULL or after the period): counts are distinct respondents
and the responses analysed together are independent. Every cell carries ``key_sum``, the sum of
its records' secret keys, for the cell key method (``dashboard.queries.disclosure``).
"""

from __future__ import annotations

import secrets

import duckdb

from dashboard.queries.disclosure import KEY_RANGE

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
# The salt of the record keys lives in store_info; a demo store may use one derived from its
# seed (reproducible), real data always gets a random one.
SALT_KEY, SALT_KIND_KEY = "cell_key_salt", "cell_key_salt_kind"
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
               action_code, iso3, quarter, next_quarter, count(*) AS n, sum(record_key) AS key_sum,
               count(*) FILTER (WHERE computed) AS computed, {sums}
        FROM scored GROUP BY ALL"""  # noqa: S608 (grouping and columns from fixed dicts)


def _pairs_select(grouping: str) -> str:
    changes = ", ".join(f"sum({measure} - previous_{measure}) AS {measure}_sum, "
                        f"sum(({measure} - previous_{measure}) ** 2) AS {measure}_sumsq" for measure in SCORE_COLUMNS)
    return f"""
        SELECT '{grouping}' AS grouping_key, {GROUP_VALUE[grouping]} AS group_value, months_band,
               action_code, iso3, quarter, next_quarter, previous_quarter, count(*) AS n,
               sum(record_key) AS key_sum, {changes},
               count(*) FILTER (WHERE composite - previous_composite > {STAY_BAND}) AS rose,
               count(*) FILTER (WHERE composite - previous_composite < -{STAY_BAND}) AS fell
        FROM scored WHERE previous_quarter IS NOT NULL GROUP BY ALL"""  # noqa: S608 (grouping and columns from fixed dicts)


def _hist_select(grouping: str, measure: str) -> str:
    return f"""
        SELECT '{grouping}' AS grouping_key, {GROUP_VALUE[grouping]} AS group_value, action_code, iso3,
               quarter, next_quarter, '{measure}' AS measure, {measure}_bin AS bin, CAST(count(*) AS INTEGER) AS count
        FROM scored GROUP BY ALL"""  # noqa: S608 (grouping and measure from fixed dicts)


def cell_key_salt(connection: duckdb.DuckDBPyConnection) -> str:
    """The store's secret salt of record keys; a random one is created for a store without one,
    and replaces a demo salt once the store holds imported survey records."""
    rows = dict(connection.execute(
        "SELECT key, value FROM store_info WHERE key IN ($salt, $kind)",
        {"salt": SALT_KEY, "kind": SALT_KIND_KEY}).fetchall())
    imported = connection.execute(
        "SELECT count(*) FROM data_batches WHERE origin <> 'demo' AND table_name = 'survey_responses'").fetchone()[0]
    if SALT_KEY in rows and (rows.get(SALT_KIND_KEY) == "secret" or not imported):
        return rows[SALT_KEY]
    salt = secrets.token_hex(32)
    for key, value in ((SALT_KEY, salt), (SALT_KIND_KEY, "secret")):
        connection.execute("INSERT OR REPLACE INTO store_info VALUES ($key, $value)", {"key": key, "value": value})
    return salt


def refresh_survey_aggregates(connection: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the aggregate tables from ``survey_responses`` (inside the caller's transaction).

    One pass derives per record its quarter, months band, score bins, secret key, the quarter of
    the same returnee's next response and their previous response's scores; the cells,
    histograms and pairs are then grouped from that.
    """
    salt = cell_key_salt(connection)
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
                   referral, composite_computed AS computed, {scores}, {bins},
                   CAST(md5_number($salt || survey_id) % {KEY_RANGE} AS INTEGER) AS record_key
            FROM survey_responses)
        SELECT * EXCLUDE (respondent_id, survey_id, survey_date),
               lead(quarter) {returnee} AS next_quarter, lag(quarter) {returnee} AS previous_quarter,
               {previous}
        FROM records""", {"salt": salt})  # noqa: S608 (columns from fixed dicts)
    connection.execute("DROP TABLE IF EXISTS survey_group_cells")
    connection.execute("DROP TABLE IF EXISTS survey_group_hist")
    connection.execute("DROP TABLE IF EXISTS survey_pair_cells")
    cells = " UNION ALL ".join(_cells_select(grouping) for grouping in CELL_GROUPINGS)
    connection.execute(f"CREATE TABLE survey_group_cells AS SELECT * FROM ({cells}) ORDER BY grouping_key, iso3, quarter")  # noqa: S608
    pairs = " UNION ALL ".join(_pairs_select(grouping) for grouping in CELL_GROUPINGS)
    connection.execute(f"CREATE TABLE survey_pair_cells AS SELECT * FROM ({pairs}) ORDER BY grouping_key, iso3, quarter")  # noqa: S608
    hist = " UNION ALL ".join(_hist_select(grouping, measure)
                              for grouping in HIST_GROUPINGS for measure in SCORE_COLUMNS)
    connection.execute(f"CREATE TABLE survey_group_hist AS SELECT * FROM ({hist}) ORDER BY grouping_key, measure, iso3, quarter")  # noqa: S608
    connection.execute("DROP TABLE scored")
