"""gunicorn settings for production serving; every value comes from the EUIOM_* environment settings.

A bad setting or a store that cannot be served stops gunicorn before any worker starts, with one
line naming the cause and the fix (``dashboard.serving_check``).
"""

import subprocess
import sys

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


def on_starting(server):
    """Check the store in a child process (the master never opens DuckDB) before forking workers."""
    done = subprocess.run([sys.executable, "-m", "dashboard.serving_check"], check=False)
    if done.returncode != 0:
        sys.exit(done.returncode)


def post_worker_init(worker):
    """Warm each worker before it takes traffic (see dashboard.wsgi.warm)."""
    from dashboard.wsgi import warm

    warm()
