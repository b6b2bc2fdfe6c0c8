"""Text summaries (for screen readers) of the indicator charts."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import format_number, format_percent, normalise_language, t
from dashboard.i18n import quarter_label as quarter_text
from dashboard.labels.indicators import SEX_ORDER, quarter_label


def _extremes(totals: pd.Series) -> tuple[tuple[str, float], tuple[str, float]]:
    """(name, value) of the largest and smallest entries, ties broken by name."""
    ordered = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return ordered[0], ordered[-1]


def _highest_lowest(totals: pd.Series, lang: str, formatter) -> str:
    (top, top_value), (bottom, bottom_value) = _extremes(totals)
    if len(totals) == 1:
        return t("pillars.summary.only", lang, name=top, value=formatter(top_value))
    return t("pillars.summary.extremes", lang, top=top, top_value=formatter(top_value), bottom=bottom,
             bottom_value=formatter(bottom_value))


def indicator_trend_summary(frame: pd.DataFrame, *, lang: str, indicator_name: str, group_by: str) -> str:
    """'Migrants assisted to return by region, Q1 2017 to Q1 2023: highest … (96,769), lowest … (1,210).'"""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    totals = frame.groupby(f"name_{suffix}")["value"].sum()
    first, last = (quarter_text(quarter_label(period), lang) for period in (frame["period"].min(), frame["period"].max()))
    lead = t(f"pillars.summary.trend.{group_by}", lang, indicator=indicator_name, first=first, last=last)
    return f"{lead}{t('pillars.colon', lang)}{_highest_lowest(totals, lang, lambda v: format_number(v, lang))}."


def country_ranking_summary(frame: pd.DataFrame, *, lang: str, indicator_name: str, by_sex: bool) -> str:
    """Countries ranked: how many, highest and lowest; totals per sex when split."""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    countries = frame.drop_duplicates("iso3").set_index(f"name_{suffix}")["country_total"]
    lead = t("pillars.summary.ranking", lang, indicator=indicator_name,
             countries=format_number(len(countries), lang))
    text = f"{lead}{t('pillars.colon', lang)}{_highest_lowest(countries, lang, lambda v: format_number(v, lang))}."
    if by_sex:
        per_sex = frame.groupby("sex")["value"].sum()
        parts = [f"{t(f'sex.{sex}', lang)}{t('pillars.colon', lang)}{format_number(per_sex[sex], lang)}"
                 for sex in SEX_ORDER if sex in per_sex.index]
        text += " " + t("pillars.list_separator", lang).join(parts) + "."
    return text


def completion_rate_summary(frame: pd.DataFrame, *, lang: str, group_by: str) -> str:
    """Highest and lowest share of reintegration completed over started."""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    rated = frame[frame["rate"].notna()]
    lead = t(f"pillars.rates.title.{group_by}", lang)
    if rated.empty:
        return f"{lead}{t('pillars.colon', lang)}{t('pillars.rates.no_start', lang)}."
    rates = rated.set_index(f"name_{suffix}")["rate"].astype(float)
    text = f"{lead}{t('pillars.colon', lang)}{_highest_lowest(rates, lang, lambda v: format_percent(v, lang))}."
    missing = len(frame) - len(rated)
    if missing:
        text += " " + t("pillars.summary.no_start_groups", lang, count=format_number(missing, lang))
    return text
