"""Text summaries (for screen readers) of the pillar charts."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import format_number, normalise_language, t
from dashboard.labels.pillars import _state, pillar_label


def _names(values: list[str], lang: str) -> str:
    return ", ".join(values) if values else t("pillars.summary.none", lang)


def pillar_matrix_summary(frame: pd.DataFrame, *, lang: str) -> str:
    """One sentence on the Action x pillar matrix: its size, cells by basis, the widest pillar."""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    states = frame["basis"].map(_state)
    covered = frame[states != "none"]
    widest = covered.groupby("pillar_no")["action_code"].nunique().sort_values(ascending=False, kind="stable")
    top = ""
    if not widest.empty:
        number = int(widest.index[0])
        name = frame.loc[frame["pillar_no"] == number, f"pillar_name_{suffix}"].iloc[0]
        top = " " + t("pillars.summary.matrix_top", lang, pillar=pillar_label(number, name, width=None),
                      count=format_number(int(widest.iloc[0]), lang))
    return t("pillars.summary.matrix", lang, actions=format_number(frame["action_code"].nunique(), lang),
             pillars=format_number(frame["pillar_no"].nunique(), lang),
             stated=format_number(int((states == "stated").sum()), lang),
             mapped=format_number(int((states == "mapped").sum()), lang),
             none=format_number(int((states == "none").sum()), lang)) + top


def pillar_counts_summary(frame: pd.DataFrame, *, lang: str) -> str:
    """One sentence on the counts per pillar: most and least applied pillar."""
    if frame.empty or (frame["actions"].sum() == 0 and frame["countries"].sum() == 0):
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    ranked = frame.sort_values(["countries", "actions", "pillar_no"], ascending=[False, False, True], kind="stable")

    def describe(row: pd.Series) -> dict[str, str]:
        return {"pillar": pillar_label(row["pillar_no"], row[f"name_{suffix}"], width=None),
                "actions": format_number(int(row["actions"]), lang),
                "countries": format_number(int(row["countries"]), lang)}

    text = t("pillars.summary.counts_top", lang, **describe(ranked.iloc[0]))
    if len(ranked) > 1:
        text += " " + t("pillars.summary.counts_bottom", lang, **describe(ranked.iloc[-1]))
    return text


def country_pillar_summary(frame: pd.DataFrame, *, lang: str, action_name: str) -> str:
    """One sentence on one Action's countries by pillar: how many countries, which have exceptions."""
    if frame.empty:
        return t("chart.empty", lang)
    suffix = normalise_language(lang)
    exceptional = frame[frame["basis"].isin(["country exception", "excluded"])]
    names = sorted(set(exceptional[f"name_{suffix}"]))
    return t("pillars.summary.drill", lang, action=action_name,
             countries=format_number(frame["iso3"].nunique(), lang), exceptions=_names(names, lang))
