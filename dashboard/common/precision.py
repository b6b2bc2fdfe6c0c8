"""How many decimals a figure with its interval needs, so that numbers that differ read differently.

A mean and its 95% interval written with a fixed two decimals can read "0.62 (0.62 to 0.62)"
when the interval is narrow. The rule used wherever an estimate is written with its interval
(text summaries, table views, hover texts): the fewest decimals, at least ``MIN_DECIMALS``, at
which every two values of one interval that differ also differ once rounded, and none that is
not zero reads as zero; at most
``MAX_DECIMALS`` (a narrower interval is noise, not information).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

MIN_DECIMALS = 2
MAX_DECIMALS = 5


def _finite(values: Iterable[object]) -> list[float]:
    finite = []
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if math.isfinite(float(value)):
            finite.append(float(value))
    return finite


def _distinct_at(values: Sequence[float], decimals: int) -> bool:
    # Zero takes part: a bound of -0.003 must not read "-0.00" or "0.00" (it says on which side of
    # zero an interval ends).
    distinct = {*values, 0.0}
    # -0.001 and 0.001 both read 0.00 at two decimals: a sign does not tell them apart.
    rounded = {f"{value:.{decimals}f}".lstrip("-").lstrip("+") for value in distinct}
    return len(rounded) == len(distinct)


def distinct_decimals(
    rows: Iterable[Iterable[object]], minimum: int = MIN_DECIMALS, maximum: int = MAX_DECIMALS
) -> int:
    """The fewest decimals (``minimum`` to ``maximum``) at which the values of each row that
    differ (an estimate and its interval's bounds, say) still differ once rounded. Missing and
    non-numeric values are ignored."""
    groups = [_finite(row) for row in rows]
    for decimals in range(minimum, maximum + 1):
        if all(_distinct_at(values, decimals) for values in groups):
            return decimals
    return maximum


def interval_decimals(value: object, low: object, high: object, minimum: int = MIN_DECIMALS) -> int:
    """Decimals for one estimate and its interval (see :func:`distinct_decimals`)."""
    return distinct_decimals([(value, low, high)], minimum)
