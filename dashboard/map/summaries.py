"""Text summaries (for screen readers) of the map (coloured by category or by an amount) and the
profile's trend."""

from __future__ import annotations

import pandas as pd

from dashboard.common import theme
from dashboard.common.eutf import value_text
from dashboard.i18n import format_number, t
from dashboard.map.amounts import AmountSpec, as_value_text
from dashboard.map.labels import lang_column, quarter_text


def _action_rank(code: str) -> int:
    order = list(theme.ACTION_COLOURS)
    return order.index(code) if code in order else len(order)


def map_summary(countries: pd.DataFrame, *, lang: str) -> str:
    """One sentence saying what the map fills: how many countries the filters keep, per Action.

    Counted over plain rows (``queries.map_countries`` has a few hundred): pandas' grouping of
    them cost more than the rest of the sentence."""
    rows = countries.to_dict("records")
    kept = [row for row in rows if row["in_selection"]]
    if not kept:
        return t("map.summary.none", lang)
    total, active = len({row["iso3"] for row in rows}), len({row["iso3"] for row in kept})
    name_column = lang_column("action_short", lang)
    names: dict[str, str] = {}  # each Action's name, from its first kept row
    per_action: dict[str, set[str]] = {}  # the countries kept for each Action
    for row in kept:
        names.setdefault(row["action_code"], row[name_column])
        per_action.setdefault(row["action_code"], set()).add(row["iso3"])
    actions = t("list.separator", lang).join(
        t(
            "map.summary.action_count",
            lang,
            name=names[code],
            count=format_number(len(per_action[code]), lang),
        )
        for code in sorted(sorted(per_action), key=_action_rank)
    )
    if active == total:
        return t("map.summary.all", lang, total=format_number(total, lang), actions=actions)
    return t(
        "map.summary",
        lang,
        active=format_number(active, lang),
        total=format_number(total, lang),
        actions=actions,
    )


def trend_summary(trend: pd.DataFrame, *, country: str, indicator: str, lang: str) -> str:
    """One sentence on the trend: its span, and its highest and lowest quarters."""
    if trend.empty:
        return t("map.trend.summary.none", lang, country=country)
    values = trend["value"].astype(float).tolist()
    quarters = [quarter_text(period, lang) for period in trend["period"]]
    if len(values) == 1:
        return t(
            "map.trend.summary.one",
            lang,
            country=country,
            indicator=indicator,
            quarter=quarters[0],
            value=format_number(values[0], lang),
        )
    high, low = values.index(max(values)), values.index(min(values))
    return t(
        "map.trend.summary",
        lang,
        country=country,
        indicator=indicator,
        first=quarters[0],
        last=quarters[-1],
        high=quarters[high],
        high_value=format_number(values[high], lang),
        low=quarters[low],
        low_value=format_number(values[low], lang),
    )


def amount_summary(frame: pd.DataFrame, spec: AmountSpec, *, lang: str) -> str:
    """One sentence: how many countries the map colours (the ones with a figure and an outline),
    the largest, the source; and the countries with a figure listed in the table only, if any."""
    present = frame[frame["has_figure"]].sort_values("value", ascending=False)
    if present.empty:
        return t(
            "map.amount.summary.none",
            lang,
            measure=spec.measure_label,
            missing=spec.missing_label,
            source=spec.source_line,
        )
    top = present.iloc[0]
    coloured = present[present["drawn"]]
    text = t(
        "map.amount.summary",
        lang,
        measure=spec.measure_label,
        value=spec.value_label,
        count=len(coloured),
        top=top["country"],
        top_value=as_value_text(top["value"], spec, lang),
        missing=spec.missing_label,
        source=spec.source_line,
    )
    listed = present[~present["drawn"]]
    if len(listed):
        text += " " + t(
            "map.amount.summary.listed_only", lang, countries=", ".join(sorted(listed["country"]))
        )
    return text


def country_results_summary(results: pd.DataFrame, *, country: str, lang: str) -> str:
    """One sentence: how many indicators, how many with a target, the source."""
    if results.empty:
        return t("eutf.profile.summary.none", lang, country=country)
    with_target = int(results["target"].notna().sum())
    parts = t("list.separator", lang).join(
        f"{number}: {value_text(actual, lang)}"
        for number, actual in zip(results["indicator_number"], results["actual"], strict=True)
    )
    return t(
        "eutf.profile.summary",
        lang,
        country=country,
        count=len(results),
        targets=with_target,
        values=parts,
    )
