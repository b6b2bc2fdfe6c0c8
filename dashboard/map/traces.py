"""The programme map's traces and the countries they show: the figure draws them
(``figures.programme_map``) and the map's table lists what they fill (``frames.map_table``), so
the table always holds what the map shows.

Traces are plain data (``dashboard.common.figures.trace``): the dicts plotly would make of its
choropleth objects, without their validation and copies (most of the map's CPU).

The traces' ``geojson`` is the URL of the shipped geometry (``dashboard.map.geometry``): plotly.js
fetches it once per page from the app's own server, so no figure or update carries polygons.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from dashboard.common import theme
from dashboard.common.data_kinds import MAPPED_PILLAR_ACTIONS
from dashboard.common.figures import trace
from dashboard.i18n import t
from dashboard.map.geometry import COUNTRIES_URL, PROVINCES_URL, Province
from dashboard.map.labels import colour_mode, lang_column, pillar_numbers, role_text

# Colouring mode -> (code column, name column prefix) of ``queries.map_countries``.
MODE_COLUMNS = {
    "action": ("action_code", "action_short"),
    "region": ("region_code", "region_name"),
    "status": ("status_code", "status_name"),
}


MODE_COLOURS: Mapping[str, Mapping[str, str]] = {
    "action": theme.ACTION_COLOURS,
    "region": theme.REGION_COLOURS,
    "status": theme.STATUS_COLOURS,
}


SEA_ID = "sea"


BORDER = "#ffffff"


PROVINCE_BORDER = "#ffffff"


RADA_BORDER = theme.TEXT


def _sea_geojson() -> dict:
    """One invisible polygon behind the whole frame: a click on the sea or on plain land hits it,
    so plotly reports the click (plotly geo reports no click outside a trace's polygons)."""
    # Steps under 180 degrees, so plotly does not take an edge for an antimeridian crossing.
    west, east, south, north = -60, 160, -80, 80
    ring = (
        [(west, lat) for lat in range(south, north, 40)]
        + [(lon, north) for lon in range(west, east, 20)]
        + [(east, lat) for lat in range(north, south, -40)]
        + [(lon, south) for lon in range(east, west - 1, -20)]
    )
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": SEA_ID,
                "properties": {},
                "geometry": {"type": "Polygon", "coordinates": [[list(point) for point in ring]]},
            }
        ],
    }


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


def country_views(countries: pd.DataFrame, mode: str, lang: str) -> list[CountryView]:
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
            column = lang_column(prefix, lang)
            return "; ".join(dict.fromkeys(row[column] for row in rows))

        pillars = sorted({number for row in rows for number in pillar_numbers(row["pillars"])})
        pillar_text = ", ".join(str(number) for number in pillars) or "–"
        if pillars and {row["action_code"] for row in rows} & set(MAPPED_PILLAR_ACTIONS):
            pillar_text += f" ({t('pillars.mapped_mark', lang)})"
        hover = (
            str(lead[lang_column("country_name", lang)]),
            joined("action_short"),
            joined("region_name"),
            joined("status_name"),
            "; ".join(dict.fromkeys(role_text(row["role"], lang) for row in rows)),
            pillar_text,
        )
        views.append(
            CountryView(
                str(iso3),
                hover[0],
                str(lead[code_column]),
                str(lead[lang_column(name_prefix, lang)]),
                bool(kept),
                hover,
            )
        )
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


def _choropleth(
    *,
    geojson: object,
    locations: Sequence[str],
    colour: str,
    name: str,
    customdata: list[list[str]] | None,
    hovertemplate: str | None,
    border: str,
    border_width: float,
    legendrank: int,
    showlegend: bool = True,
    hoverinfo: str | None = None,
    uid: str,
) -> dict:
    """One single-colour choropleth layer."""
    return trace(
        "choropleth",
        geojson=geojson,
        featureidkey="id",
        locations=list(locations),
        z=[0] * len(locations),
        zmin=0,
        zmax=1,
        colorscale=_flat_colorscale(colour),
        showscale=False,
        name=name,
        legendgroup=uid,
        legendrank=legendrank,
        showlegend=showlegend,
        customdata=customdata,
        hovertemplate=hovertemplate,
        hoverinfo=hoverinfo,
        uid=uid,
        marker={"line": {"color": border, "width": border_width}},
    )


def _category_order(mode: str, codes: set[str]) -> list[str]:
    """Codes in the fixed order of the mode's palette, unknown codes after, alphabetically."""
    known = [code for code in MODE_COLOURS[mode] if code in codes]
    return known + sorted(codes - set(known))


def _tint(colour: str, share: float) -> str:
    """``colour`` mixed with white (``share`` of white)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(channel + (255 - channel) * share) for channel in (red, green, blue))
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def _province_traces(
    provinces: Sequence[Province],
    rada: pd.DataFrame,
    afghanistan: CountryView | None,
    colour: str,
    lang: str,
) -> list[dict]:
    """RADA's provinces in Afghanistan's colour with a dark outline, the others in a pale tint."""
    rada_names = {
        row["province_code"]: row[lang_column("name", lang)] for row in rada.to_dict("records")
    }
    facts = list(afghanistan.hover[1:]) if afghanistan else ["–"] * 5
    country = afghanistan.name if afghanistan else ""
    traces: list[dict] = []
    for is_rada, name_key, label_key, fill, border, width in (
        (True, "map.legend.rada_provinces", "map.hover.province_rada", colour, RADA_BORDER, 1.4),
        (
            False,
            "map.legend.other_provinces",
            "map.hover.province_other",
            _tint(colour, 0.6),
            PROVINCE_BORDER,
            0.5,
        ),
    ):
        chosen = [province for province in provinces if (province.code in rada_names) == is_rada]
        if not chosen:
            continue
        customdata = [
            [
                province.code,
                rada_names.get(province.code) or getattr(province, lang_column("name", lang)),
                *facts,
                country,
            ]
            for province in chosen
        ]
        colon = t("map.colon", lang)
        template = (
            "<b>%{customdata[1]}</b> (%{customdata[7]})<br>"
            f"<b>{t(label_key, lang)}</b><br>"
            f"{t('map.hover.action', lang)}{colon}%{{customdata[2]}}<br>"
            f"{t('map.hover.status', lang)}{colon}%{{customdata[4]}}<extra></extra>"
        )
        traces.append(
            _choropleth(
                geojson=PROVINCES_URL,
                locations=[province.code for province in chosen],
                colour=fill,
                name=t(name_key, lang),
                customdata=customdata,
                hovertemplate=template,
                border=border,
                border_width=width,
                legendrank=900 + len(traces),
                uid=f"provinces-{'rada' if is_rada else 'other'}",
            )
        )
    return traces


def map_traces(
    countries: pd.DataFrame,
    *,
    mode: str,
    lang: str,
    provinces: Sequence[Province] | None = None,
    rada: pd.DataFrame | None = None,
) -> list[dict]:
    """The map's traces (plain data), in drawing order.

    First an invisible sea layer under everything, which catches clicks outside the countries
    (where two layers contain the pointer, plotly geo reports the later one, so countries win);
    then one "not in the current filters" trace in plain grey, one trace per category of
    ``mode`` that the filters keep (legend names in ``lang``), and optionally Afghanistan's
    provinces, which then replace Afghanistan's country polygon so no two layers overlap.

    Args:
        countries: ``queries.map_countries`` rows.
        mode: ``action``, ``region`` or ``status``.
        lang: interface language.
        provinces: the shipped Afghan provinces, or None not to draw them.
        rada: ``queries.rada_provinces`` rows (which provinces an Action names, and names).
    """
    mode = colour_mode(mode)
    views = country_views(countries, mode, lang)
    drawn = [view for view in views if not (provinces is not None and view.iso3 == "AFG")]
    traces: list[dict] = [
        _choropleth(
            geojson=SEA_GEOJSON,
            locations=[SEA_ID],
            colour="rgba(0,0,0,0)",
            name=SEA_ID,
            customdata=None,
            hovertemplate=None,
            hoverinfo="none",
            border="rgba(0,0,0,0)",
            border_width=0,
            legendrank=999,
            showlegend=False,
            uid=SEA_ID,
        )
    ]
    inactive = [view for view in drawn if not view.active]
    if inactive:
        traces.append(
            _choropleth(
                geojson=COUNTRIES_URL,
                locations=[view.iso3 for view in inactive],
                colour=theme.INACTIVE_FILL,
                name=t("map.legend.inactive", lang),
                customdata=[[view.iso3, *view.hover] for view in inactive],
                hovertemplate=_hovertemplate(lang, t("map.hover.inactive", lang)),
                border=BORDER,
                border_width=0.6,
                legendrank=800,
                uid="inactive",
            )
        )
    active = [view for view in drawn if view.active]
    palette = MODE_COLOURS[mode]
    colours: dict[str, str] = {}
    for rank, code in enumerate(_category_order(mode, {view.category for view in views})):
        colours[code] = theme.colour_for(code, dict(palette), rank)
        members = [view for view in active if view.category == code]
        if not members:
            continue
        traces.append(
            _choropleth(
                geojson=COUNTRIES_URL,
                locations=[view.iso3 for view in members],
                colour=colours[code],
                name=members[0].category_name,
                customdata=[[view.iso3, *view.hover] for view in members],
                hovertemplate=_hovertemplate(lang),
                border=BORDER,
                border_width=0.6,
                legendrank=100 + rank,
                uid=f"category-{code}",
            )
        )
    if provinces is not None:
        afghanistan = next((view for view in views if view.iso3 == "AFG"), None)
        colour = (
            colours.get(afghanistan.category, theme.INACTIVE_FILL)
            if afghanistan and afghanistan.active
            else theme.INACTIVE_FILL
        )
        traces += _province_traces(
            provinces,
            rada
            if rada is not None
            else pd.DataFrame(columns=["province_code", "name_en", "name_fr"]),
            afghanistan,
            colour,
            lang,
        )
    return traces
