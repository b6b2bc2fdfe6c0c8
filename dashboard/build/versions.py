"""Store directories: make a new version next to the served one, check it, then flip the pointer.

Every change (import, rollback, build, upgrade) runs under the directory's lock file, so two never
interleave: the second is refused at once with a message naming what holds the lock. A new
version starts as a copy of the served one (``store-N.duckdb.partial``), is changed in one
transaction, reopened read-only and checked, renamed to ``store-N.duckdb``, and only then named
in ``current`` (written to a temporary file and moved over it with ``os.replace``, atomic on one
file system). Published versions are never written again, so any number of server processes may
keep reading them. The newest ``keep`` versions stay for rollback; ``history.json`` records who
did what, when, with which file.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dashboard.queries import schema
from dashboard.store import (
    POINTER_NAME,
    VERSION_SUFFIX,
    StoreError,
    connect_read_only,
    current_version_name,
)

LOCK_NAME = ".lock"
HISTORY_NAME = "history.json"
VERSION_PATTERN = re.compile(r"store-(\d{6})\.duckdb")


class StoreBusy(StoreError):
    """Another import, rollback or build holds the store directory's lock."""


@contextmanager
def exclusive(directory: Path, what: str, user: str) -> Iterator[None]:
    """Hold ``directory``'s lock for one change, or refuse at once naming who holds it.

    Raises:
        StoreBusy: another process (or thread) is changing the store.
    """
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle = open(directory / LOCK_NAME, "a+", encoding="utf-8")  # noqa: SIM115 - held for the block
    except OSError as error:
        raise StoreError(f"Cannot lock the store directory {directory}: {error.strerror}; give this user "
                         "write access to it") from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise StoreBusy(f"The store {directory} is being changed by {holder}: wait until it has finished, "
                            "then try again (nothing was written)") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{what} by {user} (PID {os.getpid()}) since "
                     f"{dt.datetime.now(dt.UTC).strftime('%H:%M:%S')} UTC")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()


def version_names(directory: Path) -> list[str]:
    """Published version files of ``directory``, oldest first."""
    return sorted(path.name for path in Path(directory).iterdir()
                  if VERSION_PATTERN.fullmatch(path.name))


def has_versions(directory: Path) -> bool:
    """True when ``directory`` holds a pointer (a store directory that can be served)."""
    return (Path(directory) / POINTER_NAME).is_file()


def _next_name(directory: Path) -> str:
    numbers = [int(VERSION_PATTERN.fullmatch(name).group(1)) for name in version_names(directory)]
    return f"store-{max(numbers, default=0) + 1:06d}{VERSION_SUFFIX}"


@contextmanager
def new_version(directory: Path, *, copy_current: bool) -> Iterator[Path]:
    """A partial file for the next version, a copy of the served one when ``copy_current``.

    The caller writes into it, then calls :func:`publish` inside the block; on any failure the
    partial file is removed and the served version is untouched.
    """
    directory = Path(directory)
    partial = directory / (_next_name(directory) + ".partial")
    try:
        partial.unlink(missing_ok=True)
        if copy_current:
            shutil.copyfile(directory / current_version_name(directory), partial)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StoreError(f"Cannot write a new version in {directory}: {error.strerror}; check the free disk "
                         "space and that this user may write there (nothing was changed)") from None
    try:
        yield partial
    finally:
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + ".wal").unlink(missing_ok=True)


def check_version_file(path: Path) -> None:
    """Reopen a finished version read-only and check it is a complete store of this schema."""
    try:
        connection = connect_read_only(path)
    except StoreError as error:
        if "different configuration" in str(error):
            return  # this process serves that version right now (a rollback from the import page)
        raise
    try:
        version = schema.stored_schema_version(connection)
        if version != schema.SCHEMA_VERSION:
            raise StoreError(f"The new version {path.name} has schema version {version}, not "
                             f"{schema.SCHEMA_VERSION}; it was not published")
        schema.fact_row_counts(connection)
    finally:
        connection.close()


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def point_to(directory: Path, name: str) -> None:
    """Make ``name`` the served version (atomic: readers see the old name or the new, never half)."""
    _write_atomically(Path(directory) / POINTER_NAME, name + "\n")


def read_history(directory: Path) -> list[dict]:
    """The directory's history entries, oldest first ([] when there is none or it is unreadable)."""
    try:
        entries = json.loads((Path(directory) / HISTORY_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return entries if isinstance(entries, list) else []


def publish(directory: Path, partial: Path, entry: dict, keep: int) -> str:
    """Check ``partial``, name it the next version, flip the pointer, record ``entry``, prune.

    ``entry`` holds action, user, and for imports file, kind, rows and sha256. Returns the name of
    the new version (without suffix).
    """
    directory = Path(directory)
    check_version_file(partial)
    name = partial.name.removesuffix(".partial")
    os.replace(partial, directory / name)
    previous = current_version_name(directory) if has_versions(directory) else None
    point_to(directory, name)
    _record(directory, {**entry, "version": name.removesuffix(VERSION_SUFFIX),
                        "previous": previous.removesuffix(VERSION_SUFFIX) if previous else None})
    prune(directory, keep)
    return name.removesuffix(VERSION_SUFFIX)


def _record(directory: Path, entry: dict) -> None:
    entries = read_history(directory)
    entry = {"id": max((item.get("id", 0) for item in entries), default=0) + 1,
             "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), **entry}
    _write_atomically(directory / HISTORY_NAME, json.dumps([*entries, entry], indent=1))


def prune(directory: Path, keep: int) -> list[str]:
    """Delete all but the newest ``keep`` versions, never the served one; returns what was deleted.

    A worker still reading a deleted version keeps its open file until it switches (POSIX).
    """
    names = version_names(directory)
    served = current_version_name(directory)
    doomed = [name for name in names[:-keep] if name != served] if keep < len(names) else []
    for name in doomed:
        (Path(directory) / name).unlink(missing_ok=True)
    return doomed


def available(directory: Path, version: str | None) -> bool:
    """True when ``version`` (a name without suffix) is still kept in ``directory``."""
    return bool(version) and (Path(directory) / f"{version}{VERSION_SUFFIX}").is_file()


def rollback(directory: Path, entry_id: int, user: str) -> str:
    """Serve again the version that was served before history entry ``entry_id``; returns its name.

    Raises:
        StoreError: no such entry, or that version was pruned; StoreBusy: a change is running.
    """
    directory = Path(directory)
    with exclusive(directory, "a rollback", user):
        entry = next((item for item in read_history(directory) if item.get("id") == entry_id), None)
        if entry is None or not entry.get("previous"):
            raise StoreError(f"Nothing to roll back to for history entry {entry_id} in {directory}")
        target = entry["previous"]
        if not available(directory, target):
            raise StoreError(f"Version {target} is no longer kept in {directory} (only the last versions are; "
                             "see EUIOM_KEEP_VERSIONS)")
        check_version_file(directory / f"{target}{VERSION_SUFFIX}")
        served = current_version_name(directory).removesuffix(VERSION_SUFFIX)
        point_to(directory, f"{target}{VERSION_SUFFIX}")
        _record(directory, {"action": "rollback", "user": user, "version": target, "previous": served,
                            "file": entry.get("file"), "rows": entry.get("rows"), "kind": entry.get("kind"),
                            "sha256": entry.get("sha256"), "undoes": entry_id})
        return target
