"""Development entry point: builds the demo store on first run, then serves the dashboard.

Production serving uses gunicorn (see README); this is for one person on one machine.
"""

from __future__ import annotations

import sys

from dashboard.settings import SettingsError, load_settings


def main() -> int:
    """Build the demo store if missing, then run the development server."""
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    if not settings.store_path.exists():
        from dashboard.build.stores import build_store

        print(f"No store at {settings.store_path}: building the demo store (takes a few seconds)...")
        build_store(settings.store_path, demo=True)
    from dashboard.app import create_app

    app = create_app(settings)
    print(f"Dashboard on http://{settings.host}:{settings.port}/  (store: {settings.store_path})")
    app.run(host=settings.host, port=settings.port, debug=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
