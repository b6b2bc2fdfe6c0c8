"""One value read out of a frame or a store row: missing (None, NaN, NaT, pd.NA) or a number."""

from __future__ import annotations

import datetime as dt
import math
from typing import SupportsFloat

import numpy as np
import pandas as pd


def is_missing(value: object) -> bool:
    """Whether a cell holds no value: None, NaN (Python or numpy), NaT or pd.NA."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float | np.floating):
        return math.isnan(value)
    if isinstance(value, np.datetime64 | np.timedelta64):
        return bool(np.isnat(value))
    return False


def number(value: object) -> float | None:
    """The cell as a float, None when it is missing."""
    if is_missing(value):
        return None
    if not isinstance(value, SupportsFloat | str):
        raise TypeError(f"not a number: {value!r}")
    return float(value)


def number_or_nan(value: object) -> float:
    """The cell as a float, NaN when it is missing (for arithmetic and plotly)."""
    result = number(value)
    return math.nan if result is None else result


def timestamp(value: object) -> pd.Timestamp | None:
    """The cell as a pandas Timestamp (a date, a datetime or ISO text), None when it is missing."""
    if is_missing(value):
        return None
    if not isinstance(value, str | dt.date | np.datetime64):
        raise TypeError(f"not a date: {value!r}")
    return pd.Timestamp(value)


def iso_date(value: object) -> str | None:
    """The cell as an ISO date ('2019-08-04'), None when it is missing."""
    stamp = timestamp(value)
    return None if stamp is None else stamp.date().isoformat()
