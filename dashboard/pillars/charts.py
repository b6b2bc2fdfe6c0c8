"""The pillars page's charts, declared once: their ids, titles and kinds, and the functions that
compute each chart's data, figure (or HTML panel) and summary for a request (``ChartSpec``),
with the page's other outputs that follow the same request (``EXTRAS``: the matrix and mapping
tables, the drill-down's choices and notes). The layout builds the panels from these rows, the
page's chart callback (``callbacks.charts``) fills them, exports, embeds and the API read them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from dash import html
from dash.development.base_component import Component
from plotly import graph_objects as go

from dashboard import ids
from dashboard.common import queries as shared_queries
from dashboard.common.charts import ChartRequest, ChartSpec, Extra, per_request
from dashboard.common.data_kinds import EUTF, MAPPING, PUBLISHED
from dashboard.i18n import t
from dashboard.pillars import blocks, figures, frames, queries, summaries
from dashboard.pillars.options import PageOptions
from dashboard.selection import Selection

PAGE = "pillars"


@per_request
def indicator_facts(request: ChartRequest, code: str) -> tuple[str, str]:
    """The indicator's name in the request's language and its unit."""
    meta = queries.indicator_meta(request.cursor, code) or {}
    return request.catalog.indicators[code].name(request.lang), str(meta.get("unit", ""))


def choose_drill_action(in_scope: list[str], selection: Selection, current: object) -> str | None:
    """The Action to drill into: the filter's Action when exactly one is chosen, else the current
    choice if still in scope, else the first Action in scope (None when there is none)."""
    if len(selection.actions) == 1 and selection.actions[0] in in_scope:
        return selection.actions[0]
    if current in in_scope:
        return str(current)
    return in_scope[0] if in_scope else None


def described(summary: str, guide_key: str, lang: str) -> str:
    """A chart's text alternative: what it shows now, then how to read it."""
    return f"{summary} {t(guide_key, lang)}"


@per_request
def page_options(request: ChartRequest) -> PageOptions:
    """The page options of the request (indicator, trend grouping, sex split, drill-down, EUTF pillar)."""
    return PageOptions.from_params(request.params, request.catalog)


# ---------------------------------------------------------------- coverage
@per_request
def kept_actions(request: ChartRequest) -> tuple[str, ...] | None:
    """The Actions the region, status and Action filters keep (None: none of them is set), so
    that the page's queries are asked alike for the selections that keep the same Actions."""
    return request.catalog.kept_actions(request.selection)


@per_request
def scope(request: ChartRequest) -> queries.Scope:
    """The (Action, country) pairs the filters keep: every coverage query's starting point."""
    return queries.pillar_scope(request.cursor, request.selection, kept_actions(request))


@per_request
def matrix(request: ChartRequest) -> pd.DataFrame:
    """Cells of the Action x pillar matrix under the filters."""
    return queries.action_pillar_matrix(request.cursor, scope(request))


@per_request
def counts(request: ChartRequest) -> pd.DataFrame:
    """Actions and countries applying each pillar under the filters."""
    return queries.pillar_counts(request.cursor, scope(request))


def matrix_data(request: ChartRequest) -> pd.DataFrame:
    """Cells of the Action x pillar matrix."""
    return frames.pillar_matrix_data(matrix(request), lang=request.lang)


def matrix_figure(request: ChartRequest) -> go.Figure:
    """The Action x pillar matrix."""
    return figures.pillar_matrix_chart(matrix(request), lang=request.lang)


def matrix_summary(request: ChartRequest) -> str:
    """The matrix in words, then how to read it."""
    return described(
        summaries.pillar_matrix_summary(matrix(request), lang=request.lang),
        "pillars.matrix.aria",
        request.lang,
    )


def counts_data(request: ChartRequest) -> pd.DataFrame:
    """Actions and countries applying each pillar."""
    return frames.pillar_counts_data(counts(request), lang=request.lang)


def counts_figure(request: ChartRequest) -> go.Figure:
    """Actions and countries applying each pillar."""
    return figures.pillar_counts_chart(counts(request), lang=request.lang)


def counts_summary(request: ChartRequest) -> str:
    """The counts in words, then how to read them."""
    return described(
        summaries.pillar_counts_summary(counts(request), lang=request.lang),
        "pillars.counts.aria",
        request.lang,
    )


def coverage_tables(request: ChartRequest) -> tuple[Component, Component]:
    """The matrix as an accessible table, and the objective mapping table."""
    mappings = queries.objective_mappings(request.cursor, scope(request))
    return (
        blocks.pillar_matrix_table(matrix(request), lang=request.lang),
        blocks.objective_mapping_table(mappings, lang=request.lang),
    )


# ---------------------------------------------------------------- drill-down
@dataclass(frozen=True)
class Drill:
    """The drill-down: the Actions in scope, the Action drilled into (None: none in scope) and
    its countries x pillars."""

    in_scope: list[str]
    action: str | None
    grid: pd.DataFrame


@per_request
def drill(request: ChartRequest) -> Drill:
    """The drill-down of the request: the drill option's Action if in scope, else the first in
    scope (the drop-down, listing only those, shows it)."""
    in_scope = queries.scope_actions(matrix(request))
    action = choose_drill_action(in_scope, request.selection, page_options(request).drill)
    # With no Action in scope the scope is empty, so any code gives the empty frame with its columns.
    return Drill(
        in_scope,
        action,
        queries.country_pillar_matrix(request.cursor, scope(request), action or ""),
    )


def drill_action_name(request: ChartRequest) -> str:
    """The name of the Action drilled into ('' when there is none)."""
    action = drill(request).action
    return request.catalog.actions[action].name(request.lang) if action else ""


def drill_data(request: ChartRequest) -> pd.DataFrame:
    """The drilled Action's countries by pillar (the Action chosen as the page does)."""
    return frames.country_pillar_data(
        drill(request).grid,
        lang=request.lang,
        action_code=drill(request).action,
        action_name=drill_action_name(request),
    )


def drill_figure(request: ChartRequest) -> go.Figure:
    """The drilled Action's countries by pillar (the empty chart when no Action is in scope)."""
    if drill(request).action is None:
        return figures.empty_chart(request.lang)
    return figures.country_pillar_chart(
        drill(request).grid, lang=request.lang, action_name=drill_action_name(request)
    )


def drill_summary(request: ChartRequest) -> str:
    """The drill-down in words, then how to read it."""
    if drill(request).action is None:
        return t("chart.empty", request.lang)
    return described(
        summaries.country_pillar_summary(
            drill(request).grid, lang=request.lang, action_name=drill_action_name(request)
        ),
        "pillars.drill.aria",
        request.lang,
    )


def drill_choices(request: ChartRequest) -> tuple[list[dict], object]:
    """The drop-down's choices (the Actions in scope), and the notes on country exceptions."""
    view = drill(request)
    choices = [
        {"label": request.catalog.actions[code].name(request.lang), "value": code}
        for code in view.in_scope
    ]
    if view.action is None:
        return choices, html.P(t("pillars.drill.no_action", request.lang), className="text-muted")
    exceptions = queries.country_exceptions(request.cursor, scope(request), view.action)
    return choices, blocks.exception_notes(exceptions, lang=request.lang)


# ---------------------------------------------------------------- indicators
@per_request
def totals(request: ChartRequest) -> pd.DataFrame:
    """Every applicable indicator's total under the filters."""
    return queries.indicator_totals(request.cursor, request.selection, kept_actions(request))


def totals_data(request: ChartRequest) -> pd.DataFrame:
    """The headline cards' totals."""
    return frames.indicator_totals_data(totals(request), lang=request.lang)


def headline_cards(request: ChartRequest) -> html.Div:
    """One card per applicable indicator with its total."""
    return blocks.headline_cards(totals(request), lang=request.lang, demo=request.catalog.is_demo)


@dataclass(frozen=True)
class IndicatorView:
    """What the trend and the ranking are drawn from: the page options, the indicator's name and
    unit in the language, and the query's rows (the same for a chart and the data behind it)."""

    options: PageOptions
    name: str
    unit: str
    frame: pd.DataFrame


@per_request
def trend_view(request: ChartRequest) -> IndicatorView:
    """The trend's rows for the indicator and grouping of the URL."""
    options = page_options(request)
    name, unit = indicator_facts(request, options.indicator)
    frame = queries.indicator_trend(
        request.cursor, request.selection, options.indicator, options.trend, kept_actions(request)
    )
    return IndicatorView(options, name, unit, frame)


@per_request
def ranking_view(request: ChartRequest) -> IndicatorView:
    """The ranking's rows for the indicator and sex split of the URL."""
    options = page_options(request)
    name, unit = indicator_facts(request, options.indicator)
    frame = shared_queries.country_ranking(
        request.cursor,
        request.selection,
        options.indicator,
        by_sex=options.by_sex,
        kept_actions=kept_actions(request),
    )
    return IndicatorView(options, name, unit, frame)


def trend_data(request: ChartRequest) -> pd.DataFrame:
    """The trend's points for the indicator and grouping of the URL."""
    view = trend_view(request)
    return frames.indicator_trend_data(
        view.frame,
        lang=request.lang,
        indicator=view.options.indicator,
        indicator_name=view.name,
        unit=view.unit,
        group_by=view.options.trend,
    )


def trend_figure(request: ChartRequest) -> go.Figure:
    """Quarterly lines of the indicator and grouping of the URL."""
    view = trend_view(request)
    return figures.indicator_trend_chart(
        view.frame,
        lang=request.lang,
        demo=request.catalog.is_demo,
        indicator_name=view.name,
        unit=view.unit,
        group_by=view.options.trend,
    )


def trend_summary(request: ChartRequest) -> str:
    """The trend in words, then how to read it."""
    view = trend_view(request)
    return described(
        summaries.indicator_trend_summary(
            view.frame, lang=request.lang, indicator_name=view.name, group_by=view.options.trend
        ),
        "pillars.trend.aria",
        request.lang,
    )


def ranking_data(request: ChartRequest) -> pd.DataFrame:
    """The ranking's bars for the indicator and sex split of the URL."""
    view = ranking_view(request)
    return frames.country_ranking_data(
        view.frame,
        lang=request.lang,
        indicator=view.options.indicator,
        indicator_name=view.name,
        unit=view.unit,
        by_sex=view.options.by_sex,
    )


def ranking_figure(request: ChartRequest) -> go.Figure:
    """Countries ranked by the indicator of the URL."""
    view = ranking_view(request)
    return figures.country_ranking_chart(
        view.frame,
        lang=request.lang,
        demo=request.catalog.is_demo,
        indicator_name=view.name,
        unit=view.unit,
        by_sex=view.options.by_sex,
    )


def ranking_summary(request: ChartRequest) -> str:
    """The ranking in words, then how to read it."""
    view = ranking_view(request)
    return described(
        summaries.country_ranking_summary(
            view.frame, lang=request.lang, indicator_name=view.name, by_sex=view.options.by_sex
        ),
        "pillars.ranking.aria",
        request.lang,
    )


# The groupings the page draws a completion-rate chart for (one ``rate_chart`` row each).
RATE_GROUPINGS = ("region", "action")


@per_request
def rates_by_grouping(request: ChartRequest) -> dict[str, pd.DataFrame]:
    """Reintegration completed as a share of started under the filters, by each grouping of
    ``RATE_GROUPINGS``, in one query."""
    return queries.completion_rates_by(
        request.cursor, request.selection, RATE_GROUPINGS, kept_actions(request)
    )


def completion_rates(request: ChartRequest, group_by: str) -> pd.DataFrame:
    """Reintegration completed as a share of started, by ``group_by``, under the filters."""
    return rates_by_grouping(request)[group_by]


def rate_chart(group_by: str, graph_id: str, summary_id: str, chart_key: str) -> ChartSpec:
    """The completion-rate chart by ``group_by`` (by region, by Action)."""

    def data(request: ChartRequest) -> pd.DataFrame:
        return frames.completion_rate_data(
            completion_rates(request, group_by), lang=request.lang, group_by=group_by
        )

    def figure(request: ChartRequest) -> go.Figure:
        return figures.completion_rate_chart(
            completion_rates(request, group_by),
            lang=request.lang,
            demo=request.catalog.is_demo,
            group_by=group_by,
        )

    def summary(request: ChartRequest) -> str:
        return described(
            summaries.completion_rate_summary(
                completion_rates(request, group_by), lang=request.lang, group_by=group_by
            ),
            "pillars.rates.aria",
            request.lang,
        )

    return ChartSpec(
        chart_key,
        PAGE,
        graph_id,
        f"pillars.rates.title.{group_by}",
        data,
        figure=figure,
        summary=summary,
        summary_id=summary_id,
        follows_options=False,
    )


@per_request
def published(request: ChartRequest) -> pd.DataFrame:
    """Published figures of the Actions in scope."""
    return queries.published_figures(request.cursor, scope(request))


def published_data(request: ChartRequest) -> pd.DataFrame:
    """The published figures, with source address and date."""
    return frames.published_data(published(request), lang=request.lang)


def published_table(request: ChartRequest) -> html.Div:
    """The published figures as the page's table."""
    return blocks.published_table(published(request), lang=request.lang)


# ---------------------------------------------------------------- reported results (real, EUTF)
def eutf_pillar_rows(cursor, pillar: int) -> pd.DataFrame:
    """The pillar's rows of ``queries.pillar_results`` (country and regional)."""
    rows = queries.pillar_results(cursor)
    return rows[rows["pillar_no"] == pillar].reset_index(drop=True)


@per_request
def eutf_rows(request: ChartRequest) -> pd.DataFrame:
    """The EUTF rows of the pillar the page options name, places named in the request's language."""
    rows = eutf_pillar_rows(request.cursor, page_options(request).eutf_pillar)
    if request.lang == "fr":
        rows = rows.assign(place=rows["place_fr"])
    return rows


def eutf_pillar_name(request: ChartRequest) -> str:
    """The name of the pillar the page options name."""
    return request.catalog.pillars[page_options(request).eutf_pillar].name(request.lang)


def eutf_results_data(request: ChartRequest) -> pd.DataFrame:
    """The chosen pillar's EUTF rows, country and regional, as a table."""
    names = {number: named.name(request.lang) for number, named in request.catalog.pillars.items()}
    return frames.pillar_results_table(eutf_rows(request), pillar_names=names, lang=request.lang)


def eutf_results_figure(request: ChartRequest) -> go.Figure:
    """The chosen pillar's EUTF target-vs-actual chart."""
    rows = eutf_rows(request)
    numbers = ", ".join(dict.fromkeys(rows["indicator_number"])) or "–"
    return figures.pillar_results_chart(
        rows,
        pillar=t(
            "eutf.pillars.chart_title",
            request.lang,
            pillar=eutf_pillar_name(request),
            numbers=numbers,
        ),
        lang=request.lang,
    )


def eutf_results_summary(request: ChartRequest) -> str:
    """The pillar's EUTF figures in words, then how to read them."""
    return described(
        summaries.eutf_results_summary(eutf_rows(request), eutf_pillar_name(request), request.lang),
        "eutf.pillars.aria",
        request.lang,
    )


# The coverage charts, cards, rates and published figures follow the filters only; the trend,
# ranking and drill-down follow the page options too; the EUTF figures follow the options only.
CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(
        ids.PILLARS_MATRIX_CHART,
        PAGE,
        ids.PILLARS_MATRIX_GRAPH,
        "pillars.matrix.title",
        matrix_data,
        MAPPING,
        figure=matrix_figure,
        summary=matrix_summary,
        summary_id=ids.PILLARS_MATRIX_SUMMARY,
        follows_options=False,
    ),
    ChartSpec(
        ids.PILLARS_COUNTS_CHART,
        PAGE,
        ids.PILLARS_COUNTS_GRAPH,
        "pillars.counts.title",
        counts_data,
        MAPPING,
        figure=counts_figure,
        summary=counts_summary,
        summary_id=ids.PILLARS_COUNTS_SUMMARY,
        follows_options=False,
    ),
    ChartSpec(
        ids.PILLARS_DRILL_CHART,
        PAGE,
        ids.PILLARS_DRILL_GRAPH,
        "pillars.drill.heading",
        drill_data,
        MAPPING,
        figure=drill_figure,
        summary=drill_summary,
        summary_id=ids.PILLARS_DRILL_SUMMARY,
    ),
    ChartSpec(
        ids.PILLARS_TOTALS_CHART,
        PAGE,
        ids.PILLARS_HEADLINE_CARDS,
        "pillars.cards.heading",
        totals_data,
        draw=headline_cards,
        follows_options=False,
    ),
    ChartSpec(
        ids.PILLARS_TREND_CHART,
        PAGE,
        ids.PILLARS_TREND_GRAPH,
        "pillars.block.trend",
        trend_data,
        figure=trend_figure,
        summary=trend_summary,
        summary_id=ids.PILLARS_TREND_SUMMARY,
    ),
    ChartSpec(
        ids.PILLARS_RANKING_CHART,
        PAGE,
        ids.PILLARS_RANKING_GRAPH,
        "pillars.block.ranking",
        ranking_data,
        figure=ranking_figure,
        summary=ranking_summary,
        summary_id=ids.PILLARS_RANKING_SUMMARY,
    ),
    rate_chart(
        "region",
        ids.PILLARS_RATE_REGION_GRAPH,
        ids.PILLARS_RATE_REGION_SUMMARY,
        ids.PILLARS_RATE_REGION_CHART,
    ),
    rate_chart(
        "action",
        ids.PILLARS_RATE_ACTION_GRAPH,
        ids.PILLARS_RATE_ACTION_SUMMARY,
        ids.PILLARS_RATE_ACTION_CHART,
    ),
    ChartSpec(
        ids.PILLARS_PUBLISHED_CHART,
        PAGE,
        ids.PILLARS_PUBLISHED_TABLE,
        "pillars.published.heading",
        published_data,
        PUBLISHED,
        draw=published_table,
        follows_options=False,
    ),
    ChartSpec(
        ids.PILLARS_EUTF_CHART,
        PAGE,
        ids.PILLARS_EUTF_GRAPH,
        "eutf.pillars.chart",
        eutf_results_data,
        EUTF,
        figure=eutf_results_figure,
        summary=eutf_results_summary,
        summary_id=ids.PILLARS_EUTF_SUMMARY,
        follows_filters=False,
    ),
)

EXTRAS: tuple[Extra, ...] = (
    Extra(
        ((ids.PILLARS_MATRIX_TABLE, "children"), (ids.PILLARS_MAPPING_TABLE, "children")),
        coverage_tables,
        follows_options=False,
        as_html=True,
    ),
    Extra(
        ((ids.PILLARS_DRILL_DROPDOWN, "options"), (ids.PILLARS_DRILL_NOTES, "children")),
        drill_choices,
    ),
)

# The same rows by key (the layout builds each panel from its row).
BY_KEY: dict[str, ChartSpec] = {chart.key: chart for chart in CHARTS}
