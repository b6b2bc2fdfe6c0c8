"""What the map's country profile and the pillars page share about real EUTF results: the
target-vs-actual chart (each page builds its own from it), indicator labels and values.

Every figure says where its numbers come from ("EUTF, reported by 17 Dec 2021") and which framework
and level; target and actual are drawn side by side, never added."""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard.cells import number
from dashboard.common import theme
from dashboard.common.figures import base_layout, empty_figure, new_figure
from dashboard.i18n import TEXT, format_number, t


def value_text(value: object, lang: str) -> str:
    amount = number(value)
    if amount is None:
        return "–"
    return format_number(amount, lang, 0 if amount.is_integer() else 2)


# Files write a Common Output Indicator's number as this code ("COI 3.4"), so that every reader
# (pandas, R, a spreadsheet) keeps it as text: "3.4" would be read as a number by some and as
# text by others depending on the rows ("2.1 bis"), and "3.10" would become 3.1.
INDICATOR_CODE_PREFIX = "COI "


def indicator_code(number: object) -> str | None:
    """The text code of a Common Output Indicator number in files ("COI 3.4"; None: no number)."""
    if number is None or (isinstance(number, float) and math.isnan(number)) or number is pd.NA:
        return None
    return f"{INDICATOR_CODE_PREFIX}{number}"


def indicator_label(number: str, indicator: str, lang: str) -> str:
    """A numbered Common Output Indicator's name in ``lang``, after its number: the EUTF's
    wording without "Number of" in English, the dashboard's translation in French (the wording as
    reported where the dashboard has none)."""
    key = f"eutf.coi.{number}"
    if key in TEXT:
        return f"{number} {t(key, lang)}"
    text = str(indicator).removeprefix(number).strip().removeprefix("Number of ").strip()
    return f"{number} {text[:1].upper()}{text[1:]}"


TARGET_COLOUR = "#E69F00"
ACTUAL_COLOUR = "#0072B2"
PROJECT_COLOUR = "#56B4E9"  # Okabe-Ito sky blue: the same measure, another level
# Characters per line: a row's label (two lines at most, above its bar), the title and its
# subtitle; they fit a 390 px phone and the profile's column beside the map.
LABEL_WIDTH, LABEL_LINES, TITLE_WIDTH, SUBTITLE_WIDTH = 46, 2, 38, 52
# Pixels: a row (its label's lines and its bars), the bars of a row, the title block's lines,
# and the band under the plot: tick labels and axis title, then the legend's lines (on a phone
# its entries stack, so each line counts).
LABEL_LINE, BAR_BLOCK, ROW_GAP = 14, 18, 10
TITLE_PAD, TITLE_LINE, SUBTITLE_LINE = 16, 20, 15
LEGEND_WIDTH = 34
AXIS_BAND, LEGEND_LINE = 64, 19
HOVER_WIDTH = 44


def _lines(text: str, width: int, limit: int | None = None) -> list[str]:
    lines = textwrap.wrap(str(text), width, break_long_words=False, break_on_hyphens=False) or [
        str(text)
    ]
    if limit is not None and len(lines) > limit:
        lines = [
            *lines[: limit - 1],
            textwrap.shorten(" ".join(lines[limit - 1 :]), width, placeholder="…"),
        ]
    return lines


def _log_axis(values: list[float], lang: str) -> dict:
    """A logarithmic axis from under 1 to above the largest value, ticks at powers of ten written
    in ``lang`` (1,000 / 1 000), never rotated."""
    largest = max(values) if values else 1.0
    end = math.log10(largest) + 0.35  # room for the largest bar's value
    powers = [10**exponent for exponent in range(0, max(1, math.floor(end)) + 1)]
    return {
        "type": "log",
        "range": [math.log10(0.6), max(end, 1.1)],
        "tickvals": powers,
        "ticktext": [format_number(power, lang, 0) for power in powers],
        "tickangle": 0,
        "title": {"text": t("eutf.chart.axis", lang), "standoff": 6},
        "automargin": False,
        "fixedrange": True,
    }


def _bar(
    labels: list[str],
    values: list[float | None],
    texts: list[str],
    hovers: list[str],
    *,
    name: str,
    colour: str,
    pattern: str,
    group: str,
) -> go.Bar:
    # plotly never wraps a legend entry: long names are broken into lines here.
    return go.Bar(
        y=labels,
        x=values,
        orientation="h",
        name="<br>".join(_lines(name, LEGEND_WIDTH)),
        offsetgroup=group,
        marker={
            "color": colour,
            "pattern": {"shape": pattern, "fgcolor": "#7a5200"} if pattern else {},
        },
        text=texts,
        textposition="auto",
        textangle=0,
        insidetextanchor="end",
        cliponaxis=False,
        textfont={"size": 11},
        customdata=hovers,
        hovertemplate="%{customdata}<extra></extra>",
    )


def target_actual_chart(
    frame: pd.DataFrame,
    *,
    title: str,
    subtitle: str,
    label_column: str,
    lang: str,
    hover_column: str | None = None,
) -> go.Figure:
    """Horizontal bars, target and actual side by side for each row of ``frame`` (columns
    ``label_column``, target, actual, and optionally level), on a logarithmic axis (values span 1
    to 400,000).

    Rows keep ``frame``'s order, first at the top, each label above its bars. The target series is
    drawn only when some row has a target; a row whose figure is its parent project's (level
    ``project``) gets the project colour and legend entry. A missing value draws no bar.
    ``hover_column``: the full text of a row's label (hover), when ``label_column`` is shortened.
    """
    if frame.empty:
        return empty_figure(t("eutf.chart.empty", lang), lang=lang)
    labels = [str(label) for label in frame[label_column]]
    shown = ["<br>".join(_lines(label, LABEL_WIDTH, LABEL_LINES)) for label in labels]
    full = [str(text) for text in frame[hover_column or label_column]]
    levels = list(frame["level"]) if "level" in frame else ["contract"] * len(frame)
    colon = t("map.colon", lang)

    def positive(value: object) -> float | None:
        amount = number(value)
        return None if amount is None or amount <= 0 else amount

    def hover(index: int, column: str, note: str = "") -> str:
        name = "<br>".join(_lines(full[index], HOVER_WIDTH))
        value = value_text(frame[column].iloc[index], lang)
        return f"{name}<br>{t(f'eutf.value.{column}', lang)}{colon}<b>{value}</b>{note}"

    has_target = any(positive(value) is not None for value in frame["target"])
    figure = new_figure()
    if has_target:
        figure.add_trace(
            _bar(
                labels,
                [positive(value) for value in frame["target"]],
                [value_text(value, lang) for value in frame["target"]],
                [hover(index, "target") for index in range(len(frame))],
                name=t("eutf.value.target", lang),
                colour=TARGET_COLOUR,
                pattern="/",
                group="target",
            )
        )
    project_note = (
        "<br><i>" + "<br>".join(_lines(t("eutf.chart.project_note", lang), HOVER_WIDTH)) + "</i>"
    )
    for level, name, colour in (
        ("contract", t("eutf.value.actual", lang), ACTUAL_COLOUR),
        ("project", t("eutf.legend.actual_project", lang), PROJECT_COLOUR),
    ):
        chosen = [(level == "project") == (row_level == "project") for row_level in levels]
        if not any(chosen):
            continue
        suffix = f" ({t('eutf.level.project', lang)})" if level == "project" else ""
        figure.add_trace(
            _bar(
                labels,
                [
                    positive(value) if keep else None
                    for value, keep in zip(frame["actual"], chosen, strict=True)
                ],
                [
                    value_text(value, lang) + suffix if keep else ""
                    for value, keep in zip(frame["actual"], chosen, strict=True)
                ],
                [
                    hover(index, "actual", project_note if level == "project" else "")
                    for index in range(len(frame))
                ],
                name=name,
                colour=colour,
                pattern="",
                group="actual",
            )
        )
    values = [
        float(value)
        for column in ("target", "actual")
        for value in frame[column]
        if positive(value)
    ]
    label_lines = max(shown_label.count("<br>") + 1 for shown_label in shown)
    row = LABEL_LINE * label_lines + BAR_BLOCK + ROW_GAP
    title_lines = _lines(title, TITLE_WIDTH)
    subtitle_lines = _lines(subtitle, SUBTITLE_WIDTH) if subtitle else []
    # The first row's label rises above the plot area by what the bar's half-row leaves it.
    overhang = max(0, LABEL_LINE * label_lines - (row - BAR_BLOCK) // 2)
    top = (
        TITLE_PAD
        + TITLE_LINE * len(title_lines)
        + SUBTITLE_LINE * len(subtitle_lines)
        + overhang
        + 10
    )
    heading = "<br>".join(
        [*title_lines, *(f"<span style='font-size:11px'>{line}</span>" for line in subtitle_lines)]
    )
    base_layout(figure, title=heading, lang=lang, demo=False)
    bargap = 1 - BAR_BLOCK / row
    foot = AXIS_BAND + LEGEND_LINE * sum(trace.name.count("<br>") + 1 for trace in figure.data)
    figure.update_layout(
        title={
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": TITLE_PAD},
            "font": {"size": 15},
        },
        barmode="group",
        bargap=bargap,
        bargroupgap=0,
        height=top + row * len(labels) + foot,
        xaxis=_log_axis(values, lang),
        yaxis={
            "autorange": "reversed",
            "showticklabels": False,
            "automargin": False,
            "fixedrange": True,
            "showgrid": False,
        },
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "traceorder": "normal",
        },
        margin={"l": 4, "r": 12, "t": top, "b": foot},
        meta={"demo": False, "kind": "eutf"},
    )
    # Each row's label sits above its bars, from the left edge: never cut, whatever the width.
    figure.layout.annotations = [
        *figure.layout.annotations,
        *(
            {
                "text": text,
                "x": 0,
                "xref": "paper",
                "y": label,
                "yref": "y",
                "xanchor": "left",
                "yanchor": "bottom",
                "yshift": BAR_BLOCK / 2 + 1,
                "showarrow": False,
                "align": "left",
                "font": {"size": 11, "color": theme.TEXT},
                "name": "row-label",
            }
            for label, text in zip(labels, shown, strict=True)
        ),
    ]
    return figure
