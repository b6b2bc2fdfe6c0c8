"""Callbacks of the sustainability page: each chart follows the filters and the page options.

Each chart and the data behind it (downloads, table view) come from the same ``*_frame`` helper
of the page's chart registry (``dashboard.sustainability.charts``), called with the same
typed options, so a file or a table always holds what the chart shows: the
charts and the data functions read the same options value (the page's options store, which
``callbacks.page_options`` keeps in step with the address and the controls).
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, html, no_update
from dash.exceptions import PreventUpdate
from plotly import graph_objects as go

from dashboard import ids
from dashboard.common.methodology import MAX_TIME_SERIES
from dashboard.common.options import OptionEnv
from dashboard.common.wiring import pure_callback
from dashboard.i18n import format_number, normalise_language, t
from dashboard.selection import Selection
from dashboard.store.context import AppContext
from dashboard.sustainability import blocks, change_figures, figures, labels, summaries
from dashboard.sustainability.charts import (
    CHARTS,
    View,
    changes_frame,
    comparison_frame,
    comparison_words,
    distribution_frame,
    marked,
    means_frame,
    options_view,
    over_time_frame,
    shares_frame,
)
from dashboard.sustainability.options import (
    GROUP_PARAM,
    chosen_grouping,
    comparison_choices,
    fraction,
    threshold_text,
)
from dashboard.sustainability.options import TABLE as SUSTAINABILITY_TABLE


def _selection(context: AppContext, selection_data: dict | None) -> Selection:
    """The typed selection; before the shell has filled its store, nothing to draw yet."""
    if selection_data is None:
        raise PreventUpdate
    return Selection.from_raw(selection_data, context.catalog)


def store_view(context: AppContext, selection_data: dict | None, options_data: dict | None,
               lang: str | None) -> View:
    """The view the charts draw: the filters and the page's options store."""
    return options_view(context.cursor(), context.catalog, context.settings, _selection(context, selection_data),
                        options_data, lang)


# ---------------------------------------------------------------- frames (one query per chart)


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
    return (marked(figures.means_chart(by_group, view.chart), view),
            summaries.means_summary(by_group, labels=labels, lang=view.lang, min_group_size=view.minimum))


def update_distribution(context: AppContext, options_data: dict | None, selection_data: dict | None,
                        lang: str | None) -> tuple[go.Figure, str]:
    """Box chart of one score and its summary."""
    view = store_view(context, selection_data, options_data, lang)
    by_group = distribution_frame(view)
    return (marked(figures.distribution_chart(by_group, view.chart), view),
            summaries.distribution_summary(by_group, lang=view.lang, min_group_size=view.minimum))


def update_shares(context: AppContext, options_data: dict | None, selection_data: dict | None,
                  lang: str | None) -> tuple[go.Figure, str]:
    """Threshold share chart and its summary."""
    view = store_view(context, selection_data, options_data, lang)
    by_group, options = shares_frame(view), view.options
    return (marked(figures.threshold_chart(by_group, view.chart), view),
            summaries.threshold_summary(by_group, threshold=options.threshold, lang=view.lang,
                                      min_group_size=view.minimum))


def update_over_time(context: AppContext, options_data: dict | None, selection_data: dict | None,
                     lang: str | None) -> tuple[go.Figure, str]:
    """Scores over months since return and the summary naming the series."""
    view = store_view(context, selection_data, options_data, lang)
    by_band, labels, options = over_time_frame(view), view.labels, view.options
    return (marked(figures.over_time_chart(by_band, view.chart), view),
            summaries.over_time_summary(by_band, labels=labels, grouping=options.grouping, lang=view.lang,
                                      min_group_size=view.minimum, max_series=MAX_TIME_SERIES))


def update_comparison_choices(context: AppContext, options_data: dict | None, selection_data: dict | None,
                              lang: str | None) -> tuple[list[dict], list[dict], str]:
    """The groups A and B can be for the grouping of the options under the filters (groups whose
    statistics are published), and the help text; the chosen groups themselves are options, set
    with the grouping by the options callback, from the same list."""
    raw = options_data.get(GROUP_PARAM) if isinstance(options_data, dict) else None
    grouping, lang = chosen_grouping(raw), normalise_language(lang)
    env = OptionEnv(context.catalog, context.settings, context.cursor(), lang, _selection(context, selection_data))
    choices = comparison_choices(env, grouping)
    help_text = t("sustainability.compare.help", lang, grouping_lower=labels.grouping_label(grouping, lang, lower=True),
                  min=format_number(max(context.settings.min_group_size, 2), lang))
    return choices, choices, help_text


def update_comparison(context: AppContext, options_data: dict | None, selection_data: dict | None,
                      lang: str | None) -> tuple[go.Figure, html.Div, str]:
    """Side-by-side chart of groups A and B, the table of their differences and the summary."""
    view = store_view(context, selection_data, options_data, lang)
    compared, words = comparison_frame(view), comparison_words(view)
    return (marked(figures.comparison_chart(compared, demo=view.catalog.is_demo, **words), view),
            blocks.comparison_table(compared, **words), summaries.comparison_summary(compared, **words))


def update_changes(context: AppContext, options_data: dict | None, selection_data: dict | None,
                   lang: str | None) -> tuple[go.Figure, str, go.Figure, str]:
    """Both change charts (mean change, rose/stayed/fell) and their summaries."""
    view = store_view(context, selection_data, options_data, lang)
    changes, labels = changes_frame(view), view.labels
    words = {"labels": labels, "lang": view.lang, "min_group_size": view.minimum}
    summary = summaries.changes_summary(changes, **words)
    return (marked(change_figures.changes_chart(changes, view.chart), view), summary,
            marked(change_figures.change_shares_chart(changes, view.chart), view), summary)


# ---------------------------------------------------------------- data behind the charts


# ---------------------------------------------------------------- each chart for a request (embeds)


def register(app: Dash, context: AppContext) -> None:
    """Wire this page's callbacks: every chart reads the page's options store."""
    charts = {spec.key: spec for spec in CHARTS}
    pure_callback(
        app,
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
    # The generic shape: a figure and its summary from the options store and the selection.
    for key, update in ((ids.SUSTAINABILITY_MEANS_CHART, update_means), (ids.SUSTAINABILITY_BOX_CHART, update_distribution),
                        (ids.SUSTAINABILITY_SHARE_CHART, update_shares), (ids.SUSTAINABILITY_TIME_CHART, update_over_time)):
        pure_callback(app, Output(charts[key].graph_id, "figure"), Output(charts[key].summary_id, "children"), options, selection,
                     lang)(lambda *args, update=update: update(context, *args))
    pure_callback(
        app,
        Output(charts[ids.SUSTAINABILITY_CHANGES_CHART].graph_id, "figure"), Output(charts[ids.SUSTAINABILITY_CHANGES_CHART].summary_id, "children"),
        Output(charts[ids.SUSTAINABILITY_CHANGE_SHARES_CHART].graph_id, "figure"),
        Output(charts[ids.SUSTAINABILITY_CHANGE_SHARES_CHART].summary_id, "children"),
        options, selection, lang,
    )(lambda *args: update_changes(context, *args))
    pure_callback(
        app,
        Output(ids.SUSTAINABILITY_GROUP_A, "options"), Output(ids.SUSTAINABILITY_GROUP_B, "options"),
        Output(ids.SUSTAINABILITY_COMPARE_HELP, "children"),
        options, selection, lang,
        prevent_initial_call=True,
    )(lambda *args: update_comparison_choices(context, *args))
    pure_callback(
        app,
        Output(charts[ids.SUSTAINABILITY_COMPARE_CHART].graph_id, "figure"), Output(ids.SUSTAINABILITY_COMPARE_TABLE, "children"),
        Output(charts[ids.SUSTAINABILITY_COMPARE_CHART].summary_id, "children"),
        options, selection, lang,
    )(lambda *args: update_comparison(context, *args))
