"""The programme map page: colouring and province controls, the map in its chart block with
its disclaimer, the global-component note and the country profile (with its trend chart)
beside the map. Page options (colouring, provinces, the open profile) live in the URL."""

from __future__ import annotations

import unicodedata

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component

from dashboard import ids
from dashboard.common import theme
from dashboard.common.attributes import attributes
from dashboard.common.options import OptionEnv
from dashboard.common.pages import PageContext
from dashboard.i18n import t
from dashboard.map.charts import BY_KEY as CHART
from dashboard.map.charts import CHARTS
from dashboard.map.options import (
    EUTF_MODE,
    INDICATOR_MODE,
    TABLE,
    VALUE_PARAM,
    MapOptions,
    colour_modes,
    eutf_measures,
    value_choices,
)
from dashboard.store.catalog import Catalog
from dashboard.store.eutf import VALUE_KINDS
from layouts.chart_block import chart_block, chart_toolbar, more_charts, table_view_parts
from layouts.page_options import options_store

# URL parameter -> text key naming the option, for the notice about ignored values.
OPTION_LABEL_KEYS = {option.param: option.label_key for option in TABLE.options}

# The charts this layout places itself; any other row of the registry goes after them (more_charts).
PLACED = frozenset({ids.MAP_CHART, ids.MAP_TREND_CHART, ids.MAP_EUTF_RESULTS_CHART})


def _dropped_item(key: str, value: str, lang: str) -> str:
    """One ignored value in words; a known value with no figure says so (no target, say)."""
    option = t(OPTION_LABEL_KEYS[key], lang)
    if key == VALUE_PARAM and value in VALUE_KINDS:
        return t("map.notice.no_figure", lang, value=t(f"eutf.value.{value}", lang), option=option)
    return t("map.notice.item", lang, value=value, option=option)


def options_notice(options: MapOptions, lang: str) -> dbc.Alert | None:
    """A visible notice naming the link's page options that were not recognised, or that would
    show nothing (a value no EUTF figure has), if any."""
    if not options.dropped:
        return None
    items = t("list.separator", lang).join(
        _dropped_item(key, value, lang) for key, value in options.dropped
    )
    return dbc.Alert(
        t("map.notice.dropped", lang, items=items),
        id=ids.MAP_OPTIONS_NOTICE,
        color="warning",
        dismissable=True,
        className="small py-2",
    )


def colour_label(mode: str, lang: str, origin: str) -> str:
    """A colouring's name; the store indicator's names the kind of its data (demo or imported)."""
    if mode == INDICATOR_MODE:
        return t("map.colour.indicator", lang, origin=t(f"kind.short.{origin}", lang))
    return t(f"map.colour.{mode}", lang)


def colour_control(lang: str, mode: str, catalog: Catalog) -> html.Fieldset:
    """One-click choice of what the colours mean (the colourings the store has figures for)."""
    return html.Fieldset(
        [
            html.Legend(
                t("map.colour.label", lang), className="form-label small mb-1 float-none w-auto"
            ),
            dbc.RadioItems(
                id=ids.MAP_COLOUR_RADIO,
                options=[
                    {"label": colour_label(option, lang, catalog.data_origin), "value": option}
                    for option in colour_modes(catalog)
                ],
                value=mode,
                inline=True,
                class_name="btn-group map-colour-choice",
                input_class_name="btn-check",
                label_class_name="btn btn-outline-primary btn-sm",
                label_checked_class_name="active",
            ),
        ],
        className="me-4 mb-2",
    )


def province_control(lang: str, show: bool) -> html.Div:
    """Switch to draw Afghanistan by province."""
    return html.Div(
        dbc.Switch(
            id=ids.MAP_PROVINCES_SWITCH,
            label=t("map.provinces.label", lang),
            value=show,
            class_name="small mb-0",
        ),
        className="mb-2 align-self-end",
    )


def _select(control_id: str, label: str, control: Component) -> html.Div:
    return html.Div(
        [html.Label(label, htmlFor=control_id, className="form-label small mb-1"), control],
        className="me-3 mb-2",
    )


def amount_controls(catalog: Catalog, lang: str, options: MapOptions) -> html.Div:
    """What to colour by when colouring by an amount: an EUTF measure and which value, or an
    indicator of the store; each group shows only with its colouring (the address names their
    values only when they differ from the defaults). Only measures and values some country has a
    figure for are offered; the choice of value shows only when there is a choice."""
    measure = dbc.Select(
        id=ids.MAP_EUTF_MEASURE,
        value=options.measure,
        size="sm",
        options=[
            {"label": t(f"eutf.measure.{key}", lang), "value": key}
            for key in eutf_measures(catalog)
        ],
    )
    choices = value_choices(catalog, options.measure, lang)
    value = dbc.RadioItems(
        id=ids.MAP_EUTF_VALUE, value=options.value, inline=True, class_name="small", options=choices
    )
    indicator = dbc.Select(
        id=ids.MAP_STORE_INDICATOR,
        size="sm",
        options=catalog.options("indicators", lang),
        value=options.indicator,
    )
    return html.Div(
        [
            # ``hidden`` sits on a plain wrapper: Bootstrap's d-flex would override it.
            html.Div(
                html.Div(
                    [
                        _select(ids.MAP_EUTF_MEASURE, t("map.amount.measure", lang), measure),
                        html.Fieldset(
                            [
                                html.Legend(
                                    t("map.amount.value", lang),
                                    className="form-label small mb-1 float-none w-auto",
                                ),
                                value,
                            ],
                            id=ids.MAP_EUTF_VALUE_GROUP,
                            className="mb-2",
                            hidden=len(choices) < 2,
                        ),
                    ],
                    className="d-flex flex-wrap align-items-end",
                ),
                id=ids.MAP_EUTF_CONTROLS,
                hidden=options.mode != EUTF_MODE,
            ),
            html.Div(
                html.Div(
                    _select(ids.MAP_STORE_INDICATOR, t("map.amount.indicator", lang), indicator),
                    className="d-flex flex-wrap align-items-end",
                ),
                id=ids.MAP_INDICATOR_CONTROLS,
                hidden=options.mode != INDICATOR_MODE,
            ),
            html.P(
                t("map.amount.note", lang),
                id=ids.MAP_AMOUNT_NOTE,
                className="small text-muted mb-2",
                hidden=options.mode != EUTF_MODE,
            ),
        ],
    )


def map_block(lang: str) -> html.Section:
    """The map as a chart block: heading, image and data downloads, the map, the source page's
    disclaimer drawn in it, its text summary and the "show as table" view."""
    spec = CHART[ids.MAP_CHART]
    heading_id = f"{spec.key}-heading"
    return html.Section(
        [
            html.H2(t(spec.title_key, lang), id=heading_id, className="h6 mb-1"),
            chart_toolbar(spec.key, spec.graph_id, lang),
            html.Div(
                dcc.Loading(
                    dcc.Graph(
                        id=spec.graph_id,
                        config=theme.graph_config(lang),
                        className="map-graph",
                        responsive=True,
                    ),
                    type="circle",
                    delay_show=300,
                ),
                role="figure",
                className="map-figure",
                **attributes(
                    {
                        # The disclaimer is drawn in the figure: screen readers hear it here.
                        "aria-label": f"{t('map.aria', lang)} {t('map.disclaimer', lang)}",
                        "aria-describedby": spec.summary_id,
                    }
                ),
            ),
            html.P(
                id=spec.summary_id,
                className="small mb-1 chart-summary",
                **attributes({"aria-live": "polite"}),
            ),
            *table_view_parts(spec.key),
        ],
        className="chart-block mb-3",
        **attributes({"aria-labelledby": heading_id}),
    )


def map_panel(lang: str) -> html.Div:
    """The note on the global component, then the map block."""
    return html.Div(
        [
            html.Div(
                id=ids.MAP_GLOBAL_NOTE,
                className="alert alert-light border small py-2 mb-2",
                role="note",
                hidden=True,
            ),
            map_block(lang),
        ],
        className="map-panel-stack",
    )


def _sort_key(label: str) -> str:
    return unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().casefold()


def country_choice(catalog: Catalog, lang: str, chosen: str | None) -> html.Div:
    """A keyboard-usable way to open a country profile, besides clicking the map."""
    options = sorted(
        catalog.options("countries", lang), key=lambda option: _sort_key(str(option["label"]))
    )
    return html.Div(
        [
            html.Label(
                t("map.profile.select", lang),
                htmlFor=ids.MAP_PROFILE_SELECT,
                className="form-label small mb-1",
            ),
            dcc.Dropdown(
                id=ids.MAP_PROFILE_SELECT,
                options=options,
                value=chosen,
                clearable=True,
                searchable=True,
                placeholder=t("map.profile.select_placeholder", lang),
            ),
        ],
        className="map-profile-choice px-3 pt-2",
    )


def trend_block(lang: str) -> html.Div:
    """The profile's trend chart in its chart block; hidden until a country with data is open."""
    return html.Div(
        chart_block(CHART[ids.MAP_TREND_CHART], lang),
        id=ids.MAP_TREND_BLOCK,
        className="px-3 map-trend-block",
        hidden=True,
    )


def eutf_results_block(lang: str) -> html.Div:
    """The country's real EUTF target vs actual chart in its chart block; hidden until a country
    with EUTF results of its own is open."""
    return html.Div(
        chart_block(CHART[ids.MAP_EUTF_RESULTS_CHART], lang),
        id=ids.MAP_EUTF_RESULTS_BLOCK,
        className="px-3",
        hidden=True,
    )


def profile_panel(catalog: Catalog, lang: str, chosen: str | None) -> html.Aside:
    """The country profile beside the map; filled when a country is clicked or chosen (or named
    by the link): facts and headline indicators, the trend, then the published figures."""
    return html.Aside(
        html.Div(
            [
                html.Div(
                    [
                        html.H2(
                            t("map.profile.heading", lang),
                            id=ids.MAP_PROFILE_TITLE,
                            className="h5 mb-0",
                        ),
                        html.Button(
                            id=ids.MAP_PROFILE_CLOSE,
                            type="button",
                            className="btn-close",
                            n_clicks=0,
                            hidden=True,
                            title=t("map.profile.close", lang),
                            **attributes({"aria-label": t("map.profile.close", lang)}),
                        ),
                    ],
                    className="card-header d-flex justify-content-between align-items-center",
                ),
                country_choice(catalog, lang, chosen),
                html.Div(
                    html.P(t("map.profile.hint", lang), className="small text-muted screen-only"),
                    id=ids.MAP_PROFILE_BODY,
                    className="card-body pb-0",
                ),
                trend_block(lang),
                html.Div(id=ids.MAP_PROFILE_PUBLISHED, className="card-body pt-0"),
                html.Div(id=ids.MAP_EUTF_PROFILE, className="card-body pt-0"),
                eutf_results_block(lang),
            ],
            className="card map-profile-card",
        ),
        id=ids.MAP_PROFILE,
        className="map-profile",
        **attributes({"aria-label": t("map.profile.heading", lang)}),
    )


def layout(context: PageContext) -> html.Div:
    """The page."""
    lang = context.lang
    parsed = TABLE.parse(context.params, OptionEnv(context.catalog, context.settings, lang=lang))
    options = MapOptions(**parsed.values, dropped=parsed.dropped)
    return html.Div(
        [
            html.H1(t("map.title", lang), className="h4 mb-1"),
            html.P(
                [
                    t("map.intro", lang),
                    " ",
                    html.Span(t("map.intro.how", lang), className="screen-only"),
                ],
                className="text-muted small mb-2",
            ),
            options_notice(options, lang),
            html.Div(
                [
                    colour_control(lang, options.mode, context.catalog),
                    province_control(lang, options.provinces),
                ],
                className="map-page-controls d-flex flex-wrap align-items-end",
            ),
            amount_controls(context.catalog, lang, options),
            dbc.Row(
                [
                    dbc.Col(map_panel(lang), xs=12, lg=8, class_name="mb-3"),
                    dbc.Col(profile_panel(context.catalog, lang, options.profile), xs=12, lg=4),
                ],
                class_name="g-3",
            ),
            # "" rather than None for no profile: a memory store mounted with None sets its data
            # again, which reruns the options callback and holds the map back by one round.
            dcc.Store(id=ids.MAP_SELECTED_STORE, data=options.profile or ""),
            # What the map shows (its options), written with the map: a Patch needs a drawn map.
            dcc.Store(id=ids.MAP_DRAWN_STORE),
            more_charts(context.charts if context.charts is not None else CHARTS, PLACED, lang),
            options_store(TABLE, parsed, context.search),
            dcc.Store(id=ids.MAP_SCROLL_SINK),
        ],
        id=ids.MAP_PAGE,
    )
