"""The map page's own callbacks: the clicked or chosen country whose profile opens, the country
drop-down following the open profile, the EUTF values a measure offers, and bringing the profile
into view on a phone; plus the route that serves the shipped geometry to plotly.js.

The map, the profile's charts and blocks, and the notes are answered by the page's one chart
callback, built from the registry (``dashboard.map.charts``) by ``callbacks.charts``.
"""

from __future__ import annotations

import json

from dash import Dash, Input, Output, State, ctx, no_update
from flask import Response, abort, request
from werkzeug.wrappers import Response as WerkzeugResponse

from dashboard import ids
from dashboard.auth.policy import VIEWING
from dashboard.common.wiring import declare
from dashboard.i18n import normalise_language
from dashboard.map import geometry, queries
from dashboard.map.options import TABLE as MAP_TABLE
from dashboard.map.options import (
    MapOptions,
    value_choices,
)
from dashboard.selection import Selection
from dashboard.store.context import AppContext

OPTIONS_STORE = MAP_TABLE.store_id


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


def select_country(
    context: AppContext,
    click_data: dict | None,
    close_clicks: int | None,
    chosen: str | None,
    selection_data: dict | None,
    current: str | None,
    triggered_id: str | None,
) -> tuple[object, object]:
    """The country whose profile is open, and the value of the country drop-down.

    A click on an Action country, or choosing it in the drop-down, opens its profile; the close
    button, a click on the sea, on plain land or on a country without a profile clears it; so
    does a filter change that leaves the open country outside the filters, or a link whose
    profile country is outside its filters (the first call, ``triggered_id`` None).
    """
    if triggered_id == ids.MAP_PROFILE_CLOSE:
        return None, None
    if current is not None and not (
        isinstance(current, str) and current in context.catalog.countries
    ):
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
        if not queries.country_in_selection(context.cursor(), selection, current):
            return None, None
    return no_update, no_update


def profile_choice(context: AppContext, options_data: dict | None, shown: object) -> object:
    """The country drop-down follows the open profile (after Back or Forward, say)."""
    profile = MapOptions.from_params(options_data or {}, context.catalog).profile
    return no_update if profile == shown else profile


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
""".replace("PROFILE_ID", json.dumps(ids.MAP_PROFILE)).replace(
    "TITLE_ID", json.dumps(ids.MAP_PROFILE_TITLE)
)


def serve_geometry(name: str) -> WerkzeugResponse:
    """One shipped geometry file (allow-listed), cacheable and revalidated by its entity tag."""
    if name not in geometry.GEOMETRY_FILES:
        abort(404)
    shipped = geometry.geometry_file(name)
    response = Response(shipped.content, mimetype="application/geo+json")
    response.set_etag(shipped.etag)
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response.make_conditional(request)


def value_options(
    context: AppContext, measure: object, lang: str | None
) -> tuple[list[dict], bool]:
    """The values of the measure some country has a figure for, and whether their choice is
    hidden (one value or none: nothing to choose)."""
    choices = value_choices(context.catalog, measure, normalise_language(lang))
    return choices, len(choices) < 2


def register(app: Dash, context: AppContext) -> None:
    """Wire this page's own callbacks (its charts, profile and notes are answered by the page's
    chart callback, ``callbacks.charts``) and the geometry route."""
    app.server.add_url_rule(
        f"{geometry.URL_PREFIX}<name>", endpoint="map_geometry", view_func=serve_geometry
    )
    # Not prevented on the first call: a link's profile country is checked against its filters.
    # The open country is a page option: its store is the option's control, also set from the
    # address by the options callback (callbacks.page_options).
    declare(
        app,
        Output(ids.MAP_SELECTED_STORE, "data", allow_duplicate=True),
        Output(ids.MAP_PROFILE_SELECT, "value", allow_duplicate=True),
        Input(ids.MAP_GRAPH, "clickData"),
        Input(ids.MAP_PROFILE_CLOSE, "n_clicks"),
        Input(ids.MAP_PROFILE_SELECT, "value"),
        Input(ids.SELECTION_STORE, "data"),
        State(ids.MAP_SELECTED_STORE, "data"),
        prevent_initial_call="initial_duplicate",
        pure=True,
        needs=VIEWING,
    )(
        lambda click, close, chosen, selection, current: select_country(
            context, click, close, chosen, selection, current, ctx.triggered_id
        )
    )
    declare(
        app,
        Output(ids.MAP_PROFILE_SELECT, "value"),
        Input(OPTIONS_STORE, "data"),
        State(ids.MAP_PROFILE_SELECT, "value"),
        prevent_initial_call=True,
        pure=True,
        needs=VIEWING,
    )(lambda options, shown: profile_choice(context, options, shown))
    declare(
        app,
        Output(ids.MAP_EUTF_VALUE, "options"),
        Output(ids.MAP_EUTF_VALUE_GROUP, "hidden"),
        Input(ids.MAP_EUTF_MEASURE, "value"),
        State(ids.LANGUAGE_STORE, "data"),
        pure=True,
        needs=VIEWING,
    )(lambda measure, lang: value_options(context, measure, lang))
    app.clientside_callback(
        SCROLL_TO_PROFILE_JS,
        Output(ids.MAP_SCROLL_SINK, "data"),
        Input(ids.MAP_SELECTED_STORE, "data"),
        prevent_initial_call=True,
    )
