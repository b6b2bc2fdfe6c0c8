"""What callbacks and layouts share within one process: settings, the store and its catalog.

The store opens on first use, so a server that forks workers opens it in each worker.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import duckdb

from dashboard.catalog import Catalog, load_catalog
from dashboard.queries import reference
from dashboard.queries.schema import SCHEMA_VERSION, stored_schema_version
from dashboard.settings import Settings
from dashboard.store import ReadOnlyStore, StoreError


def check_schema(store: ReadOnlyStore, path) -> None:
    """Refuse, with the command that fixes it, a store built by another version of the app."""
    version = stored_schema_version(store.cursor())
    if version == SCHEMA_VERSION:
        return
    store.close()
    if version is None:
        raise StoreError(f"{path} is not a store of this dashboard. Build one with: python -m dashboard build-demo")
    raise StoreError(
        f"The store {path} has schema version {version}; this version of the dashboard needs {SCHEMA_VERSION}. "
        f"Rebuild a demo store with `python -m dashboard build-demo --store {path}`, or upgrade a store of "
        f"imported data in place with `python -m dashboard upgrade --store {path}`.")


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
                    store = ReadOnlyStore(self.settings.store_path, self.settings.duckdb_memory)
                    check_schema(store, self.settings.store_path)
                    self._store = store
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
    def store_version(self) -> str:
        """What identifies the store's content: cached results are valid for one version only.

        The one accessor for it: the store path with the file's modification time and size.
        """
        stat = self.settings.store_path.stat()
        return f"{self.settings.store_path.resolve()}:{stat.st_mtime_ns}:{stat.st_size}"

    @property
    def imported_files(self) -> list[str]:
        """Names of the imported files whose rows the store holds (for the data banner)."""
        batches = reference.data_batches(self.cursor())
        return batches.loc[batches["origin"] == "import", "file_name"].dropna().tolist()
