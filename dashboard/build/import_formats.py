"""The columns of each kind of import file: one declaration read by the importer's checks, the
import page's column list and its downloadable templates, so the three never drift apart."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dashboard.store import vocabulary

MAX_COUNT = 1_000_000_000
EARLIEST_DATE = dt.date(2015, 1, 1)
TEMPLATE_ENCODING_MARK = "\ufeff"  # a UTF-8 byte order mark: Excel then reads accents right


@dataclass(frozen=True)
class ImportColumn:
    """One column of an import file.

    ``rule`` names the wording of what it may hold (``import.rule.<rule>`` in ``dashboard.i18n``);
    ``values`` are the codes allowed when they are a fixed list (the importer checks exactly
    these); ``store_values`` says the codes come from the store's reference data instead.
    """

    name: str
    required: bool
    rule: str
    values: tuple[str, ...] = ()
    store_values: str | None = None
    bounds: tuple[float, float] | None = None


INDICATOR_COLUMNS = (
    ImportColumn("action_code", True, "action", store_values="actions"),
    ImportColumn("iso3", True, "iso3"),
    ImportColumn("period", True, "period"),
    ImportColumn("sex", True, "codes", vocabulary.INDICATOR_SEXES),
    ImportColumn("indicator_code", True, "indicator", store_values="indicators"),
    ImportColumn("value", True, "count", bounds=(0, MAX_COUNT)),
)
SURVEY_COLUMNS = (
    ImportColumn("survey_id", True, "id"),
    ImportColumn("respondent_id", False, "respondent"),
    ImportColumn("action_code", True, "action", store_values="actions"),
    ImportColumn("iso3", True, "iso3"),
    ImportColumn("survey_date", True, "date"),
    ImportColumn(
        "months_since_return", True, "months", bounds=(0, vocabulary.MAX_MONTHS_SINCE_RETURN)
    ),
    ImportColumn("sex", True, "codes", vocabulary.SEXES),
    ImportColumn("age_group", True, "codes", vocabulary.AGE_GROUPS),
    ImportColumn("assistance_type", True, "codes", vocabulary.ASSISTANCE_TYPES),
    ImportColumn("assistance_level", True, "codes", vocabulary.ASSISTANCE_LEVELS),
    ImportColumn("referral", True, "codes", vocabulary.REFERRALS),
    *(ImportColumn(score, True, "score", bounds=(0, 1)) for score in vocabulary.SCORE_COLUMNS),
    ImportColumn("composite_score", False, "composite", bounds=(0, 1)),
)
FORMATS: dict[str, tuple[ImportColumn, ...]] = {
    "indicators": INDICATOR_COLUMNS,
    "survey": SURVEY_COLUMNS,
}


def required_columns(kind: str) -> tuple[str, ...]:
    """The names of the columns a file of ``kind`` must have."""
    return tuple(column.name for column in FORMATS[kind] if column.required)


def optional_columns(kind: str) -> tuple[str, ...]:
    """The names of the columns a file of ``kind`` may have."""
    return tuple(column.name for column in FORMATS[kind] if not column.required)


def coded_columns(kind: str) -> tuple[ImportColumn, ...]:
    """The columns of ``kind`` holding one of a fixed list of codes."""
    return tuple(column for column in FORMATS[kind] if column.values)


def template_csv(kind: str) -> bytes:
    """A template file of ``kind``: the header row only (imported as it is, it writes nothing)."""
    return (
        TEMPLATE_ENCODING_MARK + ",".join(column.name for column in FORMATS[kind]) + "\r\n"
    ).encode("utf-8")
