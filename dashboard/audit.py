"""The audit trail of sign-ins and API tokens: an append-only log, every entry chained.

Imports, rollbacks and builds are recorded in their store directory's history
(``dashboard.build.history_log``). Everything else that changes who may do what is recorded here:
a sign-in (and a refused one, with the name tried), a sign-out, an API token created or revoked,
the local data manager's link used, a user saved or removed by ``python -m dashboard add-user`` /
``remove-user``. The file is ``EUIOM_AUDIT_LOG`` (default ``audit.jsonl``
next to the users file), one JSON entry per line::

    {"id": 7, "at": "2026-12-06T10:00:00+00:00", "event": "token_created", "user": "ana",
     "user_id": "u-...", "address": "10.0.0.7", "detail": {"token_id": "..."}, "prev": "...", "hash": "..."}

Each entry holds the SHA-256 of the entry before it (``prev``) and its own (``hash``), as the
history log does, so an entry edited, removed or reordered is found by ``python -m dashboard
audit``, which checks the whole chain and prints it. Appending takes an exclusive ``flock`` on the
file, so every worker and server sharing it (on one disk, with the users file) appends in turn.
Passwords and tokens are never written; a user name tried at a failed sign-in is (so that a
password typed into the name field would be too: the name is cut to 64 characters).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import logging
import os
from pathlib import Path

LOG = logging.getLogger(__name__)
GENESIS = "0" * 64
TAIL_BYTES = (
    64 * 1024
)  # an entry is a few hundred bytes; the last one is within this much of the end
EVENTS = (
    "sign_in",
    "sign_in_failed",
    "sign_in_refused",
    "sign_out",
    "token_created",
    "token_revoked",
    "local_link",
    "user_saved",
    "user_removed",
)


class AuditError(OSError):
    """The audit log cannot be written, or is damaged (the message names the file)."""


def _canonical(entry: dict) -> str:
    return json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(entry: dict) -> str:
    """The SHA-256 of an entry's canonical JSON, without its own ``hash``."""
    return hashlib.sha256(
        _canonical({k: v for k, v in entry.items() if k != "hash"}).encode()
    ).hexdigest()


def _last_entry(descriptor: int, path: Path) -> dict | None:
    size = os.fstat(descriptor).st_size
    if size == 0:
        return None
    start = max(0, size - TAIL_BYTES)
    tail = os.pread(descriptor, size - start, start)
    lines = tail.rstrip(b"\n").rsplit(b"\n", 1)
    try:
        last = json.loads(lines[-1])
    except (ValueError, UnicodeDecodeError):
        last = None
    if (
        not isinstance(last, dict)
        or not isinstance(last.get("id"), int)
        or not isinstance(last.get("hash"), str)
    ):
        raise AuditError(
            f"The last entry of the audit log {path} is damaged: check it with python -m dashboard audit "
            "and restore it from a backup"
        )
    return last


def append(
    path: Path,
    event: str,
    *,
    user: str = "",
    user_id: str = "",
    address: str = "",
    detail: dict | None = None,
) -> dict:
    """Append one event and return its entry as written.

    Raises:
        AuditError: the log cannot be written (a full disk, no permission) or its end is damaged.
    """
    entry: dict[str, object] = {
        "event": event,
        "user": user[:64],
        "user_id": user_id,
        "address": address,
        "detail": detail or {},
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
    except OSError as error:
        raise AuditError(f"Cannot write the audit log {path}: {error.strerror}") from None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        last = _last_entry(descriptor, path)
        entry = {
            **entry,
            "id": (last["id"] + 1) if last else 1,
            "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "prev": last["hash"] if last else GENESIS,
        }
        entry["hash"] = entry_hash(entry)
        line = (_canonical(entry) + "\n").encode()
        size = os.fstat(descriptor).st_size
        try:
            if os.write(descriptor, line) != len(line):
                raise OSError(28, "No space left on device")
            os.fsync(descriptor)
        except OSError as error:
            os.ftruncate(descriptor, size)
            raise AuditError(f"Cannot write the audit log {path}: {error.strerror}") from None
    finally:
        os.close(descriptor)
    return entry


def record(
    path: Path | None,
    event: str,
    *,
    user: str = "",
    user_id: str = "",
    address: str = "",
    detail: dict | None = None,
) -> bool:
    """Append one event; a failure is logged as an error (the caller goes on). True when written."""
    if path is None:
        return False
    try:
        append(path, event, user=user, user_id=user_id, address=address, detail=detail)
    except AuditError as error:
        LOG.error("Audit entry %s not written: %s", event, error)
        return False
    return True


def read(path: Path) -> list[dict]:
    """Every entry of the audit log, oldest first, the chain checked ([] when there is none).

    Raises:
        AuditError: the log is damaged (names the file and the line).
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as error:
        raise AuditError(f"Cannot read the audit log {path}: {error.strerror}") from None
    entries: list[dict] = []
    previous = GENESIS
    for number, line in enumerate(data.splitlines(), start=1):
        where = f"The audit log {path} is damaged (line {number}"
        try:
            entry = json.loads(line)
        except (ValueError, UnicodeDecodeError):
            raise AuditError(f"{where}: not a JSON entry)") from None
        if not isinstance(entry, dict) or entry.get("prev") != previous:
            raise AuditError(f"{where}: the entry before it was changed or removed)")
        if entry_hash(entry) != entry.get("hash"):
            raise AuditError(f"{where}: the entry was changed after it was written)")
        if entry.get("id") != number:
            raise AuditError(f"{where}: entry id {entry.get('id')!r} where {number} was expected)")
        entries.append(entry)
        previous = entry["hash"]
    if data and not data.endswith(b"\n"):
        raise AuditError(
            f"The audit log {path} is damaged (line {len(entries)}: the last entry was cut short)"
        )
    return entries


def line(entry: dict) -> str:
    """One entry as the ``audit`` command prints it."""
    detail = ", ".join(f"{key}={value}" for key, value in sorted(entry.get("detail", {}).items()))
    return (
        f"{entry['id']:>6}  {entry['at']}  {entry['event']:<16} {entry.get('user') or '-':<20} "
        f"from {entry.get('address') or '-'}" + (f"  {detail}" if detail else "")
    )
