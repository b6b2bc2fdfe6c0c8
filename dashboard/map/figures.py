"""Figures of the map page: the programme map (its traces: ``traces``), its frame and patches, and
the country profile's trend and EUTF results. Pure builders from query frames.

The maps are plain data (``dashboard.common.figures.plain_figure``): the dicts plotly would make
of them, built without plotly's validation and copies; their tests check that plotly makes
exactly the same figure of each.

The base map comes from ``/assets/topojson/`` through ``theme.GRAPH_CONFIG``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go
from dash import Patch

from dashboard.common import theme
from dashboard.common.eutf import indicator_label, target_actual_chart
from dashboard.common.figures import (
    PlainFigure,
    add_plain_annotation,
    base_layout,
    empty_figure,
    new_figure,
    plain_base_layout,
    plain_figure,
    update_plain_layout,
)
from dashboard.i18n import t
from dashboard.map.geometry import Province
from dashboard.map.labels import (
    colour_mode,
    quarter_text,
)
from dashboard.map.traces import map_traces

# Frame on Africa and Asia (degrees); fitbounds stays off so filters never re-frame the map.
LON_RANGE = (-20, 100)
LAT_RANGE = (-37, 45)
# Afghanistan by province: framed on the country, so its 34 provinces (Kabul among the smallest)
# are large enough to see, hover and click.
AFGHANISTAN_LON_RANGE = (59.5, 76.0)
AFGHANISTAN_LAT_RANGE = (28.8, 39.2)
# The title block and the disclaimer under it (pixels): plotly's toolbar sits in the pad.
TITLE_PAD, TITLE_LINE, SOURCE_LINE, TITLE_SIZE = 30, 21, 15, 16
DISCLAIMER_LINE, DISCLAIMER_GAP, DISCLAIMER_SIZE = 13, 8, 10
# Characters per line of the disclaimer: its 10 px lines fit a 390 px phone.
DISCLAIMER_WIDTH = 62


def programme_map(
    countries: pd.DataFrame,
    *,
    mode: str,
    lang: str,
    provinces: Sequence[Province] | None = None,
    rada: pd.DataFrame | None = None,
) -> PlainFigure:
    """The programme map: Action countries coloured by ``mode``, framed on Africa and Asia.

    It shows reference facts only (no demo values), so it carries no demo mark. The source page's
    disclaimer sits inside the figure, under the title and out of the map, so an exported image,
    an embed and the printed page keep it; the page shows it nowhere else.
    """
    mode = colour_mode(mode)
    by_province = provinces is not None
    figure = plain_figure(
        *map_traces(countries, mode=mode, lang=lang, provinces=provinces, rada=rada)
    )
    plain_base_layout(figure, title=t(f"map.figure.title.{mode}", lang), lang=lang, demo=False)
    # The disclaimer box also names the kind of data, so a downloaded image keeps it.
    frame_map(
        figure,
        lang,
        kind_line=t("kind.short.mapping", lang),
        by_province=by_province,
        title_height=title_block(1, 0),
    )
    # The legend sits at the foot of the figure (container), not under the plot area (paper):
    # plotly places a paper legend with the margins of the previous draw, and a geo figure gets no
    # second margin pass, so a map drawn into a graph that first held the empty figure kept its
    # legend over southern Africa on a phone. At the foot its place is the height minus its own.
    update_plain_layout(
        figure,
        legend={
            "title": {"text": t(f"map.colour.{mode}", lang), "side": "top"},
            "orientation": "h",
            "x": 0,
            "y": 0,
            "yref": "container",
            "yanchor": "bottom",
            "traceorder": "normal",
            "itemclick": "toggle",
        },
        meta={"demo": False, "colour_mode": mode, "kind": "mapping", "provinces": by_province},
    )
    return figure


def title_block(title_lines: int, source_lines: int) -> int:
    """Height in pixels of a map's title block: the pad left for plotly's toolbar, the title's
    lines and its small source lines."""
    return TITLE_PAD + TITLE_LINE * title_lines + SOURCE_LINE * source_lines


def disclaimer_lines(lang: str) -> str:
    """The source page's disclaimer, in lines that fit a phone (plotly draws an annotation's
    lines as given): the one place the map page shows it, on screen, on paper, in a downloaded
    image and in an embed."""
    return "<br>".join(
        textwrap.wrap(t("map.disclaimer", lang), DISCLAIMER_WIDTH, break_long_words=False)
    )


def frame_map(
    figure: PlainFigure,
    lang: str,
    kind_line: str | None = None,
    by_province: bool = False,
    title_height: int = 0,
) -> PlainFigure:
    """The frame every map of this page shares: base map on Africa and Asia (on Afghanistan when
    ``by_province``), pan, the title at the top and, under it, out of the map, the disclaimer
    (with ``kind_line``, the kind of data, under it when given). ``title_height``: the title
    block's height (``title_block``); the plot area starts under the disclaimer."""
    lon_range, lat_range = (
        (AFGHANISTAN_LON_RANGE, AFGHANISTAN_LAT_RANGE) if by_province else (LON_RANGE, LAT_RANGE)
    )
    disclaimer = disclaimer_lines(lang) + (f"<br><i>{kind_line}</i>" if kind_line else "")
    disclaimer_height = DISCLAIMER_LINE * (disclaimer.count("<br>") + 1) + DISCLAIMER_GAP
    update_plain_layout(
        figure,
        title={
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": TITLE_PAD},
            "font": {"size": TITLE_SIZE},
        },
        geo={
            "projection": {"type": "natural earth"},
            "fitbounds": False,
            "lonaxis": {"range": list(lon_range)},
            "lataxis": {"range": list(lat_range)},
            "showland": True,
            "landcolor": theme.LAND,
            "showcountries": True,
            "countrycolor": theme.LAND_BORDER,
            "countrywidth": 0.5,
            "showcoastlines": True,
            "coastlinecolor": "#b8c0cc",
            "coastlinewidth": 0.5,
            "showocean": True,
            "oceancolor": "#f3f7fb",
            "showlakes": False,
            "showframe": False,
            "resolution": 110,
            "bgcolor": "white",
        },
        margin={"l": 0, "r": 0, "t": title_height + disclaimer_height, "b": 0},
        # Left-aligned lines read as a list wherever plotly puts the box (centred on a phone).
        hoverlabel={"align": "left"},
        dragmode="pan",
        # A new frame (provinces on or off) resets a person's pan and zoom; a new colouring keeps it.
        uirevision=f"programme-map-{'provinces' if by_province else 'countries'}",
    )
    # In the band between the title and the plot area: it never covers a country, at any width.
    return add_plain_annotation(
        figure,
        {
            "text": disclaimer,
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 1,
            "xanchor": "left",
            "yanchor": "bottom",
            "yshift": DISCLAIMER_GAP // 2,
            "showarrow": False,
            "align": "left",
            "font": {"size": DISCLAIMER_SIZE, "color": theme.MUTED},
            "name": "disclaimer",
        },
    )


def programme_map_patch(
    countries: pd.DataFrame,
    *,
    mode: str,
    lang: str,
    provinces: Sequence[Province] | None = None,
    rada: pd.DataFrame | None = None,
) -> Patch:
    """The change that turns the drawn map into ``programme_map(...)`` with other traces: the
    trace list, title, legend title, meta and the frame (Afghanistan by province or Africa and
    Asia); the base map and disclaimer stay."""
    return figure_patch(
        programme_map(countries, mode=mode, lang=lang, provinces=provinces, rada=rada)
    )


def figure_patch(figure: PlainFigure) -> Patch:
    """The change that turns the drawn map into ``figure`` (a map of this page, plain data):
    traces, title, legend, margin, annotations, colour axis, meta and the frame (with its
    ``uirevision``)."""
    layout = figure["layout"]
    patch = Patch()
    patch["data"] = figure["data"]
    patch["layout"]["geo"]["lonaxis"]["range"] = list(layout["geo"]["lonaxis"]["range"])
    patch["layout"]["geo"]["lataxis"]["range"] = list(layout["geo"]["lataxis"]["range"])
    patch["layout"]["uirevision"] = layout["uirevision"]
    patch["layout"]["title"]["text"] = layout["title"]["text"]
    patch["layout"]["legend"] = layout["legend"]
    patch["layout"]["margin"] = layout["margin"]
    patch["layout"]["annotations"] = layout.get("annotations", [])
    # The amount maps' shared colour scale (a categorical map has none: no trace refers to it).
    patch["layout"]["coloraxis"] = layout.get("coloraxis", {})
    patch["layout"]["meta"] = layout["meta"]
    return patch


# ---------------------------------------------------------------- the profile's trend
def country_trend_chart(trend: pd.DataFrame, *, title: str, lang: str, demo: bool) -> go.Figure:
    """A small quarterly line of one indicator in one country (``queries.country_trend``)."""
    if trend.empty:
        return empty_figure(t("chart.empty", lang), lang=lang)
    figure = new_figure(
        go.Scatter(
            x=trend["period"],
            y=trend["value"],
            mode="lines+markers",
            name=title,
            line={"color": theme.QUALITATIVE[0], "width": 2},
            marker={"size": 5},
            customdata=[quarter_text(period, lang) for period in trend["period"]],
            hovertemplate=f"%{{customdata}}{t('map.colon', lang)}%{{y:,.0f}}<extra></extra>",
        )
    )
    base_layout(figure, title=title, lang=lang, demo=demo)
    figure.update_layout(
        height=220,
        margin={"l": 44, "r": 8, "t": 48, "b": 28},
        showlegend=False,
        title={"font": {"size": 13}},
        xaxis={"title": {"text": ""}, "tickformat": "%Y"},
        yaxis={"title": {"text": ""}, "rangemode": "tozero"},
    )
    return figure


def country_results_frame(results: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``queries.country_results`` rows with each indicator's name in ``lang`` (``label``;
    the chart shortens it, the hover shows ``label_full``)."""
    frame = results.copy()
    frame["label"] = [
        indicator_label(number, indicator, lang)
        for number, indicator in zip(frame["indicator_number"], frame["indicator"], strict=True)
    ]
    frame["label_full"] = frame["label"]
    return frame


def country_results_chart(results: pd.DataFrame, *, country: str, lang: str) -> go.Figure:
    """A country's own Common Output Indicator results, target vs actual (actual alone when no
    indicator has a target, as in every row of the EUTF export)."""
    frame = country_results_frame(results, lang)
    has_target = bool((frame["target"].fillna(0) > 0).any())
    title = t(
        "eutf.profile.chart_title" if has_target else "eutf.profile.chart_title_actual",
        lang,
        country=country,
    )
    notes = [
        t("eutf.profile.chart_subtitle", lang),
        "" if has_target else t("eutf.profile.no_target", lang),
        t("eutf.profile.translated", lang),
    ]
    return target_actual_chart(
        frame,
        title=title,
        subtitle=t("list.separator", lang).join(filter(None, notes)),
        label_column="label",
        hover_column="label_full",
        lang=lang,
    )
