"""Server time, response size and worker memory of every page's main callbacks, at several store
sizes, next to the same statistics computed the naive way (pandas on in-memory DataFrames).

    python -m benchmarks.callbacks --sizes 100000,1000000,10000000 --reuse-dir /tmp/bench

For each size the store ``<reuse-dir>/<label>.duckdb`` is reused when it exists (its build time is
read from a ``<label>.duckdb.build.json`` the benchmark wrote, or a ``build<label>.log`` of
``python -m dashboard build-demo``), else built and timed. A fresh worker process per size creates
the app exactly as gunicorn does and drives the callbacks with real ``/_dash-update-component``
payloads through Flask's test client (so the time includes Dash's request handling and JSON
encoding, not the network). The parent then runs the pandas comparison on the same selections.

Results: a markdown report (``benchmarks/results.md``), also pasted between markers into
``benchmarks/README.md``, and the raw numbers as JSON (``<reuse-dir>/results.json``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
SMALL_SELECTIONS, LARGE_SELECTIONS, LARGE_SIZE = 60, 20, 5_000_000

TARGETS = {
    "p95_1m_ms": 100,
    "p95_10m_ms": 300,
    "pandas_ratio_1m": 10,
    "rss_10m_mb": 500,
    "response_kb": 300,
}


# ---------------------------------------------------------------- helpers
def label(size: int) -> str:
    """100000 -> '100k', 1000000 -> '1m', 10000000 -> '10m'."""
    if size % 1_000_000 == 0:
        return f"{size // 1_000_000}m"
    if size % 1_000 == 0:
        return f"{size // 1_000}k"
    return str(size)


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (numpy's default) of a non-empty list."""
    return float(np.percentile(np.asarray(values, dtype=float), q)) if values else float("nan")


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def current_rss_mb() -> float:
    """Resident set size of this process now, in MB."""
    return _status_mb("VmRSS")


def peak_rss_mb() -> float:
    """Peak resident set size of this process since it started its program, in MB.

    ``VmHWM``, not ``getrusage(RUSAGE_SELF).ru_maxrss``: Linux carries ru_maxrss over from the
    parent across fork and exec, so a worker started by a parent holding pandas frames would report
    the parent's size.
    """
    peak = _status_mb("VmHWM")
    return peak if peak == peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def settings_for(store: Path):
    """Default settings (as the environment would give them) pointed at ``store``."""
    from dataclasses import replace

    from dashboard.settings import load_settings

    return replace(load_settings({}), store_path=Path(store))


# ---------------------------------------------------------------- worker (one process per size)
def run_worker(store: Path, selections_file: Path, out: Path, warmups: int) -> None:
    """Create the app, drive every main callback for every selection, write timings as JSON."""
    from benchmarks.dashflow import (
        PAGE_CONTENT_OUTPUT,
        SELECTION,
        DashSite,
        FlaskTransport,
        build_body,
        selection_values,
    )
    from dashboard.app import create_app
    from dashboard.site import PAGES

    rss_before = current_rss_mb()
    started = time.perf_counter()
    app = create_app(settings_for(store))
    transport = FlaskTransport(app.server)
    site = DashSite(transport, tuple(page.path for page in PAGES)).load()
    startup_s = time.perf_counter() - started
    selections = json.loads(selections_file.read_text())

    # (page, spec) to time for each selection: page callbacks with that page's layout values,
    # shell callbacks once, and the shell's filter -> URL/store sync (what a filter change runs first).
    plan: list[tuple[str, Any]] = []
    for path in site.page_paths:
        plan += [(path, spec) for spec in site.main_callbacks(path) if spec.page == path]
    plan += [
        ("shell", spec) for spec in site.callbacks if spec.page == "shell" and spec.reads(SELECTION)
    ]
    sync = next(spec for spec in site.callbacks if SELECTION in spec.outputs)
    plan.append(("shell", sync))

    def call(page: str, spec: Any, selection: dict[str, Any]) -> tuple[float, float, int, int]:
        trigger = [("filter-country-dropdown", "value")] if spec is sync else [SELECTION]
        body = build_body(
            spec,
            selection_values(site.defaults("/" if page == "shell" else page), selection),
            trigger,
        )
        begin, cpu = time.perf_counter(), time.process_time()
        status, raw = transport.post("/_dash-update-component", body)
        return (
            (time.perf_counter() - begin) * 1000,
            (time.process_time() - cpu) * 1000,
            status,
            len(raw),
        )

    for selection in selections[:warmups]:
        for page, spec in plan:
            call(page, spec, selection)
    rss_warm, peak_warm = current_rss_mb(), peak_rss_mb()
    from dashboard.store.door import STATS

    STATS.reset()  # the store door's counts of the measured selections only
    timings: dict[str, dict[str, Any]] = {}
    page_totals: dict[str, list[float]] = {}
    measured = selections[warmups:]
    for selection in measured:
        totals: Counter = Counter()
        for page, spec in plan:
            peak_before = peak_rss_mb()
            ms, cpu_ms, status, size = call(page, spec, selection)
            entry = timings.setdefault(
                f"{page} {spec.output}",
                {
                    "page": page,
                    "name": "filters -> URL and store (sync)" if spec is sync else spec.name,
                    "ms": [],
                    "cpu_ms": [],
                    "bytes": [],
                    "status": Counter(),
                    "peak_growth_mb": 0.0,
                },
            )
            entry["peak_growth_mb"] += peak_rss_mb() - peak_before
            entry["ms"].append(ms)
            entry["cpu_ms"].append(cpu_ms)
            entry["bytes"].append(size)
            entry["status"][str(status)] += 1
            totals[page] += ms
        for page, total in totals.items():
            page_totals.setdefault(page, []).append(total)

    # Opening a page: the routing callback returns its layout (the same for every selection).
    render = next(spec for spec in site.callbacks if spec.output == PAGE_CONTENT_OUTPUT)
    for path in site.page_paths:
        entry = timings.setdefault(
            f"{path} {render.output}",
            {
                "page": path,
                "name": "page layout (routing callback)",
                "ms": [],
                "cpu_ms": [],
                "bytes": [],
                "status": Counter(),
            },
        )
        for _ in range(5):
            body = build_body(
                render,
                {**site.defaults(path), ("shell-url", "pathname"): path},
                [("shell-url", "pathname")],
            )
            begin, cpu = time.perf_counter(), time.process_time()
            status, raw = transport.post("/_dash-update-component", body)
            entry["ms"].append((time.perf_counter() - begin) * 1000)
            entry["cpu_ms"].append((time.process_time() - cpu) * 1000)
            entry["bytes"].append(len(raw))
            entry["status"][str(status)] += 1

    from dashboard.store.context import AppContext

    queries = {name: vars(count) for name, count in STATS.snapshot().items()}
    context: AppContext = app.server.config["EUIOM_CONTEXT"]
    cursor = context.cursor()
    counts = cursor.execute(
        "SELECT (SELECT count(*) FROM survey_responses), (SELECT count(*) FROM indicator_values)"
    ).fetchone()
    duckdb_settings = dict(
        cursor.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name IN ('memory_limit', 'threads')"
        ).fetchall()
    )
    out.write_text(
        json.dumps(
            {
                "startup_s": startup_s,
                "selections": len(measured),
                "warmups": warmups,
                "rss_before_mb": rss_before,
                "rss_after_warmup_mb": rss_warm,
                "peak_after_warmup_mb": peak_warm,
                "rss_end_mb": current_rss_mb(),
                "peak_rss_mb": peak_rss_mb(),
                "survey_rows": counts[0],
                "indicator_rows": counts[1],
                "duckdb": duckdb_settings,
                "callbacks": [
                    {**entry, "status": dict(entry["status"])} for entry in timings.values()
                ],
                "page_totals": page_totals,
                "queries": queries,
            }
        )
    )


# ---------------------------------------------------------------- stores
def build_seconds_from_log(log: Path) -> float | None:
    if not log.exists():
        return None
    match = re.search(r"Built demo store .* in ([0-9.]+) s", log.read_text())
    return float(match.group(1)) if match else None


def signature(store: Path) -> tuple[set[str], str | None]:
    """The store's tables and its schema version (``store_info``), read-only."""
    import duckdb

    connection = duckdb.connect(str(store), read_only=True)
    try:
        tables = {
            row[0]
            for row in connection.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
        }
        version = (
            connection.execute(
                "SELECT max(value) FROM store_info WHERE key = 'schema_version'"
            ).fetchone()[0]
            if "store_info" in tables
            else None
        )
        return tables, version
    finally:
        connection.close()


def current_signature() -> tuple[set[str], str | None]:
    """Tables and schema version the current code's demo build writes (a 200-record build, a second)."""
    from dashboard.build.stores import build_store

    with tempfile.TemporaryDirectory() as scratch:
        return signature(build_store(Path(scratch) / "probe.duckdb", demo=True, rows=200))


def stale(store: Path, expected: tuple[set[str], str | None]) -> str | None:
    """Why ``store`` was built by other code than the current one, or None."""
    tables, version = signature(store)
    if expected[0] - tables:
        return f"lacks {sorted(expected[0] - tables)}"
    if version != expected[1]:
        return f"has schema version {version}, the code builds {expected[1]}"
    return None


def ensure_store(
    store: Path, size: int, rebuild: bool, expected: tuple[set[str], str | None]
) -> dict[str, Any]:
    """Reuse or build the store of ``size`` survey records; say how long the build took.

    A store built by other code (missing tables, another schema version) is rebuilt.
    """
    sidecar = store.with_name(store.name + ".build.json")
    if store.exists() and not rebuild:
        reason = stale(store, expected)
        if reason:
            print(f"  {store} {reason}: rebuilding", flush=True)
            rebuild = True
    if store.exists() and not rebuild:
        if sidecar.exists():
            return {**json.loads(sidecar.read_text()), "reused": True}
        seconds = build_seconds_from_log(store.with_name(f"build{label(size)}.log"))
        return {"seconds": seconds, "reused": True, "source": "build log" if seconds else None}
    store.parent.mkdir(parents=True, exist_ok=True)
    print(f"  building {store} ({size:,} survey records)...", flush=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard",
            "build-demo",
            "--rows",
            str(size),
            "--store",
            str(store),
        ],
        check=True,
        cwd=ROOT,
    )
    record = {
        "seconds": round(time.perf_counter() - started, 1),
        "rows": size,
        "built_at": dt.datetime.now().isoformat(timespec="seconds"),
    }
    sidecar.write_text(json.dumps(record))
    return {**record, "reused": False}


def make_selections(store: Path, count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` selections of codes the store's catalog knows, normalised as the shell stores them."""
    from benchmarks.dashflow import selections
    from dashboard.selection import Selection
    from dashboard.store.catalog import load_catalog
    from dashboard.store.files import ReadOnlyStore

    reader = ReadOnlyStore(store)
    try:
        catalog = load_catalog(reader.cursor())
    finally:
        reader.close()
    options = {
        "regions": list(catalog.regions),
        "statuses": list(catalog.statuses),
        "actions": list(catalog.actions),
        "countries": list(catalog.countries),
        "pillars": list(catalog.pillars),
        "period_start": list(catalog.quarters),
    }
    return selections(count, seed, options, lambda raw: Selection.from_raw(raw, catalog).to_dict())


# ---------------------------------------------------------------- the naive way: pandas
SURVEY_SQL = """SELECT s.survey_id, s.respondent_id, s.action_code, s.iso3, s.survey_date,
                       s.economic_score, s.social_score, s.psychosocial_score, s.composite_score,
                       a.region_code, a.status_code
                FROM survey_responses s JOIN actions a USING (action_code)"""
INDICATOR_SQL = """SELECT iv.action_code, iv.iso3, iv.period, iv.sex, iv.indicator_code, iv.value,
                          a.region_code, a.status_code, i.pillar_no
                   FROM indicator_values iv JOIN actions a USING (action_code)
                   JOIN indicators i USING (indicator_code)"""
MEASURE_COLUMNS = {
    "economic": "economic_score",
    "social": "social_score",
    "psychosocial": "psychosocial_score",
    "composite": "composite_score",
}
INDICATOR = "returns_assisted"
THRESHOLD = 0.5


def _mask(frame: pd.DataFrame, selection: Any, date_column: str, pillars: bool) -> np.ndarray:
    mask = np.ones(len(frame), dtype=bool)
    for column, chosen in (
        ("region_code", selection.regions),
        ("status_code", selection.statuses),
        ("action_code", selection.actions),
        ("iso3", selection.countries),
    ):
        if chosen:
            mask &= frame[column].isin(chosen).to_numpy()
    if pillars and selection.pillars:
        mask &= frame["pillar_no"].isin(selection.pillars).to_numpy()
    if selection.start_date:
        mask &= (frame[date_column] >= pd.Timestamp(selection.start_date)).to_numpy()
    if selection.end_date_exclusive:
        mask &= (frame[date_column] < pd.Timestamp(selection.end_date_exclusive)).to_numpy()
    return mask


def _latest(surveys: pd.DataFrame, selection: Any) -> pd.DataFrame:
    """Each returnee's latest answer within the selection (per Action and country), as the app
    analyses them (one answer per respondent)."""
    rows = surveys[_mask(surveys, selection, "survey_date", False)]
    return rows.sort_values(["survey_date", "survey_id"]).drop_duplicates(
        ["respondent_id", "action_code", "iso3"], keep="last"
    )


def pandas_group_means(surveys: pd.DataFrame, selection: Any, minimum: int) -> pd.DataFrame:
    rows = _latest(surveys, selection)
    aggregations = {"n": ("composite_score", "size")}
    for measure, column in MEASURE_COLUMNS.items():
        aggregations[f"{measure}_mean"] = (column, "mean")
        aggregations[f"{measure}_sd"] = (column, "std")
    by_group = rows.groupby("region_code").agg(**aggregations)
    return by_group[by_group["n"] >= minimum]


def pandas_distribution(surveys: pd.DataFrame, selection: Any, minimum: int) -> pd.DataFrame:
    rows = _latest(surveys, selection)
    grouped = rows.groupby("region_code")["composite_score"]
    names = {0.05: "p05", 0.25: "q1", 0.5: "median", 0.75: "q3", 0.95: "p95"}
    points = (
        grouped.quantile(list(names)).unstack().rename(columns=names)
        if len(rows)
        else pd.DataFrame(columns=list(names.values()))
    )
    by_group = pd.concat(
        [grouped.size().rename("n"), grouped.mean().rename("mean"), points], axis=1
    )
    return by_group[by_group["n"] >= minimum]


def pandas_threshold_shares(surveys: pd.DataFrame, selection: Any, minimum: int) -> pd.DataFrame:
    rows = _latest(surveys, selection)
    by_group = (
        rows.assign(above=rows["composite_score"] >= THRESHOLD)
        .groupby("iso3")
        .agg(n=("above", "size"), at_or_above=("above", "sum"))
    )
    return by_group[by_group["n"] >= minimum]


def pandas_trend(values: pd.DataFrame, selection: Any) -> pd.DataFrame:
    rows = values[
        _mask(values, selection, "period", True)
        & (values["indicator_code"] == INDICATOR).to_numpy()
    ]
    return rows.groupby(["region_code", "period"])["value"].sum().reset_index()


def pandas_ranking(values: pd.DataFrame, selection: Any) -> pd.DataFrame:
    rows = values[
        _mask(values, selection, "period", True)
        & (values["indicator_code"] == INDICATOR).to_numpy()
    ]
    return rows.groupby("iso3")["value"].sum().sort_values(ascending=False).reset_index()


QUANTILE_COLUMNS = ("p05", "q1", "median", "q3", "p95")
QUANTILE_TOLERANCE = 0.01 + 1e-9  # the query layer may compute quantiles from 0.01-wide bins


def _close(left: pd.Series, right: pd.Series, atol: float = 1e-9) -> bool:
    return bool(
        np.allclose(
            left.to_numpy(dtype=float),
            right.to_numpy(dtype=float),
            rtol=1e-7,
            atol=atol,
            equal_nan=True,
        )
    )


def agree_means(duck: pd.DataFrame, naive: pd.DataFrame) -> bool:
    """Same groups, same numbers: exact for counts, means and spreads; quantiles within 0.01."""
    shown = duck[~duck["suppressed"].astype(bool)].set_index("group_code").sort_index()
    naive = naive.sort_index()
    if list(shown.index) != list(naive.index):
        return False
    return all(
        _close(
            shown[column], naive[column], QUANTILE_TOLERANCE if column in QUANTILE_COLUMNS else 1e-9
        )
        for column in naive.columns
    )


def agree_shares(duck: pd.DataFrame, naive: pd.DataFrame) -> bool:
    return agree_means(duck, naive)


def agree_trend(duck: pd.DataFrame, naive: pd.DataFrame) -> bool:
    duck = duck.assign(period=pd.to_datetime(duck["period"])).sort_values(["group_code", "period"])
    naive = naive.assign(period=pd.to_datetime(naive["period"])).sort_values(
        ["region_code", "period"]
    )
    return (
        list(duck["group_code"]) == list(naive["region_code"])
        and list(duck["period"]) == list(naive["period"])
        and _close(duck["value"], naive["value"])
    )


def agree_ranking(duck: pd.DataFrame, naive: pd.DataFrame) -> bool:
    left = duck.set_index("iso3")["value"].sort_index()
    right = naive.set_index("iso3")["value"].sort_index()
    return list(left.index) == list(right.index) and _close(left, right)


def compare_with_pandas(
    store: Path, selection_dicts: list[dict[str, Any]], minimum: int
) -> dict[str, Any]:
    """Time five query functions against their pandas equivalents on the same selections."""
    from dashboard.common import queries as shared_queries
    from dashboard.pillars import queries as indicators
    from dashboard.selection import Selection
    from dashboard.store.catalog import load_catalog
    from dashboard.store.files import ReadOnlyStore
    from dashboard.sustainability import queries as sustainability
    from dashboard.sustainability.disclosure import EXACT

    reader = ReadOnlyStore(store)
    cursor = reader.cursor()
    catalog = load_catalog(cursor)
    rss_before = current_rss_mb()
    started = time.perf_counter()
    surveys = cursor.execute(SURVEY_SQL).df()
    values = cursor.execute(INDICATOR_SQL).df()
    load_s = time.perf_counter() - started
    frames_mb = (
        surveys.memory_usage(deep=True).sum() + values.memory_usage(deep=True).sum()
    ) / 2**20
    rss_loaded = current_rss_mb()

    queries: dict[str, tuple[Callable, Callable, Callable]] = {
        "sustainability.group_means (region)": (
            lambda s: sustainability.group_means(
                cursor, s, "region", min_group_size=minimum, disclosure=EXACT
            ),
            lambda s: pandas_group_means(surveys, s, minimum),
            agree_means,
        ),
        "sustainability.group_distribution (region, composite)": (
            lambda s: sustainability.group_distribution(
                cursor, s, "region", "composite", min_group_size=minimum, disclosure=EXACT
            ),
            lambda s: pandas_distribution(surveys, s, minimum),
            agree_means,
        ),
        "sustainability.threshold_shares (country, composite >= 0.5)": (
            lambda s: sustainability.threshold_shares(
                cursor,
                s,
                "country",
                "composite",
                THRESHOLD,
                min_group_size=minimum,
                disclosure=EXACT,
            ),
            lambda s: pandas_threshold_shares(surveys, s, minimum),
            agree_shares,
        ),
        "indicators.indicator_trend (returns_assisted, region x quarter)": (
            lambda s: indicators.indicator_trend(cursor, s, INDICATOR, "region"),
            lambda s: pandas_trend(values, s),
            agree_trend,
        ),
        "indicators.country_ranking (returns_assisted)": (
            lambda s: shared_queries.country_ranking(cursor, s, INDICATOR, by_sex=False),
            lambda s: pandas_ranking(values, s),
            agree_ranking,
        ),
    }
    typed = [Selection.from_raw(raw, catalog) for raw in selection_dicts]
    results = {}
    for name, (duck_fn, naive_fn, agree) in queries.items():
        duck_fn(typed[0])
        naive_fn(typed[0])
        duck_ms, naive_ms, disagreements = [], [], 0
        for selection in typed:
            begin = time.perf_counter()
            duck = duck_fn(selection)
            middle = time.perf_counter()
            naive = naive_fn(selection)
            end = time.perf_counter()
            duck_ms.append((middle - begin) * 1000)
            naive_ms.append((end - middle) * 1000)
            disagreements += not agree(duck, naive)
        results[name] = {
            "duckdb_ms": duck_ms,
            "pandas_ms": naive_ms,
            "disagreements": disagreements,
        }
    reader.close()
    return {
        "load_s": load_s,
        "frames_mb": frames_mb,
        "rss_growth_mb": rss_loaded - rss_before,
        "queries": results,
    }


# ---------------------------------------------------------------- report
def machine() -> dict[str, str]:
    import dash
    import duckdb

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    memory_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal:")
    )
    return {
        "cpus": str(os.cpu_count()),
        "ram_gb": f"{memory_kb / 2**20:.1f}",
        "cpu": cpu,
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "pandas": pd.__version__,
        "dash": dash.__version__,
        "os": platform.platform(terse=True),
    }


def code_version() -> str:
    """The commit the code is at, and how many files differ from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"commit {commit}" + (
        f" plus uncommitted changes in {len(changed)} files" if changed else ""
    )


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def verdict(value: float, limit: float, *, higher_is_better: bool = False, unit: str = "") -> str:
    if value != value:  # nan
        return "not measured"
    if (value >= limit) if higher_is_better else (value <= limit):
        return "met"
    if higher_is_better:
        return f"missed: {value:.1f}{unit} vs {limit:g}{unit} ({limit / value:.1f}× short)"
    return f"missed by {value - limit:.0f}{unit} ({value / limit:.1f}× the target)"


def _worst(result: dict[str, Any], measure: str = "ms") -> tuple[float, str]:
    """The largest p95 of one measure (wall ``ms`` or ``cpu_ms``) over the callbacks, and whose."""
    worst = max(result["worker"]["callbacks"], key=lambda entry: percentile(entry[measure], 95))
    return percentile(worst[measure], 95), f"{worst['page']} {worst['name']}"


def _ratio(result: dict[str, Any]) -> float:
    queries = result.get("pandas", {}).get("queries", {})
    if not queries:
        return float("nan")
    duck = sum(statistics.median(q["duckdb_ms"]) for q in queries.values())
    naive = sum(statistics.median(q["pandas_ms"]) for q in queries.values())
    return naive / duck


def report(
    results: list[dict[str, Any]],
    command: str,
    info: dict[str, str],
    started: str,
    loads: tuple[str, str],
) -> str:
    sizes = [result["size"] for result in results]
    lines = [
        f"Run {started}: `{command}`; code at {info['code']}.",
        "",
        f"Machine: {info['cpus']} CPUs ({info['cpu']}), {info['ram_gb']} GB RAM, {info['os']}; Python "
        f"{info['python']}, DuckDB {info['duckdb']}, pandas {info['pandas']}, Dash {info['dash']}. "
        f"Load average (1/5/15 min) at start {loads[0]}, at end {loads[1]}: the machine was shared, "
        "so times carry that noise.",
        "",
        "### Stores and workers",
        "",
        "| survey records | indicator rows | store file | build | worker start | selections timed | "
        "worst callback p95 | largest response | worker peak RSS |",
        "|---:|---:|---:|---:|---:|---:|---|---:|---:|",
    ]
    for result in results:
        worker, build = result["worker"], result["build"]
        worst_ms, worst_name = _worst(result)
        largest = max(max(entry["bytes"]) for entry in worker["callbacks"]) / 1024
        build_text = f"{build['seconds']:.1f} s" if build.get("seconds") else "reused (not timed)"
        if build.get("reused") and build.get("seconds"):
            build_text += " (earlier build)"
        grower = max(worker["callbacks"], key=lambda entry: entry.get("peak_growth_mb", 0.0))
        growth = (
            f" (after warm-up {worker['peak_after_warmup_mb']:.0f} MB; most growth in "
            f"{grower['page']} {grower['name']}: +{grower['peak_growth_mb']:.0f} MB)"
            if grower.get("peak_growth_mb", 0) >= 1 and "peak_after_warmup_mb" in worker
            else ""
        )
        lines.append(
            f"| {worker['survey_rows']:,} | {worker['indicator_rows']:,} | {result['store_mb']:.0f} MB | "
            f"{build_text} | {worker['startup_s']:.1f} s | {worker['selections']} | {worst_ms:.0f} ms "
            f"({worst_name}) | {largest:.0f} KB | {worker['peak_rss_mb']:.0f} MB{growth} |"
        )
    lines += [
        "",
        "### Targets",
        "",
        "Callback times are judged twice: on wall-clock time as measured, and on the worker's CPU "
        "time, which other processes on a busy shared machine do not inflate (it counts all the "
        "worker's threads, so it exceeds wall time when DuckDB scans in parallel).",
        "",
        "| target | measured | verdict |",
        "|---|---|---|",
    ]
    by_size = {result["size"]: result for result in results}
    for size, key in ((1_000_000, "p95_1m_ms"), (10_000_000, "p95_10m_ms")):
        if size in by_size:
            worst_ms, worst_name = _worst(by_size[size])
            cpu_ms, cpu_name = _worst(by_size[size], "cpu_ms")
            lines.append(
                f"| p95 of every callback < {TARGETS[key]} ms at {size:,} | wall {worst_ms:.0f} ms "
                f"({worst_name}); CPU {cpu_ms:.0f} ms ({cpu_name}) | wall: "
                f"{verdict(worst_ms, TARGETS[key], unit=' ms')}; CPU: "
                f"{verdict(cpu_ms, TARGETS[key], unit=' ms')} |"
            )
    if 1_000_000 in by_size:
        ratio = _ratio(by_size[1_000_000])
        lines.append(
            f"| ≥ {TARGETS['pandas_ratio_1m']}× faster than pandas at 1,000,000 (sum of medians of "
            f"the 5 queries) | {ratio:.1f}× | "
            f"{verdict(ratio, TARGETS['pandas_ratio_1m'], higher_is_better=True, unit='×')} |"
        )
    if 10_000_000 in by_size:
        rss = by_size[10_000_000]["worker"]["peak_rss_mb"]
        lines.append(
            f"| worker < {TARGETS['rss_10m_mb']} MB at 10,000,000 | {rss:.0f} MB peak RSS | "
            f"{verdict(rss, TARGETS['rss_10m_mb'], unit=' MB')} |"
        )
    largest = (
        max(
            max(max(entry["bytes"]) for entry in result["worker"]["callbacks"])
            for result in results
        )
        / 1024
    )
    lines.append(
        f"| every response < {TARGETS['response_kb']} KB | largest {largest:.0f} KB | "
        f"{verdict(largest, TARGETS['response_kb'], unit=' KB')} |"
    )

    lines += [
        "",
        "### Server time per update, by callback",
        "",
        "Wall-clock median / p95 ms, then the median CPU time of the worker process (all its threads, "
        "so DuckDB's parallel scans count in full; it is what the update costs, whatever else runs on "
        "the machine), then the largest response.",
        "",
        "| page | callback | " + " | ".join(f"{label(size)} records" for size in sizes) + " |",
        "|---|---|" + "---:|" * len(sizes),
    ]
    keys = list(
        dict.fromkeys(
            f"{entry['page']}|{entry['name']}"
            for result in results
            for entry in result["worker"]["callbacks"]
        )
    )
    for key in keys:
        page, name = key.split("|", 1)
        cells = []
        for result in results:
            entry = next(
                (
                    e
                    for e in result["worker"]["callbacks"]
                    if e["page"] == page and e["name"] == name
                ),
                None,
            )
            bad = {
                status: count
                for status, count in (entry or {}).get("status", {}).items()
                if status not in ("200", "204")
            }
            cells.append(
                "–"
                if entry is None
                else f"{statistics.median(entry['ms']):.0f} / {percentile(entry['ms'], 95):.0f} ms, "
                f"CPU {statistics.median(entry['cpu_ms']):.0f} ms, {max(entry['bytes']) / 1024:.0f} KB"
                + (f" **HTTP {bad}**" if bad else "")
            )
        lines.append(f"| {page} | `{name}` | " + " | ".join(cells) + " |")
    for page in dict.fromkeys(
        page for result in results for page in result["worker"]["page_totals"]
    ):
        cells = []
        for result in results:
            totals = result["worker"]["page_totals"].get(page)
            cells.append(
                "–"
                if not totals
                else f"{statistics.median(totals):.0f} / {percentile(totals, 95):.0f} ms"
            )
        lines.append(
            f"| {page} | *sum of the page's callbacks for one filter change* | "
            + " | ".join(cells)
            + " |"
        )

    if any(result["worker"].get("queries") for result in results):
        lines += [
            "",
            "### Queries by name (the store door's counts)",
            "",
            "Every query of the measured selections, counted by the store door "
            "(`dashboard/store/door.py`): calls run in DuckDB, total and longest time, and the "
            "calls answered from the served version's cache of answers (`dashboard/store/results.py`).",
            "",
            "| query | " + " | ".join(f"{label(size)} records" for size in sizes) + " |",
            "|---|" + "---:|" * len(sizes),
        ]
        names = sorted({name for result in results for name in result["worker"].get("queries", {})})
        for name in names:
            cells = []
            for result in results:
                count = result["worker"].get("queries", {}).get(name)
                cells.append(
                    "–"
                    if not count
                    else f"{count['calls']} calls, {count['seconds'] * 1000:.0f} ms, "
                    f"longest {count['longest'] * 1000:.1f} ms"
                    + (f", {count['cached']} from the cache" if count.get("cached") else "")
                )
            lines.append(f"| `{name}` | " + " | ".join(cells) + " |")

    if any(result.get("pandas") for result in results):
        lines += [
            "",
            "### DuckDB query functions vs the naive way (pandas on in-memory DataFrames)",
            "",
            "Median ms per selection, DuckDB / pandas (ratio = pandas ÷ DuckDB). Results are checked "
            "equal for every selection, suppressed groups left out: counts, means and standard "
            "deviations to 1e-7, quantiles to 0.01 (the width of the score bins the query layer reads "
            "them from).",
            "",
            "| query | " + " | ".join(f"{label(size)} records" for size in sizes) + " |",
            "|---|" + "---:|" * len(sizes),
        ]
        names = list(
            dict.fromkeys(
                name for result in results for name in result.get("pandas", {}).get("queries", {})
            )
        )
        for name in names:
            cells = []
            for result in results:
                query = result.get("pandas", {}).get("queries", {}).get(name)
                if not query:
                    cells.append("–")
                    continue
                duck, naive = (
                    statistics.median(query["duckdb_ms"]),
                    statistics.median(query["pandas_ms"]),
                )
                agree = (
                    "agree"
                    if not query["disagreements"]
                    else f"**{query['disagreements']} differ**"
                )
                cells.append(f"{duck:.1f} / {naive:.1f} ms = {naive / duck:.1f}×, {agree}")
            lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
        lines.append(
            "| *all five (sum of medians)* | "
            + " | ".join(
                f"{_ratio(result):.1f}×" if result.get("pandas") else "–" for result in results
            )
            + " |"
        )
        lines.append(
            "| *pandas: load into memory / frames size / process growth* | "
            + " | ".join(
                (
                    f"{result['pandas']['load_s']:.1f} s / {result['pandas']['frames_mb']:.0f} MB / "
                    f"{result['pandas']['rss_growth_mb']:.0f} MB"
                )
                if result.get("pandas")
                else "–"
                for result in results
            )
            + " |"
        )
    return "\n".join(lines) + "\n"


def paste_into(readme: Path, marker: str, text: str) -> None:
    """Replace the text between ``<!-- marker:start -->`` and ``<!-- marker:end -->``."""
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    content = readme.read_text() if readme.exists() else f"{start}\n{end}\n"
    if start not in content:
        content += f"\n{start}\n{end}\n"
    before, rest = content.split(start, 1)
    after = rest.split(end, 1)[1]
    readme.write_text(f"{before}{start}\n{text}{end}{after}")


# ---------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.callbacks",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes", default="100000,1000000,10000000", help="survey records per store"
    )
    parser.add_argument(
        "--reuse-dir", type=Path, default=Path("/tmp/bench"), help="where stores live"
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="build (and time) stores even if present"
    )
    parser.add_argument(
        "--selections",
        type=int,
        default=SMALL_SELECTIONS,
        help=f"selections timed per store below {LARGE_SIZE:,} records",
    )
    parser.add_argument(
        "--large-selections",
        type=int,
        default=LARGE_SELECTIONS,
        help=f"selections timed per store of {LARGE_SIZE:,} records or more",
    )
    parser.add_argument("--warmups", type=int, default=2, help="selections run untimed first")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-pandas", action="store_true", help="skip the pandas comparison")
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="rewrite the report from <reuse-dir>/results.json without measuring",
    )
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    parser.add_argument("--readme", type=Path, default=HERE / "README.md")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--selections-file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--worker-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        run_worker(args.store, args.selections_file, args.worker_out, args.warmups)
        return 0
    if args.report_only:
        saved = json.loads((args.reuse_dir / "results.json").read_text())
        meta = saved["meta"]
        text = report(
            saved["results"], meta["command"], meta["info"], meta["started"], tuple(meta["loads"])
        )
        args.out.write_text(text)
        paste_into(args.readme, "callbacks", text)
        print(text)
        return 0

    command = "python -m benchmarks.callbacks " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    started, loads_start, info = (
        dt.datetime.now().isoformat(timespec="minutes"),
        load_average(),
        machine(),
    )
    info["code"] = code_version()
    from dashboard.settings import load_settings

    minimum = load_settings({}).min_group_size
    expected = current_signature()
    results = []
    for size in [int(part) for part in args.sizes.split(",") if part]:
        store = args.reuse_dir / f"{label(size)}.duckdb"
        print(f"[{label(size)}] store {store}", flush=True)
        build = ensure_store(store, size, args.rebuild, expected)
        count = args.large_selections if size >= LARGE_SIZE else args.selections
        chosen = make_selections(store, count + args.warmups, args.seed + size)
        with tempfile.TemporaryDirectory() as scratch:
            selections_file, worker_out = (
                Path(scratch) / "selections.json",
                Path(scratch) / "worker.json",
            )
            selections_file.write_text(json.dumps(chosen))
            began = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "benchmarks.callbacks",
                    "--worker",
                    "--store",
                    str(store),
                    "--selections-file",
                    str(selections_file),
                    "--worker-out",
                    str(worker_out),
                    "--warmups",
                    str(args.warmups),
                ],
                check=True,
                cwd=ROOT,
                timeout=1800,
            )
            worker = json.loads(worker_out.read_text())
        print(
            f"  worker: {len(chosen) - args.warmups} selections in {time.perf_counter() - began:.0f} s, "
            f"peak RSS {worker['peak_rss_mb']:.0f} MB",
            flush=True,
        )
        result = {
            "size": size,
            "store": str(store),
            "store_mb": store.stat().st_size / 2**20,
            "build": build,
            "worker": worker,
        }
        if not args.no_pandas:
            began = time.perf_counter()
            result["pandas"] = compare_with_pandas(store, chosen[args.warmups :], minimum)
            print(
                f"  pandas comparison in {time.perf_counter() - began:.0f} s: "
                f"{_ratio(result):.1f}× (sum of medians)",
                flush=True,
            )
        results.append(result)

    meta = {
        "command": command,
        "info": info,
        "started": started,
        "loads": [loads_start, load_average()],
    }
    (args.reuse_dir / "results.json").write_text(
        json.dumps({"meta": meta, "results": results}, indent=1)
    )
    text = report(results, command, info, started, tuple(meta["loads"]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    paste_into(args.readme, "callbacks", text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
