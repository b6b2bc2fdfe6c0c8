"""Text summary (for screen readers) of the map coloured by an amount."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import t
from dashboard.map_amounts import AmountSpec, as_value_text


def amount_summary(frame: pd.DataFrame, spec: AmountSpec, *, lang: str) -> str:
    """One sentence: how many countries the map colours (the ones with a figure and an outline),
    the largest, the source; and the countries with a figure listed in the table only, if any."""
    present = frame[frame["has_figure"]].sort_values("value", ascending=False)
    if present.empty:
        return t("map.amount.summary.none", lang, measure=spec.measure_label, missing=spec.missing_label,
                 source=spec.source_line)
    top = present.iloc[0]
    coloured = present[present["drawn"]]
    text = t("map.amount.summary", lang, measure=spec.measure_label, value=spec.value_label, count=len(coloured),
             top=top["country"], top_value=as_value_text(top["value"], spec, lang),
             missing=spec.missing_label, source=spec.source_line)
    listed = present[~present["drawn"]]
    if len(listed):
        text += " " + t("map.amount.summary.listed_only", lang, countries=", ".join(sorted(listed["country"])))
    return text
