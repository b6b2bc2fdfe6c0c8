"""The local data manager of the open mode: the person at the machine that runs ``make run``.

The open mode is a public demo: nobody signs in and nobody imports. The person who started the
app on their own computer may import all the same, when every one of these holds:

- ``EUIOM_LOCAL_DATA_MANAGER=auto`` (the default) and the development server (``run.py``), which
  makes a random key at each start and prints a link holding it in the terminal; gunicorn never
  makes one, so a production server never has a local data manager;
- the app listens on loopback only (``EUIOM_HOST`` 127.0.0.1, ::1 or localhost) and trusts no proxy
  (``EUIOM_PROXY_HOPS=0``);
- the request comes from a loopback address, straight: no ``Forwarded``, ``X-Forwarded-*``,
  ``X-Real-IP`` or ``Via`` header, a ``Host`` that names loopback (a page of another site cannot
  reach the app through DNS rebinding) and, on a POST, an ``Origin`` that is the app's own;
- the browser holds the cookie the printed link sets (HttpOnly, SameSite=Strict, a hash of the key).

The key is what makes a proxy on the same machine harmless: a proxy forwarding to 127.0.0.1
makes every request look local, but its users never saw the terminal. Other accounts of a shared
machine are kept out the same way.
"""

from __future__ import annotations

import getpass
import hashlib
import ipaddress
import secrets

from flask import Request

from dashboard.auth.roles import OPEN_VISITOR_PERMISSIONS, Permission, Role, User
from dashboard.settings import Settings

COOKIE = "euiom_local"
LINK_PATH = "/auth/local"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
PROXY_HEADERS = ("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port",
                 "X-Forwarded-Server", "X-Real-IP", "Via", "X-Client-IP", "True-Client-IP", "CF-Connecting-IP")


def local_manager() -> User:
    """The person at the machine: a visitor of the open demo who may also import."""
    try:
        account = getpass.getuser()
    except (KeyError, OSError):
        account = "local"
    return User(name=f"{account} (this computer)", roles=frozenset({Role.VIEWER, Role.DATA_MANAGER}),
                permissions=OPEN_VISITOR_PERMISSIONS | {Permission.MANAGE_DATA}, signed_in=False,
                id="local-data-manager")


def may_have_local_manager(settings: Settings) -> bool:
    """True when this app may grant data management to the person at the machine (see the module doc)."""
    return (settings.auth_mode == "open" and settings.local_data_manager == "auto" and bool(settings.local_key)
            and settings.proxy_hops == 0 and settings.host in LOOPBACK_NAMES)


def cookie_value(key: str) -> str:
    return hashlib.sha256(("euiom-local\n" + key).encode("utf-8")).hexdigest()


def _host_name(host: str) -> str:
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def is_direct_local_request(request: Request) -> bool:
    """A request straight from this machine's loopback to the app, through no proxy, for the app's own host."""
    try:
        if not ipaddress.ip_address(request.remote_addr or "").is_loopback:
            return False
    except ValueError:
        return False
    if any(header in request.headers for header in PROXY_HEADERS):
        return False
    if _host_name(request.host.lower()) not in LOOPBACK_NAMES:
        return False
    origin = request.headers.get("Origin")
    return request.method in ("GET", "HEAD", "OPTIONS") or origin in (None, f"http://{request.host}")


def is_local_manager(request: Request, settings: Settings) -> bool:
    """True for the person at the machine (every condition of the module doc)."""
    if not may_have_local_manager(settings) or not is_direct_local_request(request):
        return False
    held = request.cookies.get(COOKIE, "")
    return bool(held) and secrets.compare_digest(held, cookie_value(settings.local_key))


def new_key() -> str:
    """A key for one run of the development server."""
    return secrets.token_urlsafe(24)
