"""Callbacks of the pillars page: every chart follows the shared selection store.

Each chart and its exported data come from the same query call (the ``*_frame`` helpers below),
so a download or a table view always holds what the chart shows.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from dash import Dash, Input, Output, Patch, State, html, no_update
from plotly import graph_objects as go

from dashboard import ids
from dashboard.blocks import indicators as indicator_blocks
from dashboard.blocks import pillars as pillar_blocks
from dashboard.catalog import Catalog
from dashboard.charts import ChartRequest, ChartSpec
from dashboard.context import AppContext
from dashboard.data_kinds import EUTF, MAPPING, PUBLISHED
from dashboard.figures import eutf as eutf_figures
from dashboard.figures import indicators as indicator_figures
from dashboard.figures import pillars as pillar_figures
from dashboard.frames import eutf as eutf_frames
from dashboard.frames import indicators as indicator_frames
from dashboard.frames import pillars as pillar_frames
from dashboard.i18n import format_number, normalise_language, t
from dashboard.pillars_options import TABLE as PILLARS_TABLE
from dashboard.pillars_options import PageOptions
from dashboard.queries import eutf as eutf_queries
from dashboard.queries import indicators as indicator_queries
from dashboard.queries import pillars as pillar_queries
from dashboard.selection import Selection
from dashboard.summaries import indicators as indicator_summaries
from dashboard.summaries import pillars as pillar_summaries

PAGE = "pillars"


def _selection(context: AppContext, selection_data: dict | None) -> Selection:
    return Selection.from_raw(selection_data or {}, context.catalog)


def _described(summary: str, guide_key: str, lang: str) -> str:
    """A chart's text alternative: what it shows now, then how to read it."""
    return f"{summary} {t(guide_key, lang)}"


def indicator_facts(cursor, catalog: Catalog, code: str, lang: str) -> tuple[str, str]:
    """The indicator's name in ``lang`` and its unit."""
    meta = indicator_queries.indicator_meta(cursor, code) or {}
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
    in_scope = pillar_queries.actions_in_scope(cursor, selection)
    action = choose_drill_action(in_scope, selection, current)
    # With no Action in scope the scope is empty, so any code gives the empty frame with its columns.
    return in_scope, action, pillar_queries.country_pillar_matrix(cursor, selection, action or "")


# ---------------------------------------------------------------- callbacks
def update_coverage(context: AppContext, selection_data: dict | None, lang: str | None) -> tuple:
    """Matrix figure and summary, matrix table, counts figure and summary, objective mapping table."""
    lang = normalise_language(lang)
    selection = _selection(context, selection_data)
    cursor = context.cursor()
    matrix = pillar_queries.action_pillar_matrix(cursor, selection)
    counts = pillar_queries.pillar_counts(cursor, selection)
    mappings = pillar_queries.objective_mappings(cursor, selection)
    return (
        pillar_figures.pillar_matrix_chart(matrix, lang=lang),
        _described(pillar_summaries.pillar_matrix_summary(matrix, lang=lang), "pillars.matrix.aria", lang),
        pillar_blocks.pillar_matrix_table(matrix, lang=lang),
        pillar_figures.pillar_counts_chart(counts, lang=lang),
        _described(pillar_summaries.pillar_counts_summary(counts, lang=lang), "pillars.counts.aria", lang),
        pillar_blocks.objective_mapping_table(mappings, lang=lang),
    )


def update_drilldown(context: AppContext, selection_data: dict | None, options_data: dict | None,
                     lang: str | None) -> tuple:
    """Drill-down options (Actions in scope), the Action drilled into (the option's Action if in
    scope, else the first in scope: the drop-down, listing only those, shows it), its countries
    x pillars with a summary, and the notes on country exceptions."""
    lang = normalise_language(lang)
    selection = _selection(context, selection_data)
    cursor = context.cursor()
    drill = PageOptions.from_params(options_data or {}, context.catalog).drill
    in_scope, action, grid = drill_frame(cursor, selection, drill)
    options = [{"label": context.catalog.actions[code].name(lang), "value": code} for code in in_scope]
    if action is None:
        return (options, pillar_figures.empty_chart(lang), t("chart.empty", lang),
                html.P(t("pillars.drill.no_action", lang), className="text-muted"))
    exceptions = pillar_queries.country_exceptions(cursor, selection, action)
    action_name = context.catalog.actions[action].name(lang)
    return (
        options,
        pillar_figures.country_pillar_chart(grid, lang=lang, action_name=action_name),
        _described(pillar_summaries.country_pillar_summary(grid, lang=lang, action_name=action_name),
                   "pillars.drill.aria", lang),
        pillar_blocks.exception_notes(exceptions, lang=lang),
    )


def update_headline_cards(context: AppContext, selection_data: dict | None, lang: str | None) -> html.Div:
    """One card per applicable indicator with its total."""
    lang = normalise_language(lang)
    totals = indicator_queries.indicator_totals(context.cursor(), _selection(context, selection_data))
    return indicator_blocks.headline_cards(totals, lang=lang, demo=context.catalog.is_demo)


def update_trend_graph(context: AppContext, selection_data: dict | None, options_data: dict | None,
                       lang: str | None) -> tuple:
    """Quarterly lines of the chosen indicator by region or Action, and their summary."""
    lang = normalise_language(lang)
    cursor = context.cursor()
    options = PageOptions.from_params(options_data or {}, context.catalog)
    code, group_by = options.indicator, options.trend
    name, unit = indicator_facts(cursor, context.catalog, code, lang)
    trend = indicator_queries.indicator_trend(cursor, _selection(context, selection_data), code, group_by)
    figure = indicator_figures.indicator_trend_chart(trend, lang=lang, demo=context.catalog.is_demo,
                                                     indicator_name=name, unit=unit, group_by=group_by)
    summary = indicator_summaries.indicator_trend_summary(trend, lang=lang, indicator_name=name, group_by=group_by)
    return figure, _described(summary, "pillars.trend.aria", lang)


def update_ranking_graph(context: AppContext, selection_data: dict | None, options_data: dict | None,
                         lang: str | None) -> tuple:
    """Countries ranked by the chosen indicator, split by sex when asked, and their summary."""
    lang = normalise_language(lang)
    cursor = context.cursor()
    options = PageOptions.from_params(options_data or {}, context.catalog)
    code, by_sex = options.indicator, options.by_sex
    name, unit = indicator_facts(cursor, context.catalog, code, lang)
    ranking = indicator_queries.country_ranking(cursor, _selection(context, selection_data), code, by_sex=by_sex)
    figure = indicator_figures.country_ranking_chart(ranking, lang=lang, demo=context.catalog.is_demo,
                                                     indicator_name=name, unit=unit, by_sex=by_sex)
    summary = indicator_summaries.country_ranking_summary(ranking, lang=lang, indicator_name=name, by_sex=by_sex)
    return figure, _described(summary, "pillars.ranking.aria", lang)


def update_rate_graphs(context: AppContext, selection_data: dict | None, lang: str | None) -> tuple:
    """Reintegration completed as a share of started, by region then by Action: figure and summary each."""
    lang = normalise_language(lang)
    cursor = context.cursor()
    selection = _selection(context, selection_data)
    outputs: list[object] = []
    for group_by in ("region", "action"):
        rates = indicator_queries.completion_rates(cursor, selection, group_by)
        outputs.append(indicator_figures.completion_rate_chart(rates, lang=lang, demo=context.catalog.is_demo,
                                                               group_by=group_by))
        outputs.append(_described(indicator_summaries.completion_rate_summary(rates, lang=lang, group_by=group_by),
                                  "pillars.rates.aria", lang))
    return tuple(outputs)


def update_published_table(context: AppContext, selection_data: dict | None, lang: str | None) -> html.Div:
    """Published figures of the Actions in scope."""
    lang = normalise_language(lang)
    figures = indicator_queries.published_figures(context.cursor(), _selection(context, selection_data))
    return indicator_blocks.published_table(figures, lang=lang)


# ---------------------------------------------------------------- data behind each chart
def matrix_data(request: ChartRequest) -> pd.DataFrame:
    """Cells of the Action x pillar matrix."""
    frame = pillar_queries.action_pillar_matrix(request.cursor, request.selection)
    return pillar_frames.pillar_matrix_data(frame, lang=request.lang)


def counts_data(request: ChartRequest) -> pd.DataFrame:
    """Actions and countries applying each pillar."""
    frame = pillar_queries.pillar_counts(request.cursor, request.selection)
    return pillar_frames.pillar_counts_data(frame, lang=request.lang)


def drill_data(request: ChartRequest) -> pd.DataFrame:
    """The drilled Action's countries by pillar (the Action chosen as the page does)."""
    options = PageOptions.from_params(request.params, request.catalog)
    _, action, grid = drill_frame(request.cursor, request.selection, options.drill)
    name = request.catalog.actions[action].name(request.lang) if action else ""
    return pillar_frames.country_pillar_data(grid, lang=request.lang, action_code=action, action_name=name)


def totals_data(request: ChartRequest) -> pd.DataFrame:
    """The headline cards' totals."""
    frame = indicator_queries.indicator_totals(request.cursor, request.selection)
    return indicator_frames.indicator_totals_data(frame, lang=request.lang)


def trend_data(request: ChartRequest) -> pd.DataFrame:
    """The trend's points for the indicator and grouping of the URL."""
    options = PageOptions.from_params(request.params, request.catalog)
    name, unit = indicator_facts(request.cursor, request.catalog, options.indicator, request.lang)
    frame = indicator_queries.indicator_trend(request.cursor, request.selection, options.indicator, options.trend)
    return indicator_frames.indicator_trend_data(frame, lang=request.lang, indicator=options.indicator,
                                                  indicator_name=name, unit=unit, group_by=options.trend)


def ranking_data(request: ChartRequest) -> pd.DataFrame:
    """The ranking's bars for the indicator and sex split of the URL."""
    options = PageOptions.from_params(request.params, request.catalog)
    name, unit = indicator_facts(request.cursor, request.catalog, options.indicator, request.lang)
    frame = indicator_queries.country_ranking(request.cursor, request.selection, options.indicator,
                                              by_sex=options.by_sex)
    return indicator_frames.country_ranking_data(frame, lang=request.lang, indicator=options.indicator,
                                                  indicator_name=name, unit=unit, by_sex=options.by_sex)


def rate_data(group_by: str):
    """The data function of the completion-rate chart by ``group_by``."""
    def data(request: ChartRequest) -> pd.DataFrame:
        frame = indicator_queries.completion_rates(request.cursor, request.selection, group_by)
        return indicator_frames.completion_rate_data(frame, lang=request.lang, group_by=group_by)
    return data


def published_data(request: ChartRequest) -> pd.DataFrame:
    """The published figures, with source address and date."""
    frame = indicator_queries.published_figures(request.cursor, request.selection)
    return indicator_frames.published_data(frame, lang=request.lang)


# ---------------------------------------------------------------- reported results (real, EUTF)
def eutf_pillar_rows(cursor, pillar: int) -> pd.DataFrame:
    """The pillar's rows of ``queries.eutf.pillar_results`` (country and regional)."""
    rows = eutf_queries.pillar_results(cursor)
    return rows[rows["pillar_no"] == pillar].reset_index(drop=True)


def eutf_results_summary(rows: pd.DataFrame, pillar_name: str, lang: str) -> str:
    """One sentence on the pillar's EUTF figures."""
    if rows.empty:
        return t("eutf.pillars.summary.none", lang, pillar=pillar_name)
    own = rows[rows["scope"] == "country"].sort_values("actual", ascending=False)
    numbers = ", ".join(dict.fromkeys(rows["indicator_number"]))
    top = own.iloc[0] if len(own) else None
    return t("eutf.pillars.summary", lang, pillar=pillar_name, count=len(own), regional=int((rows["scope"] == "regional").sum()),
             numbers=numbers, top=f"{top['place']} · {top['indicator_number']}" if top is not None else "–",
             value=format_number(top["actual"], lang) if top is not None else "–")


def update_eutf_results(context: AppContext, options_data: dict | None, lang: str | None) -> tuple:
    """The target-vs-actual chart of the pillar the page options name, and its summary."""
    lang = normalise_language(lang)
    pillar = PageOptions.from_params(options_data or {}, context.catalog).eutf_pillar
    rows = eutf_pillar_rows(context.cursor(), pillar)
    name = context.catalog.pillars[pillar].name(lang)
    numbers = ", ".join(dict.fromkeys(rows["indicator_number"])) or "–"
    figure = eutf_figures.pillar_results_chart(
        rows, pillar=t("eutf.pillars.chart_title", lang, pillar=name, numbers=numbers), lang=lang)
    return figure, _described(eutf_results_summary(rows, name, lang), "pillars.counts.aria", lang)


def eutf_results_data(request: ChartRequest) -> pd.DataFrame:
    """The chosen pillar's EUTF rows, country and regional, as a table."""
    pillar = PageOptions.from_params(request.params, request.catalog).eutf_pillar
    rows = eutf_pillar_rows(request.cursor, pillar)
    names = {number: named.name(request.lang) for number, named in request.catalog.pillars.items()}
    return eutf_frames.pillar_results_table(rows, pillar_names=names, lang=request.lang)


KIND_COLUMN = "kind_of_data"  # the name the chart exports and the API give it


def fill_explorer(context: AppContext, lang: str | None) -> tuple[list[dict], list[dict], str]:
    """Rows and column definitions of the explorer (every EUTF result row), and its count line."""
    lang = normalise_language(lang)
    rows = eutf_queries.explorer_rows(context.cursor())
    numeric = {"result_id", "target", "actual"}
    columns = [
        {"field": column, "headerName": t(f"eutf.explorer.col.{column}", lang),
         **({"filter": "agNumberColumnFilter", "type": "numericColumn"} if column in numeric else {}),
         **({"minWidth": 320, "wrapText": True, "autoHeight": True} if column in ("indicator", "result_framework") else {})}
        for column in eutf_queries.EXPLORER_COLUMNS
    ]
    # Not shown, but in the CSV download: the kind of data travels with the rows, as in every export.
    columns.append({"field": KIND_COLUMN, "headerName": KIND_COLUMN, "hide": True})
    rows[KIND_COLUMN] = t("kind.eutf", lang)
    for column in ("period_start", "period_end", "as_of"):
        rows[column] = rows[column].map(lambda value: None if value is None or pd.isna(value)
                                        else pd.Timestamp(value).date().isoformat())
    records = rows.astype(object).where(rows.notna(), None).to_dict("records")
    return records, columns, t("eutf.explorer.count", lang, total=format_number(len(records), lang))


def search_explorer(text: object) -> Patch:
    """Narrow the explorer to rows holding every word of ``text`` (AG Grid's quick filter)."""
    patch = Patch()
    patch["quickFilterText"] = text if isinstance(text, str) else ""
    return patch


def export_explorer(clicks: int | None, lang: str | None, today: dt.date | None = None) -> tuple[bool, dict]:
    """Have the grid download the rows it shows (search, filters and sort applied) as a plain CSV
    (one header row, as every export) whose last column, hidden on screen, names the kind of data;
    the file name holds the date."""
    if not clicks:
        return no_update, no_update
    day = (today or dt.date.today()).isoformat()
    return True, {"fileName": f"pillars_eutf-results-explorer_{day}.csv", "allColumns": True}


# ---------------------------------------------------------------- each chart for a request (embeds)
def matrix_figure(request: ChartRequest) -> go.Figure:
    """The Action x pillar matrix."""
    return pillar_figures.pillar_matrix_chart(pillar_queries.action_pillar_matrix(request.cursor, request.selection),
                                              lang=request.lang)


def counts_figure(request: ChartRequest) -> go.Figure:
    """Actions and countries applying each pillar."""
    return pillar_figures.pillar_counts_chart(pillar_queries.pillar_counts(request.cursor, request.selection),
                                              lang=request.lang)


def trend_figure(request: ChartRequest) -> go.Figure:
    """Quarterly lines of the indicator and grouping of the URL."""
    options = PageOptions.from_params(request.params, request.catalog)
    name, unit = indicator_facts(request.cursor, request.catalog, options.indicator, request.lang)
    frame = indicator_queries.indicator_trend(request.cursor, request.selection, options.indicator, options.trend)
    return indicator_figures.indicator_trend_chart(frame, lang=request.lang, demo=request.catalog.is_demo,
                                                   indicator_name=name, unit=unit, group_by=options.trend)


def ranking_figure(request: ChartRequest) -> go.Figure:
    """Countries ranked by the indicator of the URL."""
    options = PageOptions.from_params(request.params, request.catalog)
    name, unit = indicator_facts(request.cursor, request.catalog, options.indicator, request.lang)
    frame = indicator_queries.country_ranking(request.cursor, request.selection, options.indicator,
                                              by_sex=options.by_sex)
    return indicator_figures.country_ranking_chart(frame, lang=request.lang, demo=request.catalog.is_demo,
                                                   indicator_name=name, unit=unit, by_sex=options.by_sex)


def rate_figure(group_by: str):
    """The figure function of the completion-rate chart by ``group_by``."""
    def figure(request: ChartRequest) -> go.Figure:
        frame = indicator_queries.completion_rates(request.cursor, request.selection, group_by)
        return indicator_figures.completion_rate_chart(frame, lang=request.lang, demo=request.catalog.is_demo,
                                                       group_by=group_by)
    return figure


def eutf_results_figure(request: ChartRequest) -> go.Figure:
    """The chosen pillar's EUTF target-vs-actual chart."""
    pillar = PageOptions.from_params(request.params, request.catalog).eutf_pillar
    rows = eutf_pillar_rows(request.cursor, pillar)
    name = request.catalog.pillars[pillar].name(request.lang)
    numbers = ", ".join(dict.fromkeys(rows["indicator_number"])) or "–"
    return eutf_figures.pillar_results_chart(
        rows, pillar=t("eutf.pillars.chart_title", request.lang, pillar=name, numbers=numbers), lang=request.lang)


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(ids.PILLARS_MATRIX_CHART, PAGE, ids.PILLARS_MATRIX_GRAPH, "pillars.matrix.title", matrix_data,
              MAPPING, figure=matrix_figure),
    ChartSpec(ids.PILLARS_COUNTS_CHART, PAGE, ids.PILLARS_COUNTS_GRAPH, "pillars.counts.title", counts_data,
              MAPPING, figure=counts_figure),
    ChartSpec(ids.PILLARS_DRILL_CHART, PAGE, ids.PILLARS_DRILL_GRAPH, "pillars.drill.heading", drill_data,
              MAPPING),
    ChartSpec(ids.PILLARS_TOTALS_CHART, PAGE, ids.PILLARS_HEADLINE_CARDS, "pillars.cards.heading", totals_data),
    ChartSpec(ids.PILLARS_TREND_CHART, PAGE, ids.PILLARS_TREND_GRAPH, "pillars.block.trend", trend_data,
              figure=trend_figure),
    ChartSpec(ids.PILLARS_RANKING_CHART, PAGE, ids.PILLARS_RANKING_GRAPH, "pillars.block.ranking", ranking_data,
              figure=ranking_figure),
    ChartSpec(ids.PILLARS_RATE_REGION_CHART, PAGE, ids.PILLARS_RATE_REGION_GRAPH, "pillars.rates.title.region",
              rate_data("region"), figure=rate_figure("region")),
    ChartSpec(ids.PILLARS_RATE_ACTION_CHART, PAGE, ids.PILLARS_RATE_ACTION_GRAPH, "pillars.rates.title.action",
              rate_data("action"), figure=rate_figure("action")),
    ChartSpec(ids.PILLARS_PUBLISHED_CHART, PAGE, ids.PILLARS_PUBLISHED_TABLE, "pillars.published.heading",
              published_data, PUBLISHED),
    ChartSpec(ids.PILLARS_EUTF_CHART, PAGE, ids.PILLARS_EUTF_GRAPH, "eutf.pillars.chart", eutf_results_data, EUTF,
              figure=eutf_results_figure),
)


def register(app: Dash, context: AppContext) -> None:
    """Wire this page's callbacks."""
    selection = Input(ids.SELECTION_STORE, "data")
    options = Input(PILLARS_TABLE.store_id, "data")
    lang = State(ids.LANGUAGE_STORE, "data")
    app.callback(
        Output(ids.PILLARS_EUTF_GRAPH, "figure"),
        Output(ids.PILLARS_EUTF_SUMMARY, "children"),
        options, lang,
    )(lambda chosen, language: update_eutf_results(context, chosen, language))
    # Filled once per page view (the grid's id is the first call's trigger): EUTF rows ignore filters.
    app.callback(
        Output(ids.PILLARS_EXPLORER_GRID, "rowData"),
        Output(ids.PILLARS_EXPLORER_GRID, "columnDefs"),
        Output(ids.PILLARS_EXPLORER_COUNT, "children"),
        Input(ids.PILLARS_EXPLORER_GRID, "id"),
        lang,
    )(lambda _grid, language: fill_explorer(context, language))
    app.callback(
        Output(ids.PILLARS_EXPLORER_GRID, "dashGridOptions"),
        Input(ids.PILLARS_EXPLORER_SEARCH, "value"),
        prevent_initial_call=True,
    )(search_explorer)
    app.callback(
        Output(ids.PILLARS_EXPLORER_GRID, "exportDataAsCsv"),
        Output(ids.PILLARS_EXPLORER_GRID, "csvExportParams"),
        Input(ids.PILLARS_EXPLORER_EXPORT, "n_clicks"),
        lang,
        prevent_initial_call=True,
    )(export_explorer)
    app.callback(
        Output(ids.PILLARS_MATRIX_GRAPH, "figure"),
        Output(ids.PILLARS_MATRIX_SUMMARY, "children"),
        Output(ids.PILLARS_MATRIX_TABLE, "children"),
        Output(ids.PILLARS_COUNTS_GRAPH, "figure"),
        Output(ids.PILLARS_COUNTS_SUMMARY, "children"),
        Output(ids.PILLARS_MAPPING_TABLE, "children"),
        selection, lang,
    )(lambda data, language: update_coverage(context, data, language))
    app.callback(
        Output(ids.PILLARS_DRILL_DROPDOWN, "options"),
        Output(ids.PILLARS_DRILL_GRAPH, "figure"),
        Output(ids.PILLARS_DRILL_SUMMARY, "children"),
        Output(ids.PILLARS_DRILL_NOTES, "children"),
        selection, options, lang,
    )(lambda data, chosen, language: update_drilldown(context, data, chosen, language))
    app.callback(
        Output(ids.PILLARS_HEADLINE_CARDS, "children"),
        selection, lang,
    )(lambda data, language: update_headline_cards(context, data, language))
    app.callback(
        Output(ids.PILLARS_TREND_GRAPH, "figure"),
        Output(ids.PILLARS_TREND_SUMMARY, "children"),
        selection, options, lang,
    )(lambda data, chosen, language: update_trend_graph(context, data, chosen, language))
    app.callback(
        Output(ids.PILLARS_RANKING_GRAPH, "figure"),
        Output(ids.PILLARS_RANKING_SUMMARY, "children"),
        selection, options, lang,
    )(lambda data, chosen, language: update_ranking_graph(context, data, chosen, language))
    app.callback(
        Output(ids.PILLARS_RATE_REGION_GRAPH, "figure"),
        Output(ids.PILLARS_RATE_REGION_SUMMARY, "children"),
        Output(ids.PILLARS_RATE_ACTION_GRAPH, "figure"),
        Output(ids.PILLARS_RATE_ACTION_SUMMARY, "children"),
        selection, lang,
    )(lambda data, language: update_rate_graphs(context, data, language))
    app.callback(
        Output(ids.PILLARS_PUBLISHED_TABLE, "children"),
        selection, lang,
    )(lambda data, language: update_published_table(context, data, language))
