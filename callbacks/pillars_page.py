"""Callbacks of the pillars page: every chart follows the shared selection store."""

from __future__ import annotations

from dash import Dash, Input, Output, State, html

from dashboard import ids
from dashboard.context import AppContext
from dashboard.figures import indicators as indicator_figures
from dashboard.figures import pillars as pillar_figures
from dashboard.i18n import normalise_language, t
from dashboard.queries import indicators as indicator_queries
from dashboard.queries import pillars as pillar_queries
from dashboard.selection import Selection

BY_SEX = "by_sex"


def _selection(context: AppContext, selection_data: dict | None) -> Selection:
    return Selection.from_raw(selection_data or {}, context.catalog)


def _indicator(context: AppContext, raw: object) -> str:
    """A known indicator code: the raw value if the catalog knows it, else the default."""
    indicators = context.catalog.indicators
    if isinstance(raw, str) and raw in indicators:
        return raw
    return indicator_queries.DEFAULT_INDICATOR if indicator_queries.DEFAULT_INDICATOR in indicators else next(iter(indicators))


def _grouping(raw: object) -> str:
    return raw if raw in indicator_queries.TREND_GROUPINGS else indicator_queries.TREND_GROUPINGS[0]


def choose_drill_action(in_scope: list[str], selection: Selection, current: object) -> str | None:
    """The Action to drill into: the filter's Action when exactly one is chosen, else the current
    choice if still in scope, else the first Action in scope (None when there is none)."""
    if len(selection.actions) == 1 and selection.actions[0] in in_scope:
        return selection.actions[0]
    if current in in_scope:
        return str(current)
    return in_scope[0] if in_scope else None


def update_coverage(context: AppContext, selection_data: dict | None, lang: str | None) -> tuple:
    """Matrix figure, matrix table, counts figure and objective mapping table."""
    lang = normalise_language(lang)
    selection = _selection(context, selection_data)
    cursor = context.cursor()
    matrix = pillar_queries.action_pillar_matrix(cursor, selection)
    counts = pillar_queries.pillar_counts(cursor, selection)
    mappings = pillar_queries.objective_mappings(cursor, selection)
    return (
        pillar_figures.pillar_matrix_chart(matrix, lang=lang),
        pillar_figures.pillar_matrix_table(matrix, lang=lang),
        pillar_figures.pillar_counts_chart(counts, lang=lang),
        pillar_figures.objective_mapping_table(mappings, lang=lang),
    )


def update_drilldown(context: AppContext, selection_data: dict | None, drill_value: object,
                     lang: str | None) -> tuple:
    """Drill-down options (Actions in scope), chosen Action, its countries x pillars, and notes."""
    lang = normalise_language(lang)
    selection = _selection(context, selection_data)
    cursor = context.cursor()
    in_scope = pillar_queries.actions_in_scope(cursor, selection)
    options = [{"label": context.catalog.actions[code].name(lang), "value": code} for code in in_scope]
    action = choose_drill_action(in_scope, selection, drill_value)
    if action is None:
        return options, None, pillar_figures.empty_chart(lang), html.P(t("pillars.drill.no_action", lang), className="text-muted")
    grid = pillar_queries.country_pillar_matrix(cursor, selection, action)
    exceptions = pillar_queries.country_exceptions(cursor, selection, action)
    action_name = context.catalog.actions[action].name(lang)
    return (
        options,
        action,
        pillar_figures.country_pillar_chart(grid, lang=lang, action_name=action_name),
        pillar_figures.exception_notes(exceptions, lang=lang),
    )


def update_headline_cards(context: AppContext, selection_data: dict | None, lang: str | None) -> html.Div:
    """One card per applicable indicator with its total."""
    lang = normalise_language(lang)
    totals = indicator_queries.indicator_totals(context.cursor(), _selection(context, selection_data))
    return indicator_figures.headline_cards(totals, lang=lang, demo=context.catalog.is_demo)


def update_trend_graph(context: AppContext, selection_data: dict | None, indicator: object,
                       grouping: object, lang: str | None):
    """Quarterly lines of the chosen indicator by region or Action."""
    lang = normalise_language(lang)
    cursor = context.cursor()
    code, group_by = _indicator(context, indicator), _grouping(grouping)
    meta = indicator_queries.indicator_meta(cursor, code) or {}
    trend = indicator_queries.indicator_trend(cursor, _selection(context, selection_data), code, group_by)
    return indicator_figures.indicator_trend_chart(
        trend, lang=lang, demo=context.catalog.is_demo, indicator_name=context.catalog.indicators[code].name(lang),
        unit=str(meta.get("unit", "")), group_by=group_by)


def update_ranking_graph(context: AppContext, selection_data: dict | None, indicator: object,
                         sex_options: list | None, lang: str | None):
    """Countries ranked by the chosen indicator, split by sex when asked."""
    lang = normalise_language(lang)
    cursor = context.cursor()
    code = _indicator(context, indicator)
    by_sex = BY_SEX in (sex_options or [])
    meta = indicator_queries.indicator_meta(cursor, code) or {}
    ranking = indicator_queries.country_ranking(cursor, _selection(context, selection_data), code, by_sex=by_sex)
    return indicator_figures.country_ranking_chart(
        ranking, lang=lang, demo=context.catalog.is_demo, indicator_name=context.catalog.indicators[code].name(lang),
        unit=str(meta.get("unit", "")), by_sex=by_sex)


def update_rate_graphs(context: AppContext, selection_data: dict | None, lang: str | None) -> tuple:
    """Reintegration completed as a share of started, by region and by Action."""
    lang = normalise_language(lang)
    cursor = context.cursor()
    selection = _selection(context, selection_data)
    return tuple(
        indicator_figures.completion_rate_chart(
            indicator_queries.completion_rates(cursor, selection, group_by), lang=lang,
            demo=context.catalog.is_demo, group_by=group_by)
        for group_by in ("region", "action")
    )


def update_published_table(context: AppContext, selection_data: dict | None, lang: str | None) -> html.Div:
    """Published figures of the Actions in scope."""
    lang = normalise_language(lang)
    figures = indicator_queries.published_figures(context.cursor(), _selection(context, selection_data))
    return indicator_figures.published_table(figures, lang=lang)


def register(app: Dash, context: AppContext) -> None:
    """Wire this page's callbacks."""
    selection = Input(ids.SELECTION_STORE, "data")
    lang = State(ids.LANGUAGE_STORE, "data")
    app.callback(
        Output(ids.PILLARS_MATRIX_GRAPH, "figure"),
        Output(ids.PILLARS_MATRIX_TABLE, "children"),
        Output(ids.PILLARS_COUNTS_GRAPH, "figure"),
        Output(ids.PILLARS_MAPPING_TABLE, "children"),
        selection, lang,
    )(lambda data, language: update_coverage(context, data, language))
    app.callback(
        Output(ids.PILLARS_DRILL_DROPDOWN, "options"),
        Output(ids.PILLARS_DRILL_DROPDOWN, "value"),
        Output(ids.PILLARS_DRILL_GRAPH, "figure"),
        Output(ids.PILLARS_DRILL_NOTES, "children"),
        selection, Input(ids.PILLARS_DRILL_DROPDOWN, "value"), lang,
    )(lambda data, value, language: update_drilldown(context, data, value, language))
    app.callback(
        Output(ids.PILLARS_HEADLINE_CARDS, "children"),
        selection, lang,
    )(lambda data, language: update_headline_cards(context, data, language))
    app.callback(
        Output(ids.PILLARS_TREND_GRAPH, "figure"),
        selection, Input(ids.PILLARS_INDICATOR_DROPDOWN, "value"), Input(ids.PILLARS_TREND_RADIO, "value"), lang,
    )(lambda data, indicator, grouping, language: update_trend_graph(context, data, indicator, grouping, language))
    app.callback(
        Output(ids.PILLARS_RANKING_GRAPH, "figure"),
        selection, Input(ids.PILLARS_INDICATOR_DROPDOWN, "value"), Input(ids.PILLARS_SEX_CHECKLIST, "value"), lang,
    )(lambda data, indicator, sex, language: update_ranking_graph(context, data, indicator, sex, language))
    app.callback(
        Output(ids.PILLARS_RATE_REGION_GRAPH, "figure"),
        Output(ids.PILLARS_RATE_ACTION_GRAPH, "figure"),
        selection, lang,
    )(lambda data, language: update_rate_graphs(context, data, language))
    app.callback(
        Output(ids.PILLARS_PUBLISHED_TABLE, "children"),
        selection, lang,
    )(lambda data, language: update_published_table(context, data, language))
