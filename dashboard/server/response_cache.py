"""Answers of server callbacks, cached and shared by the workers of one server.

A callback's answer depends only on what the browser sends (the typed selection, as the shell's
selection store holds it, the page's options, the language, which input changed), on the store's
content, on the settings and on the code. The key is built from exactly those: the request body
(canonical JSON), ``AppContext.store_version``, the settings, a fingerprint of the code, and the
date (exports and the printable brief print today's date). A new store version therefore misses
every old entry; old entries age out.

The cache is Flask-Caching's ``FileSystemCache`` in the directory ``EUIOM_CACHE_DIR``: gunicorn
workers are separate processes, and a file cache is the one backend they all see without another
service to run (``SimpleCache`` would keep one cache per worker, so a user's next request, sent to
the other worker, would miss). Reading an entry is one small file read, well under a millisecond.

Only **pure** callbacks are cached: those declared ``pure=True`` where they are wired
(``dashboard.common.wiring.declare``: their answer follows from the key, and they change
nothing). Every other callback (an import, a rollback, the import history, who is signed in, file
downloads) is answered afresh every time: a replayed answer of a side effect would report work
that was never done.

The lookup wraps Dash's callback view, so every ``before_request`` hook (the callback request guard,
a sign-in check) still runs first. A cache directory this process cannot write turns the cache off
with a logged warning: the app serves as well without it, only slower.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import logging
import os
import time
from collections.abc import Callable, Collection
from pathlib import Path

from dash import dcc
from dash.development.base_component import Component
from flask import Flask, Response, request
from flask_caching import Cache

from dashboard import PROJECT_ROOT
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


def prune(cache_dir: Path, older_than_s: float = ENTRY_SECONDS) -> int:
    """Delete cache files not written for ``older_than_s`` seconds; returns how many."""
    limit = time.time() - older_than_s
    removed = 0
    for path in cache_dir.glob("*"):
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
        except OSError:
            continue  # another worker removed it first
    return removed


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
    return next(rule.endpoint for rule in server.url_map.iter_rules()
                if rule.rule.endswith("/_dash-update-component"))


def writable_directory(path: Path) -> str | None:
    """None when this process can create ``path`` and write a file in it, else why not."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        return error.strerror or type(error).__name__
    return None


def install_response_cache(server: Flask, context: AppContext, cacheable_outputs: Collection[str],
                           audience: Callable[[], str] = lambda: "") -> Cache | None:
    """Answer repeated requests of pure callbacks from the shared cache.

    Args:
        server: the app's Flask server, with Dash's routes registered.
        context: gives the store version the answers were computed from.
        cacheable_outputs: the outputs (Dash's ``output`` strings) of the pure callbacks; every
            other callback is answered afresh each time.
        audience: what else an answer depends on for this request, e.g. the signed-in user's role.

    Returns:
        The cache, or None when the settings turn it off or its directory cannot be written.
    """
    cache_dir = context.settings.cache_dir
    if cache_dir is None:
        return None
    problem = writable_directory(cache_dir)
    if problem is not None:
        LOG.warning("Callback cache off: EUIOM_CACHE_DIR=%s cannot be written (%s); give this user write "
                    "access to it, or set EUIOM_CACHE_DIR=off", cache_dir, problem)
        return None
    cache = Cache(config={"CACHE_TYPE": "FileSystemCache", "CACHE_DIR": str(cache_dir),
                          "CACHE_THRESHOLD": 0, "CACHE_DEFAULT_TIMEOUT": ENTRY_SECONDS})
    cache.init_app(server)
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
        if key is not None and response.status_code == 200 and not response.is_streamed:
            cache.set(key, response.get_data())
            if next(written) % PRUNE_EVERY == 0:
                prune(cache_dir)
        return response

    server.view_functions[endpoint] = cached_dispatch
    return cache
