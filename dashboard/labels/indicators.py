"""Labels the indicator figures, summaries, export frames and blocks share: units, quarters,
published values and the order of groups."""

from __future__ import annotations

import math

import pandas as pd

from dashboard import theme
from dashboard.i18n import TEXT, format_number, format_percent, normalise_language, t

# Cards and their table follow the pillars (1 to 6); within a pillar the headline indicators
# (the ones managers ask for) come first.
HEADLINE_ORDER = (
    "returns_assisted", "reintegration_started", "reintegration_completed", "community_projects",
    "people_reached_awareness", "migrants_protected", "arrival_assistance", "officials_trained",
    "migrants_surveyed", "stabilisation_projects",
)


SEX_ORDER = ("female", "male", "all")


GROUP_COLOURS = {"region": theme.REGION_COLOURS, "action": theme.ACTION_COLOURS}


def _label(key: str, lang: str, fallback: str, **values: object) -> str:
    """``t(key)`` when the key exists, else ``fallback`` (for codes a newer file may add)."""
    return t(key, lang, **values) if key in TEXT else fallback


def unit_label(unit: str, lang: str) -> str:
    """'people' / 'personnes', 'projects' / 'projets'."""
    return _label(f"pillars.unit.{unit}", lang, unit)


def quarter_label(period: object) -> str:
    """A quarter start date as '2019-Q3'."""
    stamp = pd.Timestamp(period)
    return f"{stamp.year}-Q{(stamp.month - 1) // 3 + 1}"


def _group_order(codes: list[str], group_by: str) -> list[str]:
    order = list(GROUP_COLOURS.get(group_by, {}))
    return sorted(set(codes), key=lambda code: (order.index(code) if code in order else len(order), code))


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def published_value(indicator: str, value: float, lang: str) -> str:
    """A published value with its unit: euros for ``*_eur``, percent for ``*_pct``."""
    if indicator.endswith("_eur"):
        number = format_number(value, lang)
        return f"{number}\u00a0€" if normalise_language(lang) == "fr" else f"€{number}"
    if indicator.endswith("_pct"):
        return format_percent(value / 100, lang)
    return format_number(value, lang)


def _published_action(row: dict, lang: str, suffix: str) -> str:
    if row["action_code"] == "JI-ALL":
        return t("pillars.published.ji_all", lang)
    name = row[f"short_name_{suffix}"]
    return str(row["action_code"]) if _is_missing(name) else str(name)


def _published_scope(row: dict, lang: str, suffix: str) -> str:
    if row["scope"] == "all":
        return t("pillars.published.scope_all", lang)
    name = row[f"scope_name_{suffix}"]
    return str(row["scope"]) if _is_missing(name) else str(name)


def _qualifier(qualifier: object, lang: str) -> str:
    return _label(f"pillars.qualifier.{str(qualifier).replace(' ', '_')}", lang, str(qualifier))


def published_unit(indicator: str, lang: str) -> str:
    """What a published value counts: euros, percent or a number of people or things."""
    if indicator.endswith("_eur"):
        return t("pillars.unit.eur", lang)
    if indicator.endswith("_pct"):
        return t("pillars.unit.percent", lang)
    return t("pillars.unit.count", lang)
