"""Labels the map's figures, summaries, export frames and profile blocks share."""

from __future__ import annotations

import pandas as pd

from dashboard.catalog import Catalog
from dashboard.i18n import normalise_language, quarter_label, t


def _lang_column(prefix: str, lang: str) -> str:
    return f"{prefix}_{normalise_language(lang)}"


def _role_text(role: object, lang: str) -> str:
    return t(f"role.{role}", lang) if role in ("host", "origin") else t("role.none", lang)


def _pillar_numbers(pillars: object) -> list[int]:
    return [int(number) for number in (pillars if pillars is not None else [])]


def _quarter_text(period: object, lang: str) -> str:
    stamp = pd.Timestamp(period)
    return quarter_label(f"{stamp.year}-Q{(stamp.month - 1) // 3 + 1}", lang)


def indicator_name(indicator_code: str, catalog: Catalog, lang: str) -> str:
    """An indicator's name in ``lang`` (its code if the catalog does not know it)."""
    named = catalog.indicators.get(indicator_code)
    return named.name(lang) if named else indicator_code


def trend_title(indicator_code: str, country: str, catalog: Catalog, lang: str) -> str:
    """Title of the profile's trend chart: the country, the indicator's name, by quarter."""
    return t("map.profile.trend_title", lang, country=country, indicator=indicator_name(indicator_code, catalog, lang))
