"""The data behind the map and the profile's trend, as the tables downloads and table views show."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.figures.map import SEA_ID, _country_views, map_traces
from dashboard.geometry import Province
from dashboard.i18n import TEXT, t
from dashboard.labels.map import _quarter_text
from dashboard.vocabulary import colour_mode


def lead_indicator(headline: pd.DataFrame) -> str | None:
    """The indicator the profile's trend shows: the first headline indicator with data."""
    return None if headline.empty else str(headline.iloc[0]["indicator_code"])


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
