"""The pillars page: pillar coverage, indicator comparisons and published figures.

Charts start empty and are filled by ``dashboard.pillars.callbacks`` from the shared selection. Each
chart sits in a chart block (image and data downloads, table view, text summary). Page options
(indicator, trend grouping, sex split, drill-down Action) live in the URL.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from dashboard import ids
from dashboard.common.attributes import attributes
from dashboard.common.options import OptionEnv
from dashboard.common.pages import PageContext
from dashboard.i18n import t
from dashboard.pillars.charts import BY_KEY as CHART
from dashboard.pillars.charts import CHARTS
from dashboard.pillars.explorer_layout import explorer_panel
from dashboard.pillars.options import BY_SEX_ON, TABLE, PageOptions
from dashboard.pillars.queries import TREND_GROUPINGS
from dashboard.store.catalog import Catalog
from layouts.chart_block import chart_block, data_toolbar, more_charts
from layouts.page_options import options_store

# URL parameter -> text key of the control it sets (for the notice about ignored values).
OPTION_LABEL_KEYS = {option.param: option.label_key for option in TABLE.options}

# The charts this layout places itself; any other row of the registry goes after them (more_charts).
PLACED = frozenset(
    {
        ids.PILLARS_MATRIX_CHART,
        ids.PILLARS_COUNTS_CHART,
        ids.PILLARS_DRILL_CHART,
        ids.PILLARS_TOTALS_CHART,
        ids.PILLARS_TREND_CHART,
        ids.PILLARS_RANKING_CHART,
        ids.PILLARS_RATE_REGION_CHART,
        ids.PILLARS_RATE_ACTION_CHART,
        ids.PILLARS_PUBLISHED_CHART,
        ids.PILLARS_EUTF_CHART,
    }
)


def options_notice(options: PageOptions, lang: str) -> dbc.Alert | None:
    """A visible notice listing the page options of the link that were not recognised."""
    if not options.dropped:
        return None
    items = t("list.separator", lang).join(
        t("pillars.notice.item", lang, value=value, option=t(OPTION_LABEL_KEYS[key], lang))
        for key, value in options.dropped
    )
    return dbc.Alert(
        t("pillars.notice.dropped", lang, items=items),
        id=ids.PILLARS_OPTIONS_NOTICE,
        color="warning",
        dismissable=True,
        className="small py-2",
    )


def block(chart_key: str, lang: str) -> html.Section:
    """A chart block of this page, built from the chart's row in the page's chart registry."""
    return chart_block(CHART[chart_key], lang)


def labelled(control_id: str, label_key: str, control: Component, lang: str) -> html.Div:
    """A control with a visible label pointing at it."""
    label_id = f"{control_id}-label"
    return html.Div(
        [
            html.Label(
                t(label_key, lang),
                id=label_id,
                htmlFor=control_id,
                className="form-label small mb-1",
            ),
            control,
        ],
        role="group",
        className="pillars-control",
        **attributes({"aria-labelledby": label_id}),
    )


def coverage_section(lang: str, catalog: Catalog, options: PageOptions) -> html.Section:
    """Pillar matrix, counts per pillar, objective mapping and the drill into one Action."""
    drill = dbc.Select(
        id=ids.PILLARS_DRILL_DROPDOWN, options=catalog.options("actions", lang), value=options.drill
    )
    return html.Section(
        [
            html.H2(
                t("pillars.coverage.heading", lang), id="pillars-coverage-heading", className="h4"
            ),
            html.P(t("pillars.coverage.period_note", lang), className="small text-muted"),
            dbc.Row(
                [
                    dbc.Col(block(ids.PILLARS_MATRIX_CHART, lang), lg=7),
                    dbc.Col(block(ids.PILLARS_COUNTS_CHART, lang), lg=5),
                ],
                className="g-3",
            ),
            html.Details(
                [
                    html.Summary(t("pillars.matrix.table_toggle", lang)),
                    html.Div(id=ids.PILLARS_MATRIX_TABLE, className="table-responsive mt-2"),
                ],
                className="mb-3",
            ),
            html.H3(t("pillars.mapping.heading", lang), className="h5"),
            html.P(t("pillars.mapping.caption", lang), className="small"),
            html.Div(id=ids.PILLARS_MAPPING_TABLE, className="table-responsive mb-4"),
            dbc.Row(
                dbc.Col(
                    labelled(ids.PILLARS_DRILL_DROPDOWN, "pillars.drill.label", drill, lang),
                    xs=12,
                    md=5,
                    lg=4,
                ),
                className="mb-2",
            ),
            block(ids.PILLARS_DRILL_CHART, lang),
            html.Div(
                id=ids.PILLARS_DRILL_NOTES,
                className="small mb-4",
                **attributes({"aria-live": "polite"}),
            ),
        ],
        className="mb-4",
        **attributes({"aria-labelledby": "pillars-coverage-heading"}),
    )


def indicator_controls(lang: str, catalog: Catalog, options: PageOptions) -> dbc.Row:
    """Indicator choice, trend grouping and sex split."""
    indicator = dbc.Select(
        id=ids.PILLARS_INDICATOR_DROPDOWN,
        options=catalog.options("indicators", lang),
        value=options.indicator,
    )
    trend = dbc.RadioItems(
        id=ids.PILLARS_TREND_RADIO,
        value=options.trend,
        inline=True,
        options=[
            {"label": t(f"pillars.controls.{grouping}", lang), "value": grouping}
            for grouping in TREND_GROUPINGS
        ],
    )
    by_sex = dbc.Checklist(
        id=ids.PILLARS_SEX_CHECKLIST,
        value=[BY_SEX_ON] if options.by_sex else [],
        switch=True,
        options=[{"label": t("pillars.controls.by_sex", lang), "value": BY_SEX_ON}],
    )
    return dbc.Row(
        [
            dbc.Col(
                labelled(
                    ids.PILLARS_INDICATOR_DROPDOWN, "pillars.controls.indicator", indicator, lang
                ),
                xs=12,
                md=5,
            ),
            dbc.Col(
                labelled(ids.PILLARS_TREND_RADIO, "pillars.controls.trend", trend, lang), xs=6, md=4
            ),
            dbc.Col(
                labelled(ids.PILLARS_SEX_CHECKLIST, "pillars.controls.sex", by_sex, lang),
                xs=6,
                md=3,
            ),
        ],
        className="g-3 mb-2 align-items-end",
    )


def indicators_section(lang: str, catalog: Catalog, options: PageOptions) -> html.Section:
    """Headline cards, trend, ranking and completion rates."""
    return html.Section(
        [
            html.H2(
                t("pillars.indicators.heading", lang),
                id="pillars-indicators-heading",
                className="h4",
            ),
            html.H3(t("pillars.cards.heading", lang), className="h6"),
            data_toolbar(ids.PILLARS_TOTALS_CHART, lang),
            html.Div(
                id=ids.PILLARS_HEADLINE_CARDS,
                className="mb-3",
                **attributes({"aria-live": "polite"}),
            ),
            indicator_controls(lang, catalog, options),
            dbc.Row(
                [
                    dbc.Col(block(ids.PILLARS_TREND_CHART, lang), lg=7),
                    dbc.Col(block(ids.PILLARS_RANKING_CHART, lang), lg=5),
                ],
                className="g-3",
            ),
            html.H3(t("pillars.rates.heading", lang), className="h5"),
            html.P(t("pillars.rates.caption", lang), className="small"),
            dbc.Row(
                [
                    dbc.Col(block(ids.PILLARS_RATE_REGION_CHART, lang), lg=6),
                    dbc.Col(block(ids.PILLARS_RATE_ACTION_CHART, lang), lg=6),
                ],
                className="g-3",
            ),
        ],
        className="mb-4",
        **attributes({"aria-labelledby": "pillars-indicators-heading"}),
    )


def published_section(lang: str) -> html.Section:
    """Published (real) figures, in their own panel, never mixed with demo values."""
    return html.Section(
        [
            html.H2(
                t("pillars.published.heading", lang), id="pillars-published-heading", className="h4"
            ),
            html.P(
                t("pillars.published.caption", lang), className="alert alert-secondary small py-2"
            ),
            html.P(t("pillars.published.filters", lang), className="small text-muted"),
            data_toolbar(ids.PILLARS_PUBLISHED_CHART, lang),
            html.Div(id=ids.PILLARS_PUBLISHED_TABLE, **attributes({"aria-live": "polite"})),
        ],
        className="pillars-published border rounded p-3 mb-4",
        **attributes({"aria-labelledby": "pillars-published-heading"}),
    )


def eutf_section(lang: str, catalog: Catalog, options: PageOptions) -> html.Section:
    """Reported results (real): target vs actual by country for one pillar's numbered Common
    Output Indicators, and the explorer of every result row."""
    pillar = dbc.RadioItems(
        id=ids.PILLARS_EUTF_PILLAR_RADIO,
        value=str(options.eutf_pillar),
        inline=True,
        options=[
            {"label": named.name(lang), "value": str(number)}
            for number, named in catalog.pillars.items()
        ],
    )
    return html.Section(
        [
            html.H2(t("eutf.pillars.heading", lang), id="pillars-eutf-heading", className="h4"),
            html.P(t("kind.eutf", lang), className="alert alert-info small py-2 mb-2"),
            html.P(t("eutf.pillars.caption", lang), className="small"),
            labelled(ids.PILLARS_EUTF_PILLAR_RADIO, "eutf.pillars.choose", pillar, lang),
            block(ids.PILLARS_EUTF_CHART, lang),
            *explorer_panel(lang),
        ],
        className="pillars-eutf border rounded p-3 mb-4",
        **attributes({"aria-labelledby": "pillars-eutf-heading"}),
    )


def layout(context: PageContext) -> html.Div:
    """The page."""
    lang = context.lang
    parsed = TABLE.parse(context.params, OptionEnv(context.catalog, context.settings, lang=lang))
    options = PageOptions(**parsed.values, dropped=parsed.dropped)
    return html.Div(
        [
            html.H1(t("pillars.title", lang), className="h3"),
            html.P(t("pillars.intro", lang), className="text-muted"),
            options_notice(options, lang),
            coverage_section(lang, context.catalog, options),
            indicators_section(lang, context.catalog, options),
            published_section(lang),
            eutf_section(lang, context.catalog, options),
            more_charts(context.charts if context.charts is not None else CHARTS, PLACED, lang),
            options_store(TABLE, parsed, context.search),
        ],
        id=ids.PILLARS_PAGE,
    )
