"""The pillars page callbacks, called directly: empty and odd inputs, drill-down choice, wiring,
and chart values compared with direct SQL on the demo store for several filter combinations."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from dash import Dash, no_update
from helpers import find, page_answer, texts
from test_indicators_figures import card_values

from callbacks import charts as chart_callbacks
from dashboard import ids
from dashboard.common.pages import PageContext, Site
from dashboard.i18n import format_number
from dashboard.pillars import charts as pillar_charts
from dashboard.pillars import layout as layout_module
from dashboard.pillars.page import PAGE as PILLARS
from dashboard.selection import Selection
from dashboard.store.context import AppContext

from conftest import settings_for

EMPTY = {"regions": ["APAC"], "pillars": [6]}
MATRIX, COUNTS = (ids.PILLARS_MATRIX_GRAPH, "figure"), (ids.PILLARS_COUNTS_GRAPH, "figure")
CARDS, PUBLISHED = (
    (ids.PILLARS_HEADLINE_CARDS, "children"),
    (ids.PILLARS_PUBLISHED_TABLE, "children"),
)
TREND, RANKING = (ids.PILLARS_TREND_GRAPH, "figure"), (ids.PILLARS_RANKING_GRAPH, "figure")
RATES = (ids.PILLARS_RATE_REGION_GRAPH, "figure"), (ids.PILLARS_RATE_ACTION_GRAPH, "figure")
DRILL, DRILL_CHOICES, DRILL_NOTES = (
    (ids.PILLARS_DRILL_GRAPH, "figure"),
    (ids.PILLARS_DRILL_DROPDOWN, "options"),
    (ids.PILLARS_DRILL_NOTES, "children"),
)


@pytest.fixture(scope="module")
def tiny_context(tiny_store_path):
    return AppContext(settings_for(tiny_store_path))


@pytest.fixture(scope="module")
def demo_context(demo_store_path):
    return AppContext(settings_for(demo_store_path))


def is_empty(figure) -> bool:
    return figure.layout.meta == {"empty": True}


# ---------------------------------------------------------------- direct calls
def test_a_selection_matching_nothing_gives_empty_states_not_errors(tiny_context):
    answer = page_answer(
        "pillars",
        tiny_context,
        EMPTY,
        {"drill": "JI-NA", "indicator": "returns_assisted", "trend": "region", "by_sex": "1"},
        "en",
    )
    assert is_empty(answer[MATRIX]) and is_empty(answer[COUNTS])
    assert answer[ids.PILLARS_MATRIX_SUMMARY, "children"].startswith(
        "No data for the current filters."
    )
    assert answer[ids.PILLARS_COUNTS_SUMMARY, "children"].startswith(
        "No data for the current filters."
    )
    assert "No data for the current filters." in texts(answer[ids.PILLARS_MATRIX_TABLE, "children"])
    assert "No Action in the current filters" in texts(
        answer[ids.PILLARS_MAPPING_TABLE, "children"]
    )
    assert answer[DRILL_CHOICES] == [] and is_empty(answer[DRILL])
    assert answer[ids.PILLARS_DRILL_SUMMARY, "children"] == "No data for the current filters."
    assert "No Action matches the current filters." in texts(answer[DRILL_NOTES])
    assert texts(answer[CARDS]) == "No indicator applies to the current filters."
    assert is_empty(answer[TREND]) and is_empty(answer[RANKING])
    assert all(is_empty(answer[rate]) for rate in RATES)
    assert "No published figure matches" in texts(answer[PUBLISHED])


def test_no_selection_yet_shows_everything(tiny_context):
    answer = page_answer("pillars", tiny_context, None, None, None)
    assert len(answer[MATRIX].data[0].y) == 6 and not is_empty(answer[COUNTS])
    assert card_values(answer[CARDS])["returns_assisted"] == "490"
    assert list(answer[RATES[1]].data[0].text) == ["40%", "0%"]


def test_filters_change_the_cards_and_charts(tiny_context):
    wca = {"regions": ["WCA"]}
    answer = page_answer(
        "pillars", tiny_context, wca, {"indicator": "returns_assisted", "trend": "action"}, "en"
    )
    assert card_values(answer[CARDS])["returns_assisted"] == "190"
    assert [trace.name for trace in answer[TREND].data] == ["Sahel and Lake Chad"]
    ranking = page_answer(
        "pillars", tiny_context, wca, {"indicator": "returns_assisted", "by_sex": ""}, "fr"
    )[RANKING]
    assert list(ranking.data[0].y) == ["Guinée", "Mali"]


def test_unknown_raw_values_fall_back_to_defaults(tiny_context):
    odd = {"regions": ["ATLANTIS"], "pillars": ["<script>"], "period_start": "1999-Q9"}
    trend = page_answer(
        "pillars",
        tiny_context,
        odd,
        {"indicator": "<script>alert(1)</script>", "trend": "bogus"},
        "xx",
    )[TREND]
    assert [trace.name for trace in trend.data] == [
        "Middle East and North Africa",
        "East and Horn of Africa",
        "West and Central Africa",
    ]
    assert trend.layout.title.text == "Migrants assisted to return<br>per quarter, by region"
    ranking = page_answer("pillars", tiny_context, odd, {"indicator": None, "by_sex": ""}, "en")[
        RANKING
    ]
    assert list(ranking.data[0].x) == [200, 150, 100, 40]


@pytest.mark.parametrize(
    ("in_scope", "selection", "current", "expected"),
    [
        (["JI-NA", "JI-HOA"], Selection(), "JI-HOA", "JI-HOA"),
        (["JI-SLC"], Selection(regions=("WCA",)), "JI-NA", "JI-SLC"),
        (["RADA"], Selection(actions=("RADA",)), "JI-NA", "RADA"),
        (["JI-NA", "RADA"], Selection(actions=("RADA",)), "JI-NA", "RADA"),
        (["JI-NA", "RADA"], Selection(), "<img>", "JI-NA"),
        ([], Selection(regions=("APAC",), pillars=(6,)), "JI-NA", None),
    ],
)
def test_choose_drill_action(in_scope, selection, current, expected):
    assert pillar_charts.choose_drill_action(in_scope, selection, current) == expected


def test_drilldown_follows_the_filter_bar(tiny_context):
    answer = page_answer("pillars", tiny_context, None, {"drill": "JI-NA"}, "en")
    assert [option["value"] for option in answer[DRILL_CHOICES]] == [
        "JI-NA",
        "JI-HOA",
        "JI-SLC",
        "PILOT",
        "PROTTASHA",
        "RADA",
    ]
    assert "Libya" in list(answer[DRILL].data[0].y)
    assert "In Libya only pillars 2 and 3 apply" in texts(answer[DRILL_NOTES])
    answer = page_answer("pillars", tiny_context, {"actions": ["PILOT"]}, {"drill": "JI-NA"}, "fr")
    assert answer[DRILL_CHOICES] == [{"label": "Action pilote", "value": "PILOT"}]
    assert answer[DRILL].layout.title.text == "Action pilote : piliers par pays"
    assert "Aucune exception" in texts(answer[DRILL_NOTES])


# ---------------------------------------------------------------- wiring
def component_ids(tree) -> set[str]:
    """String ids, and dict ids as Dash names them in its callback map."""
    found = [getattr(component, "id", None) for component in tree._traverse()] + [tree.id]
    return {key for key in found if isinstance(key, str)} | {
        json.dumps(key, sort_keys=True, separators=(",", ":"))
        for key in found
        if isinstance(key, dict)
    }


def test_every_callback_id_exists_in_the_page_or_the_shell(tiny_context, tiny_store_path):
    app = Dash(__name__)
    chart_callbacks.register(app, tiny_context, Site((PILLARS,), print_header=lambda *args: []))
    PILLARS.register(app, tiny_context)
    page = layout_module.layout(
        PageContext(
            lang="en",
            catalog=tiny_context.catalog,
            settings=tiny_context.settings,
            cursor=tiny_context.cursor(),
            params={},
        )
    )
    known = component_ids(page) | {ids.SELECTION_STORE, ids.LANGUAGE_STORE, ids.URL}  # the shell's
    named = set()
    for output, spec in app.callback_map.items():
        named |= {part.rsplit(".", 1)[0] for part in output.strip(".").split("...")}
        named |= {item["id"] for item in spec["inputs"] + spec["state"]}
    assert named and named <= known, named - known
    # One callback answers every chart and table beside them; the explorer's rows, search, download,
    # its state written to and read from the address, and the address's sort applied in the browser.
    assert len(app.callback_map) == 7


def test_layout_holds_its_address_and_the_tidied_one(tiny_context):
    """The layout, not a callback on load, fills the page's copy of the address and the tidied
    address (so no chart waits for a callback upstream of the options store)."""
    from dashboard.common.urlstate import query_params
    from dashboard.pillars.options import TABLE

    def stores(search):
        page = layout_module.layout(
            PageContext(
                lang="en",
                catalog=tiny_context.catalog,
                settings=tiny_context.settings,
                cursor=tiny_context.cursor(),
                params=query_params(search),
                search=search,
            )
        )
        return {
            json.dumps(component.id, sort_keys=True): getattr(component, "data", None)
            for component in page._traverse()
            if type(component).__name__ == "Store" and getattr(component, "id", None) is not None
        }

    def key(component_id):
        return json.dumps(component_id, sort_keys=True)

    untidy = "?region=WCA&trend=region&indicator=DROP+TABLE&trend2=x&by_sex=1"
    found = stores(untidy)
    assert found[key(TABLE.address_store_id)] == {"search": untidy, "path": "/pillars"}
    # Defaults and values the page dropped leave the address; the filters and real choices stay.
    assert found[key(TABLE.tidy_store_id)] == {
        "search": "?region=WCA&by_sex=1",
        "from": untidy,
        "path": "/pillars",
    }
    assert stores("?region=WCA&by_sex=1")[key(TABLE.tidy_store_id)] is None


def test_layout_reads_page_options_from_the_url(tiny_context):
    def build(params):
        page = layout_module.layout(
            PageContext(
                lang="fr",
                catalog=tiny_context.catalog,
                settings=tiny_context.settings,
                cursor=tiny_context.cursor(),
                params=params,
            )
        )
        return {
            component.id: component
            for component in page._traverse()
            if isinstance(getattr(component, "id", None), str)
        }

    chosen = build(
        {"indicator": "community_projects", "trend": "action", "by_sex": "1", "drill": "RADA"}
    )
    assert chosen[ids.PILLARS_INDICATOR_DROPDOWN].value == "community_projects"
    assert chosen[ids.PILLARS_TREND_RADIO].value == "action"
    assert chosen[ids.PILLARS_SEX_CHECKLIST].value == ["1"]
    assert chosen[ids.PILLARS_DRILL_DROPDOWN].value == "RADA"
    defaults = build(
        {"indicator": "DROP TABLE", "trend": "iso3", "by_sex": "maybe", "drill": "ATLANTIS"}
    )
    assert defaults[ids.PILLARS_INDICATOR_DROPDOWN].value == "returns_assisted"
    assert defaults[ids.PILLARS_TREND_RADIO].value == "region"
    assert defaults[ids.PILLARS_SEX_CHECKLIST].value == []
    assert defaults[ids.PILLARS_DRILL_DROPDOWN].value == "JI-NA"
    labels = [
        component
        for component in find(
            layout_module.layout(
                PageContext(
                    lang="en",
                    catalog=tiny_context.catalog,
                    settings=tiny_context.settings,
                    cursor=tiny_context.cursor(),
                    params={},
                )
            ),
            lambda c: type(c).__name__ == "Label",
        )
    ]
    # Labels that wrap their control (the embed snippet's) name no target.
    assert {label.htmlFor for label in labels if getattr(label, "htmlFor", None)} == {
        ids.PILLARS_DRILL_DROPDOWN,
        ids.PILLARS_INDICATOR_DROPDOWN,
        ids.PILLARS_TREND_RADIO,
        ids.PILLARS_SEX_CHECKLIST,
        ids.PILLARS_EUTF_PILLAR_RADIO,
        ids.PILLARS_EXPLORER_SEARCH,
    }


# ---------------------------------------------------------------- charts vs direct SQL (demo store)
COMBINATIONS = [
    {},
    {"regions": ["WCA"]},
    {"actions": ["JI-NA", "PILOT"], "period_start": "2019-Q1", "period_end": "2020-Q4"},
    {"countries": ["GIN", "MLI", "ETH"], "statuses": ["ongoing"]},
    {"pillars": [2, 3], "regions": ["EHOA", "SAF"], "period_start": "2021-Q3"},
]


def quoted(values) -> str:
    return ", ".join(f"'{value}'" for value in values)


def quarter_bounds(raw: dict) -> tuple[dt.date | None, dt.date | None]:
    def start(quarter: str) -> dt.date:
        year, number = int(quarter[:4]), int(quarter[-1])
        return dt.date(year, 3 * number - 2, 1)

    low = start(raw["period_start"]) if raw.get("period_start") else None
    high = None
    if raw.get("period_end"):
        year, number = int(raw["period_end"][:4]), int(raw["period_end"][-1])
        high = dt.date(year + 1, 1, 1) if number == 4 else dt.date(year, 3 * number + 1, 1)
    return low, high


def direct(cursor, raw: dict, select: str, extra: str = "TRUE") -> list[tuple]:
    """Hand-written SQL over indicator_values v, actions a, indicators i, regions r, countries c."""
    conditions = [extra]
    if raw.get("regions"):
        conditions.append(f"a.region_code IN ({quoted(raw['regions'])})")
    if raw.get("statuses"):
        conditions.append(f"a.status_code IN ({quoted(raw['statuses'])})")
    if raw.get("actions"):
        conditions.append(f"v.action_code IN ({quoted(raw['actions'])})")
    if raw.get("countries"):
        conditions.append(f"v.iso3 IN ({quoted(raw['countries'])})")
    if raw.get("pillars"):
        conditions.append(f"i.pillar_no IN ({', '.join(str(int(p)) for p in raw['pillars'])})")
    low, high = quarter_bounds(raw)
    if low:
        conditions.append(f"v.period >= DATE '{low}'")
    if high:
        conditions.append(f"v.period < DATE '{high}'")
    sql = f"""SELECT {select} FROM indicator_values v JOIN actions a USING (action_code)
              JOIN indicators i USING (indicator_code) JOIN regions r ON r.region_code = a.region_code
              JOIN countries c ON c.iso3 = v.iso3
              WHERE {" AND ".join(conditions)} GROUP BY ALL"""
    return cursor.execute(sql).fetchall()


@pytest.mark.parametrize("raw", COMBINATIONS)
def test_cards_match_direct_sql(demo_context, raw):
    cards = card_values(page_answer("pillars", demo_context, raw, {}, "en")[CARDS])
    expected = dict(direct(demo_context.cursor(), raw, "v.indicator_code, sum(v.value)"))
    assert cards, "some indicator applies to every combination above"
    for code, shown in cards.items():
        assert shown == (format_number(expected[code], "en") if code in expected else "–"), code
    assert set(expected) <= set(cards)


@pytest.mark.parametrize("raw", COMBINATIONS)
@pytest.mark.parametrize(
    ("indicator", "grouping", "name"),
    [
        ("returns_assisted", "region", "r.name_en"),
        ("reintegration_completed", "action", "a.short_name_en"),
    ],
)
def test_trend_matches_direct_sql(demo_context, raw, indicator, grouping, name):
    figure = page_answer(
        "pillars", demo_context, raw, {"indicator": indicator, "trend": grouping}, "en"
    )[TREND]
    shown = {
        (trace.name, dt.date.fromisoformat(str(x)[:10])): y
        for trace in figure.data
        for x, y in zip(trace.x, trace.y, strict=True)
    }
    expected = {
        (group, period): value
        for group, period, value in direct(
            demo_context.cursor(),
            raw,
            f"{name}, v.period, sum(v.value)",
            f"v.indicator_code = '{indicator}'",
        )
    }
    assert shown == expected
    assert is_empty(figure) == (not expected)


@pytest.mark.parametrize("raw", COMBINATIONS)
def test_ranking_by_sex_matches_direct_sql(demo_context, raw):
    figure = page_answer(
        "pillars", demo_context, raw, {"indicator": "returns_assisted", "by_sex": "1"}, "en"
    )[RANKING]
    sex_names = {"Women": "female", "Men": "male", "Not disaggregated": "all"}
    shown = {
        (y, sex_names[trace.name]): x
        for trace in figure.data
        if trace.type == "bar"
        for x, y in zip(trace.x, trace.y, strict=True)
    }
    expected = {
        (country, sex): value
        for country, sex, value in direct(
            demo_context.cursor(),
            raw,
            "c.name_en, v.sex, sum(v.value)",
            "v.indicator_code = 'returns_assisted'",
        )
    }
    assert shown == expected
    if expected:
        totals: dict[str, float] = {}
        for (country, _), value in expected.items():
            totals[country] = totals.get(country, 0) + value
        assert list(figure.layout.yaxis.categoryarray) == sorted(
            totals, key=lambda name: (-totals[name], name)
        )


@pytest.mark.parametrize("raw", COMBINATIONS)
def test_rates_match_direct_sql(demo_context, raw):
    answer = page_answer("pillars", demo_context, raw, {}, "en")
    by_region, by_action = answer[RATES[0]], answer[RATES[1]]
    for figure, name in ((by_region, "r.name_en"), (by_action, "a.short_name_en")):
        rows = direct(
            demo_context.cursor(),
            raw,
            f"{name}, sum(v.value) FILTER (WHERE v.indicator_code = 'reintegration_started'), "
            f"sum(v.value) FILTER (WHERE v.indicator_code = 'reintegration_completed')",
            "v.indicator_code IN ('reintegration_started', 'reintegration_completed')",
        )
        if not rows:
            assert is_empty(figure)
            continue
        bars = figure.data[0]
        shown = {
            y: (x, tuple(data)) for x, y, data in zip(bars.x, bars.y, bars.customdata, strict=True)
        }
        expected = {
            group: (
                (completed or 0) / started if started else 0.0,
                (format_number(started or 0, "en"), format_number(completed or 0, "en")),
            )
            for group, started, completed in rows
        }
        assert shown.keys() == expected.keys()
        for group, (rate, counts) in expected.items():
            assert shown[group][1] == counts
            assert shown[group][0] == pytest.approx(rate)


def test_a_filter_change_asks_each_query_once_and_leaves_the_eutf_chart(tiny_context):
    """One filter change on /pillars: every query of the page asked once (the rates by region
    and by Action in one), counted through the store door's log, none asked twice: the pairs in
    scope are resolved once and every coverage query starts from them; the drill-down's Actions
    in scope come from the matrix's answer, not a query of their own. The EUTF chart, which does
    not follow the filters, is left as it is."""
    from dashboard.store.door import STATS

    selection = Selection(regions=("WCA",)).to_dict()
    page_answer("pillars", tiny_context, Selection().to_dict(), changed=("filters",))
    STATS.reset()
    answer = page_answer("pillars", tiny_context, selection, changed=("filters",))
    asked = {name: count.calls + count.cached for name, count in STATS.snapshot().items() if name}
    assert "actions_in_scope" not in asked
    assert asked.pop("pillar_scope") == 1  # the filtering step, once
    assert asked and set(asked.values()) == {1}, asked
    assert sum(asked.values()) <= 11
    eutf = {ids.PILLARS_EUTF_GRAPH, ids.PILLARS_EUTF_SUMMARY}
    assert not any(component in eutf for component, _ in dict.keys(answer))
    assert answer[ids.PILLARS_EUTF_GRAPH, "figure"] is no_update
