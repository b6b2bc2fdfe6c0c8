"""The release's model: who answered where and when, and how their scores depend on who they are.

Fitted only to noisy measurements (``mechanism``), so everything drawn from it is
post-processing. Two parts:

- **Population**: returnees by place × quarter; months band by place and by quarter; the lag
  of their previous round by months band; sex, age group, assistance type, assistance level and
  referral by place. A drawn returnee gets a place and quarter, then a band given both, a lag
  given the band, and each attribute given the place.
- **Scores**: each score is an intercept plus one effect per value of every attribute (place,
  year, months band, rounds, sex, age group, assistance type and level, referral) and of
  place × sex, fitted by ridge regression to the noisy score sums by every attribute value (with
  the drawn population as design), plus a residual drawn from the noisy residual histogram of
  that score, the three residuals tied by a Gaussian copula with their noisy correlation. The
  change since the previous round is modelled the same way for returnees with two rounds. The
  composite is never modelled: it is the weighted mean of the three released scores.

What it keeps: counts by place and quarter; each attribute by place; score means by every
single attribute and by place × sex; the shape and correlation of the scores' spread. What it
changes: other interactions (for example assistance type × country on a score) are not kept, a
group's spread is the overall spread, and small groups are pulled towards what their attributes
predict.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from dashboard.build.release.budget import Budget
from dashboard.build.release.mechanism import Measurer
from dashboard.build.release.returnees import ATTRIBUTES, MAX_LAG, Domain, Returnees

SCORE_BLOCKS = ("place", "year", "band", "lag", *ATTRIBUTES, "place_sex")
CHANGE_BLOCKS = ("place", "band", "lag", *ATTRIBUTES, "place_sex")
POPULATION_TABLES = (
    "place_band",
    "quarter_band",
    "band_lag",
    *(f"place_{name}" for name in ATTRIBUTES),
)
# Residuals and changes are clipped to ±RESIDUAL_RANGE and measured in RESIDUAL_BINS bins.
RESIDUAL_RANGE = 0.6
RESIDUAL_BINS = 60
CHANGE_CLIP = 0.5
# Ridge penalty of the score effects, in returnees: a value held by this many returnees has its
# effect shrunk by half towards zero.
RIDGE = 10.0
# A place-quarter whose noisy count is below this many noise standard deviations holds nobody: an
# empty cell passes with chance 0.13%, a cell of fewer than about 9 returnees is mostly left out.
# The threshold is applied to the noisy counts, never to the survey's own.
PRESENCE_SIGMAS = 3.0
# Records drawn per estimated returnee (each weighing the inverse), fewer for large surveys so that
# the release stays near RELEASE_RECORDS_TARGET records. "Estimated": the number of returnees the
# noisy place × quarter table gives, never the survey's own count (which the number of records
# would otherwise publish).
MAX_DRAWS_PER_RETURNEE = 10.0
RELEASE_RECORDS_TARGET = 1_500_000


def _codes(codes: dict[str, np.ndarray], places: int) -> dict[str, np.ndarray]:
    """Codes with the year and place × sex blocks added."""
    return {**codes, "year": codes["quarter"] // 4, "place_sex": codes["place"] * 2 + codes["sex"]}


def _sizes(domain: Domain) -> dict[str, int]:
    sizes = domain.sizes
    return {**sizes, "year": (sizes["quarter"] + 3) // 4, "place_sex": len(domain.places) * 2}


def _table(
    first: np.ndarray, second: np.ndarray, shape: tuple[int, int], weights=None
) -> np.ndarray:
    return (
        np.bincount(first * shape[1] + second, weights=weights, minlength=shape[0] * shape[1])
        .reshape(shape)
        .astype(float)
    )


def _sums(codes: np.ndarray, size: int, values: np.ndarray) -> np.ndarray:
    """Sums of each column of ``values`` per code: shape (size, columns)."""
    return np.stack(
        [np.bincount(codes, weights=values[:, j], minlength=size) for j in range(values.shape[1])],
        axis=1,
    )


@dataclass(frozen=True)
class Population:
    """The fitted population tables (non-negative, cleaned) and the estimated number of returnees."""

    where_when: np.ndarray
    tables: dict[str, np.ndarray]
    total: float


def measure_population(
    returnees: Returnees, domain: Domain, measurer: Measurer, budget: Budget
) -> Population:
    """Measure and clean the population tables."""
    sizes, codes = domain.sizes, returnees.codes
    where_when = _table(codes["place"], codes["quarter"], (sizes["place"], sizes["quarter"]))
    rho = budget.share("where_and_when")
    noisy = measurer.measure(
        "returnees by place and quarter", {"where_when": where_when}, sensitivity=1.0, rho=rho
    )
    sigma = measurer.ledger[-1].sigma
    cleaned = np.where(
        domain.allowed & (noisy["where_when"] >= PRESENCE_SIGMAS * sigma), noisy["where_when"], 0.0
    )
    pairs = {
        "place_band": ("place", "band"),
        "quarter_band": ("quarter", "band"),
        "band_lag": ("band", "lag"),
        **{f"place_{name}": ("place", name) for name in ATTRIBUTES},
    }
    tables = {
        name: _table(codes[a], codes[b], (sizes[a], sizes[b])) for name, (a, b) in pairs.items()
    }
    noisy_tables = measurer.measure(
        "attributes by place, months band, rounds",
        tables,
        sensitivity=math.sqrt(len(tables)),
        rho=budget.share("population"),
    )
    cleaned_tables = {name: np.maximum(table, 0.0) + 0.5 for name, table in noisy_tables.items()}
    return Population(cleaned, cleaned_tables, float(cleaned.sum()))


def _conditional(table: np.ndarray) -> np.ndarray:
    """Rows of ``table`` normalised to probabilities."""
    return table / table.sum(axis=1, keepdims=True)


def _draw(probabilities: np.ndarray, uniforms: np.ndarray) -> np.ndarray:
    """One category per row of ``probabilities`` by inverse CDF at ``uniforms``."""
    cumulative = np.cumsum(probabilities, axis=1)
    cumulative[:, -1] = 1.0
    return (uniforms[:, None] > cumulative).sum(axis=1)


def draw_population(
    population: Population, domain: Domain, count: int, rng: np.random.Generator
) -> dict[str, np.ndarray]:
    """``count`` returnees drawn from the population model (systematic sampling of place × quarter)."""
    sizes = domain.sizes
    flat = population.where_when.ravel()
    if count == 0 or flat.sum() <= 0:
        return {name: np.zeros(0, dtype=np.int64) for name in (*sizes,)}
    cumulative = np.cumsum(flat / flat.sum())
    positions = (rng.random() + np.arange(count)) / count
    cell = np.minimum(np.searchsorted(cumulative, positions, side="right"), flat.size - 1)
    cell = rng.permutation(cell)
    place, quarter = np.divmod(cell, sizes["quarter"])
    tables = population.tables
    band_marginal = tables["place_band"].sum(axis=0)
    band_probability = (
        tables["place_band"][place]
        / tables["place_band"][place].sum(axis=1, keepdims=True)
        * tables["quarter_band"][quarter]
        / tables["quarter_band"][quarter].sum(axis=1, keepdims=True)
        / (band_marginal / band_marginal.sum())
    )
    band_probability /= band_probability.sum(axis=1, keepdims=True)
    band = _draw(band_probability, rng.random(count))
    lag = _draw(_conditional(tables["band_lag"])[band], rng.random(count))
    # A previous round must fall inside the domain.
    lag = np.where(quarter - lag < 0, 0, lag)
    drawn = {"place": place, "quarter": quarter, "band": band, "lag": lag}
    for name in ATTRIBUTES:
        drawn[name] = _draw(_conditional(tables[f"place_{name}"])[place], rng.random(count))
    return {name: np.asarray(values, dtype=np.int64) for name, values in drawn.items()}


@dataclass(frozen=True)
class Effects:
    """A fitted additive model of several outcomes: intercepts and per-block effects."""

    blocks: tuple[str, ...]
    intercept: np.ndarray
    effects: dict[str, np.ndarray]

    def predict(self, codes: dict[str, np.ndarray]) -> np.ndarray:
        """Predicted outcomes, shape (n, outcomes)."""
        prediction = np.tile(self.intercept, (len(codes["place"]), 1))
        for block in self.blocks:
            prediction += self.effects[block][codes[block]]
        return prediction


def fit_effects(
    noisy_sums: dict[str, np.ndarray],
    design: dict[str, np.ndarray],
    weights: np.ndarray,
    sizes: dict[str, int],
    blocks: tuple[str, ...],
) -> Effects:
    """Ridge regression of outcomes on one-hot blocks, from noisy sums per block value.

    ``design`` holds the drawn population's codes (their cross-tabulations stand in for XᵀX);
    ``noisy_sums[block]`` has shape (values, outcomes) and estimates Xᵀy.
    """
    offsets = np.cumsum([0, *(sizes[block] for block in blocks)])
    width = int(offsets[-1])
    gram = np.zeros((width, width))
    for i, first in enumerate(blocks):
        for j, second in enumerate(blocks):
            gram[offsets[i] : offsets[i + 1], offsets[j] : offsets[j + 1]] = _table(
                design[first], design[second], (sizes[first], sizes[second]), weights
            )
    targets = np.concatenate([noisy_sums[block] for block in blocks])
    total = float(weights.sum())
    # The intercept: the mean outcome, from the average over blocks of their summed sums.
    intercept = np.mean([noisy_sums[block].sum(axis=0) for block in blocks], axis=0) / max(
        total, 1.0
    )
    counts = np.diag(gram)
    targets = targets - counts[:, None] * intercept[None, :]
    solution = np.linalg.solve(gram + RIDGE * np.eye(width), targets)
    effects = {block: solution[offsets[i] : offsets[i + 1]] for i, block in enumerate(blocks)}
    return Effects(blocks, intercept, effects)


@dataclass(frozen=True)
class Spread:
    """The residual distribution of several outcomes: per-outcome histograms and a correlation."""

    histograms: np.ndarray
    correlation: np.ndarray

    def draw(self, count: int, rng: np.random.Generator) -> np.ndarray:
        """``count`` residual vectors (Gaussian copula, inverse CDF of each histogram)."""
        outcomes = self.histograms.shape[0]
        normals = rng.multivariate_normal(
            np.zeros(outcomes), self.correlation, size=count, method="cholesky"
        )
        uniforms = _normal_cdf(normals)
        edges = np.linspace(-RESIDUAL_RANGE, RESIDUAL_RANGE, RESIDUAL_BINS + 1)
        drawn = np.empty((count, outcomes))
        for j in range(outcomes):
            probabilities = self.histograms[j] / self.histograms[j].sum()
            cumulative = np.concatenate([[0.0], np.cumsum(probabilities)])
            cumulative[-1] = 1.0
            drawn[:, j] = np.interp(uniforms[:, j], cumulative, edges)
        return drawn


def measure_spread(residuals: np.ndarray, measurer: Measurer, name: str, rho: float) -> Spread:
    """Noisy histograms and correlation of residuals (one returnee adds one count per outcome and
    one product per pair of outcomes)."""
    clipped = np.clip(residuals, -RESIDUAL_RANGE, RESIDUAL_RANGE - 1e-9)
    outcomes = clipped.shape[1]
    bins = np.floor((clipped + RESIDUAL_RANGE) / (2 * RESIDUAL_RANGE) * RESIDUAL_BINS).astype(
        np.int64
    )
    histograms = np.stack(
        [np.bincount(bins[:, j], minlength=RESIDUAL_BINS) for j in range(outcomes)]
    ).astype(float)
    pairs = [(j, k) for j in range(outcomes) for k in range(j, outcomes)]
    products = np.array([float((clipped[:, j] * clipped[:, k]).sum()) for j, k in pairs])
    sensitivity = math.sqrt(outcomes + len(pairs) * RESIDUAL_RANGE**4)
    noisy = measurer.measure(
        name, {"histograms": histograms, "products": products}, sensitivity=sensitivity, rho=rho
    )
    # Bins whose noisy count is within two noise standard deviations of zero are taken as empty:
    # clipping their noise at zero instead would put mass in the empty tails and widen every spread.
    sigma = measurer.ledger[-1].sigma
    cleaned = (
        np.where(noisy["histograms"] >= PRESENCE_SIGMAS * sigma * 2 / 3, noisy["histograms"], 0.0)
        + 1e-6
    )
    covariance = np.zeros((outcomes, outcomes))
    for (j, k), value in zip(pairs, noisy["products"], strict=True):
        covariance[j, k] = covariance[k, j] = value
    variances = np.maximum(np.diag(covariance), 1e-6)
    correlation = np.clip(covariance / np.sqrt(np.outer(variances, variances)), -0.95, 0.95)
    np.fill_diagonal(correlation, 1.0)
    # The nearest valid correlation matrix: clip eigenvalues, rescale the diagonal to 1.
    values, vectors = np.linalg.eigh(correlation)
    repaired = vectors @ np.diag(np.maximum(values, 1e-3)) @ vectors.T
    scale = np.sqrt(np.diag(repaired))
    return Spread(cleaned, repaired / np.outer(scale, scale))


def _normal_cdf(values: np.ndarray) -> np.ndarray:
    """Φ, via the complementary error function's rational approximation (error < 1.2e-7)."""
    x = np.abs(values) / math.sqrt(2)
    t = 1 / (1 + 0.5 * x)
    tau = t * np.exp(
        -x * x
        - 1.26551223
        + t
        * (
            1.00002368
            + t
            * (
                0.37409196
                + t
                * (
                    0.09678418
                    + t
                    * (
                        -0.18628806
                        + t
                        * (
                            0.27886807
                            + t
                            * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))
                        )
                    )
                )
            )
        )
    )
    return np.where(values >= 0, 1 - tau / 2, tau / 2)


def measure_sums(
    codes: dict[str, np.ndarray],
    sizes: dict[str, int],
    values: np.ndarray,
    blocks: tuple[str, ...],
    measurer: Measurer,
    name: str,
    rho: float,
    bound: float,
) -> dict[str, np.ndarray]:
    """Noisy sums of ``values`` (each entry within ±``bound``) per value of every block."""
    tables = {block: _sums(codes[block], sizes[block], values) for block in blocks}
    sensitivity = math.sqrt(len(blocks) * values.shape[1]) * bound
    return measurer.measure(name, tables, sensitivity=sensitivity, rho=rho)


@dataclass(frozen=True)
class Drawn:
    """Released returnees: codes, weight, latest scores, previous scores (NaN without a previous
    round) and the records drawn per estimated returnee."""

    codes: dict[str, np.ndarray]
    weight: float
    scores: np.ndarray
    previous: np.ndarray
    draws: float


def draws_per_returnee(estimated_returnees: float) -> float:
    """How many records the release draws per returnee, for a survey of ``estimated_returnees``
    (the noisy total: the survey's own count must never decide anything the release shows)."""
    if estimated_returnees <= 0:
        return MAX_DRAWS_PER_RETURNEE
    return float(
        min(MAX_DRAWS_PER_RETURNEE, max(1.0, RELEASE_RECORDS_TARGET / estimated_returnees))
    )


def fit_and_draw(
    returnees: Returnees,
    domain: Domain,
    measurer: Measurer,
    budget: Budget,
    rng: np.random.Generator,
    *,
    holds_survey: bool = True,
    draws: float | None = None,
) -> Drawn:
    """Measure everything the model needs (spending ``budget``), fit it, and draw released returnees.

    About :func:`draws_per_returnee` records are drawn per estimated returnee, each weighing the
    inverse, so the release's own sampling adds little to its noise. Everything drawn (how many,
    where, their weight) follows from the noisy measurements only.

    Args:
        holds_survey: whether any survey file was imported (or demo survey generated): a fact about
            the store's imports, not about its records. A store without survey data releases no
            record (the noisy tables of nobody would otherwise draw a few phantom returnees).
        draws: records per estimated returnee, instead of :func:`draws_per_returnee` (benchmarks).
    """
    sizes = _sizes(domain)
    real = _codes(returnees.codes, len(domain.places))
    population = measure_population(returnees, domain, measurer, budget)
    per_returnee = draws_per_returnee(population.total) if draws is None else draws
    count = int(round(population.total * per_returnee)) if holds_survey else 0
    drawn = _codes(draw_population(population, domain, count, rng), len(domain.places))
    weight = population.total / count if count else 0.0
    weights = np.full(count, weight)

    centred = returnees.scores - 0.5
    sums = measure_sums(
        real,
        sizes,
        centred,
        SCORE_BLOCKS,
        measurer,
        "score sums by attribute",
        budget.share("score_sums"),
        0.5,
    )
    score_effects = fit_effects(sums, drawn, weights, sizes, SCORE_BLOCKS)
    spread = measure_spread(
        centred - score_effects.predict(real),
        measurer,
        "score spread",
        budget.share("score_spread"),
    )
    scores = np.clip(0.5 + score_effects.predict(drawn) + spread.draw(count, rng), 0.0, 1.0)

    paired = real["lag"] > 0
    changes = np.clip(
        returnees.scores[paired] - returnees.previous[paired], -CHANGE_CLIP, CHANGE_CLIP
    )
    paired_real = {name: values[paired] for name, values in real.items()}
    change_sums = measure_sums(
        paired_real,
        sizes,
        changes,
        CHANGE_BLOCKS,
        measurer,
        "change sums by attribute",
        budget.share("change_sums"),
        CHANGE_CLIP,
    )
    drawn_paired = drawn["lag"] > 0
    paired_drawn = {name: values[drawn_paired] for name, values in drawn.items()}
    change_effects = fit_effects(
        change_sums, paired_drawn, weights[drawn_paired], sizes, CHANGE_BLOCKS
    )
    change_spread = measure_spread(
        changes - change_effects.predict(paired_real),
        measurer,
        "change spread",
        budget.share("change_spread"),
    )
    previous = np.full_like(scores, np.nan)
    drawn_changes = change_effects.predict(paired_drawn) + change_spread.draw(
        int(drawn_paired.sum()), rng
    )
    previous[drawn_paired] = np.clip(scores[drawn_paired] - drawn_changes, 0.0, 1.0)
    return Drawn(drawn, weight, scores, previous, per_returnee)


def previous_band(band: np.ndarray, lag: np.ndarray) -> np.ndarray:
    """The months band of the previous round: one band (six months) earlier per two quarters of lag."""
    return np.maximum(band - (lag + 1) // 2, 0)


__all__ = [
    "MAX_DRAWS_PER_RETURNEE",
    "MAX_LAG",
    "RELEASE_RECORDS_TARGET",
    "Drawn",
    "draws_per_returnee",
    "fit_and_draw",
    "previous_band",
]
