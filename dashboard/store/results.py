"""Answers of the store's queries, kept in memory per opened store version.

A read-only store file never changes while it is open (DuckDB refuses a writer while a reader holds
it; an import or a rollback publishes another version, which the app opens as a new
:class:`~dashboard.store.files.ReadOnlyStore`). So the answer of one query (its SQL text, its bound
values, how it is read) on one opened store is a pure function of those, and each opened store
keeps the answers it gave in its own :class:`QueryResults`: an answer can never cross to another
version, because another version is another object with its own, empty, cache, and a version that
is closed takes its cache with it.

Nothing else is part of an answer: who asks does not change what DuckDB returns for the same SQL
and values. What differs between viewers (exact figures for roles with that right, the protected
release for everyone else) differs in the SQL itself (another table), so it is another entry.

Callers may change what they get (add a column to a frame): every hit is handed out as a copy.
Entries are bounded in number and in cells (rows x columns); an answer too large to keep (an
export of every matching row) is read afresh every time. Least recently used entries go first.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

import duckdb
import pandas as pd

MAX_ENTRIES = 1024  # a DataFrame costs a few KB besides its cells: about 20-30 MB per worker in all
MAX_CELLS = 1_000_000  # all entries together: tens of MB at most (numbers and short codes)
MAX_ENTRY_CELLS = 50_000  # a larger answer is not kept
IMMUTABLE = (str, int, float, bool, bytes, type(None))


def _cells(answer: Any) -> int:
    if isinstance(answer, pd.DataFrame):
        return max(1, answer.shape[0] * max(1, answer.shape[1]))
    if isinstance(answer, list):
        return max(1, sum(len(row) for row in answer))
    return 1


def _shareable(answer: Any) -> bool:
    """Whether a list of rows (or one row) holds only values nobody can change in place."""
    rows = answer if isinstance(answer, list) else [answer]
    return all(row is None or all(isinstance(value, IMMUTABLE) for value in row) for row in rows)


class QueryResults:
    """An LRU cache of query answers for one opened store (thread-safe)."""

    def __init__(
        self,
        max_entries: int = MAX_ENTRIES,
        max_cells: int = MAX_CELLS,
        max_entry_cells: int = MAX_ENTRY_CELLS,
    ) -> None:
        self.max_entries, self.max_cells, self.max_entry_cells = (
            max_entries,
            max_cells,
            max_entry_cells,
        )
        self._entries: OrderedDict[Hashable, tuple[Any, int, bool]] = OrderedDict()
        self._cells = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> tuple[bool, Any]:
        """``(True, a copy of the answer)`` when ``key`` is kept, else ``(False, None)``."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return False, None
            self._entries.move_to_end(key)
            self.hits += 1
        answer, _, shareable = entry
        return True, _copy(answer, shareable)

    def put(self, key: Hashable, answer: Any) -> None:
        """Keep ``answer`` under ``key`` (a copy: the caller may change its own)."""
        cells = _cells(answer)
        if cells > self.max_entry_cells:
            return
        shareable = not isinstance(answer, pd.DataFrame) and _shareable(answer)
        kept = _copy(answer, shareable)
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._cells -= old[1]
            self._entries[key] = (kept, cells, shareable)
            self._cells += cells
            while self._entries and (
                len(self._entries) > self.max_entries or self._cells > self.max_cells
            ):
                _, (_, dropped, _) = self._entries.popitem(last=False)
                self._cells -= dropped

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._cells = 0

    def __len__(self) -> int:
        return len(self._entries)


def _copy(answer: Any, shareable: bool) -> Any:
    if isinstance(answer, pd.DataFrame):
        # pandas 3 copies on write: a shallow copy is a new frame whose changes stay its own.
        return answer.copy(deep=False)
    if isinstance(answer, list):
        return list(answer) if shareable else [_row_copy(row) for row in answer]
    return answer if shareable else _row_copy(answer)


def _row_copy(row: Any) -> Any:
    import copy  # noqa: PLC0415 (rare: rows holding lists or structs)

    return copy.deepcopy(row)


# The cache of each cursor handed out by a read-only store (weak: a cursor that is gone is
# forgotten). Cursors of other connections (builds, imports, checks) are not in it: uncached.
_BY_CURSOR: weakref.WeakKeyDictionary[duckdb.DuckDBPyConnection, QueryResults] = (
    weakref.WeakKeyDictionary()
)
_REGISTRY_LOCK = threading.Lock()


def attach(cursor: duckdb.DuckDBPyConnection, results: QueryResults) -> None:
    """Answers of queries asked on ``cursor`` are kept in ``results``."""
    with _REGISTRY_LOCK:
        _BY_CURSOR[cursor] = results


def results_of(cursor: duckdb.DuckDBPyConnection) -> QueryResults | None:
    """The cache of ``cursor``'s store, or None (the cursor belongs to no read-only store)."""
    try:
        return _BY_CURSOR.get(cursor)
    except TypeError:  # an object that cannot be weakly referenced: a test double
        return None
