"""A per-client token bucket for the API, kept in each worker process's memory.

With N workers a client may get up to N times the rate in the worst case (requests spread over
workers); a shared limit needs a shared store (e.g. Redis via Flask-Limiter), not needed here.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

MAX_CLIENTS = 10_000  # buckets kept; the least recently seen client is forgotten first


@dataclass
class RateLimiter:
    """``capacity`` requests per ``window`` seconds per client, refilled continuously."""

    capacity: int
    window: int
    _buckets: OrderedDict[str, tuple[float, float]] = field(default_factory=OrderedDict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def take(self, client: str, now: float | None = None) -> float:
        """Spend one request of ``client``: 0 when allowed, else the seconds to wait before the next."""
        now = time.monotonic() if now is None else now
        rate = self.capacity / self.window
        with self._lock:
            tokens, last = self._buckets.pop(client, (float(self.capacity), now))
            tokens = min(float(self.capacity), tokens + (now - last) * rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / rate
            self._buckets[client] = (tokens - 1 if wait == 0 else tokens, now)
            while len(self._buckets) > MAX_CLIENTS:
                self._buckets.popitem(last=False)
        return wait


def retry_after(wait: float) -> str:
    """Whole seconds for a Retry-After header (at least 1)."""
    return str(max(1, math.ceil(wait)))
