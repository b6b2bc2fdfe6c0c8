"""Text summaries (for screen readers) of the pillar and indicator charts, ``kept``: written again
only when their rows changed."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import format_number, format_percent, normalise_language, of_name, t
from dashboard.i18n import quarter_label as quarter_text
from dashboard.pillars.kept import kept
from dashboard.pillars.labels import SEX_ORDER, cell_state, pillar_label, quarter_label


def _names(values: list[str], lang: str) -> str:
    return ", ".join(values) if values else t("pillars.summary.none", lang)


@kept
def pillar_matrix_summary(frame: pd.DataFrame, *, lang: str) -> str:
    """One sentence on the Action x pillar matrix: its size, cells by basis, the widest pillar."""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    states = frame["basis"].map(cell_state)
    covered = frame[states != "none"]
    widest = (
        covered.groupby("pillar_no")["action_code"]
        .nunique()
        .sort_values(ascending=False, kind="stable")
    )
    top = ""
    if not widest.empty:
        number = int(widest.index[0])
        name = frame.loc[frame["pillar_no"] == number, f"pillar_name_{suffix}"].iloc[0]
        top = " " + t(
            "pillars.summary.matrix_top",
            lang,
            pillar=pillar_label(number, name, width=None),
            count=format_number(int(widest.iloc[0]), lang),
        )
    return (
        t(
            "pillars.summary.matrix",
            lang,
            actions=format_number(frame["action_code"].nunique(), lang),
            pillars=format_number(frame["pillar_no"].nunique(), lang),
            stated=format_number(int((states == "stated").sum()), lang),
            mapped=format_number(int((states == "mapped").sum()), lang),
            none=format_number(int((states == "none").sum()), lang),
        )
        + top
    )


@kept
def pillar_counts_summary(frame: pd.DataFrame, *, lang: str) -> str:
    """The counts per pillar in words: most and least applied pillar as the source documents state
    it, then the pillars the dashboard mapped (counted apart)."""
    if frame.empty or not (
        frame[["actions_stated", "countries_stated", "actions_mapped", "countries_mapped"]]
        .to_numpy()
        .sum()
    ):
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    ranked = frame.sort_values(
        ["countries_stated", "actions_stated", "pillar_no"],
        ascending=[False, False, True],
        kind="stable",
    )

    def describe(row: pd.Series, basis: str) -> dict[str, str]:
        return {
            "pillar": pillar_label(row["pillar_no"], row[f"name_{suffix}"], width=None),
            "actions": format_number(int(row[f"actions_{basis}"]), lang),
            "countries": format_number(int(row[f"countries_{basis}"]), lang),
        }

    text = t("pillars.summary.counts_top", lang, **describe(ranked.iloc[0], "stated"))
    if len(ranked) > 1:
        text += " " + t(
            "pillars.summary.counts_bottom", lang, **describe(ranked.iloc[-1], "stated")
        )
    mapped = frame[frame["actions_mapped"] > 0]
    if len(mapped):
        items = t("list.separator", lang).join(
            t("pillars.summary.counts_mapped_item", lang, **describe(row, "mapped"))
            for _, row in mapped.iterrows()
        )
        text += " " + t("pillars.summary.counts_mapped", lang, items=items)
    return text


@kept
def country_pillar_summary(frame: pd.DataFrame, *, lang: str, action_name: str) -> str:
    """One sentence on one Action's countries by pillar: how many countries, which have exceptions."""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    exceptional = frame[frame["basis"].isin(["country exception", "excluded"])]
    names = sorted(set(exceptional[f"name_{suffix}"]))
    return t(
        "pillars.summary.drill",
        lang,
        action=action_name,
        countries=format_number(frame["iso3"].nunique(), lang),
        exceptions=_names(names, lang),
    )


def _extremes(totals: pd.Series) -> tuple[tuple[str, float], tuple[str, float]]:
    """(name, value) of the largest and smallest entries, ties broken by name."""
    ordered = sorted(
        ((str(name), float(value)) for name, value in totals.items()),
        key=lambda item: (-item[1], item[0]),
    )
    return ordered[0], ordered[-1]


def _highest_lowest(totals: pd.Series, lang: str, formatter) -> str:
    (top, top_value), (bottom, bottom_value) = _extremes(totals)
    if len(totals) == 1:
        return t("pillars.summary.only", lang, name=top, value=formatter(top_value))
    return t(
        "pillars.summary.extremes",
        lang,
        top=top,
        top_value=formatter(top_value),
        bottom=bottom,
        bottom_value=formatter(bottom_value),
    )


@kept
def indicator_trend_summary(
    frame: pd.DataFrame, *, lang: str, indicator_name: str, group_by: str
) -> str:
    """'Migrants assisted to return by region, Q1 2017 to Q1 2023: highest … (96,769), lowest … (1,210).'"""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    totals = frame.groupby(f"name_{suffix}")["value"].sum()
    first, last = (
        quarter_text(quarter_label(period), lang)
        for period in (frame["period"].min(), frame["period"].max())
    )
    lead = t(
        f"pillars.summary.trend.{group_by}", lang, indicator=indicator_name, first=first, last=last
    )
    return f"{lead}{t('pillars.colon', lang)}{_highest_lowest(totals, lang, lambda v: format_number(v, lang))}."


@kept
def country_ranking_summary(
    frame: pd.DataFrame, *, lang: str, indicator_name: str, by_sex: bool
) -> str:
    """Countries ranked: how many, highest and lowest; totals per sex when split."""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    countries = frame.drop_duplicates("iso3").set_index(f"name_{suffix}")["country_total"]
    lead = t(
        "pillars.summary.ranking",
        lang,
        indicator=indicator_name,
        countries=format_number(len(countries), lang),
    )
    text = f"{lead}{t('pillars.colon', lang)}{_highest_lowest(countries, lang, lambda v: format_number(v, lang))}."
    if by_sex:
        per_sex = frame.groupby("sex")["value"].sum()
        parts = [
            f"{t(f'sex.{sex}', lang)}{t('pillars.colon', lang)}{format_number(per_sex[sex], lang)}"
            for sex in SEX_ORDER
            if sex in per_sex.index
        ]
        text += " " + t("list.separator", lang).join(parts) + "."
    return text


@kept
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


def eutf_results_summary(rows: pd.DataFrame, pillar_name: str, lang: str) -> str:
    """One sentence on the pillar's EUTF figures."""
    if rows.empty:
        return t("eutf.pillars.summary.none", lang, pillar=pillar_name)
    own = rows[rows["scope"] == "country"].sort_values("actual", ascending=False)
    numbers = ", ".join(dict.fromkeys(rows["indicator_number"]))
    top = own.iloc[0] if len(own) else None
    return t(
        "eutf.pillars.summary",
        lang,
        pillar=pillar_name,
        count=len(own),
        regional=int((rows["scope"] == "regional").sum()),
        numbers=numbers,
        # "celle du Niger" in French: the place takes its article.
        top=f"{of_name(top['place'], lang)} · {top['indicator_number']}"
        if top is not None
        else "–",
        value=format_number(top["actual"], lang) if top is not None else "–",
    )
