"""Development entry point: builds the demo store on first run, then serves the dashboard.

Production serving uses gunicorn (see README); this is for one person on one machine.
"""

from __future__ import annotations

import sys

from dashboard.settings import SettingsError, load_settings


def _is_default_demo_store(settings) -> bool:
    from dashboard.settings import SETTINGS_SPECS

    return str(settings.store_path) == SETTINGS_SPECS["store_path"].default


def main() -> int:
    """Build the demo store if missing, then run the development server."""
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    from dashboard.build.stores import build_store, store_needs_rebuild

    if not settings.store_path.exists():
        print(f"No store at {settings.store_path}: building the demo store (takes a few seconds)...")
        build_store(settings.store_path, demo=True)
    elif store_needs_rebuild(settings.store_path) and _is_default_demo_store(settings):
        print(f"The demo store at {settings.store_path} is from an older version: rebuilding it...")
        build_store(settings.store_path, demo=True)
    from dashboard.app import create_app
    from dashboard.store import StoreError

    try:
        app = create_app(settings)
    except StoreError as error:
        print(f"Store error: {error}", file=sys.stderr)
        return 2
    print(f"Dashboard on http://{settings.host}:{settings.port}/  (store: {settings.store_path})")
    app.run(host=settings.host, port=settings.port, debug=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
