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

Nothing read back from Redis or the state directory is unpickled (cachelib pickles by default, and
a pickle runs code when it is loaded): every session and grant is stored as JSON behind an
HMAC-SHA256 of its key and value (:class:`SignedCache`), keyed by ``EUIOM_SECRET_KEY`` (in the open
mode, which has no secret key and no signed-in user, by a random key kept in the state directory).
A value without the right HMAC is ignored: whoever can write in Redis still cannot forge or move a
session. The state directory must be this user's alone (``dashboard.private_dirs``, strict: mode
700, owned by this user, every directory above it safe); another is refused at start.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import tempfile
import typing
from dataclasses import dataclass, field
from pathlib import Path

from cachelib import BaseCache, FileSystemCache, RedisCache, SimpleCache
from cachelib.serializers import FileSystemSerializer, RedisSerializer

from dashboard.private_dirs import private_directory, private_key
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
    ping: typing.Callable[[], object] | None = field(
        default=None, repr=False
    )  # Redis: raises when it is down

    def down(self) -> str | None:
        """Why the shared state does not answer now (Redis down), else None."""
        if self.ping is None:
            return None
        try:
            self.ping()
        except Exception as error:  # noqa: BLE001 (any failure to answer is "down", named)
            return f"{type(error).__name__}: {error}"
        return None

    @property
    def shared_by_workers(self) -> bool:
        """True when several processes see the same sessions and counts."""
        return self.kind != "memory"


SEAL = b"EUIOM-SIGNED-1"
KEY_NAME = ".state.key"


class RawSerializer(FileSystemSerializer):
    """What a cachelib file cache writes: the bytes it is given (and its own count, an int), never
    a pickle; anything else read back is None."""

    def dump(self, value: object, f: typing.IO[bytes], *args: object, **kwargs: object) -> None:
        if isinstance(value, bytes):
            f.write(b"B" + value)
        elif type(value) is int:
            f.write(b"I" + str(value).encode("ascii"))
        else:
            raise TypeError(f"the shared state stores bytes only, not {type(value).__name__}")

    def load(self, f: typing.IO[bytes], *args: object, **kwargs: object) -> object:
        data = f.read()
        if data.startswith(b"B"):
            return data[1:]
        if data.startswith(b"I") and data[1:].isdigit():
            return int(data[1:])
        return None


class RawRedisSerializer(RedisSerializer):
    """What the Redis cache writes: the bytes it is given; nothing read back is ever unpickled."""

    def dumps(self, value: object, protocol: int = 0) -> bytes:
        if isinstance(value, bytes):
            return value
        if type(value) is int:
            return str(value).encode("ascii")
        raise TypeError(f"the shared state stores bytes only, not {type(value).__name__}")

    def loads(self, value: bytes | None) -> object:
        return value


class SignedCache(BaseCache):
    """A cachelib cache holding JSON values behind an HMAC of their key and value.

    A value read back without the right HMAC (written by someone without the key, or moved from
    another key) is treated as missing.
    """

    def __init__(self, inner: BaseCache, key: bytes) -> None:
        super().__init__(default_timeout=inner.default_timeout)
        self.inner = inner
        self.key = key

    def _mac(self, key: str, payload: bytes) -> bytes:
        return hmac.new(self.key, key.encode("utf-8") + b"\0" + payload, hashlib.sha256).digest()

    def seal(self, key: str, value: object) -> bytes:
        payload = json.dumps(value, separators=(",", ":"), allow_nan=False).encode("utf-8")
        return SEAL + self._mac(key, payload) + payload

    def unseal(self, key: str, data: object) -> object:
        if not isinstance(data, bytes) or not data.startswith(SEAL) or len(data) < len(SEAL) + 32:
            return None
        mac, payload = data[len(SEAL) : len(SEAL) + 32], data[len(SEAL) + 32 :]
        if not hmac.compare_digest(mac, self._mac(key, payload)):
            return None
        try:
            return json.loads(payload)
        except ValueError:
            return None

    def get(self, key: str) -> object:
        return self.unseal(key, self.inner.get(key))

    def set(self, key: str, value: object, timeout: int | dt.timedelta | None = None) -> bool:
        return bool(self.inner.set(key, self.seal(key, value), timeout))

    def add(self, key: str, value: object, timeout: int | dt.timedelta | None = None) -> bool:
        return bool(self.inner.add(key, self.seal(key, value), timeout))

    def delete(self, key: str) -> bool:
        return bool(self.inner.delete(key))

    def has(self, key: str) -> bool:
        return self.get(key) is not None

    def clear(self) -> bool:
        return bool(self.inner.clear())


def state_key(settings: Settings, directory: Path | None = None) -> bytes:
    """The HMAC key of the shared state: from ``EUIOM_SECRET_KEY``; in the open mode (no secret, no
    signed-in user) a random key kept in the state directory, else a fixed one."""
    if settings.secret_key:
        return hmac.new(
            settings.secret_key.encode("utf-8"), b"euiom shared state", hashlib.sha256
        ).digest()
    if directory is not None:
        return private_key(directory, KEY_NAME)
    return hashlib.sha256(b"euiom open demo: no signed-in user, nothing to forge").digest()


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

        client = redis.Redis.from_url(
            settings.redis_url, socket_timeout=5, socket_connect_timeout=5
        )
        try:
            client.ping()
        except redis.RedisError as error:
            raise SharedStateError(
                f"EUIOM_REDIS_URL: Redis does not answer ({type(error).__name__}: "
                f"{error}); start it or fix the URL"
            ) from None
        redis_cache = RedisCache(host=client, key_prefix=prefix, default_timeout=DEFAULT_TIMEOUT)
        redis_cache.serializer = RawRedisSerializer()
        return SharedState(
            "redis",
            SignedCache(redis_cache, state_key(settings)),
            settings.redis_url,
            prefix,
            ping=client.ping,
        )
    if settings.state_dir is not None:
        try:
            directory = private_directory(settings.state_dir, strict=True)
            private_directory(directory / "sessions", strict=True)
            # A probe of this process's own: workers start together, and one shared probe file
            # could be removed by one worker between another's write and removal.
            handle, probe = tempfile.mkstemp(dir=directory, prefix=".writable-")
            os.close(handle)
            os.unlink(probe)
            key = state_key(settings, directory)
        except OSError as error:
            raise SharedStateError(
                f"EUIOM_STATE_DIR={settings.state_dir} cannot be used "
                f"({error.strerror or error}); name a directory this user alone owns "
                "(mode 700), or leave it unset"
            ) from None
        import dashboard.server.sqlite_limits  # noqa: F401  (registers the euiom-sqlite:// storage)

        files = FileSystemCache(
            str(directory / "sessions"),
            threshold=MAX_ENTRIES,
            mode=0o600,
            default_timeout=DEFAULT_TIMEOUT,
        )
        files.serializer = RawSerializer()
        return SharedState(
            "file",
            SignedCache(files, key),
            f"euiom-sqlite://{Path(directory) / 'limits.sqlite3'}",
            prefix,
        )
    return SharedState(
        "memory",
        SimpleCache(threshold=MAX_ENTRIES, default_timeout=DEFAULT_TIMEOUT),
        "memory://",
        prefix,
    )


STATE_DIR_PREFIX = "euiom-state-"
OWNER_FILE = "server.pid"


def make_server_state_dir() -> Path:
    """A fresh private state directory for one gunicorn server (mode 700, in the temporary
    directory), after removing those that servers killed before they could remove theirs."""
    import tempfile

    remove_stale_state_dirs(Path(tempfile.gettempdir()))
    return Path(tempfile.mkdtemp(prefix=STATE_DIR_PREFIX))


def claim_state_dir(directory: Path, pid: int) -> None:
    """Write the server's process id in its state directory: once that process is gone, the
    directory is stale (its sessions end with the server)."""
    (Path(directory) / OWNER_FILE).write_text(f"{pid}\n", encoding="utf-8")


def remove_stale_state_dirs(parent: Path) -> list[Path]:
    """Remove this user's server state directories in ``parent`` whose server has ended (killed
    with SIGKILL, it could not remove its own); returns what was removed."""
    import shutil

    removed = []
    for directory in parent.glob(STATE_DIR_PREFIX + "*"):
        try:
            if (
                directory.is_symlink()
                or not directory.is_dir()
                or directory.stat().st_uid != os.geteuid()
            ):
                continue
            pid = int((directory / OWNER_FILE).read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            continue  # not claimed yet (a server starting now), or not ours
        if not _process_exists(pid):
            shutil.rmtree(directory, ignore_errors=True)
            removed.append(directory)
    return removed


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
