"""Development entry point: serves the dashboard, building the default demo store on first run.

Production serving uses gunicorn (see README); this is for one person on one machine. It never
opens a store for writing unless it builds the default demo store, and never builds one at a path
that was set explicitly (EUIOM_STORE): a missing or unusable store there is an error message.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace

from dashboard.settings import SettingsError, load_settings


def prepare_default_store(settings) -> None:
    """Build the default demo store when it is missing or from an older version (its own path only)."""
    from dashboard.build.stores import build_store, store_needs_rebuild
    from dashboard.store.files import StoreError, served_file

    try:
        served_file(settings.store_path)
    except StoreError:
        print(
            f"No store at {settings.store_path}: building the demo store (takes a few seconds)..."
        )
        build_store(settings.store_path, demo=True, keep=settings.keep_versions)
        return
    if store_needs_rebuild(settings.store_path):
        print(
            f"The demo store at {settings.store_path} is from an older version: building a new one..."
        )
        build_store(settings.store_path, demo=True, keep=settings.keep_versions)


def main() -> int:
    """Check (or, at the default path, build) the store, then run the development server."""
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    from dashboard.auth.local import LINK_PATH, can_identify_peers, may_have_local_manager, new_key
    from dashboard.server.shared_state import SharedStateError
    from dashboard.store.files import StoreError

    try:
        if "EUIOM_STORE" not in os.environ:
            prepare_default_store(settings)
        from dashboard.app import create_app

        if settings.auth_mode == "open" and settings.local_data_manager == "auto":
            settings = replace(settings, local_key=new_key())
        app = create_app(settings)
    except StoreError as error:
        print(f"Store error: {error}", file=sys.stderr)
        return 2
    except SharedStateError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    print(f"Dashboard on http://{settings.host}:{settings.port}/  (store: {settings.store_path})")
    if may_have_local_manager(settings):
        print(
            f"To import data in the browser of this computer, open http://{settings.host}:{settings.port}"
            f"{LINK_PATH}?key={settings.local_key}  (this link works only here, until the server stops)"
        )
        if not can_identify_peers():
            print(
                "Note: this system does not say which account a connection comes from: on a computer shared "
                "with other accounts, keep this link to yourself, or set EUIOM_LOCAL_DATA_MANAGER=off"
            )
    app.run(host=settings.host, port=settings.port, debug=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
