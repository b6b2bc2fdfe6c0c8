"""Check, before a server starts its workers, that the configured store can be served.

gunicorn runs this in a child process from its ``on_starting`` hook (``gunicorn.conf.py``), so the
master never opens DuckDB itself (workers open the store after they fork). A store that cannot be
served stops the server there with one line naming the cause and the fix: if every worker found
out on its own, gunicorn 27 would print a traceback when two of them fail at once.
"""

from __future__ import annotations

import sys

from dashboard.settings import SettingsError, load_settings

APP_LOAD_ERROR = 4  # gunicorn's exit code for an app that cannot load


def main() -> int:
    """0 when the store can be served; else print why and return a non-zero exit code."""
    from dashboard.store.context import open_version
    from dashboard.store.files import StoreError

    try:
        settings = load_settings()
        open_version(settings).store.close()
    except SettingsError as error:
        print(f"Configuration error: {error}", file=sys.stderr, flush=True)
        return 2
    except StoreError as error:
        print(f"Store error: {error}", file=sys.stderr, flush=True)
        return APP_LOAD_ERROR
    return 0


if __name__ == "__main__":
    sys.exit(main())
