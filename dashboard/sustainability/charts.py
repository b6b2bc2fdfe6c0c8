"""The sustainability page's charts, declared once: their ids, titles and kinds, and the functions
that compute each chart's data, figure and summary for a request (``ChartSpec``), from one options
value read through the page's parser, with the page's other outputs that follow the same request
(``EXTRAS``: the comparison's table and the groups A and B can be). The layout builds the panels
from these rows, the page's chart callback (``callbacks.charts``) fills them, exports, embeds and
the API read them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TypedDict

import duckdb
import pandas as pd
from dash import ctx, html, no_update, set_props

from dashboard import ids
from dashboard.auth import disclosure_mode
from dashboard.common.charts import ChartRequest, ChartSpec, DictId, Extra, per_request
from dashboard.common.data_kinds import SURVEY_EXACT, SURVEY_RELEASE
from dashboard.common.figures import PlainFigure
from dashboard.common.methodology import MAX_TIME_SERIES
from dashboard.common.options import OptionEnv
from dashboard.i18n import format_number, normalise_language, t
from dashboard.selection import Selection
from dashboard.settings import Settings
from dashboard.store.catalog import Catalog
from dashboard.sustainability import (
    blocks,
    change_figures,
    figures,
    frames,
    labels,
    queries,
    summaries,
)
from dashboard.sustainability.disclosure import Disclosure, for_mode
from dashboard.sustainability.figures import mark_exact, mark_protected
from dashboard.sustainability.labels import GroupChart
from dashboard.sustainability.options import (
    GROUP_PARAM,
    TABLE,
    PageOptions,
    chosen_grouping,
    parse_following_filters,
)
from dashboard.sustainability.options import comparison_choices as group_choices

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

    # Read once per view (one request): every chart, summary and table of the page asks for them.
    @cached_property
    def disclosure(self) -> Disclosure:
        return for_mode(disclosure_mode(self.settings))

    @cached_property
    def labels(self) -> dict[str, str]:
        return labels.group_labels(self.options.grouping, self.lang, self.catalog)

    @cached_property
    def chart(self) -> GroupChart:
        """What the page's charts of groups are drawn with, for these options."""
        return GroupChart(
            labels=self.labels,
            grouping=self.options.grouping,
            lang=self.lang,
            min_group_size=self.minimum,
            demo=self.catalog.is_demo,
            measure=self.options.measure,
            threshold=self.options.threshold,
        )


def options_view(
    cursor: duckdb.DuckDBPyConnection,
    catalog: Catalog,
    settings: Settings,
    selection: Selection,
    options_data: Mapping[str, object] | None,
    lang: object,
    following: bool = False,
) -> View:
    """The view the page's options value describes (read through the page's one parser; after a
    change of the filters, ``following``, as ``parse_following_filters`` reads it)."""
    lang = normalise_language(lang)
    env = OptionEnv(catalog, settings, cursor, lang, selection)
    if following:
        options = PageOptions.from_parsed(parse_following_filters(options_data or {}, env))
    else:
        options = PageOptions.from_params(options_data or {}, env)
    return View(cursor, catalog, settings, selection, options, lang)


@per_request
def request_view(request: ChartRequest) -> View:
    """The view a request describes: its filters and the page's options value, read once."""
    return options_view(
        request.cursor,
        request.catalog,
        request.settings,
        request.selection,
        request.params,
        request.lang,
        following_filters(),
    )


def survey_kind(request: ChartRequest) -> str:
    """The kind of data of a survey chart for this request: the protected release, or exact figures."""
    return SURVEY_EXACT if disclosure_mode(request.settings) == "exact" else SURVEY_RELEASE


@per_request
def means_frame(request: ChartRequest) -> pd.DataFrame:
    """Means of every score per group (suppressed groups carry no value)."""
    view = request_view(request)
    return queries.group_means(
        view.cursor,
        view.selection,
        view.options.grouping,
        min_group_size=view.minimum,
        disclosure=view.disclosure,
    )


@per_request
def distribution_frame(request: ChartRequest) -> pd.DataFrame:
    """Percentiles of the chosen score per group."""
    view = request_view(request)
    return queries.group_distribution(
        view.cursor,
        view.selection,
        view.options.grouping,
        view.options.measure,
        min_group_size=view.minimum,
        disclosure=view.disclosure,
    )


@per_request
def shares_frame(request: ChartRequest) -> pd.DataFrame:
    """Shares at or above the threshold per group."""
    view = request_view(request)
    return queries.threshold_shares(
        view.cursor,
        view.selection,
        view.options.grouping,
        view.options.measure,
        view.options.threshold,
        min_group_size=view.minimum,
        disclosure=view.disclosure,
    )


@per_request
def over_time_frame(request: ChartRequest) -> pd.DataFrame:
    """Means of the chosen score per months band for the largest groups."""
    view = request_view(request)
    return queries.means_over_time(
        view.cursor,
        view.selection,
        view.options.grouping,
        view.options.measure,
        min_group_size=view.minimum,
        disclosure=view.disclosure,
    )


@per_request
def comparison_frame(request: ChartRequest) -> pd.DataFrame:
    """Groups A and B side by side on every score."""
    view = request_view(request)
    return queries.compare_groups(
        view.cursor,
        view.selection,
        view.options.grouping,
        view.options.group_a or "",
        view.options.group_b or "",
        min_group_size=view.minimum,
        disclosure=view.disclosure,
    )


@per_request
def changes_frame(request: ChartRequest) -> pd.DataFrame:
    """Paired change between rounds per group."""
    view = request_view(request)
    return queries.round_changes(
        view.cursor,
        view.selection,
        view.options.grouping,
        min_group_size=view.minimum,
        disclosure=view.disclosure,
    )


def marked(figure: PlainFigure, view: View) -> PlainFigure:
    """A figure stamped with where its figures come from: the protected release, or exact records."""
    return (
        mark_exact(figure, view.lang)
        if view.disclosure.exact
        else mark_protected(figure, view.lang)
    )


def with_disclosure(frame: pd.DataFrame, view: View) -> pd.DataFrame:
    """A chart's data with the protection it was published under, in every row (tables, files)."""
    rho = view.catalog.release.get("rho", "?")
    return frame.assign(
        **{
            t("sustainability.disclosure.header", view.lang): t(
                f"sustainability.disclosure.{view.disclosure.mode}",
                view.lang,
                rho=format_number(rho, view.lang, 2) if isinstance(rho, int | float) else rho,
            )
        }
    )


class ComparisonWords(TypedDict):
    """What the comparison's chart, table and summary say about groups A and B."""

    label_a: str
    label_b: str
    lang: str
    min_group_size: int
    same_group: bool
    available: int


@per_request
def comparison_words(request: ChartRequest) -> ComparisonWords:
    """What the comparison's chart, table and summary say about groups A and B."""
    view = request_view(request)
    labels = view.labels
    group_a, group_b = view.options.group_a or "", view.options.group_b or ""
    available = len(
        queries.comparable_group_codes(
            view.cursor,
            view.selection,
            view.options.grouping,
            min_group_size=view.minimum,
            disclosure=view.disclosure,
        )
    )
    return {
        "label_a": labels.get(group_a, group_a),
        "label_b": labels.get(group_b, group_b),
        "lang": view.lang,
        "min_group_size": view.minimum,
        "same_group": group_a == group_b,
        "available": available,
    }


# ---------------------------------------------------------------- data behind each chart
def means_data(request: ChartRequest) -> pd.DataFrame:
    """The means chart's data for the filters and options of the request."""
    view = request_view(request)
    return with_disclosure(
        frames.means_data(
            means_frame(request),
            labels=view.labels,
            grouping=view.options.grouping,
            lang=view.lang,
            min_group_size=view.minimum,
        ),
        view,
    )


def distribution_data(request: ChartRequest) -> pd.DataFrame:
    """The box chart's data."""
    view = request_view(request)
    return with_disclosure(
        frames.distribution_data(
            distribution_frame(request),
            labels=view.labels,
            grouping=view.options.grouping,
            measure=view.options.measure,
            lang=view.lang,
            min_group_size=view.minimum,
        ),
        view,
    )


def shares_data(request: ChartRequest) -> pd.DataFrame:
    """The threshold chart's data."""
    view = request_view(request)
    return with_disclosure(
        frames.threshold_data(
            shares_frame(request),
            labels=view.labels,
            grouping=view.options.grouping,
            measure=view.options.measure,
            threshold=view.options.threshold,
            lang=view.lang,
            min_group_size=view.minimum,
        ),
        view,
    )


def over_time_data(request: ChartRequest) -> pd.DataFrame:
    """The chart over time's data."""
    view = request_view(request)
    return with_disclosure(
        frames.over_time_data(
            over_time_frame(request),
            labels=view.labels,
            grouping=view.options.grouping,
            measure=view.options.measure,
            lang=view.lang,
            min_group_size=view.minimum,
        ),
        view,
    )


def comparison_data(request: ChartRequest) -> pd.DataFrame:
    """The comparison chart's data, with the difference and its Welch interval."""
    view = request_view(request)
    return with_disclosure(
        frames.comparison_data(
            comparison_frame(request),
            codes=(view.options.group_a or "", view.options.group_b or ""),
            **comparison_words(request),
        ),
        view,
    )


def changes_data(request: ChartRequest) -> pd.DataFrame:
    """Both change charts' data: mean changes with paired intervals, rose/stayed/fell shares."""
    view = request_view(request)
    return with_disclosure(
        frames.changes_data(
            changes_frame(request),
            labels=view.labels,
            grouping=view.options.grouping,
            lang=view.lang,
            min_group_size=view.minimum,
        ),
        view,
    )


# ---------------------------------------------------------------- each chart and its summary
def means_figure(request: ChartRequest) -> PlainFigure:
    """The means chart for the filters and options of the request."""
    view = request_view(request)
    return marked(figures.means_chart(means_frame(request), view.chart), view)


def means_summary(request: ChartRequest) -> str:
    """The means in one sentence."""
    view = request_view(request)
    return summaries.means_summary(
        means_frame(request), labels=view.labels, lang=view.lang, min_group_size=view.minimum
    )


def distribution_figure(request: ChartRequest) -> PlainFigure:
    """The box chart."""
    view = request_view(request)
    return marked(figures.distribution_chart(distribution_frame(request), view.chart), view)


def distribution_summary(request: ChartRequest) -> str:
    """The spreads in one sentence."""
    view = request_view(request)
    return summaries.distribution_summary(
        distribution_frame(request), lang=view.lang, min_group_size=view.minimum
    )


def shares_figure(request: ChartRequest) -> PlainFigure:
    """The threshold chart."""
    view = request_view(request)
    return marked(figures.threshold_chart(shares_frame(request), view.chart), view)


def shares_summary(request: ChartRequest) -> str:
    """The shares at or above the threshold in one sentence."""
    view = request_view(request)
    return summaries.threshold_summary(
        shares_frame(request),
        threshold=view.options.threshold,
        lang=view.lang,
        min_group_size=view.minimum,
    )


def over_time_figure(request: ChartRequest) -> PlainFigure:
    """The chart over months since return."""
    view = request_view(request)
    return marked(figures.over_time_chart(over_time_frame(request), view.chart), view)


def over_time_summary(request: ChartRequest) -> str:
    """The series over time in one sentence, naming them."""
    view = request_view(request)
    return summaries.over_time_summary(
        over_time_frame(request),
        labels=view.labels,
        grouping=view.options.grouping,
        lang=view.lang,
        min_group_size=view.minimum,
        max_series=MAX_TIME_SERIES,
    )


def comparison_figure(request: ChartRequest) -> PlainFigure:
    """Groups A and B side by side."""
    view = request_view(request)
    return marked(
        figures.comparison_chart(
            comparison_frame(request), demo=view.catalog.is_demo, **comparison_words(request)
        ),
        view,
    )


def comparison_summary(request: ChartRequest) -> str:
    """The comparison of groups A and B in one sentence."""
    return summaries.comparison_summary(comparison_frame(request), **comparison_words(request))


def change_figure(builder):
    """The figure function of one of the two change charts (``builder`` from the change figures)."""

    def figure(request: ChartRequest) -> PlainFigure:
        view = request_view(request)
        return marked(builder(changes_frame(request), view.chart), view)

    return figure


@per_request
def changes_summary(request: ChartRequest) -> str:
    """The change between rounds in one sentence (both change charts say it: written once)."""
    view = request_view(request)
    return summaries.changes_summary(
        changes_frame(request), labels=view.labels, lang=view.lang, min_group_size=view.minimum
    )


# ---------------------------------------------------------------- beside the charts
def comparison_table(request: ChartRequest) -> tuple[html.Div]:
    """The table of the differences between groups A and B."""
    return (blocks.comparison_table(comparison_frame(request), **comparison_words(request)),)


def comparison_choices(request: ChartRequest) -> tuple[list[dict], list[dict], str]:
    """The groups A and B can be for the grouping of the options under the filters (groups whose
    statistics are published), and the help text; the chosen groups themselves are options, set
    with the grouping by the options callback, from the same list."""
    raw = request.params.get(GROUP_PARAM)
    grouping = chosen_grouping(raw)
    env = OptionEnv(
        request.catalog, request.settings, request.cursor, request.lang, request.selection
    )
    choices = group_choices(env, grouping)
    help_text = t(
        "sustainability.compare.help",
        request.lang,
        grouping_lower=labels.grouping_label(grouping, request.lang, lower=True),
        min=format_number(max(request.settings.min_group_size, 2), request.lang),
    )
    return choices, choices, help_text


def following_filters() -> bool:
    """Whether the current call is the chart callback answering a change of the filters (not the
    page's first answer, drawn into its layout by the routing callback, nor a call outside Dash)."""
    try:
        triggered = ctx.triggered_prop_ids or {}
    except Exception:  # noqa: BLE001 (no callback context: an embed, the API, a test)
        return False
    return ids.SELECTION_STORE in triggered.values()


def options_under_filters(request: ChartRequest) -> tuple:
    """The page's options value parsed again under the request's filters: the groups A and B can be
    depend on the data under the filters, so a filter change can change them.

    The charts of the same answer read the options through the same parser
    (``PageOptions.from_params``) and draw with these values; sending them in the same answer
    spares the round of requests in which an options callback answered first and the charts
    waited for it. On a filter change the controls that show a changed option are set in the same
    answer too (``set_props``: not a declared output, so Dash does not hold the shell's write of
    the address, downstream of the controls through the options callback, until this answer
    comes); the options callback, called by that change, then only tidies the address. The
    value is ``no_update`` when the options stay as they are; on the page's first answer (drawn
    into its layout by the routing callback) it is the value the layout holds.
    """
    env = OptionEnv(
        request.catalog, request.settings, request.cursor, request.lang, request.selection
    )
    if not following_filters():
        return (TABLE.parse(request.params, env).texts,)
    parsed = parse_following_filters(request.params, env)
    before = dict(request.params) if isinstance(request.params, Mapping) else {}
    if parsed.texts == before:
        return (no_update,)
    for option, value in zip(TABLE.options, TABLE.control_values(parsed, env), strict=True):
        if parsed.texts[option.param] != before.get(option.param):
            component, prop = option.control
            set_props(component, {prop: value})
    return (parsed.texts,)


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(
        ids.SUSTAINABILITY_MEANS_CHART,
        PAGE,
        ids.SUSTAINABILITY_MEANS_GRAPH,
        "sustainability.heading.means",
        means_data,
        figure=means_figure,
        summary=means_summary,
        summary_id=ids.SUSTAINABILITY_MEANS_SUMMARY,
        kind=survey_kind,
    ),
    ChartSpec(
        ids.SUSTAINABILITY_BOX_CHART,
        PAGE,
        ids.SUSTAINABILITY_BOX_GRAPH,
        "sustainability.heading.box",
        distribution_data,
        figure=distribution_figure,
        summary=distribution_summary,
        summary_id=ids.SUSTAINABILITY_BOX_SUMMARY,
        kind=survey_kind,
    ),
    ChartSpec(
        ids.SUSTAINABILITY_SHARE_CHART,
        PAGE,
        ids.SUSTAINABILITY_SHARE_GRAPH,
        "sustainability.heading.share",
        shares_data,
        figure=shares_figure,
        summary=shares_summary,
        summary_id=ids.SUSTAINABILITY_SHARE_SUMMARY,
        kind=survey_kind,
    ),
    ChartSpec(
        ids.SUSTAINABILITY_TIME_CHART,
        PAGE,
        ids.SUSTAINABILITY_TIME_GRAPH,
        "sustainability.heading.time",
        over_time_data,
        figure=over_time_figure,
        summary=over_time_summary,
        summary_id=ids.SUSTAINABILITY_TIME_SUMMARY,
        kind=survey_kind,
    ),
    ChartSpec(
        ids.SUSTAINABILITY_COMPARE_CHART,
        PAGE,
        ids.SUSTAINABILITY_COMPARE_GRAPH,
        "sustainability.heading.compare_chart",
        comparison_data,
        figure=comparison_figure,
        summary=comparison_summary,
        summary_id=ids.SUSTAINABILITY_COMPARE_SUMMARY,
        kind=survey_kind,
    ),
    ChartSpec(
        ids.SUSTAINABILITY_CHANGES_CHART,
        PAGE,
        ids.SUSTAINABILITY_CHANGES_GRAPH,
        "sustainability.heading.changes",
        changes_data,
        figure=change_figure(change_figures.changes_chart),
        summary=changes_summary,
        summary_id=ids.SUSTAINABILITY_CHANGES_SUMMARY,
        kind=survey_kind,
    ),
    ChartSpec(
        ids.SUSTAINABILITY_CHANGE_SHARES_CHART,
        PAGE,
        ids.SUSTAINABILITY_CHANGE_SHARES_GRAPH,
        "sustainability.heading.change_shares",
        changes_data,
        figure=change_figure(change_figures.change_shares_chart),
        summary=changes_summary,
        summary_id=ids.SUSTAINABILITY_CHANGE_SHARES_SUMMARY,
        kind=survey_kind,
    ),
)

EXTRAS: tuple[Extra, ...] = (
    # First: the options the charts of the same answer draw with, written back to the page's
    # options store (and its controls: ``options_under_filters``); the options callback no longer
    # follows the filters.
    Extra(
        ((DictId(TABLE.store_id), "data"),),
        options_under_filters,
        follows_options=False,
    ),
    Extra(((ids.SUSTAINABILITY_COMPARE_TABLE, "children"),), comparison_table, as_html=True),
    Extra(
        (
            (ids.SUSTAINABILITY_GROUP_A, "options"),
            (ids.SUSTAINABILITY_GROUP_B, "options"),
            (ids.SUSTAINABILITY_COMPARE_HELP, "children"),
        ),
        comparison_choices,
    ),
)

# The same rows by key (the layout builds each panel from its row).
BY_KEY: dict[str, ChartSpec] = {chart.key: chart for chart in CHARTS}
