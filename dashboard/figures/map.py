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
from dash import Patch, html

from dashboard import theme
from dashboard.catalog import Catalog
from dashboard.data_kinds import MAPPED_PILLAR_ACTIONS
from dashboard.figures.common import base_layout, empty_figure, new_figure
from dashboard.geometry import COUNTRIES_URL, PROVINCES_URL, Province
from dashboard.i18n import TEXT, format_number, format_percent, normalise_language, quarter_label, t
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


def _lang_column(prefix: str, lang: str) -> str:
    return f"{prefix}_{normalise_language(lang)}"


def _role_text(role: object, lang: str) -> str:
    return t(f"role.{role}", lang) if role in ("host", "origin") else t("role.none", lang)


def _pillar_numbers(pillars: object) -> list[int]:
    return [int(number) for number in (pillars if pillars is not None else [])]


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
    the source page's disclaimer sits inside the figure, so an exported image keeps it.
    """
    mode = colour_mode(mode)
    by_province = provinces is not None
    figure = new_figure(map_traces(countries, mode=mode, lang=lang, provinces=provinces, rada=rada))
    base_layout(figure, title=t(f"map.figure.title.{mode}", lang), lang=lang, demo=False)
    # The disclaimer box also names the kind of data, so a downloaded image keeps it.
    frame_map(figure, lang, kind_line=t("kind.short.mapping", lang), by_province=by_province)
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


def frame_map(figure: go.Figure, lang: str, kind_line: str | None = None, by_province: bool = False) -> go.Figure:
    """The frame every map of this page shares: base map on Africa and Asia (on Afghanistan when
    ``by_province``), pan, the disclaimer (with ``kind_line``, the kind of data, under it when given)."""
    lon_range, lat_range = ((AFGHANISTAN_LON_RANGE, AFGHANISTAN_LAT_RANGE) if by_province
                            else (LON_RANGE, LAT_RANGE))
    figure.update_layout(
        geo={
            "projection": {"type": "natural earth"}, "fitbounds": False,
            "lonaxis": {"range": list(lon_range)}, "lataxis": {"range": list(lat_range)},
            "showland": True, "landcolor": theme.LAND, "showcountries": True,
            "countrycolor": theme.LAND_BORDER, "countrywidth": 0.5, "showcoastlines": True,
            "coastlinecolor": "#b8c0cc", "coastlinewidth": 0.5, "showocean": True, "oceancolor": "#f3f7fb",
            "showlakes": False, "showframe": False, "resolution": 110, "bgcolor": "white",
        },
        margin={"l": 0, "r": 0, "t": 40, "b": 0},
        dragmode="pan",
        # A new frame (provinces on or off) resets a person's pan and zoom; a new colouring keeps it.
        uirevision=f"programme-map-{'provinces' if by_province else 'countries'}",
    )
    # Top left is open sea and land of no Action (Atlantic, southern Europe) at every width.
    figure.add_annotation(
        text=t("map.disclaimer_short", lang) + (f"<br><i>{kind_line}</i>" if kind_line else ""),
        xref="paper", yref="paper", x=0, y=1, xanchor="left",
        yanchor="top", showarrow=False, align="left", font={"size": 10, "color": theme.MUTED},
        bgcolor="rgba(255,255,255,0.75)", name="disclaimer",
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
    annotations, meta and the frame (with its ``uirevision``)."""
    patch = Patch()
    patch["data"] = [trace.to_plotly_json() for trace in figure.data]
    patch["layout"]["geo"]["lonaxis"]["range"] = list(figure.layout.geo.lonaxis.range)
    patch["layout"]["geo"]["lataxis"]["range"] = list(figure.layout.geo.lataxis.range)
    patch["layout"]["uirevision"] = figure.layout.uirevision
    patch["layout"]["title"]["text"] = figure.layout.title.text
    patch["layout"]["legend"] = figure.layout.legend.to_plotly_json()
    patch["layout"]["margin"] = figure.layout.margin.to_plotly_json()
    patch["layout"]["annotations"] = [annotation.to_plotly_json() for annotation in figure.layout.annotations]
    patch["layout"]["meta"] = figure.layout.meta
    return patch


def _action_rank(code: str) -> int:
    order = list(theme.ACTION_COLOURS)
    return order.index(code) if code in order else len(order)


def map_summary(countries: pd.DataFrame, *, lang: str) -> str:
    """One sentence saying what the map fills: how many countries the filters keep, per Action."""
    kept = countries[countries["in_selection"]]
    if kept.empty:
        return t("map.summary.none", lang)
    total, active = countries["iso3"].nunique(), kept["iso3"].nunique()
    per_action = kept.groupby("action_code")["iso3"].nunique()
    names = kept.drop_duplicates("action_code").set_index("action_code")[_lang_column("action_short", lang)]
    actions = t("map.list_separator", lang).join(
        t("map.summary.action_count", lang, name=names[code], count=format_number(per_action[code], lang))
        for code in sorted(per_action.index, key=_action_rank)
    )
    if active == total:
        return t("map.summary.all", lang, total=format_number(total, lang), actions=actions)
    return t("map.summary", lang, active=format_number(active, lang), total=format_number(total, lang),
             actions=actions)


def global_note(components: pd.DataFrame, *, lang: str) -> list:
    """The note about components that have no country (the Pilot Action's KMH), or []."""
    if components.empty:
        return []
    items = []
    for row in components.to_dict("records"):
        established = pd.Timestamp(row["established"]).year if pd.notna(row["established"]) else "–"
        items.append(html.P([
            html.Strong(t("map.global.text", lang, name=row[_lang_column("name", lang)],
                          action=row[_lang_column("action_short", lang)], year=established)),
            " ", row[_lang_column("note", lang)] or "",
        ], className="mb-0"))
    return [html.Div(t("map.global.heading", lang), className="fw-semibold"), *items]


# ---------------------------------------------------------------- country profile
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


def _format_date(value: object) -> str | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()


def published_label(code: str, catalog: Catalog, lang: str) -> str:
    """The name of a published figure's indicator: the store's indicator name, else the page's."""
    if code in catalog.indicators:
        return catalog.indicators[code].name(lang)
    key = f"map.pub.{code}"
    return t(key, lang) if key in TEXT else code.replace("_", " ")


def published_value(code: str, value: float, qualifier: str, lang: str) -> str:
    """'more than 15,000', 'exactly €18,000,000', '84%': the qualifier then the value in its unit."""
    if code.endswith("_pct"):
        number = format_percent(value / 100, lang)
    elif code.endswith("_eur"):
        number = t("map.unit.eur", lang, value=format_number(value, lang))
    else:
        number = format_number(value, lang)
    key = f"map.qualifier.{qualifier}"
    return f"{t(key, lang)} {number}" if key in TEXT else f"{qualifier} {number}"


def _definition_list(pairs: list[tuple[str, object]]) -> html.Dl:
    children: list = []
    for term, description in pairs:
        children += [html.Dt(term, className="col-4 fw-normal text-muted"), html.Dd(description, className="col-8 mb-1")]
    return html.Dl(children, className="row small mb-2")


def _facts_block(facts: pd.DataFrame, catalog: Catalog, lang: str) -> list:
    blocks = []
    for row in facts.to_dict("records"):
        start, end = _format_date(row["start_date"]), _format_date(row["end_date"])
        unknown = t("map.profile.date_unknown", lang)
        dates: list = [t("map.profile.date_range", lang, start=start or unknown, end=end or unknown)]
        if row["dates_source"]:
            dates += [" (", html.A(t("map.profile.dates_source", lang), href=row["dates_source"], target="_blank",
                                   rel="noopener noreferrer", title=t("map.profile.new_tab", lang)), ")"]
        blocks.append(_definition_list([
            (t("map.profile.action", lang), [html.Strong(row[_lang_column("action_short", lang)]), html.Br(),
                                             html.Span(row[_lang_column("action_name", lang)], className="text-muted")]),
            (t("map.profile.region", lang), row[_lang_column("region_name", lang)]),
            (t("map.profile.status", lang), row[_lang_column("status_name", lang)]),
            (t("map.profile.role", lang), _role_text(row["role"], lang)),
            (t("map.profile.dates", lang), dates),
        ]))
        pillars = _pillar_numbers(row["pillars"])
        mapped = row["action_code"] in MAPPED_PILLAR_ACTIONS
        blocks.append(html.H3([t("map.profile.pillars", lang),
                               html.Small(f" ({t('pillars.mapped_mark', lang)})", className="text-muted fw-normal")
                               if mapped and pillars else None], className="h6 mt-2"))
        blocks.append(html.Ul([html.Li(catalog.pillars[number].name(lang) if number in catalog.pillars else str(number),
                                       **{"data-pillar": str(number)})
                               for number in pillars], className="small mb-1 map-profile-pillars")
                      if pillars else html.P(t("map.profile.pillars_none", lang), className="small"))
        note = row[_lang_column("pillar_note", lang)]
        if isinstance(note, str) and note:
            blocks.append(html.P(note, className="small text-muted fst-italic"))
    return blocks


def _headline_block(headline: pd.DataFrame, lang: str, demo: bool) -> list:
    heading = [t("map.profile.headline", lang)]
    if demo:
        heading += [" ", html.Span(t("chart.demo_mark", lang), className="badge text-bg-warning align-middle",
                                   title=t("map.profile.demo_note", lang))]
    blocks: list = [html.H3(heading, className="h6 mt-3")]
    if headline.empty:
        return blocks + [html.P(t("map.profile.headline_empty", lang), className="small text-muted")]
    items = []
    for row in headline.to_dict("records"):
        items.append(html.Li([
            html.Span(row[_lang_column("name", lang)]), t("map.colon", lang),
            html.Strong(format_number(row["value"], lang), **{"data-indicator": row["indicator_code"]}),
            html.Br(), html.Small(row[_lang_column("definition", lang)], className="text-muted"),
        ], className="mb-1"))
    blocks.append(html.Ul(items, className="list-unstyled small mb-1 map-profile-headline"))
    if demo:
        blocks.append(html.P(t("map.profile.demo_note", lang), className="small text-muted mb-1"))
    return blocks


def _published_block(published: pd.DataFrame, facts: pd.DataFrame, catalog: Catalog, lang: str) -> list:
    blocks: list = [html.H3(t("map.profile.published", lang), className="h6 mt-3"),
                    html.P(t("map.profile.published_caption", lang), className="small text-muted mb-1")]
    if published.empty:
        return blocks + [html.P(t("map.profile.published_empty", lang), className="small")]
    country = facts.iloc[0][_lang_column("country_name", lang)] if not facts.empty else ""
    groups = []
    for level in ("country", "action", "initiative"):
        rows = published[published["level"] == level]
        for action_code, action_rows in rows.groupby("action_code", sort=False):
            action = catalog.actions[action_code].name(lang) if action_code in catalog.actions else action_code
            label = t(f"map.profile.level.{level}", lang, country=country, action=action)
            items = [
                html.Li([
                    published_label(row["indicator"], catalog, lang), t("map.colon", lang),
                    html.Strong(published_value(row["indicator"], row["value"], row["qualifier"], lang)),
                    " ", html.Span(t("map.profile.as_of", lang, date=_format_date(row["as_of"])), className="text-muted"),
                    " · ", html.A(t("map.profile.source", lang), href=row["source_url"], target="_blank",
                                  rel="noopener noreferrer", title=t("map.profile.new_tab", lang)),
                ], **{"data-figure-id": str(row["figure_id"])})
                for row in action_rows.to_dict("records")
            ]
            groups.append(html.Div([html.Div(label, className="small fw-semibold"),
                                    html.Ul(items, className="small mb-2 map-profile-published")],
                                   **{"data-level": level}))
    return blocks + groups


def lead_indicator(headline: pd.DataFrame) -> str | None:
    """The indicator the profile's trend shows: the first headline indicator with data."""
    return None if headline.empty else str(headline.iloc[0]["indicator_code"])


def indicator_name(indicator_code: str, catalog: Catalog, lang: str) -> str:
    """An indicator's name in ``lang`` (its code if the catalog does not know it)."""
    named = catalog.indicators.get(indicator_code)
    return named.name(lang) if named else indicator_code


def trend_title(indicator_code: str, country: str, catalog: Catalog, lang: str) -> str:
    """Title of the profile's trend chart: the country, the indicator's name, by quarter."""
    return t("map.profile.trend_title", lang, country=country, indicator=indicator_name(indicator_code, catalog, lang))


def country_profile(facts: pd.DataFrame, headline: pd.DataFrame, published: pd.DataFrame, *, catalog: Catalog,
                    lang: str, demo: bool) -> tuple[str, list, list]:
    """The title of the country profile panel, its body above the trend chart (facts and
    headline indicators) and its part under the trend (published figures).

    Args:
        facts: ``queries.map.country_facts`` rows (empty: the hint is shown instead).
        headline: ``queries.map.country_headline`` rows under the current filters.
        published: ``queries.map.published_for_country`` rows, shown apart and never combined
            with ``headline``.
        catalog: names of pillars, Actions and indicators.
        lang: interface language.
        demo: whether the indicator values are demo data.
    """
    if facts.empty:
        return (t("map.profile.heading", lang), [html.P(t("map.profile.hint", lang), className="small text-muted")],
                [])
    country = str(facts.iloc[0][_lang_column("country_name", lang)])
    body = [*_facts_block(facts, catalog, lang), *_headline_block(headline, lang, demo)]
    return country, body, _published_block(published, facts, catalog, lang)


# ---------------------------------------------------------------- data behind the charts
def _yes_no(value: bool, lang: str) -> str:
    return t("map.yes" if value else "map.no", lang)


def map_table(countries: pd.DataFrame, *, mode: str, lang: str, provinces: Sequence[Province] | None = None,
              rada: pd.DataFrame | None = None) -> pd.DataFrame:
    """The map as a table: one row per country it fills (per province of Afghanistan when drawn
    by province), read from the very traces ``programme_map`` draws with the same arguments.

    Columns (in ``lang``): country code, country, [province code, province,] Action code,
    Action, region, status, role, pillars that apply, map colour (the legend entry whose colour
    fills it) and whether it is within the current filters. Ordered by country, then province.
    """
    mode = colour_mode(mode)
    active = {view.iso3: view.active for view in _country_views(countries, mode, lang)}
    action_codes = {str(iso3): "; ".join(dict.fromkeys(rows["action_code"].astype(str)))
                    for iso3, rows in countries.groupby("iso3", sort=True)}
    by_province = provinces is not None
    rows = []
    for trace in map_traces(countries, mode=mode, lang=lang, provinces=provinces, rada=rada):
        if trace.uid == SEA_ID:
            continue
        for location, data in zip(trace.locations, trace.customdata, strict=True):
            is_province = str(location).startswith("AF-")
            iso3, country = ("AFG", data[7]) if is_province else (location, data[1])
            facts = list(data[2:7])
            row = {"country_code": iso3, "country": country}
            if by_province:
                row |= {"province_code": location if is_province else "", "province": data[1] if is_province else ""}
            row |= {"action_code": action_codes.get(iso3, ""), "action": facts[0], "region": facts[1],
                    "status": facts[2], "role": facts[3], "pillars": facts[4], "colour": trace.name,
                    "in_filters": _yes_no(active.get(iso3, False), lang)}
            rows.append(row)
    columns = ["country_code", "country", *(["province_code", "province"] if by_province else []), "action_code",
               "action", "region", "status", "role", "pillars", "colour", "in_filters"]
    table = pd.DataFrame(rows, columns=columns).sort_values(
        ["country_code", *(["province_code"] if by_province else [])], kind="stable", ignore_index=True)
    return table.rename(columns={column: t(f"map.col.{column}", lang) for column in columns})


def _quarter_text(period: object, lang: str) -> str:
    stamp = pd.Timestamp(period)
    return quarter_label(f"{stamp.year}-Q{(stamp.month - 1) // 3 + 1}", lang)


def _unit_text(unit: str, lang: str) -> str:
    key = f"map.unit.{unit}"
    return t(key, lang) if key in TEXT else unit


def trend_table(trend: pd.DataFrame | None, *, iso3: str, country: str, indicator_code: str, indicator: str,
                unit: str, lang: str) -> pd.DataFrame:
    """The trend chart's points (``queries.map.country_trend``; None: no trend shown), one row
    per quarter.

    Columns (in ``lang``): country code, country, indicator code, indicator, quarter, quarter
    start (ISO date), value (in its unit).
    """
    periods = [] if trend is None else [pd.Timestamp(period) for period in trend["period"]]
    values = [] if trend is None else trend["value"].astype(float).tolist()
    count = len(periods)
    return pd.DataFrame({
        t("map.col.country_code", lang): [iso3] * count,
        t("map.col.country", lang): [country] * count,
        t("map.col.indicator_code", lang): [indicator_code] * count,
        t("map.col.indicator", lang): [indicator] * count,
        t("map.col.quarter", lang): [_quarter_text(period, lang) for period in periods],
        t("map.col.quarter_start", lang): [period.date().isoformat() for period in periods],
        t("map.col.value", lang, unit=_unit_text(unit, lang)): values,
    })


def trend_summary(trend: pd.DataFrame, *, country: str, indicator: str, lang: str) -> str:
    """One sentence on the trend: its span, and its highest and lowest quarters."""
    if trend.empty:
        return t("map.trend.summary.none", lang, country=country)
    values = trend["value"].astype(float).tolist()
    quarters = [_quarter_text(period, lang) for period in trend["period"]]
    if len(values) == 1:
        return t("map.trend.summary.one", lang, country=country, indicator=indicator, quarter=quarters[0],
                 value=format_number(values[0], lang))
    high, low = values.index(max(values)), values.index(min(values))
    return t("map.trend.summary", lang, country=country, indicator=indicator, first=quarters[0], last=quarters[-1],
             high=quarters[high], high_value=format_number(values[high], lang), low=quarters[low],
             low_value=format_number(values[low], lang))
