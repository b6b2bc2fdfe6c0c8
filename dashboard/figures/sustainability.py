"""Figures of the sustainability page: means with intervals, spreads, threshold shares, scores
over time since return and a two-group comparison. Pure functions of small aggregated frames.

Every builder receives the frames of ``dashboard.queries.sustainability``, where suppressed
groups carry no values; it labels them as suppressed and never draws anything for them.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go
from dash import html

from dashboard import theme
from dashboard.figures.common import base_layout, empty_figure, new_figure, no_data_figure
from dashboard.i18n import format_number, format_percent, t
from dashboard.precision import distinct_decimals, interval_decimals
from dashboard.queries.sustainability import MEASURES, MONTH_BANDS
from dashboard.vocabulary import grouping_label, measure_label

MEASURE_COLOURS = {"economic": theme.QUALITATIVE[0], "social": theme.QUALITATIVE[1],
                   "psychosocial": theme.QUALITATIVE[2], "composite": theme.QUALITATIVE[7]}
MEASURE_SYMBOLS = {"economic": "circle", "social": "square", "psychosocial": "triangle-up",
                   "composite": "diamond"}
SERIES_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "x", "cross", "star", "hexagon")
SERIES_DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
GROUP_COLOURS = {"region": theme.REGION_COLOURS, "action": theme.ACTION_COLOURS, "sex": theme.SEX_COLOURS}
SHARE_BAR = "#56B4E9"
COMPARE_STYLES = (("a", theme.QUALITATIVE[0], ""), ("b", theme.QUALITATIVE[1], "/"))
BOTTOM_LEGEND = {"orientation": "h", "yref": "container", "y": 0.01, "yanchor": "bottom", "x": 0, "xanchor": "left"}
ROW_HEIGHT = {"means": 46, "box": 34, "share": 30}
TICK_WIDTH = 24  # characters of a group name per line on the vertical axis
TITLE_WIDTH, TITLE_LINE = 46, 22  # characters per title line, pixels per extra line
SUBTITLE_LINE, SUBTITLE_GAP, TITLE_PAD = 18, 30, 12  # subtitle line, gap above the plot, space above the title


def _ordered(frame: pd.DataFrame, labels: Mapping[str, str], column: str = "group_code") -> pd.DataFrame:
    """``frame`` with a ``label`` column, rows in the order of ``labels`` (unknown codes last)."""
    order = {code: index for index, code in enumerate(labels)}
    ordered = frame.assign(
        label=[labels.get(code, str(code)) for code in frame[column]],
        _order=[order.get(code, len(order)) for code in frame[column]],
    )
    return ordered.sort_values(["_order", column], kind="stable").drop(columns="_order").reset_index(drop=True)


def _wrapped(label: str) -> str:
    """A long group name on two or more lines, so the plot keeps its width on a phone."""
    return "<br>".join(textwrap.wrap(label, TICK_WIDTH, break_long_words=False, break_on_hyphens=False)) or label


def _tick(row: Mapping, lang: str, min_group_size: int) -> str:
    label = _wrapped(str(row["label"]))
    if row["suppressed"]:
        return t("sustainability.tick_suppressed", lang, label=label, min=format_number(min_group_size, lang))
    return t("sustainability.tick", lang, label=label, n=format_number(int(row["n"]), lang))


def _fit_title(figure: go.Figure) -> go.Figure:
    """Break a long title into lines that fit a phone's width, with room for them in the margin."""
    text = str(figure.layout.title.text or "")
    lines = textwrap.wrap(text, TITLE_WIDTH, break_long_words=False, break_on_hyphens=False)
    if len(lines) > 1:
        top = figure.layout.margin.t if figure.layout.margin.t is not None else 64
        figure.update_layout(title_text="<br>".join(lines), margin_t=top + TITLE_LINE * (len(lines) - 1))
    return figure


def _score(value: float, lang: str, decimals: int = 2) -> str:
    return format_number(float(value), lang, decimals)


def _bounded(value: object, low: object, high: object) -> tuple[float, float, float]:
    """An estimate and its interval as drawn: bounds clipped to [0, 1], NaN when missing."""
    def number(x: object) -> float:
        return float(x) if x is not None and pd.notna(x) else math.nan
    return number(value), max(number(low), 0.0) if pd.notna(low) else math.nan, \
        min(number(high), 1.0) if pd.notna(high) else math.nan


def _mean_hover(lang: str, *, group: str, measure: str, mean: object, low: object, high: object, n: str) -> str:
    """The hover text of a mean with its 95% interval, with the decimals the interval needs."""
    value, low, high = _bounded(mean, low, high)
    decimals = interval_decimals(value, low, high)
    return t("sustainability.hover.mean", lang, group=group, measure=measure, mean=_score(value, lang, decimals),
             low=_score(low, lang, decimals) if pd.notna(low) else "–",
             high=_score(high, lang, decimals) if pd.notna(high) else "–", n=n)


def _percent_interval(share: object, low: object, high: object, lang: str) -> dict[str, str]:
    """A share and its interval as percentages, with the decimals the interval needs (one at least)."""
    numbers = [100 * float(value) if value is not None and pd.notna(value) else math.nan for value in (share, low, high)]
    decimals = interval_decimals(*numbers, minimum=1)
    return {name: format_percent(value, lang, decimals) for name, value in (("share", share), ("low", low),
                                                                             ("high", high))}


def difference_verdict(low: object, high: object, *, label_a: str, label_b: str, lang: str) -> str:
    """Whether a difference A − B is distinguishable from zero at 95%, in words: A higher (or
    lower) than B when the interval excludes zero, else no difference distinguishable from zero."""
    return t(f"sustainability.compare.verdict.{_verdict_key(low, high)}", lang, a=label_a, b=label_b)


def _verdict_key(low: object, high: object) -> str:
    """'higher' when the interval of A − B lies above zero, 'lower' below, else 'none'."""
    if low is not None and pd.notna(low) and float(low) > 0:
        return "higher"
    if high is not None and pd.notna(high) and float(high) < 0:
        return "lower"
    return "none"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _short_verdict(low: object, high: object, lang: str, *, lower: bool = False) -> str:
    """The verdict naming the groups by letter ("Group A higher than B; ..."), for table cells
    under headers that name them; ``lower``: the short form inside a sentence ("A higher than B")."""
    if lower:
        return t(f"sustainability.compare.verdict_short.{_verdict_key(low, high)}", lang)
    return t(f"sustainability.compare.verdict_table.{_verdict_key(low, high)}", lang)


def _clip(values: pd.Series) -> pd.Series:
    return values.astype(float).clip(0.0, 1.0)


def _score_range(values: Iterable[float]) -> list[float]:
    """An axis range around ``values`` in steps of 0.1, within [0, 1] (whole scale if none)."""
    finite = [float(value) for value in values if pd.notna(value)]
    if not finite:
        return [0.0, 1.0]
    low = max(0.0, math.floor((min(finite) - 0.02) * 10) / 10)
    high = min(1.0, math.ceil((max(finite) + 0.02) * 10) / 10)
    return [low, high] if high > low else [0.0, 1.0]


def _error_bars(values: pd.Series, low: pd.Series, high: pd.Series) -> dict:
    """Asymmetric error bars for an interval clipped to [0, 1] (missing bounds draw none)."""
    plus = (_clip(high) - values).fillna(0).clip(lower=0)
    minus = (values - _clip(low)).fillna(0).clip(lower=0)
    return {"type": "data", "symmetric": False, "array": plus.tolist(), "arrayminus": minus.tolist(),
            "thickness": 1.5, "width": 4}


def _suppressed_marks(figure: go.Figure, ticks: list[str], lang: str, min_group_size: int) -> None:
    """Write 'suppressed' in the row of each suppressed group, so the gap is explained."""
    for tick in ticks:
        figure.add_annotation(
            x=0.01, y=tick, xref="paper", yref="y", xanchor="left", showarrow=False,
            text=f"<i>{t('sustainability.suppressed_mark', lang, min=format_number(min_group_size, lang))}</i>",
            font={"size": 11, "color": theme.MUTED})


def _category_axis(figure: go.Figure, ticks: list[str], rows: int, kind: str) -> None:
    """Groups on the vertical axis, first at the top, suppressed ones included; height by rows."""
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=ticks, autorange=False,
                        range=[len(ticks) - 0.5, -0.5])
    figure.update_layout(height=max(320, 170 + rows * ROW_HEIGHT[kind]), legend=BOTTOM_LEGEND,
                         margin={"t": 64, "b": 110})


def _finish_group_chart(figure: go.Figure, ordered: pd.DataFrame, row_kind: str, lang: str,
                        min_group_size: int, threshold: float | None = None) -> go.Figure:
    """The ending every chart with one row per group shares: the category axis sized for its
    rows, the threshold line if any, "suppressed" in the rows of suppressed groups, and a title
    that fits."""
    _category_axis(figure, ordered["tick"].tolist(), len(ordered), row_kind)
    if threshold is not None:
        _threshold_line(figure, threshold, lang)
    _suppressed_marks(figure, ordered.loc[ordered["suppressed"], "tick"].tolist(), lang, min_group_size)
    return _fit_title(figure)


def _with_ticks(frame: pd.DataFrame, labels: Mapping[str, str], lang: str, min_group_size: int) -> pd.DataFrame:
    ordered = _ordered(frame, labels)
    ordered["tick"] = [_tick(row, lang, min_group_size) for row in ordered.to_dict("records")]
    return ordered


# ---------------------------------------------------------------- means
def means_chart(by_group: pd.DataFrame, *, labels: Mapping[str, str], grouping: str, lang: str,
                demo: bool, min_group_size: int) -> go.Figure:
    """Mean economic, social, psychosocial and composite score per group with 95% intervals.

    One marker trace per dimension (own colour and symbol); groups on the vertical axis with
    their sample size; suppressed groups keep a row that says so and carry no marker.
    """
    if by_group.empty:
        return no_data_figure(lang)
    ordered = _with_ticks(by_group, labels, lang, min_group_size)
    shown = ordered[~ordered["suppressed"]]
    figure = new_figure()
    for measure in MEASURES:
        mean = shown[f"{measure}_mean"].astype(float)
        name = measure_label(measure, lang)
        hover = [
            _mean_hover(lang, group=row["label"], measure=name, mean=row[f"{measure}_mean"],
                        low=row[f"{measure}_ci_low"], high=row[f"{measure}_ci_high"],
                        n=format_number(int(row["n"]), lang))
            for row in shown.to_dict("records")
        ]
        figure.add_trace(go.Scatter(
            x=mean.tolist(), y=shown["tick"].tolist(), name=name, mode="markers", orientation="h",
            marker={"color": MEASURE_COLOURS[measure], "symbol": MEASURE_SYMBOLS[measure], "size": 9,
                    "line": {"width": 1, "color": "white"}},
            error_x={**_error_bars(mean, shown[f"{measure}_ci_low"], shown[f"{measure}_ci_high"]),
                     "color": MEASURE_COLOURS[measure]},
            hovertext=hover, hoverinfo="text", meta={"measure": measure},
        ))
    base_layout(figure, title=t("sustainability.means.title", lang, grouping=grouping_label(grouping, lang),
                                grouping_lower=grouping_label(grouping, lang, lower=True)), lang=lang, demo=demo)
    figure.update_layout(scattermode="group", scattergap=0.35)
    bounds = [_clip(shown[f"{measure}_{end}"]) for measure in MEASURES for end in ("ci_low", "ci_high")]
    figure.update_xaxes(range=_score_range(pd.concat(bounds) if bounds else []),
                        title=t("sustainability.axis.mean_short", lang), tickformat=".2~f")
    return _finish_group_chart(figure, ordered, "means", lang, min_group_size)


def means_summary(by_group: pd.DataFrame, *, labels: Mapping[str, str], lang: str, min_group_size: int) -> str:
    """One or two sentences saying what the means chart shows, for every reader."""
    if by_group.empty:
        return t("sustainability.summary.empty", lang)
    ordered = _ordered(by_group, labels)
    shown = ordered[~ordered["suppressed"]]
    parts = [_groups_sentence(ordered, lang, min_group_size)]
    if not shown.empty:
        best = shown.loc[shown["composite_mean"].astype(float).idxmax()]
        worst = shown.loc[shown["composite_mean"].astype(float).idxmin()]
        parts.append(t("sustainability.summary.means", lang, best=best["label"], value=_score(best["composite_mean"], lang),
                       worst=worst["label"], low_value=_score(worst["composite_mean"], lang)))
        computed = float(shown["computed_composites"].astype(float).sum()) / float(shown["n"].astype(float).sum())
        if computed > 0:
            parts.append(t("sustainability.summary.computed", lang, share=format_percent(computed, lang)))
    return " ".join(parts)


def _groups_sentence(ordered: pd.DataFrame, lang: str, min_group_size: int) -> str:
    if ordered["suppressed"].all():
        return t("sustainability.all_suppressed", lang, min=format_number(min_group_size, lang))
    suppressed = int(ordered["suppressed"].sum())
    return t("sustainability.summary.groups", lang, shown=len(ordered) - suppressed, suppressed=suppressed,
             min=format_number(min_group_size, lang))


# ---------------------------------------------------------------- distribution
def distribution_chart(by_group: pd.DataFrame, *, labels: Mapping[str, str], grouping: str, measure: str,
                       threshold: float, lang: str, demo: bool, min_group_size: int) -> go.Figure:
    """Boxes of one score per group from precomputed percentiles: box = quartiles, line =
    median, dashed line = mean, whiskers = 5th and 95th percentiles. The threshold is marked."""
    if by_group.empty:
        return no_data_figure(lang)
    ordered = _with_ticks(by_group, labels, lang, min_group_size)
    shown = ordered[~ordered["suppressed"]]
    hover = [
        t("sustainability.hover.box", lang, group=row["label"], n=format_number(int(row["n"]), lang),
          **{key: _score(row[key], lang) for key in ("p05", "q1", "median", "q3", "p95", "mean")})
        for row in shown.to_dict("records")
    ]
    figure = new_figure(go.Box(
        y=shown["tick"].tolist(), q1=shown["q1"].tolist(), median=shown["median"].tolist(),
        q3=shown["q3"].tolist(), lowerfence=shown["p05"].tolist(), upperfence=shown["p95"].tolist(),
        mean=shown["mean"].tolist(), boxmean=True, orientation="h", boxpoints=False,
        name=measure_label(measure, lang), showlegend=False,
        marker={"color": MEASURE_COLOURS[measure]}, line={"width": 1.5},
        fillcolor="rgba(86, 180, 233, 0.35)", hovertext=hover, hoverinfo="text", hoveron="boxes",
    ))
    title = t("sustainability.box.title", lang, measure=measure_label(measure, lang),
              measure_lower=measure_label(measure, lang, lower=True),
              grouping_lower=grouping_label(grouping, lang, lower=True))
    base_layout(figure, title=title, lang=lang, demo=demo)
    figure.update_xaxes(range=_score_range([*shown["p05"], *shown["p95"], threshold]), tickformat=".2~f",
                        title=t("sustainability.axis.score", lang, measure=measure_label(measure, lang),
                                measure_lower=measure_label(measure, lang, lower=True)))
    return _finish_group_chart(figure, ordered, "box", lang, min_group_size, threshold)


def _threshold_line(figure: go.Figure, threshold: float, lang: str) -> None:
    """A dashed line at the threshold, named in the legend (a label above the plot would collide
    with the demo mark on a phone)."""
    figure.add_shape(type="line", x0=threshold, x1=threshold, xref="x", y0=0, y1=1, yref="paper",
                     line={"color": theme.TEXT, "width": 1.5, "dash": "dash"}, showlegend=True,
                     name=t("sustainability.threshold_line", lang, value=format_number(threshold, lang, 2)))
    figure.update_layout(showlegend=True)


def distribution_summary(by_group: pd.DataFrame, *, lang: str, min_group_size: int) -> str:
    """How many groups the box chart shows, how many are suppressed, and how to read a box."""
    if by_group.empty:
        return t("sustainability.summary.empty", lang)
    return f"{_groups_sentence(by_group, lang, min_group_size)} {t('sustainability.box.legend', lang)}"


# ---------------------------------------------------------------- threshold shares
def threshold_chart(by_group: pd.DataFrame, *, labels: Mapping[str, str], grouping: str, measure: str,
                    threshold: float, lang: str, demo: bool, min_group_size: int) -> go.Figure:
    """Share of responses at or above the threshold per group: bars labelled with the
    percentage, 95% Wilson intervals, numbers in the hover."""
    if by_group.empty:
        return no_data_figure(lang)
    ordered = _with_ticks(by_group, labels, lang, min_group_size)
    shown = ordered[~ordered["suppressed"]]
    share = shown["share"].astype(float)
    threshold_text = format_number(threshold, lang, 2)
    hover = [
        t("sustainability.hover.share", lang, group=row["label"], threshold=threshold_text,
          above=format_number(int(row["at_or_above"]), lang), n=format_number(int(row["n"]), lang),
          **_percent_interval(row["share"], row["ci_low"], row["ci_high"], lang))
        for row in shown.to_dict("records")
    ]
    figure = new_figure(go.Bar(
        x=share.tolist(), y=shown["tick"].tolist(), orientation="h", name=t("sustainability.share.legend", lang),
        marker={"color": SHARE_BAR, "line": {"color": theme.QUALITATIVE[0], "width": 1}},
        error_x={**_error_bars(share, shown["ci_low"], shown["ci_high"]), "color": theme.TEXT},
        text=[format_percent(value, lang) for value in share], textposition="inside", insidetextanchor="start",
        textfont={"color": theme.TEXT}, constraintext="none", hovertext=hover, hoverinfo="text",
    ))
    base_layout(figure, title=t("sustainability.share.title", lang, threshold=threshold_text), lang=lang, demo=demo)
    subtitle = t("sustainability.share.subtitle", lang, measure=measure_label(measure, lang),
                 measure_lower=measure_label(measure, lang, lower=True),
                 grouping_lower=grouping_label(grouping, lang, lower=True))
    figure.update_layout(uniformtext={"minsize": 11, "mode": "show"}, showlegend=False,
                         title_subtitle_text=subtitle)
    # Ticks written like the bars' labels: 20% in English, 20 % in French.
    ticks = [step / 5 for step in range(6)]
    figure.update_xaxes(range=[0, 1], tickvals=ticks, ticktext=[format_percent(tick, lang) for tick in ticks],
                        title=t("sustainability.axis.share", lang))
    return _finish_group_chart(figure, ordered, "share", lang, min_group_size)


def threshold_summary(by_group: pd.DataFrame, *, threshold: float, lang: str, min_group_size: int) -> str:
    """Groups shown and the overall share at or above the threshold among them."""
    if by_group.empty:
        return t("sustainability.summary.empty", lang)
    parts = [_groups_sentence(by_group, lang, min_group_size)]
    shown = by_group[~by_group["suppressed"]]
    if not shown.empty:
        total = float(shown["n"].astype(float).sum())
        parts.append(t("sustainability.summary.share", lang, share=format_percent(
            float(shown["at_or_above"].astype(float).sum()) / total, lang), n=format_number(total, lang),
            threshold=format_number(threshold, lang, 2)))
    return " ".join(parts)


# ---------------------------------------------------------------- over time
def _series_labels(grouping: str, labels: Mapping[str, str], lang: str) -> dict[str, str]:
    return {"all": t("sustainability.all_returnees", lang)} if grouping == "months" else dict(labels)


def over_time_chart(by_band: pd.DataFrame, *, labels: Mapping[str, str], grouping: str, measure: str,
                    lang: str, demo: bool, min_group_size: int) -> go.Figure:
    """Mean of one score per months-since-return band, one line per group (colour, symbol and
    dash differ), 95% intervals; suppressed cells are gaps."""
    if by_band.empty:
        return no_data_figure(lang)
    if by_band["suppressed"].all():
        return empty_figure(t("sustainability.time.all_suppressed_short", lang), lang=lang,
                            hint=t("chart.empty_hint", lang))
    series_labels = _series_labels(grouping, labels, lang)
    band_labels = {band: t(f"sustainability.code.months.{band}", lang) for band in MONTH_BANDS}
    # A series whose every cell is suppressed gets no trace (and no legend entry).
    series = _ordered(by_band[~by_band["suppressed"]].drop_duplicates("group_code")[["group_code"]], series_labels)
    palette = GROUP_COLOURS.get(grouping, {})
    figure = new_figure()
    for index, (code, label) in enumerate(zip(series["group_code"], series["label"], strict=True)):
        cells = by_band[by_band["group_code"] == code].set_index("months_band").reindex(list(MONTH_BANDS))
        cells = cells[cells["mean"].notna()]
        mean = cells["mean"].astype(float)
        hover = [
            _mean_hover(lang, group=f"{label}, {band_labels[band]}", measure=measure_label(measure, lang),
                        mean=row["mean"], low=row["ci_low"], high=row["ci_high"], n=format_number(int(row["n"]), lang))
            for band, row in cells.iterrows()
        ]
        colour = theme.colour_for(code, palette, index)
        figure.add_trace(go.Scatter(
            x=[band_labels[band] for band in cells.index], y=mean.tolist(), name=label, mode="lines+markers",
            marker={"color": colour, "symbol": SERIES_SYMBOLS[index % len(SERIES_SYMBOLS)], "size": 9},
            line={"color": colour, "dash": SERIES_DASHES[index % len(SERIES_DASHES)], "width": 2},
            error_y={**_error_bars(mean, cells["ci_low"], cells["ci_high"]), "color": colour},
            hovertext=hover, hoverinfo="text", connectgaps=False, meta={"group_code": code},
        ))
    base_layout(figure, title=t("sustainability.time.title", lang, measure=measure_label(measure, lang),
                                measure_lower=measure_label(measure, lang, lower=True)), lang=lang, demo=demo)
    figure.update_layout(scattermode="group", scattergap=0.5, height=520, margin={"t": 64, "b": 150},
                         legend=BOTTOM_LEGEND)
    figure.update_xaxes(type="category", categoryorder="array", categoryarray=list(band_labels.values()),
                        range=[-0.5, len(MONTH_BANDS) - 0.5], title=t("sustainability.axis.months", lang))
    figure.update_yaxes(title=t("sustainability.axis.score", lang, measure=measure_label(measure, lang),
                                measure_lower=measure_label(measure, lang, lower=True)), tickformat=".2f",
                        range=_score_range([*_clip(by_band["ci_low"]), *_clip(by_band["ci_high"])]))
    return _fit_title(figure)


def over_time_summary(by_band: pd.DataFrame, *, labels: Mapping[str, str], grouping: str, lang: str,
                      min_group_size: int, max_series: int) -> str:
    """Which series the chart over time shows, and why some points are missing."""
    if by_band.empty:
        return t("sustainability.summary.empty", lang)
    if by_band["suppressed"].all():
        return t("sustainability.time.all_suppressed", lang, min=format_number(min_group_size, lang))
    shown = by_band[~by_band["suppressed"]]
    series = _ordered(shown.drop_duplicates("group_code")[["group_code"]], _series_labels(grouping, labels, lang))
    return t("sustainability.summary.time", lang, series=", ".join(series["label"]), max=max_series,
             min=format_number(min_group_size, lang))


# ---------------------------------------------------------------- comparison
def _unavailable_text(lang: str, min_group_size: int) -> str:
    return t("sustainability.compare.none_available", lang, min=format_number(max(min_group_size, 2), lang))


def comparison_chart(compared: pd.DataFrame, *, label_a: str, label_b: str, lang: str, demo: bool,
                     min_group_size: int, same_group: bool = False, available: int | None = None) -> go.Figure:
    """Two groups side by side on the three dimensions and the composite, with 95% intervals.

    Group A is plain, group B hatched, so the two differ by pattern as well as colour. A group
    that is suppressed or absent gets no bars, and a note says why. The subtitle says whether
    the composite difference is distinguishable from zero at 95%. ``available``: how many groups
    could be compared under the filters (fewer than two: a message says there is nothing to
    compare).
    """
    if available is not None and available < 2:
        return empty_figure(_unavailable_text(lang, min_group_size), lang=lang, hint=t("chart.empty_hint", lang))
    if same_group:
        return empty_figure(t("sustainability.compare.same", lang), lang=lang)
    statuses = {side: compared[f"{side}_status"].iloc[0] for side in ("a", "b")} if not compared.empty else {}
    if not statuses or all(status == "absent" for status in statuses.values()):
        return no_data_figure(lang)
    notes = _comparison_notes(statuses, label_a, label_b, lang, min_group_size)
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
            _mean_hover(lang, group=label, measure=dimension, mean=value, low=low, high=high, n=n_text)
            for dimension, value, low, high in zip(dimensions, mean, compared[f"{side}_ci_low"],
                                                   compared[f"{side}_ci_high"], strict=True)
        ]
        figure.add_trace(go.Bar(
            x=dimensions, y=mean.tolist(), name=t("sustainability.tick", lang, label=label, n=n_text),
            marker={"color": colour, "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "white",
                                                 "solidity": 0.3},
                    "line": {"color": theme.TEXT, "width": 1}},
            error_y={**_error_bars(mean, compared[f"{side}_ci_low"], compared[f"{side}_ci_high"]),
                     "color": theme.TEXT},
            text=[_score(value, lang) for value in mean], textposition="inside", insidetextanchor="end",
            textfont={"color": "white"}, hovertext=hover, hoverinfo="text", meta={"side": side},
        ))
    base_layout(figure, title=t("sustainability.compare.title", lang, a=label_a, b=label_b), lang=lang, demo=demo)
    figure.update_layout(barmode="group", height=440, margin={"t": 64, "b": 90}, legend=BOTTOM_LEGEND,
                         showlegend=True)
    if not notes:
        composite = compared.set_index("measure").loc["composite"]
        verdict = difference_verdict(composite["difference_ci_low"], composite["difference_ci_high"],
                                     label_a=label_a, label_b=label_b, lang=lang)
        subtitle = t("sustainability.compare.subtitle", lang, verdict=verdict)
        figure.update_layout(title_subtitle_text="<br>".join(textwrap.wrap(subtitle, TITLE_WIDTH + 10)))
    figure.update_yaxes(range=[0, 1], tickformat=".1f", title=t("sustainability.axis.mean_short", lang))
    figure.update_xaxes(title=None)
    for index, note in enumerate(notes):
        figure.add_annotation(text=f"<i>{note}</i>", xref="paper", yref="paper", x=0, y=1.0,
                              yshift=4 + 18 * index, xanchor="left", yanchor="bottom", showarrow=False,
                              font={"size": 12, "color": theme.MUTED})
    if notes:
        figure.update_layout(margin={"t": 72 + 18 * len(notes)})
    figure = _fit_title(figure)
    if not notes:
        # Title and subtitle from the top of the figure down, and room for them above the plot
        # (a title placed automatically sits in the middle of the top margin, over the subtitle).
        title_lines = str(figure.layout.title.text).count("<br>") + 1
        subtitle_lines = str(figure.layout.title.subtitle.text).count("<br>") + 1
        top = TITLE_PAD + TITLE_LINE * (2 * title_lines - 1) + SUBTITLE_LINE * subtitle_lines + SUBTITLE_GAP
        # plotly anchors a title of several lines by its first line: the pad makes room for the others.
        pad = TITLE_PAD + TITLE_LINE * (title_lines - 1)
        figure.update_layout(title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": pad}},
                             margin_t=top, height=figure.layout.height + top - 64)
    return figure


def _comparison_notes(statuses: Mapping[str, str], label_a: str, label_b: str, lang: str,
                      min_group_size: int) -> list[str]:
    notes = []
    for side, label in (("a", label_a), ("b", label_b)):
        if statuses[side] != "shown":
            notes.append(t(f"sustainability.compare.status.{statuses[side]}", lang, group=label, min=format_number(min_group_size, lang)))
    return notes


def interval_text(value: object, low: object, high: object, lang: str, *, signed: bool = False) -> str:
    """"0.62 (0.58 to 0.66)", with the decimals the interval needs (``dashboard.precision``);
    ``signed`` writes a + before positive numbers (differences)."""
    if any(number is None or pd.isna(number) for number in (value, low, high)):
        return _score(value, lang) if value is not None and pd.notna(value) else "–"
    numbers = (float(value), float(low), float(high))
    decimals = interval_decimals(*numbers)
    shown = [_score(number, lang, decimals) for number in numbers]
    if signed:
        shown = [("+" if number > 0 else "") + text for number, text in zip(numbers, shown, strict=True)]
    return t("sustainability.interval", lang, value=shown[0], low=shown[1], high=shown[2])


def comparison_table(compared: pd.DataFrame, *, label_a: str, label_b: str, lang: str,
                     min_group_size: int, same_group: bool = False, available: int | None = None) -> html.Div:
    """Means of both groups and their difference with Welch's 95% interval, and in words whether
    each difference is distinguishable from zero, as an HTML table; a note instead when a group is
    suppressed, absent, both groups are the same or fewer than two groups can be compared."""
    if available is not None and available < 2:
        return html.Div(html.P(_unavailable_text(lang, min_group_size), className="small text-muted mb-1"))
    if same_group:
        return html.Div(html.P(t("sustainability.compare.same", lang), className="small text-muted mb-1"))
    if compared.empty:
        return html.Div()
    statuses = {side: compared[f"{side}_status"].iloc[0] for side in ("a", "b")}
    if any(status != "shown" for status in statuses.values()):
        notes = _comparison_notes(statuses, label_a, label_b, lang, min_group_size)
        return html.Div([html.P(note, className="small text-muted mb-1") for note in notes])
    header = html.Thead(html.Tr([
        html.Th(t("sustainability.compare.col.dimension", lang), scope="col"),
        html.Th(t("sustainability.compare.col.mean", lang, group=f"A · {label_a}"), scope="col"),
        html.Th(t("sustainability.compare.col.mean", lang, group=f"B · {label_b}"), scope="col"),
        html.Th(t("sustainability.compare.col.difference", lang), scope="col"),
        html.Th(t("sustainability.compare.col.verdict", lang), scope="col"),
    ]))
    body = html.Tbody([
        html.Tr([
            html.Th(measure_label(row["measure"], lang), scope="row"),
            html.Td(interval_text(*_bounded(row["a_mean"], row["a_ci_low"], row["a_ci_high"]), lang)),
            html.Td(interval_text(*_bounded(row["b_mean"], row["b_ci_low"], row["b_ci_high"]), lang)),
            html.Td(interval_text(row["difference"], row["difference_ci_low"], row["difference_ci_high"], lang,
                                  signed=True)),
            html.Td(_short_verdict(row["difference_ci_low"], row["difference_ci_high"], lang)),
        ])
        for row in compared.to_dict("records")
    ])
    caption = html.Caption(t("sustainability.compare.caption", lang, a=label_a, b=label_b,
                             n_a=format_number(int(compared["a_n"].iloc[0]), lang),
                             n_b=format_number(int(compared["b_n"].iloc[0]), lang)), className="small")
    return html.Div(html.Table([caption, header, body], className="table table-sm sustainability-compare-table"),
                    className="table-responsive")


def comparison_summary(compared: pd.DataFrame, *, label_a: str, label_b: str, lang: str, min_group_size: int,
                       same_group: bool = False, available: int | None = None) -> str:
    """The comparison in words: the composite means of A and B, their difference with its
    interval, and for every score whether the difference is distinguishable from zero at 95%."""
    if available is not None and available < 2:
        return _unavailable_text(lang, min_group_size)
    if same_group:
        return t("sustainability.compare.same", lang)
    if compared.empty or all(compared[f"{side}_status"].iloc[0] == "absent" for side in ("a", "b")):
        return t("sustainability.summary.empty", lang)
    statuses = {side: compared[f"{side}_status"].iloc[0] for side in ("a", "b")}
    if any(status != "shown" for status in statuses.values()):
        return " ".join(_comparison_notes(statuses, label_a, label_b, lang, min_group_size))
    by_measure = compared.set_index("measure")
    composite = by_measure.loc["composite"]
    words = {"label_a": label_a, "label_b": label_b, "lang": lang}
    means = distinct_decimals([(composite["a_mean"], composite["b_mean"])])
    sentences = [t("sustainability.summary.compare", lang, a=label_a, b=label_b,
                   value_a=_score(composite["a_mean"], lang, means), value_b=_score(composite["b_mean"], lang, means),
                   difference=interval_text(composite["difference"], composite["difference_ci_low"],
                                            composite["difference_ci_high"], lang, signed=True),
                   verdict=_capitalised(difference_verdict(composite["difference_ci_low"],
                                                           composite["difference_ci_high"], **words)))]
    dimensions = [t("sustainability.summary.compare_item", lang, measure=measure_label(measure, lang),
                    difference=interval_text(row["difference"], row["difference_ci_low"], row["difference_ci_high"],
                                             lang, signed=True),
                    verdict=_short_verdict(row["difference_ci_low"], row["difference_ci_high"], lang, lower=True))
                  for measure, row in by_measure.iterrows() if measure != "composite"]
    sentences.append(t("sustainability.summary.compare_dimensions", lang,
                       items=t("sustainability.summary.separator", lang).join(dimensions)))
    return " ".join(sentences)


# ---------------------------------------------------------------- data behind each chart
# Each ``*_data`` function turns the frame a chart is drawn from into the table that downloads
# and the "show as table" view offer: rows in the chart's order, readable labels next to codes,
# column names in ``lang``, intervals clipped to [0, 1] as in the chart. A suppressed group keeps
# its row, with its status and no number at all.
def _column(what: str, stat: str, lang: str) -> str:
    return t("sustainability.data.of", lang, what=what, stat=t(f"sustainability.data.stat.{stat}", lang))


def _status_text(suppressed: object, lang: str, min_group_size: int) -> str:
    key = "suppressed" if bool(suppressed) else "shown"
    return t(f"sustainability.data.status.{key}", lang, min=format_number(min_group_size, lang))


def _blank_suppressed(table: pd.DataFrame, suppressed: pd.Series, numbers: list[str],
                      counts: list[str]) -> pd.DataFrame:
    """No number at all in a suppressed row (whatever the frame held); counts as whole numbers."""
    mask = pd.Series(suppressed, dtype=bool).to_numpy()
    for column in numbers:
        values = pd.Series(table[column], dtype="Float64").mask(mask)
        table[column] = values.round().astype("Int64") if column in counts else values
    return table


def _group_columns(ordered: pd.DataFrame, grouping: str, lang: str, min_group_size: int) -> dict[str, list]:
    name = grouping_label(grouping, lang)
    return {_column(name, "code", lang): ordered["group_code"].astype(str).tolist(), name: ordered["label"].tolist(),
            t("sustainability.data.status", lang): [_status_text(value, lang, min_group_size)
                                                    for value in ordered["suppressed"]]}


def _table(columns: dict[str, list], suppressed: pd.Series, numbers: list[str], counts: list[str]) -> pd.DataFrame:
    return _blank_suppressed(pd.DataFrame(columns), suppressed, numbers, counts)


def means_data(by_group: pd.DataFrame, *, labels: Mapping[str, str], grouping: str, lang: str,
               min_group_size: int) -> pd.DataFrame:
    """The means chart as a table: per group its status, n, and each score's mean and 95% interval."""
    ordered = _ordered(by_group, labels)
    columns = _group_columns(ordered, grouping, lang, min_group_size)
    n_column, computed_column = t("sustainability.data.n", lang), t("sustainability.data.computed", lang)
    columns[n_column] = ordered["n"].tolist()
    columns[computed_column] = ordered["computed_composites"].tolist()
    for measure in MEASURES:
        name = measure_label(measure, lang)
        columns[_column(name, "mean", lang)] = ordered[f"{measure}_mean"].astype(float).tolist()
        columns[_column(name, "ci_low", lang)] = _clip(ordered[f"{measure}_ci_low"]).tolist()
        columns[_column(name, "ci_high", lang)] = _clip(ordered[f"{measure}_ci_high"]).tolist()
    numbers = list(columns)[3:]
    return _table(columns, ordered["suppressed"], numbers, [n_column, computed_column])


def distribution_data(by_group: pd.DataFrame, *, labels: Mapping[str, str], grouping: str, measure: str, lang: str,
                      min_group_size: int) -> pd.DataFrame:
    """The box chart as a table: per group its status, n, mean and the five percentiles drawn."""
    ordered = _ordered(by_group, labels)
    columns = _group_columns(ordered, grouping, lang, min_group_size)
    columns[t("sustainability.data.score", lang)] = [measure_label(measure, lang)] * len(ordered)
    n_column = t("sustainability.data.n", lang)
    columns[n_column] = ordered["n"].tolist()
    for stat in ("mean", "p05", "q1", "median", "q3", "p95"):
        columns[_column(measure_label(measure, lang), stat, lang)] = ordered[stat].astype(float).tolist()
    numbers = list(columns)[4:]
    return _table(columns, ordered["suppressed"], numbers, [n_column])


def threshold_data(by_group: pd.DataFrame, *, labels: Mapping[str, str], grouping: str, measure: str,
                   threshold: float, lang: str, min_group_size: int) -> pd.DataFrame:
    """The threshold chart as a table: per group n, responses at or above, share and Wilson interval."""
    ordered = _ordered(by_group, labels)
    columns = _group_columns(ordered, grouping, lang, min_group_size)
    columns[t("sustainability.data.score", lang)] = [measure_label(measure, lang)] * len(ordered)
    columns[t("sustainability.data.threshold", lang)] = [float(threshold)] * len(ordered)
    n_column, above_column = t("sustainability.data.n", lang), t("sustainability.data.at_or_above", lang)
    columns[n_column] = ordered["n"].tolist()
    columns[above_column] = ordered["at_or_above"].tolist()
    share = t("sustainability.data.share", lang)
    columns[share] = ordered["share"].astype(float).tolist()
    columns[_column(share, "ci_low_wilson", lang)] = _clip(ordered["ci_low"]).tolist()
    columns[_column(share, "ci_high_wilson", lang)] = _clip(ordered["ci_high"]).tolist()
    numbers = list(columns)[5:]
    return _table(columns, ordered["suppressed"], numbers, [n_column, above_column])


def over_time_data(by_band: pd.DataFrame, *, labels: Mapping[str, str], grouping: str, measure: str, lang: str,
                   min_group_size: int) -> pd.DataFrame:
    """The chart over time as a table: per series and months band, status, n, mean and interval."""
    band_order = {band: index for index, band in enumerate(MONTH_BANDS)}
    ordered = _ordered(by_band, _series_labels(grouping, labels, lang))
    ordered = ordered.assign(_band=[band_order.get(band, len(band_order)) for band in ordered["months_band"]],
                             _series=pd.factorize(ordered["group_code"])[0])
    ordered = ordered.sort_values(["_series", "_band"], kind="stable").reset_index(drop=True)
    series, months = t("sustainability.data.series", lang), t("sustainability.axis.months", lang)
    name = measure_label(measure, lang)
    n_column = t("sustainability.data.n", lang)
    columns = {
        _column(series, "code", lang): ordered["group_code"].astype(str).tolist(), series: ordered["label"].tolist(),
        _column(months, "code", lang): ordered["months_band"].astype(str).tolist(),
        months: [t(f"sustainability.code.months.{band}", lang) for band in ordered["months_band"]],
        t("sustainability.data.status", lang): [_status_text(value, lang, min_group_size)
                                                for value in ordered["suppressed"]],
        t("sustainability.data.score", lang): [name] * len(ordered),
        n_column: ordered["n"].tolist(),
        _column(name, "mean", lang): ordered["mean"].astype(float).tolist(),
        _column(name, "ci_low", lang): _clip(ordered["ci_low"]).tolist(),
        _column(name, "ci_high", lang): _clip(ordered["ci_high"]).tolist(),
    }
    numbers = list(columns)[6:]
    return _table(columns, ordered["suppressed"], numbers, [n_column])


def comparison_data(compared: pd.DataFrame, *, codes: tuple[str, str], label_a: str, label_b: str, lang: str,
                    min_group_size: int, same_group: bool = False, available: int | None = None) -> pd.DataFrame:
    """The comparison as a table: per score, both groups' n, mean and interval, the difference
    with Welch's interval and in words whether it is distinguishable from zero at 95%. Empty when
    A and B are the same group or fewer than two groups can be compared (the chart shows nothing
    then)."""
    if same_group or compared.empty or (available is not None and available < 2):
        return pd.DataFrame()
    columns: dict[str, list] = {t("sustainability.compare.col.dimension", lang):
                                [measure_label(measure, lang) for measure in compared["measure"]]}
    numbers: list[str] = []
    for side, code, label in (("a", codes[0], label_a), ("b", codes[1], label_b)):
        group = t(f"sustainability.compare.group_{side}", lang)
        status = compared[f"{side}_status"]
        columns[_column(group, "code", lang)] = [code] * len(compared)
        columns[group] = [label] * len(compared)
        columns[_column(group, "status", lang)] = [t(f"sustainability.data.status.{value}", lang,
                                                     min=format_number(min_group_size, lang)) for value in status]
        side_numbers = [_column(group, stat, lang) for stat in ("n", "mean", "ci_low", "ci_high")]
        columns[side_numbers[0]] = compared[f"{side}_n"].tolist()
        columns[side_numbers[1]] = compared[f"{side}_mean"].astype(float).tolist()
        columns[side_numbers[2]] = _clip(compared[f"{side}_ci_low"]).tolist()
        columns[side_numbers[3]] = _clip(compared[f"{side}_ci_high"]).tolist()
        numbers += side_numbers
    difference = t("sustainability.compare.col.difference_short", lang)
    columns[difference] = compared["difference"].astype(float).tolist()
    columns[_column(difference, "ci_low_welch", lang)] = compared["difference_ci_low"].astype(float).tolist()
    columns[_column(difference, "ci_high_welch", lang)] = compared["difference_ci_high"].astype(float).tolist()
    either_hidden = (compared["a_status"] != "shown") | (compared["b_status"] != "shown")
    verdict = t("sustainability.compare.col.verdict", lang)
    columns[verdict] = [
        "" if hidden else _short_verdict(low, high, lang)
        for hidden, low, high in zip(either_hidden, compared["difference_ci_low"], compared["difference_ci_high"],
                                     strict=True)]
    table = pd.DataFrame(columns)
    for side, side_numbers in (("a", numbers[:4]), ("b", numbers[4:])):
        _blank_suppressed(table, compared[f"{side}_status"] != "shown", side_numbers, [side_numbers[0]])
    return _blank_suppressed(table, either_hidden, list(columns)[-4:-1], [])
