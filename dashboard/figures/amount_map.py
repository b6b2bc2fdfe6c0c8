"""The programme map coloured by an amount per country (real EUTF figures, or the store's
programme indicators): a sequential scale, grey for "no figure", from ``map_amounts`` frames.

Counts span four orders of magnitude (Niger's 40,888 returns next to Nigeria's 7), so the colour
follows the square root of the value and the colour bar is labelled in real values.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from dashboard import theme
from dashboard.figures.common import base_layout, new_figure
from dashboard.figures.map import BORDER, SEA_GEOJSON, SEA_ID, frame_map
from dashboard.geometry import COUNTRIES_URL
from dashboard.i18n import format_number, t
from dashboard.map_amounts import AmountSpec, as_value_text

AMOUNT_SCALE = [[index / (len(theme.SEQUENTIAL) - 1), colour] for index, colour in enumerate(theme.SEQUENTIAL)]
NICE_STEPS = (1, 2, 5)
# Characters per line of the title and of its source line (they fit a 390 px phone), and the band
# at the figure's foot that holds the "no figure" legend under the colour bar (pixels).
TITLE_WIDTH, SOURCE_WIDTH, LEGEND_BAND = 36, 52, 34
BAR_TITLE_WIDTH = 24  # the colour bar's title is centred over a bar 60% of the figure wide


def _ticks(maximum: float) -> list[float]:
    """Up to six round values from 0 to ``maximum`` (1, 2, 5 times a power of ten)."""
    if maximum <= 0:
        return [0.0]
    ticks = [0.0]
    power = 10 ** math.floor(math.log10(maximum))
    candidates = sorted({step * 10 ** exponent for exponent in range(-2, int(math.log10(maximum)) + 1)
                         for step in NICE_STEPS})
    ticks += [value for value in candidates if value <= maximum and value >= power / 100]
    # Keep the largest few so labels do not crowd the bar's low end (where sqrt spreads them).
    return [0.0, *ticks[1:][-4:]]


def _hovertemplate(spec: AmountSpec, lang: str) -> str:
    colon = t("map.colon", lang)
    lines = ["<b>%{customdata[1]}</b>", f"{spec.measure_label}{colon}<b>%{{customdata[2]}}</b> ({spec.value_label})"]
    if spec.is_eutf:
        lines += [f"{t('eutf.value.target', lang)}{colon}%{{customdata[3]}} · "
                  f"{t('eutf.value.actual', lang)}{colon}%{{customdata[4]}} · "
                  f"{t('eutf.value.pct', lang)}{colon}%{{customdata[5]}}",
                  f"{t('eutf.hover.level', lang)}{colon}%{{customdata[6]}}",
                  f"{t('eutf.hover.regional', lang)}{colon}%{{customdata[7]}}"]
    lines.append(f"<i>{spec.source_line}</i>")
    lines.append(f"<span style='font-size:11px'>{t('map.hover.click', lang)}</span>")
    return "<br>".join(lines) + "<extra></extra>"


def _customdata(frame: pd.DataFrame, spec: AmountSpec, lang: str) -> list[list[str]]:
    data = []
    for row in frame.itertuples(index=False):
        level = (t("eutf.hover.level_value", lang, level=t(f"eutf.level.{row.level}", lang), ids=row.iati_ids)
                 if row.level else "–")
        pct = "–" if pd.isna(row.pct) else format_number(row.pct, lang, 0) + ("\u202f%" if lang == "fr" else "%")
        data.append([row.iso3, row.country, as_value_text(row.value, spec, lang),
                     "–" if pd.isna(row.target) else format_number(row.target, lang, 0),
                     "–" if pd.isna(row.actual) else as_value_text(row.actual, spec, lang) if spec.unit != "%"
                     else format_number(row.actual, lang, 0), pct, level, row.regional or "–"])
    return data


def amount_traces(frame: pd.DataFrame, spec: AmountSpec, lang: str) -> list[go.Choropleth]:
    """Sea layer, the countries without a figure (grey, "no EUTF figure"), then the countries with
    one on a sequential scale. Only countries the map has an outline for are drawn."""
    drawn = frame[frame["drawn"]]
    missing, present = drawn[~drawn["has_figure"]], drawn[drawn["has_figure"]]
    template = _hovertemplate(spec, lang)
    traces = [go.Choropleth(
        geojson=SEA_GEOJSON, featureidkey="id", locations=[SEA_ID], z=[0], zmin=0, zmax=1,
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], showscale=False, showlegend=False,
        hoverinfo="none", uid=SEA_ID, name=SEA_ID, marker={"line": {"color": "rgba(0,0,0,0)", "width": 0}})]
    if len(missing):
        traces.append(go.Choropleth(
            geojson=COUNTRIES_URL, featureidkey="id", locations=list(missing["iso3"]), z=[0] * len(missing),
            zmin=0, zmax=1, colorscale=[[0, theme.INACTIVE_FILL], [1, theme.INACTIVE_FILL]], showscale=False,
            showlegend=True, name=spec.missing_label, uid="amount-missing", legendrank=800,
            customdata=_customdata(missing, spec, lang), hovertemplate=template,
            marker={"line": {"color": BORDER, "width": 0.6}}))
    if len(present):
        values = present["value"].astype(float).clip(lower=0)
        maximum = float(values.max())
        ticks = _ticks(maximum)
        traces.append(go.Choropleth(
            geojson=COUNTRIES_URL, featureidkey="id", locations=list(present["iso3"]),
            z=[math.sqrt(value) for value in values], zmin=0, zmax=math.sqrt(maximum) or 1,
            colorscale=AMOUNT_SCALE, showscale=True, showlegend=False, name=spec.measure_label,
            uid="amount-values", customdata=_customdata(present, spec, lang), hovertemplate=template,
            marker={"line": {"color": BORDER, "width": 0.6}},
            # The source is in the title; the bar repeats only a short kind of data (demo, imported).
            colorbar={"title": {"text": "<br>".join(textwrap.wrap(spec.value_label, BAR_TITLE_WIDTH)) + (f"<br><span style='font-size:10px'>{spec.short_source}</span>"
                                                            if spec.short_source else ""),
                                "side": "top"},
                      "orientation": "h", "x": 0, "xanchor": "left", "y": -0.08, "yanchor": "top", "len": 0.6,
                      "thickness": 12, "tickvals": [math.sqrt(tick) for tick in ticks],
                      "ticktext": [as_value_text(tick, spec, lang).removesuffix(" EUR") for tick in ticks]}))
    return traces


def amount_map(frame: pd.DataFrame, spec: AmountSpec, *, lang: str, demo: bool) -> go.Figure:
    """The map coloured by ``spec``'s amount; the title names the measure, value and source.

    Title and source are wrapped so that they fit a phone; the "no figure" legend sits at the foot
    of the figure, under the colour bar, so neither covers the other at any width.
    """
    figure = new_figure(amount_traces(frame, spec, lang))
    title_lines = textwrap.wrap(t("map.amount.title", lang, measure=spec.measure_label, value=spec.value_label),
                                TITLE_WIDTH)
    source_lines = textwrap.wrap(spec.source_line, SOURCE_WIDTH)
    source = "<br>".join(f"<span style='font-size:11px'>{line}</span>" for line in source_lines)
    base_layout(figure, title="<br>".join(title_lines) + "<br>" + source, lang=lang, demo=demo)
    frame_map(figure, lang)
    figure.update_layout(
        title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 30}},
        margin={"l": 0, "r": 0, "t": 48 + 24 * len(title_lines) + 20 * len(source_lines), "b": LEGEND_BAND},
        legend={"orientation": "h", "x": 0, "xanchor": "left", "yref": "container", "y": 0, "yanchor": "bottom",
                "traceorder": "normal", "itemclick": False},
        meta={"demo": demo, "colour_mode": "amount", "kind": spec.kind},
    )
    return figure


