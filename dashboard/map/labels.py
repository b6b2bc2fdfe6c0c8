"""Labels the map's figures, summaries, export frames and profile blocks share."""

from __future__ import annotations

from collections.abc import Iterable

from dashboard.cells import timestamp
from dashboard.i18n import normalise_language, quarter_label, t
from dashboard.store.catalog import Catalog


def lang_column(prefix: str, lang: str) -> str:
    """The column of ``prefix`` in ``lang`` (``country_name_fr``)."""
    return f"{prefix}_{normalise_language(lang)}"


def role_text(role: object, lang: str) -> str:
    """A country's role in an Action (host, origin) in words."""
    return t(f"role.{role}", lang) if role in ("host", "origin") else t("role.none", lang)


def pillar_numbers(pillars: Iterable[int] | None) -> list[int]:
    """The pillar numbers of a store list (none for a missing one)."""
    return [int(number) for number in (pillars if pillars is not None else [])]


def quarter_text(period: object, lang: str) -> str:
    """The quarter a period date falls in, in words ('Q3 2019')."""
    stamp = timestamp(period)
    if stamp is None:
        return "–"
    return quarter_label(f"{stamp.year}-Q{(stamp.month - 1) // 3 + 1}", lang)


def indicator_name(indicator_code: str, catalog: Catalog, lang: str) -> str:
    """An indicator's name in ``lang`` (its code if the catalog does not know it)."""
    named = catalog.indicators.get(indicator_code)
    return named.name(lang) if named else indicator_code


def trend_title(indicator_code: str, country: str, catalog: Catalog, lang: str) -> str:
    """Title of the profile's trend chart: the country, the indicator's name, by quarter."""
    return t(
        "map.profile.trend_title",
        lang,
        country=country,
        indicator=indicator_name(indicator_code, catalog, lang),
    )


# The map's categorical colourings (the amount colourings are added by ``dashboard.map.options``).
COLOUR_MODES = ("action", "region", "status")


DEFAULT_COLOUR_MODE = "action"


def colour_mode(value: object) -> str:
    """A known colouring mode, or the default for anything else (URL values included)."""
    return value if value in COLOUR_MODES else DEFAULT_COLOUR_MODE
