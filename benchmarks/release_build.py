"""Time to make the protected release of a store, by phase, at a given number of survey records.

    python -m benchmarks.release_build --rows 1000000 [--store /tmp/bench/1m.duckdb]

Builds (or reuses) a demo store of ``--rows`` records, then makes its release again in a copy,
timing: reading one row per returnee, measuring and fitting and drawing, writing the released
records, and building the release's aggregate cells (the whole of ``refresh_release``).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import duckdb

from dashboard.build.aggregates import RELEASE_CELLS, build_cells
from dashboard.build.release import build as release_build
from dashboard.build.release.budget import Budget
from dashboard.build.release.mechanism import Measurer, secret_generator
from dashboard.build.release.model import fit_and_draw
from dashboard.build.release.returnees import read_domain, read_returnees
from dashboard.build.stores import build_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="release-build-"))
    try:
        store = args.store or work / "store.duckdb"
        if not store.exists():
            started = time.perf_counter()
            build_store(store, demo=True, rows=args.rows, release_seed=1)
            print(
                f"demo store of {args.rows:,} records built (with its release) in {time.perf_counter() - started:.1f} s"
            )
        copy = work / "copy.duckdb"
        shutil.copy(store, copy)
        connection = duckdb.connect(str(copy))
        phases = {}
        started = time.perf_counter()
        domain = read_domain(connection)
        returnees = read_returnees(connection, domain)
        phases["read one row per returnee"] = time.perf_counter() - started
        started = time.perf_counter()
        generator = secret_generator(2)
        drawn = fit_and_draw(returnees, domain, Measurer(generator), Budget(), generator)
        phases["measure, fit, draw"] = time.perf_counter() - started
        started = time.perf_counter()
        release_build.refresh_release(connection, seed=2)
        phases["whole release (all of the above, writing records, release cells)"] = (
            time.perf_counter() - started
        )
        started = time.perf_counter()
        build_cells(connection, RELEASE_CELLS)
        phases["of which: release cells"] = time.perf_counter() - started
        records = connection.execute("SELECT count(*) FROM release_records").fetchone()[0]
        connection.close()
        print(
            f"{returnees.count:,} returnees, {len(drawn.scores):,} drawn, {records:,} released records"
        )
        print("| phase | seconds |\n|---|---|")
        for name, seconds in phases.items():
            print(f"| {name} | {seconds:.1f} |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
