"""Answers of the store's queries kept per opened store version (``dashboard.store.results``): a
kept answer is the answer DuckDB gives, never another version's nor another disclosure's, a
caller changing what it got changes nothing for the next one, and an import or a rollback is
seen by the next request."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pandas.testing as pdt
from test_importer import write
from test_live_store import INDICATOR_FILE, store_dir, undo_import  # noqa: F401 (a fixture)

from dashboard.build import history_log
from dashboard.build.importer import import_file
from dashboard.selection import Selection
from dashboard.store.context import AppContext
from dashboard.store.door import FRAME, ROWS, query, query_stats
from dashboard.store.files import ReadOnlyStore
from dashboard.store.results import QueryResults, results_of
from dashboard.sustainability import queries as survey
from dashboard.sustainability.disclosure import EXACT, PROTECTED

from conftest import settings_for

RETURNS = "SELECT coalesce(sum(value), 0) AS total FROM indicator_values"


def uncached(path: Path) -> duckdb.DuckDBPyConnection:
    """A connection of no read-only store (as the builds open them): nothing it answers is kept."""
    return duckdb.connect(str(path), read_only=True, config={"memory_limit": "256MB", "threads": 1})


def test_a_second_ask_is_answered_from_the_cache_as_a_copy_the_caller_may_change(
    demo_store_path: Path,
):
    store = ReadOnlyStore(demo_store_path)
    try:
        cursor = store.cursor()
        sql = "SELECT iso3, name_en FROM countries ORDER BY iso3"
        first = query(cursor, "test_kept_frame", sql)
        first["name_en"] = "changed by the first caller"
        first.loc[0, "iso3"] = "XXX"
        again = query(cursor, "test_kept_frame", sql)
        assert query_stats()["test_kept_frame"].cached == 1
        with uncached(demo_store_path) as fresh:
            pdt.assert_frame_equal(again, query(fresh, "test_uncached", sql))
        rows = query(cursor, "test_kept_rows", sql, read=ROWS)
        rows.append(("ZZZ", "added by a caller"))
        assert query(cursor, "test_kept_rows", sql, read=ROWS) == rows[:-1]
    finally:
        store.close()


def test_exact_and_protected_answers_never_cross(demo_store_path: Path):
    """A viewer with the right to exact figures and one without ask the same statistic in turn on
    one worker's store: each gets what an uncached store gives for their disclosure."""

    def means(cursor, disclosure) -> pd.DataFrame:
        return survey.group_means(
            cursor, Selection(), "region", min_group_size=5, disclosure=disclosure
        )

    served = ReadOnlyStore(demo_store_path)
    try:
        cursor = served.cursor()
        asked = [
            (disclosure, means(cursor, disclosure))
            for disclosure in (EXACT, PROTECTED, EXACT, PROTECTED)
        ]
        assert len(served.results) > 0
    finally:
        served.close()
    with uncached(demo_store_path) as fresh:
        assert results_of(fresh) is None
        expected = {mode: means(fresh, mode) for mode in (EXACT, PROTECTED)}
    assert not expected[EXACT].equals(expected[PROTECTED])
    for disclosure, answer in asked:
        pdt.assert_frame_equal(answer, expected[disclosure])


def total_returns(context: AppContext) -> float:
    return float(query(context.cursor(), "test_total_returns", RETURNS, read=FRAME)["total"][0])


def test_an_import_and_its_rollback_are_seen_at_once(store_dir: Path, tmp_path: Path):  # noqa: F811
    """The same query, asked before an import, after it and after its rollback, answers each
    version's content: a kept answer never crosses store versions."""
    context = AppContext(settings_for(store_dir, store_check_seconds=0))
    assert total_returns(context) == total_returns(context) == 0.0  # the second from the cache
    import_file(store_dir, write(tmp_path / "a.csv", INDICATOR_FILE), user="amina")
    context.refresh()
    assert total_returns(context) == 12345.0
    entry = history_log.read_entries(store_dir)[-1]
    assert undo_import(store_dir, entry["id"], "amina") == "store-000001"
    context.refresh()
    assert context.version_name == "store-000001"
    assert total_returns(context) == 0.0


def test_the_cache_is_bounded_and_keeps_the_most_recent():
    results = QueryResults(max_entries=3, max_cells=100, max_entry_cells=10)
    for number in range(5):
        results.put(number, [(number,)])
    assert len(results) == 3 and results.get(0) == (False, None)
    assert results.get(4) == (True, [(4,)])
    results.put("large", [tuple(range(11))])  # more cells than one entry may hold
    assert results.get("large") == (False, None)
