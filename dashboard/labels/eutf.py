"""Labels the EUTF figures and summaries share."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import format_number


def _value_text(value: object, lang: str) -> str:
    if value is None or pd.isna(value):
        return "–"
    value = float(value)
    return format_number(value, lang, 0 if value.is_integer() else 2)
