"""Store directories: make a new version next to the served one, check it, then flip the pointer.

Every change (import, rollback, build, upgrade) runs under the directory's lock file, so two never
interleave: the second is refused at once with a message naming what holds the lock. A new
version starts as a copy of the served one (``store-N.duckdb.partial``), is changed in one
transaction, reopened read-only and checked, renamed to ``store-N.duckdb``, and only then named
in ``current``. Published versions are never written again, so any number of server processes may
keep reading them. The newest ``keep`` versions stay for rollback.

Switching the served version is three steps: the new pointer is written beside the old one
(``.current.next``), the change's entry is appended to the history log
(``dashboard.build.history_log``), then the new pointer replaces the old (``os.replace``, atomic
on one file system). A failure before the entry changes nothing; a process killed between the
entry and the replacement leaves ``.current.next``, and the next change completes the switch the
log already records. A change finding the lock file still naming a process that died (an import
killed halfway) removes what that process left (its ``.partial`` file) and records it in the log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from dashboard.build import history_log, schema
from dashboard.store.files import (
    POINTER_NAME,
    SCHEMA_VERSION,
    VERSION_SUFFIX,
    StoreError,
    connect_read_only,
    connect_writable,
    current_version_name,
)
from dashboard.store.reference import history_anchor, stored_schema_version

LOG = logging.getLogger(__name__)

LOCK_NAME = ".lock"
NEXT_POINTER_NAME = ".current.next"
PARTIAL_SUFFIX = ".partial"
VERSION_PATTERN = re.compile(r"store-(\d{6})\.duckdb")
LOCK_PID = re.compile(r"\(PID (\d+)\)")
ANCHOR_KEY = "history_entry"


class StoreBusy(StoreError):
    """Another import, rollback or build holds the store directory's lock."""


@contextmanager
def exclusive(directory: Path, what: str, user: str) -> Iterator[None]:
    """Hold ``directory``'s lock for one change, or refuse at once naming who holds it; first
    finish or clean up what an interrupted change left (:func:`recover`).

    Raises:
        StoreBusy: another process (or thread) is changing the store.
        HistoryDamaged: the history log is damaged (no change is made on a damaged log).
    """
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle = open(directory / LOCK_NAME, "a+", encoding="utf-8")  # noqa: SIM115 - held for the block
    except OSError as error:
        raise StoreError(
            f"Cannot lock the store directory {directory}: {error.strerror}; give this user "
            "write access to it"
        ) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise StoreBusy(
                f"The store {directory} is being changed by {holder}: wait until it has finished, "
                "then try again (nothing was written)"
            ) from None
        handle.seek(0)
        left_by = handle.read().strip()  # a holder that exited cleanly emptied it
        try:  # unbuffered: nothing is left to write when the file is closed
            os.ftruncate(handle.fileno(), 0)
            os.write(
                handle.fileno(),
                (
                    f"{what} by {user} (PID {os.getpid()}) since "
                    f"{dt.datetime.now(dt.UTC).strftime('%H:%M:%S')} UTC"
                ).encode(),
            )
        except OSError as error:  # a full disk: nothing was changed yet
            with contextlib.suppress(OSError):
                os.ftruncate(handle.fileno(), 0)
                os.write(handle.fileno(), left_by.encode("utf-8"))
            fcntl.flock(handle, fcntl.LOCK_UN)
            raise StoreError(
                f"Cannot write in the store directory {directory}: {error.strerror}; free disk space "
                "(nothing was changed)"
            ) from None
        try:
            recover(directory, left_by)
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(handle.fileno(), 0)
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()


def _number(name: str) -> int:
    """The number of a published version file's name (``store-000007.duckdb``: 7)."""
    match = VERSION_PATTERN.fullmatch(name)
    if match is None:
        raise ValueError(f"not a published version file: {name}")
    return int(match.group(1))


def version_names(directory: Path) -> list[str]:
    """Published version files of ``directory``, oldest first."""
    return sorted(
        path.name for path in Path(directory).iterdir() if VERSION_PATTERN.fullmatch(path.name)
    )


def has_versions(directory: Path) -> bool:
    """True when ``directory`` holds a pointer (a store directory that can be served)."""
    return (Path(directory) / POINTER_NAME).is_file()


def _next_name(directory: Path) -> str:
    """A version name never given before: above every version file and every version the history
    names (made, or removed as never recorded)."""
    names = set(version_names(directory))
    for entry in history_log.read_entries(directory):
        names.update(
            f"{name}{VERSION_SUFFIX}"
            for name in [entry.get("version"), *entry.get("removed_versions", [])]
            if isinstance(name, str)
        )
    numbers = [int(match.group(1)) for match in map(VERSION_PATTERN.fullmatch, names) if match]
    return f"store-{max(numbers, default=0) + 1:06d}{VERSION_SUFFIX}"


@contextmanager
def new_version(directory: Path, *, copy_current: bool) -> Iterator[Path]:
    """A partial file for the next version, a copy of the served one when ``copy_current``.

    The caller writes into it, then calls :func:`publish` inside the block; on any failure the
    partial file is removed and the served version is untouched.
    """
    directory = Path(directory)
    partial = directory / (_next_name(directory) + PARTIAL_SUFFIX)
    try:
        partial.unlink(missing_ok=True)
        if copy_current:
            shutil.copyfile(directory / current_version_name(directory), partial)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise StoreError(
            f"Cannot write a new version in {directory}: {error.strerror}; check the free disk "
            "space and that this user may write there (nothing was changed)"
        ) from None
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
        version = stored_schema_version(connection)
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"The new version {path.name} has schema version {version}, not "
                f"{SCHEMA_VERSION}; it was not published"
            )
        schema.fact_row_counts(connection)
    finally:
        connection.close()


def _write_synced(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def point_to(directory: Path, name: str) -> None:
    """Make ``name`` the served version (atomic: readers see the old name or the new, never half)."""
    temporary = Path(directory) / f".{POINTER_NAME}.{os.getpid()}.tmp"
    _write_synced(temporary, name + "\n")
    os.replace(temporary, Path(directory) / POINTER_NAME)


def switch(directory: Path, name: str, entry: dict) -> dict:
    """Serve version file ``name`` and record ``entry`` in the history log, as one change.

    Returns the entry as written. The caller holds the lock and has checked the version file.

    Raises:
        StoreError: the pointer or the entry could not be written; nothing changed.
    """
    directory = Path(directory)
    following = directory / NEXT_POINTER_NAME
    try:
        _write_synced(following, name + "\n")
    except OSError as error:
        following.unlink(missing_ok=True)
        raise StoreError(
            f"Cannot switch {directory} to {name}: {error.strerror}; free disk space or give this user "
            "write access (nothing was changed)"
        ) from None
    try:
        written = history_log.append_entry(directory, entry)
    except BaseException:
        following.unlink(missing_ok=True)
        raise
    os.replace(following, directory / POINTER_NAME)
    return written


def publish(directory: Path, partial: Path, entry: dict, keep: int) -> str:
    """Check ``partial``, name it the next version, serve it, record ``entry``, prune.

    ``entry`` holds action, user, and for imports file, kind, rows and sha256; the version, the one
    served before and the entries whose rows the new version holds are added. Returns the name of
    the new version (without suffix).
    """
    directory = Path(directory)
    name = partial.name.removesuffix(PARTIAL_SUFFIX)
    previous = current_version_name(directory) if has_versions(directory) else None
    history_log.migrate(directory)  # the entry is prepared against the chained log
    entries = history_log.read_entries(directory)
    served_holds = history_log.version_holdings(entries).get(_bare(previous) or "", [])
    holds = history_log.holdings_after({**entry, "id": len(entries) + 1}, served_holds, entries)
    full = history_log.next_entry(
        entries, {**entry, "version": _bare(name), "previous": _bare(previous), "holds": holds}
    )
    anchor_version(partial, full)
    check_version_file(partial)
    os.replace(partial, directory / name)
    try:
        switch(directory, name, full)
    except BaseException:
        (directory / name).unlink(missing_ok=True)
        raise
    prune(directory, keep)
    return name.removesuffix(VERSION_SUFFIX)


def anchor_version(partial: Path, entry: dict) -> None:
    """Record in the new version the history entry that makes it (``store_info.history_entry``), so
    that a log cut short is found even when ``history.head`` went with it."""
    try:
        connection = connect_writable(partial)
        try:
            schema.set_store_info(connection, {ANCHOR_KEY: f"{entry['id']} {entry['hash']}"})
            connection.execute("CHECKPOINT")
        finally:
            connection.close()
    except (duckdb.Error, OSError) as error:
        raise StoreError(
            f"Cannot write the new version {partial.name}: {error}; check the free disk space "
            "(nothing was changed)"
        ) from None


def version_anchor(path: Path) -> tuple[int, str] | None:
    """The history entry (id, hash) a version file says made it; None when it says nothing or
    cannot be read here (a file this process serves is open with another configuration)."""
    try:
        connection = connect_read_only(path)
    except StoreError:
        return None
    try:
        value = history_anchor(connection)
    finally:
        connection.close()
    entry_id, _, entry_hash = (value or "").partition(" ")
    return (int(entry_id), entry_hash) if entry_id.isdigit() and entry_hash else None


def check_version_anchors(directory: Path, entries: list[dict]) -> None:
    """With no ``history.head`` beside the log: refuse a log that lacks the entry a kept version
    says made it (a log deleted, emptied or cut short together with its anchor).

    Raises:
        HistoryDamaged: naming the log and the version.
    """
    directory = Path(directory)
    if (
        history_log.read_head(directory) is not None
        or not history_log.log_path(directory).exists()
        and (directory / history_log.LEGACY_NAME).exists()
    ):
        return  # read_entries checked the log against its head; a former history file predates anchors
    for name in reversed(version_names(directory)):
        anchor = version_anchor(directory / name)
        if anchor is not None:
            history_log.check_anchor(directory, entries, anchor, f"the version {name}")


def _bare(name: str | None) -> str | None:
    return name.removesuffix(VERSION_SUFFIX) if name else None


def prune(directory: Path, keep: int) -> list[str]:
    """Delete versions beyond the ``keep`` most recently served, as the history records it; returns
    what was deleted.

    Never deleted: the served version, and the version it was made from (so the newest import can
    always be rolled back). Then the versions served most recently (the last history entry that
    left each served) are kept, up to ``keep`` in all; versions the history never served count as
    the oldest. A worker still reading a deleted version keeps its open file until it switches (POSIX).
    """
    directory = Path(directory)
    names = version_names(directory)
    served = current_version_name(directory)
    entries = history_log.read_entries(directory)
    last_served = {
        f"{entry['version']}{VERSION_SUFFIX}": entry["id"]
        for entry in entries
        if entry.get("version")
    }
    creator = next(
        (
            entry
            for entry in reversed(entries)
            if entry.get("version")
            and f"{entry['version']}{VERSION_SUFFIX}" == served
            and "holds" in entry
        ),
        None,
    )
    kept = {served}
    if creator is not None and creator.get("previous"):
        kept.add(f"{creator['previous']}{VERSION_SUFFIX}")
    for name in sorted(names, key=lambda name: (last_served.get(name, 0), name), reverse=True):
        if len(kept) >= keep:
            break
        kept.add(name)
    doomed = [name for name in names if name not in kept]
    for name in doomed:
        (directory / name).unlink(missing_ok=True)
    return doomed


def pid_alive(pid: int) -> bool:
    """True when a process ``pid`` exists (on this machine)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by another user
    return True


def leftovers(directory: Path) -> list[Path]:
    """Files an interrupted change leaves: partial versions and their write-ahead logs."""
    return sorted(
        path
        for path in Path(directory).iterdir()
        if path.name.endswith((PARTIAL_SUFFIX, PARTIAL_SUFFIX + ".wal"))
        and path.name.startswith("store-")
    )


def recover(directory: Path, left_by: str) -> None:
    """Under the lock: finish a switch the log records but the pointer missed, record a pointer
    changed by another program, and remove what a change that died left behind.

    ``left_by`` is what the lock file said when the lock was taken: empty unless its last holder
    died holding it. Its files are removed only when the process it names is dead.
    """
    directory = Path(directory)
    following = directory / NEXT_POINTER_NAME
    entries = history_log.read_entries(directory)
    check_version_anchors(directory, entries)
    served_by_log = entries[-1].get("version") if entries else None
    if following.exists():
        named = following.read_text(encoding="utf-8").strip()
        if (
            served_by_log
            and named == f"{served_by_log}{VERSION_SUFFIX}"
            and (directory / named).is_file()
        ):
            os.replace(following, directory / POINTER_NAME)  # its entry was written: complete it
            LOG.warning("Completed the interrupted switch of %s to %s", directory, named)
        else:
            following.unlink()  # stopped before its entry: it never happened
    pid_match = LOCK_PID.search(left_by)
    dead = bool(left_by) and (pid_match is None or not pid_alive(int(pid_match.group(1))))
    removed = []
    if dead:
        for path in leftovers(directory):
            size = path.stat().st_size
            path.unlink(missing_ok=True)
            removed.append(f"{path.name} ({size / 2**20:.1f} MiB)")
    try:
        pointer = _bare(current_version_name(directory)) if has_versions(directory) else None
    except StoreError:
        pointer = None  # a damaged pointer: a rollback repairs it
    unrecorded = unrecorded_versions(directory, entries, pointer)
    for path in unrecorded:
        size = path.stat().st_size
        path.unlink(missing_ok=True)
        removed.append(
            f"{path.name} ({size / 2**20:.1f} MiB, made but never recorded in the history)"
        )
    if removed or (dead and left_by):
        interrupted = (
            f"{left_by} was interrupted (the process has ended)"
            if dead
            else "a change was interrupted"
        )
        history_log.append_entry(
            directory,
            {
                "action": "cleanup",
                "user": "the dashboard",
                "version": pointer,
                "previous": pointer,
                "note": interrupted + (f"; removed {', '.join(removed)}" if removed else ""),
                **(
                    {"removed_versions": [_bare(path.name) for path in unrecorded]}
                    if unrecorded
                    else {}
                ),
            },
        )
    entries = history_log.read_entries(directory)
    if pointer and pointer not in history_log.version_holdings(entries):
        # A version no entry made (copied in by hand, or older than the history): its rows become
        # one opaque batch, so a rollback can serve it again and say so.
        history_log.append_entry(
            directory,
            {
                "action": "outside",
                "user": "another program",
                "version": pointer,
                "previous": served_by_log,
                "holds": [len(entries) + 1],
                "note": f"{pointer} was found in the store directory, made outside the "
                "dashboard's history; its rows count as one batch",
            },
        )
    elif entries and pointer and served_by_log and pointer != served_by_log:
        history_log.append_entry(
            directory,
            {
                "action": "outside",
                "user": "another program",
                "version": pointer,
                "previous": served_by_log,
                "note": f"the pointer {POINTER_NAME} was changed outside the dashboard",
            },
        )


def unrecorded_versions(directory: Path, entries: list[dict], pointer: str | None) -> list[Path]:
    """Version files a change made and never recorded (killed between naming its version and
    writing its entry): newer than every version the history knows, named by no entry, not served.

    None while the history is empty (a store directory made by hand: its versions are its data).
    """
    logged = {entry["version"] for entry in entries if entry.get("version")}
    if not logged:
        return []
    newest = max(
        (
            int(match.group(1))
            for match in (VERSION_PATTERN.fullmatch(f"{name}{VERSION_SUFFIX}") for name in logged)
            if match
        ),
        default=0,
    )
    return [
        Path(directory) / name
        for name in version_names(directory)
        if _number(name) > newest and _bare(name) not in logged and _bare(name) != pointer
    ]


def clean_at_start(directory: Path) -> None:
    """At server start: take the lock briefly to recover from an interrupted change, if there is
    anything to recover and no change is running; a read-only store directory is left as it is."""
    directory = Path(directory)
    if not directory.is_dir():
        return  # opening the store says what is wrong
    try:
        lock_text = (directory / LOCK_NAME).read_text(encoding="utf-8").strip()
    except OSError:
        lock_text = ""
    if not (lock_text or leftovers(directory) or (directory / NEXT_POINTER_NAME).exists()):
        return
    try:
        with exclusive(directory, "a clean-up at start", "the dashboard"):
            pass
    except StoreBusy:
        return  # a change is running: it is not a leftover
    except StoreError as error:
        LOG.warning("Could not clean up after an interrupted change in %s: %s", directory, error)
