"""Reintegration Sustainability Survey (RSS) statistics per group, computed in DuckDB.

Every function aggregates in SQL and returns one small row per group (or group and months band).
Groups with fewer records than ``min_group_size`` are suppressed here, in the query layer: their
row says ``suppressed`` and every count and statistic in it is NULL, so no suppressed value ever
reaches a figure or the browser.

Intervals (computed in Python on the aggregated rows, never per record):

- mean: mean ± t(0.975, n − 1) · s / √n, Student's t quantile computed exactly for n − 1 ≤ 300
  and by the Cornish-Fisher expansion above (error below 1e-9 there);
- share: Wilson score interval with z = 1.959964;
- difference of two means: Welch's interval, Welch–Satterthwaite degrees of freedom rounded
  down (conservative).
"""

from __future__ import annotations

import math
from functools import lru_cache

import duckdb
import numpy as np
import pandas as pd

from dashboard.build import vocabulary
from dashboard.queries.filters import selection_conditions, where
from dashboard.selection import Selection

Z_975 = 1.959963984540054
EXACT_T_MAX_DF = 300
MAX_TIME_SERIES = 6

# Months since return, in bands; codes in display order and the SQL that assigns them.
MONTH_BANDS = ("0-5", "6-11", "12-17", "18-23", "24+")
MONTH_BAND_SQL = (
    "CASE WHEN s.months_since_return < 6 THEN '0-5' WHEN s.months_since_return < 12 THEN '6-11' "
    "WHEN s.months_since_return < 18 THEN '12-17' WHEN s.months_since_return < 24 THEN '18-23' "
    "ELSE '24+' END"
)

# Grouping key -> SQL expression over survey_responses ``s`` joined to actions ``a``.
# The only identifiers ever placed in this module's SQL text come from this dict and MEASURES.
GROUPINGS: dict[str, str] = {
    "region": "a.region_code",
    "action": "s.action_code",
    "country": "s.iso3",
    "sex": "s.sex",
    "age_group": "s.age_group",
    "assistance_type": "s.assistance_type",
    "assistance_level": "s.assistance_level",
    "referral": "s.referral",
    "months": MONTH_BAND_SQL,
}
DEFAULT_GROUPING = "region"

# Measure key -> score column.
MEASURES: dict[str, str] = {
    "economic": "s.economic_score",
    "social": "s.social_score",
    "psychosocial": "s.psychosocial_score",
    "composite": "s.composite_score",
}
DEFAULT_MEASURE = "composite"

# Codes of the fixed vocabularies, in display order (regions, Actions and countries come
# from the catalog).
FIXED_CODES: dict[str, tuple[str, ...]] = {
    "sex": vocabulary.SEXES,
    "age_group": vocabulary.AGE_GROUPS,
    "assistance_type": vocabulary.ASSISTANCE_TYPES,
    "assistance_level": vocabulary.ASSISTANCE_LEVELS,
    "referral": vocabulary.REFERRALS,
    "months": MONTH_BANDS,
}

# Group A and group B of the side-by-side comparison when the user has not chosen: the
# examples of the issue (Sahel and Lake Chad against Horn of Africa, women against men).
DEFAULT_PAIRS: dict[str, tuple[str, str]] = {
    "region": ("WCA", "EHOA"), "action": ("JI-SLC", "JI-HOA"), "country": ("GIN", "ETH"),
    "sex": ("female", "male"), "age_group": ("18-24", "45+"),
    "assistance_type": ("economic", "psychosocial"), "assistance_level": ("individual", "community"),
    "referral": ("referral", "direct"), "months": ("0-5", "12-17"),
}

FROM_SURVEYS = "FROM survey_responses s JOIN actions a ON a.action_code = s.action_code"


def check_grouping(grouping: str) -> str:
    """The SQL expression of a known grouping.

    Raises:
        ValueError: the grouping is not in the allow-list.
    """
    if not isinstance(grouping, str) or grouping not in GROUPINGS:
        raise ValueError(f"unknown grouping {grouping!r}")
    return GROUPINGS[grouping]


def check_measure(measure: str) -> str:
    """The score column of a known measure.

    Raises:
        ValueError: the measure is not in the allow-list.
    """
    if not isinstance(measure, str) or measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")
    return MEASURES[measure]


def default_pair(grouping: str, codes: list[str]) -> tuple[str | None, str | None]:
    """The default groups A and B among ``codes`` (codes present, in display order)."""
    preferred = [code for code in DEFAULT_PAIRS.get(grouping, ()) if code in codes]
    picks = preferred + [code for code in codes if code not in preferred]
    if not picks:
        return None, None
    return picks[0], picks[1] if len(picks) > 1 else picks[0]


def _check_min(min_group_size: int) -> int:
    if isinstance(min_group_size, bool) or not isinstance(min_group_size, int) or min_group_size < 1:
        raise ValueError(f"min_group_size must be a positive integer, not {min_group_size!r}")
    return min_group_size


def _filters(selection: Selection) -> tuple[list[str], dict[str, object]]:
    return selection_conditions(selection, alias="s", date_column="survey_date", pillar_mode="none")


# ---------------------------------------------------------------- statistics helpers
def _t_coverage(t: float, df: int) -> float:
    """P(|T| <= t) for Student's t with integer ``df`` (Abramowitz & Stegun 26.7.3-4)."""
    theta = math.atan(t / math.sqrt(df))
    cos2, sin_theta, cos_theta = math.cos(theta) ** 2, math.sin(theta), math.cos(theta)
    if df % 2 == 1:
        total, term = 0.0, cos_theta
        for j in range(1, (df - 1) // 2 + 1):
            total += term
            term *= cos2 * (2 * j) / (2 * j + 1)
        return (2 / math.pi) * (theta + sin_theta * total)
    total, term = 0.0, 1.0
    for j in range(1, df // 2 + 1):
        total += term
        term *= cos2 * (2 * j - 1) / (2 * j)
    return sin_theta * total


@lru_cache(maxsize=4096)
def t_quantile_975(df: int) -> float:
    """The 97.5th percentile of Student's t with ``df`` degrees of freedom (df >= 1).

    Exact (bisection on the closed-form distribution function) up to 300 degrees of freedom,
    the 4-term Cornish-Fisher expansion above, where it agrees with the exact value to 1e-9.
    """
    if df < 1:
        raise ValueError("df must be at least 1")
    if df > EXACT_T_MAX_DF:
        z, nu = Z_975, float(df)
        return (z + (z**3 + z) / (4 * nu) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * nu**2)
                + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * nu**3)
                + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * nu**4))
    low, high = 0.0, 100.0
    for _ in range(200):
        middle = (low + high) / 2
        if _t_coverage(middle, df) < 0.95:
            low = middle
        else:
            high = middle
        if high - low < 1e-12:
            break
    return (low + high) / 2


def _t_values(degrees: pd.Series) -> np.ndarray:
    """t(0.975, df) for a column of degrees of freedom; NaN where df < 1 or missing."""
    return np.array([t_quantile_975(int(df)) if pd.notna(df) and df >= 1 else np.nan for df in degrees],
                    dtype=float)


def mean_interval(mean: pd.Series, sd: pd.Series, n: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Lower and upper 95% t-interval bounds of means (NaN when n < 2). Not clipped."""
    n_float = n.astype(float)
    half = pd.Series(_t_values(n_float - 1), index=n.index) * sd.astype(float) / np.sqrt(n_float)
    return mean - half, mean + half


def wilson_interval(successes: pd.Series, n: pd.Series, z: float = Z_975) -> tuple[pd.Series, pd.Series]:
    """Lower and upper Wilson score interval bounds of proportions successes / n."""
    n_float = n.astype(float)
    share = successes.astype(float) / n_float
    denominator = 1 + z**2 / n_float
    centre = (share + z**2 / (2 * n_float)) / denominator
    half = z / denominator * np.sqrt(share * (1 - share) / n_float + z**2 / (4 * n_float**2))
    return centre - half, centre + half


# ---------------------------------------------------------------- queries
def group_codes(cursor: duckdb.DuckDBPyConnection, grouping: str) -> list[str]:
    """Codes of ``grouping`` that occur in the survey data (unfiltered), sorted by code."""
    expression = check_grouping(grouping)
    sql = f"SELECT DISTINCT {expression} AS group_code {FROM_SURVEYS} ORDER BY group_code"  # noqa: S608 (expression from GROUPINGS)
    return [row[0] for row in cursor.execute(sql).fetchall()]


def group_means(cursor: duckdb.DuckDBPyConnection, selection: Selection, grouping: str, *,
                min_group_size: int) -> pd.DataFrame:
    """Mean of every score per group, with its 95% t-interval.

    Columns: group_code, suppressed, n, computed_composites, then for each measure m of
    MEASURES: m_mean, m_sd, m_ci_low, m_ci_high. One row per group with records, ordered by
    group_code. Suppressed rows (n < min_group_size) hold NULL in every column but
    group_code and suppressed.
    """
    expression = check_grouping(grouping)
    minimum = _check_min(min_group_size)
    conditions, params = _filters(selection)
    aggregates = ", ".join(
        f"avg({column}) AS {measure}_mean_all, stddev_samp({column}) AS {measure}_sd_all"
        for measure, column in MEASURES.items())
    shown = ", ".join(
        f"CASE WHEN n_all >= $minimum THEN {measure}_mean_all END AS {measure}_mean, "
        f"CASE WHEN n_all >= $minimum THEN {measure}_sd_all END AS {measure}_sd"
        for measure in MEASURES)
    sql = f"""
        WITH grouped AS (
            SELECT {expression} AS group_code, count(*) AS n_all,
                   count(*) FILTER (WHERE s.composite_computed) AS computed_all, {aggregates}
            {FROM_SURVEYS} {where(conditions)}
            GROUP BY 1)
        SELECT group_code, n_all < $minimum AS suppressed,
               CASE WHEN n_all >= $minimum THEN n_all END AS n,
               CASE WHEN n_all >= $minimum THEN computed_all END AS computed_composites, {shown}
        FROM grouped ORDER BY group_code"""  # noqa: S608 (identifiers from GROUPINGS and MEASURES)
    by_group = cursor.execute(sql, {**params, "minimum": minimum}).df()
    for measure in MEASURES:
        low, high = mean_interval(by_group[f"{measure}_mean"], by_group[f"{measure}_sd"], by_group["n"])
        by_group[f"{measure}_ci_low"], by_group[f"{measure}_ci_high"] = low, high
    return by_group


def group_distribution(cursor: duckdb.DuckDBPyConnection, selection: Selection, grouping: str,
                       measure: str, *, min_group_size: int) -> pd.DataFrame:
    """Percentiles of one score per group (exact, linear interpolation: ``quantile_cont``).

    Columns: group_code, suppressed, n, mean, p05, q1, median, q3, p95. Ordered by
    group_code; suppressed rows hold NULL in every column but group_code and suppressed.
    """
    expression = check_grouping(grouping)
    column = check_measure(measure)
    minimum = _check_min(min_group_size)
    conditions, params = _filters(selection)
    sql = f"""
        WITH grouped AS (
            SELECT {expression} AS group_code, count(*) AS n_all, avg({column}) AS mean_all,
                   quantile_cont({column}, [0.05, 0.25, 0.5, 0.75, 0.95]) AS points
            {FROM_SURVEYS} {where(conditions)}
            GROUP BY 1)
        SELECT group_code, n_all < $minimum AS suppressed,
               CASE WHEN n_all >= $minimum THEN n_all END AS n,
               CASE WHEN n_all >= $minimum THEN mean_all END AS mean,
               CASE WHEN n_all >= $minimum THEN points[1] END AS p05,
               CASE WHEN n_all >= $minimum THEN points[2] END AS q1,
               CASE WHEN n_all >= $minimum THEN points[3] END AS median,
               CASE WHEN n_all >= $minimum THEN points[4] END AS q3,
               CASE WHEN n_all >= $minimum THEN points[5] END AS p95
        FROM grouped ORDER BY group_code"""  # noqa: S608 (identifiers from GROUPINGS and MEASURES)
    return cursor.execute(sql, {**params, "minimum": minimum}).df()


def threshold_shares(cursor: duckdb.DuckDBPyConnection, selection: Selection, grouping: str,
                     measure: str, threshold: float, *, min_group_size: int) -> pd.DataFrame:
    """Share of records whose score is at or above ``threshold`` (a score equal to it counts).

    Columns: group_code, suppressed, n, at_or_above, share, ci_low, ci_high (Wilson 95%).
    Ordered by group_code; suppressed rows hold NULL in every column but group_code and
    suppressed.
    """
    expression = check_grouping(grouping)
    column = check_measure(measure)
    minimum = _check_min(min_group_size)
    if not isinstance(threshold, int | float) or not 0 <= threshold <= 1:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold!r}")
    conditions, params = _filters(selection)
    sql = f"""
        WITH grouped AS (
            SELECT {expression} AS group_code, count(*) AS n_all,
                   count(*) FILTER (WHERE {column} >= $threshold) AS above_all
            {FROM_SURVEYS} {where(conditions)}
            GROUP BY 1)
        SELECT group_code, n_all < $minimum AS suppressed,
               CASE WHEN n_all >= $minimum THEN n_all END AS n,
               CASE WHEN n_all >= $minimum THEN above_all END AS at_or_above
        FROM grouped ORDER BY group_code"""  # noqa: S608 (identifiers from GROUPINGS and MEASURES)
    by_group = cursor.execute(sql, {**params, "minimum": minimum, "threshold": float(threshold)}).df()
    by_group["share"] = by_group["at_or_above"].astype(float) / by_group["n"].astype(float)
    by_group["ci_low"], by_group["ci_high"] = wilson_interval(by_group["at_or_above"], by_group["n"])
    return by_group


def means_over_time(cursor: duckdb.DuckDBPyConnection, selection: Selection, grouping: str,
                    measure: str, *, min_group_size: int,
                    max_series: int = MAX_TIME_SERIES) -> pd.DataFrame:
    """Mean of one score per months-since-return band, for the largest groups of ``grouping``.

    Series are the ``max_series`` groups with most records (one series ``all`` when grouping
    by months), from one scan. Columns: group_code, months_band, suppressed, n, mean, sd,
    ci_low, ci_high. Ordered by group_code then band code; a suppressed cell (fewer than min_group_size records in that band) holds NULL in every
    column but group_code, months_band and suppressed.
    """
    expression = "'all'" if grouping == "months" else check_grouping(grouping)
    column = check_measure(measure)
    minimum = _check_min(min_group_size)
    conditions, params = _filters(selection)
    sql = f"""
        WITH cells AS (
            SELECT {expression} AS group_code, {MONTH_BAND_SQL} AS months_band, count(*) AS n_all,
                   avg({column}) AS mean_all, stddev_samp({column}) AS sd_all
            {FROM_SURVEYS} {where(conditions)}
            GROUP BY ALL),
        series AS (
            SELECT group_code FROM cells GROUP BY group_code
            ORDER BY sum(n_all) DESC, group_code LIMIT $max_series)
        SELECT group_code, months_band, n_all < $minimum AS suppressed,
               CASE WHEN n_all >= $minimum THEN n_all END AS n,
               CASE WHEN n_all >= $minimum THEN mean_all END AS mean,
               CASE WHEN n_all >= $minimum THEN sd_all END AS sd
        FROM cells WHERE group_code IN (SELECT group_code FROM series)
        ORDER BY group_code, months_band"""  # noqa: S608 (identifiers from GROUPINGS and MEASURES)
    by_band = cursor.execute(sql, {**params, "minimum": minimum, "max_series": int(max_series)}).df()
    by_band["ci_low"], by_band["ci_high"] = mean_interval(by_band["mean"], by_band["sd"], by_band["n"])
    return by_band


def compare_groups(cursor: duckdb.DuckDBPyConnection, selection: Selection, grouping: str,
                   group_a: str, group_b: str, *, min_group_size: int) -> pd.DataFrame:
    """Two groups of ``grouping`` side by side on every score, with Welch's difference.

    Columns (one row per measure, in MEASURES order): measure, a_status, a_n, a_mean, a_ci_low,
    a_ci_high, the same for b, difference (a − b), difference_ci_low, difference_ci_high,
    welch_df. A status is 'shown', 'suppressed' (fewer than min_group_size records: every
    value of that side is NULL) or 'absent' (no record). The difference needs both shown.
    """
    expression = check_grouping(grouping)
    minimum = _check_min(min_group_size)
    conditions, params = _filters(selection)
    aggregates = ", ".join(
        f"CASE WHEN count(*) >= $minimum THEN avg({column}) END AS {measure}_mean, "
        f"CASE WHEN count(*) >= $minimum THEN stddev_samp({column}) END AS {measure}_sd"
        for measure, column in MEASURES.items())
    sql = f"""
        SELECT {expression} AS group_code, count(*) < $minimum AS suppressed,
               CASE WHEN count(*) >= $minimum THEN count(*) END AS n, {aggregates}
        {FROM_SURVEYS} {where([*conditions, f"{expression} IN ($group_a, $group_b)"])}
        GROUP BY 1"""  # noqa: S608 (identifiers from GROUPINGS and MEASURES)
    by_group = cursor.execute(sql, {**params, "minimum": minimum, "group_a": str(group_a),
                                    "group_b": str(group_b)}).df().set_index("group_code")
    rows = []
    for measure in MEASURES:
        row: dict[str, object] = {"measure": measure}
        for side, code in (("a", str(group_a)), ("b", str(group_b))):
            found = code in by_group.index
            suppressed = found and bool(by_group.at[code, "suppressed"])
            row[f"{side}_status"] = "absent" if not found else ("suppressed" if suppressed else "shown")
            shown = row[f"{side}_status"] == "shown"
            row[f"{side}_n"] = int(by_group.at[code, "n"]) if shown else None
            row[f"{side}_mean"] = float(by_group.at[code, f"{measure}_mean"]) if shown else None
            row[f"{side}_sd"] = float(by_group.at[code, f"{measure}_sd"]) if shown else None
        rows.append(row)
    compared = pd.DataFrame(rows)
    for side in ("a", "b"):
        mean, sd, n = (compared[f"{side}_{name}"].astype(float) for name in ("mean", "sd", "n"))
        compared[f"{side}_ci_low"], compared[f"{side}_ci_high"] = mean_interval(mean, sd, n)
    _add_welch(compared)
    return compared.drop(columns=["a_sd", "b_sd"])


def _add_welch(compared: pd.DataFrame) -> None:
    """Add difference, its Welch 95% interval and the (unrounded) Welch degrees of freedom."""
    mean_a, sd_a, n_a = (compared[f"a_{name}"].astype(float) for name in ("mean", "sd", "n"))
    mean_b, sd_b, n_b = (compared[f"b_{name}"].astype(float) for name in ("mean", "sd", "n"))
    var_a, var_b = sd_a**2 / n_a, sd_b**2 / n_b
    standard_error = np.sqrt(var_a + var_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        welch_df = (var_a + var_b) ** 2 / (var_a**2 / (n_a - 1) + var_b**2 / (n_b - 1))
    # Both spreads zero: the difference is exact; any df gives a zero-width interval.
    welch_df = welch_df.where(standard_error > 0, n_a + n_b - 2)
    half = pd.Series(_t_values(np.floor(welch_df)), index=compared.index) * standard_error
    compared["difference"] = mean_a - mean_b
    compared["difference_ci_low"] = compared["difference"] - half
    compared["difference_ci_high"] = compared["difference"] + half
    compared["welch_df"] = welch_df
