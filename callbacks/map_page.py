"""Callbacks of the map page: the map (full figure or a patch), its notes, the clicked country
and its profile with its trend; plus the route that serves the shipped geometry to plotly.js.

The charts' ids come from the page's chart registry (``dashboard.chart_registry.map``), whose
query calls (``map_view``, ``profile_trend``) the callbacks share with the data behind each
chart, so a download or a table view always holds what the chart shows.
"""

from __future__ import annotations

import json

from dash import Dash, Input, Output, State, ctx, no_update
from flask import Response, abort, request

from dashboard import geometry, ids
from dashboard.blocks import eutf as eutf_blocks
from dashboard.blocks import map as map_blocks
from dashboard.callback_purity import pure_callback
from dashboard.chart_registry.map import CHARTS, _country_name, amount_view, map_view, profile_trend
from dashboard.context import AppContext
from dashboard.data_kinds import FACTS
from dashboard.figures import amount_map as amount_figures
from dashboard.figures import eutf as eutf_figures
from dashboard.figures import map as map_figures
from dashboard.i18n import normalise_language
from dashboard.labels import map as map_labels
from dashboard.map_options import (
    EUTF_MODE,
    INDICATOR_MODE,
    MapOptions,
    chosen_profile,
    value_choices,
)
from dashboard.map_options import TABLE as MAP_TABLE
from dashboard.queries import eutf as eutf_queries
from dashboard.queries import map as map_queries
from dashboard.selection import Selection
from dashboard.summaries import amount_map as amount_map_summaries
from dashboard.summaries import eutf as eutf_summaries
from dashboard.summaries import map as map_summaries

OPTIONS_STORE = MAP_TABLE.store_id


def update_map(context: AppContext, selection_data: dict | None, options_data: dict | None, lang: str,
               triggered_id: object, drawn: object = None) -> tuple[object, object]:
    """The map for the filters and the page options (colouring, amount and province view), and
    what it shows (``drawn``, the options it was drawn for, kept in the drawn-map store).

    A change of page options sends a Patch (traces and titles only) onto the drawn map, and
    nothing when the map's own options did not change (a profile opened or closed); a change of
    filters, the first draw, or options changed before the first figure arrived (the browser
    then drops that figure's answer, so there is nothing to patch) send the whole figure.
    Geometry is never part of either: the traces name the geometry URL.
    """
    selection = Selection.from_raw(selection_data or {}, context.catalog)
    chosen = MapOptions.from_params(options_data or {}, context.catalog)
    patch = triggered_id == OPTIONS_STORE and drawn is not None
    if patch and drawn == chosen.drawn_key:
        return no_update, no_update
    if chosen.is_amount:
        frame, spec = amount_view(context.cursor(), context.catalog, selection, chosen, lang,
                                  context.imported_files)
        figure = amount_figures.amount_map(frame, spec, lang=normalise_language(lang),
                                           demo=spec.kind == FACTS and context.catalog.is_demo)
        return (map_figures.figure_patch(figure) if patch else figure), chosen.drawn_key
    countries, options = map_view(context.cursor(), selection, chosen.mode, chosen.provinces, lang)
    if patch:
        return map_figures.programme_map_patch(countries, **options), chosen.drawn_key
    return map_figures.programme_map(countries, **options), chosen.drawn_key


def update_map_notes(context: AppContext, selection_data: dict | None, lang: str,
                     options_data: dict | None = None) -> tuple[str, list, bool]:
    """The text summary of the map (for the colouring of the page options), and the note on the
    global component (hidden when none)."""
    selection = Selection.from_raw(selection_data or {}, context.catalog)
    cursor = context.cursor()
    page_options = MapOptions.from_params(options_data or {}, context.catalog)
    if page_options.is_amount:
        frame, spec = amount_view(cursor, context.catalog, selection, page_options, lang, context.imported_files)
        summary = amount_map_summaries.amount_summary(frame, spec, lang=normalise_language(lang))
    else:
        summary = map_summaries.map_summary(map_queries.map_countries(cursor, selection), lang=lang)
    note = map_blocks.global_note(map_queries.global_components(cursor, selection), lang=lang)
    return summary, note, not note


def clicked_country(click_data: dict | None) -> str | None:
    """The ISO3 code of a click on the map: a country, or Afghanistan for one of its provinces;
    None for the sea, plain land or anything else."""
    if not isinstance(click_data, dict):
        return None
    points = click_data.get("points") or []
    location = points[0].get("location") if points and isinstance(points[0], dict) else None
    if not isinstance(location, str):
        return None
    if location.startswith("AF-"):
        return "AFG"
    return location if location in geometry.country_ids() else None


def select_country(context: AppContext, click_data: dict | None, close_clicks: int | None,
                   chosen: str | None, selection_data: dict | None, current: str | None,
                   triggered_id: str | None) -> tuple[object, object]:
    """The country whose profile is open, and the value of the country drop-down.

    A click on an Action country, or choosing it in the drop-down, opens its profile; the close
    button, a click on the sea, on plain land or on a country without a profile clears it; so does a filter change that leaves the open
    country outside the filters, or a link whose profile country is outside its filters (the
    first call, ``triggered_id`` None).
    """
    if triggered_id == ids.MAP_PROFILE_CLOSE:
        return None, None
    if current is not None and not (isinstance(current, str) and current in context.catalog.countries):
        return None, None  # a store the page never wrote (a hand-made request): no profile
    if triggered_id == ids.MAP_PROFILE_SELECT:
        iso3 = chosen if isinstance(chosen, str) and chosen in context.catalog.countries else None
        return (iso3 if iso3 != current else no_update), no_update
    if triggered_id == ids.MAP_GRAPH:
        # A country drawn for its EUTF figures alone (the Gambia, Eritrea, Tanzania) has no
        # profile: a click there is a click on plain land.
        iso3 = clicked_country(click_data)
        iso3 = iso3 if iso3 in context.catalog.countries else None
        return (iso3, iso3) if iso3 != current else (no_update, no_update)
    if current and triggered_id in (None, ids.SELECTION_STORE):
        selection = Selection.from_raw(selection_data or {}, context.catalog)
        if not map_queries.country_in_selection(context.cursor(), selection, current):
            return None, None
    return no_update, no_update


def profile_choice(context: AppContext, options_data: dict | None, shown: object) -> object:
    """The country drop-down follows the open profile (after Back or Forward, say)."""
    profile = MapOptions.from_params(options_data or {}, context.catalog).profile
    return no_update if profile == shown else profile


def update_country_profile(context: AppContext, options_data: dict | None, selection_data: dict | None,
                           lang: str) -> tuple[str, list, list, bool]:
    """Title, body (facts and headline indicators), published figures and whether the close
    button is hidden, for the open country of the page options (or the hint)."""
    catalog = context.catalog
    cursor = context.cursor()
    lang = normalise_language(lang)
    selection = Selection.from_raw(selection_data or {}, catalog)
    iso3 = MapOptions.from_params(options_data or {}, catalog).profile or ""
    facts = map_queries.country_facts(cursor, iso3)
    headline = map_queries.country_headline(cursor, selection, iso3)
    published = map_queries.published_for_country(cursor, iso3)
    title, body, published_part = map_blocks.country_profile(facts, headline, published, catalog=catalog,
                                                              lang=lang, demo=catalog.is_demo)
    return title, body, published_part, facts.empty


def update_trend(context: AppContext, options_data: dict | None, selection_data: dict | None, lang: str) -> tuple:
    """The profile's trend chart, its text summary and whether its block is hidden (no country
    open, or no headline indicator with data there)."""
    lang = normalise_language(lang)
    selection = Selection.from_raw(selection_data or {}, context.catalog)
    iso3 = MapOptions.from_params(options_data or {}, context.catalog).profile
    trend = profile_trend(context.cursor(), context.catalog, selection, iso3, lang)
    if trend is None:
        return no_update, "", True
    figure = map_figures.country_trend_chart(
        trend.frame, title=map_labels.trend_title(trend.indicator_code, trend.country, context.catalog, lang),
        lang=lang, demo=context.catalog.is_demo)
    return figure, map_summaries.trend_summary(trend.frame, country=trend.country, indicator=trend.indicator,
                                             lang=lang), False


def update_eutf_profile(context: AppContext, iso3: str | None, lang: str) -> tuple:
    """The open country's EUTF projects and contracts, its target-vs-actual chart, the chart's
    summary and whether the chart block is hidden (no country, or no results of its own)."""
    lang = normalise_language(lang)
    iso3 = chosen_profile(iso3, context.catalog)
    if iso3 is None:
        return [], no_update, "", True
    cursor = context.cursor()
    contracts = eutf_blocks.contracts_block(eutf_queries.country_contracts(cursor, iso3), lang=lang)
    results = eutf_queries.country_results(cursor, iso3)
    country = _country_name(context.catalog, iso3, lang)
    if results.empty:
        return contracts, no_update, "", True
    return (contracts, eutf_figures.country_results_chart(results, country=country, lang=lang),
            eutf_summaries.country_results_summary(results, country=country, lang=lang), False)


# ---------------------------------------------------------------- data behind each chart


# ---------------------------------------------------------------- each chart for a request (embeds)


# On a narrow screen the profile sits under the map: when a country is chosen, bring the profile
# into view once its new title is drawn (earlier, the page may still be too short to scroll there).
SCROLL_TO_PROFILE_JS = """
function (iso3) {
    const panel = document.getElementById(PROFILE_ID);
    const title = document.getElementById(TITLE_ID);
    if (!iso3 || !panel || !title || !window.matchMedia('(max-width: 991.98px)').matches) {
        return window.dash_clientside.no_update;
    }
    const observer = new MutationObserver(function () {
        observer.disconnect();
        const box = panel.getBoundingClientRect();
        if (box.top > window.innerHeight * 0.6 || box.bottom < 0) {
            panel.scrollIntoView({block: 'start', behavior: 'instant'});
        }
    });
    observer.observe(title, {childList: true, characterData: true, subtree: true});
    window.setTimeout(function () { observer.disconnect(); }, 10000);
    return window.dash_clientside.no_update;
}
""".replace("PROFILE_ID", json.dumps(ids.MAP_PROFILE)).replace("TITLE_ID", json.dumps(ids.MAP_PROFILE_TITLE))


def serve_geometry(name: str) -> Response:
    """One shipped geometry file (allow-listed), cacheable and revalidated by its entity tag."""
    if name not in geometry.GEOMETRY_FILES:
        abort(404)
    shipped = geometry.geometry_file(name)
    response = Response(shipped.content, mimetype="application/geo+json")
    response.set_etag(shipped.etag)
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response.make_conditional(request)


def show_amount_controls(context: AppContext, options_data: dict | None) -> tuple[bool, bool, bool]:
    """Whether the EUTF controls, the store indicator control and the EUTF note are hidden: each
    group shows only with its colouring (their values are page options, kept by the options
    callback; the address names them only when they differ from their defaults)."""
    mode = MapOptions.from_params(options_data or {}, context.catalog).mode
    return mode != EUTF_MODE, mode != INDICATOR_MODE, mode != EUTF_MODE


def value_options(context: AppContext, measure: object, lang: str | None) -> tuple[list[dict], bool]:
    """The values of the measure some country has a figure for, and whether their choice is
    hidden (one value or none: nothing to choose)."""
    choices = value_choices(context.catalog, measure, normalise_language(lang))
    return choices, len(choices) < 2


def register(app: Dash, context: AppContext) -> None:
    """Wire this page's callbacks and the geometry route."""
    charts = {spec.key: spec for spec in CHARTS}
    app.server.add_url_rule(f"{geometry.URL_PREFIX}<name>", endpoint="map_geometry", view_func=serve_geometry)
    pure_callback(
        app,
        Output(charts[ids.MAP_CHART].graph_id, "figure"),
        Output(ids.MAP_DRAWN_STORE, "data"),
        Input(ids.SELECTION_STORE, "data"),
        Input(OPTIONS_STORE, "data"),
        State(ids.LANGUAGE_STORE, "data"),
        State(ids.MAP_DRAWN_STORE, "data"),
    )(lambda selection, options, lang, drawn: update_map(context, selection, options, lang, ctx.triggered_id, drawn))
    pure_callback(
        app,
        Output(charts[ids.MAP_CHART].summary_id, "children"),
        Output(ids.MAP_GLOBAL_NOTE, "children"),
        Output(ids.MAP_GLOBAL_NOTE, "hidden"),
        Input(ids.SELECTION_STORE, "data"),
        Input(OPTIONS_STORE, "data"),
        State(ids.LANGUAGE_STORE, "data"),
    )(lambda selection, options, lang: update_map_notes(context, selection, lang, options))
    pure_callback(
        app,
        Output(ids.MAP_EUTF_CONTROLS, "hidden"),
        Output(ids.MAP_INDICATOR_CONTROLS, "hidden"),
        Output(ids.MAP_AMOUNT_NOTE, "hidden"),
        Input(OPTIONS_STORE, "data"),
    )(lambda options: show_amount_controls(context, options))
    # Not prevented on the first call: a link's profile country is checked against its filters.
    # The open country is a page option: its store is the option's control, also set from the
    # address by the options callback (callbacks.page_options).
    pure_callback(
        app,
        Output(ids.MAP_SELECTED_STORE, "data", allow_duplicate=True),
        Output(ids.MAP_PROFILE_SELECT, "value", allow_duplicate=True),
        Input(charts[ids.MAP_CHART].graph_id, "clickData"),
        Input(ids.MAP_PROFILE_CLOSE, "n_clicks"),
        Input(ids.MAP_PROFILE_SELECT, "value"),
        Input(ids.SELECTION_STORE, "data"),
        State(ids.MAP_SELECTED_STORE, "data"),
        prevent_initial_call="initial_duplicate",
    )(lambda click, close, chosen, selection, current: select_country(
        context, click, close, chosen, selection, current, ctx.triggered_id))
    pure_callback(
        app,
        Output(ids.MAP_PROFILE_SELECT, "value"),
        Input(OPTIONS_STORE, "data"),
        State(ids.MAP_PROFILE_SELECT, "value"),
        prevent_initial_call=True,
    )(lambda options, shown: profile_choice(context, options, shown))
    # The profile and its trend are drawn on the first call too, so a link restores them.
    pure_callback(
        app,
        Output(ids.MAP_PROFILE_TITLE, "children"),
        Output(ids.MAP_PROFILE_BODY, "children"),
        Output(ids.MAP_PROFILE_PUBLISHED, "children"),
        Output(ids.MAP_PROFILE_CLOSE, "hidden"),
        Input(OPTIONS_STORE, "data"),
        Input(ids.SELECTION_STORE, "data"),
        State(ids.LANGUAGE_STORE, "data"),
    )(lambda iso3, selection, lang: update_country_profile(context, iso3, selection, lang))
    pure_callback(
        app,
        Output(charts[ids.MAP_TREND_CHART].graph_id, "figure"),
        Output(charts[ids.MAP_TREND_CHART].summary_id, "children"),
        Output(ids.MAP_TREND_BLOCK, "hidden"),
        Input(OPTIONS_STORE, "data"),
        Input(ids.SELECTION_STORE, "data"),
        State(ids.LANGUAGE_STORE, "data"),
    )(lambda iso3, selection, lang: update_trend(context, iso3, selection, lang))
    pure_callback(
        app,
        Output(ids.MAP_EUTF_PROFILE, "children"),
        Output(charts[ids.MAP_EUTF_RESULTS_CHART].graph_id, "figure"),
        Output(charts[ids.MAP_EUTF_RESULTS_CHART].summary_id, "children"),
        Output(ids.MAP_EUTF_RESULTS_BLOCK, "hidden"),
        # The open country of the page options (EUTF figures ignore the filters).
        Input(OPTIONS_STORE, "data"),
        State(ids.LANGUAGE_STORE, "data"),
    )(lambda options, lang: update_eutf_profile(
        context, MapOptions.from_params(options or {}, context.catalog).profile, lang))
    pure_callback(
        app,
        Output(ids.MAP_EUTF_VALUE, "options"),
        Output(ids.MAP_EUTF_VALUE_GROUP, "hidden"),
        Input(ids.MAP_EUTF_MEASURE, "value"),
        State(ids.LANGUAGE_STORE, "data"),
    )(lambda measure, lang: value_options(context, measure, lang))
    app.clientside_callback(
        SCROLL_TO_PROFILE_JS,
        Output(ids.MAP_SCROLL_SINK, "data"),
        Input(ids.MAP_SELECTED_STORE, "data"),
        prevent_initial_call=True,
    )

