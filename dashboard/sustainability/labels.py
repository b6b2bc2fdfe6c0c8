"""Words and numbers the sustainability page's options, layout, figures, summaries, export frames
and tables share: groupings, scores and groups named in the language, group order, intervals and
verdicts."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.cells import number, number_or_nan
from dashboard.common.precision import interval_decimals
from dashboard.i18n import for_name, format_number, t
from dashboard.store.catalog import Catalog
from dashboard.sustainability.queries import FIXED_CODES


def grouping_label(grouping: str, lang: str, lower: bool = False) -> str:
    """The name of a grouping (``lower`` for use inside a sentence)."""
    return t(f"sustainability.grouping{'_lower' if lower else ''}.{grouping}", lang)


def measure_label(measure: str, lang: str, lower: bool = False) -> str:
    """The name of a score dimension (``lower`` for use inside a sentence)."""
    return t(f"sustainability.measure{'_lower' if lower else ''}.{measure}", lang)


def _sort_key(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def group_labels(grouping: str, lang: str, catalog: Catalog) -> dict[str, str]:
    """Every known code of ``grouping`` with its label in ``lang``, in display order.

    Fixed vocabularies keep their natural order (age bands, months bands), Actions the order
    of the source page, regions and countries alphabetical order in ``lang``.
    """
    if grouping in FIXED_CODES:
        return {
            code: t(f"sustainability.code.{grouping}.{code}", lang)
            for code in FIXED_CODES[grouping]
        }
    if grouping == "action":
        return {code: named.name(lang) for code, named in catalog.actions.items()}
    source = catalog.regions if grouping == "region" else catalog.countries
    labels = {code: named.name(lang) for code, named in source.items()}
    return dict(sorted(labels.items(), key=lambda item: _sort_key(item[1])))


def group_options(codes: Iterable[str], labels: Mapping[str, str]) -> list[dict[str, str]]:
    """Dropdown options for the codes present, in label order; unknown codes last, by code."""
    present = set(codes)
    known = [{"label": label, "value": code} for code, label in labels.items() if code in present]
    unknown = [{"label": code, "value": code} for code in sorted(present - labels.keys())]
    return known + unknown


@dataclass(frozen=True)
class GroupChart:
    """What a chart of groups is drawn with, the same for every sustainability chart: the
    grouping and its labels (in display order), the score and the threshold shown, the language,
    whether the data are demo data, and the smallest group whose statistics are published."""

    labels: Mapping[str, str]
    grouping: str
    lang: str
    min_group_size: int
    demo: bool = False
    measure: str = "composite"
    threshold: float = 0.5


def ordered_groups(
    frame: pd.DataFrame, labels: Mapping[str, str], column: str = "group_code"
) -> pd.DataFrame:
    """``frame`` with a ``label`` column, rows in the order of ``labels`` (unknown codes last)."""
    order = {code: index for index, code in enumerate(labels)}
    codes = frame[column].tolist()
    if all(isinstance(code, str) for code in codes):
        # The same order as the sort below (stable, by position in ``labels`` then code), in
        # plain Python: a fifth of the CPU on these few rows.
        rows = sorted(
            range(len(codes)), key=lambda row: (order.get(codes[row], len(order)), codes[row])
        )
        result = frame.iloc[rows].reset_index(drop=True)
        result["label"] = [labels.get(codes[row], codes[row]) for row in rows]
        return result
    ordered = frame.assign(
        label=[labels.get(code, str(code)) for code in frame[column]],
        _order=[order.get(code, len(order)) for code in frame[column]],
    )
    return (
        ordered.sort_values(["_order", column], kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )


def score_text(value: float, lang: str, decimals: int = 2) -> str:
    """A score in the language's number format."""
    return format_number(float(value), lang, decimals)


def bounded_interval(value: object, low: object, high: object) -> tuple[float, float, float]:
    """An estimate and its interval as drawn: bounds clipped to [0, 1], NaN when missing."""
    return number_or_nan(value), max(number_or_nan(low), 0.0), min(number_or_nan(high), 1.0)


def difference_verdict(low: object, high: object, *, label_a: str, label_b: str, lang: str) -> str:
    """Whether a difference A − B is distinguishable from zero at 95%, in words: A higher (or
    lower) than B when the interval excludes zero, else no difference distinguishable from zero."""
    return t(
        f"sustainability.compare.verdict.{_verdict_key(low, high)}",
        lang,
        a=label_a,
        b=label_b,
        for_a=for_name(label_a, lang),
        for_b=for_name(label_b, lang),
    )


def _verdict_key(low: object, high: object) -> str:
    """'higher' when the interval of A − B lies above zero, 'lower' below, else 'none'."""
    lowest, highest = number(low), number(high)
    if lowest is not None and lowest > 0:
        return "higher"
    if highest is not None and highest < 0:
        return "lower"
    return "none"


def capitalised(text: str) -> str:
    """The text with its first letter in capitals."""
    return text[:1].upper() + text[1:]


def short_verdict(low: object, high: object, lang: str, *, lower: bool = False) -> str:
    """The verdict naming the groups by letter ("Group A higher than B; ..."), for table cells
    under headers that name them; ``lower``: the short form inside a sentence ("A higher than B")."""
    if lower:
        return t(f"sustainability.compare.verdict_short.{_verdict_key(low, high)}", lang)
    return t(f"sustainability.compare.verdict_table.{_verdict_key(low, high)}", lang)


def clipped(values: pd.Series) -> pd.Series:
    """Interval bounds clipped to the scores' range [0, 1] (missing bounds stay missing); on the
    numpy array, a tenth of the cost of ``Series.clip`` on these few values."""
    as_float = values.astype(float)
    return pd.Series(
        np.clip(as_float.to_numpy(), 0.0, 1.0), index=as_float.index, name=as_float.name
    )


def comparison_notes(
    statuses: Mapping[str, str], label_a: str, label_b: str, lang: str, min_group_size: int
) -> list[str]:
    """Why group A or B of a comparison shows no figure (suppressed, empty), one note each."""
    notes = []
    for side, label in (("a", label_a), ("b", label_b)):
        if statuses[side] != "shown":
            notes.append(
                t(
                    f"sustainability.compare.status.{statuses[side]}",
                    lang,
                    group=label,
                    min=format_number(min_group_size, lang),
                )
            )
    return notes


def unavailable_text(lang: str, min_group_size: int) -> str:
    """The comparison's words when no two groups can be compared."""
    return t(
        "sustainability.compare.none_available",
        lang,
        min=format_number(max(min_group_size, 2), lang),
    )


def interval_text(
    value: object, low: object, high: object, lang: str, *, signed: bool = False
) -> str:
    """ "0.62 (0.58 to 0.66)", with the decimals the interval needs (``dashboard.common.precision``);
    ``signed`` writes a + before positive numbers (differences)."""
    estimate, lowest, highest = number(value), number(low), number(high)
    if lowest is None or highest is None or estimate is None:
        return "–" if estimate is None else score_text(estimate, lang)
    numbers = (estimate, lowest, highest)
    decimals = interval_decimals(*numbers)
    shown = [score_text(amount, lang, decimals) for amount in numbers]
    if signed:
        shown = [
            ("+" if amount > 0 else "") + text for amount, text in zip(numbers, shown, strict=True)
        ]
    return t("sustainability.interval", lang, value=shown[0], low=shown[1], high=shown[2])


def series_labels(grouping: str, labels: Mapping[str, str], lang: str) -> dict[str, str]:
    """The names of the series over time: the groups, or every returnee for the months grouping."""
    return (
        {"all": t("sustainability.all_returnees", lang)} if grouping == "months" else dict(labels)
    )


DIRECTIONS = ("rose", "stayed", "fell")


def signed_text(value: float, lang: str, decimals: int = 3) -> str:
    """A change with its sign (+0.012, −0.004)."""
    text = format_number(abs(float(value)), lang, decimals)
    return ("+" if value > 0 else "−" if value < 0 else "") + text
