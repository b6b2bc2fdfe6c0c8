"""What the page draws from an answer's rows and keeps: its HTML blocks (the matrix and mapping
tables, the headline cards, the published-figures table), its charts' text summaries and the
coverage charts' figures (matrix, counts, drill-down), built again only when those rows changed.

Each is a pure function of the rows of its query's answer, a few options (the language,
whether the data is demo data, the indicator's name) and whether texts are plain (a file's):
:func:`kept` keeps the last ones built, keyed on those rows (every column's name, type and
values), options and plainness. Many filter changes show
the same rows (the same Actions in scope, the same published figures), and building a block's
Dash components, a figure or a summary's pandas steps costs more than reading the rows. A kept
value is handed out again as the same object: callers read it (the chart factory writes a block
out as one HTML string and a figure as JSON), never change it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import wraps
from typing import TypeVar

import pandas as pd
from pandas.api.types import is_object_dtype

from dashboard.i18n import texts_are_plain

T = TypeVar("T")
KEPT_PER_BLOCK = 256  # a block is a few KB of components


class _Missing:
    """What stands for a missing value in a key (NaN is not equal to itself, so it cannot key a
    dict; each column's type, part of the key, says which kind of missing value it was). Equal
    only to itself."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING = _Missing()


def rows_key(frame: pd.DataFrame) -> Hashable:
    """What ``frame`` holds, as a key: column names and types, every row, and the type of every
    value of a column of mixed values (so that 1 and 1.0 differ there). Raises TypeError when a
    cell cannot be part of a key (a list)."""
    values = frame.to_numpy(dtype=object)  # one pass over the frame, Python values
    missing = pd.isna(values)
    if missing.any():
        values = values.copy()  # may be a read-only view of the frame
        values[missing] = MISSING
    mixed = tuple(
        tuple(map(type, values[:, number]))
        for number, dtype in enumerate(frame.dtypes)
        if is_object_dtype(dtype)
    )
    key = (
        tuple(frame.columns),
        tuple(str(dtype) for dtype in frame.dtypes),
        len(frame),
        tuple(map(tuple, values)),
        mixed,
    )
    hash(key)
    return key


def kept(build: Callable[..., T]) -> Callable[..., T]:
    """``build(frame, **options)``, or the block it built last for the same rows and options."""
    blocks: OrderedDict[Hashable, T] = OrderedDict()
    lock = threading.Lock()

    @wraps(build)
    def keeping(frame: pd.DataFrame, **options: object) -> T:
        try:
            # texts_are_plain: a file's or the API's texts are spelt apart from the screen's
            key = (rows_key(frame), tuple(sorted(options.items())), texts_are_plain())
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
