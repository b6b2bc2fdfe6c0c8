"""How responses travel: brotli/gzip compression and browser cache headers.

- Every text response (page, scripts, styles, JSON of callbacks and layout) is compressed with
  brotli or gzip by flask-compress, whichever the browser accepts.
- Fingerprinted files are cached by the browser for a year: Dash's component suites carry their
  version in the path (Dash sets that header itself), the app's assets carry ``?m=<mtime>``.
- Everything else that a GET can revalidate (unfingerprinted assets such as the map's topojson,
  ``/_dash-layout``, ``/_dash-dependencies``) carries an ETag, so a repeat visit gets 304s.
- The compressed bytes of fingerprinted files and of the map geometry are kept per worker, so a
  first visit does not compress 2 MB of scripts again for every visitor.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence

from dash.fingerprint import check_fingerprint
from flask import Flask, Request, Response, request
from flask_compress import Compress

ONE_YEAR = 31_536_000
# Dash answers these GETs from memory: cheap to hash, and unchanged between visits.
REVALIDATED_PATHS = ("/_dash-layout", "/_dash-dependencies")
# Compressed fingerprinted files kept per worker: the app serves about 20.
COMPRESSED_FILES_KEPT = 64
# Text the app sends: pages, scripts, styles, callback and layout JSON, map geometry, SVG.
COMPRESSED_MIMETYPES = [
    "text/html",
    "text/css",
    "text/plain",
    "text/javascript",
    "application/javascript",
    "application/x-javascript",
    "application/json",
    "application/geo+json",
    "image/svg+xml",
]


def is_fingerprinted(req: Request) -> bool:
    """True for a GET of a file whose URL changes whenever its content does."""
    if req.method != "GET":
        return False
    if req.path.startswith("/assets/"):
        return "m" in req.args
    # Dash's own fingerprint: /_dash-component-suites/<package>/<name>.v4_4_1m1700000000.js
    prefix = "/_dash-component-suites/"
    return req.path.startswith(prefix) and check_fingerprint(req.path[len(prefix) :])[1]


class FingerprintedCompressionCache:
    """flask-compress's cache backend, keeping only the compressed bytes of fingerprinted files.

    flask-compress asks the cache about every response; keys of other responses are empty
    (see ``compression_cache_key``) and never stored, since a callback's answer differs each time.
    """

    def __init__(self, capacity: int = COMPRESSED_FILES_KEPT) -> None:
        self._capacity = capacity
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        if key.endswith(";"):
            return None
        with self._lock:
            return self._entries.get(key)

    def set(self, key: str, value: bytes) -> None:
        if key.endswith(";"):
            return
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)


def compression_cache_key(fixed_prefixes: Sequence[str] = ()) -> Callable[[Request], str]:
    """The key flask-compress keeps a compressed response under: the URL of a file whose content
    is fixed while the server runs, else '' (not kept).

    Fingerprinted files, and GETs under ``fixed_prefixes`` (the map's geometry, read once per process).
    """
    prefixes = tuple(fixed_prefixes)

    def key(req: Request) -> str:
        fixed = is_fingerprinted(req) or (
            bool(prefixes) and req.method == "GET" and req.path.startswith(prefixes)
        )
        return req.full_path if fixed else ""

    return key


def add_cache_headers(response: Response) -> Response:
    """Long-lived caching for fingerprinted files, revalidation (ETag) for the other GETs."""
    if request.method != "GET" or response.status_code != 200:
        return response
    if response.is_streamed and request.path.startswith("/assets/"):
        # Flask streams static files; read into memory (the largest is 1.5 MB) they are compressed
        # once and kept (flask-compress compresses streams chunk by chunk on every request) and
        # answered 304 when the browser's ETag matches.
        response.direct_passthrough = False
        response.make_sequence()
    if is_fingerprinted(request):
        response.cache_control.public = True
        response.cache_control.max_age = ONE_YEAR
        response.cache_control.immutable = True
        response.cache_control.no_cache = None
    elif request.path in REVALIDATED_PATHS:
        response.cache_control.no_cache = True  # may be stored, must be revalidated
        response.add_etag()
        response.make_conditional(request)
    return response


def install_compression(server: Flask, fixed_prefixes: Sequence[str] = ()) -> None:
    """Compress every text response (brotli, else gzip) and set browser cache headers; the
    compressed bytes of fingerprinted files and of GETs under ``fixed_prefixes`` are kept.

    The cache headers run before compression (Flask runs after-request hooks in reverse order of
    registration), so flask-compress turns a strong ETag into the ETag of the compressed bytes.
    """
    server.config.update(
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_MIMETYPES=COMPRESSED_MIMETYPES,
        COMPRESS_BR_LEVEL=5,
        COMPRESS_LEVEL=6,
        COMPRESS_MIN_SIZE=500,
        COMPRESS_CACHE_BACKEND=FingerprintedCompressionCache,
        COMPRESS_CACHE_KEY=compression_cache_key(fixed_prefixes),
    )
    Compress(server)
    server.after_request(add_cache_headers)
