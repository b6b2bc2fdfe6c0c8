"""The programme map page: colouring and province controls, the map with its disclaimer, the
global-component note and the country profile beside the map."""

from __future__ import annotations

import unicodedata

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids, theme
from dashboard.catalog import Catalog
from dashboard.figures.map import COLOUR_MODES, colour_mode
from dashboard.i18n import t
from layouts.page_context import PageContext

# URL parameters of this page's options (the filters are the shell's).
COLOUR_PARAM = "colour"
PROVINCES_PARAM = "provinces"
# (component id, property, URL parameter): the shell writes these options into the URL.
URL_OPTIONS = (
    (ids.MAP_COLOUR_RADIO, "value", COLOUR_PARAM),
    (ids.MAP_PROVINCES_SWITCH, "value", PROVINCES_PARAM),
)


def initial_options(params: dict[str, str]) -> tuple[str, bool]:
    """Colouring mode and province view from URL parameters; unknown values give the defaults."""
    return colour_mode(params.get(COLOUR_PARAM)), params.get(PROVINCES_PARAM) in ("1", "true", "yes")


def colour_control(lang: str, mode: str) -> html.Fieldset:
    """One-click choice of what the colours mean."""
    return html.Fieldset(
        [
            html.Legend(t("map.colour.label", lang), className="form-label small mb-1 float-none w-auto"),
            dbc.RadioItems(
                id=ids.MAP_COLOUR_RADIO,
                options=[{"label": t(f"map.colour.{option}", lang), "value": option} for option in COLOUR_MODES],
                value=mode, inline=True, class_name="btn-group map-colour-choice",
                input_class_name="btn-check", label_class_name="btn btn-outline-primary btn-sm",
                label_checked_class_name="active",
            ),
        ],
        className="me-4 mb-2",
    )


def province_control(lang: str, show: bool) -> html.Div:
    """Switch to draw Afghanistan by province."""
    return html.Div(
        dbc.Switch(id=ids.MAP_PROVINCES_SWITCH, label=t("map.provinces.label", lang), value=show,
                   class_name="small mb-0"),
        className="mb-2 align-self-end",
    )


def map_panel(lang: str) -> html.Div:
    """The map, its text summary and the source page's disclaimer directly under it."""
    return html.Div(
        [
            html.Div(id=ids.MAP_GLOBAL_NOTE, className="alert alert-light border small py-2 mb-2",
                     role="note", hidden=True),
            html.Div(
                dcc.Loading(
                    dcc.Graph(id=ids.MAP_GRAPH, config=theme.GRAPH_CONFIG, className="map-graph",
                              responsive=True, style={"width": "100%", "aspectRatio": "1.15", "minHeight": "360px",
                                     "maxHeight": "660px"}),
                    type="circle", delay_show=300,
                ),
                role="figure", className="map-figure",
                **{"aria-label": t("map.aria", lang), "aria-describedby": ids.MAP_SUMMARY},
            ),
            html.P(t("map.disclaimer", lang), id=ids.MAP_DISCLAIMER, className="map-disclaimer small text-muted mb-1"),
            html.P(id=ids.MAP_SUMMARY, className="small mb-0", **{"aria-live": "polite"}),
        ],
    )


def _sort_key(label: str) -> str:
    return unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().casefold()


def country_choice(catalog: Catalog, lang: str) -> html.Div:
    """A keyboard-usable way to open a country profile, besides clicking the map."""
    options = sorted(catalog.options("countries", lang), key=lambda option: _sort_key(str(option["label"])))
    return html.Div(
        [
            html.Label(t("map.profile.select", lang), htmlFor=ids.MAP_PROFILE_SELECT, className="form-label small mb-1"),
            dcc.Dropdown(id=ids.MAP_PROFILE_SELECT, options=options, value=None, clearable=True, searchable=True,
                         placeholder=t("map.profile.select_placeholder", lang)),
        ],
        className="px-3 pt-2",
    )


def profile_panel(catalog: Catalog, lang: str) -> html.Aside:
    """The country profile beside the map; filled when a country is clicked or chosen."""
    return html.Aside(
        html.Div(
            [
                html.Div(
                    [
                        html.H2(t("map.profile.heading", lang), id=ids.MAP_PROFILE_TITLE, className="h5 mb-0"),
                        html.Button(id=ids.MAP_PROFILE_CLOSE, type="button", className="btn-close", n_clicks=0,
                                    hidden=True, title=t("map.profile.close", lang),
                                    **{"aria-label": t("map.profile.close", lang)}),
                    ],
                    className="card-header d-flex justify-content-between align-items-center",
                ),
                country_choice(catalog, lang),
                html.Div(html.P(t("map.profile.hint", lang), className="small text-muted"),
                         id=ids.MAP_PROFILE_BODY, className="card-body"),
            ],
            className="card map-profile-card",
        ),
        id=ids.MAP_PROFILE, className="map-profile", **{"aria-label": t("map.profile.heading", lang)},
    )


def layout(context: PageContext) -> html.Div:
    """The page."""
    lang = context.lang
    mode, show_provinces = initial_options(context.params)
    return html.Div(
        [
            html.H1(t("map.title", lang), className="h4 mb-1"),
            html.P(t("map.intro", lang), className="text-muted small mb-2"),
            html.Div([colour_control(lang, mode), province_control(lang, show_provinces)],
                     className="d-flex flex-wrap align-items-end"),
            dbc.Row(
                [
                    dbc.Col(map_panel(lang), xs=12, lg=8, class_name="mb-3"),
                    dbc.Col(profile_panel(context.catalog, lang), xs=12, lg=4),
                ],
                class_name="g-3",
            ),
            dcc.Store(id=ids.MAP_SELECTED_STORE),
        ],
        id=ids.MAP_PAGE,
    )
