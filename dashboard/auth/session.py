"""Server-side sessions (Flask-Session) and the signed-in user of a request.

The browser holds only a random session id (``euiom_session``, HttpOnly); what the session says
(who, their id and stamp, roles, since when) lives in the shared state (``dashboard.server.shared_state``:
memory, a server's files, or Redis), where every worker and server reads it. So:

- signing out deletes the session there: a cookie captured before still names it, and is refused;
- a session is valid for ``EUIOM_SESSION_LIFETIME`` from sign-in (not renewed by activity);
- users mode: the user's entry in the users file is re-read (only when it changed) at every
  request; a removed user, a user removed and added back (a new id), and a changed password or
  roles (a new stamp) end every session of that user at their next request;
- oidc mode: the identity provider is asked again when the tokens it gave expire
  (``dashboard.auth.provider_grants``), so a person removed there loses access within that time.

A session nobody signed into (the sign-in form's CSRF token) is kept 30 minutes at most.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from cachelib import BaseCache
from flask import Flask, current_app, session
from flask_session.cachelib import CacheLibSessionInterface

from dashboard.auth.roles import NOBODY, OPEN_VISITOR, User, signed_in_user
from dashboard.auth.users_file import UserEntry, read_users

ANONYMOUS_SESSION_LIFETIME = timedelta(minutes=30)


class SharedSessionInterface(CacheLibSessionInterface):
    """Flask-Session over any cachelib store; sessions nobody signed into expire sooner."""

    def _upsert_session(self, session_lifetime: timedelta, session, store_id: str) -> None:  # noqa: ANN001
        if "user" not in session:
            session_lifetime = min(session_lifetime, ANONYMOUS_SESSION_LIFETIME)
        super()._upsert_session(session_lifetime, session, store_id)


def install_sessions(server: Flask, cache: BaseCache, key_prefix: str, lifetime: int) -> None:
    """Keep ``server``'s sessions in ``cache`` (the shared state), ``lifetime`` seconds at most."""
    server.config["PERMANENT_SESSION_LIFETIME"] = timedelta(seconds=lifetime)
    server.session_interface = SharedSessionInterface(
        client=cache,
        key_prefix=key_prefix + "session:",
        permanent=False,
        sid_length=32,
        serialization_format="msgpack",
    )


@dataclass
class UsersDirectory:
    """The users file, re-read only when its modification time or size changes."""

    path: Path
    _stamp: tuple[float, int, int] | None = field(default=None, init=False, repr=False)
    _users: dict[str, UserEntry] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def users(self) -> dict[str, UserEntry]:
        """Every user of the file as it is now."""
        try:
            stat = self.path.stat()
            stamp = (stat.st_mtime, stat.st_size, stat.st_ino)
        except FileNotFoundError:
            return {}
        with self._lock:
            if stamp != self._stamp:
                self._users = read_users(self.path)
                self._stamp = stamp
            return self._users


def start_session(
    name: str, roles: list[str], mode: str, *, user_id: str, stamp: str = "", **extra: str
) -> None:
    """Replace whatever the session held by a fresh sign-in, under a new session id."""
    session.clear()
    # A browser-session cookie: the lifetime is enforced here from ``signed_in_at``, which also lets
    # an expired session be told from no session at all.
    session.permanent = False
    session.update(
        {
            "user": name,
            "uid": user_id,
            "stamp": stamp,
            "roles": roles,
            "mode": mode,
            "signed_in_at": int(time.time()),
            **extra,
        }
    )
    # A new id, the old one deleted: an id planted in the browser before sign-in is worth nothing.
    interface = current_app.session_interface
    if not isinstance(interface, SharedSessionInterface):
        raise RuntimeError("sessions are not installed (dashboard.auth.session.install_sessions)")
    interface.regenerate(session)


def end_session() -> None:
    """Sign out: the session is deleted from the shared state, and its cookie with it."""
    session.clear()


def session_state(
    mode: str,
    lifetime: int,
    users: UsersDirectory | None,
    provider_roles: Callable[[str], list[str] | None] | None = None,
) -> tuple[User, bool]:
    """The session's user, and whether a session was there but has ended (expired or revoked).

    ``provider_roles`` (oidc mode) gives the roles the identity provider confirms for a user id,
    or None when it no longer does.
    """
    if mode == "open":
        return OPEN_VISITOR, False
    name, signed_in_at, user_id = (
        session.get("user"),
        session.get("signed_in_at"),
        session.get("uid"),
    )
    if (
        not isinstance(name, str)
        or not isinstance(signed_in_at, int)
        or not isinstance(user_id, str)
        or session.get("mode") != mode
    ):
        return NOBODY, False
    if time.time() - signed_in_at > lifetime:
        return NOBODY, True
    roles = session.get("roles", [])
    if users is not None:
        entry = users.users().get(name)
        if entry is None or entry.user_id != user_id or entry.stamp != session.get("stamp"):
            return NOBODY, True
        roles = list(entry.roles)
    elif provider_roles is not None:
        confirmed = provider_roles(user_id)
        if not confirmed:
            return NOBODY, True
        roles = confirmed
    try:
        return signed_in_user(name, roles, user_id, str(session.get("stamp", ""))), False
    except ValueError:
        return NOBODY, False
