"""gunicorn settings for production serving; every value comes from the EUIOM_* environment settings.

Sessions, rate limits and sign-in counters must be one copy for all workers: with EUIOM_REDIS_URL
they live in Redis (every worker and server); without it, in EUIOM_STATE_DIR, which is made here,
private to this server (mode 700) and removed when it stops, unless it was set.

A bad setting or a store that cannot be served stops gunicorn before any worker starts, with one
line naming the cause and the fix (``dashboard.server.serving_check``).
"""

import os
import shutil
import subprocess
import sys

from dashboard.server.shared_state import claim_state_dir, make_server_state_dir
from dashboard.settings import SettingsError, load_settings

try:
    _settings = load_settings()
except SettingsError as _error:
    print(f"Configuration error: {_error}", file=sys.stderr, flush=True)
    sys.exit(2)

bind = f"{_settings.host}:{_settings.port}"
workers = _settings.workers
worker_class = "gthread"
threads = 4
preload_app = False  # each worker imports the app, and opens the store, after the fork
timeout = 60
graceful_timeout = 20
accesslog = "-"
errorlog = "-"
loglevel = "info"

_made_state_dir = None
if not _settings.redis_url and _settings.state_dir is None:
    # Set before the workers fork, so that all of them share it. Directories left by servers that
    # were killed (SIGKILL: on_exit never ran) are removed first.
    _made_state_dir = str(make_server_state_dir())
    os.environ["EUIOM_STATE_DIR"] = _made_state_dir


def when_ready(server):
    """Say where the shared state lives, once, in the server's log."""
    if _settings.redis_url:
        where = "Redis (EUIOM_REDIS_URL): shared by every worker and server"
    else:
        where = (
            f"{os.environ['EUIOM_STATE_DIR']}: shared by this server's {workers} workers only; "
            "several servers need EUIOM_REDIS_URL"
        )
    server.log.info("Sessions, rate limits and sign-in counters: %s", where)


def on_starting(server):
    """Check the store in a child process (the master never opens DuckDB) before forking workers;
    name this server as the owner of the state directory it made (after any daemonising)."""
    if _made_state_dir:
        claim_state_dir(_made_state_dir, os.getpid())
    done = subprocess.run([sys.executable, "-m", "dashboard.server.serving_check"], check=False)
    if done.returncode != 0:
        sys.exit(done.returncode)


def post_worker_init(worker):
    """Warm each worker before it takes traffic (see dashboard.wsgi.warm)."""
    from dashboard.wsgi import warm

    warm()


def on_exit(server):
    """Remove the state directory this server made (its sessions end with it)."""
    if _made_state_dir:
        shutil.rmtree(_made_state_dir, ignore_errors=True)
