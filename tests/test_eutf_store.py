"""The EUTF tables: loaded in every kind of store, values and totals as in the CSV files, and the
per-country queries never sum across frameworks, levels or regional projects."""

from __future__ import annotations

import csv

import pytest

from dashboard.build.eutf import EUTF_DIR
from dashboard.build.stores import build_store, upgrade_store
from dashboard.store import eutf
from dashboard.store.files import SCHEMA_VERSION, ReadOnlyStore, connect_writable


def _csv_rows(name: str) -> list[dict[str, str]]:
    with open(EUTF_DIR / f"{name}.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def test_tables_hold_every_csv_row_with_the_same_totals(tiny_cursor):
    results, projects = _csv_rows("results"), _csv_rows("projects")
    count, actual_sum, target_sum = tiny_cursor.execute(
        "SELECT count(*), sum(actual), sum(target) FROM eutf_results"
    ).fetchone()
    assert count == len(results) == 1426
    assert actual_sum == pytest.approx(sum(_number(row["actual"]) or 0 for row in results))
    assert target_sum == pytest.approx(sum(_number(row["target"]) or 0 for row in results))
    count, budget = tiny_cursor.execute(
        "SELECT count(*), sum(budget_eur) FROM eutf_projects"
    ).fetchone()
    assert count == len(projects) == 51
    assert budget == pytest.approx(sum(float(row["budget_eur"]) for row in projects))
    assert tiny_cursor.execute("SELECT count(*) FROM eutf_projects_database").fetchone()[0] == 26


def test_values_and_codes_are_as_reported(tiny_cursor):
    niger = tiny_cursor.execute(
        """SELECT actual, as_of, level, action_link FROM eutf_results
           WHERE iati_id = 'T05-EUTF-SAH-NE-07-01' AND indicator_number = '3.5 bis'"""
    ).fetchone()
    assert niger[0] == pytest.approx(1301.02) and niger[1].isoformat() == "2021-12-17"
    assert niger[2:] == ("contract", "JI-SLC")
    text_target = tiny_cursor.execute(
        "SELECT target, target_text FROM eutf_results WHERE target_text = '80%' LIMIT 1"
    ).fetchone()
    assert text_target == (None, "80%")
    regional = tiny_cursor.execute(
        "SELECT recipient_iso3, action_link_basis FROM eutf_projects WHERE iati_id = 'T05-EUTF-HOA-REG-25'"
    ).fetchone()
    assert regional[0] == ["ETH", "DJI", "ERI", "KEN", "SDN", "SOM", "SSD"] and regional[1]


def test_every_store_kind_has_the_tables_and_upgrade_adds_them(tmp_path):
    empty = build_store(tmp_path / "empty.duckdb", demo=False)
    store = ReadOnlyStore(empty)
    assert store.cursor().execute("SELECT count(*) FROM eutf_results").fetchone()[0] == 1426
    store.close()
    old = build_store(tmp_path / "old.duckdb", demo=True, rows=300)
    connection = connect_writable(old)
    for table in (
        "eutf_results",
        "eutf_projects",
        "eutf_project_countries",
        "eutf_countries",
        "eutf_projects_database",
        "eutf_indicator_pillars",
    ):
        connection.execute(f"DROP TABLE {table}")
    connection.execute("UPDATE store_info SET value = '2' WHERE key = 'schema_version'")
    connection.close()
    assert upgrade_store(old) == "2"
    assert upgrade_store(old) == SCHEMA_VERSION  # a second run reloads, never duplicates
    store = ReadOnlyStore(old)
    assert store.cursor().execute("SELECT count(*) FROM eutf_results").fetchone()[0] == 1426
    store.close()


def test_country_figure_is_one_level_one_framework_and_never_adds_regional_rows(tiny_cursor):
    returns = eutf.country_figures(tiny_cursor, "returns").set_index("iso3")
    # Niger: project and contract both say 40,888; counted once, at contract level.
    assert returns.loc["NER", "actual"] == 40888 and returns.loc["NER", "level"] == "contract"
    # Counted where organised: Nigeria's own programme reports 7.
    assert returns.loc["NGA", "actual"] == 7
    # Ethiopia is only covered by the regional Khartoum-process facility: no own figure.
    assert "ETH" not in returns.index
    regional = eutf.regional_figures(tiny_cursor, "returns")
    assert set(regional.loc[regional["iso3"] == "ETH", "iati_id"]) == {
        "T05-EUTF-HOA-REG-25",
        "T05-EUTF-HOA-REG-25-01",
    }
    # Côte d'Ivoire: its own contract (321), not plus the regional project (895).
    assert returns.loc["CIV", "actual"] == 321


def test_budget_sums_only_single_country_contracts(tiny_cursor):
    budget = eutf.country_figures(tiny_cursor, "budget").set_index("iso3")
    contracts = [row for row in _csv_rows("projects") if row["level"] == "contract"]
    libya = [
        row
        for row in contracts
        if row["recipient_countries_iso2"] == "LY" or row["iati_id"] == "T05-EUTF-NOA-REG-13-01"
    ]
    assert (
        budget.loc["LBY", "target"]
        == pytest.approx(sum(float(row["budget_eur"]) for row in libya))
        == 73_300_000
    )
    assert set(budget["level"]) == {"contract"}


def test_unknown_measure_is_refused(tiny_cursor):
    with pytest.raises(ValueError):
        eutf.country_figures(tiny_cursor, "returns'; DROP TABLE eutf_results; --")
