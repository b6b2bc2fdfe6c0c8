"""Interface text in English and French, and number formats for each language.

Text is a dict of ``key -> {"en": ..., "fr": ...}``. What several packages share lives here: the
shell, filters, exports and kinds of data (``common``), EUTF words (``eutf``), the API (``api``),
sign-in (``auth``) and the survey's methodology (``methodology``). Each page's own text lives in
its package (``dashboard/<page>/text.py``) and is added when that package is imported (its
``__init__`` calls :func:`add_texts`), so every module that uses a page's keys has them. Names of
Actions, countries and pillars come from the store.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

from dashboard.i18n import api, auth, common, eutf, http_errors, methodology

# Names inside French sentences ("du Niger", "de l’Afrique australe"): dashboard/i18n/names.py.
from dashboard.i18n.names import for_name as for_name
from dashboard.i18n.names import of_name as of_name

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"

TEXT: dict[str, dict[str, str]] = {}


def add_texts(texts: Mapping[str, dict[str, str]]) -> None:
    """Add a package's texts to the table :func:`t` reads.

    Raises:
        RuntimeError: a key is already defined with another text (two packages claim it).
    """
    clashes = sorted(key for key, value in texts.items() if key in TEXT and TEXT[key] != value)
    if clashes:
        raise RuntimeError(f"text keys defined twice: {clashes}")
    TEXT.update(texts)


for _shared in (common, auth, eutf, api, methodology, http_errors):
    add_texts(_shared.TEXT)


def has_text(key: str) -> bool:
    """Whether ``key`` names a text (for optional translations, such as an indicator's name)."""
    return key in TEXT


def normalise_language(lang: object) -> str:
    """A supported language code; anything else (a hand-made request's value) falls back to English."""
    return lang if isinstance(lang, str) and lang in LANGUAGES else DEFAULT_LANGUAGE


# A space a line may break at before French high punctuation (: ; ? ! ») or after «.
_LOOSE_BEFORE = re.compile(r"[ \t]+(?=[:;?!»])")
_LOOSE_AFTER = re.compile(r"(?<=«)[ \t]+")
# The no-break space French typography puts there (the same as in the guillemets the texts
# already write: « valeur »), so a line never starts with ":" or "»".
FRENCH_PUNCTUATION_SPACE = "\u00a0"


def french_spacing(text: str) -> str:
    """``text`` with a no-break space before : ; ? ! » and after « wherever it had a space."""
    text = _LOOSE_BEFORE.sub(FRENCH_PUNCTUATION_SPACE, text)
    return _LOOSE_AFTER.sub(FRENCH_PUNCTUATION_SPACE, text)


# Set while a file or an API answer is written: its texts keep their plain spelling.
_PLAIN_TEXTS: ContextVar[bool] = ContextVar("plain_texts", default=False)


def texts_are_plain() -> bool:
    """Whether :func:`t` gives plain texts here (inside :func:`plain_texts`): what a text built
    now depends on besides its key, language and values."""
    return _PLAIN_TEXTS.get()


@contextmanager
def plain_texts() -> Iterator[None]:
    """Within this block, :func:`t` gives French texts as written, with ordinary spaces before
    punctuation: files and API answers (column names such as "Région : code", which analysts'
    scripts read, titles, notes) keep the spelling they always had; only the screen and the
    printed page get French typography."""
    token = _PLAIN_TEXTS.set(True)
    try:
        yield
    finally:
        _PLAIN_TEXTS.reset(token)


def t(key: str, lang: str | None, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``; in
    French, with no-break spaces before high punctuation (:func:`french_spacing`) except in
    files and API answers (:func:`plain_texts`).

    An unknown key raises KeyError, so a typo fails a test instead of showing a raw key.
    """
    language = normalise_language(lang)
    text = TEXT[key][language]
    text = text.format(**values) if values else text
    return french_spacing(text) if language == "fr" and not _PLAIN_TEXTS.get() else text


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


def with_unit(number: str, unit: str, lang: str | None) -> str:
    """A written number and its unit, never apart at a line's end: 12% and 1,200 EUR (no-break
    space) in English, 12 % and 1 200 EUR (narrow no-break space) in French."""
    if normalise_language(lang) == "fr":
        return f"{number}\u202f{unit}"
    return f"{number}{unit}" if unit == "%" else f"{number}\u00a0{unit}"


def format_percent(share: float | None, lang: str | None, decimals: int = 0) -> str:
    """A share in [0, 1] as a percentage: 12.5% in English, 12,5 % in French."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return with_unit(format_number(share * 100, lang, decimals), "%", lang)


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
    keys = (
        "select_all",
        "deselect_all",
        "selected_count",
        "search",
        "clear_search",
        "clear_selection",
        "no_options_found",
    )
    return {key: t(f"dropdown.{key}", lang) for key in keys}
