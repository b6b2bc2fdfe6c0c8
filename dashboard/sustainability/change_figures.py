"""Figures, summaries and tables of the change between survey rounds (the same returnees, paired).

Pure functions of the frame of ``dashboard.sustainability.queries.round_changes``: suppressed
groups carry no values; they keep a row that says so and nothing is drawn for them. Figures are
built as plain data, as in ``dashboard.sustainability.figures``.
"""

from __future__ import annotations

import math

import pandas as pd

from dashboard.build.aggregates import STAY_BAND
from dashboard.cells import is_missing, number_or_nan
from dashboard.common import theme
from dashboard.common.figures import (
    PlainFigure,
    add_plain_shape,
    plain_base_layout,
    plain_empty_figure,
    plain_figure,
    trace,
    update_plain_layout,
)
from dashboard.common.precision import interval_decimals
from dashboard.i18n import format_number, format_percent, t
from dashboard.sustainability.figures import (
    Row,
    finish_group_chart,
    floats,
    measure_markers,
    percent_interval,
    shown_rows,
    ticked_rows,
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


def _change_range(shown: list[Row]) -> list[float]:
    """A symmetric axis range around zero holding every interval, in steps of 0.05."""
    bounds = [
        abs(float(value))
        for measure in MEASURES
        for end in ("ci_low", "ci_high")
        for row in shown
        if not is_missing(value := row[f"{measure}_{end}"])
    ]
    reach = max([0.05, *bounds])
    reach = min(1.0, math.ceil((reach + 0.005) * 20) / 20)
    return [-reach, reach]


def _difference(first: float, second: float) -> float:
    """``first - second``, 0 when either is missing (an error bar not drawn)."""
    difference = first - second
    return 0.0 if math.isnan(difference) else difference


def _no_change_figure(lang: str) -> PlainFigure:
    """What both change charts show when no returnee answered two rounds under the filters."""
    return plain_empty_figure(
        t("sustainability.changes.none", lang), lang=lang, hint=t("chart.empty_hint", lang)
    )


def changes_chart(changes: pd.DataFrame, chart: GroupChart) -> PlainFigure:
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
        return _no_change_figure(lang)
    rows = ticked_rows(changes, labels, lang, min_group_size)
    shown = shown_rows(rows)
    ticks = [str(row["tick"]) for row in shown]
    figure = plain_figure()
    for measure in MEASURES:
        change = floats(shown, f"{measure}_change")
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
            for row in shown
        ]
        highs, lows = floats(shown, f"{measure}_ci_high"), floats(shown, f"{measure}_ci_low")
        bars = {
            "type": "data",
            "symmetric": False,
            "thickness": 1.5,
            "width": 4,
            "array": [_difference(high, value) for high, value in zip(highs, change, strict=True)],
            "arrayminus": [
                _difference(value, low) for value, low in zip(change, lows, strict=True)
            ],
        }
        figure["data"].append(measure_markers(measure, change, ticks, bars, name=name, hover=hover))
    plain_base_layout(
        figure,
        title=t(
            "sustainability.changes.title",
            lang,
            grouping_lower=grouping_label(grouping, lang, lower=True),
        ),
        lang=lang,
        demo=demo,
    )
    update_plain_layout(figure, scattermode="group", scattergap=0.35)
    # The line of no change, from the foot to the top of the plot (plotly's ``add_vline``).
    add_plain_shape(
        figure,
        {
            "type": "line",
            "x0": 0,
            "x1": 0,
            "xref": "x",
            "y0": 0,
            "y1": 1,
            "yref": "y domain",
            "line": {"color": theme.MUTED, "width": 1, "dash": "dot"},
        },
    )
    update_plain_layout(
        figure,
        xaxis={
            "range": _change_range(shown),
            "title": {"text": t("sustainability.axis.change", lang)},
            "tickformat": "+.2~f",
        },
    )
    return finish_group_chart(figure, rows, "means", lang, min_group_size)


def change_shares_chart(changes: pd.DataFrame, chart: GroupChart) -> PlainFigure:
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
        return _no_change_figure(lang)
    rows = ticked_rows(changes, labels, lang, min_group_size)
    shown = shown_rows(rows)
    ticks = [row["tick"] for row in shown]
    figure = plain_figure()
    for direction in DIRECTIONS:
        colour, pattern = DIRECTION_STYLES[direction]
        share = floats(shown, direction)
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
            for row in shown
        ]
        figure["data"].append(
            trace(
                "bar",
                x=share,
                y=ticks,
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
    plain_base_layout(
        figure,
        title=t(
            "sustainability.change_shares.title",
            lang,
            grouping_lower=grouping_label(grouping, lang, lower=True),
        ),
        lang=lang,
        demo=demo,
    )
    update_plain_layout(
        figure,
        barmode="stack",
        uniformtext={"minsize": 10, "mode": "hide"},
        xaxis={
            "range": [0, 1],
            "tickformat": ".0%",
            "title": {"text": t("sustainability.axis.change_share", lang)},
        },
    )
    return finish_group_chart(figure, rows, "share", lang, min_group_size)
