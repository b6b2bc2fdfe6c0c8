"""Production entry point for gunicorn: ``gunicorn -c gunicorn.conf.py dashboard.wsgi:server``.

gunicorn imports this module in each worker after it forks (no preloading), so every worker opens
the store read-only on its own. A store that cannot be served stops the server with one line
naming the cause and the fix, not a traceback.
"""

from __future__ import annotations

import sys

from dashboard.app import create_app
from dashboard.server.shared_state import SharedStateError
from dashboard.settings import SettingsError, load_settings
from dashboard.store.files import StoreError

# gunicorn stops the whole server (not only this worker) on this exit code: APP_LOAD_ERROR.
APP_LOAD_ERROR = 4

# A WSGI server may run this module in several processes: sessions and counts kept in one
# process's memory would be one copy per worker. gunicorn.conf.py sets EUIOM_STATE_DIR itself.
STATE_NEEDED = (
    "dashboard.wsgi may run in several processes: set EUIOM_REDIS_URL (several servers) or "
    "EUIOM_STATE_DIR (one server), or start it with gunicorn -c gunicorn.conf.py (make serve)"
)

try:
    settings = load_settings()
    app = create_app(settings)  # first: a store that cannot be served is said first
    if not settings.redis_url and settings.state_dir is None:
        raise SettingsError(STATE_NEEDED)
except StoreError as error:
    print(f"Store error: {error}", file=sys.stderr, flush=True)
    sys.exit(APP_LOAD_ERROR)
except (SharedStateError, SettingsError) as error:
    print(f"Configuration error: {error}", file=sys.stderr, flush=True)
    sys.exit(APP_LOAD_ERROR)
server = app.server


def warm(flask_server=server) -> None:
    """Serve one page and the callback map before the worker takes traffic.

    Dash 4 can answer the first burst of concurrent callbacks with 500 "Callback function not
    found" under threaded workers (plotly/dash#3971); one request per worker first avoids it.
    """
    client = flask_server.test_client()
    # With sign-in on, these anonymous requests are turned away (302/401), but Dash's own set-up
    # runs before the sign-in check on every request, so they warm the worker all the same.
    signed_in_mode = flask_server.config["EUIOM_CONTEXT"].settings.auth_mode != "open"
    expected = {200, 302, 401} if signed_in_mode else {200}
    for path in ("/", "/_dash-layout", "/_dash-dependencies"):
        response = client.get(path)
        if response.status_code not in expected:
            raise RuntimeError(f"warm-up request {path} answered {response.status_code}")
