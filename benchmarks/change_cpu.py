"""Server CPU per filter change, in one process: the load test's filter changes replayed through
Flask's test client, timed by CPU, optionally profiled.

    python -m benchmarks.change_cpu --store /tmp/bench/1m.duckdb --changes 150
    python -m benchmarks.change_cpu --store ... --profile /tmp/change.prof   # then pstats

Each change is what ``benchmarks.load`` sends for one simulated user (the same seeds, the same
choice of page and selections, the same request bodies): the shell's filter -> URL/store callback,
then every callback of the page that reads the filters; 15% of changes go to another page first
(the routing callback). The app is made as a gunicorn worker makes it (``EUIOM_*`` settings from
the environment, shared state in a private directory of files, as ``gunicorn.conf.py`` sets it up
for one server), so the sign-in check, rate limits and the cache of answers are on the path.

Reports the process CPU time per change (median, mean, p95) by page, and per request kind; the
wall time does not count (the machine may be shared). ``--code DIR`` measures another checkout
(the "before" code, ``git worktree`` or ``git archive``): its ``dashboard`` package is imported
instead of this one's, the benchmark's own helpers stay this checkout's.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--changes", type=int, default=150, help="filter changes timed")
    parser.add_argument("--warmups", type=int, default=10, help="changes sent first, not counted")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--users", type=int, default=20, help="simulated users taking turns")
    parser.add_argument("--code", type=Path, help="serve the dashboard package of this checkout")
    parser.add_argument(
        "--cache", action="store_true", help="keep the cache of answers on (a fresh directory)"
    )
    parser.add_argument("--profile", type=Path, help="write a cProfile of the timed changes here")
    parser.add_argument("--json", type=Path, help="write the numbers here")
    parser.add_argument("--page", help="every change on this page only (a path: /pillars)")
    args = parser.parse_args(argv)

    here = Path(__file__).resolve().parent.parent
    if args.code is not None:
        sys.path.insert(0, str(args.code.resolve()))  # its dashboard, layouts and callbacks
    sys.path.append(str(here))
    scratch = tempfile.TemporaryDirectory(prefix="euiom-change-cpu-")
    state = Path(scratch.name) / "state"
    state.mkdir(mode=0o700)
    os.environ.update(
        EUIOM_STORE=str(args.store),
        EUIOM_STATE_DIR=str(state),
        EUIOM_CACHE_DIR=str(Path(scratch.name) / "cache") if args.cache else "off",
    )
    import dashboard.wsgi as wsgi  # noqa: PLC0415
    from benchmarks.dashflow import (  # noqa: PLC0415 (after sys.path is set)
        FILTER_IDS,
        PAGE_CONTENT_OUTPUT,
        SELECTION,
        URL,
        DashSite,
        FlaskTransport,
        build_body,
        random_selection,
        response_values,
        selection_values,
    )

    print(f"dashboard from {Path(wsgi.__file__).parent}", flush=True)
    wsgi.warm()
    transport = FlaskTransport(wsgi.server)
    from dashboard.site import PAGES  # noqa: PLC0415

    site = DashSite(transport, tuple(page.path for page in PAGES)).load()
    options = site.filter_options()
    render = next(spec for spec in site.callbacks if spec.output == PAGE_CONTENT_OUTPUT)
    sync = next(spec for spec in site.callbacks if SELECTION in spec.outputs)
    update = "/_dash-update-component"
    rngs = [random.Random(args.seed * 1000 + number) for number in range(args.users)]
    page_paths = (args.page,) if args.page else site.page_paths
    paths = [rng.choice(page_paths) for rng in rngs]
    selections: list[dict] = [{} for _ in rngs]
    by_kind: dict[str, list[float]] = defaultdict(list)
    by_page: dict[str, list[float]] = defaultdict(list)
    requests_per_change: list[int] = []
    errors = 0

    def post(kind: str, body: dict, timed: bool) -> bytes:
        nonlocal errors
        begin = time.process_time()
        status, raw = transport.post(update, body)
        if timed:
            by_kind[kind].append((time.process_time() - begin) * 1000)
        if status not in (200, 204):
            errors += 1
            print(f"{kind}: HTTP {status} {raw[:200]!r}", file=sys.stderr)
        return raw

    def change(number: int, timed: bool) -> None:
        user = number % args.users
        rng = rngs[user]
        rng.uniform(1, 3)  # the think time the load test draws
        begin = time.process_time()
        sent = 0
        if rng.random() < 0.15:
            paths[user] = rng.choice(page_paths)
            values = selection_values(site.defaults(paths[user]), selections[user])
            post(
                "page layout (routing callback)",
                build_body(render, values, [(URL, "pathname")]),
                timed,
            )
            sent += 1
        wanted = random_selection(rng, options) if rng.random() > 0.1 else {}
        selections[user] = {**wanted}
        changed = rng.choice(list(FILTER_IDS.values()))
        values = selection_values(site.defaults(paths[user]), selections[user])
        raw = post(
            "filters -> URL/store callback", build_body(sync, values, [(changed, "value")]), timed
        )
        sent += 1
        stored = response_values(raw or b"").get(SELECTION)
        if isinstance(stored, dict):
            selections[user] = stored
        values = selection_values(site.defaults(paths[user]), selections[user])
        for spec in site.main_callbacks(paths[user]):
            post(f"{paths[user]} {spec.name}", build_body(spec, values, [SELECTION]), timed)
            sent += 1
        if timed:
            by_page[paths[user]].append((time.process_time() - begin) * 1000)
            requests_per_change.append(sent)

    for number in range(args.warmups):
        change(number, False)
    profiler = cProfile.Profile() if args.profile else None
    if profiler is not None:
        profiler.enable()
    for number in range(args.warmups, args.warmups + args.changes):
        change(number, True)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(args.profile)

    every = [ms for values in by_page.values() for ms in values]
    result = {
        "store": str(args.store),
        "code": str(args.code or here),
        "changes": len(every),
        "errors": errors,
        "requests_per_change": statistics.mean(requests_per_change),
        "cpu_ms_per_change": {
            "mean": statistics.mean(every),
            "median": statistics.median(every),
            "p95": percentile(every, 0.95),
        },
        "by_page": {
            page: {"n": len(v), "mean": statistics.mean(v), "median": statistics.median(v)}
            for page, v in sorted(by_page.items())
        },
        "by_kind": {
            kind: {"n": len(v), "mean": statistics.mean(v), "median": statistics.median(v)}
            for kind, v in sorted(by_kind.items())
        },
    }
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    scratch.cleanup()
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
