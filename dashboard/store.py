"""The only module that opens DuckDB: a read-only store for the app, writable ones for builds."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb


class StoreError(RuntimeError):
    """The store file is missing, locked or not a store of this app."""


class ReadOnlyStore:
    """A DuckDB file opened read-only, handing each thread its own cursor.

    DuckDB connections are not safe to share across threads ("connection is busy"), so every
    thread gets a cursor of the one read-only connection. Open it after a server forks.
    """

    def __init__(self, path: Path | str, memory_limit: str = "256MB") -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise StoreError(f"No store at {self.path}. Build one with: python -m dashboard build-demo")
        try:
            self._connection = duckdb.connect(str(self.path), read_only=True,
                                              config={"memory_limit": memory_limit})
        except duckdb.Error as error:
            raise StoreError(f"Cannot open the store {self.path} read-only: {error}") from None
        self._local = threading.local()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor, created on first use."""
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._connection.cursor()
            self._local.cursor = cursor
        return cursor

    def close(self) -> None:
        """Close the connection (and with it every cursor)."""
        self._connection.close()


def connect_writable(path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open (or create) a store for writing; used by the build and import commands only."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(path))
    except duckdb.Error as error:
        raise StoreError(f"Cannot open the store {path} for writing: {error}") from None
