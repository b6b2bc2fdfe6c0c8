"""Queries of the programme map, on the tiny literal store (real reference data, TINY_* facts)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.map import queries as map_queries
from dashboard.selection import Selection

JI_SLC = {"BFA", "CMR", "TCD", "CIV", "GHA", "GIN", "GNB", "MLI", "MRT", "NER", "NGA", "SEN"}
JI_NA = {"DZA", "EGY", "LBY", "MAR", "TUN"}


def kept(cursor, selection: Selection) -> set[str]:
    countries = map_queries.map_countries(cursor, selection)
    return set(countries.loc[countries["in_selection"], "iso3"])


def test_map_countries_lists_every_action_country_with_its_facts(tiny_cursor):
    countries = map_queries.map_countries(tiny_cursor, Selection()).set_index("iso3")
    assert len(countries) == 29
    assert countries["in_selection"].all()
    assert list(countries.loc["LBY", "pillars"]) == [2, 3]
    assert list(countries.loc["DZA", "pillars"]) == [1, 2, 3]
    assert countries.loc["ZAF", "role"] == "host"
    assert countries.loc["MWI", "role"] == "origin"
    assert countries.loc["AFG", "action_short_fr"] == "RADA"
    assert countries.loc["BGD", "region_name_fr"] == "Asie et Pacifique"
    assert countries.loc["GIN", "status_code"] == "ongoing"


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (Selection(regions=("WCA",)), JI_SLC),
        (Selection(statuses=("ongoing",)), JI_SLC | {"MWI", "MOZ", "ZAF"}),
        (Selection(actions=("JI-NA",)), JI_NA),
        (Selection(countries=("GIN", "ZAF")), {"GIN", "ZAF"}),
        # Pillar 6 is the Sahel and Lake Chad's alone; pillar 1 does not apply in Libya.
        (Selection(pillars=(6,)), JI_SLC),
        (Selection(actions=("JI-NA",), pillars=(1,)), JI_NA - {"LBY"}),
        (Selection(actions=("JI-NA",), pillars=(2,)), JI_NA),
    ],
)
def test_filters_narrow_the_kept_countries(tiny_cursor, selection, expected):
    assert kept(tiny_cursor, selection) == expected


def test_period_keeps_actions_active_in_it(tiny_cursor):
    # North Africa ended 2021-12-31; the Horn of Africa's end date is not published (open).
    late = kept(tiny_cursor, Selection(period_start="2022-Q1"))
    assert "LBY" not in late and "ETH" in late and "GIN" in late
    assert kept(tiny_cursor, Selection(period_start="2021-Q4", period_end="2021-Q4")) >= JI_NA
    # Before 2017-04-01: the Horn of Africa (2016-12-15), Pilot (2017-03-01), RADA (2017-03-15);
    # Prottasha starts on 2017-04-01 exactly, the Sahel and Lake Chad in May 2017.
    early = kept(tiny_cursor, Selection(period_end="2017-Q1"))
    assert "ETH" in early and "ZAF" in early and "AFG" in early
    assert "BGD" not in early and "GIN" not in early and "LBY" not in early


def test_an_injection_shaped_value_is_just_a_value(tiny_cursor):
    assert kept(tiny_cursor, Selection(actions=("JI-NA' OR 1=1 --",))) == set()
    assert map_queries.country_facts(tiny_cursor, "LBY' OR '1'='1").empty


def test_country_in_selection(tiny_cursor):
    assert map_queries.country_in_selection(tiny_cursor, Selection(), "LBY")
    assert not map_queries.country_in_selection(tiny_cursor, Selection(pillars=(1,)), "LBY")
    assert map_queries.country_in_selection(tiny_cursor, Selection(pillars=(2,)), "LBY")
    assert not map_queries.country_in_selection(tiny_cursor, Selection(), "FRA")


@pytest.mark.parametrize(
    ("selection", "shown"),
    [
        (Selection(), True),
        (Selection(actions=("PILOT",)), True),
        (Selection(regions=("SAF",), pillars=(3,)), True),
        (Selection(regions=("WCA",)), False),
        (Selection(statuses=("completed",)), False),
        (Selection(pillars=(6,)), False),
        (Selection(countries=("MWI",)), False),
        (Selection(period_start="2023-Q1"), False),
    ],
)
def test_global_component_follows_its_action(tiny_cursor, selection, shown):
    components = map_queries.global_components(tiny_cursor, selection)
    if shown:
        assert components[["action_code", "component_code"]].values.tolist() == [["PILOT", "KMH"]]
        assert components.loc[0, "established"].date() == dt.date(2017, 9, 1)
        assert "Monde" in components.loc[0, "note_en"]
    else:
        assert components.empty


def test_country_facts_of_libya_and_south_africa(tiny_cursor):
    libya = map_queries.country_facts(tiny_cursor, "LBY").iloc[0]
    assert libya["action_code"] == "JI-NA"
    assert list(libya["pillars"]) == [2, 3]
    assert libya["pillar_note_en"].startswith("In Libya only pillars 2 and 3 apply")
    assert libya["start_date"].date() == dt.date(2018, 8, 15)
    assert libya["end_date"].date() == dt.date(2021, 12, 31)
    south_africa = map_queries.country_facts(tiny_cursor, "ZAF").iloc[0]
    assert south_africa["role"] == "host"
    assert pd.isna(south_africa["pillar_note_en"])
    ethiopia = map_queries.country_facts(tiny_cursor, "ETH").iloc[0]
    assert pd.isna(ethiopia["end_date"])  # not published
    assert map_queries.country_facts(tiny_cursor, "FRA").empty


def test_country_headline_sums_the_tiny_rows(tiny_cursor):
    guinea = map_queries.country_headline(tiny_cursor, Selection(), "GIN")
    assert guinea[["indicator_code", "value"]].values.tolist() == [
        ["returns_assisted", 150.0],
        ["reintegration_started", 50.0],
        ["reintegration_completed", 20.0],
    ]
    assert guinea.loc[0, "definition_en"].startswith("Migrants who returned voluntarily")
    second_quarter = map_queries.country_headline(
        tiny_cursor, Selection(period_start="2019-Q2"), "GIN"
    )
    assert second_quarter[["indicator_code", "value"]].values.tolist() == [
        ["returns_assisted", 50.0],
        ["reintegration_completed", 20.0],
    ]
    reintegration = map_queries.country_headline(tiny_cursor, Selection(pillars=(3,)), "GIN")
    assert reintegration["indicator_code"].tolist() == [
        "reintegration_started",
        "reintegration_completed",
    ]
    mali = map_queries.country_headline(tiny_cursor, Selection(), "MLI")
    assert mali[["indicator_code", "value"]].values.tolist() == [
        ["returns_assisted", 40.0],
        ["community_projects", 3.0],
    ]
    assert map_queries.country_headline(tiny_cursor, Selection(actions=("JI-NA",)), "GIN").empty


def test_country_trend_by_quarter(tiny_cursor):
    trend = map_queries.country_trend(tiny_cursor, Selection(), "GIN", "returns_assisted")
    assert [(row.period.date(), row.value) for row in trend.itertuples()] == [
        (dt.date(2019, 1, 1), 100.0),
        (dt.date(2019, 4, 1), 50.0),
    ]
    ethiopia = map_queries.country_trend(tiny_cursor, Selection(), "ETH", "returns_assisted")
    assert ethiopia["value"].tolist() == [100.0]


@pytest.mark.parametrize("indicator", ["officials_trained", "value; DROP TABLE actions", ""])
def test_country_trend_rejects_other_indicators(tiny_cursor, indicator):
    with pytest.raises(ValueError, match="headline"):
        map_queries.country_trend(tiny_cursor, Selection(), "GIN", indicator)


def test_published_figures_for_a_country(tiny_cursor):
    malawi = map_queries.published_for_country(tiny_cursor, "MWI")
    assert malawi[["level", "indicator", "value"]].values.tolist() == [
        ["country", "reintegration_completed", 158.0],
        ["country", "returns_assisted", 335.0],
    ]
    guinea = map_queries.published_for_country(tiny_cursor, "GIN")
    assert guinea["level"].tolist() == ["action"] * 5 + ["initiative"] * 9
    assert set(guinea.loc[guinea["level"] == "action", "action_code"]) == {"JI-SLC"}
    assert set(guinea.loc[guinea["level"] == "initiative", "action_code"]) == {"JI-ALL"}
    assert guinea["source_url"].str.startswith("http").all()
    # The Pilot Action published nothing Action-wide; RADA and Prottasha publish per country.
    assert map_queries.published_for_country(tiny_cursor, "ZAF").empty
    assert set(map_queries.published_for_country(tiny_cursor, "AFG")["level"]) == {"country"}
    assert map_queries.published_for_country(tiny_cursor, "FRA").empty


def test_rada_provinces(tiny_cursor):
    provinces = map_queries.rada_provinces(tiny_cursor)
    assert provinces["province_code"].tolist() == [
        "AF-BAL",
        "AF-BGL",
        "AF-HER",
        "AF-KAB",
        "AF-KAN",
        "AF-KNR",
        "AF-LAG",
        "AF-NAN",
    ]
    assert set(provinces["action_code"]) == {"RADA"}
    assert provinces.set_index("province_code").loc["AF-KAB", "name_fr"] == "Kaboul"
