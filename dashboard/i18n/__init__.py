"""Interface text in English and French, and number formats for each language.

Text lives in one module per page (``common``, ``map_page``, ...), each a dict of
``key -> {"en": ..., "fr": ...}``. Names of Actions, countries and pillars come from the store.
"""

from __future__ import annotations

import math

from dashboard.i18n import (
    about_page,
    api,
    auth,
    common,
    eutf,
    http_errors,
    import_page,
    map_page,
    pillars_page,
    sustainability_page,
)

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"

TEXT: dict[str, dict[str, str]] = {}
for _module in (common, map_page, pillars_page, sustainability_page, about_page, auth, import_page, eutf,
                api, http_errors):
    _overlap = TEXT.keys() & _module.TEXT.keys()
    if _overlap:
        raise RuntimeError(f"text keys defined twice: {sorted(_overlap)}")
    TEXT.update(_module.TEXT)


def normalise_language(lang: str | None) -> str:
    """A supported language code; anything else falls back to English."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str | None, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``.

    An unknown key raises KeyError, so a typo fails a test instead of showing a raw key.
    """
    text = TEXT[key][normalise_language(lang)]
    return text.format(**values) if values else text


def name_column(lang: str | None) -> str:
    """The store column holding names in ``lang`` (``name_en`` or ``name_fr``)."""
    return f"name_{normalise_language(lang)}"


def format_number(value: float | int | None, lang: str | None, decimals: int = 0) -> str:
    """1,234.5 in English, 1 234,5 in French (narrow no-break space, and the minus sign U+2212
    that French typography and the charts' axes use); '–' for missing values."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if normalise_language(lang) == "fr":
        text = text.replace(",", "\u202f").replace(".", ",").replace("-", "\u2212")
    return text


def format_percent(share: float | None, lang: str | None, decimals: int = 0) -> str:
    """A share in [0, 1] as a percentage: 12.5% in English, 12,5 % in French."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    number = format_number(share * 100, lang, decimals)
    return f"{number}\u202f%" if normalise_language(lang) == "fr" else f"{number}%"


def plotly_separators(lang: str | None) -> str:
    """plotly ``layout.separators``: decimal then thousands separator."""
    return ",\u202f" if normalise_language(lang) == "fr" else ".,"


def quarter_label(quarter: str, lang: str | None) -> str:
    """'2019-Q3' as 'Q3 2019' in English, 'T3 2019' in French."""
    year, number = quarter.split("-Q")
    prefix = "T" if normalise_language(lang) == "fr" else "Q"
    return f"{prefix}{number} {year}"


def dropdown_labels(lang: str | None) -> dict[str, str]:
    """The ``labels`` prop of a dcc.Dropdown in ``lang`` (search box, select all, no options...)."""
    keys = ("select_all", "deselect_all", "selected_count", "search", "clear_search", "clear_selection",
            "no_options_found")
    return {key: TEXT[f"dropdown.{key}"][normalise_language(lang)] for key in keys}
