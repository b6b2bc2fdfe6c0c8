"""Indicator queries on the tiny literal store: totals, trends, rankings, rates, published figures.

Expected values are added up by hand from ``TINY_INDICATORS`` in conftest.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.common import queries as shared_queries
from dashboard.pillars import queries as indicators
from dashboard.selection import Selection


def totals(cursor, selection: Selection) -> dict[str, float | None]:
    frame = indicators.indicator_totals(cursor, selection)
    return {
        row["indicator_code"]: (None if row["total"] != row["total"] else row["total"])
        for row in frame.to_dict("records")
    }


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (Selection(), 490),  # 10 + 90 + 50 + 40 + 200 + 30 + 70
        (Selection(regions=("WCA",)), 190),  # 10 + 90 + 50 + 40
        (Selection(statuses=("completed",)), 300),  # Libya 200 + Ethiopia 100
        (Selection(actions=("JI-SLC",), countries=("GIN",)), 150),
        (Selection(period_start="2019-Q2", period_end="2019-Q2"), 50),
        (Selection(period_start="2020-Q1"), 100),
    ],
)
def test_returns_assisted_total(tiny_cursor, selection, expected):
    assert totals(tiny_cursor, selection)["returns_assisted"] == expected


def test_totals_list_every_applicable_indicator_and_mark_missing_ones(tiny_cursor):
    everything = totals(tiny_cursor, Selection())
    assert len(everything) == 10
    assert everything["reintegration_started"] == 58  # 5 + 45 + 8
    assert everything["reintegration_completed"] == 20
    assert everything["community_projects"] == 3
    assert everything["officials_trained"] is None


def test_the_pillar_filter_keeps_that_pillars_indicators_only(tiny_cursor):
    pillar_three = totals(tiny_cursor, Selection(pillars=(3,)))
    assert pillar_three == {
        "community_projects": 3,
        "reintegration_completed": 20,
        "reintegration_started": 58,
    }


def test_applicable_indicators_follow_the_actions_pillars(tiny_cursor):
    # Prottasha applies pillars 1, 3 and 5: no return, arrival, data or stabilisation indicator.
    prottasha = totals(tiny_cursor, Selection(actions=("PROTTASHA",)))
    assert sorted(prottasha) == [
        "community_projects",
        "officials_trained",
        "people_reached_awareness",
        "reintegration_completed",
        "reintegration_started",
    ]
    assert set(prottasha.values()) == {None}
    assert totals(tiny_cursor, Selection(regions=("APAC",), pillars=(6,))) == {}


def test_trend_by_region_and_by_action(tiny_cursor):
    by_region = indicators.indicator_trend(tiny_cursor, Selection(), "returns_assisted", "region")
    rows = {
        (row["group_code"], row["period"].date()): row["value"]
        for row in by_region.to_dict("records")
    }
    assert rows == {
        ("EHOA", dt.date(2020, 7, 1)): 100,
        ("MENA", dt.date(2019, 1, 1)): 200,
        ("WCA", dt.date(2019, 1, 1)): 140,
        ("WCA", dt.date(2019, 4, 1)): 50,
    }
    assert (
        by_region.loc[by_region["group_code"] == "WCA", "name_fr"].iloc[0]
        == "Afrique centrale et de l’Ouest"
    )
    by_action = indicators.indicator_trend(
        tiny_cursor, Selection(regions=("WCA",)), "returns_assisted", "action"
    )
    assert by_action["group_code"].tolist() == ["JI-SLC", "JI-SLC"]
    assert by_action["value"].tolist() == [140, 50]
    assert by_action["name_en"].iloc[0] == "Sahel and Lake Chad"


def test_trend_is_empty_when_the_pillar_filter_excludes_the_indicator(tiny_cursor):
    assert indicators.indicator_trend(
        tiny_cursor, Selection(pillars=(3,)), "returns_assisted", "region"
    ).empty


def test_ranking_largest_first_with_and_without_sex(tiny_cursor):
    plain = shared_queries.country_ranking(
        tiny_cursor, Selection(), "returns_assisted", by_sex=False
    )
    assert list(zip(plain["iso3"], plain["value"], strict=True)) == [
        ("LBY", 200),
        ("GIN", 150),
        ("ETH", 100),
        ("MLI", 40),
    ]
    assert set(plain["sex"]) == {"total"}
    split = shared_queries.country_ranking(
        tiny_cursor, Selection(), "returns_assisted", by_sex=True
    )
    assert list(zip(split["iso3"], split["sex"], split["value"], strict=True)) == [
        ("LBY", "male", 200),
        ("GIN", "female", 10),
        ("GIN", "male", 140),
        ("ETH", "female", 30),
        ("ETH", "male", 70),
        ("MLI", "male", 40),
    ]
    assert split.loc[split["iso3"] == "GIN", "country_total"].tolist() == [150, 150]


def test_ranking_of_a_non_disaggregated_indicator_keeps_all(tiny_cursor):
    projects = shared_queries.country_ranking(
        tiny_cursor, Selection(), "community_projects", by_sex=True
    )
    assert projects[["iso3", "sex", "value"]].values.tolist() == [["MLI", "all", 3]]


@pytest.mark.parametrize(
    ("group_by", "expected"),
    [
        ("country", {"GIN": (50, 20, 0.4), "MWI": (8, 0, 0.0)}),
        ("region", {"WCA": (50, 20, 0.4), "SAF": (8, 0, 0.0)}),
        ("action", {"JI-SLC": (50, 20, 0.4), "PILOT": (8, 0, 0.0)}),
    ],
)
def test_completion_rates(tiny_cursor, group_by, expected):
    rates = indicators.completion_rates(tiny_cursor, Selection(), group_by)
    assert {
        row["group_code"]: (row["started"], row["completed"], row["rate"])
        for row in rates.to_dict("records")
    } == expected


def test_completion_rate_is_missing_when_nothing_started(tiny_cursor):
    # In 2019-Q2 Guinea completed 20 but started none (its starts were in Q1).
    rates = indicators.completion_rates(
        tiny_cursor, Selection(period_start="2019-Q2", period_end="2019-Q2"), "country"
    )
    row = rates.set_index("group_code").loc["GIN"]
    assert (row["started"], row["completed"]) == (0, 20)
    assert row["rate"] != row["rate"]  # NaN: no share computed


def test_unknown_grouping_is_rejected_before_sql_runs(tiny_cursor):
    with pytest.raises(ValueError, match="unknown grouping"):
        indicators.indicator_trend(
            tiny_cursor, Selection(), "returns_assisted", "iso3; DROP TABLE actions"
        )
    with pytest.raises(ValueError, match="unknown grouping"):
        indicators.completion_rates(tiny_cursor, Selection(), "a.region_code")


def test_an_injection_shaped_indicator_is_just_a_value(tiny_cursor):
    hostile = "returns_assisted' OR '1'='1"
    assert indicators.indicator_trend(tiny_cursor, Selection(), hostile, "region").empty
    assert shared_queries.country_ranking(tiny_cursor, Selection(), hostile, by_sex=True).empty
    assert indicators.indicator_meta(tiny_cursor, hostile) is None
    assert tiny_cursor.execute("SELECT count(*) FROM indicator_values").fetchone()[0] == 12


def test_indicator_meta(tiny_cursor):
    meta = indicators.indicator_meta(tiny_cursor, "community_projects")
    assert meta["unit"] == "projects" and meta["pillar_no"] == 3 and not meta["by_sex"]


def published(cursor, selection: Selection) -> list[tuple[str, str, str]]:
    frame = indicators.published_figures(cursor, selection)
    return list(zip(frame["action_code"], frame["scope"], frame["indicator"], strict=True))


def test_published_figures_of_one_joint_initiative_action_include_the_initiatives(tiny_cursor):
    rows = published(tiny_cursor, Selection(actions=("JI-NA",)))
    assert len(rows) == 10  # nine for the Joint Initiative as a whole, one for North Africa
    assert [row for row in rows if row[0] != "JI-ALL"] == [
        ("JI-NA", "all", "returns_planned_topup")
    ]


def test_published_figures_of_a_non_joint_action_leave_the_initiative_out(tiny_cursor):
    assert published(tiny_cursor, Selection(actions=("PILOT",))) == [
        ("PILOT", "MWI", "reintegration_completed"),
        ("PILOT", "MWI", "returns_assisted"),
    ]
    assert {row[0] for row in published(tiny_cursor, Selection(regions=("APAC",)))} == {
        "PROTTASHA",
        "RADA",
    }
    assert len(published(tiny_cursor, Selection(regions=("APAC",)))) == 7


def test_published_figures_by_country_period_and_pillar(tiny_cursor):
    assert published(tiny_cursor, Selection(countries=("MWI",))) == [
        ("PILOT", "MWI", "reintegration_completed"),
        ("PILOT", "MWI", "returns_assisted"),
    ]
    # Mozambique is a Pilot Action country, but both Pilot figures are about Malawi.
    assert published(tiny_cursor, Selection(countries=("MOZ",))) == []
    in_2019 = published(tiny_cursor, Selection(period_start="2019-Q1", period_end="2019-Q4"))
    assert len(in_2019) == 7
    pillar_three = published(tiny_cursor, Selection(pillars=(3,)))
    assert sorted(pillar_three) == [
        ("JI-HOA", "all", "community_projects"),
        ("JI-HOA", "all", "reintegration_completed"),
        ("JI-SLC", "all", "reintegration_completed"),
        ("JI-SLC", "all", "reintegration_started"),
        ("PILOT", "MWI", "reintegration_completed"),
    ]


def test_published_figures_keep_value_date_qualifier_and_source(tiny_cursor):
    frame = indicators.published_figures(tiny_cursor, Selection(actions=("JI-HOA",)))
    last = frame[frame["indicator"] == "community_projects"].iloc[0]
    assert (last["value"], last["qualifier"]) == (605, "exact")
    assert last["as_of"].date() == dt.date(2022, 12, 31)
    assert last["source_url"].startswith("https://eastandhornofafrica.iom.int/")
    assert frame["action_code"].iloc[0] == "JI-ALL"
