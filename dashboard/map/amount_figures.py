"""The programme map coloured by an amount per country (real EUTF figures, or the store's
programme indicators): a sequential scale, grey for "no figure", from ``map_amounts`` frames.

Counts span four orders of magnitude (Niger's 40,888 returns next to Nigeria's 7), so the colour
follows the square root of the value and the colour bar is labelled in real values, up to the
largest. Figures of a parent project (a country with no contract figure) keep their colour and
get a dark outline and a legend entry of their own.

The map is plain data (``dashboard.common.figures.plain_figure``), as ``figures.programme_map``.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd

from dashboard.common import theme
from dashboard.common.figures import (
    PlainFigure,
    plain_base_layout,
    plain_figure,
    trace,
    update_plain_layout,
)
from dashboard.i18n import format_number, t, with_unit
from dashboard.map.amounts import AmountSpec, as_value_text
from dashboard.map.figures import frame_map, title_block
from dashboard.map.geometry import COUNTRIES_URL
from dashboard.map.traces import BORDER, SEA_GEOJSON, SEA_ID

# The scale starts at a light blue, not white: the smallest figures (Nigeria's 7 returns) stay
# apart from the sea and from the grey of "no figure".
AMOUNT_COLOURS = ("#d6e6f5", *theme.SEQUENTIAL[1:])
AMOUNT_SCALE = [
    [index / (len(AMOUNT_COLOURS) - 1), colour] for index, colour in enumerate(AMOUNT_COLOURS)
]
NICE_STEPS = (1, 2, 5)
# Characters per line of the title and of its source line (they fit a 390 px phone), and the band
# at the figure's foot that holds the "no figure" legend under the colour bar (pixels).
TITLE_WIDTH, SOURCE_WIDTH, LEGEND_BAND = 36, 52, 34
LEGEND_WIDTH, LEGEND_LINE = (
    40,
    17,
)  # a legend entry's characters per line; the band's height per more line
BAR_TITLE_WIDTH = 30  # the colour bar's title is centred over a bar 75% of the figure wide
BAR_LENGTH = 0.75
# Least distance between two labelled ticks, as a share of the bar (on the square-root scale):
# on a 390 px phone the bar is about 260 px long, so labels such as "10,000" never touch.
TICK_GAP = 0.24
# Characters per line of the hover box: it fits beside a country on a phone, on both sides.
HOVER_WIDTH = 38
PROJECT_OUTLINE = theme.TEXT


def _ticks(maximum: float) -> list[float]:
    """0, round values (1, 2, 5 times a power of ten) and ``maximum`` itself, at least
    ``TICK_GAP`` of the bar apart on the square-root scale, the top one labelled."""
    if maximum <= 0:
        return [0.0]
    top = math.sqrt(maximum)
    candidates = sorted(
        {
            step * 10.0**exponent
            for exponent in range(-2, int(math.log10(maximum)) + 1)
            for step in NICE_STEPS
            if step * 10.0**exponent < maximum
        },
        reverse=True,
    )
    ticks = [maximum]
    for value in candidates:
        if (
            math.sqrt(ticks[-1]) - math.sqrt(value) >= TICK_GAP * top
            and math.sqrt(value) >= TICK_GAP * top
        ):
            ticks.append(value)
    return [0.0, *reversed(ticks)]


def _tick_text(value: float, spec: AmountSpec, lang: str) -> str:
    """A colour bar label: millions as "73.3 M" (the bar's title gives the unit)."""
    if spec.unit == "EUR" and value >= 1_000_000:
        millions = format_number(value / 1_000_000, lang, 1).removesuffix(".0").removesuffix(",0")
        return f"{millions}\u00a0M"
    if spec.unit == "EUR":
        return format_number(value, lang, 0 if float(value).is_integer() else 2)
    return as_value_text(value, spec, lang)


def _wrapped(text: str, width: int = HOVER_WIDTH) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]


def _hover_body(row, spec: AmountSpec, lang: str) -> str:
    """The hover box of one country, every line at most ``HOVER_WIDTH`` characters."""
    colon = t("map.colon", lang)
    lines = _wrapped(spec.measure_label)
    lines.append(f"{spec.value_label}{colon}<b>{as_value_text(row.value, spec, lang)}</b>")
    if spec.is_eutf and not spec.is_budget:
        others = {"actual": row.actual, "target": row.target, "pct": row.pct}
        others.pop(spec.value_kind, None)
        lines += [
            f"{t(f'eutf.value.{kind}', lang)}{colon}{_other_value(kind, value, lang)}"
            for kind, value in others.items()
            if not pd.isna(value)
        ]
    if row.level:
        key = "eutf.hover.project_level" if row.level == "project" else "eutf.hover.contract_level"
        lines += _wrapped(t(key, lang, ids=row.iati_ids))
    if row.regional:
        lines += _wrapped(t("eutf.hover.regional", lang) + colon.rstrip())
        lines += [line for item in row.regional.split("; ") for line in _wrapped(item)]
    return "<br>".join(lines)


def _other_value(kind: str, value: float, lang: str) -> str:
    if kind == "pct":
        return with_unit(format_number(value, lang, 0), "%", lang)
    return format_number(value, lang, 0 if float(value).is_integer() else 2)


def _hovertemplate(spec: AmountSpec, lang: str) -> str:
    source = "<br>".join(f"<i>{line}</i>" for line in _wrapped(spec.source_line))
    return f"<b>%{{customdata[1]}}</b><br>%{{customdata[2]}}<br>{source}%{{customdata[3]}}<extra></extra>"


def _customdata(frame: pd.DataFrame, spec: AmountSpec, lang: str) -> list[list[str]]:
    click = f"<br><span style='font-size:11px'>{t('map.hover.click', lang)}</span>"
    return [
        [
            str(row.iso3),
            str(row.country),
            _hover_body(row, spec, lang),
            click if row.action_country else "",
        ]
        for row in frame.itertuples(index=False)
    ]


def _valued(
    frame: pd.DataFrame,
    spec: AmountSpec,
    lang: str,
    *,
    uid: str,
    name: str,
    outline: str,
    width: float,
    showlegend: bool,
) -> dict:
    """Countries with a figure, on the layout's shared colour axis."""
    return trace(
        "choropleth",
        geojson=COUNTRIES_URL,
        featureidkey="id",
        locations=list(frame["iso3"]),
        z=[math.sqrt(value) for value in frame["value"].astype(float).clip(lower=0)],
        coloraxis="coloraxis",
        showlegend=showlegend,
        name=name,
        uid=uid,
        legendrank=700,
        customdata=_customdata(frame, spec, lang),
        hovertemplate=_hovertemplate(spec, lang),
        marker={"line": {"color": outline, "width": width}},
    )


def amount_traces(frame: pd.DataFrame, spec: AmountSpec, lang: str) -> list[dict]:
    """Sea layer, the countries without a figure (grey, "no EUTF figure"), then the countries with
    one on the sequential scale: contract figures, then parent projects' figures outlined. Only
    countries the map has an outline for are drawn."""
    drawn = frame[frame["drawn"]]
    missing, present = drawn[~drawn["has_figure"]], drawn[drawn["has_figure"]]
    traces = [
        trace(
            "choropleth",
            geojson=SEA_GEOJSON,
            featureidkey="id",
            locations=[SEA_ID],
            z=[0],
            zmin=0,
            zmax=1,
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
            showscale=False,
            showlegend=False,
            hoverinfo="none",
            uid=SEA_ID,
            name=SEA_ID,
            marker={"line": {"color": "rgba(0,0,0,0)", "width": 0}},
        )
    ]
    if len(missing):
        traces.append(
            trace(
                "choropleth",
                geojson=COUNTRIES_URL,
                featureidkey="id",
                locations=list(missing["iso3"]),
                z=[0] * len(missing),
                zmin=0,
                zmax=1,
                colorscale=[[0, theme.INACTIVE_FILL], [1, theme.INACTIVE_FILL]],
                showscale=False,
                showlegend=True,
                name=spec.missing_label,
                uid="amount-missing",
                legendrank=800,
                customdata=_customdata(missing, spec, lang),
                hovertemplate=_hovertemplate(spec, lang),
                marker={"line": {"color": BORDER, "width": 0.6}},
            )
        )
    project = present["level"] == "project"
    if len(present[~project]):
        traces.append(
            _valued(
                present[~project],
                spec,
                lang,
                uid="amount-values",
                name=spec.measure_label,
                outline=BORDER,
                width=0.6,
                showlegend=False,
            )
        )
    if project.any():
        # plotly never wraps a legend entry: the long one is broken into lines here.
        name = "<br>".join(_wrapped(t("eutf.legend.project_level", lang), LEGEND_WIDTH))
        traces.append(
            _valued(
                present[project],
                spec,
                lang,
                uid="amount-values-project",
                name=name,
                outline=PROJECT_OUTLINE,
                width=2,
                showlegend=True,
            )
        )
    return traces


def _colour_axis(frame: pd.DataFrame, spec: AmountSpec, lang: str) -> dict:
    """The shared colour axis: square root of the values, labelled in real values up to the largest."""
    values = frame.loc[frame["drawn"] & frame["has_figure"], "value"].astype(float).clip(lower=0)
    maximum = float(values.max()) if len(values) else 0.0
    ticks = _ticks(maximum)
    title = "<br>".join(textwrap.wrap(spec.value_label, BAR_TITLE_WIDTH))
    if spec.short_source:
        title += f"<br><span style='font-size:10px'>{spec.short_source}</span>"
    return {
        "cmin": 0,
        "cmax": math.sqrt(maximum) or 1,
        "colorscale": AMOUNT_SCALE,
        "showscale": bool(len(values)),
        # The source is in the title; the bar repeats only a short kind of data (demo, imported).
        "colorbar": {
            "title": {"text": title, "side": "top"},
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "y": -0.04,
            "yanchor": "top",
            "len": BAR_LENGTH,
            "thickness": 12,
            "tickvals": [math.sqrt(tick) for tick in ticks],
            "ticktext": [_tick_text(tick, spec, lang) for tick in ticks],
            "tickangle": 0,
        },
    }


def amount_map(frame: pd.DataFrame, spec: AmountSpec, *, lang: str, demo: bool) -> PlainFigure:
    """The map coloured by ``spec``'s amount; the title names the measure, value and source.

    Title and source are wrapped so that they fit a phone; the disclaimer sits under them, out of
    the map; the "no figure" legend sits at the foot of the figure, under the colour bar, so
    neither covers the other at any width.
    """
    figure = plain_figure(*amount_traces(frame, spec, lang))
    title_lines = textwrap.wrap(
        t("map.amount.title", lang, measure=spec.measure_label, value=spec.value_label), TITLE_WIDTH
    )
    source_lines = textwrap.wrap(spec.source_line, SOURCE_WIDTH)
    source = "<br>".join(f"<span style='font-size:11px'>{line}</span>" for line in source_lines)
    plain_base_layout(
        figure, title="<br>".join(title_lines) + "<br>" + source, lang=lang, demo=demo
    )
    frame_map(figure, lang, title_height=title_block(len(title_lines), len(source_lines)))
    update_plain_layout(
        figure,
        coloraxis=_colour_axis(frame, spec, lang),
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "traceorder": "normal",
            "itemclick": False,
        },
        meta={"demo": demo, "colour_mode": "amount", "kind": spec.kind},
    )
    # On a phone the legend's entries stack: the band holds every line of them.
    legend_lines = sum(
        layer["name"].count("<br>") + 1 for layer in figure["data"] if layer.get("showlegend")
    )
    update_plain_layout(figure, margin={"b": LEGEND_BAND + LEGEND_LINE * max(0, legend_lines - 1)})
    return figure
