"""API tokens of signed-in analysts: created and revoked on /tokens, kept hashed in a JSON file.

Only a SHA-256 hash of each token is stored (tokens are 32 random bytes, so a plain hash is
enough); the token itself is shown once, when it is created. The file lives next to the users
file (``EUIOM_API_TOKENS_FILE``), never in the read-only store.

A token belongs to its owner's id (never reused) and, in users mode, to the owner's stamp: removing
the user, adding the name back, or changing their password or roles ends it.

Every change (create, revoke) reads, changes and rewrites the file while holding an exclusive
``flock`` on ``<file>.lock``: the workers and servers that share the file take turns, so none
rewrites the file from a copy read before another's change (before: 12 tokens created at once
through two servers left 8 working, and a revoked token could come back).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import secrets
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

TOKEN_PREFIX = "euiom_"
MAX_TOKENS_PER_USER = 20
MAX_LABEL_LENGTH = 80


def token_hash(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class TokenRecord:
    """One token: its id (shown, safe), owner, roles at creation, label and creation time."""

    token_id: str
    hash: str
    user: str
    roles: tuple[str, ...]
    label: str
    created: int
    user_id: str = ""
    stamp: str = ""


@dataclass
class TokenStore:
    """The tokens file; every change rewrites it atomically under an exclusive lock shared by every
    process; reads follow changes made by other workers."""

    path: Path

    @contextmanager
    def _changing(self) -> Iterator[None]:
        """Hold the tokens file's lock (``flock`` on ``<file>.lock``) for one read-change-write."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(
            self.path.with_name(self.path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600
        )
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # releases the lock

    def _read(self) -> list[TokenRecord]:
        try:
            rows = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        return [
            TokenRecord(
                row["token_id"],
                row["hash"],
                row["user"],
                tuple(row["roles"]),
                row["label"],
                int(row["created"]),
                str(row.get("user_id", "")),
                str(row.get("stamp", "")),
            )
            for row in rows
        ]

    def _write(self, records: list[TokenRecord]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        rows = [record.__dict__ | {"roles": list(record.roles)} for record in records]
        handle, temporary = tempfile.mkstemp(
            dir=self.path.parent, prefix=".tokens-", suffix=".json"
        )
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(rows, file, indent=1)
        os.chmod(temporary, 0o600)
        os.replace(temporary, self.path)

    def find(self, token: str) -> TokenRecord | None:
        """The record of a presented token, or None."""
        if not token.startswith(TOKEN_PREFIX) or len(token) > 100:
            return None
        wanted = token_hash(token)
        return next(
            (record for record in self._read() if secrets.compare_digest(record.hash, wanted)), None
        )

    def of_user(self, user_id: str) -> list[TokenRecord]:
        """A user's tokens (by user id), oldest first."""
        return [record for record in self._read() if record.user_id == user_id]

    def create(
        self, user: str, roles: tuple[str, ...], label: str, *, user_id: str, stamp: str = ""
    ) -> tuple[str, TokenRecord]:
        """A new token for ``user``: (the token, shown once; its record).

        Raises:
            ValueError: the user already holds the most tokens allowed.
        """
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        record = TokenRecord(
            secrets.token_hex(6),
            token_hash(token),
            user,
            tuple(sorted(roles)),
            label.strip()[:MAX_LABEL_LENGTH],
            int(time.time()),
            user_id,
            stamp,
        )
        with self._changing():
            records = self._read()
            if sum(existing.user_id == user_id for existing in records) >= MAX_TOKENS_PER_USER:
                raise ValueError(f"at most {MAX_TOKENS_PER_USER} tokens per user")
            self._write([*records, record])
        return token, record

    def revoke(self, user_id: str, token_id: str) -> bool:
        """Remove one of the user's tokens; False when they hold none with that id."""
        with self._changing():
            records = self._read()
            kept = [
                record
                for record in records
                if not (record.user_id == user_id and record.token_id == token_id)
            ]
            if len(kept) == len(records):
                return False
            self._write(kept)
        return True
