"""The programme map and the pieces of its country profile: pure builders from query frames.

The map draws plotly geo choropleth traces whose ``geojson`` is the URL of the shipped geometry
(``dashboard.geometry``): plotly.js fetches it once per page from the app's own server, so no
figure or update carries polygons. The base map comes from ``/assets/topojson/`` through
``theme.GRAPH_CONFIG``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from dash import Patch

from dashboard import theme
from dashboard.data_kinds import MAPPED_PILLAR_ACTIONS
from dashboard.figures.common import base_layout, empty_figure, new_figure
from dashboard.geometry import COUNTRIES_URL, PROVINCES_URL, Province
from dashboard.i18n import t
from dashboard.labels.map import _lang_column, _pillar_numbers, _quarter_text, _role_text
from dashboard.vocabulary import colour_mode

# Colouring mode -> (code column, name column prefix) of ``queries.map.map_countries``.
MODE_COLUMNS = {
    "action": ("action_code", "action_short"),
    "region": ("region_code", "region_name"),
    "status": ("status_code", "status_name"),
}
MODE_COLOURS: Mapping[str, Mapping[str, str]] = {
    "action": theme.ACTION_COLOURS, "region": theme.REGION_COLOURS, "status": theme.STATUS_COLOURS,
}
# Frame on Africa and Asia (degrees); fitbounds stays off so filters never re-frame the map.
LON_RANGE = (-20, 100)
LAT_RANGE = (-37, 45)
# Afghanistan by province: framed on the country, so its 34 provinces (Kabul among the smallest)
# are large enough to see, hover and click.
AFGHANISTAN_LON_RANGE = (59.5, 76.0)
AFGHANISTAN_LAT_RANGE = (28.8, 39.2)
SEA_ID = "sea"
# The title block and the disclaimer under it (pixels): plotly's toolbar sits in the pad.
TITLE_PAD, TITLE_LINE, SOURCE_LINE, TITLE_SIZE = 30, 21, 15, 16
DISCLAIMER_LINE, DISCLAIMER_GAP, DISCLAIMER_SIZE = 13, 8, 10
BORDER = "#ffffff"
PROVINCE_BORDER = "#ffffff"
RADA_BORDER = theme.TEXT


def _sea_geojson() -> dict:
    """One invisible polygon behind the whole frame: a click on the sea or on plain land hits it,
    so plotly reports the click (plotly geo reports no click outside a trace's polygons)."""
    # Steps under 180 degrees, so plotly does not take an edge for an antimeridian crossing.
    west, east, south, north = -60, 160, -80, 80
    ring = ([(west, lat) for lat in range(south, north, 40)]
            + [(lon, north) for lon in range(west, east, 20)]
            + [(east, lat) for lat in range(north, south, -40)]
            + [(lon, south) for lon in range(east, west - 1, -20)])
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": SEA_ID, "properties": {},
         "geometry": {"type": "Polygon", "coordinates": [[list(point) for point in ring]]}}]}


SEA_GEOJSON = _sea_geojson()


@dataclass(frozen=True)
class CountryView:
    """One country as the map shows it (its Actions merged; the first kept Action leads)."""

    iso3: str
    name: str
    category: str
    category_name: str
    active: bool
    hover: tuple[str, ...]


def _country_views(countries: pd.DataFrame, mode: str, lang: str) -> list[CountryView]:
    """One view per country, ordered by iso3 (plain rows: a pandas group per country cost more
    than the rest of the map)."""
    code_column, name_prefix = MODE_COLUMNS[mode]
    by_country: dict[str, list[dict]] = {}
    for row in countries.to_dict("records"):
        by_country.setdefault(row["iso3"], []).append(row)
    views = []
    for iso3 in sorted(by_country):
        rows = by_country[iso3]
        kept = [row for row in rows if row["in_selection"]]
        lead = (kept or rows)[0]

        def joined(prefix: str, rows: list[dict] = rows) -> str:
            column = _lang_column(prefix, lang)
            return "; ".join(dict.fromkeys(row[column] for row in rows))

        pillars = sorted({number for row in rows for number in _pillar_numbers(row["pillars"])})
        pillar_text = ", ".join(str(number) for number in pillars) or "–"
        if pillars and {row["action_code"] for row in rows} & set(MAPPED_PILLAR_ACTIONS):
            pillar_text += f" ({t('pillars.mapped_mark', lang)})"
        hover = (
            str(lead[_lang_column("country_name", lang)]), joined("action_short"), joined("region_name"),
            joined("status_name"), "; ".join(dict.fromkeys(_role_text(row["role"], lang) for row in rows)),
            pillar_text,
        )
        views.append(CountryView(str(iso3), hover[0], str(lead[code_column]),
                                 str(lead[_lang_column(name_prefix, lang)]), bool(kept), hover))
    return views


def _hovertemplate(lang: str, extra_line: str | None = None) -> str:
    colon = t("map.colon", lang)
    lines = [
        "<b>%{customdata[1]}</b>",
        f"{t('map.hover.action', lang)}{colon}%{{customdata[2]}}",
        f"{t('map.hover.region', lang)}{colon}%{{customdata[3]}}",
        f"{t('map.hover.status', lang)}{colon}%{{customdata[4]}}",
        f"{t('map.hover.role', lang)}{colon}%{{customdata[5]}}",
        f"{t('map.hover.pillars', lang)}{colon}%{{customdata[6]}}",
    ]
    if extra_line:
        lines.append(f"<i>{extra_line}</i>")
    lines.append(f"<span style='font-size:11px'>{t('map.hover.click', lang)}</span>")
    return "<br>".join(lines) + "<extra></extra>"


def _flat_colorscale(colour: str) -> list[list[object]]:
    return [[0, colour], [1, colour]]


def _choropleth(*, geojson: object, locations: Sequence[str], colour: str, name: str,
                customdata: list[list[str]] | None, hovertemplate: str | None, border: str,
                border_width: float, legendrank: int, showlegend: bool = True,
                hoverinfo: str | None = None, uid: str) -> go.Choropleth:
    """One single-colour choropleth layer."""
    return go.Choropleth(
        geojson=geojson, featureidkey="id", locations=list(locations), z=[0] * len(locations),
        zmin=0, zmax=1, colorscale=_flat_colorscale(colour), showscale=False, name=name,
        legendgroup=uid, legendrank=legendrank, showlegend=showlegend, customdata=customdata,
        hovertemplate=hovertemplate, hoverinfo=hoverinfo, uid=uid,
        marker={"line": {"color": border, "width": border_width}},
    )


def _category_order(mode: str, codes: set[str]) -> list[str]:
    """Codes in the fixed order of the mode's palette, unknown codes after, alphabetically."""
    known = [code for code in MODE_COLOURS[mode] if code in codes]
    return known + sorted(codes - set(known))


def _tint(colour: str, share: float) -> str:
    """``colour`` mixed with white (``share`` of white)."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    mixed = (round(channel + (255 - channel) * share) for channel in (red, green, blue))
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def _province_traces(provinces: Sequence[Province], rada: pd.DataFrame, afghanistan: CountryView | None,
                     colour: str, lang: str) -> list[go.Choropleth]:
    """RADA's provinces in Afghanistan's colour with a dark outline, the others in a pale tint."""
    rada_names = {row["province_code"]: row[_lang_column("name", lang)] for row in rada.to_dict("records")}
    facts = list(afghanistan.hover[1:]) if afghanistan else ["–"] * 5
    country = afghanistan.name if afghanistan else ""
    traces = []
    for is_rada, name_key, label_key, fill, border, width in (
        (True, "map.legend.rada_provinces", "map.hover.province_rada", colour, RADA_BORDER, 1.4),
        (False, "map.legend.other_provinces", "map.hover.province_other", _tint(colour, 0.6), PROVINCE_BORDER, 0.5),
    ):
        chosen = [province for province in provinces if (province.code in rada_names) == is_rada]
        if not chosen:
            continue
        customdata = [
            [province.code, rada_names.get(province.code) or getattr(province, _lang_column("name", lang)),
             *facts, country]
            for province in chosen
        ]
        colon = t("map.colon", lang)
        template = ("<b>%{customdata[1]}</b> (%{customdata[7]})<br>"
                    f"<b>{t(label_key, lang)}</b><br>"
                    f"{t('map.hover.action', lang)}{colon}%{{customdata[2]}}<br>"
                    f"{t('map.hover.status', lang)}{colon}%{{customdata[4]}}<extra></extra>")
        traces.append(_choropleth(
            geojson=PROVINCES_URL, locations=[province.code for province in chosen], colour=fill,
            name=t(name_key, lang), customdata=customdata, hovertemplate=template, border=border,
            border_width=width, legendrank=900 + len(traces), uid=f"provinces-{'rada' if is_rada else 'other'}",
        ))
    return traces


def map_traces(countries: pd.DataFrame, *, mode: str, lang: str,
               provinces: Sequence[Province] | None = None, rada: pd.DataFrame | None = None) -> list[go.Choropleth]:
    """The map's traces, in drawing order.

    First an invisible sea layer under everything, which catches clicks outside the countries
    (where two layers contain the pointer, plotly geo reports the later one, so countries win);
    then one "not in the current filters" trace in plain grey, one trace per category of
    ``mode`` that the filters keep (legend names in ``lang``), and optionally Afghanistan's
    provinces, which then replace Afghanistan's country polygon so no two layers overlap.

    Args:
        countries: ``queries.map.map_countries`` rows.
        mode: ``action``, ``region`` or ``status``.
        lang: interface language.
        provinces: the shipped Afghan provinces, or None not to draw them.
        rada: ``queries.map.rada_provinces`` rows (which provinces an Action names, and names).
    """
    mode = colour_mode(mode)
    views = _country_views(countries, mode, lang)
    by_province = provinces is not None
    drawn = [view for view in views if not (by_province and view.iso3 == "AFG")]
    traces: list[go.Choropleth] = [_choropleth(
        geojson=SEA_GEOJSON, locations=[SEA_ID], colour="rgba(0,0,0,0)", name=SEA_ID, customdata=None,
        hovertemplate=None, hoverinfo="none", border="rgba(0,0,0,0)", border_width=0, legendrank=999,
        showlegend=False, uid=SEA_ID,
    )]
    inactive = [view for view in drawn if not view.active]
    if inactive:
        traces.append(_choropleth(
            geojson=COUNTRIES_URL, locations=[view.iso3 for view in inactive], colour=theme.INACTIVE_FILL,
            name=t("map.legend.inactive", lang), customdata=[[view.iso3, *view.hover] for view in inactive],
            hovertemplate=_hovertemplate(lang, t("map.hover.inactive", lang)), border=BORDER,
            border_width=0.6, legendrank=800, uid="inactive",
        ))
    active = [view for view in drawn if view.active]
    palette = MODE_COLOURS[mode]
    colours: dict[str, str] = {}
    for rank, code in enumerate(_category_order(mode, {view.category for view in views})):
        colours[code] = theme.colour_for(code, dict(palette), rank)
        members = [view for view in active if view.category == code]
        if not members:
            continue
        traces.append(_choropleth(
            geojson=COUNTRIES_URL, locations=[view.iso3 for view in members], colour=colours[code],
            name=members[0].category_name, customdata=[[view.iso3, *view.hover] for view in members],
            hovertemplate=_hovertemplate(lang), border=BORDER, border_width=0.6, legendrank=100 + rank,
            uid=f"category-{code}",
        ))
    if by_province:
        afghanistan = next((view for view in views if view.iso3 == "AFG"), None)
        colour = (colours.get(afghanistan.category, theme.INACTIVE_FILL)
                  if afghanistan and afghanistan.active else theme.INACTIVE_FILL)
        traces += _province_traces(provinces, rada if rada is not None else pd.DataFrame(
            columns=["province_code", "name_en", "name_fr"]), afghanistan, colour, lang)
    return traces


def programme_map(countries: pd.DataFrame, *, mode: str, lang: str,
                  provinces: Sequence[Province] | None = None, rada: pd.DataFrame | None = None) -> go.Figure:
    """The programme map: Action countries coloured by ``mode``, framed on Africa and Asia.

    It shows reference facts only (no demo values), so it carries no demo mark. A short form of
    the source page's disclaimer sits inside the figure, under the title and out of the map, so
    an exported image keeps it.
    """
    mode = colour_mode(mode)
    by_province = provinces is not None
    figure = new_figure(map_traces(countries, mode=mode, lang=lang, provinces=provinces, rada=rada))
    base_layout(figure, title=t(f"map.figure.title.{mode}", lang), lang=lang, demo=False)
    # The disclaimer box also names the kind of data, so a downloaded image keeps it.
    frame_map(figure, lang, kind_line=t("kind.short.mapping", lang), by_province=by_province,
              title_height=title_block(1, 0))
    # The legend sits at the foot of the figure (container), not under the plot area (paper):
    # plotly places a paper legend with the margins of the previous draw, and a geo figure gets no
    # second margin pass, so a map drawn into a graph that first held the empty figure kept its
    # legend over southern Africa on a phone. At the foot its place is the height minus its own.
    figure.update_layout(
        legend={"title": {"text": t(f"map.colour.{mode}", lang), "side": "top"}, "orientation": "h",
                "x": 0, "y": 0, "yref": "container", "yanchor": "bottom", "traceorder": "normal",
                "itemclick": "toggle"},
        meta={"demo": False, "colour_mode": mode, "kind": "mapping", "provinces": by_province},
    )
    return figure


def title_block(title_lines: int, source_lines: int) -> int:
    """Height in pixels of a map's title block: the pad left for plotly's toolbar, the title's
    lines and its small source lines."""
    return TITLE_PAD + TITLE_LINE * title_lines + SOURCE_LINE * source_lines


def frame_map(figure: go.Figure, lang: str, kind_line: str | None = None, by_province: bool = False,
              title_height: int = 0) -> go.Figure:
    """The frame every map of this page shares: base map on Africa and Asia (on Afghanistan when
    ``by_province``), pan, the title at the top and, under it, out of the map, the disclaimer
    (with ``kind_line``, the kind of data, under it when given). ``title_height``: the title
    block's height (``title_block``); the plot area starts under the disclaimer."""
    lon_range, lat_range = ((AFGHANISTAN_LON_RANGE, AFGHANISTAN_LAT_RANGE) if by_province
                            else (LON_RANGE, LAT_RANGE))
    disclaimer = t("map.disclaimer_short", lang) + (f"<br><i>{kind_line}</i>" if kind_line else "")
    disclaimer_height = DISCLAIMER_LINE * (disclaimer.count("<br>") + 1) + DISCLAIMER_GAP
    figure.update_layout(
        title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": TITLE_PAD}, "font": {"size": TITLE_SIZE}},
        geo={
            "projection": {"type": "natural earth"}, "fitbounds": False,
            "lonaxis": {"range": list(lon_range)}, "lataxis": {"range": list(lat_range)},
            "showland": True, "landcolor": theme.LAND, "showcountries": True,
            "countrycolor": theme.LAND_BORDER, "countrywidth": 0.5, "showcoastlines": True,
            "coastlinecolor": "#b8c0cc", "coastlinewidth": 0.5, "showocean": True, "oceancolor": "#f3f7fb",
            "showlakes": False, "showframe": False, "resolution": 110, "bgcolor": "white",
        },
        margin={"l": 0, "r": 0, "t": title_height + disclaimer_height, "b": 0},
        # Left-aligned lines read as a list wherever plotly puts the box (centred on a phone).
        hoverlabel={"align": "left"},
        dragmode="pan",
        # A new frame (provinces on or off) resets a person's pan and zoom; a new colouring keeps it.
        uirevision=f"programme-map-{'provinces' if by_province else 'countries'}",
    )
    # In the band between the title and the plot area: it never covers a country, at any width.
    figure.add_annotation(
        text=disclaimer, xref="paper", yref="paper", x=0, y=1, xanchor="left", yanchor="bottom",
        yshift=DISCLAIMER_GAP // 2, showarrow=False, align="left", font={"size": DISCLAIMER_SIZE, "color": theme.MUTED},
        name="disclaimer",
    )
    return figure


def programme_map_patch(countries: pd.DataFrame, *, mode: str, lang: str,
                        provinces: Sequence[Province] | None = None, rada: pd.DataFrame | None = None) -> Patch:
    """The change that turns the drawn map into ``programme_map(...)`` with other traces: the
    trace list, title, legend title, meta and the frame (Afghanistan by province or Africa and
    Asia); the base map and disclaimer stay."""
    return figure_patch(programme_map(countries, mode=mode, lang=lang, provinces=provinces, rada=rada))


def figure_patch(figure: go.Figure) -> Patch:
    """The change that turns the drawn map into ``figure``: traces, title, legend, margin,
    annotations, colour axis, meta and the frame (with its ``uirevision``)."""
    patch = Patch()
    patch["data"] = [trace.to_plotly_json() for trace in figure.data]
    patch["layout"]["geo"]["lonaxis"]["range"] = list(figure.layout.geo.lonaxis.range)
    patch["layout"]["geo"]["lataxis"]["range"] = list(figure.layout.geo.lataxis.range)
    patch["layout"]["uirevision"] = figure.layout.uirevision
    patch["layout"]["title"]["text"] = figure.layout.title.text
    patch["layout"]["legend"] = figure.layout.legend.to_plotly_json()
    patch["layout"]["margin"] = figure.layout.margin.to_plotly_json()
    patch["layout"]["annotations"] = [annotation.to_plotly_json() for annotation in figure.layout.annotations]
    # The amount maps' shared colour scale (a categorical map has none: no trace refers to it).
    patch["layout"]["coloraxis"] = figure.layout.coloraxis.to_plotly_json()
    patch["layout"]["meta"] = figure.layout.meta
    return patch


# ---------------------------------------------------------------- the profile's trend
def country_trend_chart(trend: pd.DataFrame, *, title: str, lang: str, demo: bool) -> go.Figure:
    """A small quarterly line of one indicator in one country (``queries.map.country_trend``)."""
    if trend.empty:
        return empty_figure(t("chart.empty", lang), lang=lang)
    figure = new_figure(go.Scatter(
        x=trend["period"], y=trend["value"], mode="lines+markers", name=title,
        line={"color": theme.QUALITATIVE[0], "width": 2}, marker={"size": 5},
        customdata=[_quarter_text(period, lang) for period in trend["period"]],
        hovertemplate=f"%{{customdata}}{t('map.colon', lang)}%{{y:,.0f}}<extra></extra>",
    ))
    base_layout(figure, title=title, lang=lang, demo=demo)
    figure.update_layout(
        height=220, margin={"l": 44, "r": 8, "t": 48, "b": 28}, showlegend=False,
        title={"font": {"size": 13}}, xaxis={"title": {"text": ""}, "tickformat": "%Y"},
        yaxis={"title": {"text": ""}, "rangemode": "tozero"},
    )
    return figure
