"""gunicorn settings for production serving; every value comes from the EUIOM_* environment settings."""

from dashboard.settings import load_settings

_settings = load_settings()

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


def post_worker_init(worker):
    """Warm each worker before it takes traffic (see dashboard.wsgi.warm)."""
    from dashboard.wsgi import warm

    warm()
