"""What callbacks and layouts share within one process: settings, the served store and its catalog.

The store opens on first use, so a server that forks workers opens it in each worker. When the
store is a directory, every request first calls :meth:`AppContext.refresh`, which at most once per
``EUIOM_STORE_CHECK_SECONDS`` stats the directory's pointer; when it names a new version, the new
file is opened read-only, checked, and swapped in for the next requests. Each request keeps the
version it started with (``pin``/``release``), and the old version is closed once its last request
is done: no request sees two versions, and none fails during a switch.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from dashboard.settings import Settings
from dashboard.store import reference
from dashboard.store.catalog import Catalog, load_catalog
from dashboard.store.files import (
    SCHEMA_VERSION,
    PointerStamp,
    ReadOnlyStore,
    StoreError,
    is_store_directory,
    pointer_stamp,
    served_file,
)
from dashboard.store.ledger import Ledger, directory_ledger
from dashboard.store.reference import stored_schema_version

LOG = logging.getLogger(__name__)


def check_schema(store: ReadOnlyStore, path) -> None:
    """Refuse, with the command that fixes it, a store built by another version of the app."""
    try:
        version = stored_schema_version(store.cursor())
    except duckdb.Error as error:
        store.close()
        raise StoreError(
            f"The store {path} cannot be read ({str(error).splitlines()[0]}): rebuild it with "
            f"python -m dashboard build-demo --store {path}, or restore a backup"
        ) from None
    if version == SCHEMA_VERSION:
        return
    store.close()
    if version is None:
        raise StoreError(
            f"{path} is not a store of this dashboard (another application's database?). "
            f"Point EUIOM_STORE at this dashboard's store, or build one with: "
            f"python -m dashboard build-demo --store PATH"
        )
    raise StoreError(
        f"The store {path} has schema version {version}; this version of the dashboard needs {SCHEMA_VERSION}. "
        f"Rebuild a demo store with `python -m dashboard build-demo --store {path}`, or upgrade a store of "
        f"imported data in place with `python -m dashboard upgrade --store {path}`."
    )


def served_ledger(directory: Path | None) -> Ledger | None:
    """The privacy ledger of a store directory (every release ever published there), read when a
    version is opened; None for a single file, or when the history cannot be read (the version's
    own running total is shown then)."""
    if directory is None:
        return None
    try:
        return directory_ledger(directory)
    except StoreError as error:
        LOG.error("Privacy ledger not read, the served version's own total is shown: %s", error)
        return None


class ServedVersion:
    """One opened store version, its catalog, and how many requests are using it."""

    def __init__(
        self,
        name: str,
        store: ReadOnlyStore,
        stamp: PointerStamp | None,
        ledger: Ledger | None = None,
    ) -> None:
        self.name = name
        self.store = store
        self.ledger = ledger
        # A rebuilt directory can publish the same name again: the file's time tells them apart.
        # A version served again after a rollback shows a ledger with more releases than before:
        # their number is part of what answers are cached under.
        releases = f"+{len(ledger.releases)}" if ledger is not None else ""
        self.identity = f"{name}@{store.path.stat().st_mtime_ns}{releases}"
        self.stamp = stamp
        self.users = 0
        self.retired = False
        self._catalog: Catalog | None = None
        self._lock = threading.Lock()

    @property
    def catalog(self) -> Catalog:
        """Codes and names of this version, read once."""
        if self._catalog is None:
            catalog = load_catalog(self.store.cursor(), self.ledger)
            with self._lock:
                self._catalog = self._catalog or catalog
        return self._catalog


def open_version(settings: Settings, stamp: PointerStamp | None = None) -> ServedVersion:
    """Open the version the store path names now, read-only, checked, with its catalog loaded."""
    path, name = served_file(settings.store_path)
    store = ReadOnlyStore(path, settings.duckdb_memory, settings.duckdb_threads)
    check_schema(store, path)
    directory = Path(settings.store_path) if is_store_directory(settings.store_path) else None
    version = ServedVersion(name, store, stamp, served_ledger(directory))
    try:
        _ = version.catalog
    except duckdb.Error as error:
        store.close()
        raise StoreError(
            f"The store {path} cannot be read ({str(error).splitlines()[0]}): rebuild it or "
            "restore a backup"
        ) from None
    return version


@dataclass
class AppContext:
    """Settings plus the served read-only store version and its catalog, switched when it changes."""

    settings: Settings
    _current: ServedVersion | None = field(default=None, init=False, repr=False)
    _checked_at: float = field(default=0.0, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _switch_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _pinned: threading.local = field(default_factory=threading.local, init=False, repr=False)
    live: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        # A store directory's new versions are switched to while serving; a single file never is.
        self.live = is_store_directory(self.settings.store_path)

    @property
    def store_directory(self) -> Path | None:
        """The store directory, or None when a single file is served."""
        return Path(self.settings.store_path) if self.live else None

    def _served(self) -> ServedVersion:
        pinned = getattr(self._pinned, "version", None)
        if pinned is not None:
            return pinned
        if self._current is None:
            with self._lock:
                if self._current is None:
                    stamp = pointer_stamp(Path(self.settings.store_path)) if self.live else None
                    self._current = open_version(self.settings, stamp)
                    self._checked_at = time.monotonic()
        return self._current

    def refresh(self, force: bool = False) -> bool:
        """Switch to the version the pointer names if it changed; True when a switch happened.

        Cheap: at most one ``os.stat`` per check interval. A version that cannot be opened is
        logged and the served one kept, so requests go on being answered.
        """
        if not self.live or self._current is None:
            return False
        now = time.monotonic()
        if not force and now - self._checked_at < self.settings.store_check_seconds:
            return False
        if not self._switch_lock.acquire(blocking=force):
            return False  # another thread is checking; serve what we have
        try:
            self._checked_at = now
            stamp = pointer_stamp(Path(self.settings.store_path))
            old = self._current
            if stamp is None or stamp == old.stamp:
                return False
            try:
                new = open_version(self.settings, stamp)
            except StoreError as error:
                LOG.error("Keeping store version %s: %s", old.name, error)
                return False
            if new.name == old.name:
                new.store.close()
                old.stamp = stamp
                return False
            with self._lock:
                self._current = new
                old.retired = True
                close = old.users == 0
            if close:
                old.store.close()
            LOG.info("Switched store version %s -> %s", old.name, new.name)
            return True
        finally:
            self._switch_lock.release()

    def pin(self) -> ServedVersion:
        """Keep the served version for this thread's request until :meth:`release`."""
        version = self._served()
        with self._lock:
            version = self._current or version
            version.users += 1
        self._pinned.version = version
        return version

    def release(self) -> None:
        """End this thread's request; close its version if it was retired and is now unused."""
        version = getattr(self._pinned, "version", None)
        if version is None:
            return
        self._pinned.version = None
        with self._lock:
            version.users -= 1
            close = version.retired and version.users == 0
        if close:
            version.store.close()

    @property
    def version_name(self) -> str:
        """The served version's name, as the import history shows it: 'store-000007', or 'file@mtime'."""
        return self._served().name

    @property
    def store_version(self) -> str:
        """What identifies the served content (a cache key part): the version's name and file time.

        The time tells apart two stores of one name (a store directory deleted and rebuilt publishes
        'store-000001' again).
        """
        return self._served().identity

    @property
    def store(self) -> ReadOnlyStore:
        """The read-only store of the served version."""
        return self._served().store

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor on the served version."""
        return self._served().store.cursor()

    @property
    def catalog(self) -> Catalog:
        """Codes and names of the served version."""
        return self._served().catalog

    @property
    def imported_files(self) -> list[str]:
        """Names of the imported indicator files whose rows the store holds (for the data banner and
        the kind-of-data texts). Survey file names are shown to data managers only (the import
        page); texts count survey files instead (``Catalog.survey_imports``)."""
        served = self._served()

        def read() -> tuple[str, ...]:
            return tuple(reference.imported_file_names(served.store.cursor()))

        return list(served.catalog.once("imported_files", read))
