"""Text summary (for screen readers) of the map coloured by an amount."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import t
from dashboard.map_amounts import AmountSpec, as_value_text


def amount_summary(frame: pd.DataFrame, spec: AmountSpec, *, lang: str) -> str:
    """One sentence: how many countries have a figure, the largest, and the source."""
    present = frame[frame["has_figure"]].sort_values("value", ascending=False)
    if present.empty:
        return t("map.amount.summary.none", lang, measure=spec.measure_label, missing=spec.missing_label,
                 source=spec.source_line)
    top = present.iloc[0]
    return t("map.amount.summary", lang, measure=spec.measure_label, value=spec.value_label, count=len(present),
             top=top["country"], top_value=as_value_text(top["value"], spec, lang),
             missing=spec.missing_label, source=spec.source_line)
