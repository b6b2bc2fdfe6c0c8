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
        return {
            key: json.loads(value)
            for key, value in connection.execute("SELECT * FROM release_info").fetchall()
        }
    finally:
        connection.close()


def test_the_budget_and_what_it_guarantees():
    assert DEFAULT_BUDGET.rho == 0.5 and DEFAULT_BUDGET.mu == pytest.approx(1.0)
    assert DEFAULT_BUDGET.epsilon(1e-6) == pytest.approx(
        4.887, abs=0.01
    )  # tighter than rho + 2 sqrt(rho ln 1/delta) = 5.75
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
    header = (
        "survey_id,action_code,iso3,survey_date,months_since_return,sex,age_group,assistance_type,"
        "assistance_level,referral,economic_score,social_score,psychosocial_score"
    )
    survey.write_text(
        "\n".join([header, *(",".join(str(value) for value in row) for row in TINY_SURVEYS)]) + "\n"
    )
    import_file(directory, survey)
    first, _ = served_file(directory)
    assert release_info(first)["rho_spent_by_this_store"] == 0.5
    second_file = tmp_path / "more.csv"
    second_file.write_text(
        "\n".join(
            [
                header,
                *(
                    ",".join(str(value) for value in (f"M{row[0]}", *row[1:]))
                    for row in TINY_SURVEYS
                ),
            ]
        )
        + "\n"
    )
    import_file(directory, second_file)
    second, _ = served_file(directory)
    assert (
        release_info(second)["rho_spent_by_this_store"] == 1.0
    )  # the first returnees are in both releases
    kept = release_digest(second)
    upgrade_store(directory)
    upgraded, _ = served_file(directory)
    assert upgraded != second and release_digest(upgraded) == kept  # an upgrade keeps the release
    history = history_log.read_entries(directory)
    last_import = max(entry["id"] for entry in history if entry["action"] == "import")
    rollbacks.carry_out(
        directory, rollbacks.plan_undo(rollbacks.read_state(directory), last_import), "test"
    )
    rolled_back, _ = served_file(directory)
    assert release_digest(rolled_back) == release_digest(first)
    assert release_info(rolled_back)["rho_spent_by_this_store"] == 0.5


def survey_file(path: Path, prefix: str = "", rows=TINY_SURVEYS) -> Path:
    """A survey import file of the tiny store's rows, survey ids prefixed to make them new."""
    header = (
        "survey_id,action_code,iso3,survey_date,months_since_return,sex,age_group,assistance_type,"
        "assistance_level,referral,economic_score,social_score,psychosocial_score"
    )
    path.write_text(
        "\n".join(
            [
                header,
                *(
                    ",".join(str(value) for value in (f"{prefix}{row[0]}", *row[1:]))
                    for row in rows
                ),
            ]
        )
        + "\n"
    )
    return path


def served_release(directory: Path) -> dict:
    """What the app serves about the release: the zip's provenance.json (as anyone downloads it)."""
    import io
    import zipfile

    from dashboard.app import create_app

    from conftest import settings_for

    client = create_app(settings_for(directory)).server.test_client()
    with zipfile.ZipFile(io.BytesIO(client.get("/api/v1/download.zip").data)) as bundle:
        return json.loads(bundle.read("provenance.json"))["disclosure_control"]["protected_release"]


def test_the_ledger_counts_every_release_ever_published_even_after_a_rollback(tmp_path):
    """The review's store3: import (0.5), import (1.0), roll back, import: three releases of the same
    returnees are public, so 1.5 is spent, whatever version is served; the ledger is read from the
    history, and the page and provenance.json show it."""
    directory = tmp_path / "store"
    build_store(directory, demo=False)
    import_file(directory, survey_file(tmp_path / "base.csv"))
    import_file(directory, survey_file(tmp_path / "one.csv", "A"))
    assert served_release(directory)["rho_spent_by_this_store"] == 1.0
    last_import = max(
        entry["id"] for entry in history_log.read_entries(directory) if entry["action"] == "import"
    )
    rollbacks.carry_out(
        directory, rollbacks.plan_undo(rollbacks.read_state(directory), last_import), "test"
    )
    rolled_back = served_release(directory)
    assert rolled_back["rho_spent_by_this_store"] == 1.0  # the rolled-back release stays public
    assert rolled_back["releases_published"] == 2
    import_file(directory, survey_file(tmp_path / "two.csv", "B"))
    latest, _ = served_file(directory)
    assert (
        release_info(latest)["rho_spent_by_this_store"] == 1.5
    )  # written with the release, from the history
    served = served_release(directory)
    assert served["rho_spent_by_this_store"] == 1.5 and served["releases_published"] == 3
    # The guarantee of the total, not of one release: μ = √(2 · 1.5).
    assert served["mu_total"] == pytest.approx(3**0.5, abs=1e-4)
    assert served["membership_accuracy_total"] == pytest.approx(0.8068, abs=1e-4)
    # Every build, import and upgrade entry says what its release spent.
    made = [entry for entry in history_log.read_entries(directory) if "holds" in entry]
    assert [entry["release"] for entry in made] == [{"rho": 0.0, "of": "none"}] + [
        {"rho": 0.5, "of": "imported"}
    ] * 3


def test_demo_releases_count_apart_and_history_written_before_the_ledger_is_estimated_high():
    from dashboard.build.release.ledger import ledger_from_entries

    entries = [
        {"id": 1, "action": "build", "kind": "demo"},  # before the ledger: at most MAX_RHO
        {"id": 2, "action": "import", "kind": "survey", "holds": [2]},
        {"id": 3, "action": "import", "kind": "indicators", "holds": [2, 3]},
        {"id": 4, "action": "rollback"},
        {"id": 5, "action": "import", "kind": "survey", "release": {"rho": 0.25, "of": "imported"}},
        {"id": 6, "action": "upgrade", "kind": "schema 4 -> 6", "holds": [2, 3, 5]},
        {"id": 7, "action": "upgrade", "kind": "schema 5 -> 6", "holds": [2, 3, 5]},
    ]
    ledger = ledger_from_entries(entries)
    assert ledger.spent("demo") == 0.5
    assert ledger.spent("imported") == 0.5 + 0.25 + 0.5
    assert ledger.count("imported") == 3
    assert "ledger_note" in ledger.public("imported")


def test_the_cap_refuses_an_import_past_it_in_one_line_and_warns_the_import_before(
    tmp_path, monkeypatch, capsys
):
    """EUIOM_RELEASE_RHO_TOTAL: an import whose release would take the total past it is refused
    (checked first, then refused at the import itself, from the command line or the page), with one
    line saying what to do; the import leaving room for less than one more release says so."""
    import base64

    from helpers import texts

    from dashboard.__main__ import main
    from dashboard.build.release.ledger import CapReached, directory_ledger
    from dashboard.imports.callbacks import confirm_import, update_report
    from dashboard.store.context import AppContext

    from conftest import settings_for

    monkeypatch.setenv("EUIOM_RELEASE_RHO_TOTAL", "1.2")
    directory = tmp_path / "store"
    build_store(directory, demo=False)
    first = import_file(directory, survey_file(tmp_path / "base.csv"))
    assert not [note for note in first.notes if "Privacy budget" in note]
    second = import_file(directory, survey_file(tmp_path / "one.csv", "A"))
    assert [
        note
        for note in second.notes
        if "ρ = 1 of the limit 1.2" in note and "will be refused" in note
    ]
    third = survey_file(tmp_path / "two.csv", "B")
    entries, served = history_log.read_entries(directory), served_file(directory)[0]

    with pytest.raises(CapReached) as refused:
        import_file(directory, third)
    message = str(refused.value)
    assert (
        "\n" not in message and "ρ = 1.5, past the limit EUIOM_RELEASE_RHO_TOTAL = 1.2" in message
    )
    assert "set EUIOM_RELEASE_RHO to at most 0.2" in message and "nothing was imported" in message
    assert history_log.read_entries(directory) == entries and served_file(directory)[0] == served

    assert main(["import", str(third), "--store", str(directory)]) == 1
    error = capsys.readouterr().err.strip()
    assert error == message  # one line on the command line
    assert main(["import", str(third), "--store", str(directory), "--check"]) == 1
    assert "past the limit EUIOM_RELEASE_RHO_TOTAL" in capsys.readouterr().err

    context = AppContext(settings_for(directory, store_check_seconds=0))
    upload = "data:text/csv;base64," + base64.b64encode(third.read_bytes()).decode()
    report, disabled, _ = update_report(context, upload, "two.csv", "auto", False, "en")
    assert disabled and "past the limit EUIOM_RELEASE_RHO_TOTAL = 1.2" in texts(report)
    alert, _, _ = confirm_import(context, 1, upload, "two.csv", "auto", False, "en", 0)
    assert "Nothing was imported" in texts(
        alert
    ) and "set EUIOM_RELEASE_RHO to at most 0.2" in texts(alert)
    assert history_log.read_entries(directory) == entries

    monkeypatch.setenv(
        "EUIOM_RELEASE_RHO", "0.2"
    )  # what the message suggests: a noisier release fits
    import_file(directory, third)
    assert directory_ledger(directory).spent("imported") == pytest.approx(1.2)
