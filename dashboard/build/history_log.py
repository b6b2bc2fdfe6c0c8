"""A store directory's history: an append-only log of every change, each entry checked.

``STORE_DIR/history.jsonl`` holds one JSON object per line, oldest first. Each entry carries the
SHA-256 of the entry before it (``prev``) and its own (``hash``, over its canonical JSON without
``hash``), so an entry edited, removed or reordered anywhere breaks the chain, and so does a line
cut short. A damaged log is an error naming the file and the line; it is never rewritten, never
replaced: the audit trail cannot vanish by accident.

Entries are appended by the one process holding the directory's lock (``versions.exclusive``),
with a single write then ``fsync``; a write that fails (a full disk) is cut back to the log as it
was, so a failed change leaves no entry.

The chain alone cannot tell a log whose last entries were removed, or that was emptied or deleted,
from a shorter one. So the head of the chain is anchored outside the log: after every append, the
last entry's id and hash are written to ``history.head`` (a new file replacing the old at once),
and every version a build, import or upgrade makes records the entry that made it
(``store_info.history_entry``). A log that stops before ``history.head``, or that is missing
while ``history.head`` exists, is damaged; so is (checked before every change) a log that lacks
the entry a kept version says made it. Ids are therefore never given twice.

Stores made before this log kept ``history.json`` (a JSON list rewritten on every change). The
first change under the lock migrates it: its entries are copied, marked ``migrated``, into a new
chained log, and the old file is renamed ``history.json.migrated`` (kept, never read again).
Until then it is read as it is, and a damaged one is an error too.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from pathlib import Path

from dashboard.store.files import StoreError
from dashboard.store.history import (
    ACTIONS,
    APPEND_GRACE_SECONDS,
    GENESIS,
    HEAD_NAME,
    LEGACY_NAME,
    LOG_NAME,
    MIGRATED_NAME,
    HistoryDamaged,
    canonical_json,
    check_anchor,
    entry_hash,
    head_path,
    holdings_after,
    log_path,
    read_entries,
    read_head,
    served_by_log,
    version_holdings,
)

# The reading side lives in ``dashboard.store.history`` (the store reads the history too); its names
# are exported here as well, so the code that changes a store finds the whole log in one module.
__all__ = [
    "ACTIONS",
    "APPEND_GRACE_SECONDS",
    "GENESIS",
    "HEAD_NAME",
    "LEGACY_NAME",
    "LOG_NAME",
    "MIGRATED_NAME",
    "HistoryDamaged",
    "append_entry",
    "canonical_json",
    "check_anchor",
    "entry_hash",
    "head_path",
    "holdings_after",
    "log_path",
    "migrate",
    "next_entry",
    "read_entries",
    "read_head",
    "served_by_log",
    "version_holdings",
]

LOG = logging.getLogger(__name__)


def _write_head(directory: Path, entry: dict) -> None:
    """Anchor ``entry`` as the chain's head (atomic). A failure is logged: the log is the record,
    and the next change writes the anchor again."""
    path = head_path(directory)
    temporary = path.with_name(f".{HEAD_NAME}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(json.dumps({"id": entry["id"], "hash": entry["hash"]}) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        LOG.warning(
            "Could not write the history anchor %s (%s); it is written again at the next change",
            path,
            error.strerror,
        )


def _append_line(path: Path, line: bytes) -> None:
    """Append one line in one write, synced; on failure the file is cut back to what it was."""
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(descriptor).st_size
        try:
            written = os.write(descriptor, line)
            if written != len(line):
                raise OSError(28, "No space left on device")
            os.fsync(descriptor)
        except OSError:
            os.ftruncate(descriptor, size)
            raise
    finally:
        os.close(descriptor)


def next_entry(entries: list[dict], entry: dict) -> dict:
    """``entry`` as it will be appended after ``entries``: with its id, time, ``prev`` and ``hash``."""
    full = {
        **entry,
        "id": len(entries) + 1,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "prev": entries[-1]["hash"] if entries else GENESIS,
    }
    full["hash"] = entry_hash(full)
    return full


def append_entry(directory: Path, entry: dict) -> dict:
    """Append ``entry`` and return it as written: completed by :func:`next_entry`, or as it is when
    it was prepared with it (its id and ``prev`` must still follow the log), then anchor it.

    The caller holds the directory's lock. A legacy ``history.json`` is migrated first.

    Raises:
        HistoryDamaged: the log is damaged (nothing is appended to a damaged log).
        StoreError: the entry could not be written (the log is as it was).
    """
    directory = Path(directory)
    migrate(directory)
    entries = read_entries(directory)
    if "hash" in entry:
        full = next_entry(entries, {})
        if (
            entry.get("id") != full["id"]
            or entry.get("prev") != full["prev"]
            or entry_hash(entry) != entry["hash"]
        ):
            raise StoreError(
                f"The history of {directory} changed while this change was being made (nothing was "
                "changed): try again"
            )
        full = entry
    else:
        full = next_entry(entries, entry)
    try:
        _append_line(log_path(directory), (canonical_json(full) + "\n").encode())
    except OSError as error:
        raise StoreError(
            f"Cannot write the history log {log_path(directory)}: {error.strerror}; free disk space "
            "or give this user write access (nothing was changed)"
        ) from None
    _write_head(directory, full)
    return full


def migrate(directory: Path) -> bool:
    """Copy a legacy ``history.json`` into a new chained log; True when one was migrated.

    The caller holds the directory's lock. The legacy file is renamed, never deleted.

    Raises:
        HistoryDamaged: the legacy file is damaged (then nothing is migrated or renamed).
    """
    directory = Path(directory)
    legacy = directory / LEGACY_NAME
    if log_path(directory).exists() or not legacy.exists():
        return False
    previous = GENESIS
    lines = []
    entries = read_entries(directory)
    new_ids = {entry["id"]: number for number, entry in enumerate(entries, start=1)}
    for entry in entries:
        chained = {
            **{k: v for k, v in entry.items() if k not in ("hash", "prev")},
            "legacy_id": entry["id"],
            "id": new_ids[entry["id"]],
            "prev": previous,
        }
        if "holds" in chained:
            chained["holds"] = [new_ids.get(held, held) for held in chained["holds"]]
        if isinstance(chained.get("undoes"), int):
            chained["undoes"] = new_ids.get(chained["undoes"], chained["undoes"])
        chained["hash"] = entry_hash(chained)
        previous = chained["hash"]
        lines.append(canonical_json(chained) + "\n")
    temporary = directory / f".{LOG_NAME}.{os.getpid()}.tmp"
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.writelines(lines)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, log_path(directory))
        os.replace(legacy, directory / MIGRATED_NAME)
        if entries:
            _write_head(directory, {"id": len(entries), "hash": previous})
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise StoreError(
            f"Cannot migrate {legacy} to {log_path(directory)}: {error.strerror}; free disk space or "
            "give this user write access (nothing was changed)"
        ) from None
    return True
