"""Refusals as one line a person can act on, never an HTML error page or a traceback, in the
language of the page the request comes from (French or English).

API paths answer JSON ``{"error", "status"}`` (as the API's own errors do); everything else plain
text. A failure the app did not foresee is logged with its traceback on the server and answered
500 with one line that holds nothing about the code.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qs, urlsplit

from dash.exceptions import DependencyException
from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError

from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from dashboard.store.door import QueryTimeout

LOG = logging.getLogger(__name__)
API_PREFIX = "/api/"

# Statuses answered with a text of their own (dashboard.i18n.http_errors, key "http.<status>").
MESSAGE_STATUSES = frozenset({400, 401, 403, 404, 411, 413, 415, 429, 431, 500, 503})


def request_language() -> str:
    """The language of the page a request comes from: ``lang`` in its URL, else in the address of
    the page that sent it (Referer: Dash callbacks, forms), else the browser's Accept-Language, else
    English."""
    candidates = [request.args.get("lang")]
    referrer = request.headers.get("Referer")
    if referrer:
        candidates += parse_qs(urlsplit(referrer).query).get("lang", [])[:1]
    for candidate in candidates:
        if candidate in LANGUAGES:
            return candidate
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def message_for(status: int) -> str:
    """The default one-line text for ``status`` in the request's language."""
    return t(f"http.{status}", request_language()) if status in MESSAGE_STATUSES else ""


RETRY_AFTER_SECONDS = "30"


def shared_state_down(error: BaseException | None) -> bool:
    """True for Redis not answering (connection refused or lost, time-out), however deep it was raised."""
    while error is not None:
        if (
            type(error).__module__.startswith(("redis.", "limits."))
            and "Error" in type(error).__name__
        ):
            return True
        error = error.__cause__ or error.__context__
    return False


def one_line(status: int, message: str) -> Response:
    """``message`` on one line: JSON on API paths, plain text elsewhere."""
    message = " ".join(str(message).split()) or message_for(status) or "Refused."
    if request.path.startswith(API_PREFIX):
        response = jsonify(error=message, status=status)
    else:
        response = Response(message + "\n", mimetype="text/plain")
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


def http_error(error: HTTPException) -> Response:
    """A refusal raised by the app, Flask or Werkzeug (``abort(403, description=...)``...)."""
    status = error.code or 500
    default = type(error).description
    description = error.description if error.description and error.description != default else ""
    if status == 429:
        description = (
            ""  # Flask-Limiter's "2 per 1 minute": the limit, not what to do, and in English
        )
    response = one_line(status, description or message_for(status) or error.name)
    if status == 413:
        response.headers["Connection"] = "close"  # the client may still be sending: do not read on
    for header in ("Retry-After", "Allow", "WWW-Authenticate"):
        if error.get_response().headers.get(header):
            response.headers[header] = error.get_response().headers[header]
    return response


def missing_library_file(_error: DependencyException) -> Response:
    """Dash raises on an unknown library or file under /_dash-component-suites/: a 404."""
    return one_line(404, message_for(404))


def unexpected(error: InternalServerError) -> Response:
    """An error the app did not foresee: logged on the server, one line to the client; Redis not
    answering is a 503 (logged in one line: it is an outage, not a bug)."""
    if shared_state_down(error.original_exception):
        LOG.warning(
            "shared state down: %s %s: %s", request.method, request.path, error.original_exception
        )
        response = one_line(503, message_for(503))
        response.headers["Retry-After"] = RETRY_AFTER_SECONDS
        return response
    LOG.error(
        "request failed: %s %s", request.method, request.path, exc_info=error.original_exception
    )
    return one_line(500, message_for(500))


def slow_query(error: QueryTimeout) -> Response:
    """A query interrupted at the time limit: 503 with the door's one line (the request may be
    narrowed or tried again)."""
    LOG.warning("query interrupted: %s %s: %s", request.method, request.path, error)
    response = one_line(503, str(error))
    response.headers["Retry-After"] = "5"
    return response


def install_error_pages(server: Flask) -> None:
    """Answer the refusals and failures above as one line (API: JSON)."""
    for status in (400, 401, 403, 404, 411, 413, 415, 429, 431):
        server.register_error_handler(status, http_error)
    server.register_error_handler(DependencyException, missing_library_file)
    server.register_error_handler(QueryTimeout, slow_query)
    server.register_error_handler(InternalServerError, unexpected)
