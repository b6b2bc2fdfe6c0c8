"""Pillar coverage queries on the tiny literal store (real reference data, literal fact rows)."""

from __future__ import annotations

import pytest

from dashboard.pillars import queries as pillars
from dashboard.selection import Selection


def cells(frame, key: str = "action_code") -> dict[str, dict[int, str | None]]:
    """{row code: {pillar: basis or None}}."""
    result: dict[str, dict[int, str | None]] = {}
    for row in frame.to_dict("records"):
        basis = row["basis"] if isinstance(row["basis"], str) else None
        result.setdefault(row[key], {})[int(row["pillar_no"])] = basis
    return result


def covered(row: dict[int, str | None]) -> set[int]:
    return {
        pillar
        for pillar, basis in row.items()
        if basis in ("stated", "mapped", "country exception")
    }


def test_matrix_lists_every_action_in_seed_order_with_six_pillars(tiny_cursor):
    matrix = pillars.action_pillar_matrix(tiny_cursor, Selection())
    assert list(matrix["action_code"].drop_duplicates()) == [
        "JI-NA",
        "JI-HOA",
        "JI-SLC",
        "PILOT",
        "PROTTASHA",
        "RADA",
    ]
    assert len(matrix) == 36
    grid = cells(matrix)
    assert grid["JI-NA"] == {1: "stated", 2: "stated", 3: "stated", 4: None, 5: None, 6: None}
    assert grid["JI-SLC"] == dict.fromkeys(range(1, 7), "stated")
    assert grid["PILOT"] == {1: "mapped", 2: "mapped", 3: "mapped", 4: None, 5: None, 6: None}
    assert covered(grid["PROTTASHA"]) == {1, 3, 5} and covered(grid["RADA"]) == {1, 2, 3, 4}
    assert set(grid["PROTTASHA"].values()) == {"mapped", None}


def test_mapped_cells_carry_the_objective_and_the_projects_reasoning(tiny_cursor):
    matrix = pillars.action_pillar_matrix(tiny_cursor, Selection())
    rada_data = matrix[(matrix["action_code"] == "RADA") & (matrix["pillar_no"] == 4)].iloc[0]
    assert rada_data["objectives_en"].startswith("Strengthened knowledge and evidence")
    assert rada_data["rationale_fr"].startswith("Le suivi, l’évaluation")
    stated = matrix[(matrix["action_code"] == "JI-NA") & (matrix["pillar_no"] == 1)].iloc[0]
    assert not isinstance(stated["objectives_en"], str)
    assert (
        matrix.loc[matrix["pillar_no"] == 1, "description_fr"]
        .iloc[0]
        .startswith("Promouvoir une bonne gouvernance")
    )


@pytest.mark.parametrize(
    ("selection", "actions"),
    [
        (Selection(regions=("WCA",)), ["JI-SLC"]),
        (Selection(statuses=("ongoing",)), ["JI-SLC", "PILOT"]),
        (Selection(countries=("BGD", "LBY")), ["JI-NA", "PROTTASHA"]),
        (Selection(pillars=(6,)), ["JI-SLC"]),
        (Selection(pillars=(4,)), ["JI-HOA", "JI-SLC", "RADA"]),
        # JI-HOA started 2016-12-15; every other Action started in 2017 or later.
        (Selection(period_start="2016-Q4", period_end="2016-Q4"), ["JI-HOA"]),
        # JI-NA ended 2021-12-31; JI-HOA has no published end date and counts as open.
        (Selection(period_start="2022-Q1"), ["JI-HOA", "JI-SLC", "PILOT", "PROTTASHA", "RADA"]),
        (Selection(regions=("APAC",), pillars=(6,)), []),
    ],
)
def test_actions_in_scope_follow_every_filter(tiny_cursor, selection, actions):
    assert pillars.actions_in_scope(tiny_cursor, selection) == actions
    matrix = pillars.action_pillar_matrix(tiny_cursor, selection)
    assert list(matrix["action_code"].drop_duplicates()) == actions


def test_a_chosen_pillar_restricts_the_columns(tiny_cursor):
    matrix = pillars.action_pillar_matrix(tiny_cursor, Selection(pillars=(2, 6)))
    assert sorted(matrix["pillar_no"].unique()) == [2, 6]
    grid = cells(matrix)
    assert grid["JI-SLC"] == {2: "stated", 6: "stated"}
    assert grid["RADA"] == {2: "mapped", 6: None}
    assert "PROTTASHA" not in grid


def test_a_chosen_country_shows_the_pillars_that_apply_there(tiny_cursor):
    grid = cells(pillars.action_pillar_matrix(tiny_cursor, Selection(countries=("LBY",))))
    assert list(grid) == ["JI-NA"]
    assert covered(grid["JI-NA"]) == {2, 3}


def test_counts_per_pillar(tiny_cursor):
    counts = pillars.pillar_counts(tiny_cursor, Selection()).set_index("pillar_no")
    # 29 countries: 24 of the three Joint Initiative Actions, whose pillars the source page states,
    # and 5 of the Pilot Action, Prottasha and RADA, whose pillars the dashboard mapped; counted
    # apart. Libya lacks pillar 1, Bangladesh (Prottasha) lacks pillar 2.
    stated, mapped = ["actions_stated", "countries_stated"], ["actions_mapped", "countries_mapped"]
    assert counts.loc[1, stated].tolist() == [3, 23] and counts.loc[1, mapped].tolist() == [3, 5]
    assert counts.loc[2, stated].tolist() == [3, 24] and counts.loc[2, mapped].tolist() == [2, 4]
    assert counts.loc[3, stated].tolist() == [3, 24] and counts.loc[3, mapped].tolist() == [3, 5]
    # Pillar 4: Horn of Africa (7) + Sahel and Lake Chad (12) stated; Afghanistan (RADA) mapped.
    assert counts.loc[4, stated].tolist() == [2, 19] and counts.loc[4, mapped].tolist() == [1, 1]
    assert counts.loc[6, stated].tolist() == [1, 12] and counts.loc[6, mapped].tolist() == [0, 0]
    assert counts.loc[6, "action_names_stated_en"] == "Sahel and Lake Chad"
    assert counts.loc[5, "action_names_stated_fr"] == "Corne de l’Afrique, Sahel et lac Tchad"
    assert counts.loc[5, "action_names_mapped_fr"] == "Prottasha"


def test_counts_follow_filters(tiny_cursor):
    wca = pillars.pillar_counts(tiny_cursor, Selection(regions=("WCA",)))
    assert (
        wca["actions_stated"].tolist() == [1] * 6 and wca["countries_stated"].tolist() == [12] * 6
    )
    assert wca["actions_mapped"].tolist() == [0] * 6
    libya = pillars.pillar_counts(tiny_cursor, Selection(countries=("LBY",), pillars=(1, 2)))
    assert libya["pillar_no"].tolist() == [1, 2]
    assert libya["countries_stated"].tolist() == [0, 1]
    empty = pillars.pillar_counts(tiny_cursor, Selection(regions=("APAC",), pillars=(6,)))
    assert (
        empty[["actions_stated", "countries_stated", "actions_mapped", "countries_mapped"]]
        .sum()
        .sum()
        == 0
    )


def test_libya_applies_pillars_two_and_three_only(tiny_cursor):
    grid = cells(pillars.country_pillar_matrix(tiny_cursor, Selection(), "JI-NA"), key="iso3")
    assert sorted(grid) == ["DZA", "EGY", "LBY", "MAR", "TUN"]
    assert covered(grid["LBY"]) == {2, 3}
    assert grid["LBY"] == {
        1: "excluded",
        2: "country exception",
        3: "country exception",
        4: None,
        5: None,
        6: None,
    }
    assert covered(grid["DZA"]) == {1, 2, 3}


def test_country_matrix_of_pilot_keeps_roles_and_mapped_basis(tiny_cursor):
    grid = pillars.country_pillar_matrix(tiny_cursor, Selection(), "PILOT")
    roles = dict(zip(grid["iso3"], grid["role"], strict=True))
    assert roles == {"MWI": "origin", "MOZ": "origin", "ZAF": "host"}
    assert set(grid.loc[grid["pillar_no"] <= 3, "basis"]) == {"mapped"}


def test_country_matrix_follows_filters(tiny_cursor):
    assert pillars.country_pillar_matrix(tiny_cursor, Selection(regions=("WCA",)), "JI-NA").empty
    only_libya = pillars.country_pillar_matrix(
        tiny_cursor, Selection(countries=("LBY", "GIN")), "JI-NA"
    )
    assert set(only_libya["iso3"]) == {"LBY"}
    # Pillar 1 does not apply in Libya, so a pillar-1 filter leaves Libya out.
    pillar_one = pillars.country_pillar_matrix(tiny_cursor, Selection(pillars=(1,)), "JI-NA")
    assert "LBY" not in set(pillar_one["iso3"]) and set(pillar_one["pillar_no"]) == {1}


def test_country_exceptions(tiny_cursor):
    libya = pillars.country_exceptions(tiny_cursor, Selection(), "JI-NA")
    assert libya["iso3"].tolist() == ["LBY"] and libya["applicable_pillars"].tolist() == ["2;3"]
    assert libya["note_fr"].iloc[0].startswith("En Libye, seuls les piliers 2 et 3")
    assert pillars.country_exceptions(tiny_cursor, Selection(), "JI-SLC").empty
    assert pillars.country_exceptions(tiny_cursor, Selection(countries=("DZA",)), "JI-NA").empty


def test_objective_mappings_are_the_projects(tiny_cursor):
    mappings = pillars.objective_mappings(tiny_cursor, Selection())
    assert mappings.groupby("action_code", sort=False).size().to_dict() == {
        "PILOT": 3,
        "PROTTASHA": 3,
        "RADA": 4,
    }
    assert set(mappings["mapped_by"]) == {"project"}
    assert set(mappings.loc[mappings["action_code"] == "RADA", "kind"]) == {"result_area"}
    pillar_three = pillars.objective_mappings(tiny_cursor, Selection(pillars=(3,)))
    assert list(zip(pillar_three["action_code"], pillar_three["objective_no"], strict=True)) == [
        ("PILOT", 3),
        ("PROTTASHA", 1),
        ("RADA", 1),
    ]
    assert pillars.objective_mappings(tiny_cursor, Selection(regions=("WCA",))).empty


def test_an_injection_shaped_action_is_just_a_value(tiny_cursor):
    hostile = "JI-NA' OR 1=1; DROP TABLE country_pillars; --"
    assert pillars.country_pillar_matrix(tiny_cursor, Selection(), hostile).empty
    assert pillars.country_exceptions(tiny_cursor, Selection(), hostile).empty
    assert tiny_cursor.execute("SELECT count(*) FROM country_pillars").fetchone()[0] > 0


@pytest.mark.parametrize(
    "selection",
    [
        Selection(regions=("WCA",)),
        Selection(regions=("WCA", "SAF"), statuses=("ongoing",)),
        Selection(statuses=("completed",), actions=("JI-NA", "PILOT")),
        Selection(actions=("JI-NA",), countries=("LBY", "NER"), pillars=(2,)),
        Selection(regions=("APAC",), actions=("JI-NA",)),  # keeps no Action
        Selection(regions=("MENA",), period_start="2019-Q1", period_end="2020-Q4"),
    ],
)
def test_the_actions_a_selection_keeps_give_the_same_answers(tiny_cursor, selection):
    """The page asks its queries with the Actions the region, status and Action filters keep
    (resolved from the catalog, so that selections keeping the same Actions share the store's
    kept answers); every answer is the one the filters give as they are."""
    from dashboard.common.queries import country_ranking
    from dashboard.store.catalog import load_catalog

    kept = load_catalog(tiny_cursor).kept_actions(selection)
    assert kept is not None

    def both(ask):
        return ask(None), ask(kept)

    pairs = [
        both(lambda k: pillars.pillar_scope(tiny_cursor, selection, k).pairs),
        both(lambda k: pillars.pillar_scope(tiny_cursor, selection, k).listed),
        both(lambda k: pillars.indicator_totals(tiny_cursor, selection, k)),
        both(
            lambda k: pillars.indicator_trend(
                tiny_cursor, selection, "returns_assisted", "region", k
            )
        ),
        both(
            lambda k: country_ranking(
                tiny_cursor, selection, "returns_assisted", by_sex=True, kept_actions=k
            )
        ),
        both(
            lambda k: pillars.completion_rates_by(tiny_cursor, selection, ("region",), k)["region"]
        ),
        both(
            lambda k: pillars.completion_rates_by(tiny_cursor, selection, ("action",), k)["action"]
        ),
    ]
    for as_filtered, as_kept in pairs:
        if hasattr(as_filtered, "equals"):
            assert as_filtered.dtypes.equals(as_kept.dtypes)
            assert as_filtered.equals(as_kept)
        else:
            assert as_filtered == as_kept
