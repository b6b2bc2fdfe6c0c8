"""Gaussian measurements of the survey with a ledger of what each one spends.

Each call measures a group of tables at once: ``sensitivity`` bounds the L2 norm of everything
one returnee adds to the group (add/remove one returnee), ρ of the group is Δ²/(2σ²), so
σ = Δ/√(2ρ). The noise comes from a generator keyed by the release's secret seed (128 bits,
kept server-side only), so a release is reproducible by its owner and unpredictable to anyone
else. Noisy values are rounded to 1/1024 before use.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

ROUNDING = 1024.0


@dataclass(frozen=True)
class Measurement:
    """One entry of the ledger: what was measured, with which noise and at which cost (no values)."""

    name: str
    cells: int
    sensitivity: float
    sigma: float
    rho: float


@dataclass
class Measurer:
    """Adds Gaussian noise to tables and records what each measurement spends.

    Attributes:
        rng: the secret generator of the noise.
        ledger: every measurement made, in order.
    """

    rng: np.random.Generator
    ledger: list[Measurement] = field(default_factory=list)

    def measure(
        self, name: str, tables: dict[str, np.ndarray], *, sensitivity: float, rho: float
    ) -> dict[str, np.ndarray]:
        """Noisy copies of ``tables`` (one Gaussian mechanism spending ``rho``)."""
        sigma = sensitivity / math.sqrt(2 * rho)
        noisy = {}
        for key, table in tables.items():
            values = np.asarray(table, dtype=float)
            noisy[key] = (
                np.round((values + self.rng.normal(0.0, sigma, values.shape)) * ROUNDING) / ROUNDING
            )
        cells = sum(int(np.asarray(table).size) for table in tables.values())
        self.ledger.append(Measurement(name, cells, float(sensitivity), float(sigma), float(rho)))
        return noisy

    @property
    def spent(self) -> float:
        """ρ spent so far (zCDP composes by addition)."""
        return float(sum(entry.rho for entry in self.ledger))


def secret_generator(seed: int) -> np.random.Generator:
    """The noise generator of a release: Philox keyed by the 128-bit secret ``seed``."""
    return np.random.Generator(np.random.Philox(np.random.SeedSequence(seed)))
