"""What callbacks and layouts share within one process: settings, the store and its catalog.

The store opens on first use, so a server that forks workers opens it in each worker.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import duckdb

from dashboard.catalog import Catalog, load_catalog
from dashboard.queries import reference
from dashboard.settings import Settings
from dashboard.store import ReadOnlyStore


@dataclass
class AppContext:
    """Settings plus a lazily opened read-only store and its catalog."""

    settings: Settings
    _store: ReadOnlyStore | None = field(default=None, init=False, repr=False)
    _catalog: Catalog | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def store(self) -> ReadOnlyStore:
        """The read-only store, opened on first use."""
        if self._store is None:
            with self._lock:
                if self._store is None:
                    self._store = ReadOnlyStore(self.settings.store_path)
        return self._store

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor on the store."""
        return self.store.cursor()

    @property
    def catalog(self) -> Catalog:
        """Codes and names of the store, read once."""
        if self._catalog is None:
            catalog = load_catalog(self.cursor())
            with self._lock:
                self._catalog = self._catalog or catalog
        return self._catalog

    @property
    def imported_files(self) -> list[str]:
        """Names of the imported files whose rows the store holds (for the data banner)."""
        batches = reference.data_batches(self.cursor())
        return batches.loc[batches["origin"] == "import", "file_name"].dropna().tolist()
