"""How many records the protected release draws, and their weight, follow its noisy measurements only.

An attacker who reads every group's exact number of release records (the share chart's
denominators once did) and the record weight learns the release's size L and its estimated
number of returnees T = w·L. When the number of draws per returnee came from the survey's own
count n (L = round(T · target / n) above target / 10 returnees), n followed exactly from L and T
(issue 23's review, ``attack_n.py``). Draws now come from T itself, so L and w say T and nothing more.
"""

from __future__ import annotations

import numpy as np
import pytest

from dashboard.build.release import model
from dashboard.build.release.budget import DEFAULT_BUDGET
from dashboard.build.release.mechanism import Measurer, secret_generator
from dashboard.build.release.returnees import ATTRIBUTES, MAX_LAG, QUARTERS, Domain, Returnees

TARGET = 30_000  # the release's size target, small here so that the test runs in a second
RETURNEES = 5_000  # above TARGET / MAX_DRAWS_PER_RETURNEE: the regime the attack worked in
SEEDS = (1, 2, 3, 4, 5)


def synthetic_survey(count: int, rng: np.random.Generator) -> tuple[Returnees, Domain]:
    """``count`` returnees spread over two places and twenty quarters, scores in [0, 1]."""
    domain = Domain((("A", "AAA"), ("B", "BBB")), np.ones((2, QUARTERS), dtype=bool))
    codes = {
        "place": rng.integers(0, 2, count),
        "quarter": rng.integers(8, 28, count),
        "band": rng.integers(0, 5, count),
        "lag": rng.integers(0, MAX_LAG + 1, count),
    }
    codes.update({name: rng.integers(0, len(values), count) for name, values in ATTRIBUTES.items()})
    scores = rng.uniform(0.2, 0.8, (count, 3))
    previous = np.where(codes["lag"][:, None] > 0, np.clip(scores - 0.05, 0, 1), np.nan)
    return Returnees(
        {name: values.astype(np.int64) for name, values in codes.items()}, scores, previous
    ), domain


def returnees_consistent_with(records: int, weight: float, target: int) -> list[int]:
    """``attack_n.py``'s last step: every n with round(T · target / n) = L, T = w · L."""
    total = weight * records
    low, high = int(target * total / (records + 0.5)) - 1, int(target * total / (records - 0.5)) + 2
    return [n for n in range(max(low, 1), high) if round(total * target / n) == records]


def test_the_release_size_and_weight_do_not_single_out_the_number_of_returnees(monkeypatch):
    monkeypatch.setattr(model, "RELEASE_RECORDS_TARGET", TARGET)
    survey, domain = synthetic_survey(RETURNEES, np.random.default_rng(7))
    errors = []
    for seed in SEEDS:
        generator = secret_generator(seed)
        drawn = model.fit_and_draw(survey, domain, Measurer(generator), DEFAULT_BUDGET, generator)
        records, weight = len(drawn.scores), drawn.weight
        estimated = weight * records  # the noisy total: all that L and w tell
        assert records == TARGET  # the release's size no longer depends on anything
        assert drawn.draws == pytest.approx(TARGET / estimated)
        assert RETURNEES not in returnees_consistent_with(records, weight, TARGET), seed
        errors.append(abs(estimated - RETURNEES))
        # The same attack on the old rule (draws from the survey's own count) gives n exactly:
        # the test would catch that rule coming back.
        old_records = round(estimated * TARGET / RETURNEES)
        assert returnees_consistent_with(old_records, estimated / old_records, TARGET) == [
            RETURNEES
        ]
    # What is left is the estimate's own noise: Gaussian, several returnees wide.
    assert np.mean(errors) > 2, errors


def test_a_store_without_survey_data_releases_nobody_and_one_with_draws_from_its_estimate():
    survey, domain = synthetic_survey(300, np.random.default_rng(8))
    generator = secret_generator(9)
    empty = model.fit_and_draw(
        survey, domain, Measurer(generator), DEFAULT_BUDGET, generator, holds_survey=False
    )
    assert len(empty.scores) == 0
    generator = secret_generator(9)
    small = model.fit_and_draw(survey, domain, Measurer(generator), DEFAULT_BUDGET, generator)
    assert small.draws == model.MAX_DRAWS_PER_RETURNEE
    assert len(small.scores) == round(
        small.weight * len(small.scores) * model.MAX_DRAWS_PER_RETURNEE
    )
