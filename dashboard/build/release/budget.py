"""The privacy budget of the protected release and what it guarantees, in one place.

The release is ρ-zCDP (zero-concentrated differential privacy) with the returnee as the unit:
adding or removing one returnee, with all their survey rounds, changes what the release's
measurements can show by a bounded amount. Every measurement is a Gaussian mechanism, so the
whole release is also μ-GDP (Gaussian differential privacy) with μ = √(2ρ), which gives the
tightest statements below (Dong, Roth and Su 2022; Bun and Steinke 2016).

**One store version, one release, ρ = ``Budget.rho``.** A store version holding survey data gets
its release when the version is made (a demo build, a survey import, or the upgrade of a store made
before releases existed; ``build.refresh_release``); a rollback serves a kept version's release
again and makes none. That release spends ``DEFAULT_RHO`` (0.5), or the smaller ρ set by
``EUIOM_RELEASE_RHO`` (``configured_budget``), and everything computed from it afterwards spends
nothing more. A version without survey data releases nobody and spends 0.

**How one release's ρ is split.** Six Gaussian measurements (``mechanism.Measurer``,
``model.fit_and_draw``) run once each, in this order; measurement ``part`` spends ρ × ``SHARES[part]``
with σ = Δ/√(2ρ × ``SHARES[part]``), Δ the L2 norm of everything one returnee adds to it. The shares
sum to 1, so the release spends exactly ρ (zCDP adds up). One row per returnee: the latest answer,
and the answer before it when it was given at the same place (Action × country).

- ``where_and_when``: returnees by place × quarter (Δ = 1).
- ``population``: eight count tables, months band by place and by quarter, the previous round's lag
  by months band, and sex, age group, assistance type, assistance level and referral each by place
  (Δ = √8).
- ``score_sums``: the sums of the three scores (each minus 0.5, so within ±0.5) by every value of ten
  blocks: place, year, months band, lag, the five attributes, place × sex (Δ = 0.5 √30).
- ``score_spread``: the three scores' residuals from the effects fitted to ``score_sums`` (clipped to
  ±0.6): a 60-bin histogram of each and their six sums of products (Δ = √(3 + 6 × 0.6⁴)).
- ``change_sums``: for returnees with a previous round, the sums of the three changes (clipped to
  ±0.5) by every value of nine blocks (the ten above without year) (Δ = 0.5 √27).
- ``change_spread``: the changes' residuals, measured as ``score_spread`` (same Δ).

**Across store versions: the directory's cap.** zCDP adds up over releases too. The ledger
(``ledger.py``) sums the ρ of every release of imported survey data ever published in a store
directory (a rollback takes nothing back; demo releases, of invented returnees, are counted apart
and not capped). A survey import whose release would take that sum past ``DEFAULT_RHO_TOTAL`` (2.0),
or ``EUIOM_RELEASE_RHO_TOTAL`` (``configured_rho_total``), is refused before anything is written
(``ledger.check_cap``); only survey imports are checked (an upgrade's first release is counted,
not checked). :class:`Guarantee` states what a total ρ guarantees: one release's, or the sum.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.settings import DEFAULT_RHO, DEFAULT_RHO_TOTAL, MAX_RHO, parse_rho, parse_rho_total
from dashboard.store.guarantee import DEFAULT_DELTA, Guarantee

__all__ = [
    "DEFAULT_BUDGET",
    "DEFAULT_DELTA",
    "SHARES",
    "Budget",
    "Guarantee",
    "configured_budget",
    "configured_rho_total",
]

# The split of one release's ρ between its six measurements (fractions summing to 1; what each
# measures and its sensitivity: the module docstring).
SHARES = {
    "where_and_when": 0.12,  # returnees by place × quarter
    "population": 0.08,  # months band by place and by quarter, lag by band, five attributes by place
    "score_sums": 0.55,  # sums of the three scores by ten blocks (place, year, band, lag, attributes, place × sex)
    "score_spread": 0.05,  # histograms and cross-products of the three scores' residuals
    "change_sums": 0.15,  # sums of the three changes between rounds by nine blocks (no year)
    "change_spread": 0.05,  # histograms and cross-products of the changes' residuals
}
assert abs(sum(SHARES.values()) - 1.0) < 1e-12


@dataclass(frozen=True)
class Budget(Guarantee):
    """The zCDP budget ρ of one release, shared between its measurements.

    Attributes:
        rho: the zCDP parameter of one release, in (0, MAX_RHO].
    """

    rho: float = DEFAULT_RHO

    def __post_init__(self) -> None:
        if not 0 < self.rho <= MAX_RHO:
            raise ValueError(f"the release budget must be in (0, {MAX_RHO}], not {self.rho!r}")

    def share(self, part: str) -> float:
        """The part of ρ one group of measurements spends."""
        return self.rho * SHARES[part]


DEFAULT_BUDGET = Budget()


def configured_budget(environ=None) -> Budget:
    """The budget of releases made now: ``EUIOM_RELEASE_RHO`` or the default."""
    import os

    environ = os.environ if environ is None else environ
    return Budget(parse_rho(environ.get("EUIOM_RELEASE_RHO", str(DEFAULT_RHO))))


def configured_rho_total(environ=None) -> float:
    """The cap on the total ρ of a store's releases: ``EUIOM_RELEASE_RHO_TOTAL`` or the default."""
    import os

    environ = os.environ if environ is None else environ
    return parse_rho_total(environ.get("EUIOM_RELEASE_RHO_TOTAL", str(DEFAULT_RHO_TOTAL)))
