"""Figures of the sustainability page: means with intervals, spreads, threshold shares, scores over
time since return and a two-group comparison, each marked as computed from the protected release or
from exact records. Pure functions of small aggregated frames.

Every builder receives the frames of dashboard.sustainability.queries, where suppressed
groups carry no values; it labels them as suppressed and never draws anything for them."""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.cells import is_missing, number
from dashboard.common import theme
from dashboard.common.figures import base_layout, empty_figure, new_figure, no_data_figure
from dashboard.common.precision import interval_decimals
from dashboard.i18n import format_number, format_percent, t
from dashboard.sustainability.labels import (
    GroupChart,
    bounded_interval,
    clipped,
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


def _fit_title(figure: go.Figure) -> go.Figure:
    """Break a long title into lines that fit a phone's width, pinned to the top of the chart
    with the marks of its data ("Protected figures", demo data) between it and the plot: on a
    phone a title reaches the right edge, where the marks are."""
    text = str(figure.layout.title.text or "")
    lines = textwrap.wrap(text, TITLE_WIDTH, break_long_words=False, break_on_hyphens=False) or [
        text
    ]
    top = figure.layout.margin.t if figure.layout.margin.t is not None else 64
    # A subtitle sits under the title: the marks go under both (else a long mark covers it on a phone).
    subtitle = str(figure.layout.title.subtitle.text or "")
    subtitle_height = SUBTITLE_LINE * (subtitle.count("<br>") + 1) if subtitle else 0
    # plotly anchors a title of several lines by its last line: the padding grows with the lines.
    figure.update_layout(
        title={
            "text": "<br>".join(lines),
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": TITLE_PAD + TITLE_LINE * (len(lines) - 1), "l": 4},
        },
        margin_t=max(
            top + TITLE_LINE * (len(lines) - 1),
            TITLE_PAD + TITLE_LINE * len(lines) + subtitle_height + MARKS_HEIGHT,
        ),
    )
    return figure


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


def _error_bars(values: pd.Series, low: pd.Series, high: pd.Series) -> dict:
    """Asymmetric error bars for an interval clipped to [0, 1] (missing bounds draw none)."""
    plus = (clipped(high) - values).fillna(0).clip(lower=0)
    minus = (values - clipped(low)).fillna(0).clip(lower=0)
    return {
        "type": "data",
        "symmetric": False,
        "array": plus.tolist(),
        "arrayminus": minus.tolist(),
        "thickness": 1.5,
        "width": 4,
    }


def measure_markers(
    measure: str, values: pd.Series, ticks: pd.Series, bars: dict, *, name: str, hover: list[str]
) -> go.Scatter:
    """One score's markers (its own colour and symbol) with their interval bars ``bars``, one
    per group row: the means chart's and the changes chart's traces."""
    return go.Scatter(
        x=values.tolist(),
        y=ticks.tolist(),
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


def _suppressed_marks(figure: go.Figure, ticks: list[str], lang: str, min_group_size: int) -> None:
    """Write 'suppressed' in the row of each suppressed group, so the gap is explained."""
    for tick in ticks:
        figure.add_annotation(
            x=0.01,
            y=tick,
            xref="paper",
            yref="y",
            xanchor="left",
            showarrow=False,
            # On two short lines: on a phone the plot is about 170 px wide.
            text="<i>"
            + "<br>".join(
                textwrap.wrap(
                    t(
                        "sustainability.suppressed_mark",
                        lang,
                        min=format_number(min_group_size, lang),
                    ),
                    22,
                )
            )
            + "</i>",
            font={"size": 11, "color": theme.MUTED},
        )


def _category_axis(figure: go.Figure, ticks: list[str], rows: int, kind: str) -> None:
    """Groups on the vertical axis, first at the top, suppressed ones included; height by rows."""
    figure.update_yaxes(
        type="category",
        categoryorder="array",
        categoryarray=ticks,
        autorange=False,
        range=[len(ticks) - 0.5, -0.5],
    )
    # A row holds its tick's lines (a long French region name takes four).
    lines = max((tick.count("<br>") + 1 for tick in ticks), default=1)
    row = max(ROW_HEIGHT[kind], TICK_LINE * lines + 8)
    figure.update_layout(
        height=max(320, 200 + rows * row), legend=BOTTOM_LEGEND, margin={"t": 64, "b": 110}
    )


def finish_group_chart(
    figure: go.Figure,
    ordered: pd.DataFrame,
    row_kind: str,
    lang: str,
    min_group_size: int,
    threshold: float | None = None,
) -> go.Figure:
    """The ending every chart with one row per group shares: the category axis sized for its
    rows, the threshold line if any, "suppressed" in the rows of suppressed groups, and a title
    that fits."""
    _category_axis(figure, ordered["tick"].tolist(), len(ordered), row_kind)
    if threshold is not None:
        _threshold_line(figure, threshold, lang)
    _suppressed_marks(
        figure, ordered.loc[ordered["suppressed"], "tick"].tolist(), lang, min_group_size
    )
    return _fit_title(figure)


def with_ticks(
    frame: pd.DataFrame, labels: Mapping[str, str], lang: str, min_group_size: int
) -> pd.DataFrame:
    """The groups in display order, each with its axis tick (label and sample size)."""
    ordered = ordered_groups(frame, labels)
    ordered["tick"] = [_tick(row, lang, min_group_size) for row in ordered.to_dict("records")]
    return ordered


# ---------------------------------------------------------------- means
def means_chart(by_group: pd.DataFrame, chart: GroupChart) -> go.Figure:
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
        return no_data_figure(lang)
    ordered = with_ticks(by_group, labels, lang, min_group_size)
    shown = ordered[~ordered["suppressed"]]
    figure = new_figure()
    for measure in MEASURES:
        mean = shown[f"{measure}_mean"].astype(float)
        name = measure_label(measure, lang)
        hover = [
            _mean_hover(
                lang,
                group=row["label"],
                measure=name,
                mean=row[f"{measure}_mean"],
                low=row[f"{measure}_ci_low"],
                high=row[f"{measure}_ci_high"],
                n=format_number(int(row["n"]), lang),
            )
            for row in shown.to_dict("records")
        ]
        bars = _error_bars(mean, shown[f"{measure}_ci_low"], shown[f"{measure}_ci_high"])
        figure.add_trace(
            measure_markers(measure, mean, shown["tick"], bars, name=name, hover=hover)
        )
    base_layout(
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
    figure.update_layout(scattermode="group", scattergap=0.35)
    bounds = [
        clipped(shown[f"{measure}_{end}"]) for measure in MEASURES for end in ("ci_low", "ci_high")
    ]
    figure.update_xaxes(
        range=_score_range(pd.concat(bounds) if bounds else []),
        title=t("sustainability.axis.mean_short", lang),
        tickformat=".2~f",
    )
    return finish_group_chart(figure, ordered, "means", lang, min_group_size)


# ---------------------------------------------------------------- distribution
def distribution_chart(by_group: pd.DataFrame, chart: GroupChart) -> go.Figure:
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
        return no_data_figure(lang)
    ordered = with_ticks(by_group, labels, lang, min_group_size)
    shown = ordered[~ordered["suppressed"]]
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
        for row in shown.to_dict("records")
    ]
    figure = new_figure(
        go.Box(
            y=shown["tick"].tolist(),
            q1=shown["q1"].tolist(),
            median=shown["median"].tolist(),
            q3=shown["q3"].tolist(),
            lowerfence=shown["p05"].tolist(),
            upperfence=shown["p95"].tolist(),
            mean=shown["mean"].tolist(),
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
    base_layout(figure, title=title, lang=lang, demo=demo)
    figure.update_xaxes(
        range=_score_range([*shown["p05"], *shown["p95"], threshold]),
        tickformat=".2~f",
        title=t(
            "sustainability.axis.score",
            lang,
            measure=measure_label(measure, lang),
            measure_lower=measure_label(measure, lang, lower=True),
        ),
    )
    return finish_group_chart(figure, ordered, "box", lang, min_group_size, threshold)


def _threshold_line(figure: go.Figure, threshold: float, lang: str) -> None:
    """A dashed line at the threshold, named in the legend (a label above the plot would collide
    with the demo mark on a phone)."""
    figure.add_shape(
        type="line",
        x0=threshold,
        x1=threshold,
        xref="x",
        y0=0,
        y1=1,
        yref="paper",
        line={"color": theme.TEXT, "width": 1.5, "dash": "dash"},
        showlegend=True,
        name=t("sustainability.threshold_line", lang, value=format_number(threshold, lang, 2)),
    )
    figure.update_layout(showlegend=True)


# ---------------------------------------------------------------- threshold shares
def threshold_chart(by_group: pd.DataFrame, chart: GroupChart) -> go.Figure:
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
        return no_data_figure(lang)
    ordered = with_ticks(by_group, labels, lang, min_group_size)
    shown = ordered[~ordered["suppressed"]]
    share = shown["share"].astype(float)
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
        for row in shown.to_dict("records")
    ]
    figure = new_figure(
        go.Bar(
            x=share.tolist(),
            y=shown["tick"].tolist(),
            orientation="h",
            name=t("sustainability.share.legend", lang),
            marker={"color": SHARE_BAR, "line": {"color": theme.QUALITATIVE[0], "width": 1}},
            error_x={**_error_bars(share, shown["ci_low"], shown["ci_high"]), "color": theme.TEXT},
            text=[format_percent(value, lang) for value in share],
            textposition="inside",
            insidetextanchor="start",
            textfont={"color": theme.TEXT},
            constraintext="none",
            hovertext=hover,
            hoverinfo="text",
        )
    )
    base_layout(
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
    figure.update_layout(
        uniformtext={"minsize": 11, "mode": "show"}, showlegend=False, title_subtitle_text=subtitle
    )
    # Ticks written like the bars' labels: 20% in English, 20 % in French.
    ticks = [step / 5 for step in range(6)]
    figure.update_xaxes(
        range=[0, 1],
        tickvals=ticks,
        ticktext=[format_percent(tick, lang) for tick in ticks],
        title=t("sustainability.axis.share", lang),
    )
    return finish_group_chart(figure, ordered, "share", lang, min_group_size)


# ---------------------------------------------------------------- over time
def over_time_chart(by_band: pd.DataFrame, chart: GroupChart) -> go.Figure:
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
        return no_data_figure(lang)
    if by_band["suppressed"].all():
        return empty_figure(
            t("sustainability.time.all_suppressed_short", lang),
            lang=lang,
            hint=t("chart.empty_hint", lang),
        )
    named_series = series_labels(grouping, labels, lang)
    band_labels = {band: t(f"sustainability.code.months.{band}", lang) for band in MONTH_BANDS}
    # A series whose every cell is suppressed gets no trace (and no legend entry).
    series = ordered_groups(
        by_band[~by_band["suppressed"]].drop_duplicates("group_code")[["group_code"]], named_series
    )
    palette = GROUP_COLOURS.get(grouping, {})
    figure = new_figure()
    for index, (code, label) in enumerate(zip(series["group_code"], series["label"], strict=True)):
        cells = (
            by_band[by_band["group_code"] == code]
            .set_index("months_band")
            .reindex(list(MONTH_BANDS))
        )
        cells = cells[cells["mean"].notna()]
        mean = cells["mean"].astype(float)
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
            for band, row in cells.iterrows()
        ]
        colour = theme.colour_for(code, palette, index)
        figure.add_trace(
            go.Scatter(
                x=[band_labels[band] for band in cells.index],
                y=mean.tolist(),
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
                error_y={**_error_bars(mean, cells["ci_low"], cells["ci_high"]), "color": colour},
                hovertext=hover,
                hoverinfo="text",
                connectgaps=False,
                meta={"group_code": code},
            )
        )
    base_layout(
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
    figure.update_layout(
        scattermode="group",
        scattergap=0.5,
        height=520,
        margin={"t": 64, "b": 150},
        legend=BOTTOM_LEGEND,
    )
    # The axis title says "months since return": the ticks give the bands alone, short enough to
    # stand level on a phone and on paper (tilted labels are hard to read).
    figure.update_xaxes(
        type="category",
        categoryorder="array",
        categoryarray=list(band_labels.values()),
        tickvals=list(band_labels.values()),
        tickangle=0,
        ticktext=[t(f"sustainability.tick.months.{band}", lang) for band in MONTH_BANDS],
        range=[-0.5, len(MONTH_BANDS) - 0.5],
        title=t("sustainability.axis.months", lang),
    )
    figure.update_yaxes(
        title=t(
            "sustainability.axis.score",
            lang,
            measure=measure_label(measure, lang),
            measure_lower=measure_label(measure, lang, lower=True),
        ),
        tickformat=".2f",
        range=_score_range([*clipped(by_band["ci_low"]), *clipped(by_band["ci_high"])]),
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
) -> go.Figure:
    """Two groups side by side on the three dimensions and the composite, with 95% intervals.

    Group A is plain, group B hatched, so the two differ by pattern as well as colour. A group
    that is suppressed or absent gets no bars, and a note says why. The subtitle says whether
    the composite difference is distinguishable from zero at 95%. ``available``: how many groups
    could be compared under the filters (fewer than two: a message says there is nothing to
    compare).
    """
    if available is not None and available < 2:
        return empty_figure(unavailable_text(lang, min_group_size), lang=lang)  # it says what to do
    if same_group:
        return empty_figure(t("sustainability.compare.same", lang), lang=lang)
    statuses = (
        {side: compared[f"{side}_status"].iloc[0] for side in ("a", "b")}
        if not compared.empty
        else {}
    )
    if not statuses or all(status == "absent" for status in statuses.values()):
        return no_data_figure(lang)
    notes = comparison_notes(statuses, label_a, label_b, lang, min_group_size)
    if all(status != "shown" for status in statuses.values()):
        return empty_figure(" ".join(notes), lang=lang)
    dimensions = [measure_label(measure, lang) for measure in compared["measure"]]
    figure = new_figure()
    for side, colour, pattern in COMPARE_STYLES:
        if statuses[side] != "shown":
            continue
        label = label_a if side == "a" else label_b
        mean = compared[f"{side}_mean"].astype(float)
        n_text = format_number(int(compared[f"{side}_n"].iloc[0]), lang)
        hover = [
            _mean_hover(
                lang, group=label, measure=dimension, mean=value, low=low, high=high, n=n_text
            )
            for dimension, value, low, high in zip(
                dimensions,
                mean,
                compared[f"{side}_ci_low"],
                compared[f"{side}_ci_high"],
                strict=True,
            )
        ]
        figure.add_trace(
            go.Bar(
                x=dimensions,
                y=mean.tolist(),
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
                error_y={
                    **_error_bars(mean, compared[f"{side}_ci_low"], compared[f"{side}_ci_high"]),
                    "color": theme.TEXT,
                },
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
    base_layout(
        figure,
        title=t("sustainability.compare.title", lang, a=label_a, b=label_b),
        lang=lang,
        demo=demo,
    )
    figure.update_layout(
        barmode="group",
        height=440,
        margin={"t": 64, "b": 90},
        legend=BOTTOM_LEGEND,
        showlegend=True,
    )
    if not notes:
        composite = compared.set_index("measure").loc["composite"]
        verdict = difference_verdict(
            composite["difference_ci_low"],
            composite["difference_ci_high"],
            label_a=label_a,
            label_b=label_b,
            lang=lang,
        )
        subtitle = t("sustainability.compare.subtitle", lang, verdict=verdict)
        figure.update_layout(
            title_subtitle_text="<br>".join(textwrap.wrap(subtitle, TITLE_WIDTH + 10))
        )
    figure.update_yaxes(
        range=[0, 1], tickformat=".1f", title=t("sustainability.axis.mean_short", lang)
    )
    figure.update_xaxes(
        title=None, tickfont={"size": 11}
    )  # four dimension names side by side on a phone
    for index, note in enumerate(notes):
        figure.add_annotation(
            text=f"<i>{note}</i>",
            xref="paper",
            yref="paper",
            x=0,
            y=1.0,
            yshift=4 + 18 * index,
            xanchor="left",
            yanchor="bottom",
            showarrow=False,
            font={"size": 12, "color": theme.MUTED},
        )
    if notes:
        figure.update_layout(margin={"t": 72 + 18 * len(notes)})
    figure = _fit_title(figure)
    if not notes:
        # Title and subtitle from the top of the figure down, and room for them above the plot
        # (a title placed automatically sits in the middle of the top margin, over the subtitle).
        title_lines = str(figure.layout.title.text).count("<br>") + 1
        subtitle_lines = str(figure.layout.title.subtitle.text).count("<br>") + 1
        top = (
            TITLE_PAD
            + TITLE_LINE * (2 * title_lines - 1)
            + SUBTITLE_LINE * subtitle_lines
            + SUBTITLE_GAP
        )
        # plotly anchors a title of several lines by its first line: the pad makes room for the others.
        pad = TITLE_PAD + TITLE_LINE * (title_lines - 1)
        figure.update_layout(
            title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": pad}},
            margin_t=top,
            height=figure.layout.height + top - 64,
        )
    return figure


EXACT_COLOUR = "#A51C30"
PROTECTED_COLOUR = "#555555"


def mark_exact(figure: go.Figure, lang: str) -> go.Figure:
    """Stamp a survey figure as exact (unperturbed), so a PNG or SVG of it says so too."""
    figure.add_annotation(
        text=f"<b>{t('sustainability.disclosure.exact_mark', lang)}</b>",
        xref="paper",
        yref="paper",
        x=1,
        y=1.02,
        yshift=20,
        xanchor="right",
        yanchor="bottom",
        showarrow=False,
        font={"size": 11, "color": EXACT_COLOUR},
    )
    return figure


def mark_protected(figure: go.Figure, lang: str) -> go.Figure:
    """Stamp a survey figure as computed from the protected release (differential privacy), so
    the page, a PNG or an SVG of it says so."""
    figure.add_annotation(
        text=t("sustainability.disclosure.protected_mark", lang),
        xref="paper",
        yref="paper",
        x=1,
        y=1.02,
        yshift=20,
        xanchor="right",
        yanchor="bottom",
        showarrow=False,
        font={"size": 10, "color": PROTECTED_COLOUR},
    )
    return figure
