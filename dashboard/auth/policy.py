"""Which permission a request needs: a path's from the path alone, a callback's as it was
declared with the callback (``dashboard.common.wiring.declare``, ``needs=``).

The import page of data managers lives at ``/import`` and its Flask routes under ``/import/``; a
callback that reads the page address needs what the page at that address needs; a data download
needs the export permission when it was clicked.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from dash.fingerprint import check_fingerprint
from werkzeug.security import safe_join

from dashboard import ids
from dashboard.auth.roles import Permission

MANAGE_DATA_PATH = "/import"

# Reachable without signing in, decided on the route the request resolved to (after routing),
# never on a path prefix: a path under /assets/ or /_dash-component-suites/ that names no file
# falls through to Dash's catch-all route, which serves the app's page. Public are: the sign-in
# pages, the favicon, the health check and the API's description and documentation page (no
# data), each by its endpoint; a file that exists in the assets folder (styles, fonts, the
# base-map outline); a file Dash registered for a component library (the libraries' code).
PUBLIC_ENDPOINTS = frozenset(
    {
        "auth_login",
        "auth_logout",
        "auth_oidc_start",
        "auth_oidc_callback",
        "auth_local",
        "/_favicon.ico",
        "api_openapi",
        "api_docs",
        "health",
    }
)
ASSETS_ENDPOINT = "_dash_assets.static"
LIBRARY_ENDPOINT = "/_dash-component-suites/<string:package_name>/<path:fingerprinted_path>"


def is_public_request(
    endpoint: str | None,
    view_args: Mapping[str, object] | None,
    *,
    assets_dir: Path,
    library_files: Mapping[str, Collection[str]],
) -> bool:
    """True for a request anyone may make, signed in or not (see ``PUBLIC_ENDPOINTS``).

    Args:
        endpoint: the endpoint routing resolved the request to (None when nothing matched).
        view_args: the route's arguments.
        assets_dir: the app's assets folder.
        library_files: Dash's registered component library files, package -> paths in it.
    """
    if endpoint in PUBLIC_ENDPOINTS:
        return True
    arguments = view_args or {}
    if endpoint == ASSETS_ENDPOINT:
        return _file_within(assets_dir, arguments.get("filename"))
    if endpoint == LIBRARY_ENDPOINT:
        package, fingerprinted = arguments.get("package_name"), arguments.get("fingerprinted_path")
        if not isinstance(package, str) or not isinstance(fingerprinted, str):
            return False
        path_in_package, _ = check_fingerprint(fingerprinted)
        return path_in_package in library_files.get(package, ())
    return False


def _file_within(directory: Path, name: object) -> bool:
    if not isinstance(name, str) or not name:
        return False
    joined = safe_join(str(directory), name)
    return joined is not None and Path(joined).is_file()


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
        if self.when_clicked is not None and any(
            item.get("value") for item in _items(body.get("inputs"))
        ):
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
