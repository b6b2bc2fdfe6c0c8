"""The map page's charts, declared once: their ids, titles and kinds, and the functions that
compute each chart's data, figure and summary for a request (``ChartSpec``), with the page's
other outputs that follow the same request (``EXTRAS``: the profile, the global note, which
amount controls show, the EUTF contracts). The layout builds the panels from these rows, the
page's chart callback (``callbacks.charts``) fills them, exports, embeds and the API read them.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd
from plotly import graph_objects as go

from dashboard import ids
from dashboard.common import queries as shared_queries
from dashboard.common.charts import ChartRequest, ChartSpec, Extra, Redraw, per_request
from dashboard.common.data_kinds import EUTF, FACTS, MAPPING, kind_text
from dashboard.common.figures import PlainFigure, empty_figure
from dashboard.i18n import normalise_language, quarter_label, t
from dashboard.map import (
    amount_figures,
    amounts,
    blocks,
    figures,
    frames,
    geometry,
    labels,
    queries,
    summaries,
)
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


def map_view(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    mode: object,
    show_provinces: bool,
    lang: str,
) -> tuple[pd.DataFrame, dict]:
    """The map's countries and the keyword arguments of its figure and table builders."""
    countries = queries.map_countries(cursor, selection)
    return countries, {
        "mode": labels.colour_mode(mode),
        "lang": normalise_language(lang),
        **_province_layers(cursor, show_provinces),
    }


def _period_text(catalog: Catalog, selection: Selection, lang: str) -> str:
    quarters = catalog.quarters
    start = selection.period_start or (quarters[0] if quarters else None)
    end = selection.period_end or (quarters[-1] if quarters else None)
    if not start or not end:
        return t("export.no_filters", lang)
    return f"{quarter_label(start, lang)} – {quarter_label(end, lang)}"


def amount_view(
    cursor: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    selection: Selection,
    options: MapOptions,
    lang: str,
    imported_files: list[str],
) -> tuple[pd.DataFrame, amounts.AmountSpec]:
    """The amount per country the map colours by (``options`` in an amount mode), and its words."""
    lang = normalise_language(lang)
    outlines = geometry.country_ids()
    drawable = {
        iso3: named.name(lang) for iso3, named in catalog.countries.items() if iso3 in outlines
    }
    if options.mode == EUTF_MODE:
        spec = amounts.eutf_spec(
            options.measure, options.value, eutf.MEASURES[options.measure], "2021-12-17", lang
        )
        # Every country the EUTF figures name is drawn too (the Gambia, Eritrea, Tanzania): with its
        # own figure, or grey with the regional projects that cover it.
        named = eutf.countries(cursor)
        drawable.update(
            {
                row["iso3"]: row[f"name_{lang}"]
                for row in named.to_dict("records")
                if row["iso3"] in outlines and row["iso3"] not in drawable
            }
        )
        frame = amounts.eutf_amounts(
            eutf.country_figures(cursor, options.measure),
            eutf.regional_figures(cursor, options.measure),
            measure=options.measure,
            value_kind=options.value,
            drawable=drawable,
            action_countries=catalog.countries.keys(),
            lang=lang,
        )
        return frame, spec
    indicator = options.indicator or next(iter(catalog.indicators))
    ranking = shared_queries.country_ranking(cursor, selection, indicator, by_sex=False)
    spec = amounts.indicator_spec(
        catalog.indicators[indicator].name(lang),
        _period_text(catalog, selection, lang),
        kind_text(FACTS, catalog, imported_files, lang),
        lang,
        catalog.data_origin,
    )
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


def profile_trend(
    cursor: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    selection: Selection,
    iso3: object,
    lang: str,
) -> ProfileTrend | None:
    """The trend the profile of ``iso3`` shows under the selection, or None (no country, or no
    headline indicator with data there)."""
    iso3 = chosen_profile(iso3, catalog)
    if iso3 is None:
        return None
    headline = queries.country_headline(cursor, selection, iso3)
    lead = frames.lead_indicator(headline)
    if lead is None:
        return None
    return ProfileTrend(
        iso3,
        catalog.countries[iso3].name(lang),
        lead,
        labels.indicator_name(lead, catalog, lang),
        str(headline.iloc[0]["unit"]),
        queries.country_trend(cursor, selection, iso3, lead),
    )


def country_name(catalog: Catalog, iso3: str, lang: str) -> str:
    """The country's name in ``lang`` (its code when the catalog does not know it)."""
    return catalog.countries[iso3].name(lang) if iso3 in catalog.countries else iso3


@per_request
def map_options(request: ChartRequest) -> MapOptions:
    """The page options of the request (colouring, province view, profile, amount)."""
    return MapOptions.from_params(request.params, request.catalog)


@per_request
def programme_view(request: ChartRequest) -> tuple[pd.DataFrame, dict]:
    """The countries the map colours by category, and its figure's and table's keyword arguments."""
    options = map_options(request)
    return map_view(
        request.cursor, request.selection, options.mode, options.provinces, request.lang
    )


@per_request
def amount_frame(request: ChartRequest) -> tuple[pd.DataFrame, amounts.AmountSpec]:
    """The amount per country the map colours by, and its words (an amount colouring only)."""
    return amount_view(
        request.cursor,
        request.catalog,
        request.selection,
        map_options(request),
        request.lang,
        reference_files(request.cursor),
    )


def map_data(request: ChartRequest) -> pd.DataFrame:
    """The countries as the map fills them, for the colouring and province view of the URL."""
    if map_options(request).is_amount:
        frame, spec = amount_frame(request)
        return frames.amount_table(frame, spec, lang=request.lang)
    countries, view = programme_view(request)
    return frames.map_table(countries, **view)


def map_figure(request: ChartRequest) -> PlainFigure:
    """The map for the filters and options of the request."""
    if map_options(request).is_amount:
        frame, spec = amount_frame(request)
        return amount_figures.amount_map(
            frame, spec, lang=request.lang, demo=spec.kind == FACTS and request.catalog.is_demo
        )
    countries, view = programme_view(request)
    return figures.programme_map(countries, **view)


def map_summary(request: ChartRequest) -> str:
    """What the map shows, in one sentence (for the colouring of the page options)."""
    if map_options(request).is_amount:
        frame, spec = amount_frame(request)
        return summaries.amount_summary(frame, spec, lang=request.lang)
    countries, _ = programme_view(request)
    return summaries.map_summary(countries, lang=request.lang)


def drawn_key(request: ChartRequest) -> list:
    """What of the page options the map draws (everything but the open profile)."""
    return map_options(request).drawn_key


@per_request
def trend_of(request: ChartRequest) -> ProfileTrend | None:
    """The trend the profile of the request's country shows, or None."""
    return profile_trend(
        request.cursor,
        request.catalog,
        request.selection,
        map_options(request).profile,
        request.lang,
    )


def trend_data(request: ChartRequest) -> pd.DataFrame:
    """The quarterly values of the profile's trend, for the country of the URL (none: no rows)."""
    trend = trend_of(request)
    if trend is None:
        return frames.trend_table(
            None, iso3="", country="", indicator_code="", indicator="", unit="", lang=request.lang
        )
    return frames.trend_table(
        trend.frame,
        iso3=trend.iso3,
        country=trend.country,
        indicator_code=trend.indicator_code,
        indicator=trend.indicator,
        unit=trend.unit,
        lang=request.lang,
    )


def trend_figure(request: ChartRequest) -> go.Figure:
    """The profile's trend for the country of the request (none: the empty chart)."""
    trend = trend_of(request)
    if trend is None:
        return empty_figure(t("chart.empty", request.lang), lang=request.lang)
    return figures.country_trend_chart(
        trend.frame,
        title=labels.trend_title(
            trend.indicator_code, trend.country, request.catalog, request.lang
        ),
        lang=request.lang,
        demo=request.catalog.is_demo,
    )


def trend_summary(request: ChartRequest) -> str:
    """The trend in one sentence (shown only with a trend)."""
    trend = trend_of(request)
    return (
        summaries.trend_summary(
            trend.frame, country=trend.country, indicator=trend.indicator, lang=request.lang
        )
        if trend is not None
        else ""
    )


def has_trend(request: ChartRequest) -> bool:
    """Whether the open profile has a trend to show (a country, and a headline indicator with data)."""
    return trend_of(request) is not None


def profile_country(request: ChartRequest) -> str | None:
    """The name of the profile's country, which the trend's exports name (None: no profile)."""
    iso3 = map_options(request).profile
    return country_name(request.catalog, iso3, request.lang) if iso3 else None


@per_request
def eutf_results(request: ChartRequest) -> pd.DataFrame:
    """The profile country's own EUTF results (none without a profile)."""
    return queries.country_results(request.cursor, map_options(request).profile or "")


def eutf_results_data(request: ChartRequest) -> pd.DataFrame:
    """The country's EUTF target-vs-actual rows, for the profile country of the URL."""
    iso3 = map_options(request).profile or ""
    return frames.country_results_table(
        eutf_results(request),
        iso3=iso3,
        lang=request.lang,
        country=country_name(request.catalog, iso3, request.lang),
    )


def eutf_results_figure(request: ChartRequest) -> go.Figure:
    """The profile country's EUTF targets and actuals."""
    iso3 = map_options(request).profile or ""
    return figures.country_results_chart(
        eutf_results(request),
        lang=request.lang,
        country=country_name(request.catalog, iso3, request.lang),
    )


def eutf_results_summary(request: ChartRequest) -> str:
    """The profile country's EUTF results in one sentence."""
    iso3 = map_options(request).profile or ""
    return summaries.country_results_summary(
        eutf_results(request),
        lang=request.lang,
        country=country_name(request.catalog, iso3, request.lang),
    )


def has_eutf_results(request: ChartRequest) -> bool:
    """Whether the open profile's country has EUTF results of its own."""
    return map_options(request).profile is not None and not eutf_results(request).empty


def global_note(request: ChartRequest) -> tuple[list, bool]:
    """The note on the global component, and whether it is hidden (none under the filters)."""
    note = blocks.global_note(
        queries.global_components(request.cursor, request.selection), lang=request.lang
    )
    return note, not note


def country_profile(request: ChartRequest) -> tuple[str, list, list, bool]:
    """Title, body (facts and headline indicators), published figures and whether the close
    button is hidden, for the open country of the page options (or the hint)."""
    iso3 = map_options(request).profile or ""
    facts = queries.country_facts(request.cursor, iso3)
    headline = queries.country_headline(request.cursor, request.selection, iso3)
    published = queries.published_for_country(request.cursor, iso3)
    title, body, published_part = blocks.country_profile(
        facts,
        headline,
        published,
        catalog=request.catalog,
        lang=request.lang,
        demo=request.catalog.is_demo,
    )
    return title, body, published_part, facts.empty


def amount_controls_hidden(request: ChartRequest) -> tuple[bool, bool, bool]:
    """Whether the EUTF controls, the store indicator control and the EUTF note are hidden: each
    group shows only with its colouring (their values are page options, kept by the options
    callback; the address names them only when they differ from their defaults)."""
    mode = map_options(request).mode
    return mode != EUTF_MODE, mode != INDICATOR_MODE, mode != EUTF_MODE


def eutf_contracts(request: ChartRequest) -> tuple[list]:
    """The open country's EUTF projects and contracts (nothing without a profile)."""
    iso3 = map_options(request).profile
    if iso3 is None:
        return ([],)
    return (
        blocks.contracts_block(queries.country_contracts(request.cursor, iso3), lang=request.lang),
    )


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(
        ids.MAP_CHART,
        PAGE,
        ids.MAP_GRAPH,
        "map.block.title",
        map_data,
        map_kind,
        figure=map_figure,
        summary=map_summary,
        summary_id=ids.MAP_SUMMARY,
        redraw=Redraw(ids.MAP_DRAWN_STORE, drawn_key, figures.figure_patch),
    ),
    ChartSpec(
        ids.MAP_TREND_CHART,
        PAGE,
        ids.MAP_TREND_GRAPH,
        "map.trend.heading",
        trend_data,
        figure=trend_figure,
        summary=trend_summary,
        subject=profile_country,
        summary_id=ids.MAP_TREND_SUMMARY,
        height=220,
        shown=has_trend,
        block_id=ids.MAP_TREND_BLOCK,
    ),
    # EUTF figures ignore the filters: they follow the open profile (a page option) only.
    ChartSpec(
        ids.MAP_EUTF_RESULTS_CHART,
        PAGE,
        ids.MAP_EUTF_RESULTS_GRAPH,
        "eutf.profile.results_heading",
        eutf_results_data,
        EUTF,
        figure=eutf_results_figure,
        summary=eutf_results_summary,
        subject=profile_country,
        summary_id=ids.MAP_EUTF_RESULTS_SUMMARY,
        shown=has_eutf_results,
        block_id=ids.MAP_EUTF_RESULTS_BLOCK,
        follows_filters=False,
    ),
)

EXTRAS: tuple[Extra, ...] = (
    Extra(((ids.MAP_GLOBAL_NOTE, "children"), (ids.MAP_GLOBAL_NOTE, "hidden")), global_note),
    Extra(
        (
            (ids.MAP_PROFILE_TITLE, "children"),
            (ids.MAP_PROFILE_BODY, "children"),
            (ids.MAP_PROFILE_PUBLISHED, "children"),
            (ids.MAP_PROFILE_CLOSE, "hidden"),
        ),
        country_profile,
    ),
    Extra(
        (
            (ids.MAP_EUTF_CONTROLS, "hidden"),
            (ids.MAP_INDICATOR_CONTROLS, "hidden"),
            (ids.MAP_AMOUNT_NOTE, "hidden"),
        ),
        amount_controls_hidden,
        follows_filters=False,
    ),
    Extra(((ids.MAP_EUTF_PROFILE, "children"),), eutf_contracts, follows_filters=False),
)

# The same rows by key (the layout builds each panel from its row).
BY_KEY: dict[str, ChartSpec] = {chart.key: chart for chart in CHARTS}
