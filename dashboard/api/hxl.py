"""HXL hashtags (Humanitarian Exchange Language, https://hxlstandard.org/standard/1-1final/) for the
columns of the files the dashboard hands out: only core hashtags, chosen from the column's name
and its values (a column of ISO 3166 alpha-3 codes is ``#country+code``, of names
``#country+name``; ``#date`` only on YYYY-MM-DD dates; ``#indicator+num`` only on numbers)."""

from __future__ import annotations

import re

import pandas as pd

# The core hashtags of HXL 1.1 this module may write (a test checks every tag against them).
CORE_HASHTAGS = frozenset(
    {
        "#activity",
        "#country",
        "#date",
        "#indicator",
        "#meta",
        "#org",
        "#region",
        "#sector",
        "#status",
        "#value",
    }
)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CODE = re.compile(r"^[A-Z][A-Z0-9_-]{1,15}$")
# Words of a column name (English or French) -> what the column is about.
COUNTRY_WORDS = ("country", "countries", "pays", "iso3")
REGION_WORDS = ("region", "région")
ACTION_WORDS = ("action",)
PILLAR_WORDS = ("pillar", "pilier")
INDICATOR_WORDS = ("indicator", "indicateur")
CODE_WORDS = ("code", "number", "numéro", "iso3", "_no", " no")
SUBJECTS = (
    (COUNTRY_WORDS, "#country"),
    (REGION_WORDS, "#region"),
    (ACTION_WORDS, "#activity"),
    (PILLAR_WORDS, "#sector"),
    (INDICATOR_WORDS, "#indicator"),
)


def _has(name: str, words: tuple[str, ...]) -> bool:
    return any(word in name for word in words)


def _values(series: pd.Series) -> list[object]:
    return [
        value
        for value in series.tolist()
        if value is not None
        and not (isinstance(value, float) and value != value)
        and value is not pd.NA
        and value != ""
    ]


def _is_number(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _all_codes(series: pd.Series) -> bool:
    values = _values(series)
    return bool(values) and all(isinstance(value, str) and CODE.match(value) for value in values)


def _all_dates(series: pd.Series) -> bool:
    if pd.api.types.is_datetime64_any_dtype(series):
        return True
    values = _values(series)
    return bool(values) and all(
        isinstance(value, str) and ISO_DATE.match(value) for value in values
    )


def hxl_tag(column: str, series: pd.Series | None = None, subject: str | None = None) -> str:
    """The HXL hashtag and attributes of a column (``#meta`` when nothing more precise fits);
    ``subject``: the hashtag of what each row names (a reference table's ``name_en`` and
    ``name_fr`` are then its names, with the language attribute ``+i_en``/``+i_fr``)."""
    name = column.lower()
    naming = re.fullmatch(r"(short_)?name_(en|fr)", name)
    if subject and naming:
        return f"{subject}+name+i_{naming.group(2)}"
    series = series if series is not None else pd.Series([], dtype=object)
    number = _is_number(series)
    if name.startswith("kind_of_data"):
        return "#meta+kind+code" if name.endswith("_code") else "#meta+kind"
    if name in ("chart", "filters", "exported_on"):
        return f"#meta+{name.replace('_', '')}"
    if "url" in name or "adresse" in name:
        return "#meta+url"
    if _all_dates(series):
        if _has(name, ("start", "début", "from")):
            return "#date+start"
        if _has(name, ("end", "fin", "to ")):
            return "#date+end"
        return "#date+reported" if _has(name, ("as_of", "as of", "au ", "reported")) else "#date"
    coded = _has(name, CODE_WORDS) or _all_codes(series)
    if number and _has(name, PILLAR_WORDS) and coded:
        return "#sector+code"  # the pillar's number
    if not number:  # a count of countries or Actions is a number below, not a name
        for words, hashtag in SUBJECTS:
            if _has(name, words):
                return f"{hashtag}+code" if coded else f"{hashtag}+name"
    if "source" in name:
        return "#meta+source"
    if number:
        if _has(name, ("budget", "eur")):
            return "#value"
        if _has(name, ("share", "%", "part", "pct", "rate", "taux")):
            return "#indicator+num+pct"
        return "#indicator+num"
    if _has(name, ("sex", "sexe", "group", "groupe")):
        return "#meta+group"
    return "#meta"


def with_hxl_row(frame: pd.DataFrame, subject: str | None = None) -> pd.DataFrame:
    """The table with a row of HXL hashtags right under its header (as HXL tools expect)."""
    tags = pd.DataFrame(
        [[hxl_tag(str(column), frame[column], subject) for column in frame.columns]],
        columns=frame.columns,
    )
    return pd.concat([tags, frame.astype(object)], ignore_index=True)
