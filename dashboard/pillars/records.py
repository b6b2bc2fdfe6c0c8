"""A frame's rows as dicts, as ``DataFrame.to_dict("records")`` gives them, read a column at a time.

pandas 3's ``to_dict("records")`` reads a frame cell by cell (an ``iloc`` per column per row);
the page's blocks, figures and summaries read every row of small answers on each filter change.
``Series.tolist()`` gives the same Python values (numbers as ``int``/``float``, missing as NaN,
dates as ``Timestamp``) for a column at once; only a nullable column's missing value differs
(``pd.NA``, where ``to_dict`` gives None)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def _values(column: pd.Series) -> list:
    values = column.tolist()
    if isinstance(column.dtype, np.dtype):
        return values
    return [None if value is pd.NA else value for value in values]


def records(frame: pd.DataFrame) -> list[dict]:
    """``frame.to_dict("records")``: one dict per row, column name -> value."""
    columns = list(frame.columns)
    values = [_values(frame[column]) for column in columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]
