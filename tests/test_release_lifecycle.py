"""The protected release's life: made once per store version, reproducible from its secret seed,
kept by upgrades and rollbacks, spent again (and counted) by each survey import."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest

from dashboard.build import history_log, rollbacks
from dashboard.build.importer import import_file
from dashboard.build.release.budget import DEFAULT_BUDGET, Budget
from dashboard.build.stores import build_store, upgrade_store
from dashboard.store.files import served_file

from conftest import TINY_SURVEYS


def release_digest(path: Path) -> str:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        rows = connection.execute("SELECT * FROM release_records ORDER BY survey_id").fetchall()
    finally:
        connection.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def release_info(path: Path) -> dict:
    connection = duckdb.connect(str(path), read_only=True)
    try:
        return {key: json.loads(value) for key, value in connection.execute("SELECT * FROM release_info").fetchall()}
    finally:
        connection.close()


def test_the_budget_and_what_it_guarantees():
    assert DEFAULT_BUDGET.rho == 0.5 and DEFAULT_BUDGET.mu == pytest.approx(1.0)
    assert DEFAULT_BUDGET.epsilon(1e-6) == pytest.approx(4.887, abs=0.01)  # tighter than rho + 2 sqrt(rho ln 1/delta) = 5.75
    assert DEFAULT_BUDGET.membership_accuracy() == pytest.approx(0.6915, abs=1e-4)
    assert DEFAULT_BUDGET.reconstruction_bound(0.1) == pytest.approx(0.3891, abs=1e-3)
    with pytest.raises(ValueError):
        Budget(0.6)


def test_a_demo_release_is_reproducible_from_its_secret_seed_only(tmp_path):
    first = build_store(tmp_path / "a.duckdb", demo=True, rows=1_500, release_seed=7)
    again = build_store(tmp_path / "b.duckdb", demo=True, rows=1_500, release_seed=7)
    other = build_store(tmp_path / "c.duckdb", demo=True, rows=1_500, release_seed=8)
    fresh = build_store(tmp_path / "d.duckdb", demo=True, rows=1_500)
    assert release_digest(first) == release_digest(again)
    assert len({release_digest(first), release_digest(other), release_digest(fresh)}) == 3
    info = release_info(first)
    assert sum(entry["rho"] for entry in info["measurements"]) == pytest.approx(info["rho"]) == 0.5
    assert info["rho_spent_by_this_store"] == 0.5


def test_imports_spend_again_and_say_so_upgrades_and_rollbacks_spend_nothing(tmp_path):
    directory = tmp_path / "store"
    build_store(directory, demo=False)
    empty, _ = served_file(directory)
    assert release_info(empty)["rho_spent_by_this_store"] == 0.0  # nobody to spend on
    survey = tmp_path / "survey.csv"
    header = "survey_id,action_code,iso3,survey_date,months_since_return,sex,age_group,assistance_type," \
             "assistance_level,referral,economic_score,social_score,psychosocial_score"
    survey.write_text("\n".join([header, *(",".join(str(value) for value in row) for row in TINY_SURVEYS)]) + "\n")
    import_file(directory, survey)
    first, _ = served_file(directory)
    assert release_info(first)["rho_spent_by_this_store"] == 0.5
    second_file = tmp_path / "more.csv"
    second_file.write_text("\n".join([header, *(",".join(str(value) for value in (f"M{row[0]}", *row[1:]))
                                                for row in TINY_SURVEYS)]) + "\n")
    import_file(directory, second_file)
    second, _ = served_file(directory)
    assert release_info(second)["rho_spent_by_this_store"] == 1.0  # the first returnees are in both releases
    kept = release_digest(second)
    upgrade_store(directory)
    upgraded, _ = served_file(directory)
    assert upgraded != second and release_digest(upgraded) == kept  # an upgrade keeps the release
    history = history_log.read_entries(directory)
    last_import = max(entry["id"] for entry in history if entry["action"] == "import")
    rollbacks.carry_out(directory, rollbacks.plan_undo(rollbacks.read_state(directory), last_import), "test")
    rolled_back, _ = served_file(directory)
    assert release_digest(rolled_back) == release_digest(first)
    assert release_info(rolled_back)["rho_spent_by_this_store"] == 0.5
