"""Text summaries (for screen readers) of the EUTF target-vs-actual charts."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import t
from dashboard.labels.eutf import _value_text


def country_results_summary(results: pd.DataFrame, *, country: str, lang: str) -> str:
    """One sentence: how many indicators, how many with a target, the source."""
    if results.empty:
        return t("eutf.profile.summary.none", lang, country=country)
    with_target = int(results["target"].notna().sum())
    parts = "; ".join(f"{number}: {_value_text(actual, lang)}" for number, actual
                      in zip(results["indicator_number"], results["actual"], strict=True))
    return t("eutf.profile.summary", lang, country=country, count=len(results), targets=with_target, values=parts)
