"""Figures, summaries and tables of the change between survey rounds (the same returnees, paired).

Pure functions of the frame of ``dashboard.sustainability.queries.round_changes``: suppressed
groups carry no values; they keep a row that says so and nothing is drawn for them.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard.build.aggregates import STAY_BAND
from dashboard.cells import number_or_nan
from dashboard.common import theme
from dashboard.common.figures import base_layout, empty_figure, new_figure
from dashboard.common.precision import interval_decimals
from dashboard.i18n import format_number, format_percent, t
from dashboard.sustainability.figures import (
    finish_group_chart,
    measure_markers,
    percent_interval,
    with_ticks,
)
from dashboard.sustainability.labels import (
    DIRECTIONS,
    GroupChart,
    grouping_label,
    measure_label,
    signed_text,
)
from dashboard.sustainability.queries import MEASURES

DIRECTION_STYLES = {
    "rose": (theme.QUALITATIVE[2], ""),
    "stayed": ("#BBBBBB", "."),
    "fell": (theme.QUALITATIVE[5], "/"),
}


def _signed_interval(change: object, low: object, high: object, lang: str) -> dict[str, str]:
    """A change and its interval's bounds, with the decimals the interval needs (three at least)."""
    decimals = interval_decimals(change, low, high, minimum=3)
    return {
        name: signed_text(number_or_nan(value), lang, decimals)
        for name, value in (("change", change), ("low", low), ("high", high))
    }


def _change_range(frame: pd.DataFrame) -> list[float]:
    """A symmetric axis range around zero holding every interval, in steps of 0.05."""
    bounds = [
        abs(float(v))
        for m in MEASURES
        for end in ("ci_low", "ci_high")
        for v in frame[f"{m}_{end}"]
        if pd.notna(v)
    ]
    reach = max([0.05, *bounds])
    reach = min(1.0, math.ceil((reach + 0.005) * 20) / 20)
    return [-reach, reach]


def changes_chart(changes: pd.DataFrame, chart: GroupChart) -> go.Figure:
    """Mean change of every score between a returnee's previous and latest round, per group,
    with 95% paired intervals; a line marks no change."""
    labels, grouping, lang, demo, min_group_size = (
        chart.labels,
        chart.grouping,
        chart.lang,
        chart.demo,
        chart.min_group_size,
    )
    if changes.empty:
        return empty_figure(
            t("sustainability.changes.none", lang), lang=lang, hint=t("chart.empty_hint", lang)
        )
    ordered = with_ticks(changes, labels, lang, min_group_size)
    shown = ordered[~ordered["suppressed"]]
    figure = new_figure()
    for measure in MEASURES:
        change = shown[f"{measure}_change"].astype(float)
        name = measure_label(measure, lang)
        hover = [
            t(
                "sustainability.hover.change",
                lang,
                group=row["label"],
                measure=name,
                **_signed_interval(
                    row[f"{measure}_change"],
                    row[f"{measure}_ci_low"],
                    row[f"{measure}_ci_high"],
                    lang,
                ),
                n=format_number(int(row["n"]), lang),
            )
            for row in shown.to_dict("records")
        ]
        bars = {
            "type": "data",
            "symmetric": False,
            "thickness": 1.5,
            "width": 4,
            "array": (shown[f"{measure}_ci_high"].astype(float) - change).fillna(0).tolist(),
            "arrayminus": (change - shown[f"{measure}_ci_low"].astype(float)).fillna(0).tolist(),
        }
        figure.add_trace(
            measure_markers(measure, change, shown["tick"], bars, name=name, hover=hover)
        )
    base_layout(
        figure,
        title=t(
            "sustainability.changes.title",
            lang,
            grouping_lower=grouping_label(grouping, lang, lower=True),
        ),
        lang=lang,
        demo=demo,
    )
    figure.update_layout(scattermode="group", scattergap=0.35)
    figure.add_vline(x=0, line={"color": theme.MUTED, "width": 1, "dash": "dot"})
    figure.update_xaxes(
        range=_change_range(shown), title=t("sustainability.axis.change", lang), tickformat="+.2~f"
    )
    return finish_group_chart(figure, ordered, "means", lang, min_group_size)


def change_shares_chart(changes: pd.DataFrame, chart: GroupChart) -> go.Figure:
    """Shares of returnees whose composite rose, stayed (within ±STAY_BAND) or fell between two
    rounds, per group: stacked bars, colours and patterns per direction."""
    labels, grouping, lang, demo, min_group_size = (
        chart.labels,
        chart.grouping,
        chart.lang,
        chart.demo,
        chart.min_group_size,
    )
    if changes.empty:
        return empty_figure(
            t("sustainability.changes.none", lang), lang=lang, hint=t("chart.empty_hint", lang)
        )
    ordered = with_ticks(changes, labels, lang, min_group_size)
    shown = ordered[~ordered["suppressed"]]
    figure = new_figure()
    for direction in DIRECTIONS:
        colour, pattern = DIRECTION_STYLES[direction]
        share = shown[direction].astype(float)
        name = t(
            f"sustainability.changes.{direction}", lang, band=format_number(STAY_BAND, lang, 2)
        )
        hover = [
            t(
                "sustainability.hover.direction",
                lang,
                group=row["label"],
                direction=name,
                **percent_interval(
                    row[direction], row[f"{direction}_ci_low"], row[f"{direction}_ci_high"], lang
                ),
                n=format_number(int(row["n"]), lang),
            )
            for row in shown.to_dict("records")
        ]
        figure.add_trace(
            go.Bar(
                x=share.tolist(),
                y=shown["tick"].tolist(),
                orientation="h",
                name=name,
                marker={
                    "color": colour,
                    "pattern": {"shape": pattern},
                    "line": {"color": theme.TEXT, "width": 0.5},
                },
                text=[format_percent(value, lang) for value in share],
                textposition="inside",
                insidetextanchor="middle",
                textfont={"color": theme.text_colour_on(colour)},
                hovertext=hover,
                hoverinfo="text",
            )
        )
    base_layout(
        figure,
        title=t(
            "sustainability.change_shares.title",
            lang,
            grouping_lower=grouping_label(grouping, lang, lower=True),
        ),
        lang=lang,
        demo=demo,
    )
    figure.update_layout(barmode="stack", uniformtext={"minsize": 10, "mode": "hide"})
    figure.update_xaxes(
        range=[0, 1], tickformat=".0%", title=t("sustainability.axis.change_share", lang)
    )
    return finish_group_chart(figure, ordered, "share", lang, min_group_size)
