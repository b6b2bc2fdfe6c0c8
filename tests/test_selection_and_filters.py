"""The typed selection and the shared WHERE helper, on the tiny literal store."""

from __future__ import annotations

import pytest

from dashboard.selection import Selection
from dashboard.store.catalog import load_catalog
from dashboard.store.sql import Sql, compose, selection_conditions, where


@pytest.fixture(scope="module")
def catalog(tiny_cursor):
    return load_catalog(tiny_cursor)


def returns_total(cursor, selection: Selection) -> float:
    conditions, params = selection_conditions(
        selection, alias="iv", date_column="period", pillar_mode="indicator"
    )
    conditions.append(Sql("iv.indicator_code = 'returns_assisted'"))
    sql = compose(
        "SELECT coalesce(sum(value), 0) FROM indicator_values iv {where}", where=where(conditions)
    )
    return cursor.execute(sql, params).fetchone()[0]


def test_catalog_holds_every_action_country_and_pillar(catalog):
    assert list(catalog.actions) == ["JI-NA", "JI-HOA", "JI-SLC", "PILOT", "PROTTASHA", "RADA"]
    assert len(catalog.countries) == 29 and catalog.country_action["ZAF"] == "PILOT"
    assert sorted(catalog.pillars) == [1, 2, 3, 4, 5, 6]
    assert catalog.actions["JI-SLC"].name("fr") == "Sahel et lac Tchad"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", 490),
        ("?region=WCA", 190),
        ("?status=completed", 300),
        ("?action=JI-SLC&country=GIN", 150),
        ("?from=2019-Q2&to=2019-Q2", 50),
        ("?from=2020-Q1", 100),
        ("?pillar=3", 0),
    ],
)
def test_filters_narrow_rows(tiny_cursor, catalog, query, expected):
    assert returns_total(tiny_cursor, Selection.from_query_string(query, catalog)) == expected


def test_unknown_and_injection_shaped_values_are_dropped_not_run(tiny_cursor, catalog):
    selection = Selection.from_query_string(
        "?country=GIN,'%20OR%201=1--&region=XX&pillar=1;DROP&from=2019-Q5&to=2019-Q3", catalog
    )
    assert selection.countries == ("GIN",) and selection.regions == () and selection.pillars == ()
    assert {d.field for d in selection.dropped} == {
        "countries",
        "regions",
        "pillars",
        "period_start",
    }
    assert returns_total(tiny_cursor, selection) == 150


def test_reversed_period_is_put_right(catalog):
    selection = Selection.from_raw({"period_start": "2020-Q1", "period_end": "2019-Q1"}, catalog)
    assert (selection.period_start, selection.period_end) == ("2019-Q1", "2020-Q1")


def test_selection_round_trips_through_the_url_and_is_hashable(catalog):
    selection = Selection.from_raw(
        {"regions": ["WCA", "EHOA"], "pillars": ["3"], "period_start": "2019-Q1"}, catalog
    )
    assert selection.to_query_string() == "?region=EHOA,WCA&pillar=3&from=2019-Q1"
    assert Selection.from_query_string(selection.to_query_string(), catalog) == selection
    assert len({selection, Selection.from_raw(selection.to_dict(), catalog)}) == 1


def test_oversized_input_is_bounded(catalog):
    selection = Selection.from_raw({"countries": ["X" * 10_000] * 1_000}, catalog)
    assert len(selection.dropped) == 100 and all(len(d.value) <= 65 for d in selection.dropped)


def test_identifiers_are_checked_before_sql():
    with pytest.raises(ValueError):
        selection_conditions(Selection(), alias="v; DROP TABLE x", date_column=None)
    with pytest.raises(ValueError):
        selection_conditions(Selection(), alias="iv", date_column="value")
