"""Where sessions, rate limits, sign-in counters and identity-provider grants live.

One choice for all of them, so that every worker and server that serves a user sees the same:

- ``EUIOM_REDIS_URL`` set: Redis (several workers, several servers). Sessions and grants go in
  through cachelib's ``RedisCache``, counts through Flask-Limiter's Redis storage.
- else ``EUIOM_STATE_DIR`` set: files in that directory, shared by the workers of one server
  (sessions: cachelib's ``FileSystemCache``; counts: ``dashboard.server.sqlite_limits``). gunicorn sets it
  to a fresh private directory when neither is given (``gunicorn.conf.py``).
- else memory: the single process of ``make run``; nothing to install, nothing written.

Keys start with a prefix derived from ``EUIOM_SECRET_KEY``, so two deployments sharing one Redis
never see each other's sessions or counts.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from cachelib import BaseCache, FileSystemCache, RedisCache, SimpleCache

from dashboard.settings import Settings

# Entries a memory or file cache keeps before pruning the oldest (sessions and grants).
MAX_ENTRIES = 20_000
DEFAULT_TIMEOUT = 8 * 3600


class SharedStateError(RuntimeError):
    """The shared state named by the settings cannot be used (Redis unreachable, directory unwritable)."""


@dataclass(frozen=True)
class SharedState:
    """The store of each kind of shared state for one app."""

    kind: str  # "memory", "file" or "redis"
    cache: BaseCache = field(repr=False)  # sessions and identity-provider grants
    limits_uri: str  # Flask-Limiter's storage
    key_prefix: str

    @property
    def shared_by_workers(self) -> bool:
        """True when several processes see the same sessions and counts."""
        return self.kind != "memory"


def key_prefix(settings: Settings) -> str:
    """A prefix naming this deployment, from its secret key (the open demo has none)."""
    if not settings.secret_key:
        return "euiom:open:"
    return "euiom:" + hashlib.sha256(settings.secret_key.encode("utf-8")).hexdigest()[:12] + ":"


def open_shared_state(settings: Settings) -> SharedState:
    """The shared state the settings name (see the module doc).

    Raises:
        SharedStateError: Redis does not answer, or the state directory cannot be written.
    """
    prefix = key_prefix(settings)
    if settings.redis_url:
        import redis

        client = redis.Redis.from_url(settings.redis_url, socket_timeout=5, socket_connect_timeout=5)
        try:
            client.ping()
        except redis.RedisError as error:
            raise SharedStateError(f"EUIOM_REDIS_URL: Redis does not answer ({type(error).__name__}: "
                                   f"{error}); start it or fix the URL") from None
        return SharedState("redis", RedisCache(host=client, key_prefix=prefix, default_timeout=DEFAULT_TIMEOUT),
                           settings.redis_url, prefix)
    if settings.state_dir is not None:
        directory = settings.state_dir
        try:
            directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(directory, 0o700)
            probe = directory / ".writable"
            probe.write_text("ok")
            probe.unlink()
        except OSError as error:
            raise SharedStateError(f"EUIOM_STATE_DIR={directory} cannot be written ({error.strerror}); "
                                   "name a directory this user owns") from None
        import dashboard.server.sqlite_limits  # noqa: F401  (registers the euiom-sqlite:// storage)

        cache = FileSystemCache(str(directory / "sessions"), threshold=MAX_ENTRIES, mode=0o600,
                                default_timeout=DEFAULT_TIMEOUT)
        return SharedState("file", cache, f"euiom-sqlite://{Path(directory) / 'limits.sqlite3'}", prefix)
    return SharedState("memory", SimpleCache(threshold=MAX_ENTRIES, default_timeout=DEFAULT_TIMEOUT),
                       "memory://", prefix)
