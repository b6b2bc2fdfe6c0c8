"""The data behind the pillars page's charts (downloads and table views), their text summaries and
the page options of a link: exact values on the tiny store, and equality with the charts."""

from __future__ import annotations

import math

import pytest
from dash import dcc
from helpers import chart_request, page_answer

from dashboard import ids
from dashboard.common.pages import PageContext
from dashboard.i18n import TEXT, t
from dashboard.pillars import charts as pillar_charts
from dashboard.pillars import layout as layout_module
from dashboard.pillars.options import TABLE, PageOptions
from dashboard.site import all_charts
from dashboard.store.context import AppContext

from conftest import settings_for

CHARTS = {chart.key: chart for chart in pillar_charts.CHARTS}


@pytest.fixture(scope="module")
def tiny_context(tiny_store_path):
    return AppContext(settings_for(tiny_store_path))


@pytest.fixture(scope="module")
def demo_context(demo_store_path):
    return AppContext(settings_for(demo_store_path))


def data(
    context: AppContext,
    key: str,
    raw: dict | None = None,
    params: dict | None = None,
    lang: str = "en",
):
    return CHARTS[key].data(chart_request(context, raw, params, lang))


def records(frame) -> list[tuple]:
    return [tuple(row) for row in frame.itertuples(index=False)]


# ---------------------------------------------------------------- registry
def test_every_chart_is_registered_once_with_a_plain_title():
    assert len(CHARTS) == len(pillar_charts.CHARTS) == 10
    assert {chart.page for chart in pillar_charts.CHARTS} == {"pillars"}
    for chart in pillar_charts.CHARTS:
        assert all_charts()[chart.key] is chart
        for lang in ("en", "fr"):
            assert "{" not in t(
                chart.title_key, lang
            )  # export headers use the title without values


def test_every_chart_key_has_its_buttons_in_the_layout(tiny_context):
    page = layout_module.layout(
        PageContext(
            lang="en",
            catalog=tiny_context.catalog,
            settings=tiny_context.settings,
            cursor=tiny_context.cursor(),
            params={},
        )
    )
    buttons = {
        (component.id["chart"], component.id["format"])
        for component in page._traverse()
        if isinstance(getattr(component, "id", None), dict)
        and component.id["type"] == ids.EXPORT_BUTTON
    }
    assert buttons == {(key, fmt) for key in CHARTS for fmt in ("csv", "xlsx")}
    graphs = {component.id for component in page._traverse() if isinstance(component, dcc.Graph)}
    assert graphs == {chart.graph_id for chart in pillar_charts.CHARTS} - {
        ids.PILLARS_HEADLINE_CARDS,
        ids.PILLARS_PUBLISHED_TABLE,
    }


# ---------------------------------------------------------------- exact values on the tiny store
def test_trend_data_by_action_in_english_and_french(tiny_context):
    frame = data(tiny_context, ids.PILLARS_TREND_CHART, {"regions": ["WCA"]}, {"trend": "action"})
    assert list(frame.columns) == [
        "Action code",
        "Action",
        "Quarter",
        "Quarter start",
        "Indicator code",
        "Indicator",
        "Value (people)",
    ]
    assert records(frame) == [  # Q1: 10 + 90 (Guinea) + 40 (Mali); Q2: 50 (Guinea)
        (
            "JI-SLC",
            "Sahel and Lake Chad",
            "Q1 2019",
            "2019-01-01",
            "returns_assisted",
            "Migrants assisted to return",
            140.0,
        ),
        (
            "JI-SLC",
            "Sahel and Lake Chad",
            "Q2 2019",
            "2019-04-01",
            "returns_assisted",
            "Migrants assisted to return",
            50.0,
        ),
    ]
    french = data(
        tiny_context, ids.PILLARS_TREND_CHART, {"regions": ["WCA"]}, {"trend": "action"}, "fr"
    )
    assert list(french.columns)[:3] == ["Code de l’Action", "Action", "Trimestre"]
    assert (
        list(french["Trimestre"]) == ["T1 2019", "T2 2019"]
        and french.columns[-1] == "Valeur (personnes)"
    )


def test_trend_data_by_region_in_legend_order(tiny_context):
    frame = data(tiny_context, ids.PILLARS_TREND_CHART)
    assert list(frame["Region code"]) == ["MENA", "EHOA", "WCA", "WCA"]
    assert list(frame["Value (people)"]) == [200.0, 100.0, 140.0, 50.0]


def test_ranking_data_split_by_sex_and_plain(tiny_context):
    split = data(tiny_context, ids.PILLARS_RANKING_CHART, params={"by_sex": "1"})
    assert list(split.columns) == [
        "Country code (ISO 3166-1 alpha-3)",
        "Country",
        "Indicator code",
        "Indicator",
        "Sex",
        "Value (people)",
        "Country total (people)",
    ]
    assert [(row[0], row[4], row[5], row[6]) for row in records(split)] == [
        ("LBY", "Men", 200.0, 200.0),
        ("GIN", "Women", 10.0, 150.0),
        ("GIN", "Men", 140.0, 150.0),
        ("ETH", "Women", 30.0, 100.0),
        ("ETH", "Men", 70.0, 100.0),
        ("MLI", "Men", 40.0, 40.0),
    ]
    plain = data(
        tiny_context, ids.PILLARS_RANKING_CHART, params={"indicator": "returns_assisted"}, lang="fr"
    )
    assert "Sexe" not in plain.columns
    assert list(plain["Pays"]) == ["Libye", "Guinée", "Éthiopie", "Mali"]
    assert list(plain["Valeur (personnes)"]) == [200.0, 150.0, 100.0, 40.0]


def test_completion_rate_data(tiny_context):
    by_action = data(tiny_context, ids.PILLARS_RATE_ACTION_CHART)
    assert list(by_action.columns) == [
        "Action code",
        "Action",
        "Started",
        "Completed",
        "Completed as a share of started (1 = 100%)",
    ]
    assert records(by_action) == [
        ("JI-SLC", "Sahel and Lake Chad", 50.0, 20.0, 0.4),
        ("PILOT", "Pilot Action", 8.0, 0.0, 0.0),
    ]
    by_region = data(tiny_context, ids.PILLARS_RATE_REGION_CHART, lang="fr")
    assert list(by_region["Région"]) == ["Afrique centrale et de l’Ouest", "Afrique australe"]
    assert list(by_region["Commencées"]) == [50.0, 8.0]


def test_totals_data_in_card_order_with_missing_totals(tiny_context):
    frame = data(tiny_context, ids.PILLARS_TOTALS_CHART)
    assert list(frame.columns) == [
        "Indicator code",
        "Indicator",
        "Pillar number",
        "Unit",
        "Total",
        "Definition",
    ]
    totals = dict(zip(frame["Indicator code"], frame["Total"], strict=True))
    assert list(totals)[:3] == ["officials_trained", "returns_assisted", "migrants_protected"]
    assert (
        totals["returns_assisted"],
        totals["reintegration_started"],
        totals["community_projects"],
    ) == (490, 58, 3)
    assert math.isnan(totals["officials_trained"])


def test_matrix_data_says_the_coverage_in_words(tiny_context):
    frame = data(tiny_context, ids.PILLARS_MATRIX_CHART, {"actions": ["RADA"]})
    assert len(frame) == 6 and set(frame["Action"]) == {"RADA"}
    coverage = dict(zip(frame["Pillar number"], frame["Coverage"], strict=True))
    assert coverage == {
        1: "Mapping by this project, not by the source",
        2: "Mapping by this project, not by the source",
        3: "Mapping by this project, not by the source",
        4: "Mapping by this project, not by the source",
        5: "Not covered",
        6: "Not covered",
    }
    objectives = dict(
        zip(
            frame["Pillar number"],
            frame["Objectives or result areas mapped here (this project)"],
            strict=True,
        )
    )
    assert "Strengthened knowledge" in objectives[4] and objectives[5] == ""
    stated = data(tiny_context, ids.PILLARS_MATRIX_CHART, {"actions": ["JI-NA"]}, lang="fr")
    assert list(stated["Couverture"])[:3] == ["Indiqué par la page source"] * 3


def test_counts_data(tiny_context):
    frame = data(tiny_context, ids.PILLARS_COUNTS_CHART)
    assert records(frame)[5] == (
        6,
        "Community stabilisation",
        1,
        12,
        "Sahel and Lake Chad",
        0,
        0,
        "",
    )
    # The source documents' pillars and the dashboard's mapping in columns apart, never added.
    assert list(frame["Actions applying it, as the source documents state (reference facts)"]) == [
        3,
        3,
        3,
        2,
        2,
        1,
    ]
    assert list(frame["Actions applying it, as mapped by the dashboard (its own mapping)"]) == [
        3,
        2,
        3,
        1,
        1,
        0,
    ]
    assert (
        list(frame["Names of those Actions (the dashboard’s mapping)"])[0]
        == "Pilot Action, Prottasha, RADA"
    )
    assert data(tiny_context, ids.PILLARS_COUNTS_CHART, {"regions": ["APAC"], "pillars": [6]}).empty


def test_drill_data_follows_the_link_and_the_filters(tiny_context):
    frame = data(
        tiny_context, ids.PILLARS_DRILL_CHART
    )  # no choice in the link: North Africa, as the page opens
    assert set(frame["Action code"]) == {"JI-NA"} and frame["Country"].nunique() == 5
    libya = frame[frame["Country code (ISO 3166-1 alpha-3)"] == "LBY"]
    assert list(libya["Coverage"])[:3] == [
        "Does not apply in this country (country exception)",
        "Applies in this country under a country exception",
        "Applies in this country under a country exception",
    ]
    rada = data(tiny_context, ids.PILLARS_DRILL_CHART, params={"drill": "RADA"})
    assert set(rada["Action"]) == {"RADA"}
    # RADA is out of a West African scope: the page (and so its data) falls back to the first Action in scope.
    moved = data(tiny_context, ids.PILLARS_DRILL_CHART, {"regions": ["WCA"]}, {"drill": "RADA"})
    assert set(moved["Action code"]) == {"JI-SLC"}
    nothing = data(tiny_context, ids.PILLARS_DRILL_CHART, {"regions": ["APAC"], "pillars": [6]})
    assert nothing.empty and "Coverage" in nothing.columns


def test_published_data_keeps_source_date_qualifier_and_unit(tiny_context):
    frame = data(tiny_context, ids.PILLARS_PUBLISHED_CHART)
    assert list(frame.columns) == [
        "Figure id",
        "Action code",
        "Action",
        "Scope code",
        "Scope",
        "Figure code",
        "Figure",
        "Value",
        "Unit",
        "Qualifier",
        "As of",
        "Source address",
        "Note (from the source, in English)",
    ]
    first = records(frame)[0]
    assert first[:11] == (
        1,
        "JI-ALL",
        "Joint Initiative (all three Actions)",
        "all",
        "Whole Action",
        "returns_assisted",
        "Migrants assisted to return",
        15000.0,
        "number",
        "over",
        "2017-12-15",
    )
    assert first[11].startswith("https://reliefweb.int/")
    budget = frame[frame["Figure code"] == "budget_eur"]
    assert set(budget["Unit"]) == {"euros"}
    empty = data(tiny_context, ids.PILLARS_PUBLISHED_CHART, {"regions": ["APAC"], "pillars": [6]})
    assert empty.empty and list(empty.columns) == list(frame.columns)


# ---------------------------------------------------------------- summaries
def test_summaries_say_what_each_chart_shows(tiny_context):
    answer = page_answer(
        "pillars",
        tiny_context,
        None,
        {"drill": "JI-NA", "indicator": "returns_assisted", "trend": "region", "by_sex": "1"},
        "en",
    )
    matrix, counts = (
        answer[ids.PILLARS_MATRIX_SUMMARY, "children"],
        answer[ids.PILLARS_COUNTS_SUMMARY, "children"],
    )
    assert matrix.startswith(
        "Pillars by Action for the current filters (Actions: 6; pillars: 6). Cells stated by "
        "the source page: 14; mapped by this project: 10; not covered: 12. Most covered pillar: "
        "1. Capacity building (Actions: 6)."
    )
    assert counts.startswith(
        "Most applied pillar: 2. Protection and voluntary return assistance (Actions: 3; "
        "countries: 24). Least applied: 6. Community stabilisation (Actions: 1; countries: 12). "
        "Mapped by the dashboard, not stated by the source documents (counted apart, never "
        "added): 1. Capacity building (3 Actions, 5 countries);"
    )
    drill = answer[ids.PILLARS_DRILL_SUMMARY, "children"]
    assert drill.startswith(
        "North Africa, pillars by country (countries: 5). Countries with a country exception: Libya."
    )
    trend = answer[ids.PILLARS_TREND_SUMMARY, "children"]
    assert trend.startswith(
        "Migrants assisted to return by region, Q1 2019 to Q3 2020: highest Middle East and North "
        "Africa (200), lowest East and Horn of Africa (100)."
    )  # 200 / 190 / 100
    ranking = answer[ids.PILLARS_RANKING_SUMMARY, "children"]
    assert ranking.startswith(
        "Migrants assisted to return by country (countries: 4): highest Libya (200), lowest "
        "Mali (40). Women: 40; Men: 450."
    )
    french = page_answer("pillars", tiny_context, None, {}, "fr")
    region, action = (
        french[ids.PILLARS_RATE_REGION_SUMMARY, "children"],
        french[ids.PILLARS_RATE_ACTION_SUMMARY, "children"],
    )
    assert region.startswith(
        "Part des achevées sur les commencées, par région\u202f: maximum Afrique centrale et de "
        "l’Ouest (40\u202f%), minimum Afrique australe (0\u202f%)."
    )
    assert "Diagramme en barres horizontales" in action


def test_summaries_of_one_group_and_of_nothing(tiny_context):
    trend = page_answer(
        "pillars",
        tiny_context,
        {"regions": ["WCA"]},
        {"indicator": "returns_assisted", "trend": "action"},
        "fr",
    )[ids.PILLARS_TREND_SUMMARY, "children"]
    assert trend.startswith(
        "Migrants aidés au retour par Action, de T1 2019 à T2 2019\u202f: "
        "Sahel et lac Tchad uniquement (190)."
    )
    empty = {"regions": ["APAC"], "pillars": [6]}
    answer = page_answer("pillars", tiny_context, empty, {"indicator": None, "by_sex": ""}, "en")
    assert answer[ids.PILLARS_RANKING_SUMMARY, "children"].startswith(t("chart.empty", "en"))
    assert answer[ids.PILLARS_RATE_REGION_SUMMARY, "children"].startswith(t("chart.empty", "en"))


# ---------------------------------------------------------------- charts and their data agree (demo store)
COMBINATIONS = [
    {},
    {"regions": ["WCA", "EHOA"]},
    {"actions": ["JI-NA", "PILOT"], "period_start": "2019-Q1", "period_end": "2020-Q4"},
    {"pillars": [2, 3], "countries": ["GIN", "MLI", "ETH", "LBY"]},
]
OPTIONS = [
    {"indicator": "returns_assisted", "trend": "region", "by_sex": "1", "drill": "JI-SLC"},
    {"indicator": "reintegration_completed", "trend": "action", "drill": "RADA"},
]


@pytest.mark.parametrize("raw", COMBINATIONS)
@pytest.mark.parametrize("params", OPTIONS)
def test_exported_data_equals_what_the_charts_draw(demo_context, raw, params):
    options = PageOptions.from_params(params, demo_context.catalog)
    answer = page_answer("pillars", demo_context, raw, params, "en")
    trend = answer[ids.PILLARS_TREND_GRAPH, "figure"]
    frame = data(demo_context, ids.PILLARS_TREND_CHART, raw, params)
    drawn = [
        (trace.name, str(x)[:10], y)
        for trace in trend.data
        for x, y in zip(trace.x, trace.y, strict=True)
    ]
    assert records(frame.iloc[:, [1, 3, 6]]) == drawn

    ranking = answer[ids.PILLARS_RANKING_GRAPH, "figure"]
    frame = data(demo_context, ids.PILLARS_RANKING_CHART, raw, params)
    bars = [trace for trace in ranking.data if trace.type == "bar"]
    drawn = {
        (trace.name if options.by_sex else "", y, x)
        for trace in bars
        for x, y in zip(trace.x, trace.y, strict=True)
    }
    sexes = frame["Sex"] if options.by_sex else [""] * len(frame)
    value = [column for column in frame.columns if column.startswith("Value")][0]
    assert set(zip(sexes, frame["Country"], frame[value], strict=True)) == drawn and len(
        frame
    ) == len(drawn)

    for figure, key in zip(
        (
            answer[ids.PILLARS_RATE_REGION_GRAPH, "figure"],
            answer[ids.PILLARS_RATE_ACTION_GRAPH, "figure"],
        ),
        (ids.PILLARS_RATE_REGION_CHART, ids.PILLARS_RATE_ACTION_CHART),
        strict=True,
    ):
        frame = data(demo_context, key, raw, params)
        if frame.empty:
            assert figure.layout.meta == {"empty": True}
            continue
        assert list(frame.iloc[:, 1]) == list(figure.data[0].y)
        assert [0.0 if math.isnan(rate) else rate for rate in frame.iloc[:, 4]] == pytest.approx(
            list(figure.data[0].x)
        )

    drill = answer[ids.PILLARS_DRILL_GRAPH, "figure"]
    frame = data(demo_context, ids.PILLARS_DRILL_CHART, raw, params)
    if frame.empty:
        assert drill.layout.meta == {"empty": True}
    else:
        assert drill.layout.title.text.startswith(frame["Action"].iloc[0])
        assert frame["Country"].nunique() == len(drill.data[0].y)


# ---------------------------------------------------------------- page options of a link
def test_page_options_from_a_link(tiny_context):
    catalog = tiny_context.catalog
    chosen = PageOptions.from_params(
        {"indicator": "community_projects", "trend": "action", "by_sex": "1", "drill": "RADA"},
        catalog,
    )
    assert chosen == PageOptions("community_projects", "action", True, "RADA")
    assert PageOptions.from_params({}, catalog) == PageOptions(
        "returns_assisted", "region", False, "JI-NA"
    )
    assert PageOptions.from_params({"by_sex": "0"}, catalog).dropped == ()
    odd = PageOptions.from_params(
        {"indicator": "x" * 300, "trend": "DROP TABLE", "by_sex": "maybe", "drill": "JI-NA"},
        catalog,
    )
    assert (odd.indicator, odd.trend, odd.by_sex, odd.drill) == (
        "returns_assisted",
        "region",
        False,
        "JI-NA",
    )
    assert odd.dropped == (("indicator", "x" * 64), ("trend", "DROP TABLE"), ("by_sex", "maybe"))


def test_the_layout_reports_ignored_options_in_the_page_language(tiny_context):
    def notice(params, lang):
        page = layout_module.layout(
            PageContext(
                lang=lang,
                catalog=tiny_context.catalog,
                settings=tiny_context.settings,
                cursor=tiny_context.cursor(),
                params=params,
            )
        )
        return next(
            (c for c in page._traverse() if getattr(c, "id", None) == ids.PILLARS_OPTIONS_NOTICE),
            None,
        )

    assert notice({"indicator": "returns_assisted"}, "en") is None
    alert = notice({"trend": "iso3", "drill": "<img src=x>"}, "fr")
    assert alert.children == (
        "Certaines options du lien n’ont pas été reconnues et ont été ignorées\u202f: "
        "«\u00a0iso3\u00a0» pour «\u00a0Évolution par\u00a0»\u00a0; "
        "«\u00a0<img src=x>\u00a0» pour «\u00a0Action détaillée par pays\u00a0»."
    )


def test_url_options_round_trip_through_the_link(tiny_context):
    params = {
        "indicator": "reintegration_started",
        "trend": "action",
        "by_sex": "1",
        "drill": "PROTTASHA",
        "eutf_pillar": "3",
    }
    page = layout_module.layout(
        PageContext(
            lang="en",
            catalog=tiny_context.catalog,
            settings=tiny_context.settings,
            cursor=tiny_context.cursor(),
            params=params,
        )
    )
    components = {c.id: c for c in page._traverse() if isinstance(getattr(c, "id", None), str)}
    written = TABLE.params_from_controls(
        [getattr(components[component], prop) for component, prop in TABLE.controls]
    )
    assert written == params
    assert PageOptions.from_params(written, tiny_context.catalog) == PageOptions.from_params(
        params, tiny_context.catalog
    )


def test_new_text_exists_in_both_languages():
    keys = [
        key
        for key in TEXT
        if key.startswith(
            (
                "pillars.col.",
                "pillars.summary.",
                "pillars.notice.",
                "pillars.block.",
                "pillars.unit.",
            )
        )
    ]
    assert len(keys) > 40
    for key in keys:
        assert (
            TEXT[key]["en"]
            and TEXT[key]["fr"]
            and (
                TEXT[key]["en"] != TEXT[key]["fr"]
                or key.endswith(("action", "eur", "total", "pillar"))
            )
        )
