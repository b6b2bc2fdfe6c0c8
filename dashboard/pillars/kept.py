"""What the page draws from an answer's rows and keeps: its HTML blocks (the matrix and mapping
tables, the headline cards, the published-figures table), its charts' text summaries and the
coverage charts' figures (matrix, counts, drill-down), built again only when those rows changed.

Each is a pure function of the rows of its query's answer and a few options (the language,
whether the data is demo data, the indicator's name): :func:`kept` keeps the last ones built,
keyed on those rows (every column's name, type and values) and options. Many filter changes show
the same rows (the same Actions in scope, the same published figures), and building a block's
Dash components, a figure or a summary's pandas steps costs more than reading the rows. A kept
value is handed out again as the same object: callers read it (the chart factory writes a block
out as one HTML string and a figure as JSON), never change it.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import wraps
from typing import TypeVar

import pandas as pd

T = TypeVar("T")
KEPT_PER_BLOCK = 256  # a block is a few KB of components


class _Missing:
    """One marker per kind of missing value: NaN is not equal to itself, so it cannot key a dict."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


NAN, NAT, NA = _Missing("NaN"), _Missing("NaT"), _Missing("NA")


def _cell(value: object) -> object:
    if isinstance(value, float) and math.isnan(value):
        return NAN
    if value is pd.NaT:
        return NAT
    if value is pd.NA:
        return NA
    return value


def _column(series: pd.Series) -> list:
    values = series.tolist()
    if series.dtype == object:  # values of any type: the type is part of the key (1 and 1.0)
        return [(type(value), _cell(value)) for value in values]
    return [_cell(value) for value in values]  # one type per column (its dtype is in the key)


def rows_key(frame: pd.DataFrame) -> Hashable:
    """What ``frame`` holds, as a key: column names and types, then every row. Raises TypeError
    when a cell cannot be part of a key (a list)."""
    rows = tuple(zip(*(_column(frame[column]) for column in frame.columns), strict=True))
    key = (tuple(frame.columns), tuple(str(dtype) for dtype in frame.dtypes), len(frame), rows)
    hash(key)
    return key


def kept(build: Callable[..., T]) -> Callable[..., T]:
    """``build(frame, **options)``, or the block it built last for the same rows and options."""
    blocks: OrderedDict[Hashable, T] = OrderedDict()
    lock = threading.Lock()

    @wraps(build)
    def keeping(frame: pd.DataFrame, **options: object) -> T:
        try:
            key = (rows_key(frame), tuple(sorted(options.items())))
        except TypeError:  # a cell holding a list: built every time
            return build(frame, **options)
        with lock:
            if key in blocks:
                blocks.move_to_end(key)
                return blocks[key]
        block = build(frame, **options)
        with lock:
            blocks[key] = block
            while len(blocks) > KEPT_PER_BLOCK:
                blocks.popitem(last=False)
        return block

    return keeping
