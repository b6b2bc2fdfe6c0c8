"""Disclosure control of survey statistics: the cell key method (ONS 2021 census, ABS TableBuilder).

Every survey statistic leaves the query layer through this module. How it protects returnees:

- every survey record carries a fixed secret key, 0..255, drawn from a keyed hash of its id and
  a secret salt kept in the store (``dashboard.queries.aggregates``);
- a cell's key is the sum of its records' keys modulo 256. Sums add up, so the pre-aggregated
  cells store the sum of their keys and any selection of cells has its key at once;
- each published figure is moved by an amount read from the cell's key in a fixed lookup table
  (one column per kind of figure). The same records always get the same amount, in every view,
  export or repetition, so averaging repeated queries gains nothing; two cells that differ by one
  returnee have unrelated keys, so subtracting one view from another leaves noise, not a score.

What moves, and by how much (``Disclosure`` holds the parameters, the methodology page quotes them):

- counts (respondents, computed composites, shares' numerators) by −2..+2 (probabilities
  0.1, 0.2, 0.4, 0.2, 0.1; a count of zero stays zero);
- each score's sum by a normal amount of standard deviation ``sum_sd`` (0.35 score points for the
  default minimum group of 10, in proportion to minimum − 1 above it; never beyond ±2.9 ×
  ``sum_sd``), so a group mean moves by that over n: at most 0.10 for 10 respondents, 0.010 for
  100. An attacker subtracting views of a suppressed group of k keeps an error of standard
  deviation at least √2 × ``sum_sd`` / k on its mean: 0.055 for k = 9, so a 95% interval of
  ±0.11 — no suppressed group is recovered to better than ±0.05;
- each score's centred sum of squares by ``css_sd`` (0.05), so standard deviations move too;
- box-plot quantiles by a normal amount of standard deviation ``sum_sd`` / n;
- shares at or above a threshold are computed at thresholds on a 0.1 grid only.

Intervals include the added variance (mean: (sum_sd / n)² added to s² / n; shares: the count
noise), so their coverage stays 95%. Groups with fewer respondents than the minimum stay
suppressed. In exact mode (``EUIOM_DISCLOSURE=exact``, for trusted analysts) nothing moves and
every view says so.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from statistics import NormalDist

import numpy as np
import pandas as pd

KEY_RANGE = 256
COUNT_NOISE = (-2, -1, 0, 1, 2)
COUNT_NOISE_PROBABILITIES = (0.1, 0.2, 0.4, 0.2, 0.1)
COUNT_NOISE_SD = float(np.sqrt(sum(p * v * v for v, p in zip(COUNT_NOISE, COUNT_NOISE_PROBABILITIES, strict=True))))
# Standard deviation of the amount added to a score's sum, for the default minimum group of 10: an
# attacker differencing views of the largest suppressed group (9) keeps an error of sd √2 × 0.35 / 9
# = 0.055 on its mean. Larger minimums scale it by (minimum − 1) / 9.
SUM_NOISE_SD = 0.35
SUM_NOISE_REFERENCE_MINIMUM = 10
# The spread of scores the methodology page quotes interval widening for.
TYPICAL_SCORE_SD = 0.13
# Protected thresholds lie on this grid: with a free 0.01 threshold, sweeping it and fitting a step
# to the perturbed counts located a lone returnee's score to ±0.05 about half the time; on a 0.05
# grid still more often than guessing (60% against 40% on the demo store); on a 0.1 grid no more
# often than a guess (tests/test_disclosure_attacks.py).
THRESHOLD_GRID = 0.1
CSS_NOISE_SD = 0.05
MODES = ("protected", "exact")
# The largest normal amount the table holds, in standard deviations (its 256 points are the
# normal quantiles at (i + 0.5) / 256).
MAX_NORMAL = NormalDist().inv_cdf((KEY_RANGE - 0.5) / KEY_RANGE)


@dataclass(frozen=True)
class Disclosure:
    """The protection level of survey statistics and its parameters.

    Attributes:
        mode: ``protected`` (the cell key method) or ``exact`` (no perturbation; trusted analysts).
        sum_sd: standard deviation of the amount added to a score's sum, in score points.
        css_sd: standard deviation of the amount added to a centred sum of squares.
    """

    mode: str = "protected"
    sum_sd: float = SUM_NOISE_SD
    css_sd: float = CSS_NOISE_SD

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown disclosure mode {self.mode!r}")

    @property
    def exact(self) -> bool:
        """True when figures are published unperturbed."""
        return self.mode == "exact"


PROTECTED = Disclosure()
EXACT = Disclosure("exact")


def sum_noise_sd(min_group_size: int) -> float:
    """The sum noise that keeps a suppressed group of ``min_group_size`` − 1 hidden as well as
    a group of 9 is under the default minimum of 10."""
    scale = max(1.0, (min_group_size - 1) / (SUM_NOISE_REFERENCE_MINIMUM - 1))
    return SUM_NOISE_SD * scale


def for_minimum(mode: str, min_group_size: int) -> Disclosure:
    """The protection of a deployment: its mode, with the sum noise its minimum group needs."""
    return Disclosure(mode, sum_sd=sum_noise_sd(min_group_size))


def interval_widening(n: int, sum_sd: float, score_sd: float = TYPICAL_SCORE_SD) -> float:
    """By how much (a fraction) the sum noise widens a mean's interval for ``n`` respondents whose
    scores spread by ``score_sd``: √(s²/n + (sum_sd/n)²) / (s/√n) − 1."""
    return float(np.sqrt(1 + sum_sd**2 / (n * score_sd**2)) - 1)


@lru_cache(maxsize=512)
def _table(label: str, kind: str) -> np.ndarray:
    """The lookup column of one kind of figure: 256 amounts, one per cell key.

    Normal columns hold the 256 normal quantiles at (i + 0.5) / 256, count columns the integer
    amounts in their probabilities; each column is shuffled by a fixed permutation of its own
    (seeded by its label), so columns are unrelated to each other.
    """
    positions = (np.arange(KEY_RANGE) + 0.5) / KEY_RANGE
    if kind == "normal":
        values = np.array([NormalDist().inv_cdf(p) for p in positions])
    else:
        edges = np.cumsum(COUNT_NOISE_PROBABILITIES)
        values = np.array(COUNT_NOISE)[np.searchsorted(edges, positions)]
    permutation = np.random.default_rng(zlib.crc32(label.encode())).permutation(KEY_RANGE)
    table = values[permutation]
    table.setflags(write=False)
    return table


def _keys(keys: pd.Series | np.ndarray) -> np.ndarray:
    return np.nan_to_num(np.asarray(keys, dtype=float)).astype(np.int64) % KEY_RANGE


def normal_noise(keys: pd.Series | np.ndarray, label: str) -> np.ndarray:
    """Standard normal amounts (bounded by ±2.9) looked up from cell keys, for figure ``label``."""
    return _table(label, "normal")[_keys(keys)]


def count_noise(keys: pd.Series | np.ndarray, label: str) -> np.ndarray:
    """Integer amounts −2..2 looked up from cell keys, for count ``label``."""
    return _table(label, "count")[_keys(keys)]


def protect_count(counts, keys, label: str, disclosure: Disclosure, *, keep_zero: bool = True) -> np.ndarray:
    """Counts moved by −2..2 (never below zero; zero stays zero unless ``keep_zero`` is False);
    unchanged in exact mode."""
    counts = np.asarray(counts, dtype=float)
    if disclosure.exact:
        return counts
    moved = np.maximum(counts + count_noise(keys, label), 0.0)
    return np.where(counts > 0, moved, 0.0) if keep_zero else moved


def protect_moments(n, keys, total, squares, label: str,
                    disclosure: Disclosure) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean, sample standard deviation and the variance the perturbation adds to the mean.

    Args:
        n: true number of respondents per group (NaN for suppressed groups).
        keys: cell keys of the groups.
        total, squares: sum and sum of squares of one score per group.
        label: the figure (``economic``, ``change:economic``), choosing the lookup columns.
        disclosure: the protection level.

    Returns:
        (mean, sd, noise variance of the mean) as arrays. The mean is the perturbed sum over the
        true n; sd is NaN when n < 2.
    """
    n, total, squares = (np.asarray(values, dtype=float) for values in (n, total, squares))
    with np.errstate(divide="ignore", invalid="ignore"):
        centred = squares - total * total / n
        if not disclosure.exact:
            total = total + disclosure.sum_sd * normal_noise(keys, f"sum:{label}")
            centred = centred + disclosure.css_sd * normal_noise(keys, f"css:{label}")
        mean = total / n
        sd = np.where(n > 1, np.sqrt(np.maximum(centred, 0.0) / (n - 1)), np.nan)
        noise_variance = (0.0 if disclosure.exact else disclosure.sum_sd**2) / n**2
    return mean, sd, noise_variance


def protect_quantiles(values: np.ndarray, n: int, key: int, label: str, disclosure: Disclosure) -> np.ndarray:
    """Quantiles of one group moved by a normal amount of sd ``sum_sd / n`` each, kept in [0, 1]
    and in order."""
    values = np.asarray(values, dtype=float)
    if disclosure.exact:
        return values
    keys = np.full(len(values), key)
    amounts = np.array([normal_noise(keys[i:i + 1], f"{label}:q{i}")[0] for i in range(len(values))])
    return np.sort(np.clip(values + disclosure.sum_sd / n * amounts, 0.0, 1.0))


def published_threshold(threshold: float, disclosure: Disclosure) -> float:
    """The threshold a share is computed at: as asked in exact mode, else the nearest point of
    the protected grid (``THRESHOLD_GRID``)."""
    if disclosure.exact:
        return float(threshold)
    return round(round(float(threshold) / THRESHOLD_GRID) * THRESHOLD_GRID, 2)


def widen(low: pd.Series, high: pd.Series, centre: pd.Series, extra_half: pd.Series) -> tuple[pd.Series, pd.Series]:
    """An interval widened in quadrature by ``extra_half`` on each side of ``centre``."""
    below = np.sqrt((centre - low) ** 2 + extra_half**2)
    above = np.sqrt((high - centre) ** 2 + extra_half**2)
    return centre - below, centre + above
