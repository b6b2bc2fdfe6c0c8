"""The one door to the store: every query the app reads with goes through :func:`query`.

It binds the parameters (values are never written into SQL text), reads the whole answer before
returning (DuckDB streams results), and while a request is being answered it applies the app's
time limit: a watchdog thread interrupts DuckDB (``connection.interrupt()``) and the caller gets
:class:`QueryTimeout`, a one-line refusal the app answers 503 with (no traceback). Each query has
a name (the function that asks it): its time is logged at debug level and counted per name
(:func:`query_stats`), which the benchmarks print.

On a cursor of the served read-only store, an answer already given is handed out again, as a copy,
without asking DuckDB (:mod:`dashboard.store.results`: one cache per opened store version, keyed on
the SQL text, the bound values and how the answer is read); such hits are counted per name too.

Writes (DDL, imports, aggregate and release rebuilds) are ``dashboard.build``'s, on its own
writable connection (``dashboard.store.files.connect_writable``); ``tests/test_store_door.py``
fails on any ``.execute(`` elsewhere.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
from flask import current_app, has_app_context

from dashboard.store.files import StoreError
from dashboard.store.results import results_of

LOG = logging.getLogger(__name__)
# The Flask config key holding the app's time limit in seconds (``EUIOM_QUERY_SECONDS``).
TIME_LIMIT_KEY = "EUIOM_QUERY_SECONDS"
# What a query returns: a frame, every row (tuples), or the first row (None when there is none).
FRAME, ROWS, ROW = "frame", "rows", "row"


class QueryTimeout(StoreError):
    """A query ran past the time limit and was interrupted."""


@dataclass
class QueryCount:
    """How often a named query ran, and how long it took in all and at most (seconds)."""

    calls: int = 0
    seconds: float = 0.0
    longest: float = 0.0
    cached: int = 0


class QueryStats:
    """Calls and time per query name, for every thread of the process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, QueryCount] = {}

    def record(self, name: str, seconds: float) -> None:
        """Count one run of ``name`` that took ``seconds``."""
        with self._lock:
            count = self._counts.setdefault(name, QueryCount())
            count.calls += 1
            count.seconds += seconds
            count.longest = max(count.longest, seconds)

    def record_hit(self, name: str) -> None:
        """Count one answer of ``name`` handed out from the store's cache (not asked again)."""
        with self._lock:
            self._counts.setdefault(name, QueryCount()).cached += 1

    def snapshot(self) -> dict[str, QueryCount]:
        """A copy of the counts, by name."""
        with self._lock:
            return {
                name: QueryCount(count.calls, count.seconds, count.longest, count.cached)
                for name, count in self._counts.items()
            }

    def reset(self) -> None:
        """Forget every count."""
        with self._lock:
            self._counts.clear()


STATS = QueryStats()


def query_stats() -> dict[str, QueryCount]:
    """Calls and time of every named query since the process started (or the last reset)."""
    return STATS.snapshot()


class Watchdog:
    """Interrupts the queries that run past their deadline: one thread per process, started on
    first use, instead of a timer thread started (and stopped) for every query, which cost about
    a twentieth of the CPU of a filter change. Checks at least every ``POLL`` seconds while a
    query runs; sleeps while none does."""

    POLL = 0.05

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[int, tuple[float, duckdb.DuckDBPyConnection]] = {}
        self._tokens = itertools.count()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def watch(self, cursor: duckdb.DuckDBPyConnection, seconds: float) -> int:
        """Interrupt ``cursor`` if the query it starts now still runs in ``seconds``; returns the
        token to pass to :meth:`done`."""
        token = next(self._tokens)
        with self._lock:
            self._running[token] = (time.monotonic() + seconds, cursor)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="query-watchdog", daemon=True
                )
                self._thread.start()
        self._wake.set()
        return token

    def done(self, token: int) -> None:
        """The query of ``token`` has ended (answered, failed or interrupted)."""
        with self._lock:
            self._running.pop(token, None)

    def _run(self) -> None:
        while True:
            self._wake.wait()
            with self._lock:
                if not self._running:
                    self._wake.clear()
                    continue
                now = time.monotonic()
                for token, (deadline, cursor) in list(self._running.items()):
                    if deadline <= now:
                        # Under the lock: the query is still running (done() waits for it).
                        del self._running[token]
                        cursor.interrupt()
                earliest = min((deadline for deadline, _ in self._running.values()), default=now)
            time.sleep(min(max(earliest - now, 0.001), self.POLL))


WATCHDOG = Watchdog()


def time_limit() -> float | None:
    """The time limit of queries asked while answering a request of the app (None outside one:
    builds, the command line and benchmarks run without)."""
    return current_app.config.get(TIME_LIMIT_KEY) if has_app_context() else None


def _read(result: duckdb.DuckDBPyConnection, read: str) -> Any:
    if read == FRAME:
        return result.df()
    if read == ROWS:
        return result.fetchall()
    if read == ROW:
        return result.fetchone()
    raise ValueError(f"unknown way to read an answer: {read!r}")


def frozen(value: object) -> object:
    """A bound value as part of a cache key: hashable, and typed (1, 1.0 and True differ in SQL)."""
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(frozen(item) for item in value))
    if isinstance(value, Mapping):
        return ("map", tuple(sorted((str(key), frozen(item)) for key, item in value.items())))
    hash(value)  # TypeError for anything else that cannot be a key part
    return (type(value).__name__, value)


def _result_key(
    sql: str, params: Mapping[str, object] | Sequence[object] | None, read: str
) -> tuple | None:
    try:
        return (sql, read, frozen(params) if params is not None else None)
    except TypeError:
        return None


def query(
    cursor: duckdb.DuckDBPyConnection,
    name: str,
    sql: str,
    params: Mapping[str, object] | Sequence[object] | None = None,
    *,
    read: str = FRAME,
) -> Any:
    """Run one query of the store and read its whole answer.

    Args:
        cursor: a read cursor of the served store version (``AppContext.cursor()``).
        name: what the query is, for timing and logs (the function asking it: ``map_countries``).
        sql: the statement; values are ``$named`` parameters (``dashboard.store.sql`` composes
            allow-listed identifiers into it).
        params: the values bound to the parameters.
        read: ``FRAME`` (a DataFrame), ``ROWS`` (a list of tuples) or ``ROW`` (the first tuple or None).
    Raises:
        QueryTimeout: the query ran past the time limit and was interrupted.
    """
    results = results_of(cursor)
    key = _result_key(sql, params, read) if results is not None else None
    if results is not None and key is not None:
        found, answer = results.get(key)
        if found:
            STATS.record_hit(name)
            return answer
    limit = time_limit()
    started = time.perf_counter()
    watched = WATCHDOG.watch(cursor, limit) if limit else None
    try:
        answer = _read(
            cursor.execute(sql, params) if params is not None else cursor.execute(sql), read
        )
    except duckdb.InterruptException:
        raise QueryTimeout(
            f"The store took longer than {limit:g} s to answer ({name}): narrow the filters, "
            "or try again in a moment."
        ) from None
    finally:
        if watched is not None:
            WATCHDOG.done(watched)
        seconds = time.perf_counter() - started
        STATS.record(name, seconds)
        LOG.debug("query %s: %.1f ms", name, seconds * 1000)
    if results is not None and key is not None:
        results.put(key, answer)
    return answer
