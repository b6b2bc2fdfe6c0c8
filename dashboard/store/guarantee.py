"""What a total zCDP budget ρ guarantees to one returnee (``budget.py`` explains the release).

It lives beside the store because the privacy ledger, read from a store, states the guarantee of
everything a store directory has published (``ledger.Ledger.public``); the release's own
``budget.Budget`` is one of these.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

DEFAULT_DELTA = 1e-6
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
        return _NORMAL.cdf(-epsilon / mu + mu / 2) - math.exp(epsilon) * _NORMAL.cdf(
            -epsilon / mu - mu / 2
        )

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
