"""The sustainability page's own options (grouping, score, threshold, compared groups A and B).

One parser for URL parameters and control values, shared by the page layout (initial values and
the notice about ignored values), its callbacks and its chart exports, so that a copied link, the
charts and the downloaded data always agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dashboard.queries.sustainability import (
    DEFAULT_GROUPING,
    DEFAULT_MEASURE,
    GROUPINGS,
    MEASURES,
    default_pair,
)

# URL parameters of the page options (the filters are the shell's).
GROUP_PARAM = "group"
MEASURE_PARAM = "measure"
THRESHOLD_PARAM = "threshold"
GROUP_A_PARAM = "a"
GROUP_B_PARAM = "b"
PARAMS = (GROUP_PARAM, MEASURE_PARAM, THRESHOLD_PARAM, GROUP_A_PARAM, GROUP_B_PARAM)
MAX_REPORTED_LENGTH = 64


def chosen_grouping(raw: object) -> str:
    """A known grouping: ``raw`` if it is one, else the default."""
    return raw if isinstance(raw, str) and raw in GROUPINGS else DEFAULT_GROUPING


def chosen_measure(raw: object) -> str:
    """A known score: ``raw`` if it is one, else the default."""
    return raw if isinstance(raw, str) and raw in MEASURES else DEFAULT_MEASURE


def fraction(raw: object) -> float | None:
    """A number in [0, 1] from a control or URL value (the range control sends text), rounded to
    2 decimals so that 0.6000000001 is 0.6; None for anything else (including NaN and booleans)."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        return None
    try:
        number = float(raw)
    except ValueError:
        return None
    return round(number, 2) if 0 <= number <= 1 else None


def chosen_threshold(raw: object, default: float) -> float:
    """The threshold ``raw`` names, or ``default`` for anything that is not a number in [0, 1]."""
    chosen = fraction(raw)
    return default if chosen is None else chosen


@dataclass(frozen=True)
class PageOptions:
    """The page's own choices. ``dropped`` lists (URL parameter, value) pairs that were ignored;
    it does not take part in comparisons (two option sets are equal when they show the same)."""

    grouping: str
    measure: str
    threshold: float
    group_a: str | None
    group_b: str | None
    dropped: tuple[tuple[str, str], ...] = field(default=(), compare=False)


def page_options(params: Mapping[str, str], default_threshold: float, codes: Sequence[str]) -> PageOptions:
    """Options from URL parameters ``group``, ``measure``, ``threshold``, ``a`` and ``b``.

    Anything unknown or out of range falls back to the default and is listed in ``dropped``.

    Args:
        params: URL query parameters.
        default_threshold: the configured threshold.
        codes: codes of the chosen grouping present in the survey data, in display order; groups
            A and B must be among them.
    """
    raw = {key: params.get(key) for key in PARAMS}
    codes = list(codes)
    grouping = chosen_grouping(raw[GROUP_PARAM])
    measure = chosen_measure(raw[MEASURE_PARAM])
    threshold = chosen_threshold(raw[THRESHOLD_PARAM], default_threshold)
    default_a, default_b = default_pair(grouping, codes)
    group_a = raw[GROUP_A_PARAM] if raw[GROUP_A_PARAM] in codes else default_a
    group_b = raw[GROUP_B_PARAM] if raw[GROUP_B_PARAM] in codes else default_b
    valid = {
        GROUP_PARAM: raw[GROUP_PARAM] in GROUPINGS,
        MEASURE_PARAM: raw[MEASURE_PARAM] in MEASURES,
        THRESHOLD_PARAM: fraction(raw[THRESHOLD_PARAM]) is not None,
        GROUP_A_PARAM: raw[GROUP_A_PARAM] in codes,
        GROUP_B_PARAM: raw[GROUP_B_PARAM] in codes,
    }
    dropped = tuple((key, str(raw[key])[:MAX_REPORTED_LENGTH]) for key in PARAMS
                    if raw[key] not in (None, "") and not valid[key])
    return PageOptions(grouping, measure, threshold, group_a, group_b, dropped)
