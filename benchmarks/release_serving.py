"""Serving from the protected release against serving from the survey's own cells, same store.

    python -m benchmarks.release_serving --store /tmp/bench/1m.duckdb [--repeats 5]

Times every sustainability query (means, box plots, threshold shares, over time, comparison,
changes) for every grouping under a few filters, reading the release's cells (what every public
figure reads now) and the survey's cells (what the protected figures read before the release: the
same tables, which then also went through the cell key method in Python), on one read-only
connection with the app's settings (one DuckDB thread). Prints rows per table and the median and
95th percentile per query.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from dashboard.selection import Selection
from dashboard.store.door import ROW, query
from dashboard.store.files import ReadOnlyStore
from dashboard.store.sql import compose, identifier
from dashboard.sustainability import queries as q
from dashboard.sustainability.disclosure import EXACT, PROTECTED

SELECTIONS = (
    Selection(),
    Selection(regions=("WCA",)),
    Selection(countries=("ETH",)),
    Selection(period_start="2019-Q1", period_end="2020-Q4"),
)


def queries(cursor, selection, grouping, disclosure):
    yield (
        "means",
        lambda: q.group_means(
            cursor, selection, grouping, min_group_size=10, disclosure=disclosure
        ),
    )
    yield (
        "box plot",
        lambda: q.group_distribution(
            cursor, selection, grouping, "composite", min_group_size=10, disclosure=disclosure
        ),
    )
    yield (
        "shares",
        lambda: q.threshold_shares(
            cursor, selection, grouping, "composite", 0.5, min_group_size=10, disclosure=disclosure
        ),
    )
    yield (
        "over time",
        lambda: q.means_over_time(
            cursor, selection, grouping, "composite", min_group_size=10, disclosure=disclosure
        ),
    )
    yield (
        "changes",
        lambda: q.round_changes(
            cursor, selection, grouping, min_group_size=10, disclosure=disclosure
        ),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    store = ReadOnlyStore(args.store)
    cursor = store.cursor()
    print("| table | rows |\n|---|---|")
    tables = (
        "survey_responses",
        "release_records",
        "survey_group_cells",
        "release_group_cells",
        "survey_group_hist",
        "release_group_hist",
        "survey_pair_cells",
        "release_pair_cells",
    )
    for table in tables:
        rows = query(
            cursor,
            "table_rows",
            compose("SELECT count(*) FROM {table}", table=identifier(table, tables)),
            read=ROW,
        )[0]
        print(f"| {table} | {rows:,} |")
    timings: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.repeats):
        for selection in SELECTIONS:
            for grouping in q.GROUPINGS:
                for source, disclosure in (
                    ("survey cells (before)", EXACT),
                    ("release cells (now)", PROTECTED),
                ):
                    for name, run in queries(cursor, selection, grouping, disclosure):
                        started = time.perf_counter()
                        run()
                        timings.setdefault((name, source), []).append(
                            (time.perf_counter() - started) * 1000
                        )
    store.close()
    print("\n| query | cells read | median ms | p95 ms |\n|---|---|---|---|")
    for (name, source), values in timings.items():
        values.sort()
        print(
            f"| {name} | {source} | {statistics.median(values):.1f} | {values[int(0.95 * (len(values) - 1))]:.1f} |"
        )


if __name__ == "__main__":
    main()
