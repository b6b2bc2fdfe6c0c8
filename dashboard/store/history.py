"""Reading a store directory's history: the checked entries of its append-only log.

The log (``STORE_DIR/history.jsonl``, its head anchored in ``history.head``, or a legacy
``history.json``) is written only by ``dashboard.build.history_log``, whose docstring describes the
chain and its checks. Reading it lives here, beside the store, because the store reads it too: the
privacy ledger of a store directory sums the releases its history records (``ledger.py``).
"""

from __future__ import annotations

import hashlib
import json
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


class HistoryDamaged(StoreError):
    """The history log (or the legacy history file) is not what this dashboard wrote."""


def log_path(directory: Path) -> Path:
    """Where ``directory``'s history log is."""
    return Path(directory) / LOG_NAME


def canonical_json(entry: dict) -> str:
    """An entry as it is written and hashed: keys sorted, no spaces, UTF-8 kept."""
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(entry: dict) -> str:
    """The SHA-256 of an entry's canonical JSON, without its own ``hash``."""
    return hashlib.sha256(
        canonical_json({k: v for k, v in entry.items() if k != "hash"}).encode()
    ).hexdigest()


def _damaged(path: Path, where: str, what: str) -> HistoryDamaged:
    return HistoryDamaged(
        f"The history log {path} is damaged ({where}: {what}). It is never rewritten by the dashboard: restore it "
        "from a backup. Changes to this store (imports, rollbacks, builds) are refused until then; serving goes on"
    )


def _read_chain(path: Path) -> list[dict]:
    try:
        data = path.read_bytes()
        if data and not data.endswith(b"\n"):
            time.sleep(APPEND_GRACE_SECONDS)  # an entry being appended right now, or one cut short
            data = path.read_bytes()
    except OSError as error:
        raise HistoryDamaged(
            f"Cannot read the history log {path}: {error.strerror}; check its permissions"
        ) from None
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
            raise _damaged(
                path, f"line {number}", f"entry id {entry.get('id')!r} where {number} was expected"
            )
        entries.append(entry)
        previous = entry["hash"]
    return entries


def _read_legacy(path: Path) -> list[dict]:
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise HistoryDamaged(
            f"Cannot read the history file {path}: {error.strerror}; check its permissions"
        ) from None
    except (ValueError, UnicodeDecodeError):
        raise HistoryDamaged(
            f"The history file {path} is damaged (not JSON). It is never rewritten by the dashboard: "
            "restore it from a backup. Changes to this store are refused until then"
        ) from None
    if not isinstance(entries, list) or not all(
        isinstance(entry, dict) and isinstance(entry.get("id"), int) for entry in entries
    ):
        raise HistoryDamaged(
            f"The history file {path} is damaged (not a list of entries): restore it from a backup"
        )
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
        raise HistoryDamaged(
            f"Cannot read the history anchor {path}: {error.strerror}; check its permissions"
        ) from None
    except (ValueError, UnicodeDecodeError):
        head = None
    if (
        not isinstance(head, dict)
        or not isinstance(head.get("id"), int)
        or not isinstance(head.get("hash"), str)
    ):
        raise HistoryDamaged(
            f"The history anchor {path} is damaged (not an entry id and hash). It is never rewritten "
            "by the dashboard: restore it and the log from a backup. Changes to this store are refused "
            "until then; serving goes on"
        )
    return head["id"], head["hash"]


def check_anchor(directory: Path, entries: list[dict], anchor: tuple[int, str], where: str) -> None:
    """Refuse a log that lacks the entry ``anchor`` (id, hash) names, or holds another in its place.

    Raises:
        HistoryDamaged: naming the log, what is missing and where the anchor was found.
    """
    path = log_path(directory)
    entry_id, entry_hash = anchor
    if entry_id > len(entries):
        state = (
            "is missing"
            if not path.exists()
            else "is empty"
            if not entries
            else f"ends at entry {len(entries)}"
        )
        raise HistoryDamaged(
            f"The history log {path} {state}, but {where} records entry {entry_id}: its last entries were removed. "
            "It is never rewritten by the dashboard: restore it from a backup. Changes to this store (imports, "
            "rollbacks, builds) are refused until then; serving goes on"
        )
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
        entries = [
            {**entry, "migrated": True}
            for entry in _with_holdings(_read_legacy(directory / LEGACY_NAME))
        ]
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
        demo = {
            item["id"]
            for item in entries
            if item.get("action") == "build" and item.get("kind") == "demo"
        }
        return [held for held in served_holds if held not in demo] + [entry["id"]]
    if action == "upgrade":
        return list(served_holds)
    return None


def version_holdings(entries: list[dict]) -> dict[str, list[int]]:
    """Version name -> the entry ids whose rows it holds, for every version the log made."""
    return {
        entry["version"]: list(entry["holds"])
        for entry in entries
        if isinstance(entry.get("holds"), list) and entry.get("version")
    }


def served_by_log(entries: list[dict]) -> str | None:
    """The version the log says is served: the one its last entry left served."""
    return entries[-1].get("version") if entries else None
