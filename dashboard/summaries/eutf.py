"""Text summaries (for screen readers) of the EUTF target-vs-actual charts."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import format_number, t
from dashboard.labels.eutf import _value_text


def country_results_summary(results: pd.DataFrame, *, country: str, lang: str) -> str:
    """One sentence: how many indicators, how many with a target, the source."""
    if results.empty:
        return t("eutf.profile.summary.none", lang, country=country)
    with_target = int(results["target"].notna().sum())
    parts = "; ".join(f"{number}: {_value_text(actual, lang)}" for number, actual
                      in zip(results["indicator_number"], results["actual"], strict=True))
    return t("eutf.profile.summary", lang, country=country, count=len(results), targets=with_target, values=parts)


def eutf_results_summary(rows: pd.DataFrame, pillar_name: str, lang: str) -> str:
    """One sentence on the pillar's EUTF figures."""
    if rows.empty:
        return t("eutf.pillars.summary.none", lang, pillar=pillar_name)
    own = rows[rows["scope"] == "country"].sort_values("actual", ascending=False)
    numbers = ", ".join(dict.fromkeys(rows["indicator_number"]))
    top = own.iloc[0] if len(own) else None
    return t("eutf.pillars.summary", lang, pillar=pillar_name, count=len(own), regional=int((rows["scope"] == "regional").sum()),
             numbers=numbers, top=f"{top['place']} · {top['indicator_number']}" if top is not None else "–",
             value=format_number(top["actual"], lang) if top is not None else "–")
