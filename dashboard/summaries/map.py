"""Text summaries (for screen readers) of the map and the profile's trend."""

from __future__ import annotations

import pandas as pd

from dashboard import theme
from dashboard.i18n import format_number, t
from dashboard.labels.map import _lang_column, _quarter_text


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
