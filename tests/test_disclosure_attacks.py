"""Attacks on the survey statistics, as a visitor would try them with what any view shows.

Each attack looks for a returnee (or two) alone in a suppressed group, then recovers their
scores by differencing published views: a country's means against the same view by sex (or
age, assistance type or level, referral) with that group suppressed, a region against its
countries, two overlapping periods, means with their spreads for a pair. The attacker is given
more than the app shows: the true group sizes. In exact mode every attack recovers the scores
to 1e-9 (so the attacks are real); protected, the recovery errors must stay large: at most a
quarter of recoveries within ±0.05 (the attacker cannot tell which), median error above 0.1; a
pair's two scores no better than guessing them at the published mean; a threshold sweep no
better than guessing. Large groups stay within the bounds the methodology page states.

Runs on the small demo store and on a store holding the same records imported from a file, each
with a fixed salt, so the suite is reproducible. Views that hold the same records (periods of one to
four quarters often do) count once: a repeated instance is the same figure, not new evidence.
"""

from __future__ import annotations

import math
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from dashboard.build.importer import import_file
from dashboard.build.stores import build_store
from dashboard.queries import disclosure as sdc
from dashboard.queries import sustainability as q
from dashboard.queries.aggregates import SALT_KEY, SALT_KIND_KEY
from dashboard.queries.disclosure import EXACT, PROTECTED
from dashboard.queries.schema import set_store_info
from dashboard.selection import Selection
from dashboard.store import ReadOnlyStore

MINIMUM = 5  # lower than the default 10, so the store offers many instances of every attack
MEASURES = tuple(q.MEASURES)
ATTRIBUTES = ("sex", "age_group", "assistance_type", "assistance_level", "referral")
MAX_INSTANCES = 25
DEMO_ROWS = 40_000
# What the protected figures must leave an attacker: at most this share of recoveries within
# ±0.05 of the true score, and a median error above 0.1.
MAX_SHARE_WITHIN = 0.25
MIN_MEDIAN_ERROR = 0.1
PAIR_MAX_SHARE_WITHIN, PAIR_MIN_MEDIAN_ERROR = 0.3, 0.08
MIN_ERRORS_FOR_MEDIAN = 20

# Ground truth: respondents per (country, period, grouping, group) for periods of one to four
# quarters, read from the cells (latest response per returnee in the period).
GROUP_SIZES = """
    WITH quarters AS (SELECT DISTINCT quarter FROM survey_group_cells),
    periods AS (SELECT quarter AS first, quarter + to_months(3 * span) AS last
                FROM quarters, range(4) AS spans(span))
    SELECT c.action_code, c.iso3, CAST(p.first AS VARCHAR) AS first, CAST(CAST(p.last AS DATE) AS VARCHAR) AS last, c.grouping_key,
           c.group_value, sum(c.n) AS n, sum(c.key_sum) % 256 AS cell_key
    FROM survey_group_cells c JOIN periods p ON c.quarter BETWEEN p.first AND p.last
    WHERE c.next_quarter IS NULL OR c.next_quarter > p.last
    GROUP BY ALL"""


@pytest.fixture(scope="module")
def attack_demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo store large enough for many country-quarters with a lone returnee."""
    return build_store(tmp_path_factory.mktemp("attack") / "demo.duckdb", demo=True, seed=11, rows=DEMO_ROWS)


@pytest.fixture(scope="module", params=["demo", "imported"])
def store_path(request, attack_demo_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store, or an empty store into which the demo's records were imported."""
    if request.param == "demo":
        return attack_demo_path
    folder = tmp_path_factory.mktemp("imported")
    source = duckdb.connect(str(attack_demo_path), read_only=True)
    records = source.execute("SELECT * EXCLUDE (batch_id, composite_computed) FROM survey_responses").df()
    source.close()
    records["survey_id"] = "I" + records["survey_id"]
    records["respondent_id"] = "P" + records["respondent_id"]
    csv = folder / "rss_records.csv"
    records.to_csv(csv, index=False)
    path = build_store(folder / "imported.duckdb", demo=False)
    # A fixed secret salt instead of a random one, so the suite gives the same result every run.
    connection = duckdb.connect(str(path))
    set_store_info(connection, {SALT_KEY: "attack-tests-imported", SALT_KIND_KEY: "secret"})
    connection.close()
    import_file(path, csv)
    return path


@pytest.fixture(scope="module")
def cursor(store_path: Path):
    store = ReadOnlyStore(store_path)
    yield store.cursor()
    store.close()


@pytest.fixture(scope="module")
def sizes(cursor) -> pd.DataFrame:
    return cursor.execute(GROUP_SIZES).df()


def quarter_label(quarter: str) -> str:
    year, month = quarter[:4], int(quarter[5:7])
    return f"{year}-Q{(month - 1) // 3 + 1}"


def one_quarter(iso3: str, quarter: str, last: str | None = None) -> Selection:
    return Selection(countries=(iso3,), period_start=quarter_label(quarter), period_end=quarter_label(last or quarter))


def sums(frame: pd.DataFrame, code: str, n: float) -> np.ndarray:
    """What an attacker reads: a group's published means times its true size."""
    row = frame.set_index("group_code").loc[code]
    return np.array([row[f"{m}_mean"] for m in MEASURES], dtype=float) * n


def true_scores(cursor, selection: Selection, grouping: str, code: str) -> np.ndarray:
    exact = q.group_means(cursor, selection, grouping, min_group_size=1, disclosure=EXACT).set_index("group_code")
    return np.array([exact.at[code, f"{m}_mean"] for m in MEASURES], dtype=float)


def judge(errors: list[np.ndarray], disclosure, *, max_share_within: float = MAX_SHARE_WITHIN,
          min_median_error: float = MIN_MEDIAN_ERROR) -> None:
    """Every recovery is exact without protection; protected, recoveries are mostly far off."""
    assert errors, "the store offers no instance of this attack"
    flat = np.abs(np.concatenate(errors))
    if disclosure.exact:
        assert flat.max() < 1e-9
    else:
        assert np.mean(flat <= 0.05) <= max_share_within, np.mean(flat <= 0.05)
        if len(flat) >= MIN_ERRORS_FOR_MEDIAN:  # a median of a handful says little either way
            assert np.median(flat) > min_median_error, np.median(flat)


def lone_group_instances(sizes: pd.DataFrame, grouping: str) -> list[tuple[str, str, str, str]]:
    """(country, first quarter, last quarter, group) where one group holds one returnee and every
    other group of the grouping, and the country, are shown."""
    return small_group_instances(sizes, grouping, 1)


def small_group_instances(sizes: pd.DataFrame, grouping: str, size: int) -> list[tuple[str, str, str, str]]:
    """(country, first quarter, last quarter, group) where one group holds ``size`` returnees
    (below the minimum) and every other group of the grouping, and the country, are shown; one
    instance per distinct set of records."""
    keys = ["iso3", "first", "last"]
    cells = sizes[sizes["grouping_key"] == grouping].groupby([*keys, "group_value"], as_index=False).agg(
        n=("n", "sum"), cell_key=("cell_key", "sum"))
    cells["small"] = cells["n"] == size
    cells["other_n"] = cells["n"].where(~cells["small"])
    cells["signature"] = cells["group_value"] + ":" + cells["n"].astype(str) + ":" + (cells["cell_key"] % 256).astype(str)
    views = cells.groupby(keys).agg(smalls=("small", "sum"), groups=("n", "size"), smallest_other=("other_n", "min"),
                                    signature=("signature", lambda parts: "|".join(sorted(parts))))
    views = views[(views["smalls"] == 1) & (views["groups"] > 1) & (views["smallest_other"] >= MINIMUM)]
    views = views.reset_index().drop_duplicates(["iso3", "signature"])
    small = cells[cells["small"]].merge(views, on=keys)
    found = list(small[[*keys, "group_value"]].itertuples(index=False, name=None))
    return found[:MAX_INSTANCES]


@pytest.mark.parametrize("disclosure", [PROTECTED, EXACT], ids=["protected", "exact"])
@pytest.mark.parametrize("grouping", ATTRIBUTES)
def test_differencing_a_grouping_against_the_total_reveals_no_score(cursor, sizes, grouping, disclosure):
    errors = []
    for iso3, first, last, lone in lone_group_instances(sizes, grouping):
        selection = one_quarter(iso3, first, last)
        exact = q.group_means(cursor, selection, grouping, min_group_size=1, disclosure=EXACT).set_index("group_code")
        total = q.group_means(cursor, selection, "country", min_group_size=MINIMUM, disclosure=disclosure)
        split = q.group_means(cursor, selection, grouping, min_group_size=MINIMUM, disclosure=disclosure)
        assert split.set_index("group_code").at[lone, "suppressed"]
        recovered = sums(total, iso3, exact["n"].sum())
        for code in split["group_code"]:
            if code != lone:
                recovered = recovered - sums(split, code, exact.at[code, "n"])
        errors.append(recovered - np.array([exact.at[lone, f"{m}_mean"] for m in MEASURES], dtype=float))
    judge(errors, disclosure)


@pytest.mark.parametrize("grouping", ["sex", "age_group", "assistance_type"])
def test_differencing_reveals_no_mean_of_the_largest_suppressed_groups(cursor, sizes, grouping):
    """A group one short of the minimum, recovered by the same differencing: its mean scores stay
    uncertain by more than ±0.05 (the attacker's 95% interval, from the error's spread), and most
    recoveries miss by more than 0.05."""
    size = MINIMUM - 1
    errors = []
    for iso3, first, last, small in small_group_instances(sizes, grouping, size):
        selection = one_quarter(iso3, first, last)
        exact = q.group_means(cursor, selection, grouping, min_group_size=1, disclosure=EXACT).set_index("group_code")
        total = q.group_means(cursor, selection, "country", min_group_size=MINIMUM)
        split = q.group_means(cursor, selection, grouping, min_group_size=MINIMUM)
        recovered = sums(total, iso3, exact["n"].sum())
        for code in split["group_code"]:
            if code != small:
                recovered = recovered - sums(split, code, exact.at[code, "n"])
        errors.append(recovered / size - np.array([exact.at[small, f"{m}_mean"] for m in MEASURES], dtype=float))
    assert errors, "the store offers no instance of this attack"
    flat = np.concatenate(errors)
    assert 1.96 * np.sqrt(np.mean(flat**2)) > 0.05, np.sqrt(np.mean(flat**2))
    assert np.mean(np.abs(flat) <= 0.05) <= 0.45, np.mean(np.abs(flat) <= 0.05)


@pytest.mark.parametrize("disclosure", [PROTECTED, EXACT], ids=["protected", "exact"])
def test_a_region_against_its_countries_reveals_no_score(cursor, sizes, disclosure):
    regions = dict(cursor.execute("SELECT action_code, region_code FROM actions").fetchall())
    countries = sizes[sizes["grouping_key"] == "none"].assign(region=lambda frame: frame["action_code"].map(regions))
    countries = countries.groupby(["region", "first", "last", "iso3"], as_index=False).agg(
        n=("n", "sum"), cell_key=("cell_key", "sum"))
    errors, seen = [], set()
    for (region, first, last), group in countries.groupby(["region", "first", "last"]):
        lone = group[group["n"] == 1]
        others = tuple(sorted(group.loc[group["n"] != 1, "iso3"]))
        signature = (region, *sorted(zip(group["iso3"], group["n"], group["cell_key"] % 256, strict=True)))
        if len(lone) != 1 or group["n"].sum() - 1 < MINIMUM or signature in seen:
            continue
        seen.add(signature)
        target = lone["iso3"].iloc[0]
        period = {"period_start": quarter_label(first), "period_end": quarter_label(last)}
        whole, rest = Selection(regions=(region,), **period), Selection(regions=(region,), countries=others, **period)
        n_whole = int(group["n"].sum())
        recovered = (sums(q.group_means(cursor, whole, "region", min_group_size=MINIMUM, disclosure=disclosure),
                          region, n_whole)
                     - sums(q.group_means(cursor, rest, "region", min_group_size=MINIMUM, disclosure=disclosure),
                            region, n_whole - 1))
        errors.append(recovered - true_scores(cursor, whole, "country", target))
        if len(errors) >= MAX_INSTANCES:
            break
    judge(errors, disclosure)


@pytest.mark.parametrize("disclosure", [PROTECTED, EXACT], ids=["protected", "exact"])
def test_overlapping_periods_reveal_no_score(cursor, sizes, disclosure):
    """A period minus the same period without its first quarter: the returnees whose latest
    response in the period falls in that first quarter."""
    countries = sizes[sizes["grouping_key"] == "none"].groupby(["iso3", "first", "last"])
    totals, keys = countries["n"].sum().to_dict(), (countries["cell_key"].sum() % 256).to_dict()
    errors, seen = [], set()
    for (iso3, first, last), n_both in totals.items():
        second = str((pd.Timestamp(first) + pd.DateOffset(months=3)).date())
        n_later = totals.get((iso3, second, last), 0)
        if second > last or n_later < MINIMUM or n_both - n_later != 1:
            continue
        signature = (iso3, n_both, keys[(iso3, first, last)], n_later, keys[(iso3, second, last)])
        if signature in seen:
            continue
        seen.add(signature)
        both, later = one_quarter(iso3, first, last), one_quarter(iso3, second, last)
        truth = (sums(q.group_means(cursor, both, "country", min_group_size=1, disclosure=EXACT), iso3, n_both)
                 - sums(q.group_means(cursor, later, "country", min_group_size=1, disclosure=EXACT), iso3, n_later))
        recovered = (sums(q.group_means(cursor, both, "country", min_group_size=MINIMUM, disclosure=disclosure),
                          iso3, n_both)
                     - sums(q.group_means(cursor, later, "country", min_group_size=MINIMUM, disclosure=disclosure),
                            iso3, n_later))
        errors.append(recovered - truth)
        if len(errors) >= MAX_INSTANCES:
            break
    judge(errors, disclosure)


def moments(row: pd.Series, n: float, measure: str) -> tuple[float, float]:
    """Sum and sum of squares read back from a published mean and its interval."""
    mean = row[f"{measure}_mean"]
    half = (row[f"{measure}_ci_high"] - row[f"{measure}_ci_low"]) / 2
    sd = half / q.t_quantile_975(int(n) - 1) * math.sqrt(n)
    return n * mean, (n - 1) * sd**2 + n * mean**2


@pytest.mark.parametrize("disclosure", [PROTECTED, EXACT], ids=["protected", "exact"])
def test_means_with_spreads_reveal_no_pair(cursor, sizes, disclosure):
    """Two women in a country's quarter: sums and sums of squares of the total minus the men
    give both women's scores (the roots of a quadratic); the spreads are read back from the
    published intervals, as a visitor would."""
    cells = sizes[sizes["grouping_key"] == "sex"].pivot_table(index=["iso3", "first", "last"], aggfunc="sum",
                                                              columns="group_value", values="n", fill_value=0)
    keys = sizes[sizes["grouping_key"] == "sex"].pivot_table(index=["iso3", "first", "last"], aggfunc="sum",
                                                             columns="group_value", values="cell_key", fill_value=0)
    errors, seen = [], set()
    for (iso3, first, last), counts in cells.iterrows():
        if counts.get("female", 0) != 2 or counts.get("male", 0) < MINIMUM:
            continue
        signature = (iso3, *(keys.loc[(iso3, first, last)] % 256), *counts)
        if signature in seen:
            continue
        seen.add(signature)
        selection = one_quarter(iso3, first, last)
        n_total, n_men = 2 + counts["male"], counts["male"]
        total = q.group_means(cursor, selection, "country", min_group_size=MINIMUM, disclosure=disclosure).iloc[0]
        men = q.group_means(cursor, selection, "sex", min_group_size=MINIMUM,
                            disclosure=disclosure).set_index("group_code").loc["male"]
        truth = q.group_means(cursor, selection, "sex", min_group_size=1, disclosure=EXACT)
        for measure in MEASURES:
            total_sum, total_squares = moments(total, n_total, measure)
            men_sum, men_squares = moments(men, n_men, measure)
            pair_sum, pair_squares = total_sum - men_sum, total_squares - men_squares
            spread = math.sqrt(max(pair_squares / 2 - pair_sum**2 / 4, 0.0))
            recovered = sorted([pair_sum / 2 - spread, pair_sum / 2 + spread])
            exact_women = truth.set_index("group_code").loc["female"]
            mean, sd = exact_women[f"{measure}_mean"], exact_women[f"{measure}_sd"]
            actual = sorted([mean - sd / math.sqrt(2), mean + sd / math.sqrt(2)])
            errors.append(np.array(recovered) - np.array(actual))
        if len(errors) >= MAX_INSTANCES * 4:
            break
    # Guessing both women at the men's published mean lands within ±0.05 about 30% of the time
    # (scores spread by about 0.13): the attack must do no better than that.
    judge(errors, disclosure, max_share_within=PAIR_MAX_SHARE_WITHIN, min_median_error=PAIR_MIN_MEDIAN_ERROR)


@pytest.mark.parametrize("disclosure", [PROTECTED, EXACT], ids=["protected", "exact"])
def test_sweeping_the_threshold_does_not_locate_a_lone_returnee(cursor, sizes, disclosure):
    """Shares at every threshold the page offers, for the total and the men: the step in their
    difference is where the lone woman's composite lies. The attacker fits that step by least
    squares and takes the middle of the step's bin. Exact (0.01 thresholds) that lands within
    ±0.01; protected (a 0.1 grid, perturbed counts) no more often within ±0.05 than guessing
    without the sweep: the country's published mean, or the middle of the range."""
    step = 0.01 if disclosure.exact else sdc.THRESHOLD_GRID
    thresholds = np.round(np.arange(0.3, 0.8 + 1e-9, step), 2)
    errors, guesses = [], []
    for iso3, first, last, lone in lone_group_instances(sizes, "sex"):
        selection = one_quarter(iso3, first, last)
        truth = q.group_means(cursor, selection, "sex", min_group_size=1,
                              disclosure=EXACT).set_index("group_code").at[lone, "composite_mean"]
        if not 0.3 <= truth <= 0.8:
            continue
        steps = []
        for threshold in thresholds:
            total = q.threshold_shares(cursor, selection, "country", "composite", float(threshold),
                                       min_group_size=MINIMUM, disclosure=disclosure)["at_or_above"].iloc[0]
            split = q.threshold_shares(cursor, selection, "sex", "composite", float(threshold),
                                       min_group_size=MINIMUM, disclosure=disclosure)
            steps.append(total - split.loc[split["group_code"] != lone, "at_or_above"].iloc[0])
        located = step_location(thresholds, np.array(steps, dtype=float))
        errors.append(abs(located - truth) if disclosure.exact else abs(located + step / 2 - truth))
        published = q.group_means(cursor, selection, "country", min_group_size=MINIMUM,
                                  disclosure=disclosure)["composite_mean"].iloc[0]
        guesses.append((abs(published - truth), abs(0.55 - truth)))
        if len(errors) >= (4 if disclosure.exact else 30):
            break
    assert errors, "the store offers no instance of this attack"
    if disclosure.exact:
        assert max(errors) <= 0.01 + 1e-9
        return
    within = np.mean(np.array(errors) <= 0.05)
    best_guess = max(np.mean(np.array(guesses)[:, column] <= 0.05) for column in (0, 1))
    assert within <= best_guess + 0.1, (within, best_guess)


def step_location(thresholds: np.ndarray, counts: np.ndarray) -> float:
    """Where a downward unit step in ``counts`` lies, by least squares (the last threshold at or
    below the score)."""
    best, location = None, float(thresholds[0])
    for k in range(1, len(counts) + 1):
        left, right = counts[:k], counts[k:]
        error = ((left - left.mean()) ** 2).sum() + (((right - right.mean()) ** 2).sum() if len(right) else 0)
        if best is None or error < best:
            best, location = error, float(thresholds[k - 1])
    return location


def test_the_same_query_repeated_gives_the_same_figures(cursor, store_path, sizes):
    """Repeating a view (on another connection too) cannot average the perturbation away."""
    iso3, first, last, _ = lone_group_instances(sizes, "sex")[0]
    selection = one_quarter(iso3, first, last)
    first = q.group_means(cursor, selection, "sex", min_group_size=MINIMUM)
    other = ReadOnlyStore(store_path)
    try:
        for _ in range(3):
            pd.testing.assert_frame_equal(q.group_means(other.cursor(), selection, "sex", min_group_size=MINIMUM), first)
    finally:
        other.close()
    # The same group in another chart carries the same figures.
    compared = q.compare_groups(cursor, selection, "sex", "male", "female", min_group_size=MINIMUM).set_index("measure")
    male = first.set_index("group_code").loc["male"]
    for measure in MEASURES:
        assert compared.at[measure, "a_mean"] == male[f"{measure}_mean"]
        assert compared.at[measure, "b_status"] == "suppressed"


def test_large_groups_stay_within_the_stated_precision(cursor):
    """Counts move by at most 2, means by at most 2.9 × 0.2 / n, quantiles by 2.9 × 0.2 / n
    plus the 0.01 bin, shares by (2 + 2 · share) / n; intervals still hold the exact mean."""
    bound = sdc.MAX_NORMAL * sdc.SUM_NOISE_SD
    for grouping in ("region", "country", "sex", "age_group", "months"):
        exact = q.group_means(cursor, Selection(), grouping, min_group_size=MINIMUM, disclosure=EXACT)
        protected = q.group_means(cursor, Selection(), grouping, min_group_size=MINIMUM)
        pd.testing.assert_series_equal(exact["suppressed"], protected["suppressed"])
        shown = ~exact["suppressed"]
        n = exact.loc[shown, "n"]
        assert (np.abs(protected.loc[shown, "n"] - n) <= 2).all()
        for measure in MEASURES:
            moved = np.abs(protected.loc[shown, f"{measure}_mean"] - exact.loc[shown, f"{measure}_mean"])
            assert (moved <= bound / n + 1e-12).all()
            assert (protected.loc[shown, f"{measure}_ci_low"] <= exact.loc[shown, f"{measure}_mean"]).all() or \
                (n < 30).any()
        exact_box = q.group_distribution(cursor, Selection(), grouping, "composite", min_group_size=MINIMUM,
                                         disclosure=EXACT)
        box = q.group_distribution(cursor, Selection(), grouping, "composite", min_group_size=MINIMUM)
        for column in ("p05", "q1", "median", "q3", "p95"):
            moved = np.abs(box[column] - exact_box[column]).dropna()
            assert (moved <= bound / exact_box["n"].dropna() + 0.01).all()
        exact_shares = q.threshold_shares(cursor, Selection(), grouping, "composite", 0.6, min_group_size=MINIMUM,
                                          disclosure=EXACT)
        shares = q.threshold_shares(cursor, Selection(), grouping, "composite", 0.6, min_group_size=MINIMUM)
        moved = np.abs(shares["share"] - exact_shares["share"]).dropna()
        assert (moved <= (2 + 2 * exact_shares["share"].dropna()) / (exact_shares["n"].dropna() - 2) + 1e-12).all()


def test_changes_between_rounds_hide_a_lone_returnee(cursor, sizes):
    """The paired change of a country against the same view by sex with one woman suppressed."""
    errors = []
    exact_all = q.round_changes(cursor, Selection(), "country", min_group_size=1, disclosure=EXACT)
    for iso3 in exact_all["group_code"]:
        selection = Selection(countries=(iso3,))
        by_sex = q.round_changes(cursor, selection, "sex", min_group_size=1, disclosure=EXACT).set_index("group_code")
        if by_sex.get("n", pd.Series(dtype=float)).get("female", 0) != 1 or by_sex.at["male", "n"] < MINIMUM:
            continue
        total = q.round_changes(cursor, selection, "country", min_group_size=MINIMUM).set_index("group_code")
        split = q.round_changes(cursor, selection, "sex", min_group_size=MINIMUM).set_index("group_code")
        assert split.at["female", "suppressed"]
        n_total = by_sex["n"].sum()
        recovered = np.array([total.at[iso3, f"{m}_change"] * n_total - split.at["male", f"{m}_change"]
                              * by_sex.at["male", "n"] for m in MEASURES])
        errors.append(recovered - np.array([by_sex.at["female", f"{m}_change"] for m in MEASURES]))
    if errors:
        judge(errors, PROTECTED)
