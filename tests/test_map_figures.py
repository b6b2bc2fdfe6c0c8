"""Structure of the programme map and of the country profile pieces."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest
from dash import Patch
from helpers import AsPlotly, assert_plotly_makes_the_same, chart_request

from dashboard.common import theme
from dashboard.i18n import t
from dashboard.map import blocks as map_blocks
from dashboard.map import figures as map_figures
from dashboard.map import frames as map_frames
from dashboard.map import geometry
from dashboard.map import labels as map_labels
from dashboard.map import queries as map_queries
from dashboard.map import summaries as map_summaries
from dashboard.map import traces as map_traces
from dashboard.selection import Selection
from dashboard.store.catalog import load_catalog

# The map is plain data: each is read back through plotly, which validates it.
plotly_maps = AsPlotly(map_figures)

ACTION_NAMES_EN = [
    "North Africa",
    "Horn of Africa",
    "Sahel and Lake Chad",
    "Pilot Action",
    "Prottasha",
    "RADA",
]
ACTION_NAMES_FR = [
    "Afrique du Nord",
    "Corne de l’Afrique",
    "Sahel et lac Tchad",
    "Action pilote",
    "Prottasha",
    "RADA",
]
REGION_NAMES_EN = [
    "Middle East and North Africa",
    "East and Horn of Africa",
    "West and Central Africa",
    "Southern Africa",
    "Asia and the Pacific",
]


@pytest.fixture(scope="module")
def every_country(tiny_cursor) -> pd.DataFrame:
    return map_queries.map_countries(tiny_cursor, Selection())


@pytest.fixture(scope="module")
def west_africa(tiny_cursor) -> pd.DataFrame:
    return map_queries.map_countries(tiny_cursor, Selection(regions=("WCA",)))


@pytest.fixture(scope="module")
def catalog(tiny_cursor):
    return load_catalog(tiny_cursor)


def traces_by_name(figure: go.Figure) -> dict[str, go.Choropleth]:
    return {trace.name: trace for trace in figure.data}


def colour_of(trace: go.Choropleth) -> str:
    return trace.colorscale[0][1]


def test_one_trace_per_action_in_the_users_words(every_country):
    figure = plotly_maps.programme_map(every_country, mode="action", lang="en")
    assert [trace.name for trace in figure.data] == ["sea", *ACTION_NAMES_EN]
    drawn = [location for trace in figure.data[1:] for location in trace.locations]
    assert sorted(drawn) == sorted(every_country["iso3"]) and len(drawn) == 29
    by_name = traces_by_name(figure)
    assert set(by_name["North Africa"].locations) == {"DZA", "EGY", "LBY", "MAR", "TUN"}
    assert colour_of(by_name["RADA"]) == theme.ACTION_COLOURS["RADA"]
    assert all(trace.showlegend for trace in figure.data[1:]) and not figure.data[0].showlegend
    assert figure.layout.legend.title.text == "Action"
    assert figure.layout.title.text == t("map.figure.title.action", "en")
    assert t("kind.short.mapping", "en") in figure.layout.annotations[-1].text


def test_names_follow_the_language(every_country):
    figure = plotly_maps.programme_map(every_country, mode="action", lang="fr")
    assert [trace.name for trace in figure.data[1:]] == ACTION_NAMES_FR
    assert figure.layout.separators == ",\u202f"
    customdata = {row[0]: row for trace in figure.data[1:] for row in trace.customdata}
    assert customdata["ZAF"][1] == "Afrique du Sud"
    assert customdata["ZAF"][5] == "pays d’accueil"
    assert (
        "Action" in figure.data[1].hovertemplate
        and "Piliers applicables" in figure.data[1].hovertemplate
    )


@pytest.mark.parametrize(
    ("mode", "names", "colours"),
    [
        (
            "region",
            REGION_NAMES_EN,
            [theme.REGION_COLOURS[code] for code in ("MENA", "EHOA", "WCA", "SAF", "APAC")],
        ),
        (
            "status",
            ["Ongoing", "Activities completed"],
            [theme.STATUS_COLOURS["ongoing"], theme.STATUS_COLOURS["completed"]],
        ),
    ],
)
def test_region_and_status_modes(every_country, mode, names, colours):
    figure = plotly_maps.programme_map(every_country, mode=mode, lang="en")
    assert [trace.name for trace in figure.data[1:]] == names
    assert [colour_of(trace) for trace in figure.data[1:]] == colours
    assert sum(len(trace.locations) for trace in figure.data[1:]) == 29
    assert figure.layout.meta["colour_mode"] == mode


def test_unknown_mode_falls_back_to_action(every_country):
    assert map_labels.colour_mode("purple") == "action"
    assert map_labels.colour_mode(None) == "action"
    figure = plotly_maps.programme_map(every_country, mode="<script>", lang="en")
    assert [trace.name for trace in figure.data[1:]] == ACTION_NAMES_EN


def test_hover_facts_of_libya_and_south_africa(every_country):
    figure = plotly_maps.programme_map(every_country, mode="status", lang="en")
    customdata = {row[0]: list(row) for trace in figure.data[1:] for row in trace.customdata}
    assert customdata["LBY"] == [
        "LBY",
        "Libya",
        "North Africa",
        "Middle East and North Africa",
        "Activities completed",
        "not stated",
        "2, 3",
    ]
    assert customdata["ZAF"][5] == "host country"
    assert customdata["MWI"][5] == "country of origin"
    template = figure.data[1].hovertemplate
    for index in range(1, 7):
        assert f"customdata[{index}]" in template


def test_filtered_out_countries_stay_as_plain_land(west_africa):
    figure = plotly_maps.programme_map(west_africa, mode="action", lang="en")
    by_name = traces_by_name(figure)
    inactive = by_name[t("map.legend.inactive", "en")]
    assert colour_of(inactive) == theme.INACTIVE_FILL
    assert len(inactive.locations) == 17 and "LBY" in inactive.locations
    assert t("map.hover.inactive", "en") in inactive.hovertemplate
    assert list(by_name) == ["sea", t("map.legend.inactive", "en"), "Sahel and Lake Chad"]
    assert len(by_name["Sahel and Lake Chad"].locations) == 12


def test_frame_base_map_and_disclaimer(every_country):
    figure = plotly_maps.programme_map(every_country, mode="action", lang="fr")
    geo = figure.layout.geo
    assert geo.fitbounds is False
    assert list(geo.lonaxis.range) == [-20, 100] and list(geo.lataxis.range) == [-37, 45]
    assert geo.showland and geo.landcolor == theme.LAND and geo.showcountries
    assert geo.showframe is False
    disclaimer = [
        annotation for annotation in figure.layout.annotations if annotation.name == "disclaimer"
    ]
    # The source page's own wording, in lines that fit a phone, then the kind of data.
    assert [annotation.text for annotation in disclaimer] == [
        map_figures.disclaimer_lines("fr") + f"<br><i>{t('kind.short.mapping', 'fr')}</i>"
    ]
    lines = map_figures.disclaimer_lines("fr").split("<br>")
    assert " ".join(lines) == t("map.disclaimer", "fr") and max(map(len, lines)) <= 62
    # Reference facts only: no demo mark on the map.
    assert figure.layout.meta["demo"] is False
    assert t("chart.demo_mark", "fr") not in [
        annotation.text for annotation in figure.layout.annotations
    ]


def test_figure_carries_no_country_geometry(every_country):
    figure = plotly_maps.programme_map(
        every_country,
        mode="action",
        lang="en",
        provinces=geometry.afghan_provinces(),
        rada=pd.DataFrame(
            {"province_code": ["AF-KAB"], "name_en": ["Kabul"], "name_fr": ["Kaboul"]}
        ),
    )
    geojson = {trace.name: trace.geojson for trace in figure.data}
    assert geojson.pop("sea") == map_traces.SEA_GEOJSON
    assert set(geojson.values()) == {geometry.COUNTRIES_URL, geometry.PROVINCES_URL}
    assert len(json.dumps(figure.to_plotly_json(), default=str)) < 25_000


def test_afghanistan_by_province(every_country, tiny_cursor):
    rada = map_queries.rada_provinces(tiny_cursor)
    figure = plotly_maps.programme_map(
        every_country, mode="action", lang="fr", provinces=geometry.afghan_provinces(), rada=rada
    )
    by_name = traces_by_name(figure)
    assert "RADA" not in by_name  # Afghanistan is drawn by its provinces instead
    highlighted = by_name[t("map.legend.rada_provinces", "fr")]
    others = by_name[t("map.legend.other_provinces", "fr")]
    assert list(highlighted.locations) == rada["province_code"].tolist()
    assert len(others.locations) == 26 and "AF-KAB" not in others.locations
    assert colour_of(highlighted) == theme.ACTION_COLOURS["RADA"]
    assert highlighted.marker.line.width > others.marker.line.width
    names = {row[0]: row[1] for row in highlighted.customdata}
    assert names["AF-KAB"] == "Kaboul" and names["AF-HER"] == "Herat"
    assert t("map.hover.province_rada", "fr") in highlighted.hovertemplate
    assert all(location != "AFG" for trace in figure.data for location in trace.locations)
    # The frame zooms to Afghanistan (and back to Africa and Asia without the provinces).
    assert tuple(figure.layout.geo.lonaxis.range) == map_figures.AFGHANISTAN_LON_RANGE
    assert tuple(figure.layout.geo.lataxis.range) == map_figures.AFGHANISTAN_LAT_RANGE
    countries = plotly_maps.programme_map(every_country, mode="action", lang="fr")
    assert tuple(countries.layout.geo.lonaxis.range) == map_figures.LON_RANGE
    assert countries.layout.uirevision != figure.layout.uirevision
    patch = map_figures.programme_map_patch(
        every_country, mode="action", lang="fr", provinces=geometry.afghan_provinces(), rada=rada
    ).to_plotly_json()
    ranges = [
        op for op in patch["operations"] if op["location"][:3] == ["layout", "geo", "lonaxis"]
    ]
    assert ranges and ranges[0]["params"]["value"] == list(map_figures.AFGHANISTAN_LON_RANGE)


def test_provinces_grey_when_rada_is_filtered_out(west_africa, tiny_cursor):
    figure = plotly_maps.programme_map(
        west_africa,
        mode="region",
        lang="en",
        provinces=geometry.afghan_provinces(),
        rada=map_queries.rada_provinces(tiny_cursor),
    )
    assert (
        colour_of(traces_by_name(figure)[t("map.legend.rada_provinces", "en")])
        == theme.INACTIVE_FILL
    )


def test_patch_holds_traces_titles_and_frame_only(every_country):
    patch = map_figures.programme_map_patch(every_country, mode="region", lang="en")
    assert isinstance(patch, Patch)
    operations = patch.to_plotly_json()["operations"]
    locations = sorted(tuple(operation["location"]) for operation in operations)
    # The legend, margin and annotations are sent whole: an amount colouring moves the legend
    # and may add the demo mark, and switching back must restore them; the frame follows the
    # province view.
    assert locations == [
        ("data",),
        ("layout", "annotations"),
        ("layout", "coloraxis"),
        ("layout", "geo", "lataxis", "range"),
        ("layout", "geo", "lonaxis", "range"),
        ("layout", "legend"),
        ("layout", "margin"),
        ("layout", "meta"),
        ("layout", "title", "text"),
        ("layout", "uirevision"),
    ]
    data = next(operation for operation in operations if operation["location"] == ["data"])[
        "params"
    ]["value"]
    assert [trace["name"] for trace in data] == ["sea", *REGION_NAMES_EN]


def test_summary_sentence(every_country, west_africa):
    assert map_summaries.map_summary(every_country, lang="en").startswith(
        "All 29 countries of the six Actions"
    )
    assert map_summaries.map_summary(west_africa, lang="en") == t(
        "map.summary", "en", active="12", total="29", actions="Sahel and Lake Chad: 12"
    )
    nothing = west_africa.assign(in_selection=False)
    assert map_summaries.map_summary(nothing, lang="fr") == t("map.summary.none", "fr")


def test_global_note(tiny_cursor):
    note = map_blocks.global_note(
        map_queries.global_components(tiny_cursor, Selection()), lang="en"
    )
    text = str(note)
    assert "Knowledge Management Hub" in text and "Pilot Action" in text and "2017" in text
    assert (
        map_blocks.global_note(
            map_queries.global_components(tiny_cursor, Selection(regions=("WCA",))), lang="en"
        )
        == []
    )


@pytest.mark.parametrize(
    ("code", "value", "qualifier", "lang", "expected"),
    [
        ("returns_assisted", 15000, "over", "en", "more than 15,000"),
        ("budget_eur", 18_000_000, "exact", "en", "exactly €18,000,000"),
        ("budget_eur", 18_000_000, "exact", "fr", "exactement 18\u202f000\u202f000 €"),
        ("beneficiary_satisfaction_pct", 84, "exact", "en", "exactly 84%"),
        ("partners", 370, "about", "fr", "environ 370"),
    ],
)
def test_published_value(code, value, qualifier, lang, expected):
    assert map_blocks.published_value(code, value, qualifier, lang) == expected


def test_published_label(catalog):
    assert (
        map_blocks.published_label("returns_assisted", catalog, "fr") == "Migrants aidés au retour"
    )
    assert map_blocks.published_label("budget_eur", catalog, "en") == "Budget"
    assert map_blocks.published_label("never_heard_of", catalog, "en") == "never heard of"


def test_trend_chart(tiny_cursor):
    trend = map_queries.country_trend(tiny_cursor, Selection(), "GIN", "returns_assisted")
    figure = map_figures.country_trend_chart(trend, title="Returns", lang="en", demo=True)
    assert list(figure.data[0].y) == [100.0, 50.0]
    assert figure.layout.title.text == "Returns"
    assert t("chart.demo_mark", "en") in [
        annotation.text for annotation in figure.layout.annotations
    ]
    empty = map_figures.country_trend_chart(trend.iloc[0:0], title="Returns", lang="en", demo=True)
    assert empty.layout.meta["empty"] is True
    assert list(figure.data[0].customdata) == ["Q1 2019", "Q2 2019"]
    assert "%{customdata}: %{y:,.0f}" in figure.data[0].hovertemplate
    french = map_figures.country_trend_chart(trend, title="Retours", lang="fr", demo=True)
    assert list(french.data[0].customdata) == ["T1 2019", "T2 2019"]
    assert (
        "%{customdata}\u202f: " in french.data[0].hovertemplate
        and french.layout.separators == ",\u202f"
    )


def rows_by_colour(
    table: pd.DataFrame, code_column: str, colour_column: str
) -> dict[str, set[str]]:
    return {colour: set(rows[code_column]) for colour, rows in table.groupby(colour_column)}


@pytest.mark.parametrize("mode", ["action", "region", "status"])
def test_map_table_holds_what_the_traces_fill(west_africa, mode):
    figure = plotly_maps.programme_map(west_africa, mode=mode, lang="en")
    table = map_frames.map_table(west_africa, mode=mode, lang="en")
    drawn = {trace.name: set(trace.locations) for trace in figure.data[1:]}
    assert (
        rows_by_colour(table, "Country code (ISO 3166-1 alpha-3)", "Map colour (legend entry)")
        == drawn
    )
    assert len(table) == 29 and table["Country code (ISO 3166-1 alpha-3)"].is_monotonic_increasing


def test_map_table_columns_and_rows(west_africa):
    table = map_frames.map_table(west_africa, mode="action", lang="en")
    assert list(table.columns) == [
        "Country code (ISO 3166-1 alpha-3)",
        "Country",
        "Action code",
        "Action",
        "Region",
        "Status",
        "Role",
        "Pillars that apply",
        "Map colour (legend entry)",
        "In the current filters",
    ]
    rows = table.set_index("Country code (ISO 3166-1 alpha-3)")
    assert list(rows.loc["LBY"]) == [
        "Libya",
        "JI-NA",
        "North Africa",
        "Middle East and North Africa",
        "Activities completed",
        "not stated",
        "2, 3",
        t("map.legend.inactive", "en"),
        "No",
    ]
    assert list(
        rows.loc["GIN", ["Action code", "Map colour (legend entry)", "In the current filters"]]
    ) == ["JI-SLC", "Sahel and Lake Chad", "Yes"]
    assert (table["In the current filters"] == "Yes").sum() == 12
    assert rows.loc["ZAF", "Role"] == "host country"


def test_map_table_in_french_by_region(every_country):
    table = map_frames.map_table(every_country, mode="region", lang="fr")
    assert list(table.columns)[:2] == ["Code du pays (ISO 3166-1 alpha-3)", "Pays"]
    rows = table.set_index("Code du pays (ISO 3166-1 alpha-3)")
    assert list(
        rows.loc[
            "LBY",
            [
                "Pays",
                "Action",
                "Couleur sur la carte (entrée de la légende)",
                "Dans les filtres actuels",
            ],
        ]
    ) == ["Libye", "Afrique du Nord", "Moyen-Orient et Afrique du Nord", "Oui"]


def test_map_table_by_province(every_country, tiny_cursor):
    rada = map_queries.rada_provinces(tiny_cursor)
    provinces = geometry.afghan_provinces()
    figure = plotly_maps.programme_map(
        every_country, mode="action", lang="en", provinces=provinces, rada=rada
    )
    table = map_frames.map_table(
        every_country, mode="action", lang="en", provinces=provinces, rada=rada
    )
    assert len(table) == 28 + 34
    assert list(table.columns[2:4]) == ["Province code (ISO 3166-2)", "Province"]
    afghan = table[table["Country code (ISO 3166-1 alpha-3)"] == "AFG"]
    assert list(afghan["Province code (ISO 3166-2)"]) == [province.code for province in provinces]
    assert set(afghan["Country"]) == {"Afghanistan"} and set(afghan["Action"]) == {"RADA"}
    drawn = {trace.name: set(trace.locations) for trace in figure.data[1:]}
    shown = rows_by_colour(afghan, "Province code (ISO 3166-2)", "Map colour (legend entry)")
    assert (
        shown == {name: drawn[name] for name in shown}
        and len(shown["RADA provinces (Afghanistan)"]) == 8
    )
    assert afghan.set_index("Province code (ISO 3166-2)").loc["AF-KAB", "Province"] == "Kabul"
    others = table[table["Country code (ISO 3166-1 alpha-3)"] != "AFG"]
    assert set(others["Province code (ISO 3166-2)"]) == {""}


def test_trend_table_and_summary(tiny_cursor):
    trend = map_queries.country_trend(tiny_cursor, Selection(), "GIN", "returns_assisted")
    table = map_frames.trend_table(
        trend,
        iso3="GIN",
        country="Guinea",
        indicator_code="returns_assisted",
        indicator="Migrants assisted to return",
        unit="people",
        lang="en",
    )
    assert table.to_dict("records") == [
        {
            "Country code (ISO 3166-1 alpha-3)": "GIN",
            "Country": "Guinea",
            "Indicator code": "returns_assisted",
            "Indicator": "Migrants assisted to return",
            "Quarter": "Q1 2019",
            "Quarter start": "2019-01-01",
            "Value (people)": 100.0,
        },
        {
            "Country code (ISO 3166-1 alpha-3)": "GIN",
            "Country": "Guinea",
            "Indicator code": "returns_assisted",
            "Indicator": "Migrants assisted to return",
            "Quarter": "Q2 2019",
            "Quarter start": "2019-04-01",
            "Value (people)": 50.0,
        },
    ]
    french = map_frames.trend_table(
        None, iso3="", country="", indicator_code="", indicator="", unit="projects", lang="fr"
    )
    assert french.empty and list(french.columns)[-3:] == [
        "Trimestre",
        "Début du trimestre",
        "Valeur (projets)",
    ]
    assert map_summaries.trend_summary(trend, country="Guinea", indicator="Returns", lang="en") == (
        "Guinea – Returns, Q1 2019 to Q2 2019: highest in Q1 2019 (100), lowest in Q2 2019 (50)."
    )
    assert map_summaries.trend_summary(
        trend.iloc[0:0], country="Guinée", indicator="Retours", lang="fr"
    ) == ("Guinée\u202f: aucune donnée d’indicateur avec les filtres actuels.")


@pytest.fixture(scope="module")
def demo_context(demo_store_path):
    from dashboard.store.context import AppContext

    from conftest import settings_for

    return AppContext(settings_for(demo_store_path))


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("raw", [{}, {"regions": ["WCA"]}, {"countries": ["XXX"]}])
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"colour": "region", "provinces": "1"},
        {"colour": "status"},
        {"colour": "eutf"},
        {"colour": "indicator"},
    ],
)
def test_plain_maps_are_what_plotly_makes_of_them(demo_context, raw, params, lang):
    """The map built as plain data is exactly the figure plotly makes of that data (validated,
    nothing coerced), and so is its patch: the browser draws what plotly's own figure would."""
    from dashboard.map.charts import map_figure

    request = chart_request(demo_context, raw, params, lang)
    figure = map_figure(request)
    assert_plotly_makes_the_same([figure])
    colouring = figure["layout"]["meta"]["colour_mode"]
    assert colouring == {"": "action", "region": "region", "status": "status"}.get(
        params.get("colour", ""), "amount"
    )
