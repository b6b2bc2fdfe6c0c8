"""The pillars page: pillar coverage, indicator comparisons and published figures.

Charts start empty and are filled by ``callbacks.pillars_page`` from the shared selection.
Page options (indicator, trend grouping, sex split, drill-down Action) may come from the URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids, theme
from dashboard.catalog import Catalog
from dashboard.i18n import t
from dashboard.queries.indicators import DEFAULT_INDICATOR, TREND_GROUPINGS
from dashboard.queries.pillars import DEFAULT_DRILL_ACTION
from layouts.page_context import PageContext

BY_SEX = "by_sex"


@dataclass(frozen=True)
class PageOptions:
    """The page's own choices, read from URL parameters; unknown values fall back to defaults."""

    indicator: str
    trend: str
    by_sex: bool
    drill: str | None

    @classmethod
    def from_params(cls, params: Mapping[str, object], catalog: Catalog) -> PageOptions:
        """``indicator=``, ``trend=region|action``, ``by_sex=1``, ``drill=<Action code>``."""
        default_indicator = DEFAULT_INDICATOR if DEFAULT_INDICATOR in catalog.indicators else next(iter(catalog.indicators), "")
        indicator = params.get("indicator")
        trend = params.get("trend")
        drill = params.get("drill")
        default_drill = DEFAULT_DRILL_ACTION if DEFAULT_DRILL_ACTION in catalog.actions else next(iter(catalog.actions), None)
        return cls(
            indicator=indicator if indicator in catalog.indicators else default_indicator,
            trend=trend if trend in TREND_GROUPINGS else TREND_GROUPINGS[0],
            by_sex=params.get("by_sex") in ("1", "true", "yes"),
            drill=drill if drill in catalog.actions else default_drill,
        )


def chart(graph_id: str, aria_key: str, lang: str) -> html.Figure:
    """A graph with its accessible description."""
    return html.Figure(
        dcc.Loading(dcc.Graph(id=graph_id, config=theme.GRAPH_CONFIG, className="pillars-graph"),
                    type="dot", delay_show=300),
        className="pillars-chart mb-3", **{"aria-label": t(aria_key, lang)},
    )


def labelled(control_id: str, label_key: str, control: object, lang: str) -> html.Div:
    """A control with a visible label pointing at it."""
    label_id = f"{control_id}-label"
    return html.Div(
        [html.Label(t(label_key, lang), id=label_id, htmlFor=control_id, className="form-label small mb-1"), control],
        role="group", className="pillars-control", **{"aria-labelledby": label_id},
    )


def coverage_section(lang: str, catalog: Catalog, options: PageOptions) -> html.Section:
    """Pillar matrix, counts per pillar, objective mapping and the drill into one Action."""
    drill = dbc.Select(id=ids.PILLARS_DRILL_DROPDOWN, options=catalog.options("actions", lang), value=options.drill)
    return html.Section(
        [
            html.H2(t("pillars.coverage.heading", lang), id="pillars-coverage-heading", className="h4"),
            html.P(t("pillars.coverage.period_note", lang), className="small text-muted"),
            dbc.Row(
                [
                    dbc.Col(chart(ids.PILLARS_MATRIX_GRAPH, "pillars.matrix.aria", lang), lg=7),
                    dbc.Col(chart(ids.PILLARS_COUNTS_GRAPH, "pillars.counts.aria", lang), lg=5),
                ],
                className="g-3",
            ),
            html.Details(
                [html.Summary(t("pillars.matrix.table_toggle", lang)),
                 html.Div(id=ids.PILLARS_MATRIX_TABLE, className="table-responsive mt-2")],
                className="mb-3",
            ),
            html.H3(t("pillars.mapping.heading", lang), className="h5"),
            html.P(t("pillars.mapping.caption", lang), className="small"),
            html.Div(id=ids.PILLARS_MAPPING_TABLE, className="table-responsive mb-4"),
            html.H3(t("pillars.drill.heading", lang), className="h5"),
            dbc.Row(dbc.Col(labelled(ids.PILLARS_DRILL_DROPDOWN, "pillars.drill.label", drill, lang),
                            xs=12, md=4, lg=3), className="mb-2"),
            chart(ids.PILLARS_DRILL_GRAPH, "pillars.drill.aria", lang),
            html.Div(id=ids.PILLARS_DRILL_NOTES, className="small mb-4", **{"aria-live": "polite"}),
        ],
        className="mb-4", **{"aria-labelledby": "pillars-coverage-heading"},
    )


def indicator_controls(lang: str, catalog: Catalog, options: PageOptions) -> dbc.Row:
    """Indicator choice, trend grouping and sex split."""
    indicator = dbc.Select(id=ids.PILLARS_INDICATOR_DROPDOWN, options=catalog.options("indicators", lang),
                           value=options.indicator)
    trend = dbc.RadioItems(
        id=ids.PILLARS_TREND_RADIO, value=options.trend, inline=True,
        options=[{"label": t(f"pillars.controls.{grouping}", lang), "value": grouping} for grouping in TREND_GROUPINGS],
    )
    by_sex = dbc.Checklist(
        id=ids.PILLARS_SEX_CHECKLIST, value=[BY_SEX] if options.by_sex else [], switch=True,
        options=[{"label": t("pillars.controls.by_sex", lang), "value": BY_SEX}],
    )
    return dbc.Row(
        [
            dbc.Col(labelled(ids.PILLARS_INDICATOR_DROPDOWN, "pillars.controls.indicator", indicator, lang), xs=12, md=5),
            dbc.Col(labelled(ids.PILLARS_TREND_RADIO, "pillars.controls.trend", trend, lang), xs=6, md=4),
            dbc.Col(labelled(ids.PILLARS_SEX_CHECKLIST, "pillars.controls.sex", by_sex, lang), xs=6, md=3),
        ],
        className="g-3 mb-2 align-items-end",
    )


def indicators_section(lang: str, catalog: Catalog, options: PageOptions) -> html.Section:
    """Headline cards, trend, ranking and completion rates."""
    return html.Section(
        [
            html.H2(t("pillars.indicators.heading", lang), id="pillars-indicators-heading", className="h4"),
            html.H3(t("pillars.cards.heading", lang), className="h6"),
            html.Div(id=ids.PILLARS_HEADLINE_CARDS, className="mb-3", **{"aria-live": "polite"}),
            indicator_controls(lang, catalog, options),
            dbc.Row(
                [
                    dbc.Col(chart(ids.PILLARS_TREND_GRAPH, "pillars.trend.aria", lang), lg=7),
                    dbc.Col(chart(ids.PILLARS_RANKING_GRAPH, "pillars.ranking.aria", lang), lg=5),
                ],
                className="g-3",
            ),
            html.H3(t("pillars.rates.heading", lang), className="h5"),
            html.P(t("pillars.rates.caption", lang), className="small"),
            dbc.Row(
                [
                    dbc.Col(chart(ids.PILLARS_RATE_REGION_GRAPH, "pillars.rates.aria", lang), lg=6),
                    dbc.Col(chart(ids.PILLARS_RATE_ACTION_GRAPH, "pillars.rates.aria", lang), lg=6),
                ],
                className="g-3",
            ),
        ],
        className="mb-4", **{"aria-labelledby": "pillars-indicators-heading"},
    )


def published_section(lang: str) -> html.Section:
    """Published (real) figures, in their own panel, never mixed with demo values."""
    return html.Section(
        [
            html.H2(t("pillars.published.heading", lang), id="pillars-published-heading", className="h4"),
            html.P(t("pillars.published.caption", lang), className="alert alert-secondary small py-2"),
            html.P(t("pillars.published.filters", lang), className="small text-muted"),
            html.Div(id=ids.PILLARS_PUBLISHED_TABLE, **{"aria-live": "polite"}),
        ],
        className="pillars-published border rounded p-3 mb-4", **{"aria-labelledby": "pillars-published-heading"},
    )


def layout(context: PageContext) -> html.Div:
    """The page."""
    lang = context.lang
    options = PageOptions.from_params(context.params, context.catalog)
    return html.Div(
        [
            html.H1(t("pillars.title", lang), className="h3"),
            html.P(t("pillars.intro", lang), className="text-muted"),
            coverage_section(lang, context.catalog, options),
            indicators_section(lang, context.catalog, options),
            published_section(lang),
        ],
        id=ids.PILLARS_PAGE,
    )
