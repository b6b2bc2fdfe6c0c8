"""Callbacks of the map page: the map (full figure or a patch), its notes, the clicked country
and its profile; plus the route that serves the shipped geometry to plotly.js."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, no_update
from flask import Response, abort, request

from dashboard import geometry, ids
from dashboard.context import AppContext
from dashboard.figures import map as map_figures
from dashboard.queries import map as map_queries
from dashboard.selection import Selection

# Inputs whose change only recolours or re-layers the drawn map: answered with a Patch.
PATCH_TRIGGERS = frozenset({ids.MAP_COLOUR_RADIO, ids.MAP_PROVINCES_SWITCH})


def _province_layers(context: AppContext, show_provinces: bool) -> dict:
    if not show_provinces:
        return {}
    return {"provinces": geometry.afghan_provinces(), "rada": map_queries.rada_provinces(context.cursor())}


def update_map(context: AppContext, selection_data: dict | None, mode: str | None,
               show_provinces: bool | None, lang: str, triggered_id: str | None) -> object:
    """The map for the filters, colouring and province view.

    A change of colouring or province view sends a Patch (traces and titles only); a change of
    filters, or the first draw, sends the whole figure. Geometry is never part of either: the
    traces name the geometry URL.
    """
    selection = Selection.from_raw(selection_data or {}, context.catalog)
    countries = map_queries.map_countries(context.cursor(), selection)
    options = {"mode": map_figures.colour_mode(mode), "lang": lang,
               **_province_layers(context, bool(show_provinces))}
    if triggered_id in PATCH_TRIGGERS:
        return map_figures.programme_map_patch(countries, **options)
    return map_figures.programme_map(countries, **options)


def update_map_notes(context: AppContext, selection_data: dict | None, lang: str) -> tuple[str, list, bool]:
    """The text summary of the map, and the note on the global component (hidden when none)."""
    selection = Selection.from_raw(selection_data or {}, context.catalog)
    cursor = context.cursor()
    summary = map_figures.map_summary(map_queries.map_countries(cursor, selection), lang=lang)
    note = map_figures.global_note(map_queries.global_components(cursor, selection), lang=lang)
    return summary, note, not note


def clicked_country(click_data: dict | None) -> str | None:
    """The ISO3 code of a click on the map: a country, or Afghanistan for one of its provinces;
    None for the sea, plain land or anything else."""
    points = (click_data or {}).get("points") or []
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

    A click on a country, or choosing it in the drop-down, opens its profile; the close button,
    a click on the sea or on plain land clears it; so does a filter change that leaves the open
    country outside the filters.
    """
    if triggered_id == ids.MAP_PROFILE_CLOSE:
        return None, None
    if triggered_id == ids.MAP_PROFILE_SELECT:
        iso3 = chosen if chosen in context.catalog.countries else None
        return (iso3 if iso3 != current else no_update), no_update
    if triggered_id == ids.MAP_GRAPH:
        iso3 = clicked_country(click_data)
        return (iso3, iso3) if iso3 != current else (no_update, no_update)
    if current and triggered_id == ids.SELECTION_STORE:
        selection = Selection.from_raw(selection_data or {}, context.catalog)
        if not map_queries.country_in_selection(context.cursor(), selection, current):
            return None, None
    return no_update, no_update


def update_country_profile(context: AppContext, iso3: str | None, selection_data: dict | None,
                           lang: str) -> tuple[str, list, bool]:
    """Title, body and whether the close button is hidden, for the open country (or the hint)."""
    catalog = context.catalog
    cursor = context.cursor()
    selection = Selection.from_raw(selection_data or {}, catalog)
    iso3 = iso3 if isinstance(iso3, str) else ""
    facts = map_queries.country_facts(cursor, iso3)
    headline = map_queries.country_headline(cursor, selection, iso3)
    lead = map_figures.lead_indicator(headline)
    trend_figure = None
    if lead is not None and not facts.empty:
        trend = map_queries.country_trend(cursor, selection, iso3, lead)
        trend_figure = map_figures.country_trend_chart(
            trend, title=map_figures.trend_title(lead, catalog, lang), lang=lang, demo=catalog.is_demo)
    published = map_queries.published_for_country(cursor, iso3)
    title, body = map_figures.country_profile(facts, headline, trend_figure, published, catalog=catalog,
                                              lang=lang, demo=catalog.is_demo)
    return title, body, facts.empty


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


def register(app: Dash, context: AppContext) -> None:
    """Wire this page's callbacks and the geometry route."""
    app.server.add_url_rule(f"{geometry.URL_PREFIX}<name>", endpoint="map_geometry", view_func=serve_geometry)
    app.callback(
        Output(ids.MAP_GRAPH, "figure"),
        Input(ids.SELECTION_STORE, "data"),
        Input(ids.MAP_COLOUR_RADIO, "value"),
        Input(ids.MAP_PROVINCES_SWITCH, "value"),
        State(ids.LANGUAGE_STORE, "data"),
    )(lambda selection, mode, provinces, lang: update_map(context, selection, mode, provinces, lang,
                                                          ctx.triggered_id))
    app.callback(
        Output(ids.MAP_SUMMARY, "children"),
        Output(ids.MAP_GLOBAL_NOTE, "children"),
        Output(ids.MAP_GLOBAL_NOTE, "hidden"),
        Input(ids.SELECTION_STORE, "data"),
        State(ids.LANGUAGE_STORE, "data"),
    )(lambda selection, lang: update_map_notes(context, selection, lang))
    app.callback(
        Output(ids.MAP_SELECTED_STORE, "data"),
        Output(ids.MAP_PROFILE_SELECT, "value"),
        Input(ids.MAP_GRAPH, "clickData"),
        Input(ids.MAP_PROFILE_CLOSE, "n_clicks"),
        Input(ids.MAP_PROFILE_SELECT, "value"),
        Input(ids.SELECTION_STORE, "data"),
        State(ids.MAP_SELECTED_STORE, "data"),
        prevent_initial_call=True,
    )(lambda click, close, chosen, selection, current: select_country(
        context, click, close, chosen, selection, current, ctx.triggered_id))
    app.callback(
        Output(ids.MAP_PROFILE_TITLE, "children"),
        Output(ids.MAP_PROFILE_BODY, "children"),
        Output(ids.MAP_PROFILE_CLOSE, "hidden"),
        Input(ids.MAP_SELECTED_STORE, "data"),
        Input(ids.SELECTION_STORE, "data"),
        State(ids.LANGUAGE_STORE, "data"),
        prevent_initial_call=True,
    )(lambda iso3, selection, lang: update_country_profile(context, iso3, selection, lang))

