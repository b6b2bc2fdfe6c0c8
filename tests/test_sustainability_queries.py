"""Sustainability statistics against values computed independently from the literal rows.

Expected values come from Python's ``statistics``/``math`` on TINY_SURVEYS and from published
tables (Student's t quantiles, Wilson intervals), never from the code under test.
"""

from __future__ import annotations

import math
import statistics

import pandas as pd
import pytest

from dashboard.build.aggregates import MONTH_BAND_CASE
from dashboard.selection import Selection
from dashboard.sustainability import queries as q
from dashboard.sustainability.disclosure import EXACT

from conftest import TINY_SURVEYS

# Published 97.5th percentiles of Student's t (df -> t).
T_TABLE = {
    1: 12.7062047361747,
    2: 4.30265272974946,
    3: 3.18244630528371,
    4: 2.77644510519779,
    5: 2.57058183563631,
    10: 2.22813885198627,
    30: 2.04227245630124,
    100: 1.98397151852355,
    1000: 1.96233908082641,
}
REGION_OF_ACTION = {"JI-SLC": "WCA", "JI-HOA": "EHOA", "PILOT": "SAF"}
FIELDS = (
    "id",
    "action",
    "iso3",
    "date",
    "months",
    "sex",
    "age_group",
    "assistance_type",
    "assistance_level",
    "referral",
    "economic",
    "social",
    "psychosocial",
)


def records() -> list[dict]:
    """TINY_SURVEYS as dicts, with the composite the fixture stores and the derived groups."""
    rows = []
    for values in TINY_SURVEYS:
        row = dict(zip(FIELDS, values, strict=True))
        row["composite"] = round((row["economic"] + row["social"] + row["psychosocial"]) / 3, 4)
        row["region"] = REGION_OF_ACTION[row["action"]]
        row["country"] = row["iso3"]
        rows.append(row)
    return rows


def band(months: int) -> str:
    """Months-since-return band, written out independently of the SQL."""
    for upper, name in ((6, "0-5"), (12, "6-11"), (18, "12-17"), (24, "18-23")):
        if months < upper:
            return name
    return "24+"


def group_key(row: dict, grouping: str) -> str:
    return band(row["months"]) if grouping == "months" else row[grouping]


def expected_groups(grouping: str, keep=lambda row: True) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = {}
    for row in records():
        if keep(row):
            groups.setdefault(group_key(row, grouping), []).append(row)
    return groups


def t_interval(values: list[float]) -> tuple[float, float, float]:
    mean = statistics.mean(values)
    half = T_TABLE[len(values) - 1] * statistics.stdev(values) / math.sqrt(len(values))
    return mean, mean - half, mean + half


def assert_suppressed_rows_are_blank(frame: pd.DataFrame, keep: tuple[str, ...]) -> None:
    """Every column of a suppressed row except the identifying ones is missing."""
    for row in frame[frame["suppressed"]].to_dict("records"):
        values = {
            key: value for key, value in row.items() if key not in keep and key != "suppressed"
        }
        assert all(pd.isna(value) for value in values.values()), row


# ---------------------------------------------------------------- t and Wilson
@pytest.mark.parametrize(("df", "expected"), sorted(T_TABLE.items()))
def test_t_quantile_matches_published_table(df, expected):
    assert q.t_quantile_975(df) == pytest.approx(expected, abs=1e-9)


def test_t_quantile_tends_to_the_normal_quantile():
    assert q.t_quantile_975(10_000_000) == pytest.approx(1.959964, abs=1e-6)
    assert q.t_quantile_975(300) > q.t_quantile_975(301) > 1.959964
    with pytest.raises(ValueError):
        q.t_quantile_975(0)


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        (3, 4, 0.3006418, 0.9544127),  # published Wilson bounds
        (1, 2, 0.0945312, 0.9054688),
        (0, 10, 0.0, 0.2775328),
        (10, 10, 0.7224672, 1.0),
        (50, 100, 0.4038315, 0.5961685),
    ],
)
def test_wilson_interval_matches_published_values(successes, n, low, high):
    lows, highs = q.wilson_interval(pd.Series([successes]), pd.Series([n]))
    assert lows.iloc[0] == pytest.approx(low, abs=1e-6)
    assert highs.iloc[0] == pytest.approx(high, abs=1e-6)


# ---------------------------------------------------------------- means
def offered(cursor, grouping: str) -> set[str]:
    """Every group a view offers, whether it holds records or not."""
    return set(q.offered_codes(cursor, Selection(), grouping))


def test_group_means_by_region_match_independent_computation(tiny_cursor):
    by_group = q.group_means(
        tiny_cursor, Selection(), "region", min_group_size=2, disclosure=EXACT
    ).set_index("group_code")
    # Every region is listed; those without a respondent are suppressed like small ones.
    assert list(by_group.index) == ["APAC", "EHOA", "MENA", "SAF", "WCA"]
    assert by_group.loc[["APAC", "MENA"], "suppressed"].all()
    for region, rows in expected_groups("region").items():
        if len(rows) < 2:
            continue
        assert not by_group.at[region, "suppressed"]
        assert by_group.at[region, "n"] == len(rows)
        for measure in q.MEASURES:
            mean, low, high = t_interval([row[measure] for row in rows])
            assert by_group.at[region, f"{measure}_mean"] == pytest.approx(mean, abs=1e-12)
            assert by_group.at[region, f"{measure}_sd"] == pytest.approx(
                statistics.stdev([row[measure] for row in rows])
            )
            assert by_group.at[region, f"{measure}_ci_low"] == pytest.approx(low, abs=1e-9)
            assert by_group.at[region, f"{measure}_ci_high"] == pytest.approx(high, abs=1e-9)
    # The intervals are raw (not clipped): Southern Africa's economic interval runs below 0.
    assert by_group.at["SAF", "economic_ci_low"] < 0


def test_a_group_under_the_minimum_carries_no_value(tiny_cursor):
    by_group = q.group_means(tiny_cursor, Selection(), "region", min_group_size=2, disclosure=EXACT)
    ehoa = by_group[by_group["group_code"] == "EHOA"].iloc[0]
    assert bool(ehoa["suppressed"])
    assert_suppressed_rows_are_blank(by_group, keep=("group_code",))


@pytest.mark.parametrize("grouping", list(q.GROUPINGS))
def test_every_grouping_counts_every_record_once(tiny_cursor, grouping):
    by_group = q.group_means(
        tiny_cursor, Selection(), grouping, min_group_size=1, disclosure=EXACT
    ).set_index("group_code")
    expected = expected_groups(grouping)
    assert set(by_group.index) == offered(tiny_cursor, grouping) | set(expected)
    empty = by_group.loc[sorted(set(by_group.index) - set(expected))]
    assert empty["suppressed"].all() and empty["n"].isna().all()
    for code, rows in expected.items():
        assert by_group.at[code, "n"] == len(rows)
        assert by_group.at[code, "composite_mean"] == pytest.approx(
            statistics.mean(row["composite"] for row in rows)
        )


@pytest.mark.parametrize("grouping", list(q.GROUPINGS))
@pytest.mark.parametrize("minimum", [2, 3, 4])
def test_suppression_applies_to_every_grouping_and_every_frame(tiny_cursor, grouping, minimum):
    expected = expected_groups(grouping)
    small = {code for code, rows in expected.items() if len(rows) < minimum}
    small |= offered(tiny_cursor, grouping) - set(expected)
    code = next(iter(sorted(expected)))
    frames = {
        "means": q.group_means(
            tiny_cursor, Selection(), grouping, min_group_size=minimum, disclosure=EXACT
        ),
        "distribution": q.group_distribution(
            tiny_cursor, Selection(), grouping, "economic", min_group_size=minimum, disclosure=EXACT
        ),
        "shares": q.threshold_shares(
            tiny_cursor,
            Selection(),
            grouping,
            "economic",
            0.5,
            min_group_size=minimum,
            disclosure=EXACT,
        ),
    }
    for frame in frames.values():
        assert set(frame.loc[frame["suppressed"], "group_code"]) == small
        assert frame.loc[frame["suppressed"], "n"].isna().all()
        assert_suppressed_rows_are_blank(frame, keep=("group_code",))
    over_time = q.means_over_time(
        tiny_cursor, Selection(), grouping, "economic", min_group_size=minimum, disclosure=EXACT
    )
    assert_suppressed_rows_are_blank(over_time, keep=("group_code", "months_band"))
    assert (over_time["n"].dropna() >= minimum).all()
    compared = q.compare_groups(
        tiny_cursor, Selection(), grouping, code, code, min_group_size=minimum, disclosure=EXACT
    )
    if code in small:
        assert set(compared["a_status"]) == {"suppressed"}
        assert compared[["a_n", "a_mean", "a_ci_low", "a_ci_high", "difference"]].isna().all().all()


def test_filters_restrict_the_records(tiny_cursor):
    wca = Selection(regions=("WCA",))
    by_sex = q.group_means(tiny_cursor, wca, "sex", min_group_size=1, disclosure=EXACT).set_index(
        "group_code"
    )
    expected = expected_groups("sex", keep=lambda row: row["region"] == "WCA")
    assert {code: int(by_sex.at[code, "n"]) for code in by_sex.index} == {
        code: len(rows) for code, rows in expected.items()
    }
    # The period filter applies to the survey date: 2020-Q3 holds T5 only.
    late = q.group_means(
        tiny_cursor,
        Selection(period_start="2020-Q3", period_end="2020-Q4"),
        "action",
        min_group_size=1,
        disclosure=EXACT,
    )
    late = late[~late["suppressed"]]
    assert late["group_code"].tolist() == ["JI-HOA"] and late["n"].tolist() == [1]
    assert late["economic_mean"].tolist() == [0.3]
    # The pillar filter does not apply to survey scores (the page disables it and says why).
    pillars = q.group_means(
        tiny_cursor, Selection(pillars=(1,)), "action", min_group_size=1, disclosure=EXACT
    )
    everything = q.group_means(
        tiny_cursor, Selection(), "action", min_group_size=1, disclosure=EXACT
    )
    pd.testing.assert_frame_equal(pillars, everything)


def test_filters_that_match_nobody_list_the_offered_groups_as_too_few(tiny_cursor):
    nothing = Selection(actions=("RADA",))
    for frame in (
        q.group_means(tiny_cursor, nothing, "region", min_group_size=1, disclosure=EXACT),
        q.group_distribution(
            tiny_cursor, nothing, "region", "social", min_group_size=1, disclosure=EXACT
        ),
        q.threshold_shares(
            tiny_cursor, nothing, "region", "social", 0.5, min_group_size=1, disclosure=EXACT
        ),
    ):
        assert frame["group_code"].tolist() == ["APAC"] and frame["suppressed"].all()
        assert_suppressed_rows_are_blank(frame, keep=("group_code",))
    assert q.means_over_time(
        tiny_cursor, nothing, "region", "social", min_group_size=1, disclosure=EXACT
    ).empty
    compared = q.compare_groups(
        tiny_cursor, nothing, "region", "WCA", "EHOA", min_group_size=1, disclosure=EXACT
    )
    # An empty group reads exactly like a small one.
    assert set(compared["a_status"]) == set(compared["b_status"]) == {"suppressed"}


def test_injection_shaped_values_are_just_values(tiny_cursor):
    evil = "GIN' OR '1'='1"
    assert q.group_means(
        tiny_cursor, Selection(countries=(evil,)), "region", min_group_size=1, disclosure=EXACT
    ).empty
    compared = q.compare_groups(
        tiny_cursor,
        Selection(),
        "country",
        "GIN'); DROP TABLE survey_responses; --",
        "MLI",
        min_group_size=1,
        disclosure=EXACT,
    )
    assert set(compared["a_status"]) == {"suppressed"} and set(compared["b_status"]) == {"shown"}
    assert tiny_cursor.execute("SELECT count(*) FROM survey_responses").fetchone()[0] == len(
        TINY_SURVEYS
    )


@pytest.mark.parametrize(
    "bad", ["sex; DROP TABLE survey_responses", "s.sex", "", "REGION", None, 1]
)
def test_unknown_groupings_are_rejected_before_sql(tiny_cursor, bad):
    with pytest.raises(ValueError):
        q.group_means(tiny_cursor, Selection(), bad, min_group_size=1, disclosure=EXACT)
    with pytest.raises(ValueError):
        q.compare_groups(
            tiny_cursor, Selection(), bad, "a", "b", min_group_size=1, disclosure=EXACT
        )
    with pytest.raises(ValueError):
        q.group_codes(tiny_cursor, bad)


@pytest.mark.parametrize("bad", ["economic_score", "economic) FROM x --", "total", None])
def test_unknown_measures_are_rejected_before_sql(tiny_cursor, bad):
    with pytest.raises(ValueError):
        q.group_distribution(
            tiny_cursor, Selection(), "sex", bad, min_group_size=1, disclosure=EXACT
        )
    with pytest.raises(ValueError):
        q.threshold_shares(
            tiny_cursor, Selection(), "sex", bad, 0.5, min_group_size=1, disclosure=EXACT
        )
    with pytest.raises(ValueError):
        q.means_over_time(tiny_cursor, Selection(), "sex", bad, min_group_size=1, disclosure=EXACT)


def test_bad_minimum_and_threshold_are_rejected(tiny_cursor):
    for minimum in (0, -1, 2.5, True, "10"):
        with pytest.raises(ValueError):
            q.group_means(tiny_cursor, Selection(), "sex", min_group_size=minimum, disclosure=EXACT)
    for threshold in (-0.1, 1.5, "0.5", float("nan")):
        with pytest.raises(ValueError):
            q.threshold_shares(
                tiny_cursor,
                Selection(),
                "sex",
                "economic",
                threshold,
                min_group_size=1,
                disclosure=EXACT,
            )


# ---------------------------------------------------------------- distribution
def linear_percentile(values: list[float], share: float) -> float:
    """Percentile with linear interpolation between closest ranks (type 7), written out."""
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    lower = math.floor(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def test_distribution_percentiles_match_independent_computation(tiny_cursor):
    by_group = q.group_distribution(
        tiny_cursor, Selection(), "sex", "social", min_group_size=3, disclosure=EXACT
    ).set_index("group_code")
    for sex, rows in expected_groups("sex").items():
        values = [row["social"] for row in rows]
        assert by_group.at[sex, "n"] == len(values)
        assert by_group.at[sex, "mean"] == pytest.approx(statistics.mean(values))
        for column, share in (
            ("p05", 0.05),
            ("q1", 0.25),
            ("median", 0.5),
            ("q3", 0.75),
            ("p95", 0.95),
        ):
            # Quantiles come from 0.01-wide pre-aggregated bins: accurate to one bin.
            assert by_group.at[sex, column] == pytest.approx(
                linear_percentile(values, share), abs=0.01
            ), column
    assert by_group.at["male", "median"] == pytest.approx(
        statistics.median([0.5, 0.4, 0.8, 0.5]), abs=0.01
    )


# ---------------------------------------------------------------- threshold shares
def test_threshold_shares_count_a_score_equal_to_the_threshold(tiny_cursor):
    # T2's economic score is exactly 0.5: it counts as at or above 0.5.
    shares = q.threshold_shares(
        tiny_cursor, Selection(), "action", "economic", 0.5, min_group_size=2, disclosure=EXACT
    )
    shares = shares.set_index("group_code")
    for action, rows in expected_groups("action").items():
        if len(rows) < 2:
            assert shares.at[action, "suppressed"]
            continue
        above = sum(row["economic"] >= 0.5 for row in rows)
        assert shares.at[action, "at_or_above"] == above
        assert shares.at[action, "share"] == pytest.approx(above / len(rows))
    assert shares.at["JI-SLC", "at_or_above"] == 3  # 0.6, 0.5 (equal), 0.9 ; not 0.2
    assert shares.at["JI-SLC", "ci_low"] == pytest.approx(0.3006418, abs=1e-6)
    assert shares.at["JI-SLC", "ci_high"] == pytest.approx(0.9544127, abs=1e-6)
    just_above = q.threshold_shares(
        tiny_cursor, Selection(), "action", "economic", 0.51, min_group_size=2, disclosure=EXACT
    )
    assert just_above.set_index("group_code").at["JI-SLC", "at_or_above"] == 2


@pytest.mark.parametrize("threshold", [0.0, 0.3, 0.5, 0.65, 1.0])
def test_threshold_shares_for_every_measure(tiny_cursor, threshold):
    for measure in q.MEASURES:
        shares = q.threshold_shares(
            tiny_cursor, Selection(), "sex", measure, threshold, min_group_size=1, disclosure=EXACT
        )
        shares = shares.set_index("group_code")
        for sex, rows in expected_groups("sex").items():
            assert shares.at[sex, "at_or_above"] == sum(row[measure] >= threshold for row in rows)


# ---------------------------------------------------------------- months bands and over time
def test_months_band_boundaries(tiny_cursor):
    months = [0, 5, 6, 11, 12, 17, 18, 23, 24, 240]
    sql = (
        f"SELECT {MONTH_BAND_CASE} FROM (VALUES {', '.join(f'({m})' for m in months)}) "
        "AS s(months_since_return)"
    )
    bands = [row[0] for row in tiny_cursor.execute(sql).fetchall()]
    assert bands == ["0-5", "0-5", "6-11", "6-11", "12-17", "12-17", "18-23", "18-23", "24+", "24+"]
    assert bands == [band(m) for m in months]


def test_means_over_time_match_independent_computation(tiny_cursor):
    by_band = q.means_over_time(
        tiny_cursor, Selection(), "sex", "economic", min_group_size=2, disclosure=EXACT
    )
    cells = {(row["group_code"], row["months_band"]): row for row in by_band.to_dict("records")}
    expected: dict[tuple[str, str], list[float]] = {}
    for row in records():
        expected.setdefault((row["sex"], band(row["months"])), []).append(row["economic"])
    assert set(cells) == set(expected)
    for key, values in expected.items():
        cell = cells[key]
        if len(values) < 2:
            assert cell["suppressed"] and pd.isna(cell["mean"]) and pd.isna(cell["n"])
        else:
            mean, low, high = t_interval(values)
            assert (cell["n"], cell["mean"]) == (len(values), pytest.approx(mean))
            assert (cell["ci_low"], cell["ci_high"]) == (pytest.approx(low), pytest.approx(high))


def test_means_over_time_keeps_the_largest_groups_and_one_series_for_months(tiny_cursor):
    by_band = q.means_over_time(
        tiny_cursor,
        Selection(),
        "action",
        "social",
        min_group_size=1,
        max_series=2,
        disclosure=EXACT,
    )
    assert set(by_band["group_code"]) == {"JI-SLC", "PILOT"}  # 4 and 2 records; JI-HOA has 1
    by_months = q.means_over_time(
        tiny_cursor, Selection(), "months", "social", min_group_size=1, disclosure=EXACT
    )
    assert set(by_months["group_code"]) == {"all"}
    assert by_months["n"].sum() == len(TINY_SURVEYS)


# ---------------------------------------------------------------- comparison
def test_compare_groups_welch_difference(tiny_cursor):
    compared = q.compare_groups(
        tiny_cursor, Selection(), "sex", "female", "male", min_group_size=3, disclosure=EXACT
    )
    groups = expected_groups("sex")
    assert compared["measure"].tolist() == list(q.MEASURES)
    for row in compared.to_dict("records"):
        a = [r[row["measure"]] for r in groups["female"]]
        b = [r[row["measure"]] for r in groups["male"]]
        var_a, var_b = statistics.variance(a) / len(a), statistics.variance(b) / len(b)
        df = (var_a + var_b) ** 2 / (var_a**2 / (len(a) - 1) + var_b**2 / (len(b) - 1))
        assert math.floor(df) == 4  # every dimension: 4 degrees of freedom after rounding down
        half = T_TABLE[4] * math.sqrt(var_a + var_b)
        difference = statistics.mean(a) - statistics.mean(b)
        assert (row["a_status"], row["b_status"]) == ("shown", "shown")
        assert (row["a_n"], row["b_n"]) == (3, 4)
        assert row["welch_df"] == pytest.approx(df)
        assert row["difference"] == pytest.approx(difference)
        assert row["difference_ci_low"] == pytest.approx(difference - half)
        assert row["difference_ci_high"] == pytest.approx(difference + half)
        assert (row["a_ci_low"], row["a_ci_high"]) == tuple(
            pytest.approx(v) for v in t_interval(a)[1:]
        )


def test_compare_groups_with_a_suppressed_side(tiny_cursor):
    compared = q.compare_groups(
        tiny_cursor, Selection(), "sex", "female", "male", min_group_size=4, disclosure=EXACT
    )
    assert set(compared["a_status"]) == {"suppressed"} and set(compared["b_status"]) == {"shown"}
    assert (
        compared[["a_n", "a_mean", "a_ci_low", "a_ci_high", "difference", "difference_ci_low"]]
        .isna()
        .all()
        .all()
    )
    assert compared["b_n"].tolist() == [4, 4, 4, 4]


def test_group_codes_and_default_pairs(tiny_cursor):
    # The codes a view may offer come from the reference tables and vocabularies, never from the survey.
    assert q.group_codes(tiny_cursor, "region") == ["APAC", "EHOA", "MENA", "SAF", "WCA"]
    assert q.group_codes(tiny_cursor, "months") == sorted(q.MONTH_BANDS)
    assert q.default_pair("region", ["EHOA", "SAF", "WCA"]) == ("WCA", "EHOA")
    assert q.default_pair("sex", ["female", "male"]) == ("female", "male")
    assert q.default_pair("country", ["MLI", "MOZ"]) == ("MLI", "MOZ")
    assert q.default_pair("country", ["MLI"]) == ("MLI", "MLI")
    assert q.default_pair("country", []) == (None, None)
