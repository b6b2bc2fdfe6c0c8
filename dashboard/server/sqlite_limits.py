"""A ``limits`` storage in one SQLite file, so that the workers of one server share their counters.

Flask-Limiter counts in memory (one process), Redis or Memcached. The gunicorn workers of a
server without Redis share this file instead (``EUIOM_STATE_DIR``): every count is one short
``BEGIN IMMEDIATE`` transaction, so two workers never lose each other's hits. Fixed windows only
(Flask-Limiter's default strategy): a key holds a count and the moment its window ends.

Registered with ``limits`` under the scheme ``euiom-sqlite://<path>`` when this module is imported.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from limits.storage import Storage

PURGE_EVERY = 1000  # counts between two deletions of expired keys


class SQLiteStorage(Storage):
    """Fixed-window counters in a SQLite file (see the module doc)."""

    STORAGE_SCHEME = ["euiom-sqlite"]

    def __init__(
        self, uri: str | None = None, wrap_exceptions: bool = False, **options: object
    ) -> None:
        super().__init__(uri, wrap_exceptions=wrap_exceptions)
        self.path = Path((uri or "").split("://", 1)[-1])
        self._local = threading.local()
        self._counts = 0
        with self._transaction() as connection:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS counters "
                "(key TEXT PRIMARY KEY, value INTEGER NOT NULL, expires REAL NOT NULL)"
            )

    @property
    def base_exceptions(self) -> type[Exception]:
        return sqlite3.Error

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(
                self.path, timeout=10, isolation_level=None, check_same_thread=True
            )
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            self._local.connection = connection
        return connection

    def _transaction(self):
        storage = self

        class Transaction:
            def __enter__(self) -> sqlite3.Connection:
                self.connection = storage._connection()
                self.connection.execute("BEGIN IMMEDIATE")
                return self.connection

            def __exit__(self, error_type, error, trace) -> None:
                self.connection.execute("ROLLBACK" if error_type else "COMMIT")

        return Transaction()

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        now = time.time()
        with self._transaction() as connection:
            row = connection.execute(
                "SELECT value, expires FROM counters WHERE key = ?", (key,)
            ).fetchone()
            value, expires = (
                (amount, now + expiry)
                if row is None or row[1] <= now
                else (row[0] + amount, row[1])
            )
            connection.execute(
                "INSERT OR REPLACE INTO counters (key, value, expires) VALUES (?, ?, ?)",
                (key, value, expires),
            )
            self._counts += 1
            if self._counts % PURGE_EVERY == 0:
                connection.execute("DELETE FROM counters WHERE expires <= ?", (now,))
        return value

    def get(self, key: str) -> int:
        row = (
            self._connection()
            .execute("SELECT value FROM counters WHERE key = ? AND expires > ?", (key, time.time()))
            .fetchone()
        )
        return int(row[0]) if row else 0

    def get_expiry(self, key: str) -> float:
        now = time.time()
        row = (
            self._connection()
            .execute("SELECT expires FROM counters WHERE key = ? AND expires > ?", (key, now))
            .fetchone()
        )
        return float(row[0]) if row else now

    def check(self) -> bool:
        try:
            self._connection().execute("SELECT 1").fetchone()
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        with self._transaction() as connection:
            return connection.execute("DELETE FROM counters").rowcount

    def clear(self, key: str) -> None:
        with self._transaction() as connection:
            connection.execute("DELETE FROM counters WHERE key = ?", (key,))
