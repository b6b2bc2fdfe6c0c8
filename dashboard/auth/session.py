"""The signed-in user of a request, read from Flask's signed session cookie.

The session holds who signed in, their roles and when; it is valid for ``EUIOM_SESSION_LIFETIME``
from sign-in (not renewed by activity). In users mode the roles are re-read from the users file
(only when it changed), so removing a user or a role takes effect at their next request.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from flask import session

from dashboard.auth.roles import NOBODY, OPEN_VISITOR, User, signed_in_user
from dashboard.auth.users_file import UserEntry, read_users


@dataclass
class UsersDirectory:
    """The users file, re-read only when its modification time or size changes."""

    path: Path
    _stamp: tuple[float, int] | None = field(default=None, init=False, repr=False)
    _users: dict[str, UserEntry] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def users(self) -> dict[str, UserEntry]:
        """Every user of the file as it is now."""
        try:
            stat = self.path.stat()
            stamp = (stat.st_mtime, stat.st_size)
        except FileNotFoundError:
            return {}
        with self._lock:
            if stamp != self._stamp:
                self._users = read_users(self.path)
                self._stamp = stamp
            return self._users


def start_session(name: str, roles: list[str], mode: str, **extra: str) -> None:
    """Replace whatever the session held by a fresh sign-in."""
    session.clear()
    # A browser-session cookie: the lifetime is enforced here from ``signed_in_at`` (signed, so it
    # cannot be changed), which also lets an expired session be told from no session at all.
    session.permanent = False
    session.update({"user": name, "roles": roles, "mode": mode, "signed_in_at": int(time.time()), **extra})


def session_state(mode: str, lifetime: int, users: UsersDirectory | None) -> tuple[User, bool]:
    """The session's user, and whether a session was there but has expired (or was revoked)."""
    if mode == "open":
        return OPEN_VISITOR, False
    name, signed_in_at = session.get("user"), session.get("signed_in_at")
    if not isinstance(name, str) or not isinstance(signed_in_at, int) or session.get("mode") != mode:
        return NOBODY, False
    if time.time() - signed_in_at > lifetime:
        return NOBODY, True
    roles = session.get("roles", [])
    if users is not None:
        entry = users.users().get(name)
        if entry is None:
            return NOBODY, True
        roles = list(entry.roles)
    try:
        return signed_in_user(name, roles), False
    except ValueError:
        return NOBODY, False
