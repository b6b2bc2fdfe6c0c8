"""Refusals as one line a person can act on, never an HTML error page or a traceback.

API paths answer JSON ``{"error", "status"}`` (as the API's own errors do); everything else plain
text. A failure the app did not foresee is logged with its traceback on the server and answered
500 with one line that holds nothing about the code.
"""

from __future__ import annotations

import logging

from dash.exceptions import DependencyException
from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException, InternalServerError

LOG = logging.getLogger(__name__)
API_PREFIX = "/api/"

MESSAGES = {
    400: "Bad request.",
    401: "Sign in first.",
    403: "Your role does not allow this.",
    404: "Not found.",
    411: "Send a Content-Length.",
    413: "Request too large.",
    415: "Unsupported content type.",
    429: "Too many requests: slow down and retry after the time in Retry-After.",
    431: "Request headers too large.",
    500: "The server could not answer this request.",
    503: "The shared state (Redis) does not answer: sign-in, sessions and limits are unavailable; retry in a "
         "minute (the administrator is told by /healthz).",
}
RETRY_AFTER_SECONDS = "30"


def shared_state_down(error: BaseException | None) -> bool:
    """True for Redis not answering (connection refused or lost, time-out), however deep it was raised."""
    while error is not None:
        if type(error).__module__.startswith(("redis.", "limits.")) and "Error" in type(error).__name__:
            return True
        error = error.__cause__ or error.__context__
    return False


def one_line(status: int, message: str) -> Response:
    """``message`` on one line: JSON on API paths, plain text elsewhere."""
    message = " ".join(str(message).split()) or MESSAGES.get(status, "Refused.")
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
    response = one_line(status, description or MESSAGES.get(status, error.name))
    if status == 413:
        response.headers["Connection"] = "close"  # the client may still be sending: do not read on
    for header in ("Retry-After", "Allow", "WWW-Authenticate"):
        if error.get_response().headers.get(header):
            response.headers[header] = error.get_response().headers[header]
    return response


def missing_library_file(_error: DependencyException) -> Response:
    """Dash raises on an unknown library or file under /_dash-component-suites/: a 404."""
    return one_line(404, "Not found.")


def unexpected(error: InternalServerError) -> Response:
    """An error the app did not foresee: logged on the server, one line to the client; Redis not
    answering is a 503 (logged in one line: it is an outage, not a bug)."""
    if shared_state_down(error.original_exception):
        LOG.warning("shared state down: %s %s: %s", request.method, request.path, error.original_exception)
        response = one_line(503, MESSAGES[503])
        response.headers["Retry-After"] = RETRY_AFTER_SECONDS
        return response
    LOG.error("request failed: %s %s", request.method, request.path, exc_info=error.original_exception)
    return one_line(500, MESSAGES[500])


def install_error_pages(server: Flask) -> None:
    """Answer the refusals and failures above as one line (API: JSON)."""
    for status in (400, 401, 403, 404, 411, 413, 415, 429, 431):
        server.register_error_handler(status, http_error)
    server.register_error_handler(DependencyException, missing_library_file)
    server.register_error_handler(InternalServerError, unexpected)
