"""The privacy ledger's cap: an import whose release would take the total past it is refused.

The ledger itself (every release a store directory ever published, read from its history) is read
from the store: ``dashboard.store.ledger``; its names are exported here as well for the code that
makes releases. The cap (``EUIOM_RELEASE_RHO_TOTAL``) is the most the imported data's releases may
spend in total: an import whose release would pass it is refused, and an import that leaves room
for less than one more release says so.
"""

from __future__ import annotations

from dashboard.store.files import StoreError
from dashboard.store.ledger import (
    DEMO,
    FIRST_RELEASE_SCHEMA,
    IMPORTED,
    NOBODY,
    RELEASE_FIELD,
    Ledger,
    Release,
    directory_ledger,
    file_ledger,
    ledger_from_entries,
)

__all__ = [
    "DEMO",
    "FIRST_RELEASE_SCHEMA",
    "IMPORTED",
    "NOBODY",
    "RELEASE_FIELD",
    "CapReached",
    "Ledger",
    "Release",
    "check_cap",
    "directory_ledger",
    "file_ledger",
    "ledger_from_entries",
]


class CapReached(StoreError):
    """A release would take the total past the cap (nothing was written)."""


def check_cap(ledger: Ledger, rho: float, cap: float) -> list[str]:
    """Refuse a new release of imported data that would take the total past ``cap``; otherwise the
    notes to show (one when less than one more release of ``rho`` would fit afterwards).

    Raises:
        CapReached: with the one-line message for the data manager.
    """
    before = ledger.spent(IMPORTED)
    after = round(before + rho, 6)
    left = round(cap - before, 6)
    if after > cap + 1e-9:
        if left > 0:
            fix = (
                f"to import now, set EUIOM_RELEASE_RHO to at most {left:g} (a noisier release), or raise "
                "EUIOM_RELEASE_RHO_TOTAL after weighing the weaker guarantee the methodology page states"
            )
        else:
            fix = (
                "every import releases all the survey's returnees again, so import the remaining files together "
                "in one new store, or raise EUIOM_RELEASE_RHO_TOTAL after weighing the weaker guarantee the "
                "methodology page states"
            )
        raise CapReached(
            f"This import would make a new protected release of every returnee, bringing the privacy "
            f"budget spent on them to ρ = {after:g}, past the limit EUIOM_RELEASE_RHO_TOTAL = {cap:g} "
            f"(spent so far: {before:g} in {ledger.count(IMPORTED)} releases), so nothing was imported; "
            f"{fix}."
        )
    if cap - after < rho - 1e-9:
        return [
            f"Privacy budget: after this import ρ = {after:g} of the limit {cap:g} (EUIOM_RELEASE_RHO_TOTAL) is "
            f"spent on the survey's returnees; the next import at ρ = {rho:g} will be refused. Import the "
            "remaining files together, or plan a smaller EUIOM_RELEASE_RHO."
        ]
    return []
