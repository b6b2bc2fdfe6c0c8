"""The users file of ``EUIOM_AUTH=users``: names, salted password hashes (werkzeug's scrypt) and roles.

The file is JSON, ``{"users": {"name": {"id": ..., "stamp": ..., "password_hash": ..., "roles": [...]}}}``,
written only by
``python -m dashboard add-user`` / ``remove-user`` and read on every sign-in and (cheaply, by
modification time) on every request, so an edit takes effect without a restart.

Each user has an ``id``, random and never given again (a name removed and added back is another
user: the old one's sessions and API tokens stay dead), and a ``stamp`` that changes with every
change of password or roles: sessions and tokens carry both, so such a change ends them at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from dashboard.auth.roles import Role

USER_NAME = re.compile(r"[A-Za-z0-9._@-]{1,64}")
MIN_PASSWORD_LENGTH = 12
# Checked when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not-a-password-of-anyone")


class UsersFileError(ValueError):
    """The users file or a user entry cannot be used."""


@dataclass(frozen=True)
class UserEntry:
    """One user of the file."""

    name: str
    password_hash: str
    roles: tuple[Role, ...]
    user_id: str = ""
    stamp: str = ""


def _legacy_identity(name: str, password_hash: str) -> tuple[str, str]:
    """id and stamp of an entry written before they existed: derived from it, so that every worker
    reads the same, and changed by its next rewrite (a salted hash differs each time)."""
    digest = hashlib.sha256(f"{name}\n{password_hash}".encode()).hexdigest()
    return "legacy-" + digest[:20], digest[20:36]


def _entry(name: str, raw: dict) -> UserEntry:
    password_hash = str(raw["password_hash"])
    legacy_id, legacy_stamp = _legacy_identity(name, password_hash)
    return UserEntry(
        name,
        password_hash,
        tuple(Role(role) for role in raw["roles"]),
        str(raw.get("id") or legacy_id),
        str(raw.get("stamp") or legacy_stamp),
    )


def read_users(path: Path) -> dict[str, UserEntry]:
    """Every user of the file at ``path`` (none when it does not exist).

    Raises:
        UsersFileError: the file is not a users file.
    """
    if not path.exists():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        entries = {name: _entry(name, entry) for name, entry in raw["users"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise UsersFileError(
            f"{path} is not a users file of this dashboard ({error}); "
            "recreate it with python -m dashboard add-user"
        ) from None
    return entries


def _write_users(path: Path, users: dict[str, UserEntry]) -> None:
    """Replace the file atomically, readable by its owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    content = {
        "users": {
            name: {
                "id": entry.user_id,
                "stamp": entry.stamp,
                "password_hash": entry.password_hash,
                "roles": [str(r) for r in entry.roles],
            }
            for name, entry in sorted(users.items())
        }
    }
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".users-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(content, file, indent=2)
    os.chmod(temporary, 0o600)
    os.replace(temporary, path)


def add_user(path: Path, name: str, password: str, roles: list[str]) -> UserEntry:
    """Add ``name`` (or replace its password and roles) in the file at ``path``.

    A new name gets a new id; a known one keeps its id and gets a new stamp, which ends its sessions
    and API tokens.

    Raises:
        UsersFileError: a bad name, a short password or an unknown role.
    """
    if not USER_NAME.fullmatch(name):
        raise UsersFileError("a user name is 1-64 letters, digits, '.', '_', '@' or '-'")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UsersFileError(f"a password has at least {MIN_PASSWORD_LENGTH} characters")
    known = ", ".join(Role)
    try:
        parsed = tuple(dict.fromkeys(Role(role.strip()) for role in roles if role.strip()))
    except ValueError:
        raise UsersFileError(f"roles are among {known}") from None
    users = read_users(path)
    existing = users.get(name)
    entry = UserEntry(
        name,
        generate_password_hash(password),
        parsed or (Role.VIEWER,),
        existing.user_id if existing else "u-" + secrets.token_hex(12),
        secrets.token_hex(8),
    )
    users[name] = entry
    _write_users(path, users)
    return entry


def remove_user(path: Path, name: str) -> bool:
    """Remove ``name`` from the file; False when it was not there."""
    users = read_users(path)
    if users.pop(name, None) is None:
        return False
    _write_users(path, users)
    return True


def check_password(users: dict[str, UserEntry], name: str, password: str) -> UserEntry | None:
    """The user when ``password`` is theirs, else None (in about the same time either way)."""
    entry = users.get(name)
    valid = check_password_hash(entry.password_hash if entry else _DUMMY_HASH, password)
    return entry if valid and entry is not None else None
