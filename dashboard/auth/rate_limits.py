"""Rate limits of the API, embeds and exports, and the sign-in counters: Flask-Limiter, counted in
the shared state (``dashboard.server.shared_state``), so that every worker and server counts once.

- the API (``/api/v1/...``): ``EUIOM_API_RATE`` per client (its user when signed in or holding a
  token, else its address), one budget shared by every endpoint;
- embedded charts (``/embed/...``): ``EUIOM_EMBED_RATE`` per address;
- exports (chart CSV/Excel downloads through their callback, the "download all data" zip):
  ``EUIOM_EXPORT_RATE`` per client, one budget for both.

A client over a limit gets 429 with ``Retry-After`` (JSON on the API, one line elsewhere).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask, current_app, request
from flask_limiter import Limiter
from limits import parse_many
from werkzeug.exceptions import TooManyRequests

from dashboard.auth import current_user
from dashboard.server.shared_state import SharedState
from dashboard.settings import Settings

EXTENSION_KEY = "euiom_limiter"


def address_key() -> str:
    """The client's address (behind trusted proxies, the one they name: ``EUIOM_PROXY_HOPS``)."""
    return "address:" + (request.remote_addr or "?")


def client_key() -> str:
    """Whom a limit counts: the signed-in user (or a token's owner) by their id, else the address."""
    user = current_user()
    if user.signed_in and user.id:
        return "user:" + user.id
    return address_key()


@dataclass(frozen=True)
class RateLimits:
    """The app's Flask-Limiter and its settings."""

    limiter: Limiter
    settings: Settings
    prefix: str

    def api_limit(self) -> Callable:
        """The decorator of every API endpoint: one budget per client across all of them."""
        return self.limiter.shared_limit(self.settings.api_rate, scope="api", key_func=client_key)

    def embed_limit(self) -> Callable:
        """The decorator of the embedded chart pages: one budget per address."""
        return self.limiter.shared_limit(
            self.settings.embed_rate, scope="embed", key_func=address_key
        )

    def remaining(self, rates: str, scope: str, key: str) -> list[tuple[int, float]]:
        """(requests left, when its window ends) for every window of ``rates``, nothing counted."""
        return [
            (stats.remaining, stats.reset_time)
            for stats in (
                self.limiter.limiter.get_window_stats(item, self.prefix, scope, key)
                for item in parse_many(rates)
            )
        ]

    def count(self, rates: str, scope: str, key: str) -> None:
        """Count one event of ``key`` in every window of ``rates`` (however many are used up)."""
        for item in parse_many(rates):
            self.limiter.limiter.hit(item, self.prefix, scope, key)

    def hit(self, rates: str, scope: str, key: str) -> bool:
        """Count one event of ``key`` in every window of ``rates``, atomically per window, before
        anything else happens; True when no window is over its limit with it."""
        return all(
            [self.limiter.limiter.hit(item, self.prefix, scope, key) for item in parse_many(rates)]
        )

    def refund(self, rates: str, scope: str, key: str) -> None:
        """Take back one event :meth:`hit` counted (a sign-in that succeeded)."""
        for item in parse_many(rates):
            self.limiter.limiter.hit(item, self.prefix, scope, key, cost=-1)

    def _key(self, scope: str, key: str) -> str:
        return f"{self.prefix}/{scope}/{key}"

    def ticket(self, scope: str, key: str, seconds: float) -> bool:
        """True for the first caller of ``(scope, key)`` within ``seconds`` (atomic for every worker
        and server), False for every other until it ends or is given back (:meth:`give_back`)."""
        return self.limiter.storage.incr(self._key(scope, key), int(max(1, seconds))) == 1

    def give_back(self, scope: str, key: str) -> None:
        """End a ticket (or a wait) now."""
        self.limiter.storage.clear(self._key(scope, key))

    def start_wait(self, scope: str, key: str, seconds: float) -> None:
        """Make ``key`` wait ``seconds`` from now (:meth:`wait_left`)."""
        self.limiter.storage.clear(self._key(scope, key))
        self.limiter.storage.incr(self._key(scope, key), int(max(1, seconds)))

    def wait_left(self, scope: str, key: str) -> float:
        """Seconds ``key`` still has to wait (0 when it need not)."""
        if self.limiter.storage.get(self._key(scope, key)) <= 0:
            return 0.0
        return max(0.0, self.limiter.storage.get_expiry(self._key(scope, key)) - time.time())

    def counted(self, scope: str, key: str) -> int:
        """The count of ``(scope, key)`` kept by :meth:`ticket`-like counters (0 when none)."""
        return int(self.limiter.storage.get(self._key(scope, key)))

    def add(self, scope: str, key: str, seconds: float) -> int:
        """Count one more for ``(scope, key)`` over ``seconds`` from its first; returns the count."""
        return int(self.limiter.storage.incr(self._key(scope, key), int(max(1, seconds))))

    def spend(self, rates: str, scope: str, key: str) -> None:
        """Count one request of ``key`` in every window of ``rates``.

        Raises:
            TooManyRequests: a window is used up (Retry-After: the seconds until it ends).
        """
        for item in parse_many(rates):
            if not self.limiter.limiter.hit(item, self.prefix, scope, key):
                reset, _ = self.limiter.limiter.get_window_stats(item, self.prefix, scope, key)
                raise TooManyRequests(retry_after=max(1, math.ceil(reset - time.time())))


def install_rate_limits(server: Flask, settings: Settings, state: SharedState) -> RateLimits:
    """Flask-Limiter on ``server``, counting in ``state``; nothing is limited until a route asks."""
    prefix = state.key_prefix + "limits"
    limiter = Limiter(
        client_key,
        app=server,
        storage_uri=state.limits_uri,
        strategy="fixed-window",
        key_prefix=prefix,
        headers_enabled=True,
        swallow_errors=False,
    )
    limits = RateLimits(limiter, settings, prefix)
    server.extensions[EXTENSION_KEY] = limits
    return limits


def rate_limits() -> RateLimits:
    """The current app's rate limits (during a request)."""
    return current_app.extensions[EXTENSION_KEY]


def spend_export() -> None:
    """Count one export (chart data download or zip) of the current client against ``EUIOM_EXPORT_RATE``."""
    limits = rate_limits()
    limits.spend(limits.settings.export_rate, "export", client_key())
