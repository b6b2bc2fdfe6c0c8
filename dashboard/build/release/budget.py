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

import math
from dataclasses import dataclass
from statistics import NormalDist

from dashboard.settings import DEFAULT_RHO, DEFAULT_RHO_TOTAL, MAX_RHO, parse_rho, parse_rho_total

DEFAULT_DELTA = 1e-6
# The split of one release's ρ between its six measurements (fractions summing to 1; what each
# measures and its sensitivity: the module docstring).
SHARES = {
    "where_and_when": 0.12,      # returnees by place × quarter
    "population": 0.08,          # months band by place and by quarter, lag by band, five attributes by place
    "score_sums": 0.55,          # sums of the three scores by ten blocks (place, year, band, lag, attributes, place × sex)
    "score_spread": 0.05,        # histograms and cross-products of the three scores' residuals
    "change_sums": 0.15,         # sums of the three changes between rounds by nine blocks (no year)
    "change_spread": 0.05,       # histograms and cross-products of the changes' residuals
}
assert abs(sum(SHARES.values()) - 1.0) < 1e-12
_NORMAL = NormalDist()


@dataclass(frozen=True)
class Guarantee:
    """What a total zCDP ρ guarantees (one release's, or the sum of several: zCDP adds up).

    Attributes:
        rho: the zCDP parameter.
    """

    rho: float

    def __post_init__(self) -> None:
        if not self.rho > 0:
            raise ValueError(f"a privacy budget must be positive, not {self.rho!r}")

    @property
    def mu(self) -> float:
        """The Gaussian-DP parameter: no test tells a returnee in from out better than telling
        N(0, 1) from N(μ, 1)."""
        return math.sqrt(2 * self.rho)

    def delta(self, epsilon: float) -> float:
        """δ(ε) of μ-GDP: Φ(−ε/μ + μ/2) − e^ε Φ(−ε/μ − μ/2)."""
        mu = self.mu
        return _NORMAL.cdf(-epsilon / mu + mu / 2) - math.exp(epsilon) * _NORMAL.cdf(-epsilon / mu - mu / 2)

    def epsilon(self, delta: float = DEFAULT_DELTA) -> float:
        """The smallest ε with δ(ε) ≤ ``delta`` (by bisection)."""
        low, high = 0.0, 100.0
        for _ in range(200):
            middle = (low + high) / 2
            if self.delta(middle) > delta:
                low = middle
            else:
                high = middle
        return high

    def membership_accuracy(self) -> float:
        """The best accuracy of guessing whether one returnee is in the survey, when in and out are
        equally likely a priori and the attacker knows everyone else: Φ(μ/2) (the two
        hypotheses are no further apart than N(0, 1) and N(μ, 1), whose best test at equal priors
        errs with chance Φ(−μ/2))."""
        return _NORMAL.cdf(self.mu / 2)

    def membership_ranking(self) -> float:
        """The largest chance that a member scores above a non-member under any membership score
        (the area under its ROC curve): Φ(μ/√2). Not an accuracy: a ranking can be right this often
        while every yes/no decision is right at most :meth:`membership_accuracy` of the time."""
        return _NORMAL.cdf(self.mu / math.sqrt(2))

    def membership_advantage(self) -> float:
        """The largest true-positive rate minus false-positive rate of any membership test: 2Φ(μ/2) − 1."""
        return 2 * self.membership_accuracy() - 1

    def true_positive_bound(self, false_positive_rate: float) -> float:
        """The largest true-positive rate of a membership test at a false-positive rate: Φ(Φ⁻¹(α) + μ)."""
        alpha = min(max(false_positive_rate, 1e-12), 1 - 1e-12)
        return _NORMAL.cdf(_NORMAL.inv_cdf(alpha) + self.mu)

    def reconstruction_bound(self, baseline: float) -> float:
        """The largest chance of any reconstruction of one returnee's answers that a guess without
        their data achieves with chance ``baseline``: Φ(Φ⁻¹(κ) + μ) (Hayes, Mahloujifar and Balle 2023)."""
        return self.true_positive_bound(baseline)

    def group(self, size: int) -> Guarantee:
        """The guarantee for a group of ``size`` returnees taken together: μ grows to size·μ (GDP
        group privacy), ρ to size²·ρ."""
        return Guarantee(self.rho * size * size)


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
