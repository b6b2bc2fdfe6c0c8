"""Labels the pillars page's figures, summaries, export frames and blocks share: cell states, pillar
names, units, quarters, published values and the order of groups."""

from __future__ import annotations

import functools
import math
import textwrap

import pandas as pd

from dashboard.cells import timestamp
from dashboard.common import theme
from dashboard.i18n import TEXT, format_number, format_percent, normalise_language, t

# Cell state -> (symbol, fill colour, hover label key, level for the discrete colour scale).
CELL_STATES = {
    "none": ("", "#f4f5f7", "pillars.basis.none", 0),
    "excluded": ("✕", "#fbe1dd", "pillars.basis.excluded", 1),
    "mapped": ("◐", "#fde7c5", "pillars.basis.mapped", 2),
    "country exception": ("◆", "#d4efe1", "pillars.basis.country_exception", 3),
    "stated": ("●", "#cfe3f5", "pillars.basis.stated", 4),
}


HOVER_WIDTH = 60


LABEL_WIDTH = 14


@functools.lru_cache(maxsize=4096)
def wrap(text: str | None, width: int = HOVER_WIDTH, separator: str = "<br>") -> str:
    """Text broken into lines of at most ``width`` characters (paragraphs kept); the same names
    and descriptions are wrapped on every filter change, so the last few thousand are kept."""
    if not text:
        return ""
    return separator.join(
        separator.join(
            textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)
        )
        for paragraph in str(text).split("\n")
        if paragraph
    )


def pillar_label(pillar_no: int, name: str, *, width: int | None = LABEL_WIDTH) -> str:
    """'1. Capacity building', wrapped for an axis when ``width`` is given."""
    label = f"{int(pillar_no)}. {name}"
    return wrap(label, width) if width else label


def cell_state(basis: object) -> str:
    """The state a matrix cell shows for a store basis (``none`` for anything unknown)."""
    return basis if isinstance(basis, str) and basis in CELL_STATES else "none"


# Cards and their table follow the pillars (1 to 6); within a pillar the headline indicators
# (the ones managers ask for) come first.
HEADLINE_ORDER = (
    "returns_assisted",
    "reintegration_started",
    "reintegration_completed",
    "community_projects",
    "people_reached_awareness",
    "migrants_protected",
    "arrival_assistance",
    "officials_trained",
    "migrants_surveyed",
    "stabilisation_projects",
)


SEX_ORDER = ("female", "male", "all")


GROUP_COLOURS = {"region": theme.REGION_COLOURS, "action": theme.ACTION_COLOURS}


def optional_text(key: str, lang: str, fallback: str, **values: object) -> str:
    """``t(key)`` when the key exists, else ``fallback`` (for codes a newer file may add)."""
    return t(key, lang, **values) if key in TEXT else fallback


def unit_label(unit: str, lang: str) -> str:
    """'people' / 'personnes', 'projects' / 'projets'."""
    return optional_text(f"pillars.unit.{unit}", lang, unit)


def quarter_label(period: object) -> str:
    """A quarter start date as '2019-Q3'."""
    stamp = timestamp(period)
    if stamp is None:
        return "–"
    return f"{stamp.year}-Q{(stamp.month - 1) // 3 + 1}"


def group_order(codes: list[str], group_by: str) -> list[str]:
    """The codes in the order of the grouping's palette, unknown ones last by code."""
    order = list(GROUP_COLOURS.get(group_by, {}))
    return sorted(
        set(codes), key=lambda code: (order.index(code) if code in order else len(order), code)
    )


def is_missing(value: object) -> bool:
    """Whether a value is missing (None, NaN or NA)."""
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def published_value(indicator: str, value: float, lang: str) -> str:
    """A published value with its unit: euros for ``*_eur``, percent for ``*_pct``."""
    if indicator.endswith("_eur"):
        number = format_number(value, lang)
        return f"{number}\u00a0€" if normalise_language(lang) == "fr" else f"€{number}"
    if indicator.endswith("_pct"):
        return format_percent(value / 100, lang)
    return format_number(value, lang)


def published_action(row: dict, lang: str, suffix: str) -> str:
    """The Action a published figure belongs to, in words."""
    if row["action_code"] == "JI-ALL":
        return t("pillars.published.ji_all", lang)
    name = row[f"short_name_{suffix}"]
    return str(row["action_code"]) if is_missing(name) else str(name)


def published_scope(row: dict, lang: str, suffix: str) -> str:
    """Where a published figure applies, in words."""
    if row["scope"] == "all":
        return t("pillars.published.scope_all", lang)
    name = row[f"scope_name_{suffix}"]
    return str(row["scope"]) if is_missing(name) else str(name)


def qualifier_text(qualifier: object, lang: str) -> str:
    """A published figure's qualifier ('at least', 'about') in words."""
    return optional_text(
        f"pillars.qualifier.{str(qualifier).replace(' ', '_')}", lang, str(qualifier)
    )


def published_unit(indicator: str, lang: str) -> str:
    """What a published value counts: euros, percent or a number of people or things."""
    if indicator.endswith("_eur"):
        return t("pillars.unit.eur", lang)
    if indicator.endswith("_pct"):
        return t("pillars.unit.percent", lang)
    return t("pillars.unit.count", lang)
