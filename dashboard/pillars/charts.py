"""The pillars page's charts, declared once: their ids, titles, kinds, and the functions that compute each chart's data and figure for a request (``ChartSpec``). The layout builds the panels from these rows, the callbacks wire them, exports and the API read them."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from plotly import graph_objects as go

from dashboard import ids
from dashboard.common import queries as shared_queries
from dashboard.common.charts import ChartRequest, ChartSpec
from dashboard.common.data_kinds import EUTF, MAPPING, PUBLISHED
from dashboard.i18n import t
from dashboard.pillars import figures, frames, queries
from dashboard.pillars.options import PageOptions
from dashboard.selection import Selection
from dashboard.store.catalog import Catalog

PAGE = "pillars"


def indicator_facts(cursor, catalog: Catalog, code: str, lang: str) -> tuple[str, str]:
    """The indicator's name in ``lang`` and its unit."""
    meta = queries.indicator_meta(cursor, code) or {}
    return catalog.indicators[code].name(lang), str(meta.get("unit", ""))


def choose_drill_action(in_scope: list[str], selection: Selection, current: object) -> str | None:
    """The Action to drill into: the filter's Action when exactly one is chosen, else the current
    choice if still in scope, else the first Action in scope (None when there is none)."""
    if len(selection.actions) == 1 and selection.actions[0] in in_scope:
        return selection.actions[0]
    if current in in_scope:
        return str(current)
    return in_scope[0] if in_scope else None


def drill_frame(cursor, selection: Selection, current: object) -> tuple[list[str], str | None, pd.DataFrame]:
    """Actions in scope, the Action drilled into, and its countries x pillars (no rows without one)."""
    in_scope = queries.actions_in_scope(cursor, selection)
    action = choose_drill_action(in_scope, selection, current)
    # With no Action in scope the scope is empty, so any code gives the empty frame with its columns.
    return in_scope, action, queries.country_pillar_matrix(cursor, selection, action or "")


def matrix_data(request: ChartRequest) -> pd.DataFrame:
    """Cells of the Action x pillar matrix."""
    frame = queries.action_pillar_matrix(request.cursor, request.selection)
    return frames.pillar_matrix_data(frame, lang=request.lang)


def counts_data(request: ChartRequest) -> pd.DataFrame:
    """Actions and countries applying each pillar."""
    frame = queries.pillar_counts(request.cursor, request.selection)
    return frames.pillar_counts_data(frame, lang=request.lang)


def drill_data(request: ChartRequest) -> pd.DataFrame:
    """The drilled Action's countries by pillar (the Action chosen as the page does)."""
    options = PageOptions.from_params(request.params, request.catalog)
    _, action, grid = drill_frame(request.cursor, request.selection, options.drill)
    name = request.catalog.actions[action].name(request.lang) if action else ""
    return frames.country_pillar_data(grid, lang=request.lang, action_code=action, action_name=name)


def totals_data(request: ChartRequest) -> pd.DataFrame:
    """The headline cards' totals."""
    frame = queries.indicator_totals(request.cursor, request.selection)
    return frames.indicator_totals_data(frame, lang=request.lang)


@dataclass(frozen=True)
class IndicatorView:
    """What the trend and the ranking are drawn from: the page options, the indicator's name and
    unit in the language, and the query's rows (the same for a chart and the data behind it)."""

    options: PageOptions
    name: str
    unit: str
    frame: pd.DataFrame


def trend_view(request: ChartRequest) -> IndicatorView:
    """The trend's rows for the indicator and grouping of the URL."""
    options = PageOptions.from_params(request.params, request.catalog)
    name, unit = indicator_facts(request.cursor, request.catalog, options.indicator, request.lang)
    frame = queries.indicator_trend(request.cursor, request.selection, options.indicator, options.trend)
    return IndicatorView(options, name, unit, frame)


def ranking_view(request: ChartRequest) -> IndicatorView:
    """The ranking's rows for the indicator and sex split of the URL."""
    options = PageOptions.from_params(request.params, request.catalog)
    name, unit = indicator_facts(request.cursor, request.catalog, options.indicator, request.lang)
    frame = shared_queries.country_ranking(request.cursor, request.selection, options.indicator,
                                              by_sex=options.by_sex)
    return IndicatorView(options, name, unit, frame)


def trend_data(request: ChartRequest) -> pd.DataFrame:
    """The trend's points for the indicator and grouping of the URL."""
    view = trend_view(request)
    return frames.indicator_trend_data(view.frame, lang=request.lang, indicator=view.options.indicator,
                                                  indicator_name=view.name, unit=view.unit,
                                                  group_by=view.options.trend)


def ranking_data(request: ChartRequest) -> pd.DataFrame:
    """The ranking's bars for the indicator and sex split of the URL."""
    view = ranking_view(request)
    return frames.country_ranking_data(view.frame, lang=request.lang, indicator=view.options.indicator,
                                                  indicator_name=view.name, unit=view.unit,
                                                  by_sex=view.options.by_sex)


def rate_data(group_by: str):
    """The data function of the completion-rate chart by ``group_by``."""
    def data(request: ChartRequest) -> pd.DataFrame:
        frame = queries.completion_rates(request.cursor, request.selection, group_by)
        return frames.completion_rate_data(frame, lang=request.lang, group_by=group_by)
    return data


def published_data(request: ChartRequest) -> pd.DataFrame:
    """The published figures, with source address and date."""
    frame = queries.published_figures(request.cursor, request.selection)
    return frames.published_data(frame, lang=request.lang)


def eutf_pillar_rows(cursor, pillar: int) -> pd.DataFrame:
    """The pillar's rows of ``queries.pillar_results`` (country and regional)."""
    rows = queries.pillar_results(cursor)
    return rows[rows["pillar_no"] == pillar].reset_index(drop=True)


def eutf_results_data(request: ChartRequest) -> pd.DataFrame:
    """The chosen pillar's EUTF rows, country and regional, as a table."""
    pillar = PageOptions.from_params(request.params, request.catalog).eutf_pillar
    rows = eutf_pillar_rows(request.cursor, pillar)
    names = {number: named.name(request.lang) for number, named in request.catalog.pillars.items()}
    return frames.pillar_results_table(rows, pillar_names=names, lang=request.lang)


def matrix_figure(request: ChartRequest) -> go.Figure:
    """The Action x pillar matrix."""
    return figures.pillar_matrix_chart(queries.action_pillar_matrix(request.cursor, request.selection),
                                              lang=request.lang)


def counts_figure(request: ChartRequest) -> go.Figure:
    """Actions and countries applying each pillar."""
    return figures.pillar_counts_chart(queries.pillar_counts(request.cursor, request.selection),
                                              lang=request.lang)


def trend_figure(request: ChartRequest) -> go.Figure:
    """Quarterly lines of the indicator and grouping of the URL."""
    view = trend_view(request)
    return figures.indicator_trend_chart(view.frame, lang=request.lang, demo=request.catalog.is_demo,
                                                   indicator_name=view.name, unit=view.unit,
                                                   group_by=view.options.trend)


def ranking_figure(request: ChartRequest) -> go.Figure:
    """Countries ranked by the indicator of the URL."""
    view = ranking_view(request)
    return figures.country_ranking_chart(view.frame, lang=request.lang, demo=request.catalog.is_demo,
                                                   indicator_name=view.name, unit=view.unit,
                                                   by_sex=view.options.by_sex)


def rate_figure(group_by: str):
    """The figure function of the completion-rate chart by ``group_by``."""
    def figure(request: ChartRequest) -> go.Figure:
        frame = queries.completion_rates(request.cursor, request.selection, group_by)
        return figures.completion_rate_chart(frame, lang=request.lang, demo=request.catalog.is_demo,
                                                       group_by=group_by)
    return figure


def eutf_results_figure(request: ChartRequest) -> go.Figure:
    """The chosen pillar's EUTF target-vs-actual chart."""
    pillar = PageOptions.from_params(request.params, request.catalog).eutf_pillar
    rows = eutf_pillar_rows(request.cursor, pillar)
    name = request.catalog.pillars[pillar].name(request.lang)
    numbers = ", ".join(dict.fromkeys(rows["indicator_number"])) or "–"
    return figures.pillar_results_chart(
        rows, pillar=t("eutf.pillars.chart_title", request.lang, pillar=name, numbers=numbers), lang=request.lang)


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(ids.PILLARS_MATRIX_CHART, PAGE, ids.PILLARS_MATRIX_GRAPH, "pillars.matrix.title", matrix_data,
              MAPPING, figure=matrix_figure, summary_id=ids.PILLARS_MATRIX_SUMMARY),
    ChartSpec(ids.PILLARS_COUNTS_CHART, PAGE, ids.PILLARS_COUNTS_GRAPH, "pillars.counts.title", counts_data,
              MAPPING, figure=counts_figure, summary_id=ids.PILLARS_COUNTS_SUMMARY),
    ChartSpec(ids.PILLARS_DRILL_CHART, PAGE, ids.PILLARS_DRILL_GRAPH, "pillars.drill.heading", drill_data,
              MAPPING, summary_id=ids.PILLARS_DRILL_SUMMARY),
    ChartSpec(ids.PILLARS_TOTALS_CHART, PAGE, ids.PILLARS_HEADLINE_CARDS, "pillars.cards.heading", totals_data),
    ChartSpec(ids.PILLARS_TREND_CHART, PAGE, ids.PILLARS_TREND_GRAPH, "pillars.block.trend", trend_data,
              figure=trend_figure, summary_id=ids.PILLARS_TREND_SUMMARY),
    ChartSpec(ids.PILLARS_RANKING_CHART, PAGE, ids.PILLARS_RANKING_GRAPH, "pillars.block.ranking", ranking_data,
              figure=ranking_figure, summary_id=ids.PILLARS_RANKING_SUMMARY),
    ChartSpec(ids.PILLARS_RATE_REGION_CHART, PAGE, ids.PILLARS_RATE_REGION_GRAPH, "pillars.rates.title.region",
              rate_data("region"), figure=rate_figure("region"), summary_id=ids.PILLARS_RATE_REGION_SUMMARY),
    ChartSpec(ids.PILLARS_RATE_ACTION_CHART, PAGE, ids.PILLARS_RATE_ACTION_GRAPH, "pillars.rates.title.action",
              rate_data("action"), figure=rate_figure("action"), summary_id=ids.PILLARS_RATE_ACTION_SUMMARY),
    ChartSpec(ids.PILLARS_PUBLISHED_CHART, PAGE, ids.PILLARS_PUBLISHED_TABLE, "pillars.published.heading",
              published_data, PUBLISHED),
    ChartSpec(ids.PILLARS_EUTF_CHART, PAGE, ids.PILLARS_EUTF_GRAPH, "eutf.pillars.chart", eutf_results_data, EUTF,
              figure=eutf_results_figure, summary_id=ids.PILLARS_EUTF_SUMMARY),
)

# The same rows by key (the layout builds each panel from its row).
BY_KEY: dict[str, ChartSpec] = {chart.key: chart for chart in CHARTS}
