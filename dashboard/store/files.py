"""The only module that opens DuckDB: read-only stores for the app, writable ones for builds.

A store is either a single ``.duckdb`` file (read as it is, never switched) or a store directory of
immutable version files and a ``current`` pointer naming the one to serve::

    STORE_DIR/current               "store-000007.duckdb" (replaced atomically with os.replace)
    STORE_DIR/store-000007.duckdb   published versions, never written again once named in current
    STORE_DIR/history.jsonl         every change, append-only and chained (dashboard.build.history_log)
    STORE_DIR/.lock                 held while an import, rollback or build makes a new version
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dashboard.store.results import QueryResults, attach

POINTER_NAME = "current"
VERSION_SUFFIX = ".duckdb"
DUCKDB_MAGIC = b"DUCK"  # bytes 8 to 12 of every DuckDB database file
# The version of the schema a store records in store_info; the app serves this one only. Changes:
# 2: pre-aggregated survey cells and histograms (dashboard.build.aggregates).
# 3: cells carry the next response's quarter and record key sums; pairs of rounds (disclosure
#    control and respondents, dashboard.sustainability.disclosure and aggregates).
# 4: EUTF projects, contracts and reported results (real reference tables, ``EUTF_DDL``).
# 5: the protected release (``dashboard.build.release``): release_records, release_info, release_secret
#    and the release_* cells; the cell key salt is gone.
SCHEMA_VERSION = "5"


class StoreError(RuntimeError):
    """The store is missing, locked, corrupt or not a store of this app (one line, with the fix)."""


def is_store_directory(path: Path | str) -> bool:
    """True when ``path`` names a store directory rather than a single ``.duckdb`` file.

    An existing directory is one; a path that does not exist yet is one unless it ends in .duckdb.
    """
    path = Path(path)
    if path.is_dir():
        return True
    return not path.exists() and path.suffix != VERSION_SUFFIX


@dataclass(frozen=True)
class PointerStamp:
    """What ``os.stat`` says about the pointer file: cheap to compare on every request."""

    inode: int
    mtime_ns: int
    size: int


def pointer_stamp(directory: Path) -> PointerStamp | None:
    """The stat fingerprint of ``directory``'s pointer, or None when it has none."""
    try:
        stat = os.stat(directory / POINTER_NAME)
    except OSError:
        return None
    return PointerStamp(stat.st_ino, stat.st_mtime_ns, stat.st_size)


def current_version_name(directory: Path) -> str:
    """The version file ``directory``'s pointer names.

    Raises:
        StoreError: no pointer, or a pointer naming a missing or foreign file.
    """
    directory = Path(directory)
    pointer = directory / POINTER_NAME
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        if not directory.exists():
            raise StoreError(
                f"No store at {directory}. Build one with: python -m dashboard build-demo "
                f"--store {directory}"
            ) from None
        if _holds_a_store(directory):
            raise StoreError(
                f"The store pointer {pointer} is missing: serve a kept version again with python -m "
                f"dashboard rollback --store {directory}"
            ) from None
        raise StoreError(
            f"{directory} is a directory but not a store directory (it has no '{POINTER_NAME}' "
            f"file): point EUIOM_STORE at a store directory or a .duckdb file, or build one "
            f"with: python -m dashboard build-demo --store {directory}"
        ) from None
    except OSError as error:
        raise StoreError(
            f"Cannot read the store pointer {pointer}: {error.strerror}; serve a kept version again "
            f"with python -m dashboard rollback --store {directory} (it replaces the pointer), or "
            f"give the account running the dashboard the right to read it"
        ) from None
    if "/" in name or not name.endswith(VERSION_SUFFIX) or not (directory / name).is_file():
        raise StoreError(
            f"The store pointer {pointer} names '{name[:80]}', which is not a version file in "
            f"{directory}: restore it with python -m dashboard rollback --store {directory}"
        )
    return name


def _holds_a_store(directory: Path) -> bool:
    """True when ``directory`` holds a store's versions or history (its pointer alone is gone)."""
    return (directory / "history.jsonl").exists() or any(directory.glob(f"store-*{VERSION_SUFFIX}"))


def served_file(path: Path | str) -> tuple[Path, str]:
    """The DuckDB file to serve for a store path, and the name of that version."""
    path = Path(path)
    if is_store_directory(path):
        name = current_version_name(path)
        return path / name, name.removesuffix(VERSION_SUFFIX)
    if not path.exists():
        raise StoreError(
            f"No store at {path}. Build one with: python -m dashboard build-demo --store {path}"
        )
    stat = path.stat()
    return path, f"{path.name}@{stat.st_mtime_ns}"


def not_a_database(path: Path) -> str | None:
    """What ``path`` is when it is an existing file but not a DuckDB database, else None."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None  # DuckDB names the reason when it tries
    if not head:
        return "an empty file"
    if head[8:12] == DUCKDB_MAGIC:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return "another kind of file"
    printable = sum(character.isprintable() or character in "\r\n\t" for character in text)
    return "a text file" if printable >= 0.95 * len(text) else "another kind of file"


def refuse_non_database(path: Path) -> None:
    """Refuse, in one line naming the fix, a store file that is not a DuckDB database.

    Raises:
        StoreError: ``path`` is a text file, an empty file or another kind of file.
    """
    what = not_a_database(path)
    if what is None:
        return
    directory = path.parent
    if (directory / POINTER_NAME).is_file():
        raise StoreError(
            f"The store version {path} is {what}, not a DuckDB database: serve a kept version again "
            f"with python -m dashboard rollback --store {directory} --version store-NNNNNN (see python -m "
            f"dashboard history --store {directory}), or restore the file from a backup"
        )
    raise StoreError(
        f"The store {path} is {what}, not a DuckDB database: point EUIOM_STORE at a store directory or "
        "at a .duckdb file made by python -m dashboard build-demo or build-empty"
    )


def explain_open_error(path: Path, error: Exception, writing: bool) -> str:
    """One line naming why DuckDB could not open ``path`` and what fixes it."""
    text = str(error)
    first = text.splitlines()[0] if text else type(error).__name__
    lowered = text.lower()
    if "lock" in lowered:
        return f"The store {path} is locked by another process ({_holder(text)}): " + (
            "stop that process or wait for it to finish; to import while the dashboard serves, "
            "use a store directory (EUIOM_STORE=DIR, see docs/scaling.md)"
            if writing
            else "an import or build is writing it; wait for it to finish, or serve a store directory "
            "so imports never hold the served file"
        )
    if "permission denied" in lowered or "read-only file system" in lowered:
        return (
            f"The store {path} cannot be {'written' if writing else 'read'} (permission denied): give "
            "this user access to it and its directory, or point EUIOM_STORE at a store it can use"
        )
    if "is a directory" in lowered:
        return (
            f"The store {path} is a directory: point EUIOM_STORE at the store directory itself or at a "
            ".duckdb file"
        )
    if (
        "not a valid duckdb" in lowered
        or "corrupt" in lowered
        or "magic" in lowered
        or "serializ" in lowered
    ):
        return (
            f"The store {path} is not a readable DuckDB database (corrupt or another kind of file): restore it "
            f"from a backup (a demo store can be rebuilt: python -m dashboard build-demo --store {path})"
        )
    return f"Cannot open the store {path}{' for writing' if writing else ' read-only'}: {first}"


def explain_write_error(path: Path, error: BaseException) -> str:
    """One line naming why writing the store ``path`` failed (DuckDB or the file system) and the fix.

    DuckDB reports a full disk once, then fails every later statement of the transaction: the
    first cause in the exception chain is the one named.
    """
    causes: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and len(causes) < 10:
        causes.append(cause)
        cause = cause.__cause__ or cause.__context__
    texts = [str(cause).splitlines()[0] if str(cause) else type(cause).__name__ for cause in causes]
    lowered = " ".join(texts).lower()
    if "no space left" in lowered or "disk quota" in lowered or "file too large" in lowered:
        return (
            f"Cannot write {path.name}: no space left on the device of {path.parent}; free disk space, then try "
            "again (nothing was changed)"
        )
    if "permission denied" in lowered or "read-only file system" in lowered:
        return (
            f"Cannot write {path.name}: permission denied in {path.parent}; give this user write access, then "
            "try again (nothing was changed)"
        )
    return f"Cannot write {path.name}: {texts[-1]} (nothing was changed)"


def _holder(text: str) -> str:
    marker = "PID "
    if marker in text:
        pid = text.split(marker, 1)[1].split(")", 1)[0].split()[0]
        return f"PID {pid}"
    return "another program"


class ReadOnlyStore:
    """A DuckDB file opened read-only, handing each thread its own cursor.

    DuckDB connections are not safe to share across threads ("connection is busy"), so every
    thread gets a cursor of the one read-only connection. Open it after a server forks.
    """

    def __init__(self, path: Path | str, memory_limit: str = "256MB", threads: int = 1) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise StoreError(
                f"No store at {self.path}. Build one with: python -m dashboard build-demo"
            )
        if self.path.is_dir():
            raise StoreError(
                explain_open_error(self.path, IsADirectoryError("is a directory"), writing=False)
            )
        refuse_non_database(self.path)
        try:
            # One file opened twice in a process must be opened with the same configuration.
            self._connection = duckdb.connect(
                str(self.path),
                read_only=True,
                config={"memory_limit": memory_limit, "threads": threads},
            )
        except (duckdb.Error, OSError) as error:
            raise StoreError(explain_open_error(self.path, error, writing=False)) from None
        self._local = threading.local()
        # What this opened file answered (it cannot change while open): see dashboard.store.results.
        self.results = QueryResults()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor, created on first use; its answers are kept in :attr:`results`."""
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._connection.cursor()
            attach(cursor, self.results)
            self._local.cursor = cursor
        return cursor

    def close(self) -> None:
        """Close the connection (and with it every cursor); forget its answers."""
        self._connection.close()
        self.results.clear()


def connect_writable(path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open (or create) a store file for writing; used by the build and import commands only."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(
            explain_open_error(path, IsADirectoryError("is a directory"), writing=True)
        )
    if path.exists() and path.stat().st_size > 0:
        refuse_non_database(path)  # never turn someone's text file into a store
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(str(path))
    except (duckdb.Error, OSError) as error:
        raise StoreError(explain_open_error(path, error, writing=True)) from None


def connect_read_only(path: Path | str) -> duckdb.DuckDBPyConnection:
    """Open a store file read-only for one short check (build and import code)."""
    refuse_non_database(Path(path))
    try:
        return duckdb.connect(str(path), read_only=True)
    except (duckdb.Error, OSError) as error:
        raise StoreError(explain_open_error(Path(path), error, writing=False)) from None
