"""Answers of server callbacks, cached and shared by the workers of one server.

A callback's answer depends only on what the browser sends (the typed selection, as the shell's
selection store holds it, the page's options, the language, which input changed), on the store's
content, on the settings and on the code. The key is built from exactly those: the request body
(canonical JSON), ``AppContext.store_version``, the settings, a fingerprint of the code, and the
date (exports and the printable brief print today's date). A new store version therefore misses
every old entry; old entries age out.

The cache is a directory of files, ``EUIOM_CACHE_DIR``: gunicorn workers are separate processes,
and a directory is the one store they all see without another service to run (a cache in memory
would be one per worker, so a user's next request, sent to the other worker, would miss). Reading
an entry is one small file read, well under a millisecond.

Nothing read back from it is ever run: an entry is the answer's bytes as they were sent (never a
pickle), behind an HMAC-SHA256 keyed by a secret of the server (derived from ``EUIOM_SECRET_KEY``,
else a random key kept in the cache directory, readable by this user only). An entry that does not
carry the right HMAC is ignored. The directory must be this user's alone (``dashboard.private_dirs``:
made with mode 700 when missing, refused when another account owns it or may write it or a
directory above it); the default is this user's ``~/.cache/euiom/callback-cache``, never a
directory of ``/tmp`` another account could have made first.

Only **pure** callbacks are cached: those declared ``pure=True`` where they are wired
(``dashboard.common.wiring.declare``: their answer follows from the key, and they change
nothing). Every other callback (an import, a rollback, the import history, who is signed in, file
downloads) is answered afresh every time: a replayed answer of a side effect would report work
that was never done.

The lookup wraps Dash's callback view, so every ``before_request`` hook (the callback request guard,
a sign-in check) still runs first. A cache directory this process cannot use (unwritable, or not
private) turns the cache off with a logged warning, and so does a write that fails (a full disk):
one warning, then the cache stays off; the app serves as well without it, only slower.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import itertools
import json
import logging
import os
import struct
import tempfile
import threading
import time
from collections.abc import Callable, Collection
from pathlib import Path

from dash import dcc
from dash.development.base_component import Component
from flask import Flask, Response, request

from dashboard import PROJECT_ROOT
from dashboard.private_dirs import private_directory, private_key
from dashboard.store.context import AppContext

LOG = logging.getLogger(__name__)

ENTRY_SECONDS = 24 * 3600
# Entries older than ENTRY_SECONDS are deleted at start-up and after every PRUNE_EVERY new entries
# of a worker. (FileSystemCache's own threshold keeps a shared count file that it rewrites on
# every write, which doubled the cost of storing an answer.)
PRUNE_EVERY = 1000
CODE_PACKAGES = ("dashboard", "layouts", "callbacks")


def code_fingerprint(root: Path = PROJECT_ROOT) -> str:
    """A digest of every Python file's path, size and modification time: changes with the code."""
    digest = hashlib.sha256()
    for package in CODE_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            stat = path.stat()
            digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


ENTRY_SUFFIX = ".answer"
KEY_NAME = ".answers.key"
MAGIC = b"EUIOM-ANSWER-1\n"
HEADER = struct.Struct(">d32s")  # when the entry expires (epoch seconds), its HMAC-SHA256


def prune(cache_dir: Path, older_than_s: float = ENTRY_SECONDS) -> int:
    """Delete cache entries not written for ``older_than_s`` seconds; returns how many."""
    limit = time.time() - older_than_s
    removed = 0
    for path in cache_dir.glob("*" + ENTRY_SUFFIX):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except OSError:
            continue  # another worker removed it first
    return removed


def cache_key(secret_key: str, directory: Path) -> bytes:
    """The HMAC key of the entries: from ``EUIOM_SECRET_KEY`` when set, else a random key kept in
    ``directory`` (made once, mode 600, shared by the server's workers).

    Raises:
        OSError: the key file cannot be made or read, or another account could have made it.
    """
    if secret_key:
        return hmac.new(secret_key.encode("utf-8"), b"euiom answer cache", hashlib.sha256).digest()
    return private_key(directory, KEY_NAME)


class AnswerStore:
    """Cached answers as files: the answer's bytes behind an HMAC (see the module doc).

    A write that fails (a full disk) turns the store off with one warning: every later request is
    answered afresh, none logs again.
    """

    def __init__(self, directory: Path, key: bytes, timeout: float = ENTRY_SECONDS) -> None:
        self.directory = directory
        self.key = key
        self.timeout = timeout
        self.off = False
        self._lock = threading.Lock()

    def _path(self, name: str) -> Path:
        return self.directory / (hashlib.sha256(name.encode()).hexdigest() + ENTRY_SUFFIX)

    def _mac(self, name: str, expires: float, body: bytes) -> bytes:
        return hmac.new(
            self.key, name.encode() + b"\0" + struct.pack(">d", expires) + body, hashlib.sha256
        ).digest()

    def get(self, name: str) -> bytes | None:
        """The answer stored under ``name``, or None (missing, expired, or not made by this server)."""
        if self.off:
            return None
        try:
            data = self._path(name).read_bytes()
        except OSError:
            return None
        if not data.startswith(MAGIC) or len(data) < len(MAGIC) + HEADER.size:
            return None
        expires, mac = HEADER.unpack_from(data, len(MAGIC))
        body = data[len(MAGIC) + HEADER.size :]
        if not hmac.compare_digest(mac, self._mac(name, expires, body)) or expires < time.time():
            return None
        return body

    def set(self, name: str, body: bytes) -> bool:
        """Store ``body`` under ``name`` (atomic: readers see the old entry or the new); False when
        the store is off or the write failed (which turns it off)."""
        if self.off:
            return False
        expires = time.time() + self.timeout
        data = MAGIC + HEADER.pack(expires, self._mac(name, expires, body)) + body
        temporary = None
        try:
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".entry-")
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, self._path(name))
        except OSError as error:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
            with self._lock:
                if not self.off:
                    self.off = True
                    LOG.warning(
                        "Callback cache off until the server restarts: cannot write in EUIOM_CACHE_DIR=%s "
                        "(%s); answers are computed afresh",
                        self.directory,
                        error.strerror or type(error).__name__,
                    )
            return False
        return True


def download_outputs(layout: Component) -> frozenset[str]:
    """The ``data`` outputs of every ``dcc.Download`` in ``layout`` (files are not cached)."""
    outputs = set()
    for component in layout._traverse():
        if isinstance(component, dcc.Download):
            # Dash's generated Download class takes ``id`` in __init__ but does not declare it.
            outputs.add(f"{component.id}.data")  # type: ignore[attr-defined]
    return frozenset(outputs)


def callback_endpoint(server: Flask) -> str:
    """The endpoint of Dash's callback route."""
    return next(
        rule.endpoint
        for rule in server.url_map.iter_rules()
        if rule.rule.endswith("/_dash-update-component")
    )


def open_answer_store(cache_dir: Path, secret_key: str) -> AnswerStore | None:
    """The answer store in ``cache_dir``, or None (with a logged warning) when the directory cannot
    be used: unwritable, or another account could change it."""
    try:
        directory = private_directory(cache_dir)
        probe = directory / f".probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
        key = cache_key(secret_key, directory)
    except OSError as error:
        LOG.warning(
            "Callback cache off: EUIOM_CACHE_DIR=%s cannot be written or is not private (%s); give it to "
            "this user alone (mode 700), or set EUIOM_CACHE_DIR=off",
            cache_dir,
            error.strerror or str(error),
        )
        return None
    return AnswerStore(directory, key)


def install_response_cache(
    server: Flask,
    context: AppContext,
    cacheable_outputs: Collection[str],
    audience: Callable[[], str] = lambda: "",
) -> AnswerStore | None:
    """Answer repeated requests of pure callbacks from the shared cache.

    Args:
        server: the app's Flask server, with Dash's routes registered.
        context: gives the store version the answers were computed from.
        cacheable_outputs: the outputs (Dash's ``output`` strings) of the pure callbacks; every
            other callback is answered afresh each time.
        audience: what else an answer depends on for this request, e.g. the signed-in user's role.

    Returns:
        The answer store, or None when the settings turn it off or its directory cannot be used.
    """
    if context.settings.cache_dir is None:
        return None
    cache = open_answer_store(context.settings.cache_dir, context.settings.secret_key)
    if cache is None:
        return None
    cache_dir = cache.directory
    prune(cache_dir)
    written = itertools.count(1)
    fixed = f"{code_fingerprint()}|{context.settings!r}"
    endpoint = callback_endpoint(server)
    dispatch = server.view_functions[endpoint]

    def key_for(body: object) -> str | None:
        if not isinstance(body, dict) or body.get("output") not in cacheable_outputs:
            return None
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
        parts = [fixed, context.store_version, dt.date.today().isoformat(), audience(), canonical]
        return "cb:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()

    def cached_dispatch(*args, **kwargs):
        key = key_for(request.get_json(silent=True))
        if key is not None:
            hit = cache.get(key)
            if hit is not None:
                return Response(hit, mimetype="application/json")
        # Flask types a view as possibly async; Dash's dispatch is not.
        response = server.make_response(dispatch(*args, **kwargs))  # type: ignore[arg-type]
        stored = (
            key is not None
            and response.status_code == 200
            and not response.is_streamed
            and cache.set(key, response.get_data())
        )
        if stored and next(written) % PRUNE_EVERY == 0:
            prune(cache_dir)
        return response

    server.view_functions[endpoint] = cached_dispatch
    return cache
