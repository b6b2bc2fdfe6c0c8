"""Which permission a request needs: a path's from the path alone, a callback's as it was
declared with the callback (``dashboard.common.wiring.declare``, ``needs=``).

The import page of data managers lives at ``/import`` and its Flask routes under ``/import/``; a
callback that reads the page address needs what the page at that address needs; a data download
needs the export permission when it was clicked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from dashboard import ids
from dashboard.auth.roles import Permission

MANAGE_DATA_PATH = "/import"

# Reachable without signing in: static files holding no data (styles, fonts, the base-map outline,
# the component libraries' code). Paths reach this check in normal form only
# (``dashboard.server.request_limits``): no dot segment can climb out of these prefixes.
PUBLIC_PREFIXES = ("/assets/", "/_dash-component-suites/")
# The sign-in pages, named one by one (any other /auth/... address is the app's and needs a
# session), and the API's description and documentation page, which hold no data either.
PUBLIC_PATHS = frozenset({"/auth/login", "/auth/logout", "/auth/oidc/start", "/auth/oidc/callback", "/auth/local",
                          "/_favicon.ico", "/favicon.ico", "/api/v1/openapi.json", "/api/v1/docs"})


def is_public_path(path: str) -> bool:
    """True for paths anyone may fetch, signed in or not."""
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def is_manage_data_path(path: str | None) -> bool:
    """True for the import page and everything under it."""
    if not isinstance(path, str):
        return False
    path = path.rstrip("/") or "/"
    return path == MANAGE_DATA_PATH or path.startswith(MANAGE_DATA_PATH + "/")


def permission_for_path(path: str) -> Permission:
    """The permission an HTTP request to ``path`` needs (callbacks are refined by their body)."""
    return Permission.MANAGE_DATA if is_manage_data_path(path) else Permission.VIEW


def _items(entries: object) -> Iterator[dict]:
    """Every {id, property, value} dict of a callback body's outputs, inputs or state (wildcards flattened)."""
    pending = [entries]
    while pending:  # a loop, not recursion: a tampered body may nest lists deeply
        entry = pending.pop()
        if isinstance(entry, dict):
            yield entry
        elif isinstance(entry, list):
            pending.extend(reversed(entry))


def _address_path(item: dict) -> str | None:
    """The page path a dcc.Location input carries (its pathname, or the path of its href)."""
    value = item.get("value")
    if not isinstance(value, str):
        return None
    if item.get("property") == "pathname":
        return value
    if item.get("property") == "href":
        return urlsplit(value).path
    return None


@dataclass(frozen=True)
class Needs:
    """What a callback needs, declared where it is wired: a permission always, and optionally one
    more that the request decides.

    Attributes:
        always: needed for every call.
        when_clicked: needed when an input holds a click (a file download: the renderer also calls
            it when its buttons appear, every count empty or 0, and it then answers nothing).
        at_address: the callback reads the page address (``dcc.Location``'s pathname or href):
            it also needs what a request to that path needs (the import page: manage data).
    """

    always: Permission = Permission.VIEW
    when_clicked: Permission | None = None
    at_address: bool = False

    def of(self, body: object) -> frozenset[Permission]:
        """Every permission a callback request needs: view, and what this declaration adds."""
        needed = {Permission.VIEW, self.always}
        if not isinstance(body, dict):
            return frozenset(needed)
        if self.when_clicked is not None and any(item.get("value") for item in _items(body.get("inputs"))):
            needed.add(self.when_clicked)
        if self.at_address:
            for item in [*_items(body.get("inputs")), *_items(body.get("state"))]:
                path = _address_path(item) if item.get("id") == ids.URL else None
                if path is not None:
                    needed.add(permission_for_path(path))
        return frozenset(needed)


VIEWING = Needs()
MANAGING_DATA = Needs(Permission.MANAGE_DATA)
DOWNLOADING = Needs(when_clicked=Permission.EXPORT)
READING_THE_ADDRESS = Needs(at_address=True)
