"""The data behind the map (coloured by category or by an amount) and the profile's trend, as the
tables downloads and table views show."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.cells import number
from dashboard.common.eutf import indicator_code, indicator_label
from dashboard.i18n import TEXT, t
from dashboard.map.amounts import AmountSpec
from dashboard.map.geometry import Province
from dashboard.map.labels import colour_mode, quarter_text
from dashboard.map.traces import SEA_ID, country_views, map_traces


def lead_indicator(headline: pd.DataFrame) -> str | None:
    """The indicator the profile's trend shows: the first headline indicator with data."""
    return None if headline.empty else str(headline.iloc[0]["indicator_code"])


def _yes_no(value: bool, lang: str) -> str:
    return t("map.yes" if value else "map.no", lang)


def map_table(
    countries: pd.DataFrame,
    *,
    mode: str,
    lang: str,
    provinces: Sequence[Province] | None = None,
    rada: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The map as a table: one row per country it fills (per province of Afghanistan when drawn
    by province), read from the very traces ``programme_map`` draws with the same arguments.

    Columns (in ``lang``): country code, country, [province code, province,] Action code,
    Action, region, status, role, pillars that apply, map colour (the legend entry whose colour
    fills it) and whether it is within the current filters. Ordered by country, then province.
    """
    mode = colour_mode(mode)
    active = {view.iso3: view.active for view in country_views(countries, mode, lang)}
    action_codes = {
        str(iso3): "; ".join(dict.fromkeys(rows["action_code"].astype(str)))
        for iso3, rows in countries.groupby("iso3", sort=True)
    }
    by_province = provinces is not None
    rows = []
    for trace in map_traces(countries, mode=mode, lang=lang, provinces=provinces, rada=rada):
        if trace["uid"] == SEA_ID:
            continue
        for location, data in zip(trace["locations"], trace["customdata"], strict=True):
            is_province = str(location).startswith("AF-")
            iso3, country = ("AFG", data[7]) if is_province else (location, data[1])
            facts = list(data[2:7])
            row = {"country_code": iso3, "country": country}
            if by_province:
                row |= {
                    "province_code": location if is_province else "",
                    "province": data[1] if is_province else "",
                }
            row |= {
                "action_code": action_codes.get(iso3, ""),
                "action": facts[0],
                "region": facts[1],
                "status": facts[2],
                "role": facts[3],
                "pillars": facts[4],
                "colour": trace["name"],
                "in_filters": _yes_no(active.get(iso3, False), lang),
            }
            rows.append(row)
    columns = [
        "country_code",
        "country",
        *(["province_code", "province"] if by_province else []),
        "action_code",
        "action",
        "region",
        "status",
        "role",
        "pillars",
        "colour",
        "in_filters",
    ]
    table = pd.DataFrame(rows, columns=columns).sort_values(
        ["country_code", *(["province_code"] if by_province else [])],
        kind="stable",
        ignore_index=True,
    )
    return table.rename(columns={column: t(f"map.col.{column}", lang) for column in columns})


def _unit_text(unit: str, lang: str) -> str:
    key = f"map.unit.{unit}"
    return t(key, lang) if key in TEXT else unit


def trend_table(
    trend: pd.DataFrame | None,
    *,
    iso3: str,
    country: str,
    indicator_code: str,
    indicator: str,
    unit: str,
    lang: str,
) -> pd.DataFrame:
    """The trend chart's points (``queries.country_trend``; None: no trend shown), one row
    per quarter.

    Columns (in ``lang``): country code, country, indicator code, indicator, quarter, quarter
    start (ISO date), value (in its unit).
    """
    periods = [] if trend is None else [pd.Timestamp(period) for period in trend["period"]]
    values = [] if trend is None else trend["value"].astype(float).tolist()
    count = len(periods)
    return pd.DataFrame(
        {
            t("map.col.country_code", lang): [iso3] * count,
            t("map.col.country", lang): [country] * count,
            t("map.col.indicator_code", lang): [indicator_code] * count,
            t("map.col.indicator", lang): [indicator] * count,
            t("map.col.quarter", lang): [quarter_text(period, lang) for period in periods],
            t("map.col.quarter_start", lang): [period.date().isoformat() for period in periods],
            t("map.col.value", lang, unit=_unit_text(unit, lang)): values,
        }
    )


def amount_table(frame: pd.DataFrame, spec: AmountSpec, *, lang: str) -> pd.DataFrame:
    """The amount map as a table: one row per country, drawn or not, in ``lang``.

    Columns: country code, country, measure, value shown (a number, empty when there is none),
    status (whether there is a figure, in words: "no EUTF figure"),
    then the budget in EUR (the budget colouring: a budget is not a target) or target, actual and
    % of target (the others), level and projects or contracts, regional projects covering it
    (never included), source and date, drawn on the map.
    """
    rows = []
    for row in frame.itertuples(index=False):
        if spec.is_budget:
            figures = {t("map.amount.col.budget", lang): number(row.budget)}
        else:
            pct = number(row.pct)
            figures = {
                t("eutf.value.target", lang): number(row.target),
                t("eutf.value.actual", lang): number(row.actual),
                t("eutf.value.pct", lang): None if pct is None else round(pct, 1),
            }
        value = number(row.value)
        rows.append(
            {
                t("map.col.country_code", lang): row.iso3,
                t("map.col.country", lang): row.country,
                t("map.amount.col.measure", lang): f"{spec.measure_label} ({spec.value_label})",
                # The number alone (a column of numbers for a script), and whether there is one in words.
                t("map.amount.col.value", lang): value,
                t("map.amount.col.status", lang): spec.missing_label
                if value is None
                else t("map.amount.has_figure", lang),
                **figures,
                t("eutf.hover.level", lang): row.level and t(f"eutf.level.{row.level!s}", lang),
                t("map.amount.col.ids", lang): row.iati_ids,
                t("eutf.hover.regional", lang): row.regional,
                t("map.amount.col.source", lang): spec.source_line,
                t("map.amount.col.drawn", lang): t(
                    "map.yes" if row.drawn else "map.amount.no_outline", lang
                ),
            }
        )
    return pd.DataFrame(rows)


def country_results_table(
    results: pd.DataFrame, *, iso3: str, country: str, lang: str
) -> pd.DataFrame:
    """The country chart's rows: indicator, level and projects counted, target, actual, pillar
    (the dashboard's correspondence), framework and source."""
    return pd.DataFrame(
        {
            t("map.col.country_code", lang): [iso3] * len(results),
            t("map.col.country", lang): [country] * len(results),
            t("eutf.col.number", lang): [
                indicator_code(number) for number in results["indicator_number"]
            ],
            t("eutf.col.indicator", lang): results["indicator"].tolist(),
            t("eutf.col.label", lang): [
                indicator_label(number, indicator, lang).removeprefix(f"{number} ")
                for number, indicator in zip(
                    results["indicator_number"], results["indicator"], strict=True
                )
            ],
            t("eutf.hover.level", lang): [
                t(f"eutf.level.{level}", lang) for level in results["level"]
            ],
            t("map.amount.col.ids", lang): results["iati_ids"].tolist(),
            t("eutf.value.target", lang): results["target"].tolist(),
            t("eutf.value.actual", lang): results["actual"].tolist(),
            t("eutf.col.pillar", lang): [
                None if pd.isna(pillar) else int(pillar) for pillar in results["pillar_no"]
            ],
            t("map.amount.col.source", lang): [
                t(
                    "eutf.source_line",
                    lang,
                    date="2021-12-17",
                    framework=t("eutf.framework.coi", lang, number=number),
                )
                for number in results["indicator_number"]
            ],
        }
    )
