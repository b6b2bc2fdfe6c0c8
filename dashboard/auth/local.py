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
- the browser holds the cookie the printed link sets (HttpOnly, SameSite=Strict, a hash of the key);
- on Linux, the connection comes from a process of the OS account that runs the app: the kernel's
  socket table (``/proc/net/tcp`` and ``tcp6``) names the owner of the client's end of every
  loopback connection, and it must be this process's user.

The key is what makes a proxy on the same machine harmless: a proxy forwarding to 127.0.0.1
makes every request look local, but its users never saw the terminal. The account check is what
keeps the other accounts of a shared machine out even when the cookie leaks: browsers send a
site's cookies to every port of its host, so a page another account serves on 127.0.0.1 (a link
in a chat, a "shared notebook") that the person opens receives the cookie. With it, that account
still connects as itself, and is refused. Where the OS offers no socket table (not Linux), the key
alone decides, and ``run.py`` says so at start.
"""

from __future__ import annotations

import getpass
import hashlib
import ipaddress
import os
import secrets
import socket
import struct
from collections.abc import Mapping
from pathlib import Path

from flask import Request

from dashboard.auth.roles import OPEN_VISITOR_PERMISSIONS, Permission, Role, User
from dashboard.i18n import t
from dashboard.settings import Settings

COOKIE = "euiom_local"
LINK_PATH = "/auth/local"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
PROXY_HEADERS = (
    "Forwarded",
    "X-Forwarded-For",
    "X-Forwarded-Host",
    "X-Forwarded-Proto",
    "X-Forwarded-Port",
    "X-Forwarded-Server",
    "X-Real-IP",
    "Via",
    "X-Client-IP",
    "True-Client-IP",
    "CF-Connecting-IP",
)


def local_manager() -> User:
    """The person at the machine: a visitor of the open demo who may also import."""
    try:
        account = getpass.getuser()
    except (KeyError, OSError):
        account = "local"
    return User(
        name=f"{account} (this computer)",
        roles=frozenset({Role.VIEWER, Role.DATA_MANAGER}),
        permissions=OPEN_VISITOR_PERMISSIONS | {Permission.MANAGE_DATA},
        signed_in=False,
        id="local-data-manager",
    )


def may_have_local_manager(settings: Settings) -> bool:
    """True when this app may grant data management to the person at the machine (see the module doc)."""
    return (
        settings.auth_mode == "open"
        and settings.local_data_manager == "auto"
        and bool(settings.local_key)
        and settings.proxy_hops == 0
        and settings.host in LOOPBACK_NAMES
    )


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
    return request.method in ("GET", "HEAD", "OPTIONS") or origin in (
        None,
        f"http://{request.host}",
    )


SOCKET_TABLES = (Path("/proc/net/tcp"), Path("/proc/net/tcp6"))
ESTABLISHED = "01"


def can_identify_peers() -> bool:
    """True where the kernel names the owner of each socket (Linux's /proc/net/tcp)."""
    return SOCKET_TABLES[0].exists()


def _socket_address(field: str) -> tuple[ipaddress.IPv4Address | ipaddress.IPv6Address, int]:
    """An address of /proc/net/tcp{,6}: hex, each 32-bit word in host order, then ':port' in hex."""
    host, port = field.split(":")
    words = [int(host[i : i + 8], 16) for i in range(0, len(host), 8)]
    packed = b"".join(struct.pack("=I", word) for word in words)
    address = ipaddress.ip_address(
        socket.inet_ntop(socket.AF_INET if len(packed) == 4 else socket.AF_INET6, packed)
    )
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address, int(port, 16)


def connection_owner(environ: Mapping[str, object]) -> int | None:
    """The uid that owns the client's end of this request's connection, from the kernel's socket
    table (Linux), or None when it cannot be told."""
    try:
        client = ipaddress.ip_address(str(environ["REMOTE_ADDR"]))
        client_port, server_port = (
            int(str(environ["REMOTE_PORT"])),
            int(str(environ["SERVER_PORT"])),
        )
    except (KeyError, ValueError):
        return None
    if isinstance(client, ipaddress.IPv6Address) and client.ipv4_mapped is not None:
        client = client.ipv4_mapped
    for table in SOCKET_TABLES:
        try:
            rows = table.read_text(encoding="ascii").splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if len(fields) < 8 or fields[3] != ESTABLISHED:
                continue
            try:
                (local, local_port), (_, remote_port) = (
                    _socket_address(fields[1]),
                    _socket_address(fields[2]),
                )
            except (ValueError, OSError):
                continue
            if local_port == client_port and remote_port == server_port and local == client:
                return int(fields[7])
    return None


def same_account(environ: Mapping[str, object]) -> bool:
    """True when the connection comes from this process's OS account (or the OS cannot tell: see the
    module doc)."""
    if not can_identify_peers():
        return True
    return connection_owner(environ) == os.geteuid()


def is_local_manager(request: Request, settings: Settings) -> bool:
    """True for the person at the machine (every condition of the module doc)."""
    if not may_have_local_manager(settings) or not is_direct_local_request(request):
        return False
    held = request.cookies.get(COOKIE, "")
    return (
        bool(held)
        and secrets.compare_digest(held, cookie_value(settings.local_key))
        and same_account(request.environ)
    )


def new_key() -> str:
    """A key for one run of the development server."""
    return secrets.token_urlsafe(24)


def how_to_get(permission: str, settings: Settings, user_name: str, lang: str) -> str:
    """What to do to get ``permission`` (data management) when a page needs it, in words; "" for others."""
    if permission != Permission.MANAGE_DATA:
        return ""
    if settings.auth_mode != "open":
        return t("auth.how_to.manage_data.signed_in", lang, name=user_name or "?")
    if may_have_local_manager(settings):
        return t("auth.how_to.manage_data.local", lang)
    return t("auth.how_to.manage_data.open", lang)
