"""Password guessing slowed for everyone, without letting a stranger lock the real user out.

Two counts of failed sign-ins, kept by Flask-Limiter in the shared state (every worker and server
counts once; ``dashboard.auth.rate_limits``):

- **per address** (``EUIOM_SIGN_IN_SOURCE_RATE``, default ``5/minute;20/hour;100/day``): an
  address that failed 5 times waits until the minute ends, 20 times until the hour ends, 100 times
  until the day ends, whatever user names it tries. A guesser from one address gets at most 100
  guesses a day.
- **per user name** (``EUIOM_SIGN_IN_ACCOUNT_RATE``, default ``10/15 minutes``), from all
  addresses: past it, that name is refused only to addresses that themselves failed within the
  window. An address with no recent failure (the real user's, as a rule) still signs in with the
  right password, so guessing cannot lock anyone out; a guesser spreading over many addresses gets
  one guess per fresh address and window for that name, then the per-address count applies.

A success resets nothing: an attacker cannot clear their count by signing into an account of
their own between guesses. Neither count reveals whether a user name exists.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from limits import parse_many

from dashboard.auth.rate_limits import RateLimits

SOURCE_SCOPE = "sign-in-address"
ACCOUNT_SCOPE = "sign-in-name"
RECENT_SCOPE = "sign-in-address-recent"


@dataclass(frozen=True)
class Refusal:
    """Why a sign-in attempt is refused before its password is checked, and for how long."""

    reason: str  # "address" or "name"
    retry_after: int  # seconds

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.retry_after / 60))


@dataclass(frozen=True)
class GuessingGuard:
    """The two counts above, over the app's rate limits."""

    limits: RateLimits
    source_rates: str
    account_rates: str

    @property
    def recent_rate(self) -> str:
        """One window as long as the per-name one, counting an address's recent failures."""
        window = max(parse_many(self.account_rates), key=lambda item: item.get_expiry())
        return f"1000000000/{window.multiples} {window.GRANULARITY.name}"

    def refusal(self, address: str, name: str) -> Refusal | None:
        """A refusal when ``address`` must wait, or ``name`` is closed to it; else None."""
        now = time.time()
        used_up = [reset for left, reset in self.limits.remaining(self.source_rates, SOURCE_SCOPE, address) if left <= 0]
        if used_up:
            return Refusal("address", math.ceil(max(used_up) - now))
        closed = [reset for left, reset in self.limits.remaining(self.account_rates, ACCOUNT_SCOPE, _name_key(name))
                  if left <= 0]
        if closed and self._failed_recently(address):
            return Refusal("name", math.ceil(max(closed) - now))
        return None

    def failed(self, address: str, name: str) -> None:
        """Count a wrong password from ``address`` for ``name``."""
        self.limits.count(self.source_rates, SOURCE_SCOPE, address)
        self.limits.count(self.account_rates, ACCOUNT_SCOPE, _name_key(name))
        self.limits.count(self.recent_rate, RECENT_SCOPE, address)

    def _failed_recently(self, address: str) -> bool:
        limit = int(self.recent_rate.split("/", 1)[0])
        return any(left < limit for left, _ in self.limits.remaining(self.recent_rate, RECENT_SCOPE, address))


def _name_key(name: str) -> str:
    return name.strip().lower()[:64]
