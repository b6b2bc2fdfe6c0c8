"""Callbacks of the sustainability page: each chart follows the filters and the page options."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, html, no_update
from dash.exceptions import PreventUpdate
from plotly import graph_objects as go

from dashboard import ids
from dashboard.context import AppContext
from dashboard.figures import sustainability as figures
from dashboard.i18n import normalise_language, t
from dashboard.queries import sustainability as queries
from dashboard.selection import Selection


def _selection(context: AppContext, selection_data: dict | None) -> Selection:
    """The typed selection; before the shell has filled its store, nothing to draw yet."""
    if selection_data is None:
        raise PreventUpdate
    return Selection.from_raw(selection_data, context.catalog)


def _grouping(grouping: object) -> str:
    return grouping if grouping in queries.GROUPINGS else queries.DEFAULT_GROUPING


def _measure(measure: object) -> str:
    return measure if measure in queries.MEASURES else queries.DEFAULT_MEASURE


def _fraction(value: object) -> float | None:
    """A number in [0, 1] (the range control sends text), rounded to 2 decimals so that
    0.6000000001 is 0.6; None for anything else."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        number = float(value)
    except ValueError:
        return None
    return round(number, 2) if 0 <= number <= 1 else None  # also rejects nan


def _threshold(context: AppContext, threshold: object) -> float:
    """The chosen threshold, or the configured one for anything that is not a number in [0, 1]."""
    chosen = _fraction(threshold)
    return context.settings.threshold if chosen is None else chosen


def sync_threshold(context: AppContext, triggered: str | None, range_value: object,
                   number_value: object) -> tuple[object, object]:
    """Keep the threshold's range and number box in step: only the one not touched changes.

    Returns:
        (range value, number value), ``no_update`` for the control the user moved; a value that
        is not a number in [0, 1] changes nothing.
    """
    if triggered == ids.SUSTAINABILITY_THRESHOLD_RANGE:
        chosen = _fraction(range_value)
        return no_update, no_update if chosen is None else chosen
    chosen = _fraction(number_value)
    return no_update if chosen is None else chosen, no_update


def update_means(context: AppContext, grouping: str | None, selection_data: dict | None,
                 lang: str | None) -> tuple[go.Figure, str]:
    """Means chart and its summary for a grouping and the filters."""
    selection, grouping, lang = _selection(context, selection_data), _grouping(grouping), normalise_language(lang)
    minimum = context.settings.min_group_size
    by_group = queries.group_means(context.cursor(), selection, grouping, min_group_size=minimum)
    labels = figures.group_labels(grouping, lang, context.catalog)
    return (figures.means_chart(by_group, labels=labels, grouping=grouping, lang=lang, demo=context.catalog.is_demo,
                                min_group_size=minimum),
            figures.means_summary(by_group, labels=labels, lang=lang, min_group_size=minimum))


def update_distribution(context: AppContext, grouping: str | None, measure: str | None, threshold: float | None,
                        selection_data: dict | None, lang: str | None) -> tuple[go.Figure, str]:
    """Box chart of one score and its summary."""
    selection, grouping, lang = _selection(context, selection_data), _grouping(grouping), normalise_language(lang)
    measure, minimum = _measure(measure), context.settings.min_group_size
    by_group = queries.group_distribution(context.cursor(), selection, grouping, measure, min_group_size=minimum)
    labels = figures.group_labels(grouping, lang, context.catalog)
    return (figures.distribution_chart(by_group, labels=labels, grouping=grouping, measure=measure,
                                       threshold=_threshold(context, threshold), lang=lang,
                                       demo=context.catalog.is_demo, min_group_size=minimum),
            figures.distribution_summary(by_group, lang=lang, min_group_size=minimum))


def update_shares(context: AppContext, grouping: str | None, measure: str | None, threshold: float | None,
                  selection_data: dict | None, lang: str | None) -> tuple[go.Figure, str]:
    """Threshold share chart and its summary."""
    selection, grouping, lang = _selection(context, selection_data), _grouping(grouping), normalise_language(lang)
    measure, minimum, threshold = _measure(measure), context.settings.min_group_size, _threshold(context, threshold)
    by_group = queries.threshold_shares(context.cursor(), selection, grouping, measure, threshold,
                                        min_group_size=minimum)
    labels = figures.group_labels(grouping, lang, context.catalog)
    return (figures.threshold_chart(by_group, labels=labels, grouping=grouping, measure=measure, threshold=threshold,
                                    lang=lang, demo=context.catalog.is_demo, min_group_size=minimum),
            figures.threshold_summary(by_group, threshold=threshold, lang=lang, min_group_size=minimum))


def update_over_time(context: AppContext, grouping: str | None, measure: str | None, selection_data: dict | None,
                     lang: str | None) -> tuple[go.Figure, str]:
    """Scores over months since return and the summary naming the series."""
    selection, grouping, lang = _selection(context, selection_data), _grouping(grouping), normalise_language(lang)
    measure, minimum = _measure(measure), context.settings.min_group_size
    by_band = queries.means_over_time(context.cursor(), selection, grouping, measure, min_group_size=minimum)
    labels = figures.group_labels(grouping, lang, context.catalog)
    return (figures.over_time_chart(by_band, labels=labels, grouping=grouping, measure=measure, lang=lang,
                                    demo=context.catalog.is_demo, min_group_size=minimum),
            figures.over_time_summary(by_band, labels=labels, grouping=grouping, lang=lang, min_group_size=minimum,
                                      max_series=queries.MAX_TIME_SERIES))


def update_comparison_choices(context: AppContext, grouping: str | None,
                              lang: str | None) -> tuple[list[dict], str | None, list[dict], str | None, str]:
    """When the grouping changes: the groups A and B can be, their defaults and the help text."""
    grouping, lang = _grouping(grouping), normalise_language(lang)
    labels = figures.group_labels(grouping, lang, context.catalog)
    choices = figures.group_options(queries.group_codes(context.cursor(), grouping), labels)
    group_a, group_b = queries.default_pair(grouping, [choice["value"] for choice in choices])
    help_text = t("sustainability.compare.help", lang, grouping_lower=figures.grouping_label(grouping, lang, lower=True))
    return choices, group_a, choices, group_b, help_text


def update_comparison(context: AppContext, group_a: str | None, group_b: str | None, grouping: str | None,
                      selection_data: dict | None, lang: str | None) -> tuple[go.Figure, html.Div]:
    """Side-by-side chart of groups A and B and the table of their differences."""
    selection, grouping, lang = _selection(context, selection_data), _grouping(grouping), normalise_language(lang)
    minimum = context.settings.min_group_size
    labels = figures.group_labels(grouping, lang, context.catalog)
    group_a, group_b = str(group_a or ""), str(group_b or "")
    compared = queries.compare_groups(context.cursor(), selection, grouping, group_a, group_b, min_group_size=minimum)
    options = {"label_a": labels.get(group_a, group_a), "label_b": labels.get(group_b, group_b), "lang": lang,
               "min_group_size": minimum, "same_group": group_a == group_b}
    return (figures.comparison_chart(compared, demo=context.catalog.is_demo, **options),
            figures.comparison_table(compared, **options))


def register(app: Dash, context: AppContext) -> None:
    """Wire this page's callbacks."""
    app.callback(
        Output(ids.SUSTAINABILITY_THRESHOLD_RANGE, "value"), Output(ids.SUSTAINABILITY_THRESHOLD, "value"),
        Input(ids.SUSTAINABILITY_THRESHOLD_RANGE, "value"), Input(ids.SUSTAINABILITY_THRESHOLD, "value"),
        prevent_initial_call=True,
    )(lambda range_value, number_value: sync_threshold(context, ctx.triggered_id, range_value, number_value))
    selection = Input(ids.SELECTION_STORE, "data")
    lang = State(ids.LANGUAGE_STORE, "data")
    grouping = Input(ids.SUSTAINABILITY_GROUPING, "value")
    measure = Input(ids.SUSTAINABILITY_MEASURE, "value")
    threshold = Input(ids.SUSTAINABILITY_THRESHOLD, "value")
    app.callback(
        Output(ids.SUSTAINABILITY_MEANS_GRAPH, "figure"), Output(ids.SUSTAINABILITY_MEANS_SUMMARY, "children"),
        grouping, selection, lang,
    )(lambda *args: update_means(context, *args))
    app.callback(
        Output(ids.SUSTAINABILITY_BOX_GRAPH, "figure"), Output(ids.SUSTAINABILITY_BOX_SUMMARY, "children"),
        grouping, measure, threshold, selection, lang,
    )(lambda *args: update_distribution(context, *args))
    app.callback(
        Output(ids.SUSTAINABILITY_SHARE_GRAPH, "figure"), Output(ids.SUSTAINABILITY_SHARE_SUMMARY, "children"),
        grouping, measure, threshold, selection, lang,
    )(lambda *args: update_shares(context, *args))
    app.callback(
        Output(ids.SUSTAINABILITY_TIME_GRAPH, "figure"), Output(ids.SUSTAINABILITY_TIME_SUMMARY, "children"),
        grouping, measure, selection, lang,
    )(lambda *args: update_over_time(context, *args))
    # The layout already holds the choices for its grouping (and any groups named in the URL),
    # so this runs only when the user changes the grouping.
    app.callback(
        Output(ids.SUSTAINABILITY_GROUP_A, "options"), Output(ids.SUSTAINABILITY_GROUP_A, "value"),
        Output(ids.SUSTAINABILITY_GROUP_B, "options"), Output(ids.SUSTAINABILITY_GROUP_B, "value"),
        Output(ids.SUSTAINABILITY_COMPARE_HELP, "children"),
        grouping, lang,
        prevent_initial_call=True,
    )(lambda *args: update_comparison_choices(context, *args))
    # The grouping is a State: a new grouping always arrives with new groups A and B.
    app.callback(
        Output(ids.SUSTAINABILITY_COMPARE_GRAPH, "figure"), Output(ids.SUSTAINABILITY_COMPARE_TABLE, "children"),
        Input(ids.SUSTAINABILITY_GROUP_A, "value"), Input(ids.SUSTAINABILITY_GROUP_B, "value"),
        State(ids.SUSTAINABILITY_GROUPING, "value"), selection, lang,
    )(lambda *args: update_comparison(context, *args))
