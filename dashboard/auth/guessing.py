"""Password guessing slowed for everyone, without letting a stranger lock the real user out.

Counts are kept by Flask-Limiter in the shared state (every worker and server counts once;
``dashboard.auth.rate_limits``), and every attempt is counted **before** its password is checked, in
one atomic step per window: a burst of parallel guesses cannot slip through between the check and
the count (before: 40 guesses sent at once had about 15 checked instead of 5).

- **Per address** (``EUIOM_SIGN_IN_SOURCE_RATE``, default ``5/minute;20/hour;100/day``): an
  address's attempts within these windows are checked (a success gives its attempt back, so they
  count failed sign-ins). Past them the address is slowed, not shut: it waits a delay that doubles
  each time (1 minute, then 2, 4, ... up to an hour), then one more attempt is checked (and the
  address's windows, once they end, give it their attempts again).
- **A name with no recent failure is still checked from a slowed address**: people behind one
  NAT, VPN or proxy share an address, so a guesser there must not lock the others out; a name
  nobody failed to sign in with for ``EUIOM_SIGN_IN_ACCOUNT_RATE``'s window gets one attempt
  checked per window from a slowed address (the real user's, as a rule). A guesser gets at most one
  extra guess per name and window this way.
- **Per user name** (``EUIOM_SIGN_IN_ACCOUNT_RATE``, default ``10/15 minutes``), from all
  addresses: past it, that name is refused only to addresses that themselves failed within the
  window. An address with no recent failure still signs in with the right password.

A success resets no count (an attacker cannot clear theirs by signing into an account of their
own between guesses): it only gives back the attempt it used. Neither count reveals whether a
user name exists.
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
WAIT_SCOPE = "sign-in-address-wait"
STRIKES_SCOPE = "sign-in-address-strikes"
TURN_SCOPE = "sign-in-address-turn"
FRESH_NAME_SCOPE = "sign-in-fresh-name"
FIRST_DELAY_SECONDS = 60
LONGEST_DELAY_SECONDS = 3600
STRIKES_KEPT_SECONDS = 24 * 3600
STILL_CHECKING_SECONDS = (
    5  # how long to wait when the address's last allowed attempts are being checked
)


@dataclass(frozen=True)
class Refusal:
    """Why a sign-in attempt is refused before its password is checked, and for how long."""

    reason: str  # "address" or "name"
    retry_after: int  # seconds

    @property
    def minutes(self) -> int:
        return max(1, math.ceil(self.retry_after / 60))


@dataclass(frozen=True)
class Admission:
    """An attempt let through to have its password checked; :meth:`GuessingGuard.failed` or
    :meth:`GuessingGuard.succeeded` says how it went."""

    address: str
    name: str
    how: str  # "budget" (within the address's windows), "turn" (after a wait) or "fresh-name"


def delay_after(strikes: int) -> int:
    """How long a slowed address waits after its ``strikes``-th wrong password while slowed."""
    return min(LONGEST_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** max(0, strikes - 1))


@dataclass(frozen=True)
class GuessingGuard:
    """The counts above, over the app's rate limits."""

    limits: RateLimits
    source_rates: str
    account_rates: str

    @property
    def recent_window(self) -> int:
        """Seconds of the longest per-name window: what "recent" means."""
        return max(item.get_expiry() for item in parse_many(self.account_rates))

    @property
    def recent_rate(self) -> str:
        """One window as long as the per-name one, counting an address's recent failures."""
        window = max(parse_many(self.account_rates), key=lambda item: item.get_expiry())
        return f"1000000000/{window.multiples} {window.GRANULARITY.name}"

    def admit(self, address: str, name: str) -> Admission | Refusal:
        """Count this attempt, then let it be checked (an :class:`Admission`) or refuse it."""
        name_key = _name_key(name)
        if self.limits.hit(self.source_rates, SOURCE_SCOPE, address):
            closed = self._name_closed(name_key)
            if closed and self._failed_recently(address):
                self.limits.refund(
                    self.source_rates, SOURCE_SCOPE, address
                )  # not checked: not a guess
                return Refusal("name", closed)
            return Admission(address, name_key, "budget")
        if not self._name_failed_recently(name_key) and self.limits.ticket(
            FRESH_NAME_SCOPE, name_key, self.recent_window
        ):
            return Admission(address, name_key, "fresh-name")
        waiting = self.limits.wait_left(WAIT_SCOPE, address)
        if waiting > 0:
            return Refusal("address", math.ceil(waiting))
        strikes = self.limits.counted(STRIKES_SCOPE, address)
        if strikes and self.limits.ticket(TURN_SCOPE, f"{address}#{strikes}", STRIKES_KEPT_SECONDS):
            return Admission(address, name_key, "turn")
        return Refusal("address", STILL_CHECKING_SECONDS if not strikes else FIRST_DELAY_SECONDS)

    def failed(self, admitted: Admission) -> None:
        """A wrong password: count it for the name and the address; a slowed address waits longer."""
        self.limits.count(self.account_rates, ACCOUNT_SCOPE, admitted.name)
        self.limits.count(self.recent_rate, RECENT_SCOPE, admitted.address)
        if admitted.how == "fresh-name":
            return  # its one check per window is spent; the address's own wait is not its doing
        used_up = (
            self._over_budget(admitted.address)
            and self.limits.wait_left(WAIT_SCOPE, admitted.address) <= 0
        )
        if admitted.how == "turn" or used_up:
            strikes = self.limits.add(STRIKES_SCOPE, admitted.address, STRIKES_KEPT_SECONDS)
            self.limits.start_wait(WAIT_SCOPE, admitted.address, delay_after(strikes))

    def succeeded(self, admitted: Admission) -> None:
        """The right password: give back the attempt it used (counts stay as they are)."""
        if admitted.how == "budget":
            self.limits.refund(self.source_rates, SOURCE_SCOPE, admitted.address)
        elif admitted.how == "turn":
            strikes = self.limits.counted(STRIKES_SCOPE, admitted.address)
            self.limits.give_back(TURN_SCOPE, f"{admitted.address}#{strikes}")
        else:
            self.limits.give_back(FRESH_NAME_SCOPE, admitted.name)

    def _over_budget(self, address: str) -> bool:
        return any(
            left <= 0 for left, _ in self.limits.remaining(self.source_rates, SOURCE_SCOPE, address)
        )

    def _name_closed(self, name_key: str) -> int:
        """Seconds until ``name`` is open again to addresses that failed recently (0: open)."""
        resets = [
            reset
            for left, reset in self.limits.remaining(self.account_rates, ACCOUNT_SCOPE, name_key)
            if left <= 0
        ]
        return math.ceil(max(resets) - time.time()) if resets else 0

    def _name_failed_recently(self, name_key: str) -> bool:
        limits = [item.amount for item in parse_many(self.account_rates)]
        return any(
            left < limit
            for (left, _), limit in zip(
                self.limits.remaining(self.account_rates, ACCOUNT_SCOPE, name_key),
                limits,
                strict=True,
            )
        )

    def _failed_recently(self, address: str) -> bool:
        limit = int(self.recent_rate.split("/", 1)[0])
        return any(
            left < limit
            for left, _ in self.limits.remaining(self.recent_rate, RECENT_SCOPE, address)
        )


def _name_key(name: str) -> str:
    return name.strip().lower()[:64]
