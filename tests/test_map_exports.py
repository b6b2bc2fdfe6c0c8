"""The data behind the map page's charts (``CHARTS``): what the downloads and table views hold,
for the filters and page options of the URL, on the tiny store."""

from __future__ import annotations

import pytest
from helpers import page_answer

from callbacks import exports
from dashboard import ids
from dashboard.common.charts import ChartRequest
from dashboard.i18n import TEXT
from dashboard.map import charts as map_charts
from dashboard.map.options import MapOptions
from dashboard.selection import Selection
from dashboard.site import SITE, all_charts
from dashboard.store.catalog import Catalog
from dashboard.store.context import AppContext

from conftest import settings_for

COUNTRY_CODE = "Country code (ISO 3166-1 alpha-3)"


@pytest.fixture(scope="module")
def context(tiny_store_path) -> AppContext:
    return AppContext(settings_for(tiny_store_path))


def request_for(
    context: AppContext, params: dict, selection: Selection | None = None, lang: str = "en"
) -> ChartRequest:
    return ChartRequest(
        cursor=context.cursor(),
        catalog=context.catalog,
        settings=context.settings,
        selection=selection or Selection(),
        params=params,
        lang=lang,
    )


def test_the_page_declares_both_charts():
    assert [(chart.key, chart.page, chart.graph_id) for chart in map_charts.CHARTS] == [
        (ids.MAP_CHART, "map", ids.MAP_GRAPH),
        (ids.MAP_TREND_CHART, "map", ids.MAP_TREND_GRAPH),
        (ids.MAP_EUTF_RESULTS_CHART, "map", ids.MAP_EUTF_RESULTS_GRAPH),
    ]
    assert all(chart.title_key in TEXT for chart in map_charts.CHARTS)
    assert {ids.MAP_CHART, ids.MAP_TREND_CHART} <= set(all_charts())


def test_map_data_is_the_table_of_the_drawn_map(context):
    selection = Selection(regions=("WCA",))
    table = map_charts.map_data(request_for(context, {"colour": "status"}, selection))
    figure = page_answer(
        "map", context, selection.to_dict(), {"colour": "status", "provinces": ""}, "en"
    )[ids.MAP_GRAPH, "figure"]
    drawn = {trace.name: set(trace.locations) for trace in figure.data[1:]}
    assert {
        colour: set(rows[COUNTRY_CODE])
        for colour, rows in table.groupby("Map colour (legend entry)")
    } == drawn
    assert set(drawn) == {"Action country not in the current filters", "Ongoing"}
    assert (table["In the current filters"] == "Yes").sum() == 12


def test_map_data_by_province_in_french(context):
    table = map_charts.map_data(
        request_for(context, {"provinces": "1", "colour": "region"}, lang="fr")
    )
    assert len(table) == 28 + 34 and "Code de la province (ISO 3166-2)" in table.columns
    kabul = table.set_index("Code de la province (ISO 3166-2)").loc["AF-KAB"]
    assert (
        kabul["Province"] == "Kaboul"
        and kabul["Couleur sur la carte (entrée de la légende)"]
        == "Provinces de RADA (Afghanistan)"
    )


def test_unknown_or_injection_shaped_options_fall_back_to_the_defaults(context):
    params = {
        "colour": "region'; DROP TABLE actions; --",
        "provinces": "1 OR 1=1",
        "profile": "LBY' OR '1'='1",
    }
    table = map_charts.map_data(request_for(context, params))
    assert len(table) == 29 and "North Africa" in set(table["Map colour (legend entry)"])
    trend = map_charts.trend_data(request_for(context, params))
    assert trend.empty and list(trend.columns)[0] == COUNTRY_CODE
    options = MapOptions.from_params(params, context.catalog)
    assert [key for key, _ in options.dropped] == ["colour", "provinces", "profile"]


def test_map_options_parse(context):
    catalog: Catalog = context.catalog
    # The store indicator defaults to the catalog's first indicator (what its drop-down shows).
    first = next(iter(catalog.indicators))
    assert MapOptions.from_params({}, catalog) == MapOptions(indicator=first)
    assert MapOptions.from_params(
        {"colour": "status", "provinces": "TRUE", "profile": "AFG"}, catalog
    ) == MapOptions(mode="status", provinces=True, profile="AFG", indicator=first)
    assert MapOptions.from_params({"profile": "FRA"}, catalog).dropped == (("profile", "FRA"),)
    assert MapOptions.from_params({"colour": "x" * 200}, catalog).dropped == (("colour", "x" * 64),)


def test_trend_data_follows_the_profile_and_the_filters(context):
    rows = map_charts.trend_data(request_for(context, {"profile": "GIN"})).to_dict("records")
    assert [(row["Quarter"], row["Quarter start"], row["Value (people)"]) for row in rows] == [
        ("Q1 2019", "2019-01-01", 100.0),
        ("Q2 2019", "2019-04-01", 50.0),
    ]
    assert {
        (row[COUNTRY_CODE], row["Country"], row["Indicator code"], row["Indicator"]) for row in rows
    } == {("GIN", "Guinea", "returns_assisted", "Migrants assisted to return")}
    figure = page_answer("map", context, {}, {"profile": "GIN"}, "en")[
        ids.MAP_TREND_GRAPH, "figure"
    ]
    assert [row["Value (people)"] for row in rows] == list(figure.data[0].y)
    # Malawi's only headline indicator is reintegration started; the filters narrow the quarters.
    malawi = map_charts.trend_data(request_for(context, {"profile": "MWI"}, lang="fr"))
    assert malawi.to_dict("records") == [
        {
            "Code du pays (ISO 3166-1 alpha-3)": "MWI",
            "Pays": "Malawi",
            "Code de l’indicateur": "reintegration_started",
            "Indicateur": "Aide à la réintégration commencée",
            "Trimestre": "T1 2019",
            "Début du trimestre": "2019-01-01",
            "Valeur (personnes)": 8.0,
        }
    ]
    later = map_charts.trend_data(
        request_for(context, {"profile": "GIN"}, Selection(period_start="2019-Q2"))
    )
    assert list(later["Value (people)"]) == [50.0]
    assert map_charts.trend_data(request_for(context, {"profile": "ZAF"})).empty
    assert map_charts.trend_data(request_for(context, {})).empty


def test_exports_recompute_the_map_data_from_the_url(context):
    chart, request, frame = exports.chart_data(
        context, all_charts(), ids.MAP_CHART, {"regions": ["WCA"]}, [{"colour": "region"}], "fr"
    )
    assert chart.title_key == "map.block.title" and request.lang == "fr"
    assert (frame["Dans les filtres actuels"] == "Oui").sum() == 12
    assert "Afrique centrale et de l’Ouest" in set(
        frame["Couleur sur la carte (entrée de la légende)"]
    )


def test_the_trend_exports_name_the_country(context):
    """File name, title (CSV column, About sheet, table caption) and image footer say whose trend it is."""
    footers = exports.export_footers(
        context, SITE, {"regions": ["WCA"]}, [{"profile": "GIN"}], "fr", "/"
    )
    trend = footers["charts"][ids.MAP_TREND_CHART]
    assert trend["stem"] == "map_country-trend-Guinee_region-WCA"
    # An image's footer is read, not parsed: French typography, as on screen.
    assert trend["lines"][0] == TEXT["map.trend.heading"]["fr"] + "\u00a0: Guinée"
    assert trend["lines"][1].startswith("Filtres\u00a0: Région\u00a0: ")
    assert footers["date_label"] == "Exporté le"
    chart, request, _ = exports.chart_data(
        context, all_charts(), ids.MAP_TREND_CHART, {}, [{"profile": "GIN"}], "en"
    )
    assert exports.export_title(chart, request) == TEXT["map.trend.heading"]["en"] + ": Guinea"
    assert set(footers["charts"]) == {
        chart.key for chart in all_charts().values() if chart.page == "map"
    }
