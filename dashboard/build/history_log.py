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
import hashlib
import json
import logging
import os
import time
from pathlib import Path

from dashboard.store.files import StoreError

LOG_NAME = "history.jsonl"
HEAD_NAME = "history.head"
LEGACY_NAME = "history.json"
MIGRATED_NAME = "history.json.migrated"
GENESIS = "0" * 64
APPEND_GRACE_SECONDS = 0.1  # how long a reader waits for a line another process is appending
# What each kind of entry changed: builds, imports and upgrades make a new version; a rollback
# serves a kept version again; a cleanup removes what an interrupted change left behind.
ACTIONS = ("build", "import", "upgrade", "rollback", "cleanup", "outside")


LOG = logging.getLogger(__name__)


class HistoryDamaged(StoreError):
    """The history log (or the legacy history file) is not what this dashboard wrote."""


def log_path(directory: Path) -> Path:
    """Where ``directory``'s history log is."""
    return Path(directory) / LOG_NAME


def _canonical(entry: dict) -> str:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(entry: dict) -> str:
    """The SHA-256 of an entry's canonical JSON, without its own ``hash``."""
    return hashlib.sha256(_canonical({k: v for k, v in entry.items() if k != "hash"}).encode()).hexdigest()


def _damaged(path: Path, where: str, what: str) -> HistoryDamaged:
    return HistoryDamaged(
        f"The history log {path} is damaged ({where}: {what}). It is never rewritten by the dashboard: restore it "
        "from a backup. Changes to this store (imports, rollbacks, builds) are refused until then; serving goes on")


def _read_chain(path: Path) -> list[dict]:
    try:
        data = path.read_bytes()
        if data and not data.endswith(b"\n"):
            time.sleep(APPEND_GRACE_SECONDS)  # an entry being appended right now, or one cut short
            data = path.read_bytes()
    except OSError as error:
        raise HistoryDamaged(f"Cannot read the history log {path}: {error.strerror}; check its permissions") from None
    if data and not data.endswith(b"\n"):
        raise _damaged(path, f"line {len(data.splitlines())}", "the last entry was cut short")
    entries: list[dict] = []
    previous = GENESIS
    for number, line in enumerate(data.splitlines(), start=1):
        try:
            entry = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            raise _damaged(path, f"line {number}", "not a JSON entry") from None
        if not isinstance(entry, dict) or not isinstance(entry.get("hash"), str):
            raise _damaged(path, f"line {number}", "not a history entry")
        if entry.get("prev") != previous:
            raise _damaged(path, f"line {number}", "the entry before it was changed or removed")
        if entry_hash(entry) != entry["hash"]:
            raise _damaged(path, f"line {number}", "the entry was changed after it was written")
        if entry.get("id") != number:
            raise _damaged(path, f"line {number}", f"entry id {entry.get('id')!r} where {number} was expected")
        entries.append(entry)
        previous = entry["hash"]
    return entries


def _read_legacy(path: Path) -> list[dict]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise HistoryDamaged(f"Cannot read the history file {path}: {error.strerror}; check its permissions") from None
    except (ValueError, UnicodeDecodeError):
        raise HistoryDamaged(f"The history file {path} is damaged (not JSON). It is never rewritten by the dashboard: "
                             "restore it from a backup. Changes to this store are refused until then") from None
    if not isinstance(entries, list) or not all(isinstance(entry, dict) and isinstance(entry.get("id"), int)
                                                for entry in entries):
        raise HistoryDamaged(f"The history file {path} is damaged (not a list of entries): restore it from a backup")
    return entries


def head_path(directory: Path) -> Path:
    """Where ``directory``'s chain head (the last entry's id and hash) is anchored."""
    return Path(directory) / HEAD_NAME


def read_head(directory: Path) -> tuple[int, str] | None:
    """The id and hash of the last entry appended, as anchored beside the log (None: no anchor).

    Raises:
        HistoryDamaged: the anchor is unreadable or not what this dashboard writes.
    """
    path = head_path(directory)
    try:
        head = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except OSError as error:
        raise HistoryDamaged(f"Cannot read the history anchor {path}: {error.strerror}; check its permissions") from None
    except (ValueError, UnicodeDecodeError):
        head = None
    if not isinstance(head, dict) or not isinstance(head.get("id"), int) or not isinstance(head.get("hash"), str):
        raise HistoryDamaged(f"The history anchor {path} is damaged (not an entry id and hash). It is never rewritten "
                             "by the dashboard: restore it and the log from a backup. Changes to this store are refused "
                             "until then; serving goes on")
    return head["id"], head["hash"]


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
        LOG.warning("Could not write the history anchor %s (%s); it is written again at the next change", path,
                    error.strerror)


def check_anchor(directory: Path, entries: list[dict], anchor: tuple[int, str], where: str) -> None:
    """Refuse a log that lacks the entry ``anchor`` (id, hash) names, or holds another in its place.

    Raises:
        HistoryDamaged: naming the log, what is missing and where the anchor was found.
    """
    path = log_path(directory)
    entry_id, entry_hash = anchor
    if entry_id > len(entries):
        state = ("is missing" if not path.exists() else "is empty" if not entries
                 else f"ends at entry {len(entries)}")
        raise HistoryDamaged(
            f"The history log {path} {state}, but {where} records entry {entry_id}: its last entries were removed. "
            "It is never rewritten by the dashboard: restore it from a backup. Changes to this store (imports, "
            "rollbacks, builds) are refused until then; serving goes on")
    if entry_id >= 1 and entries[entry_id - 1].get("hash") != entry_hash:
        raise _damaged(path, f"line {entry_id}", f"the entry differs from the one {where} records")


def read_entries(directory: Path) -> list[dict]:
    """Every entry of ``directory``'s history, oldest first, checked ([] when it has none).

    Raises:
        HistoryDamaged: the log or the legacy history file is damaged, or the log stops before its
            anchored head (names the file and the fix).
    """
    directory = Path(directory)
    head = read_head(directory)  # first: an append writes the log, then the head
    if log_path(directory).exists():
        entries = _read_chain(log_path(directory))
    elif (directory / LEGACY_NAME).exists():
        entries = [{**entry, "migrated": True} for entry in _with_holdings(_read_legacy(directory / LEGACY_NAME))]
    else:
        entries = []
    if head is not None:
        check_anchor(directory, entries, head, head_path(directory).name)
    return entries


def _with_holdings(entries: list[dict]) -> list[dict]:
    """Legacy entries with ``holds`` (which entries' rows each new version holds), replayed."""
    holdings: dict[str | None, list[int]] = {}
    result = []
    for entry in entries:
        entry = dict(entry)
        holds = holdings_after(entry, holdings.get(entry.get("previous"), []), entries)
        if holds is not None:
            entry["holds"] = holds
            holdings[entry.get("version")] = holds
        result.append(entry)
    return result


def holdings_after(entry: dict, served_holds: list[int], entries: list[dict]) -> list[int] | None:
    """The entry ids whose rows the version an entry made holds; None for an entry making none.

    A demo build holds its own demo rows; an empty build nothing; an import the served version's
    rows (without demo rows: real data replaces them) plus its own; an upgrade what it upgraded.
    """
    action = entry.get("action")
    if action == "build":
        return [entry["id"]] if entry.get("kind") == "demo" else []
    if action == "import":
        demo = {item["id"] for item in entries if item.get("action") == "build" and item.get("kind") == "demo"}
        return [held for held in served_holds if held not in demo] + [entry["id"]]
    if action == "upgrade":
        return list(served_holds)
    return None


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
    full = {**entry, "id": len(entries) + 1, "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "prev": entries[-1]["hash"] if entries else GENESIS}
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
        if entry.get("id") != full["id"] or entry.get("prev") != full["prev"] or entry_hash(entry) != entry["hash"]:
            raise StoreError(f"The history of {directory} changed while this change was being made (nothing was "
                             "changed): try again")
        full = entry
    else:
        full = next_entry(entries, entry)
    try:
        _append_line(log_path(directory), (_canonical(full) + "\n").encode())
    except OSError as error:
        raise StoreError(f"Cannot write the history log {log_path(directory)}: {error.strerror}; free disk space "
                         "or give this user write access (nothing was changed)") from None
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
        chained = {**{k: v for k, v in entry.items() if k not in ("hash", "prev")}, "legacy_id": entry["id"],
                   "id": new_ids[entry["id"]], "prev": previous}
        if "holds" in chained:
            chained["holds"] = [new_ids.get(held, held) for held in chained["holds"]]
        if isinstance(chained.get("undoes"), int):
            chained["undoes"] = new_ids.get(chained["undoes"], chained["undoes"])
        chained["hash"] = entry_hash(chained)
        previous = chained["hash"]
        lines.append(_canonical(chained) + "\n")
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
        raise StoreError(f"Cannot migrate {legacy} to {log_path(directory)}: {error.strerror}; free disk space or "
                         "give this user write access (nothing was changed)") from None
    return True


def version_holdings(entries: list[dict]) -> dict[str, list[int]]:
    """Version name -> the entry ids whose rows it holds, for every version the log made."""
    return {entry["version"]: list(entry["holds"]) for entry in entries
            if isinstance(entry.get("holds"), list) and entry.get("version")}


def served_by_log(entries: list[dict]) -> str | None:
    """The version the log says is served: the one its last entry left served."""
    return entries[-1].get("version") if entries else None
