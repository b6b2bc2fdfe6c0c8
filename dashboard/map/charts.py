"""The map page's charts, declared once: their ids, titles, kinds, and the functions that compute each chart's data and figure for a request (``ChartSpec``). The layout builds the panels from these rows, the callbacks wire them, exports and the API read them."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd
from plotly import graph_objects as go

from dashboard import ids
from dashboard.common import queries as shared_queries
from dashboard.common.charts import ChartRequest, ChartSpec
from dashboard.common.data_kinds import EUTF, FACTS, MAPPING, kind_text
from dashboard.common.figures import empty_figure
from dashboard.i18n import normalise_language, quarter_label, t
from dashboard.map import amount_figures, amounts, figures, frames, geometry, labels, queries
from dashboard.map.options import EUTF_MODE, INDICATOR_MODE, MapOptions, chosen_profile
from dashboard.selection import Selection
from dashboard.store import eutf
from dashboard.store.catalog import Catalog
from dashboard.store.reference import imported_file_names as reference_files

PAGE = "map"


def _province_layers(cursor: duckdb.DuckDBPyConnection, show_provinces: bool) -> dict:
    if not show_provinces:
        return {}
    return {"provinces": geometry.afghan_provinces(), "rada": queries.rada_provinces(cursor)}


def map_view(cursor: duckdb.DuckDBPyConnection, selection: Selection, mode: object, show_provinces: bool,
             lang: str) -> tuple[pd.DataFrame, dict]:
    """The map's countries and the keyword arguments of its figure and table builders."""
    countries = queries.map_countries(cursor, selection)
    return countries, {"mode": labels.colour_mode(mode), "lang": normalise_language(lang),
                       **_province_layers(cursor, show_provinces)}


def _period_text(catalog: Catalog, selection: Selection, lang: str) -> str:
    quarters = catalog.quarters
    start = selection.period_start or (quarters[0] if quarters else None)
    end = selection.period_end or (quarters[-1] if quarters else None)
    if not start or not end:
        return t("export.no_filters", lang)
    return f"{quarter_label(start, lang)} – {quarter_label(end, lang)}"


def amount_view(cursor: duckdb.DuckDBPyConnection, catalog: Catalog, selection: Selection, options: MapOptions,
                lang: str, imported_files: list[str]) -> tuple[pd.DataFrame, amounts.AmountSpec]:
    """The amount per country the map colours by (``options`` in an amount mode), and its words."""
    lang = normalise_language(lang)
    outlines = geometry.country_ids()
    drawable = {iso3: named.name(lang) for iso3, named in catalog.countries.items() if iso3 in outlines}
    if options.mode == EUTF_MODE:
        spec = amounts.eutf_spec(options.measure, options.value, eutf.MEASURES[options.measure],
                                     "2021-12-17", lang)
        # Every country the EUTF figures name is drawn too (the Gambia, Eritrea, Tanzania): with its
        # own figure, or grey with the regional projects that cover it.
        named = eutf.countries(cursor)
        drawable.update({row["iso3"]: row[f"name_{lang}"] for row in named.to_dict("records")
                         if row["iso3"] in outlines and row["iso3"] not in drawable})
        frame = amounts.eutf_amounts(
            eutf.country_figures(cursor, options.measure), eutf.regional_figures(cursor, options.measure),
            measure=options.measure, value_kind=options.value, drawable=drawable,
            action_countries=catalog.countries.keys(), lang=lang)
        return frame, spec
    indicator = options.indicator or next(iter(catalog.indicators))
    ranking = shared_queries.country_ranking(cursor, selection, indicator, by_sex=False)
    spec = amounts.indicator_spec(catalog.indicators[indicator].name(lang), _period_text(catalog, selection, lang),
                                      kind_text(FACTS, catalog, imported_files, lang), lang, catalog.data_origin)
    return amounts.indicator_amounts(ranking, drawable=drawable, lang=lang), spec


def map_kind(request: ChartRequest) -> str:
    """The kind of data the map shows: real EUTF figures, the store's indicators, or reference
    facts with the dashboard's pillar mapping (the categorical colourings list pillars)."""
    mode = MapOptions.from_params(request.params, request.catalog).mode
    return {EUTF_MODE: EUTF, INDICATOR_MODE: FACTS}.get(mode, MAPPING)


@dataclass(frozen=True)
class ProfileTrend:
    """The profile's trend: the first headline indicator of a country, by quarter."""

    iso3: str
    country: str
    indicator_code: str
    indicator: str
    unit: str
    frame: pd.DataFrame


def profile_trend(cursor: duckdb.DuckDBPyConnection, catalog: Catalog, selection: Selection, iso3: object,
                  lang: str) -> ProfileTrend | None:
    """The trend the profile of ``iso3`` shows under the selection, or None (no country, or no
    headline indicator with data there)."""
    iso3 = chosen_profile(iso3, catalog)
    if iso3 is None:
        return None
    headline = queries.country_headline(cursor, selection, iso3)
    lead = frames.lead_indicator(headline)
    if lead is None:
        return None
    return ProfileTrend(iso3, catalog.countries[iso3].name(lang), lead,
                        labels.indicator_name(lead, catalog, lang), str(headline.iloc[0]["unit"]),
                        queries.country_trend(cursor, selection, iso3, lead))


def country_name(catalog: Catalog, iso3: str, lang: str) -> str:
    """The country's name in ``lang`` (its code when the catalog does not know it)."""
    return catalog.countries[iso3].name(lang) if iso3 in catalog.countries else iso3


def map_data(request: ChartRequest) -> pd.DataFrame:
    """The countries as the map fills them, for the colouring and province view of the URL."""
    options = MapOptions.from_params(request.params, request.catalog)
    if options.is_amount:
        imported = reference_files(request.cursor)
        frame, spec = amount_view(request.cursor, request.catalog, request.selection, options, request.lang, imported)
        return frames.amount_table(frame, spec, lang=request.lang)
    countries, view = map_view(request.cursor, request.selection, options.mode, options.provinces, request.lang)
    return frames.map_table(countries, **view)


def trend_data(request: ChartRequest) -> pd.DataFrame:
    """The quarterly values of the profile's trend, for the country of the URL (none: no rows)."""
    options = MapOptions.from_params(request.params, request.catalog)
    trend = profile_trend(request.cursor, request.catalog, request.selection, options.profile, request.lang)
    if trend is None:
        return frames.trend_table(None, iso3="", country="", indicator_code="", indicator="", unit="",
                                       lang=request.lang)
    return frames.trend_table(trend.frame, iso3=trend.iso3, country=trend.country,
                                   indicator_code=trend.indicator_code, indicator=trend.indicator, unit=trend.unit,
                                   lang=request.lang)


def profile_country(request: ChartRequest) -> str | None:
    """The name of the profile's country, which the trend's exports name (None: no profile)."""
    iso3 = MapOptions.from_params(request.params, request.catalog).profile
    return country_name(request.catalog, iso3, request.lang) if iso3 else None


def eutf_results_data(request: ChartRequest) -> pd.DataFrame:
    """The country's EUTF target-vs-actual rows, for the profile country of the URL."""
    iso3 = MapOptions.from_params(request.params, request.catalog).profile
    results = queries.country_results(request.cursor, iso3 or "")
    return frames.country_results_table(results, iso3=iso3 or "", lang=request.lang,
                                              country=country_name(request.catalog, iso3 or "", request.lang))


def map_figure(request: ChartRequest) -> go.Figure:
    """The map for the filters and options of the request, as ``update_map`` draws it."""
    options = MapOptions.from_params(request.params, request.catalog)
    if options.is_amount:
        frame, spec = amount_view(request.cursor, request.catalog, request.selection, options, request.lang,
                                  reference_files(request.cursor))
        return amount_figures.amount_map(frame, spec, lang=request.lang,
                                         demo=spec.kind == FACTS and request.catalog.is_demo)
    countries, view = map_view(request.cursor, request.selection, options.mode, options.provinces, request.lang)
    return figures.programme_map(countries, **view)


def trend_figure(request: ChartRequest) -> go.Figure:
    """The profile's trend for the country of the request (none: the empty chart)."""
    options = MapOptions.from_params(request.params, request.catalog)
    trend = profile_trend(request.cursor, request.catalog, request.selection, options.profile, request.lang)
    if trend is None:
        return empty_figure(t("chart.empty", request.lang), lang=request.lang)
    return figures.country_trend_chart(
        trend.frame, title=labels.trend_title(trend.indicator_code, trend.country, request.catalog, request.lang),
        lang=request.lang, demo=request.catalog.is_demo)


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(ids.MAP_CHART, PAGE, ids.MAP_GRAPH, "map.block.title", map_data, map_kind, figure=map_figure,
              summary_id=ids.MAP_SUMMARY),
    ChartSpec(ids.MAP_TREND_CHART, PAGE, ids.MAP_TREND_GRAPH, "map.trend.heading", trend_data,
              figure=trend_figure, subject=profile_country, summary_id=ids.MAP_TREND_SUMMARY, height=220),
    ChartSpec(ids.MAP_EUTF_RESULTS_CHART, PAGE, ids.MAP_EUTF_RESULTS_GRAPH, "eutf.profile.results_heading",
              eutf_results_data, EUTF, subject=profile_country, summary_id=ids.MAP_EUTF_RESULTS_SUMMARY),
)

# The same rows by key (the layout builds each panel from its row).
BY_KEY: dict[str, ChartSpec] = {chart.key: chart for chart in CHARTS}
