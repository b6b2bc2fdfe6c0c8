"""The store holds every Action, country, pillar and KMH fact of the seeds, each with a source."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.build import schema

SEED_PAGE = "004_fe997082141e9e19.txt"
BROCHURE = "000_19e65c49756c727c.txt"


def rows(cursor, sql: str) -> list[tuple]:
    return cursor.execute(sql).fetchall()


def test_six_actions_with_region_status_and_dates(tiny_cursor):
    assert rows(
        tiny_cursor,
        "SELECT action_code, region_code, status_code, start_date IS NOT NULL "
        "FROM actions ORDER BY action_code",
    ) == [
        ("JI-HOA", "EHOA", "completed", True),
        ("JI-NA", "MENA", "completed", True),
        ("JI-SLC", "WCA", "ongoing", True),
        ("PILOT", "SAF", "ongoing", True),
        ("PROTTASHA", "APAC", "completed", True),
        ("RADA", "APAC", "completed", True),
    ]


def test_countries_of_each_action(tiny_cursor):
    by_action = dict(
        rows(
            tiny_cursor,
            "SELECT action_code, list(iso3 ORDER BY iso3) FROM action_countries GROUP BY 1",
        )
    )
    assert by_action == {
        "JI-NA": ["DZA", "EGY", "LBY", "MAR", "TUN"],
        "JI-HOA": ["DJI", "ETH", "KEN", "SDN", "SOM", "SSD", "UGA"],
        "JI-SLC": [
            "BFA",
            "CIV",
            "CMR",
            "GHA",
            "GIN",
            "GNB",
            "MLI",
            "MRT",
            "NER",
            "NGA",
            "SEN",
            "TCD",
        ],
        "PILOT": ["MOZ", "MWI", "ZAF"],
        "PROTTASHA": ["BGD"],
        "RADA": ["AFG"],
    }
    assert dict(
        rows(tiny_cursor, "SELECT iso3, role FROM action_countries WHERE action_code = 'PILOT'")
    ) == {"ZAF": "host", "MWI": "origin", "MOZ": "origin"}


def test_libya_has_only_pillars_two_and_three(tiny_cursor):
    assert rows(
        tiny_cursor,
        "SELECT list(pillar_no ORDER BY pillar_no) FROM country_pillars WHERE iso3 = 'LBY'",
    ) == [([2, 3],)]
    assert rows(
        tiny_cursor,
        "SELECT list(pillar_no ORDER BY pillar_no) FROM country_pillars WHERE iso3 = 'EGY'",
    ) == [([1, 2, 3],)]


def test_stated_and_mapped_pillars(tiny_cursor):
    coverage = {
        a: (p, b)
        for a, p, b in rows(
            tiny_cursor,
            "SELECT action_code, list(pillar_no ORDER BY pillar_no), list(DISTINCT basis) "
            "FROM action_pillars GROUP BY 1",
        )
    }
    assert coverage["JI-SLC"] == ([1, 2, 3, 4, 5, 6], ["stated"])
    assert coverage["JI-HOA"] == ([1, 2, 3, 4, 5], ["stated"])
    assert coverage["JI-NA"] == ([1, 2, 3], ["stated"])
    assert coverage["PILOT"][1] == coverage["PROTTASHA"][1] == coverage["RADA"][1] == ["mapped"]
    assert rows(tiny_cursor, "SELECT DISTINCT mapped_by FROM objective_pillars") == [("project",)]
    assert rows(
        tiny_cursor,
        "SELECT count(*) FROM action_objectives WHERE action_code = 'RADA' AND kind = 'result_area'",
    ) == [(4,)]


def test_rada_provinces_kmh_and_global_component(tiny_cursor):
    assert sorted(r[0] for r in rows(tiny_cursor, "SELECT name_en FROM provinces")) == [
        "Baghlan",
        "Balkh",
        "Herat",
        "Kabul",
        "Kandahar",
        "Kunar",
        "Laghman",
        "Nangarhar",
    ]
    assert rows(tiny_cursor, "SELECT count(*), min(source) FROM kmh_components") == [(4, BROCHURE)]
    assert rows(tiny_cursor, "SELECT action_code, component_code FROM global_components") == [
        ("PILOT", "KMH")
    ]
    assert rows(tiny_cursor, "SELECT count(*) FROM countries WHERE name_fr = 'Monde'") == [(0,)]


@pytest.mark.parametrize("table", schema.REFERENCE_TABLES)
def test_every_reference_row_keeps_a_source(tiny_cursor, table):
    columns = {
        r[0]
        for r in rows(
            tiny_cursor,
            f"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}'",
        )
    }  # noqa: S608
    source_column = (
        "source" if "source" in columns else ("source_url" if "source_url" in columns else None)
    )
    if source_column is None:
        assert (
            table == "objective_pillars"
        )  # its source is the objective it maps, marked mapped_by='project'
        return
    assert rows(
        tiny_cursor,
        f"SELECT count(*) FROM {table} WHERE {source_column} IS NULL OR {source_column} = ''",
    ) == [(0,)]  # noqa: S608


def test_published_figures_loaded_with_dates_and_sources(tiny_cursor):
    assert rows(
        tiny_cursor,
        "SELECT count(*), count(DISTINCT source_url), min(as_of) FROM published_figures",
    ) == [(34, 16, dt.date(2017, 1, 1))]
