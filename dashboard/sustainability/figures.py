"""Figures of the sustainability page: means with intervals, spreads, threshold shares, scores over
time since return and a two-group comparison, each marked as computed from the protected release or
from exact records. Pure functions of small aggregated frames.

Every builder receives the frames of dashboard.sustainability.queries, where suppressed
groups carry no values; it labels them as suppressed and never draws anything for them. Each
figure is built as plain data (``dashboard.common.figures.plain_figure``): the dict plotly would
make of it, without plotly's objects and their validation (``tests/test_sustainability_figures``
checks that plotly makes exactly the same figure of each). The frames are read once, as rows."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping
from typing import Any, cast

import pandas as pd

from dashboard.cells import is_missing, number, number_or_nan
from dashboard.common import theme
from dashboard.common.figures import (
    PlainFigure,
    add_plain_annotation,
    add_plain_shape,
    plain_base_layout,
    plain_empty_figure,
    plain_figure,
    plain_no_data_figure,
    trace,
    update_plain_layout,
)
from dashboard.common.precision import interval_decimals
from dashboard.i18n import format_number, format_percent, t
from dashboard.sustainability.labels import (
    GroupChart,
    bounded_interval,
    comparison_notes,
    difference_verdict,
    grouping_label,
    measure_label,
    ordered_groups,
    score_text,
    series_labels,
    unavailable_text,
)
from dashboard.sustainability.queries import MEASURES, MONTH_BANDS

MEASURE_COLOURS = {
    "economic": theme.QUALITATIVE[0],
    "social": theme.QUALITATIVE[1],
    "psychosocial": theme.QUALITATIVE[2],
    "composite": theme.QUALITATIVE[7],
}
MEASURE_SYMBOLS = {
    "economic": "circle",
    "social": "square",
    "psychosocial": "triangle-up",
    "composite": "diamond",
}
SERIES_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "cross", "star", "hexagon")
SERIES_DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
GROUP_COLOURS = {
    "region": theme.REGION_COLOURS,
    "action": theme.ACTION_COLOURS,
    "sex": theme.SEX_COLOURS,
}
SHARE_BAR = "#56B4E9"
COMPARE_STYLES = (("a", theme.QUALITATIVE[0], ""), ("b", theme.QUALITATIVE[1], "/"))
BOTTOM_LEGEND = {
    "orientation": "h",
    "yref": "container",
    "y": 0.01,
    "yanchor": "bottom",
    "x": 0,
    "xanchor": "left",
}
ROW_HEIGHT = {"means": 60, "box": 56, "share": 56}  # a group's three lines of tick, and room
# Characters of a group name per line on the vertical axis, its sample size on a line of its own:
# the plot keeps about half a phone's width.
TICK_WIDTH = 16
TICK_LINE = 18  # pixels per line of a group's tick
MARKS_HEIGHT = 48  # the marks of a chart's data above its plot (demo data, protected figures)
TITLE_WIDTH, TITLE_LINE = 46, 22  # characters per title line, pixels per extra line
SUBTITLE_LINE, SUBTITLE_GAP, TITLE_PAD = (
    18,
    30,
    12,
)  # subtitle line, gap above the plot, space above the title


Row = dict[str, Any]  # one group's statistics, as a frame's record


def records(frame: pd.DataFrame) -> list[Row]:
    """The rows of ``frame`` as dicts of column -> value (Python scalars): a builder reads its
    frame once, then works on these few rows in plain Python."""
    return cast(list[Row], frame.to_dict("records"))


def _wrapped(label: str) -> str:
    """A long group name on two or more lines, so the plot keeps its width on a phone."""
    return (
        "<br>".join(
            textwrap.wrap(label, TICK_WIDTH, break_long_words=False, break_on_hyphens=False)
        )
        or label
    )


def _tick(row: Mapping, lang: str, min_group_size: int) -> str:
    label = _wrapped(str(row["label"]))
    if row["suppressed"]:
        tick = t(
            "sustainability.tick_suppressed",
            lang,
            label=label,
            min=format_number(min_group_size, lang),
        )
    else:
        tick = t("sustainability.tick", lang, label=label, n=format_number(int(row["n"]), lang))
    return tick.replace(" (n", "<br>(n", 1)


def _fit_title(figure: PlainFigure) -> PlainFigure:
    """Break a long title into lines that fit a phone's width, pinned to the top of the chart
    with the marks of its data ("Protected figures", demo data) between it and the plot: on a
    phone a title reaches the right edge, where the marks are."""
    layout = figure["layout"]
    title = layout.get("title", {})
    text = str(title.get("text") or "")
    lines = textwrap.wrap(text, TITLE_WIDTH, break_long_words=False, break_on_hyphens=False) or [
        text
    ]
    margin_top = layout.get("margin", {}).get("t")
    top = margin_top if margin_top is not None else 64
    # A subtitle sits under the title: the marks go under both (else a long mark covers it on a phone).
    subtitle = str(title.get("subtitle", {}).get("text") or "")
    subtitle_height = SUBTITLE_LINE * (subtitle.count("<br>") + 1) if subtitle else 0
    # plotly anchors a title of several lines by its last line: the padding grows with the lines.
    return update_plain_layout(
        figure,
        title={
            "text": "<br>".join(lines),
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": TITLE_PAD + TITLE_LINE * (len(lines) - 1), "l": 4},
        },
        margin={
            "t": max(
                top + TITLE_LINE * (len(lines) - 1),
                TITLE_PAD + TITLE_LINE * len(lines) + subtitle_height + MARKS_HEIGHT,
            )
        },
    )


def _mean_hover(
    lang: str, *, group: str, measure: str, mean: object, low: object, high: object, n: str
) -> str:
    """The hover text of a mean with its 95% interval, with the decimals the interval needs."""
    value, low, high = bounded_interval(mean, low, high)
    decimals = interval_decimals(value, low, high)
    return t(
        "sustainability.hover.mean",
        lang,
        group=group,
        measure=measure,
        mean=score_text(value, lang, decimals),
        low=score_text(low, lang, decimals) if not math.isnan(low) else "–",
        high=score_text(high, lang, decimals) if not math.isnan(high) else "–",
        n=n,
    )


def percent_interval(share: object, low: object, high: object, lang: str) -> dict[str, str]:
    """A share and its interval as percentages, with the decimals the interval needs (one at least)."""
    shares = {"share": number(share), "low": number(low), "high": number(high)}
    percents = [math.nan if value is None else 100 * value for value in shares.values()]
    decimals = interval_decimals(percents[0], percents[1], percents[2], minimum=1)
    return {name: format_percent(value, lang, decimals) for name, value in shares.items()}


def _score_range(values: Iterable[float]) -> list[float]:
    """An axis range around ``values`` in steps of 0.1, within [0, 1] (whole scale if none)."""
    finite = [float(value) for value in values if not is_missing(value)]
    if not finite:
        return [0.0, 1.0]
    low = max(0.0, math.floor((min(finite) - 0.02) * 10) / 10)
    high = min(1.0, math.ceil((max(finite) + 0.02) * 10) / 10)
    return [low, high] if high > low else [0.0, 1.0]


def clipped_bound(value: object) -> float:
    """An interval bound clipped to the scores' range [0, 1] (a missing bound stays NaN)."""
    bound = number_or_nan(value)
    return bound if math.isnan(bound) else min(max(bound, 0.0), 1.0)


def _gap(upper: float, lower: float) -> float:
    """The length of an error bar from ``lower`` to ``upper``: none when a bound is missing or
    the two are the wrong way round."""
    length = upper - lower
    return 0.0 if math.isnan(length) else max(length, 0.0)


def error_bars(values: list[float], lows: Iterable[object], highs: Iterable[object]) -> dict:
    """Asymmetric error bars for ``values`` (a float each) and their intervals ``lows`` to
    ``highs``, one per value, clipped to [0, 1] (missing bounds draw none)."""
    bounds = list(zip(values, lows, highs, strict=True))
    return {
        "type": "data",
        "symmetric": False,
        "array": [_gap(clipped_bound(high), value) for value, _, high in bounds],
        "arrayminus": [_gap(value, clipped_bound(low)) for value, low, _ in bounds],
        "thickness": 1.5,
        "width": 4,
    }


def floats(rows: Iterable[Row], column: str) -> list[float]:
    """``column`` of every row as a float (NaN where missing), as plotly draws it."""
    return [number_or_nan(row[column]) for row in rows]


def measure_markers(
    measure: str, values: list[float], ticks: list[str], bars: dict, *, name: str, hover: list[str]
) -> dict:
    """One score's markers (its own colour and symbol) with their interval bars ``bars``, one
    per group row: the means chart's and the changes chart's traces."""
    return trace(
        "scatter",
        x=values,
        y=ticks,
        name=name,
        mode="markers",
        orientation="h",
        marker={
            "color": MEASURE_COLOURS[measure],
            "symbol": MEASURE_SYMBOLS[measure],
            "size": 9,
            "line": {"width": 1, "color": "white"},
        },
        error_x={**bars, "color": MEASURE_COLOURS[measure]},
        hovertext=hover,
        hoverinfo="text",
        meta={"measure": measure},
    )


def _suppressed_marks(
    figure: PlainFigure, ticks: list[str], lang: str, min_group_size: int
) -> None:
    """Write 'suppressed' in the row of each suppressed group, so the gap is explained."""
    # On two short lines: on a phone the plot is about 170 px wide.
    mark = (
        "<i>"
        + "<br>".join(
            textwrap.wrap(
                t("sustainability.suppressed_mark", lang, min=format_number(min_group_size, lang)),
                22,
            )
        )
        + "</i>"
    )
    for tick in ticks:
        add_plain_annotation(
            figure,
            {
                "x": 0.01,
                "y": tick,
                "xref": "paper",
                "yref": "y",
                "xanchor": "left",
                "showarrow": False,
                "text": mark,
                "font": {"size": 11, "color": theme.MUTED},
            },
        )


def _category_axis(figure: PlainFigure, ticks: list[str], rows: int, kind: str) -> None:
    """Groups on the vertical axis, first at the top, suppressed ones included; height by rows."""
    update_plain_layout(
        figure,
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": ticks,
            "autorange": False,
            "range": [len(ticks) - 0.5, -0.5],
        },
    )
    # A row holds its tick's lines (a long French region name takes four).
    lines = max((tick.count("<br>") + 1 for tick in ticks), default=1)
    row = max(ROW_HEIGHT[kind], TICK_LINE * lines + 8)
    update_plain_layout(
        figure, height=max(320, 200 + rows * row), legend=BOTTOM_LEGEND, margin={"t": 64, "b": 110}
    )


def finish_group_chart(
    figure: PlainFigure,
    rows: list[Row],
    row_kind: str,
    lang: str,
    min_group_size: int,
    threshold: float | None = None,
) -> PlainFigure:
    """The ending every chart with one row per group shares: the category axis sized for its
    rows (``rows`` from :func:`ticked_rows`), the threshold line if any, "suppressed" in the rows
    of suppressed groups, and a title that fits."""
    _category_axis(figure, [str(row["tick"]) for row in rows], len(rows), row_kind)
    if threshold is not None:
        _threshold_line(figure, threshold, lang)
    _suppressed_marks(
        figure, [str(row["tick"]) for row in rows if row["suppressed"]], lang, min_group_size
    )
    return _fit_title(figure)


def ticked_rows(
    frame: pd.DataFrame, labels: Mapping[str, str], lang: str, min_group_size: int
) -> list[Row]:
    """The groups in display order as rows, each with its label and its axis tick (label and
    sample size)."""
    rows = records(ordered_groups(frame, labels))
    for row in rows:
        row["tick"] = _tick(row, lang, min_group_size)
    return rows


def shown_rows(rows: list[Row]) -> list[Row]:
    """The rows of the groups whose statistics are published (not suppressed)."""
    return [row for row in rows if not row["suppressed"]]


# ---------------------------------------------------------------- means
def means_chart(by_group: pd.DataFrame, chart: GroupChart) -> PlainFigure:
    """Mean economic, social, psychosocial and composite score per group with 95% intervals.

    One marker trace per dimension (own colour and symbol); groups on the vertical axis with
    their sample size; suppressed groups keep a row that says so and carry no marker.
    """
    labels, grouping, lang, demo, min_group_size = (
        chart.labels,
        chart.grouping,
        chart.lang,
        chart.demo,
        chart.min_group_size,
    )
    if by_group.empty:
        return plain_no_data_figure(lang)
    rows = ticked_rows(by_group, labels, lang, min_group_size)
    shown = shown_rows(rows)
    ticks = [str(row["tick"]) for row in shown]
    figure = plain_figure()
    for measure in MEASURES:
        mean = floats(shown, f"{measure}_mean")
        name = measure_label(measure, lang)
        lows, highs = (
            [row[f"{measure}_ci_low"] for row in shown],
            [row[f"{measure}_ci_high"] for row in shown],
        )
        hover = [
            _mean_hover(
                lang,
                group=str(row["label"]),
                measure=name,
                mean=row[f"{measure}_mean"],
                low=low,
                high=high,
                n=format_number(int(row["n"]), lang),
            )
            for row, low, high in zip(shown, lows, highs, strict=True)
        ]
        bars = error_bars(mean, lows, highs)
        figure["data"].append(measure_markers(measure, mean, ticks, bars, name=name, hover=hover))
    plain_base_layout(
        figure,
        title=t(
            "sustainability.means.title",
            lang,
            grouping=grouping_label(grouping, lang),
            grouping_lower=grouping_label(grouping, lang, lower=True),
        ),
        lang=lang,
        demo=demo,
    )
    bounds = [
        clipped_bound(row[f"{measure}_{end}"])
        for measure in MEASURES
        for end in ("ci_low", "ci_high")
        for row in shown
    ]
    update_plain_layout(
        figure,
        scattermode="group",
        scattergap=0.35,
        xaxis={
            "range": _score_range(bounds),
            "title": {"text": t("sustainability.axis.mean_short", lang)},
            "tickformat": ".2~f",
        },
    )
    return finish_group_chart(figure, rows, "means", lang, min_group_size)


# ---------------------------------------------------------------- distribution
def distribution_chart(by_group: pd.DataFrame, chart: GroupChart) -> PlainFigure:
    """Boxes of one score per group from precomputed percentiles: box = quartiles, line =
    median, dashed line = mean, whiskers = 5th and 95th percentiles. The threshold is marked."""
    labels, grouping, measure, threshold, lang, demo, min_group_size = (
        chart.labels,
        chart.grouping,
        chart.measure,
        chart.threshold,
        chart.lang,
        chart.demo,
        chart.min_group_size,
    )
    if by_group.empty:
        return plain_no_data_figure(lang)
    rows = ticked_rows(by_group, labels, lang, min_group_size)
    shown = shown_rows(rows)
    hover = [
        t(
            "sustainability.hover.box",
            lang,
            group=row["label"],
            n=format_number(int(row["n"]), lang),
            **{
                key: score_text(row[key], lang)
                for key in ("p05", "q1", "median", "q3", "p95", "mean")
            },
        )
        for row in shown
    ]
    figure = plain_figure(
        trace(
            "box",
            y=[row["tick"] for row in shown],
            q1=[row["q1"] for row in shown],
            median=[row["median"] for row in shown],
            q3=[row["q3"] for row in shown],
            lowerfence=[row["p05"] for row in shown],
            upperfence=[row["p95"] for row in shown],
            mean=[row["mean"] for row in shown],
            boxmean=True,
            orientation="h",
            boxpoints=False,
            name=measure_label(measure, lang),
            showlegend=False,
            marker={"color": MEASURE_COLOURS[measure]},
            line={"width": 1.5},
            fillcolor="rgba(86, 180, 233, 0.35)",
            hovertext=hover,
            hoverinfo="text",
            hoveron="boxes",
        )
    )
    title = t(
        "sustainability.box.title",
        lang,
        measure=measure_label(measure, lang),
        measure_lower=measure_label(measure, lang, lower=True),
        grouping_lower=grouping_label(grouping, lang, lower=True),
    )
    plain_base_layout(figure, title=title, lang=lang, demo=demo)
    update_plain_layout(
        figure,
        xaxis={
            "range": _score_range(
                [*(row["p05"] for row in shown), *(row["p95"] for row in shown), threshold]
            ),
            "tickformat": ".2~f",
            "title": _score_axis_title(measure, lang),
        },
    )
    return finish_group_chart(figure, rows, "box", lang, min_group_size, threshold)


def _score_axis_title(measure: str, lang: str) -> dict[str, str]:
    """The title of an axis of one score's values."""
    return {
        "text": t(
            "sustainability.axis.score",
            lang,
            measure=measure_label(measure, lang),
            measure_lower=measure_label(measure, lang, lower=True),
        )
    }


def _threshold_line(figure: PlainFigure, threshold: float, lang: str) -> None:
    """A dashed line at the threshold, named in the legend (a label above the plot would collide
    with the demo mark on a phone)."""
    add_plain_shape(
        figure,
        {
            "type": "line",
            "x0": threshold,
            "x1": threshold,
            "xref": "x",
            "y0": 0,
            "y1": 1,
            "yref": "paper",
            "line": {"color": theme.TEXT, "width": 1.5, "dash": "dash"},
            "showlegend": True,
            "name": t(
                "sustainability.threshold_line", lang, value=format_number(threshold, lang, 2)
            ),
        },
    )
    update_plain_layout(figure, showlegend=True)


# ---------------------------------------------------------------- threshold shares
def threshold_chart(by_group: pd.DataFrame, chart: GroupChart) -> PlainFigure:
    """Share of responses at or above the threshold per group: bars labelled with the
    percentage, 95% Wilson intervals, numbers in the hover."""
    labels, grouping, measure, threshold, lang, demo, min_group_size = (
        chart.labels,
        chart.grouping,
        chart.measure,
        chart.threshold,
        chart.lang,
        chart.demo,
        chart.min_group_size,
    )
    if by_group.empty:
        return plain_no_data_figure(lang)
    rows = ticked_rows(by_group, labels, lang, min_group_size)
    shown = shown_rows(rows)
    share = floats(shown, "share")
    threshold_text = format_number(threshold, lang, 2)
    hover = [
        t(
            "sustainability.hover.share",
            lang,
            group=row["label"],
            threshold=threshold_text,
            above=format_number(int(row["at_or_above"]), lang),
            n=format_number(int(row["n"]), lang),
            **percent_interval(row["share"], row["ci_low"], row["ci_high"], lang),
        )
        for row in shown
    ]
    bars = error_bars(share, [row["ci_low"] for row in shown], [row["ci_high"] for row in shown])
    figure = plain_figure(
        trace(
            "bar",
            x=share,
            y=[row["tick"] for row in shown],
            orientation="h",
            name=t("sustainability.share.legend", lang),
            marker={"color": SHARE_BAR, "line": {"color": theme.QUALITATIVE[0], "width": 1}},
            error_x={**bars, "color": theme.TEXT},
            text=[format_percent(value, lang) for value in share],
            textposition="inside",
            insidetextanchor="start",
            textfont={"color": theme.TEXT},
            constraintext="none",
            hovertext=hover,
            hoverinfo="text",
        )
    )
    plain_base_layout(
        figure,
        title=t("sustainability.share.title", lang, threshold=threshold_text),
        lang=lang,
        demo=demo,
    )
    subtitle = t(
        "sustainability.share.subtitle",
        lang,
        measure=measure_label(measure, lang),
        measure_lower=measure_label(measure, lang, lower=True),
        grouping_lower=grouping_label(grouping, lang, lower=True),
    )
    # Ticks written like the bars' labels: 20% in English, 20 % in French.
    ticks = [step / 5 for step in range(6)]
    update_plain_layout(
        figure,
        uniformtext={"minsize": 11, "mode": "show"},
        showlegend=False,
        title={"subtitle": {"text": subtitle}},
        xaxis={
            "range": [0, 1],
            "tickvals": ticks,
            "ticktext": [format_percent(tick, lang) for tick in ticks],
            "title": {"text": t("sustainability.axis.share", lang)},
        },
    )
    return finish_group_chart(figure, rows, "share", lang, min_group_size)


# ---------------------------------------------------------------- over time
def _series(by_band: pd.DataFrame, named_series: Mapping[str, str]) -> list[tuple[str, str]]:
    """The series drawn over time, ``(code, label)`` in display order: a series whose every cell
    is suppressed gets no trace (and no legend entry)."""
    series = ordered_groups(
        by_band[~by_band["suppressed"]].drop_duplicates("group_code")[["group_code"]], named_series
    )
    return list(zip(series["group_code"], series["label"], strict=True))


def over_time_chart(by_band: pd.DataFrame, chart: GroupChart) -> PlainFigure:
    """Mean of one score per months-since-return band, one line per group (colour, symbol and
    dash differ), 95% intervals; suppressed cells are gaps."""
    labels, grouping, measure, lang, demo = (
        chart.labels,
        chart.grouping,
        chart.measure,
        chart.lang,
        chart.demo,
    )
    if by_band.empty:
        return plain_no_data_figure(lang)
    if by_band["suppressed"].all():
        return plain_empty_figure(
            t("sustainability.time.all_suppressed_short", lang),
            lang=lang,
            hint=t("chart.empty_hint", lang),
        )
    band_labels = {band: t(f"sustainability.code.months.{band}", lang) for band in MONTH_BANDS}
    cells_by_group: dict[object, dict[object, Row]] = {}
    for row in records(by_band):
        cells_by_group.setdefault(row["group_code"], {})[row["months_band"]] = row
    palette = GROUP_COLOURS.get(grouping, {})
    figure = plain_figure()
    for index, (code, label) in enumerate(_series(by_band, series_labels(grouping, labels, lang))):
        in_band = cells_by_group.get(code, {})
        # The bands in their order, those with a mean (suppressed cells are gaps).
        cells = [
            (band, in_band[band])
            for band in MONTH_BANDS
            if band in in_band and not is_missing(in_band[band]["mean"])
        ]
        mean = [number_or_nan(row["mean"]) for _, row in cells]
        hover = [
            _mean_hover(
                lang,
                group=f"{label}, {band_labels[band]}",
                measure=measure_label(measure, lang),
                mean=row["mean"],
                low=row["ci_low"],
                high=row["ci_high"],
                n=format_number(int(row["n"]), lang),
            )
            for band, row in cells
        ]
        colour = theme.colour_for(code, palette, index)
        bars = error_bars(
            mean, [row["ci_low"] for _, row in cells], [row["ci_high"] for _, row in cells]
        )
        figure["data"].append(
            trace(
                "scatter",
                x=[band_labels[band] for band, _ in cells],
                y=mean,
                name=label,
                mode="lines+markers",
                marker={
                    "color": colour,
                    "symbol": SERIES_SYMBOLS[index % len(SERIES_SYMBOLS)],
                    "size": 9,
                },
                line={
                    "color": colour,
                    "dash": SERIES_DASHES[index % len(SERIES_DASHES)],
                    "width": 2,
                },
                error_y={**bars, "color": colour},
                hovertext=hover,
                hoverinfo="text",
                connectgaps=False,
                meta={"group_code": code},
            )
        )
    plain_base_layout(
        figure,
        title=t(
            "sustainability.time.title",
            lang,
            measure=measure_label(measure, lang),
            measure_lower=measure_label(measure, lang, lower=True),
        ),
        lang=lang,
        demo=demo,
    )
    bounds = [clipped_bound(value) for value in (*by_band["ci_low"], *by_band["ci_high"])]
    update_plain_layout(
        figure,
        scattermode="group",
        scattergap=0.5,
        height=520,
        margin={"t": 64, "b": 150},
        legend=BOTTOM_LEGEND,
        # The axis title says "months since return": the ticks give the bands alone, short
        # enough to stand level on a phone and on paper (tilted labels are hard to read).
        xaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": list(band_labels.values()),
            "tickvals": list(band_labels.values()),
            "tickangle": 0,
            "ticktext": [t(f"sustainability.tick.months.{band}", lang) for band in MONTH_BANDS],
            "range": [-0.5, len(MONTH_BANDS) - 0.5],
            "title": {"text": t("sustainability.axis.months", lang)},
        },
        yaxis={
            "title": _score_axis_title(measure, lang),
            "tickformat": ".2f",
            "range": _score_range(bounds),
        },
    )
    return _fit_title(figure)


# ---------------------------------------------------------------- comparison
def comparison_chart(
    compared: pd.DataFrame,
    *,
    label_a: str,
    label_b: str,
    lang: str,
    demo: bool,
    min_group_size: int,
    same_group: bool = False,
    available: int | None = None,
) -> PlainFigure:
    """Two groups side by side on the three dimensions and the composite, with 95% intervals.

    Group A is plain, group B hatched, so the two differ by pattern as well as colour. A group
    that is suppressed or absent gets no bars, and a note says why. The subtitle says whether
    the composite difference is distinguishable from zero at 95%. ``available``: how many groups
    could be compared under the filters (fewer than two: a message says there is nothing to
    compare).
    """
    if available is not None and available < 2:
        # It says what to do.
        return plain_empty_figure(unavailable_text(lang, min_group_size), lang=lang)
    if same_group:
        return plain_empty_figure(t("sustainability.compare.same", lang), lang=lang)
    rows = records(compared)
    statuses = {side: rows[0][f"{side}_status"] for side in ("a", "b")} if rows else {}
    if not statuses or all(status == "absent" for status in statuses.values()):
        return plain_no_data_figure(lang)
    notes = comparison_notes(statuses, label_a, label_b, lang, min_group_size)
    if all(status != "shown" for status in statuses.values()):
        return plain_empty_figure(" ".join(notes), lang=lang)
    dimensions = [measure_label(str(row["measure"]), lang) for row in rows]
    figure = plain_figure()
    for side, colour, pattern in COMPARE_STYLES:
        if statuses[side] != "shown":
            continue
        label = label_a if side == "a" else label_b
        mean = floats(rows, f"{side}_mean")
        lows = [row[f"{side}_ci_low"] for row in rows]
        highs = [row[f"{side}_ci_high"] for row in rows]
        n_text = format_number(int(rows[0][f"{side}_n"]), lang)
        hover = [
            _mean_hover(
                lang, group=label, measure=dimension, mean=value, low=low, high=high, n=n_text
            )
            for dimension, value, low, high in zip(dimensions, mean, lows, highs, strict=True)
        ]
        figure["data"].append(
            trace(
                "bar",
                x=dimensions,
                y=mean,
                name=t("sustainability.tick", lang, label=label, n=n_text),
                marker={
                    "color": colour,
                    "pattern": {
                        "shape": pattern,
                        "fillmode": "overlay",
                        "fgcolor": "white",
                        "solidity": 0.3,
                    },
                    "line": {"color": theme.TEXT, "width": 1},
                },
                error_y={**error_bars(mean, lows, highs), "color": theme.TEXT},
                text=[score_text(value, lang) for value in mean],
                textposition="inside",
                insidetextanchor="middle",
                textangle=0,
                textfont={"color": theme.text_colour_on(colour)},
                hovertext=hover,
                hoverinfo="text",
                meta={"side": side},
            )
        )
    plain_base_layout(
        figure,
        title=t("sustainability.compare.title", lang, a=label_a, b=label_b),
        lang=lang,
        demo=demo,
    )
    update_plain_layout(
        figure,
        barmode="group",
        height=440,
        margin={"t": 64, "b": 90},
        legend=BOTTOM_LEGEND,
        showlegend=True,
    )
    if not notes:
        composite = next(row for row in rows if row["measure"] == "composite")
        verdict = difference_verdict(
            composite["difference_ci_low"],
            composite["difference_ci_high"],
            label_a=label_a,
            label_b=label_b,
            lang=lang,
        )
        subtitle = t("sustainability.compare.subtitle", lang, verdict=verdict)
        update_plain_layout(
            figure,
            title={"subtitle": {"text": "<br>".join(textwrap.wrap(subtitle, TITLE_WIDTH + 10))}},
        )
    update_plain_layout(
        figure,
        yaxis={
            "range": [0, 1],
            "tickformat": ".1f",
            "title": {"text": t("sustainability.axis.mean_short", lang)},
        },
        xaxis={"tickfont": {"size": 11}},  # four dimension names side by side on a phone
    )
    for index, note in enumerate(notes):
        add_plain_annotation(
            figure,
            {
                "text": f"<i>{note}</i>",
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 1.0,
                "yshift": 4 + 18 * index,
                "xanchor": "left",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12, "color": theme.MUTED},
            },
        )
    if notes:
        update_plain_layout(figure, margin={"t": 72 + 18 * len(notes)})
    figure = _fit_title(figure)
    if not notes:
        # Title and subtitle from the top of the figure down, and room for them above the plot
        # (a title placed automatically sits in the middle of the top margin, over the subtitle).
        layout = figure["layout"]
        title_lines = str(layout["title"]["text"]).count("<br>") + 1
        subtitle_lines = str(layout["title"]["subtitle"]["text"]).count("<br>") + 1
        top = (
            TITLE_PAD
            + TITLE_LINE * (2 * title_lines - 1)
            + SUBTITLE_LINE * subtitle_lines
            + SUBTITLE_GAP
        )
        # plotly anchors a title of several lines by its first line: the pad makes room for the others.
        pad = TITLE_PAD + TITLE_LINE * (title_lines - 1)
        update_plain_layout(
            figure,
            title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": pad}},
            margin={"t": top},
            height=layout["height"] + top - 64,
        )
    return figure


EXACT_COLOUR = "#A51C30"
PROTECTED_COLOUR = "#555555"


def _data_mark(text: str, size: int, colour: str) -> dict:
    """The mark above a chart's top right corner saying where its figures come from."""
    return {
        "text": text,
        "xref": "paper",
        "yref": "paper",
        "x": 1,
        "y": 1.02,
        "yshift": 20,
        "xanchor": "right",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": size, "color": colour},
    }


def mark_exact(figure: PlainFigure, lang: str) -> PlainFigure:
    """Stamp a survey figure as exact (unperturbed), so a PNG or SVG of it says so too."""
    text = f"<b>{t('sustainability.disclosure.exact_mark', lang)}</b>"
    return add_plain_annotation(figure, _data_mark(text, 11, EXACT_COLOUR))


def mark_protected(figure: PlainFigure, lang: str) -> PlainFigure:
    """Stamp a survey figure as computed from the protected release (differential privacy), so
    the page, a PNG or an SVG of it says so."""
    text = t("sustainability.disclosure.protected_mark", lang)
    return add_plain_annotation(figure, _data_mark(text, 10, PROTECTED_COLOUR))
