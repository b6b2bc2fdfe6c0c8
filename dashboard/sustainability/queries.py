"""Reintegration Sustainability Survey (RSS) statistics per group, computed in DuckDB.

Every function aggregates in SQL over the pre-aggregated cells of ``dashboard.build.aggregates``
(never over individual records) and returns one small row per group (or group and months band).

Respondents, not responses: each query keeps every returnee's latest response within the
selected period (cells whose ``next_quarter`` is NULL or after the period), so a group's count is
its number of distinct respondents and the responses analysed are independent. Changes between
rounds pair that latest response with the returnee's previous one (also in the period).

Source: public figures read the protected release's cells (``release_*``, weighted records
made under differential privacy, ``dashboard.build.release``); exact figures, for the roles given that
right, read the survey's own cells (``survey_*``). ``Disclosure`` chooses; table names come from
its fixed ``CellSet``. Counts of the release are sums of weights, published rounded.

Suppression: groups with fewer respondents than ``min_group_size`` are suppressed here, in the
query layer: their row says ``suppressed`` and every count and statistic in it is NULL. Every
group a view offers (every code of the grouping, or every region, Action or country under the
filters) has a row, whether it holds nobody or a few: "too few to show" never tells an empty
group from a small one.

Precision: public figures (the release's) are rounded to ``PUBLISHED_DECIMALS`` (means, standard
deviations, shares, quantiles, changes) and their intervals outwards; exact figures are not.

Intervals (computed in Python on the aggregated rows, never per record), computed as if the
release were the survey (they do not include the release's noise or model error):

- mean: mean ± t(0.975, n − 1) · s / √n; Student's t quantile computed exactly for n − 1 ≤ 300
  and by the Cornish-Fisher expansion above (error below 1e-9 there);
- share: Wilson score interval with z = 1.959964;
- difference of two means: Welch's interval, Welch–Satterthwaite degrees of freedom rounded
  down (conservative).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from dashboard.build.aggregates import CELL_SETS, HIST_BINS
from dashboard.cells import number, number_or_nan
from dashboard.common.methodology import MAX_TIME_SERIES
from dashboard.selection import Selection
from dashboard.store import vocabulary
from dashboard.store.door import ROWS, frozen, query
from dashboard.store.results import results_of
from dashboard.store.sql import Sql, compose, identifier, joined, selection_conditions, where
from dashboard.sustainability.disclosure import PROTECTED, Disclosure

Z_975 = 1.959963984540054
EXACT_T_MAX_DF = 300

# Months since return, in bands, in display order (assigned in dashboard.build.aggregates).
MONTH_BANDS = ("0-5", "6-11", "12-17", "18-23", "24+")

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
    "region": ("WCA", "EHOA"),
    "action": ("JI-SLC", "JI-HOA"),
    "country": ("GIN", "ETH"),
    "sex": ("female", "male"),
    "age_group": ("18-24", "45+"),
    "assistance_type": ("economic", "psychosocial"),
    "assistance_level": ("individual", "community"),
    "referral": ("referral", "direct"),
    "months": ("0-5", "12-17"),
}

# Grouping key -> (grouping key of the pre-aggregated cells, SQL expression over cells ``c``
# joined to actions ``a``). Region, Action, country and months come from the 'none' cells.
CELL_SOURCES: dict[str, tuple[str, Sql]] = {
    "region": ("none", Sql("a.region_code")),
    "action": ("none", Sql("c.action_code")),
    "country": ("none", Sql("c.iso3")),
    "months": ("none", Sql("c.months_band")),
    "sex": ("sex", Sql("c.group_value")),
    "age_group": ("age_group", Sql("c.group_value")),
    "assistance_type": ("assistance_type", Sql("c.group_value")),
    "assistance_level": ("assistance_level", Sql("c.group_value")),
    "referral": ("referral", Sql("c.group_value")),
}
# The histograms hold the months band as a grouping of its own.
HIST_SOURCES: dict[str, tuple[str, Sql]] = {
    **CELL_SOURCES,
    "months": ("months", Sql("c.group_value")),
}
# The allow-list of groupings, in menu order: the only grouping keys that ever reach SQL.
GROUPINGS: tuple[str, ...] = tuple(CELL_SOURCES)
# Where the codes a view offers come from for groupings without a fixed vocabulary.
OFFERED_SOURCES: dict[str, Sql] = {
    "region": Sql("a.region_code"),
    "action": Sql("c.action_code"),
    "country": Sql("c.iso3"),
}
# Every table of pre-aggregated cells a view reads (both sets: the release's and the exact ones).
CELL_TABLES = frozenset(
    cells.table(kind) for cells in CELL_SETS.values() for kind in ("cells", "hist", "pairs")
)
# The stems of the score columns of the cells (``<stem>_sum``, ``<stem>_sumsq``).
SCORE_STEMS = frozenset(MEASURES)
QUANTILE_POINTS = (0.05, 0.25, 0.5, 0.75, 0.95)


def check_grouping(grouping: str) -> str:
    """A known grouping key, checked against the allow-list.

    Raises:
        ValueError: the grouping is not in the allow-list.
    """
    if not isinstance(grouping, str) or grouping not in CELL_SOURCES:
        raise ValueError(f"unknown grouping {grouping!r}")
    return grouping


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
    if (
        isinstance(min_group_size, bool)
        or not isinstance(min_group_size, int)
        or min_group_size < 1
    ):
        raise ValueError(f"min_group_size must be a positive integer, not {min_group_size!r}")
    return min_group_size


def _cell_filters(
    selection: Selection, grouping_key: str, *, pairs: bool = False
) -> tuple[list[Sql], dict[str, object]]:
    """Conditions on pre-aggregated cells: the grouping's cells, each returnee's latest response
    in the period, then the selection by quarter (for pairs: the previous response in the period
    too). The pillar filter does not apply: every RSS answer concerns reintegration (the page
    disables it and says so; the API and the zip say so too)."""
    conditions, params = selection_conditions(
        selection, alias="c", date_column="quarter", pillar_mode="none"
    )
    latest = Sql("c.next_quarter IS NULL")
    if selection.end_date_exclusive:
        latest = Sql("(c.next_quarter IS NULL OR c.next_quarter >= $period_end)")
        params["period_end"] = selection.end_date_exclusive
    if pairs and selection.start_date:
        conditions.append(Sql("c.previous_quarter >= $period_start"))
    return [Sql("c.grouping_key = $grouping_key"), latest, *conditions], {
        **params,
        "grouping_key": grouping_key,
    }


def _source(grouping: str, sources: dict[str, tuple[str, Sql]]) -> tuple[str, Sql]:
    check_grouping(grouping)
    return sources[grouping]


def _from(disclosure: Disclosure, kind: str) -> Sql:
    """``FROM <table> c JOIN actions a``: the cells, histograms or pairs of the disclosure's source
    (table names from the fixed ``CellSet``s)."""
    return compose(
        "FROM {table} c JOIN actions a ON a.action_code = c.action_code",
        table=identifier(disclosure.cells.table(kind), CELL_TABLES),
    )


def offered_codes(
    cursor: duckdb.DuckDBPyConnection, selection: Selection, grouping: str
) -> list[str]:
    """Every group a view of ``grouping`` under ``selection`` offers, whatever the survey holds:
    the grouping's fixed codes, or the regions, Actions or countries the filters keep (from the
    reference tables). Sorted by code."""
    check_grouping(grouping)
    if grouping in FIXED_CODES:
        return sorted(FIXED_CODES[grouping])
    conditions, params = selection_conditions(
        selection, alias="c", date_column=None, pillar_mode="none"
    )
    sql = compose(
        """SELECT DISTINCT {expression} AS group_code
              FROM action_countries c JOIN actions a ON a.action_code = c.action_code
              {where} ORDER BY group_code""",
        expression=OFFERED_SOURCES[grouping],
        where=where(conditions),
    )
    return [row[0] for row in query(cursor, "offered_codes", sql, params, read=ROWS)]


def _moment_sums(measures) -> Sql:
    return joined(
        [
            compose(
                "sum(c.{m}_sum) AS {m}_s, sum(c.{m}_sumsq) AS {m}_ss",
                m=identifier(measure, SCORE_STEMS),
            )
            for measure in measures
        ],
        ", ",
    )


def _raw_groups(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    grouping: str,
    measures,
    *,
    disclosure: Disclosure,
    by_band: bool = False,
    only: tuple[str, str] | None = None,
    pairs: bool = False,
) -> pd.DataFrame:
    """Sums per group: group_code (and months_band), n_all (respondents: a sum of weights in the
    release), then per measure m_s and m_ss (plus computed_all for cells, rose_all and fell_all
    for pairs): every measure's, whichever ``measures`` asks for. Every offered group has a row
    (zeros where nobody is), unless ``by_band`` or ``only`` narrows the rows. Never leaves this
    module without :func:`_publish_moments`."""
    grouping_key, expression = _source(grouping, CELL_SOURCES)
    if by_band and grouping == "months":
        expression = Sql("'all'")
    conditions, params = _cell_filters(selection, grouping_key, pairs=pairs)
    if only is not None:
        conditions.append(compose("{expression} IN ($group_a, $group_b)", expression=expression))
        params.update({"group_a": only[0], "group_b": only[1]})
    group = compose(
        "{expression} AS group_code{band}",
        expression=expression,
        band=Sql(", c.months_band" if by_band else ""),
    )
    extra = Sql(
        "sum(c.rose) AS rose_all, sum(c.fell) AS fell_all"
        if pairs
        else "sum(c.computed) AS computed_all"
    )
    # Every measure's sums, whichever the caller asked for: the charts of one selection then ask
    # the same SQL (answered once per store version by the door's cache); the statistics read
    # the columns of the measures they publish.
    columns = joined([group, Sql("sum(c.n) AS n_all"), extra, _moment_sums(MEASURES)], ", ")
    sql = compose(
        """
        SELECT {columns}
        {source} {where}
        GROUP BY ALL ORDER BY ALL""",
        columns=columns,
        source=_from(disclosure, "pairs" if pairs else "cells"),
        where=where(conditions),
    )
    if by_band or only is not None:
        raw = query(cursor, "group_sums", sql, params)
        raw["group_code"] = _as_codes(raw["group_code"])
        return raw

    def every_group() -> pd.DataFrame:
        raw = query(cursor, "group_sums", sql, params)
        raw["group_code"] = _as_codes(raw["group_code"])
        return _every_offered_group(raw, offered_codes(cursor, selection, grouping))

    # The means, spreads, shares and comparable groups of one request all start from these rows.
    key = ("every offered group", sql, frozen(params), selection)
    return _kept(cursor, key, every_group)


def _kept(cursor: duckdb.DuckDBPyConnection, key: tuple, compute) -> pd.DataFrame:
    """``compute()``, a pure function of the store's answers, kept beside them (the cache of the
    store version's answers, ``dashboard.store.results``) under ``key``, and handed out as a copy
    as they are: asked again on the same version, it is not computed again."""
    results = results_of(cursor)
    if results is None:
        return compute()
    found, answer = results.get(key)
    if found:
        return answer
    answer = compute()
    results.put(key, answer)
    return answer


def _every_offered_group(raw: pd.DataFrame, offered: list[str]) -> pd.DataFrame:
    """``raw`` (one row per group_code) with a row for every offered group too, sorted by code,
    zeros where a group has no row (and for NULL sums); the sums as floats. (What a left merge of
    the codes with ``raw`` then ``fillna(0.0)`` gives, in plain arrays: a tenth of the CPU.)"""
    codes = raw["group_code"].tolist()
    every = sorted(set(offered) | set(codes))
    numbers = [name for name in raw.columns if name != "group_code"]
    position = {code: row for row, code in enumerate(codes)}
    rows = np.array([position.get(code, -1) for code in every], dtype=int)
    found = rows >= 0
    values = np.zeros((len(every), len(numbers)))
    values[found] = raw[numbers].to_numpy(dtype=float)[rows[found]]
    values[np.isnan(values)] = 0.0
    columns: dict[str, object] = {"group_code": pd.Series(every, dtype=str)}
    columns.update({name: values[:, column] for column, name in enumerate(numbers)})
    return pd.DataFrame(columns)


def _as_codes(column: pd.Series) -> pd.Series:
    """Group codes as text: ``column.astype(str)``, or the column itself when it holds text
    already (the same values, without a copy)."""
    return column if column.dtype == "str" else column.astype(str)


def _published_columns(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The ``columns`` of ``frame``, ``suppressed`` as booleans (as they are when they are)."""
    chosen = frame[columns]
    return chosen if chosen["suppressed"].dtype == bool else chosen.astype({"suppressed": bool})


def _published_n(raw: pd.DataFrame) -> np.ndarray:
    """Respondents as published: the release's sums of weights rounded to whole returnees."""
    return np.round(raw["n_all"].to_numpy(dtype=float))


def _publish_moments(
    raw: pd.DataFrame, measures, minimum: int, *, low: float = 0.0, decimals: int | None = None
) -> pd.DataFrame:
    """The published statistics of :func:`_raw_groups` rows: the identifying columns, suppressed,
    n, and per measure m_mean, m_sd (rounded to ``decimals`` when given). A suppressed row holds
    NULL in every statistic."""
    n_published = _published_n(raw)
    suppressed = n_published < minimum
    weight = raw["n_all"].to_numpy(dtype=float)
    columns: dict[str, object] = {
        name: raw[name] for name in raw.columns if name in ("group_code", "months_band")
    }
    columns["suppressed"] = suppressed
    columns["n"] = np.where(suppressed, np.nan, n_published)
    with np.errstate(divide="ignore", invalid="ignore"):
        for measure in measures:
            total, squares = (
                raw[f"{measure}_s"].to_numpy(dtype=float),
                raw[f"{measure}_ss"].to_numpy(dtype=float),
            )
            mean = total / weight
            centred = np.maximum(squares - total * total / weight, 0.0)
            sd = np.where(n_published > 1, np.sqrt(centred / np.maximum(weight - 1, 1e-9)), np.nan)
            columns[f"{measure}_mean"] = rounded(
                np.where(suppressed, np.nan, np.clip(mean, low, 1.0)), decimals
            )
            columns[f"{measure}_sd"] = rounded(np.where(suppressed, np.nan, sd), decimals)
    return pd.DataFrame(columns, index=raw.index)


def _with_intervals(published: pd.DataFrame, measures, decimals: int | None = None) -> pd.DataFrame:
    intervals = {}
    for measure in measures:
        intervals[f"{measure}_ci_low"], intervals[f"{measure}_ci_high"] = outwards(
            *mean_interval(
                published[f"{measure}_mean"], published[f"{measure}_sd"], published["n"]
            ),
            decimals,
        )
    return pd.concat([published, pd.DataFrame(intervals, index=published.index)], axis=1)


def rounded(values, decimals: int | None):
    """``values`` rounded to ``decimals`` (unchanged when None)."""
    return values if decimals is None else np.round(values, decimals)


def outwards(low, high, decimals: int | None):
    """Interval bounds rounded outwards to ``decimals`` (unchanged when None): the published
    interval always contains the unrounded one."""
    if decimals is None:
        return low, high
    scale = 10.0**decimals
    # 1e-9 keeps a bound already on the grid (0.25 stored as 0.2499999...) where it is.
    return np.floor(low * scale + 1e-9) / scale, np.ceil(high * scale - 1e-9) / scale


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
        return (
            z
            + (z**3 + z) / (4 * nu)
            + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * nu**2)
            + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * nu**3)
            + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * nu**4)
        )
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


def _t_values(degrees: pd.Series | np.ndarray) -> np.ndarray:
    """t(0.975, df) for a column of degrees of freedom; NaN where df < 1 or missing."""
    return np.array(
        [t_quantile_975(int(df)) if pd.notna(df) and df >= 1 else np.nan for df in degrees],
        dtype=float,
    )


def mean_interval(mean: pd.Series, sd: pd.Series, n: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Lower and upper 95% t-interval bounds of means (NaN when n < 2). Not clipped.

    (Computed on the columns' arrays: the same operations as on the Series, without pandas'
    cost per operation.)"""
    n_float = n.to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        standard_error = np.sqrt(sd.to_numpy(dtype=float) ** 2 / n_float)
        half = _t_values(n_float - 1) * standard_error
        centre = mean.to_numpy(dtype=float)
        return (
            pd.Series(centre - half, index=mean.index),
            pd.Series(centre + half, index=mean.index),
        )


def wilson_interval(successes: Any, n: Any, z: float = Z_975) -> tuple[Any, Any]:
    """Lower and upper Wilson score interval bounds of proportions successes / n (Series or
    arrays: the bounds are of the same kind)."""
    n_float = n.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = successes.astype(float) / n_float
        denominator = 1 + z**2 / n_float
        centre = (share + z**2 / (2 * n_float)) / denominator
        half = z / denominator * np.sqrt(share * (1 - share) / n_float + z**2 / (4 * n_float**2))
    return centre - half, centre + half


# ---------------------------------------------------------------- queries
def group_codes(cursor: duckdb.DuckDBPyConnection, grouping: str) -> list[str]:
    """Every code of ``grouping`` a view may offer (all filters off), sorted."""
    return offered_codes(cursor, Selection(), grouping)


def comparable_group_codes(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    grouping: str,
    *,
    min_group_size: int,
    disclosure: Disclosure = PROTECTED,
) -> list[str]:
    """Codes of ``grouping`` whose statistics are published under ``selection``: at least
    ``min_group_size`` respondents, and never fewer than two (one response has no interval).
    Sorted by code. The same respondent count decides suppression in every chart."""
    minimum = max(_check_min(min_group_size), 2)
    raw = _raw_groups(cursor, selection, grouping, (), disclosure=disclosure)
    return sorted(
        str(code)
        for code, n in zip(raw["group_code"], _published_n(raw), strict=True)
        if n >= minimum
    )


def group_means(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    grouping: str,
    *,
    min_group_size: int,
    disclosure: Disclosure = PROTECTED,
) -> pd.DataFrame:
    """Mean of every score per group, with its 95% t-interval.

    Columns: group_code, suppressed, n (respondents), computed_composites, then for each
    measure m of MEASURES: m_mean, m_sd, m_ci_low, m_ci_high. One row per offered group,
    ordered by group_code. Suppressed rows (n < min_group_size, nobody included) hold NULL in
    every column but group_code and suppressed.
    """
    minimum = _check_min(min_group_size)
    raw = _raw_groups(cursor, selection, grouping, MEASURES, disclosure=disclosure)
    decimals = disclosure.decimals
    by_group = _with_intervals(
        _publish_moments(raw, MEASURES, minimum, decimals=decimals), MEASURES, decimals
    )
    # Every composite of the release is derived from its three scores: the count of composites
    # computed at import is a fact of the survey records, given in exact mode only.
    computed = np.minimum(np.round(raw["computed_all"].to_numpy(dtype=float)), by_group["n"])
    by_group["computed_composites"] = np.where(
        by_group["suppressed"] | (not disclosure.exact), np.nan, computed
    )
    columns = ["group_code", "suppressed", "n", "computed_composites"]
    columns += [f"{m}_{s}" for m in MEASURES for s in ("mean", "sd", "ci_low", "ci_high")]
    return _published_columns(by_group, columns)


def _score_histograms(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    grouping: str,
    measure: str,
    disclosure: Disclosure,
) -> pd.DataFrame:
    """How many scores of ``measure`` fall in each 0.01-wide bin, per group (sums of weights in
    the release).

    Columns: group_code, bin (0..100; bin b holds scores in [b/100, (b+1)/100), bin 100 the
    score 1), count. Ordered by group_code, bin. Unsuppressed: bin counts never leave this module.
    """
    check_measure(measure)
    grouping_key, expression = _source(grouping, HIST_SOURCES)
    conditions, params = _cell_filters(selection, grouping_key)
    conditions.append(Sql("c.measure = $measure"))
    sql = compose(
        """SELECT {expression} AS group_code, c.bin, sum(c.count) AS count
              {source} {where} GROUP BY 1, 2 ORDER BY 1, 2""",
        expression=expression,
        source=_from(disclosure, "hist"),
        where=where(conditions),
    )
    histograms = query(cursor, "score_histograms", sql, {**params, "measure": measure})
    histograms["group_code"] = _as_codes(histograms["group_code"])
    return histograms


def binned_quantiles(
    bins: np.ndarray, counts: np.ndarray, points: tuple[float, ...]
) -> list[float]:
    """Quantiles as ``quantile_cont`` defines them, from binned scores (counts may be weights).

    The quantile at p lies between order statistics k = floor(p·(n−1)) and k + 1; each order
    statistic is placed inside its bin (the scores of a bin spread evenly across it), then the
    two are interpolated. Every order statistic is within its bin, so the result is accurate to
    one bin width (0.01).
    """
    counts = np.asarray(counts, dtype=float)
    cumulative = np.cumsum(counts)
    total = float(cumulative[-1])

    def order_statistic(k: float) -> float:
        index = min(int(np.searchsorted(cumulative, k, side="right")), len(counts) - 1)
        before = cumulative[index] - counts[index]
        low = bins[index] / HIST_BINS
        width = 0.0 if bins[index] >= HIST_BINS else 1 / HIST_BINS
        return float(low + width * min(max((k - before + 0.5) / counts[index], 0.0), 1.0))

    values = []
    for point in points:
        position = point * max(total - 1, 0.0)
        lower = float(np.floor(position))
        upper = min(lower + 1, max(total - 1, 0.0))
        fraction = position - lower
        values.append(order_statistic(lower) * (1 - fraction) + order_statistic(upper) * fraction)
    return values


def group_distribution(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    grouping: str,
    measure: str,
    *,
    min_group_size: int,
    disclosure: Disclosure = PROTECTED,
) -> pd.DataFrame:
    """Percentiles of one score per group, from the 0.01-wide bins (accurate to 0.01).

    Columns: group_code, suppressed, n, mean, p05, q1, median, q3, p95. Ordered by
    group_code; suppressed rows hold NULL in every column but group_code and suppressed. n and
    mean are those of :func:`group_means`.
    """
    minimum = _check_min(min_group_size)
    histograms = _score_histograms(cursor, selection, grouping, measure, disclosure)
    raw = _raw_groups(cursor, selection, grouping, [measure], disclosure=disclosure)
    means = _publish_moments(raw, [measure], minimum, decimals=disclosure.decimals).set_index(
        "group_code"
    )
    by_code = {code: group for code, group in histograms.groupby("group_code", sort=True)}
    rows: list[dict[str, object]] = []
    counts, averages = means["n"].astype(float), means[f"{measure}_mean"].astype(float)
    for code in means.index:
        group = by_code.get(code)
        if bool(means.at[code, "suppressed"]) or group is None or float(group["count"].sum()) <= 0:
            rows.append({"group_code": code, "suppressed": True})
            continue
        group = group[group["count"] > 0]
        p05, q1, median, q3, p95 = (
            float(rounded(value, disclosure.decimals))
            for value in binned_quantiles(
                group["bin"].to_numpy(), group["count"].to_numpy(), QUANTILE_POINTS
            )
        )
        rows.append(
            {
                "group_code": code,
                "suppressed": False,
                "n": float(counts[code]),
                "mean": float(averages[code]),
                "p05": p05,
                "q1": q1,
                "median": median,
                "q3": q3,
                "p95": p95,
            }
        )
    columns = ["group_code", "suppressed", "n", "mean", "p05", "q1", "median", "q3", "p95"]
    return _published_columns(pd.DataFrame(rows, columns=columns), columns)


def threshold_shares(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    grouping: str,
    measure: str,
    threshold: float,
    *,
    min_group_size: int,
    disclosure: Disclosure = PROTECTED,
) -> pd.DataFrame:
    """Share of respondents whose score is at or above ``threshold`` (a score equal to it counts).

    Exact for thresholds with two decimals (the bins are 0.01 wide); others are rounded to two.
    Columns: group_code, suppressed, n, at_or_above, share, ci_low, ci_high (Wilson 95%).
    Ordered by group_code; suppressed rows hold NULL in every column but group_code and suppressed.
    """
    check_measure(measure)
    minimum = _check_min(min_group_size)
    if (
        isinstance(threshold, bool)
        or not isinstance(threshold, int | float)
        or not 0 <= threshold <= 1
    ):
        raise ValueError(f"threshold must be between 0 and 1, not {threshold!r}")
    threshold_bin = round(float(threshold) * HIST_BINS)
    grouping_key, expression = _source(grouping, HIST_SOURCES)
    conditions, params = _cell_filters(selection, grouping_key)
    conditions.append(Sql("c.measure = $measure"))
    sql = compose(
        """
        SELECT {expression} AS group_code,
               coalesce(sum(c.count) FILTER (WHERE c.bin >= $threshold_bin), 0) AS above_all
        {source} {where}
        GROUP BY 1 ORDER BY 1""",
        expression=expression,
        source=_from(disclosure, "hist"),
        where=where(conditions),
    )
    above = query(
        cursor,
        "threshold_shares",
        sql,
        {**params, "measure": measure, "threshold_bin": threshold_bin},
    )
    above["group_code"] = _as_codes(above["group_code"])
    raw = _raw_groups(cursor, selection, grouping, [], disclosure=disclosure).merge(
        above, on="group_code", how="left"
    )
    by_group = _publish_moments(raw, [], minimum)
    suppressed = by_group["suppressed"]
    weight = raw["n_all"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = raw["above_all"].fillna(0).to_numpy(dtype=float) / weight
    by_group["share"] = rounded(
        np.where(suppressed, np.nan, np.clip(share, 0.0, 1.0)), disclosure.decimals
    )
    by_group["at_or_above"] = np.where(
        suppressed, np.nan, np.round(by_group["share"] * by_group["n"])
    )
    by_group["ci_low"], by_group["ci_high"] = outwards(
        *wilson_interval(by_group["share"] * by_group["n"], by_group["n"]), disclosure.decimals
    )
    columns = ["group_code", "suppressed", "n", "at_or_above", "share", "ci_low", "ci_high"]
    return _published_columns(by_group, columns)


def means_over_time(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    grouping: str,
    measure: str,
    *,
    min_group_size: int,
    max_series: int = MAX_TIME_SERIES,
    disclosure: Disclosure = PROTECTED,
) -> pd.DataFrame:
    """Mean of one score per months-since-return band, for the largest groups of ``grouping``.

    Each returnee counts once, in the band of their latest response in the period. Series are
    the ``max_series`` groups with most respondents (one series ``all`` when grouping by
    months). Columns: group_code, months_band, suppressed, n, mean, sd, ci_low, ci_high.
    Ordered by group_code then band code; a suppressed cell (fewer than min_group_size
    respondents in that band) holds NULL in every column but group_code, months_band and
    suppressed.
    """
    check_measure(measure)
    minimum = _check_min(min_group_size)
    raw = _raw_groups(cursor, selection, grouping, [measure], disclosure=disclosure, by_band=True)
    sizes = (
        raw.groupby("group_code")["n_all"]
        .sum()
        .reset_index()
        .sort_values(["n_all", "group_code"], ascending=[False, True])
    )
    raw = raw[raw["group_code"].isin(sizes["group_code"].head(int(max_series)))].reset_index(
        drop=True
    )
    decimals = disclosure.decimals
    by_band = _with_intervals(
        _publish_moments(raw, [measure], minimum, decimals=decimals), [measure], decimals
    )
    by_band = by_band.rename(
        columns={f"{measure}_{name}": name for name in ("mean", "sd", "ci_low", "ci_high")}
    )
    columns = ["group_code", "months_band", "suppressed", "n", "mean", "sd", "ci_low", "ci_high"]
    return _published_columns(by_band, columns)


def compare_groups(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    grouping: str,
    group_a: str,
    group_b: str,
    *,
    min_group_size: int,
    disclosure: Disclosure = PROTECTED,
) -> pd.DataFrame:
    """Two groups of ``grouping`` side by side on every score, with Welch's difference.

    Columns (one row per measure, in MEASURES order): measure, a_status, a_n, a_mean, a_ci_low,
    a_ci_high, the same for b, difference (a − b), difference_ci_low, difference_ci_high,
    welch_df. A status is 'shown' or 'suppressed' (fewer than min_group_size respondents,
    nobody included: every value of that side is NULL). The difference needs both shown.
    Figures are those of :func:`group_means` for the same groups.
    """
    minimum = _check_min(min_group_size)
    codes = (str(group_a), str(group_b))
    raw = _raw_groups(cursor, selection, grouping, MEASURES, disclosure=disclosure, only=codes)
    # A row for each of the two groups (zeros for a group nobody is in), sorted by code.
    every = _every_offered_group(raw, list(codes))
    decimals = disclosure.decimals
    return _side_by_side(
        _publish_moments(every, MEASURES, minimum, decimals=decimals).set_index("group_code"),
        *codes,
        decimals=decimals,
    )


def _side_by_side(
    by_group: pd.DataFrame, group_a: str, group_b: str, *, decimals: int | None = None
) -> pd.DataFrame:
    # Each group's published row, read once (a lookup per cell of a frame costs more).
    published = dict(zip(by_group.index, by_group.to_dict("records"), strict=True))
    rows = []
    for measure in MEASURES:
        row: dict[str, object] = {"measure": measure}
        for side, code in (("a", group_a), ("b", group_b)):
            group = published.get(code)
            shown_side = group is not None and not bool(group["suppressed"])
            row[f"{side}_status"] = "shown" if shown_side else "suppressed"
            row[f"{side}_n"] = number_or_nan(group["n"]) if group and shown_side else None
            row[f"{side}_mean"] = (
                number_or_nan(group[f"{measure}_mean"]) if group and shown_side else None
            )
            row[f"{side}_sd"] = number(group[f"{measure}_sd"]) if group and shown_side else None
        rows.append(row)
    compared = pd.DataFrame(rows)
    for side in ("a", "b"):
        mean, sd, n = (compared[f"{side}_{name}"].astype(float) for name in ("mean", "sd", "n"))
        compared[f"{side}_ci_low"], compared[f"{side}_ci_high"] = outwards(
            *mean_interval(mean, sd, n), decimals
        )
    _add_welch(compared, decimals)
    return compared.drop(columns=["a_sd", "b_sd"])


def _add_welch(compared: pd.DataFrame, decimals: int | None = None) -> None:
    """Add difference, its Welch 95% interval (rounded outwards to ``decimals``) and the
    (unrounded) Welch degrees of freedom."""
    # On the columns' arrays: the same operations as on the Series, without pandas' cost per
    # operation (four rows).
    mean_a, sd_a, n_a = (
        compared[f"a_{name}"].to_numpy(dtype=float) for name in ("mean", "sd", "n")
    )
    mean_b, sd_b, n_b = (
        compared[f"b_{name}"].to_numpy(dtype=float) for name in ("mean", "sd", "n")
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        var_a, var_b = sd_a**2 / n_a, sd_b**2 / n_b
        standard_error = np.sqrt(var_a + var_b)
        welch_df = (var_a + var_b) ** 2 / (var_a**2 / (n_a - 1) + var_b**2 / (n_b - 1))
    # Both spreads zero: the difference is exact; any df gives a zero-width interval.
    welch_df = np.where(standard_error > 0, welch_df, n_a + n_b - 2)
    half = _t_values(np.floor(welch_df)) * standard_error
    difference = rounded(mean_a - mean_b, decimals)
    compared["difference"] = difference
    compared["difference_ci_low"], compared["difference_ci_high"] = outwards(
        difference - half, difference + half, decimals
    )
    compared["welch_df"] = welch_df


def round_changes(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    grouping: str,
    *,
    min_group_size: int,
    disclosure: Disclosure = PROTECTED,
) -> pd.DataFrame:
    """Change in every score for the same returnees between two rounds (paired), per group.

    Each returnee with at least two responses in the period counts once: their latest response
    in the period minus their previous one (also in the period), grouped by the latest
    response's group. Columns: group_code, suppressed, n (returnees with a pair), for each
    measure m: m_change, m_sd, m_ci_low, m_ci_high (paired t-interval), then for the composite
    rose, fell, stayed (shares of n whose composite rose or fell by more than STAY_BAND, or
    stayed within it) and each one's ci_low / ci_high (Wilson 95%). One row per offered group,
    ordered by group_code; suppressed rows (fewer than min_group_size returnees) hold NULL in
    every statistic.
    """
    minimum = _check_min(min_group_size)
    raw = _raw_groups(cursor, selection, grouping, MEASURES, disclosure=disclosure, pairs=True)
    decimals = disclosure.decimals
    by_group = _with_intervals(
        _publish_moments(raw, MEASURES, minimum, low=-1.0, decimals=decimals), MEASURES, decimals
    )
    # On the columns' arrays: the same operations as on the Series, without pandas' cost per
    # operation.
    suppressed = by_group["suppressed"].to_numpy(dtype=bool)
    n = by_group["n"].to_numpy(dtype=float)
    weight = raw["n_all"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        rose = raw["rose_all"].to_numpy(dtype=float) / weight
        fell = raw["fell_all"].to_numpy(dtype=float) / weight
    stayed = 1 - rose - fell
    stayed = np.where((stayed >= 0.0) | np.isnan(stayed), stayed, 0.0)  # Series.clip(lower=0.0)
    for name, share in (("rose", rose), ("fell", fell), ("stayed", stayed)):
        published = rounded(np.where(suppressed, np.nan, share), decimals)
        by_group[name] = published
        by_group[f"{name}_ci_low"], by_group[f"{name}_ci_high"] = outwards(
            *wilson_interval(published * n, n), decimals
        )
    by_group = by_group.rename(columns={f"{m}_mean": f"{m}_change" for m in MEASURES})
    columns = ["group_code", "suppressed", "n"]
    columns += [f"{m}_{s}" for m in MEASURES for s in ("change", "sd", "ci_low", "ci_high")]
    columns += [
        f"{name}{suffix}"
        for name in ("rose", "fell", "stayed")
        for suffix in ("", "_ci_low", "_ci_high")
    ]
    return _published_columns(by_group, columns)
