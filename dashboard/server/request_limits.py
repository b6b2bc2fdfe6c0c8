"""Requests refused before anything reads them: addresses not in normal form, bodies over the limit.

Two checks, both before any permission decision:

- ``NormalPathGuard`` wraps the WSGI application: a path holding dot segments (``/auth/../x``),
  encoded dots, slashes or percent signs (``%2e``, ``%2f``, ``%25``), empty segments (``//``),
  backslashes, control characters or segments ending in a dot or a space is answered 400 at once.
  Browsers never send such paths (they resolve dot segments themselves), so nothing legitimate is
  lost, and every later check (public paths, the import page's permission) sees the one spelling
  of a path that routing sees.
- ``install_body_limits`` sets Flask's per-request ``max_content_length`` before any other
  ``before_request`` function runs: a larger ``Content-Length`` is refused with 413 before a byte
  of the body is read, and a chunked body without ``Content-Length`` is read at most one byte past
  the limit, then refused (Werkzeug alone would cut it at the limit silently). The limit depends
  on the route and, for Dash callbacks, on the user: only data managers post uploads (the import page's file arrives
  base64-encoded in a callback body), so only they get the upload limit.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable

from flask import Flask, request
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Request

from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES, t

# A path segment a browser never sends: '.', '..', ending in a dot or a space, or holding a
# backslash, a percent sign (double encoding), or a control character.
BAD_SEGMENT = re.compile(r"\.{1,2}|.*[.\s]|.*[\\%\x00-\x1f\x7f].*", re.DOTALL)
# Encoded characters that would change the path's structure once decoded: '.', '/', '\', '%'.
ENCODED_STRUCTURE = re.compile(r"%(2e|2f|5c|25|00)", re.IGNORECASE)

KIB = 1024
MIB = 1024 * KIB
DEFAULT_BODY_BYTES = 64 * KIB  # sign-in and token forms, and anything not listed
CALLBACK_BODY_BYTES = 2 * MIB  # a Dash callback: the largest legitimate one is a few hundred KB
CALLBACK_PATH = "/_dash-update-component"


def path_problem_key(path: str, raw_path: str | None = None) -> str | None:
    """Why ``path`` (decoded, as routing sees it) is not in normal form (a text key of
    dashboard.i18n.http_errors), or None when it is.

    ``raw_path`` is the path as sent (before percent-decoding), when the server gives it.
    """
    if not path.startswith("/"):
        return "http.path.start"
    if raw_path is not None and ENCODED_STRUCTURE.search(raw_path.split("?", 1)[0]):
        return "http.path.encoded"
    segments = path[1:].split("/")
    for position, segment in enumerate(segments):
        if segment == "":
            if position == len(segments) - 1:
                continue  # one trailing slash: /auth/ is a normal path
            return "http.path.empty"
        if BAD_SEGMENT.fullmatch(segment):
            return "http.path.segment"
    return None


def path_problem(path: str, raw_path: str | None = None, lang: str = "en") -> str | None:
    """Why ``path`` is not in normal form, in words (``lang``), or None when it is."""
    key = path_problem_key(path, raw_path)
    return None if key is None else t(key, lang)


def environ_language(environ: dict) -> str:
    """The language of a request before Flask sees it: ``lang`` in its query string, else the
    browser's Accept-Language, else English (as dashboard.server.http_errors.request_language)."""
    request = Request(environ)
    lang = request.args.get("lang")
    if lang in LANGUAGES:
        return lang
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def _raw_path(environ: dict) -> str | None:
    """The request target as sent, when the WSGI server passes it (gunicorn, werkzeug)."""
    for key in ("RAW_URI", "REQUEST_URI"):
        value = environ.get(key)
        if isinstance(value, str) and value.startswith("/"):
            return value
    return None


def _plain(status: str, message: str, start_response: Callable) -> Iterable[bytes]:
    body = (message + "\n").encode("utf-8")
    start_response(
        status,
        [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
            ("Connection", "close"),
            ("X-Content-Type-Options", "nosniff"),
        ],
    )
    return [body]


class NormalPathGuard:
    """WSGI middleware answering 400 to a path that is not in normal form (see the module doc)."""

    def __init__(self, app: Callable) -> None:
        self.app = app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        # PATH_INFO is latin-1 decoded bytes in WSGI; decode once more as the app would see it.
        path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
        try:
            path = path.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return _plain(
                "400 Bad Request", t("http.400.utf8", environ_language(environ)), start_response
            )
        key = path_problem_key(path, _raw_path(environ))
        if key is not None:
            lang = environ_language(environ)
            return _plain(
                "400 Bad Request", t("http.400.path", lang, problem=t(key, lang)), start_response
            )
        return self.app(environ, start_response)


def install_path_guard(server: Flask) -> None:
    """Put ``NormalPathGuard`` in front of the Flask application."""
    # Flask's documented way to add WSGI middleware is to replace wsgi_app.
    server.wsgi_app = NormalPathGuard(server.wsgi_app)  # type: ignore[method-assign]


def read_chunked_body(environ: dict, limit: int) -> None:
    """Read a body sent without ``Content-Length`` up to ``limit`` bytes, and hand it on as if it
    had one; one byte more is a 413 (the rest is never read: the answer closes the connection)."""
    stream = environ["wsgi.input"]
    kept = bytearray()
    while len(kept) <= limit:
        piece = stream.read(min(64 * KIB, limit + 1 - len(kept)))
        if not piece:
            break
        kept.extend(piece)
    if len(kept) > limit:
        raise RequestEntityTooLarge()
    environ["wsgi.input"] = io.BytesIO(bytes(kept))
    environ["CONTENT_LENGTH"] = str(len(kept))


def install_body_limits(server: Flask, callback_limit: Callable[[], int]) -> None:
    """Limit every request body before anything reads it (see the module doc).

    ``callback_limit`` gives the limit of a Dash callback for the current request's user (larger
    for those who may upload). Registered as the first ``before_request`` function, so that no
    other (CSRF, the callback guard) reads a body first.
    """
    server.config["MAX_CONTENT_LENGTH"] = DEFAULT_BODY_BYTES

    def limit_body() -> None:
        limit = callback_limit() if request.path == CALLBACK_PATH else DEFAULT_BODY_BYTES
        request.max_content_length = limit
        if request.content_length is not None and request.content_length > limit:
            raise RequestEntityTooLarge()  # now, before any other before_request function runs
        if request.content_length is None and "Transfer-Encoding" in request.headers:
            read_chunked_body(request.environ, limit)

    server.before_request_funcs.setdefault(None, []).insert(0, limit_body)
