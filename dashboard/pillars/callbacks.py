"""Callbacks of the pillars page: every chart follows the shared selection store.

The charts' ids come from the page's chart registry (``dashboard.pillars.charts``), whose
helpers (``drill_frame``, ``trend_view``, ``ranking_view``, ``eutf_pillar_rows``) the callbacks share with the
data behind each chart, so a download or a table view always holds what the chart shows.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, html

from dashboard import ids
from dashboard.common.charts import ChartRequest
from dashboard.common.wiring import pure_callback
from dashboard.i18n import normalise_language, t
from dashboard.pillars import blocks, figures, queries, summaries
from dashboard.pillars.charts import CHARTS, drill_frame, eutf_pillar_rows, ranking_view, trend_view
from dashboard.pillars.options import TABLE as PILLARS_TABLE
from dashboard.pillars.options import PageOptions
from dashboard.selection import Selection
from dashboard.store.context import AppContext


def _selection(context: AppContext, selection_data: dict | None) -> Selection:
    return Selection.from_raw(selection_data or {}, context.catalog)


def _described(summary: str, guide_key: str, lang: str) -> str:
    """A chart's text alternative: what it shows now, then how to read it."""
    return f"{summary} {t(guide_key, lang)}"


# ---------------------------------------------------------------- callbacks
def update_coverage(context: AppContext, selection_data: dict | None, lang: str | None) -> tuple:
    """Matrix figure and summary, matrix table, counts figure and summary, objective mapping table."""
    lang = normalise_language(lang)
    selection = _selection(context, selection_data)
    cursor = context.cursor()
    matrix = queries.action_pillar_matrix(cursor, selection)
    counts = queries.pillar_counts(cursor, selection)
    mappings = queries.objective_mappings(cursor, selection)
    return (
        figures.pillar_matrix_chart(matrix, lang=lang),
        _described(summaries.pillar_matrix_summary(matrix, lang=lang), "pillars.matrix.aria", lang),
        blocks.pillar_matrix_table(matrix, lang=lang),
        figures.pillar_counts_chart(counts, lang=lang),
        _described(summaries.pillar_counts_summary(counts, lang=lang), "pillars.counts.aria", lang),
        blocks.objective_mapping_table(mappings, lang=lang),
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
        return (options, figures.empty_chart(lang), t("chart.empty", lang),
                html.P(t("pillars.drill.no_action", lang), className="text-muted"))
    exceptions = queries.country_exceptions(cursor, selection, action)
    action_name = context.catalog.actions[action].name(lang)
    return (
        options,
        figures.country_pillar_chart(grid, lang=lang, action_name=action_name),
        _described(summaries.country_pillar_summary(grid, lang=lang, action_name=action_name),
                   "pillars.drill.aria", lang),
        blocks.exception_notes(exceptions, lang=lang),
    )


def update_headline_cards(context: AppContext, selection_data: dict | None, lang: str | None) -> html.Div:
    """One card per applicable indicator with its total."""
    lang = normalise_language(lang)
    totals = queries.indicator_totals(context.cursor(), _selection(context, selection_data))
    return blocks.headline_cards(totals, lang=lang, demo=context.catalog.is_demo)


def _request(context: AppContext, selection_data: dict | None, options_data: dict | None,
             lang: str) -> ChartRequest:
    """The request the page's registry answers: filters, page options and language."""
    return ChartRequest(cursor=context.cursor(), catalog=context.catalog, settings=context.settings,
                        selection=_selection(context, selection_data), params=options_data or {}, lang=lang)


def update_trend_graph(context: AppContext, selection_data: dict | None, options_data: dict | None,
                       lang: str | None) -> tuple:
    """Quarterly lines of the chosen indicator by region or Action, and their summary."""
    lang = normalise_language(lang)
    view = trend_view(_request(context, selection_data, options_data, lang))
    figure = figures.indicator_trend_chart(view.frame, lang=lang, demo=context.catalog.is_demo,
                                                     indicator_name=view.name, unit=view.unit,
                                                     group_by=view.options.trend)
    summary = summaries.indicator_trend_summary(view.frame, lang=lang, indicator_name=view.name,
                                                          group_by=view.options.trend)
    return figure, _described(summary, "pillars.trend.aria", lang)


def update_ranking_graph(context: AppContext, selection_data: dict | None, options_data: dict | None,
                         lang: str | None) -> tuple:
    """Countries ranked by the chosen indicator, split by sex when asked, and their summary."""
    lang = normalise_language(lang)
    view = ranking_view(_request(context, selection_data, options_data, lang))
    figure = figures.country_ranking_chart(view.frame, lang=lang, demo=context.catalog.is_demo,
                                                     indicator_name=view.name, unit=view.unit,
                                                     by_sex=view.options.by_sex)
    summary = summaries.country_ranking_summary(view.frame, lang=lang, indicator_name=view.name,
                                                          by_sex=view.options.by_sex)
    return figure, _described(summary, "pillars.ranking.aria", lang)


def update_rate_graphs(context: AppContext, selection_data: dict | None, lang: str | None) -> tuple:
    """Reintegration completed as a share of started, by region then by Action: figure and summary each."""
    lang = normalise_language(lang)
    cursor = context.cursor()
    selection = _selection(context, selection_data)
    outputs: list[object] = []
    for group_by in ("region", "action"):
        rates = queries.completion_rates(cursor, selection, group_by)
        outputs.append(figures.completion_rate_chart(rates, lang=lang, demo=context.catalog.is_demo,
                                                               group_by=group_by))
        outputs.append(_described(summaries.completion_rate_summary(rates, lang=lang, group_by=group_by),
                                  "pillars.rates.aria", lang))
    return tuple(outputs)


def update_published_table(context: AppContext, selection_data: dict | None, lang: str | None) -> html.Div:
    """Published figures of the Actions in scope."""
    lang = normalise_language(lang)
    published = queries.published_figures(context.cursor(), _selection(context, selection_data))
    return blocks.published_table(published, lang=lang)


# ---------------------------------------------------------------- data behind each chart


# ---------------------------------------------------------------- reported results (real, EUTF)


def update_eutf_results(context: AppContext, options_data: dict | None, lang: str | None) -> tuple:
    """The target-vs-actual chart of the pillar the page options name, and its summary."""
    lang = normalise_language(lang)
    pillar = PageOptions.from_params(options_data or {}, context.catalog).eutf_pillar
    rows = eutf_pillar_rows(context.cursor(), pillar)
    name = context.catalog.pillars[pillar].name(lang)
    numbers = ", ".join(dict.fromkeys(rows["indicator_number"])) or "–"
    figure = figures.pillar_results_chart(
        rows, pillar=t("eutf.pillars.chart_title", lang, pillar=name, numbers=numbers), lang=lang)
    return figure, _described(summaries.eutf_results_summary(rows, name, lang), "pillars.counts.aria", lang)


def register(app: Dash, context: AppContext) -> None:
    """Wire this page's callbacks."""
    charts = {spec.key: spec for spec in CHARTS}
    selection = Input(ids.SELECTION_STORE, "data")
    options = Input(PILLARS_TABLE.store_id, "data")
    lang = State(ids.LANGUAGE_STORE, "data")
    pure_callback(
        app,
        Output(charts[ids.PILLARS_EUTF_CHART].graph_id, "figure"),
        Output(charts[ids.PILLARS_EUTF_CHART].summary_id, "children"),
        options, lang,
    )(lambda chosen, language: update_eutf_results(context, chosen, language))
    pure_callback(
        app,
        Output(charts[ids.PILLARS_MATRIX_CHART].graph_id, "figure"),
        Output(charts[ids.PILLARS_MATRIX_CHART].summary_id, "children"),
        Output(ids.PILLARS_MATRIX_TABLE, "children"),
        Output(charts[ids.PILLARS_COUNTS_CHART].graph_id, "figure"),
        Output(charts[ids.PILLARS_COUNTS_CHART].summary_id, "children"),
        Output(ids.PILLARS_MAPPING_TABLE, "children"),
        selection, lang,
    )(lambda data, language: update_coverage(context, data, language))
    pure_callback(
        app,
        Output(ids.PILLARS_DRILL_DROPDOWN, "options"),
        Output(charts[ids.PILLARS_DRILL_CHART].graph_id, "figure"),
        Output(charts[ids.PILLARS_DRILL_CHART].summary_id, "children"),
        Output(ids.PILLARS_DRILL_NOTES, "children"),
        selection, options, lang,
    )(lambda data, chosen, language: update_drilldown(context, data, chosen, language))
    pure_callback(
        app,
        Output(ids.PILLARS_HEADLINE_CARDS, "children"),
        selection, lang,
    )(lambda data, language: update_headline_cards(context, data, language))
    pure_callback(
        app,
        Output(charts[ids.PILLARS_TREND_CHART].graph_id, "figure"),
        Output(charts[ids.PILLARS_TREND_CHART].summary_id, "children"),
        selection, options, lang,
    )(lambda data, chosen, language: update_trend_graph(context, data, chosen, language))
    pure_callback(
        app,
        Output(charts[ids.PILLARS_RANKING_CHART].graph_id, "figure"),
        Output(charts[ids.PILLARS_RANKING_CHART].summary_id, "children"),
        selection, options, lang,
    )(lambda data, chosen, language: update_ranking_graph(context, data, chosen, language))
    pure_callback(
        app,
        Output(charts[ids.PILLARS_RATE_REGION_CHART].graph_id, "figure"),
        Output(charts[ids.PILLARS_RATE_REGION_CHART].summary_id, "children"),
        Output(charts[ids.PILLARS_RATE_ACTION_CHART].graph_id, "figure"),
        Output(charts[ids.PILLARS_RATE_ACTION_CHART].summary_id, "children"),
        selection, lang,
    )(lambda data, language: update_rate_graphs(context, data, language))
    pure_callback(
        app,
        Output(ids.PILLARS_PUBLISHED_TABLE, "children"),
        selection, lang,
    )(lambda data, language: update_published_table(context, data, language))
