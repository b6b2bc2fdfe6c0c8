"""Failed sign-ins per user name: after a few, that name is refused for a while (per process)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

MAX_TRACKED_NAMES = 10_000


@dataclass
class SignInThrottle:
    """At most ``limit`` failed sign-ins per user name within ``window`` seconds."""

    limit: int = 5
    window: int = 900
    _failures: dict[str, list[float]] = field(default_factory=dict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def _recent(self, name: str, now: float) -> list[float]:
        return [moment for moment in self._failures.get(name.lower(), []) if now - moment < self.window]

    def blocked(self, name: str) -> bool:
        """True while ``name`` has had too many failed sign-ins."""
        with self._lock:
            return len(self._recent(name, time.monotonic())) >= self.limit

    def failed(self, name: str) -> None:
        """Count a failed sign-in for ``name``."""
        now = time.monotonic()
        with self._lock:
            if len(self._failures) > MAX_TRACKED_NAMES:
                self._failures = {key: kept for key in self._failures if (kept := self._recent(key, now))}
            self._failures[name.lower()] = [*self._recent(name, now), now]

    def succeeded(self, name: str) -> None:
        """Forget the failures of ``name``."""
        with self._lock:
            self._failures.pop(name.lower(), None)
