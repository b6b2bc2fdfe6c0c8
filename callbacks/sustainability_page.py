"""Callbacks of the sustainability page: each chart follows the filters and the page options.

Each chart and the data behind it (downloads, table view) come from the same ``*_frame`` helper,
called with the same typed options, so a file or a table always holds what the chart shows: the
charts and the data functions read the same options value (the page's options store, which
``callbacks.page_options`` keeps in step with the address and the controls).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import duckdb
import pandas as pd
from dash import Dash, Input, Output, State, ctx, html, no_update
from dash.exceptions import PreventUpdate
from plotly import graph_objects as go

from dashboard import ids, vocabulary
from dashboard.auth import disclosure_mode
from dashboard.blocks import sustainability as sustainability_blocks
from dashboard.catalog import Catalog
from dashboard.charts import ChartRequest, ChartSpec
from dashboard.context import AppContext
from dashboard.figures import sustainability as figures
from dashboard.figures import sustainability_changes as change_figures
from dashboard.figures.disclosure import mark_exact
from dashboard.frames import sustainability as sustainability_frames
from dashboard.i18n import format_number, normalise_language, t
from dashboard.page_state import OptionEnv
from dashboard.queries import disclosure as sdc
from dashboard.queries import sustainability as queries
from dashboard.queries.disclosure import Disclosure
from dashboard.selection import Selection
from dashboard.settings import Settings
from dashboard.summaries import sustainability as sustainability_summaries
from dashboard.sustainability_options import (
    GROUP_PARAM,
    PageOptions,
    chosen_grouping,
    comparison_choices,
    fraction,
    threshold_text,
)
from dashboard.sustainability_options import TABLE as SUSTAINABILITY_TABLE

PAGE = "sustainability"


@dataclass(frozen=True)
class View:
    """What one chart of the page is computed from: store, filters, page options and language."""

    cursor: duckdb.DuckDBPyConnection
    catalog: Catalog
    settings: Settings
    selection: Selection
    options: PageOptions
    lang: str

    @property
    def minimum(self) -> int:
        return self.settings.min_group_size

    @property
    def disclosure(self) -> Disclosure:
        return sdc.for_minimum(disclosure_mode(self.settings), self.settings.min_group_size)

    @property
    def labels(self) -> dict[str, str]:
        return vocabulary.group_labels(self.options.grouping, self.lang, self.catalog)


def _selection(context: AppContext, selection_data: dict | None) -> Selection:
    """The typed selection; before the shell has filled its store, nothing to draw yet."""
    if selection_data is None:
        raise PreventUpdate
    return Selection.from_raw(selection_data, context.catalog)


def options_view(cursor: duckdb.DuckDBPyConnection, catalog: Catalog, settings: Settings, selection: Selection,
                 options_data: Mapping[str, object] | None, lang: object) -> View:
    """The view the page's options value describes (read through the page's one parser), with
    the threshold the shares are computed at (on the protected grid when protected)."""
    lang = normalise_language(lang)
    options = PageOptions.from_params(options_data or {}, OptionEnv(catalog, settings, cursor, lang, selection))
    return View(cursor, catalog, settings, selection, _published(options, settings), lang)


def store_view(context: AppContext, selection_data: dict | None, options_data: dict | None,
               lang: str | None) -> View:
    """The view the charts draw: the filters and the page's options store."""
    return options_view(context.cursor(), context.catalog, context.settings, _selection(context, selection_data),
                        options_data, lang)


def request_view(request: ChartRequest) -> View:
    """The view an export or a table view describes (the same options value, sent along)."""
    return options_view(request.cursor, request.catalog, request.settings, request.selection, request.params,
                        request.lang)


def _published(options: PageOptions, settings: Settings) -> PageOptions:
    """Options with the threshold the shares are computed at (on the protected grid when protected)."""
    return replace(options, threshold=sdc.published_threshold(options.threshold, sdc.for_minimum(disclosure_mode(settings), settings.min_group_size)))


# ---------------------------------------------------------------- frames (one query per chart)
def means_frame(view: View) -> pd.DataFrame:
    """Means of every score per group (suppressed groups carry no value)."""
    return queries.group_means(view.cursor, view.selection, view.options.grouping, min_group_size=view.minimum,
                              disclosure=view.disclosure)


def distribution_frame(view: View) -> pd.DataFrame:
    """Percentiles of the chosen score per group."""
    return queries.group_distribution(view.cursor, view.selection, view.options.grouping, view.options.measure,
                                      min_group_size=view.minimum, disclosure=view.disclosure)


def shares_frame(view: View) -> pd.DataFrame:
    """Shares at or above the threshold per group."""
    return queries.threshold_shares(view.cursor, view.selection, view.options.grouping, view.options.measure,
                                    view.options.threshold, min_group_size=view.minimum,
                                    disclosure=view.disclosure)


def over_time_frame(view: View) -> pd.DataFrame:
    """Means of the chosen score per months band for the largest groups."""
    return queries.means_over_time(view.cursor, view.selection, view.options.grouping, view.options.measure,
                                   min_group_size=view.minimum, disclosure=view.disclosure)


def comparison_frame(view: View) -> pd.DataFrame:
    """Groups A and B side by side on every score."""
    return queries.compare_groups(view.cursor, view.selection, view.options.grouping, view.options.group_a or "",
                                  view.options.group_b or "", min_group_size=view.minimum,
                                  disclosure=view.disclosure)


def changes_frame(view: View) -> pd.DataFrame:
    """Paired change between rounds per group."""
    return queries.round_changes(view.cursor, view.selection, view.options.grouping, min_group_size=view.minimum,
                                 disclosure=view.disclosure)


def _marked(figure: go.Figure, view: View) -> go.Figure:
    """A figure stamped as exact when the deployment publishes unperturbed survey figures."""
    return mark_exact(figure, view.lang) if view.disclosure.exact else figure


def _with_disclosure(frame: pd.DataFrame, view: View) -> pd.DataFrame:
    """A chart's data with the protection it was published under, in every row (tables, files)."""
    bound = format_number(sdc.MAX_NORMAL * view.disclosure.sum_sd, view.lang, 2)
    return frame.assign(**{t("sustainability.disclosure.header", view.lang):
                           t(f"sustainability.disclosure.{view.disclosure.mode}", view.lang, bound=bound)})


def _comparison_words(view: View) -> dict[str, object]:
    labels = view.labels
    group_a, group_b = view.options.group_a or "", view.options.group_b or ""
    available = len(queries.comparable_group_codes(view.cursor, view.selection, view.options.grouping,
                                                   min_group_size=view.minimum))
    return {"label_a": labels.get(group_a, group_a), "label_b": labels.get(group_b, group_b), "lang": view.lang,
            "min_group_size": view.minimum, "same_group": group_a == group_b, "available": available}


# ---------------------------------------------------------------- chart callbacks
def sync_threshold(context: AppContext, triggered: str | None, range_value: object,
                   number_value: object, lang: str | None = "en") -> tuple[object, object]:
    """Keep the threshold's range and number box in step: only the one not touched changes.

    Returns:
        (range value, number value), ``no_update`` for the control the user moved; a value that
        is not a number in [0, 1] changes nothing.
    """
    if triggered == ids.SUSTAINABILITY_THRESHOLD_RANGE:
        chosen = fraction(range_value)
        return no_update, no_update if chosen is None else threshold_text(chosen, normalise_language(lang))
    chosen = fraction(number_value)
    return no_update if chosen is None else chosen, no_update


def update_means(context: AppContext, options_data: dict | None, selection_data: dict | None,
                 lang: str | None) -> tuple[go.Figure, str]:
    """Means chart and its summary for a grouping and the filters."""
    view = store_view(context, selection_data, options_data, lang)
    by_group, labels = means_frame(view), view.labels
    return (_marked(figures.means_chart(by_group, labels=labels, grouping=view.options.grouping, lang=view.lang,
                                        demo=view.catalog.is_demo, min_group_size=view.minimum), view),
            sustainability_summaries.means_summary(by_group, labels=labels, lang=view.lang, min_group_size=view.minimum))


def update_distribution(context: AppContext, options_data: dict | None, selection_data: dict | None,
                        lang: str | None) -> tuple[go.Figure, str]:
    """Box chart of one score and its summary."""
    view = store_view(context, selection_data, options_data, lang)
    by_group, options = distribution_frame(view), view.options
    return (_marked(figures.distribution_chart(
                by_group, labels=view.labels, grouping=options.grouping, measure=options.measure,
                threshold=options.threshold, lang=view.lang, demo=view.catalog.is_demo, min_group_size=view.minimum), view),
            sustainability_summaries.distribution_summary(by_group, lang=view.lang, min_group_size=view.minimum))


def update_shares(context: AppContext, options_data: dict | None, selection_data: dict | None,
                  lang: str | None) -> tuple[go.Figure, str]:
    """Threshold share chart and its summary."""
    view = store_view(context, selection_data, options_data, lang)
    by_group, options = shares_frame(view), view.options
    return (_marked(figures.threshold_chart(
                by_group, labels=view.labels, grouping=options.grouping, measure=options.measure,
                threshold=options.threshold, lang=view.lang, demo=view.catalog.is_demo, min_group_size=view.minimum), view),
            sustainability_summaries.threshold_summary(by_group, threshold=options.threshold, lang=view.lang,
                                      min_group_size=view.minimum))


def update_over_time(context: AppContext, options_data: dict | None, selection_data: dict | None,
                     lang: str | None) -> tuple[go.Figure, str]:
    """Scores over months since return and the summary naming the series."""
    view = store_view(context, selection_data, options_data, lang)
    by_band, labels, options = over_time_frame(view), view.labels, view.options
    return (_marked(figures.over_time_chart(by_band, labels=labels, grouping=options.grouping, measure=options.measure,
                                            lang=view.lang, demo=view.catalog.is_demo, min_group_size=view.minimum),
                    view),
            sustainability_summaries.over_time_summary(by_band, labels=labels, grouping=options.grouping, lang=view.lang,
                                      min_group_size=view.minimum, max_series=queries.MAX_TIME_SERIES))


def update_comparison_choices(context: AppContext, options_data: dict | None, selection_data: dict | None,
                              lang: str | None) -> tuple[list[dict], list[dict], str]:
    """The groups A and B can be for the grouping of the options under the filters (groups whose
    statistics are published), and the help text; the chosen groups themselves are options, set
    with the grouping by the options callback, from the same list."""
    raw = options_data.get(GROUP_PARAM) if isinstance(options_data, dict) else None
    grouping, lang = chosen_grouping(raw), normalise_language(lang)
    env = OptionEnv(context.catalog, context.settings, context.cursor(), lang, _selection(context, selection_data))
    choices = comparison_choices(env, grouping)
    help_text = t("sustainability.compare.help", lang, grouping_lower=vocabulary.grouping_label(grouping, lang, lower=True),
                  min=format_number(max(context.settings.min_group_size, 2), lang))
    return choices, choices, help_text


def update_comparison(context: AppContext, options_data: dict | None, selection_data: dict | None,
                      lang: str | None) -> tuple[go.Figure, html.Div, str]:
    """Side-by-side chart of groups A and B, the table of their differences and the summary."""
    view = store_view(context, selection_data, options_data, lang)
    compared, words = comparison_frame(view), _comparison_words(view)
    return (_marked(figures.comparison_chart(compared, demo=view.catalog.is_demo, **words), view),
            sustainability_blocks.comparison_table(compared, **words), sustainability_summaries.comparison_summary(compared, **words))


def update_changes(context: AppContext, options_data: dict | None, selection_data: dict | None,
                   lang: str | None) -> tuple[go.Figure, str, go.Figure, str]:
    """Both change charts (mean change, rose/stayed/fell) and their summaries."""
    view = store_view(context, selection_data, options_data, lang)
    changes, labels = changes_frame(view), view.labels
    words = {"labels": labels, "lang": view.lang, "min_group_size": view.minimum}
    summary = sustainability_summaries.changes_summary(changes, **words)
    return (_marked(change_figures.changes_chart(changes, grouping=view.options.grouping,
                                                 demo=view.catalog.is_demo, **words), view), summary,
            _marked(change_figures.change_shares_chart(changes, grouping=view.options.grouping,
                                                       demo=view.catalog.is_demo, **words), view), summary)


# ---------------------------------------------------------------- data behind the charts
def means_data(request: ChartRequest) -> pd.DataFrame:
    """The means chart's data for the filters and options of the request."""
    view = request_view(request)
    return _with_disclosure(sustainability_frames.means_data(means_frame(view), labels=view.labels, grouping=view.options.grouping,
                                               lang=view.lang, min_group_size=view.minimum), view)


def distribution_data(request: ChartRequest) -> pd.DataFrame:
    """The box chart's data."""
    view = request_view(request)
    return _with_disclosure(sustainability_frames.distribution_data(
        distribution_frame(view), labels=view.labels, grouping=view.options.grouping, measure=view.options.measure,
        lang=view.lang, min_group_size=view.minimum), view)


def shares_data(request: ChartRequest) -> pd.DataFrame:
    """The threshold chart's data."""
    view = request_view(request)
    return _with_disclosure(sustainability_frames.threshold_data(
        shares_frame(view), labels=view.labels, grouping=view.options.grouping, measure=view.options.measure,
        threshold=view.options.threshold, lang=view.lang, min_group_size=view.minimum), view)


def over_time_data(request: ChartRequest) -> pd.DataFrame:
    """The chart over time's data."""
    view = request_view(request)
    return _with_disclosure(sustainability_frames.over_time_data(
        over_time_frame(view), labels=view.labels, grouping=view.options.grouping, measure=view.options.measure,
        lang=view.lang, min_group_size=view.minimum), view)


def comparison_data(request: ChartRequest) -> pd.DataFrame:
    """The comparison chart's data, with the difference and its Welch interval."""
    view = request_view(request)
    words = _comparison_words(view)
    return _with_disclosure(sustainability_frames.comparison_data(
        comparison_frame(view), codes=(view.options.group_a or "", view.options.group_b or ""), **words), view)


def changes_data(request: ChartRequest) -> pd.DataFrame:
    """Both change charts' data: mean changes with paired intervals, rose/stayed/fell shares."""
    view = request_view(request)
    return _with_disclosure(sustainability_frames.changes_data(changes_frame(view), labels=view.labels,
                                                        grouping=view.options.grouping, lang=view.lang,
                                                        min_group_size=view.minimum), view)


# ---------------------------------------------------------------- each chart for a request (embeds)
def means_figure(request: ChartRequest) -> go.Figure:
    """The means chart for the filters and options of the request."""
    view = request_view(request)
    return _marked(figures.means_chart(means_frame(view), labels=view.labels, grouping=view.options.grouping,
                                       lang=view.lang, demo=view.catalog.is_demo, min_group_size=view.minimum), view)


def distribution_figure(request: ChartRequest) -> go.Figure:
    """The box chart."""
    view = request_view(request)
    options = view.options
    return _marked(figures.distribution_chart(
        distribution_frame(view), labels=view.labels, grouping=options.grouping, measure=options.measure,
        threshold=options.threshold, lang=view.lang, demo=view.catalog.is_demo, min_group_size=view.minimum), view)


def shares_figure(request: ChartRequest) -> go.Figure:
    """The threshold chart."""
    view = request_view(request)
    options = view.options
    return _marked(figures.threshold_chart(
        shares_frame(view), labels=view.labels, grouping=options.grouping, measure=options.measure,
        threshold=options.threshold, lang=view.lang, demo=view.catalog.is_demo, min_group_size=view.minimum), view)


def over_time_figure(request: ChartRequest) -> go.Figure:
    """The chart over months since return."""
    view = request_view(request)
    return _marked(figures.over_time_chart(
        over_time_frame(view), labels=view.labels, grouping=view.options.grouping, measure=view.options.measure,
        lang=view.lang, demo=view.catalog.is_demo, min_group_size=view.minimum), view)


def comparison_figure(request: ChartRequest) -> go.Figure:
    """Groups A and B side by side."""
    view = request_view(request)
    return _marked(figures.comparison_chart(comparison_frame(view), demo=view.catalog.is_demo,
                                            **_comparison_words(view)), view)


def change_figure(builder):
    """The figure function of one of the two change charts (``builder`` from the change figures)."""
    def figure(request: ChartRequest) -> go.Figure:
        view = request_view(request)
        return _marked(builder(changes_frame(view), grouping=view.options.grouping, demo=view.catalog.is_demo,
                               labels=view.labels, lang=view.lang, min_group_size=view.minimum), view)
    return figure


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(ids.SUSTAINABILITY_MEANS_CHART, PAGE, ids.SUSTAINABILITY_MEANS_GRAPH, "sustainability.heading.means",
              means_data, figure=means_figure),
    ChartSpec(ids.SUSTAINABILITY_BOX_CHART, PAGE, ids.SUSTAINABILITY_BOX_GRAPH, "sustainability.heading.box",
              distribution_data, figure=distribution_figure),
    ChartSpec(ids.SUSTAINABILITY_SHARE_CHART, PAGE, ids.SUSTAINABILITY_SHARE_GRAPH, "sustainability.heading.share",
              shares_data, figure=shares_figure),
    ChartSpec(ids.SUSTAINABILITY_TIME_CHART, PAGE, ids.SUSTAINABILITY_TIME_GRAPH, "sustainability.heading.time",
              over_time_data, figure=over_time_figure),
    ChartSpec(ids.SUSTAINABILITY_COMPARE_CHART, PAGE, ids.SUSTAINABILITY_COMPARE_GRAPH,
              "sustainability.heading.compare_chart", comparison_data, figure=comparison_figure),
    ChartSpec(ids.SUSTAINABILITY_CHANGES_CHART, PAGE, ids.SUSTAINABILITY_CHANGES_GRAPH,
              "sustainability.heading.changes", changes_data, figure=change_figure(change_figures.changes_chart)),
    ChartSpec(ids.SUSTAINABILITY_CHANGE_SHARES_CHART, PAGE, ids.SUSTAINABILITY_CHANGE_SHARES_GRAPH,
              "sustainability.heading.change_shares", changes_data,
              figure=change_figure(change_figures.change_shares_chart)),
)


def register(app: Dash, context: AppContext) -> None:
    """Wire this page's callbacks: every chart reads the page's options store."""
    app.callback(
        Output(ids.SUSTAINABILITY_THRESHOLD_RANGE, "value"),
        Output(ids.SUSTAINABILITY_THRESHOLD, "value", allow_duplicate=True),
        Input(ids.SUSTAINABILITY_THRESHOLD_RANGE, "value"), Input(ids.SUSTAINABILITY_THRESHOLD, "value"),
        State(ids.LANGUAGE_STORE, "data"),
        prevent_initial_call=True,
    )(lambda range_value, number_value, lang: sync_threshold(context, ctx.triggered_id, range_value, number_value,
                                                             lang))
    options = Input(SUSTAINABILITY_TABLE.store_id, "data")
    selection = Input(ids.SELECTION_STORE, "data")
    lang = State(ids.LANGUAGE_STORE, "data")
    for graph, summary, update in (
        (ids.SUSTAINABILITY_MEANS_GRAPH, ids.SUSTAINABILITY_MEANS_SUMMARY, update_means),
        (ids.SUSTAINABILITY_BOX_GRAPH, ids.SUSTAINABILITY_BOX_SUMMARY, update_distribution),
        (ids.SUSTAINABILITY_SHARE_GRAPH, ids.SUSTAINABILITY_SHARE_SUMMARY, update_shares),
        (ids.SUSTAINABILITY_TIME_GRAPH, ids.SUSTAINABILITY_TIME_SUMMARY, update_over_time),
    ):
        app.callback(Output(graph, "figure"), Output(summary, "children"), options, selection, lang,
                     )(lambda *args, update=update: update(context, *args))
    app.callback(
        Output(ids.SUSTAINABILITY_CHANGES_GRAPH, "figure"), Output(ids.SUSTAINABILITY_CHANGES_SUMMARY, "children"),
        Output(ids.SUSTAINABILITY_CHANGE_SHARES_GRAPH, "figure"),
        Output(ids.SUSTAINABILITY_CHANGE_SHARES_SUMMARY, "children"),
        options, selection, lang,
    )(lambda *args: update_changes(context, *args))
    app.callback(
        Output(ids.SUSTAINABILITY_GROUP_A, "options"), Output(ids.SUSTAINABILITY_GROUP_B, "options"),
        Output(ids.SUSTAINABILITY_COMPARE_HELP, "children"),
        options, selection, lang,
        prevent_initial_call=True,
    )(lambda *args: update_comparison_choices(context, *args))
    app.callback(
        Output(ids.SUSTAINABILITY_COMPARE_GRAPH, "figure"), Output(ids.SUSTAINABILITY_COMPARE_TABLE, "children"),
        Output(ids.SUSTAINABILITY_COMPARE_SUMMARY, "children"),
        options, selection, lang,
    )(lambda *args: update_comparison(context, *args))
