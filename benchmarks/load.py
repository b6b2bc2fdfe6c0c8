"""Load test: simulated users changing filters against the production server (gunicorn), loopback only.

    python -m benchmarks.load --store /tmp/bench/1m.duckdb --users 50 --seconds 60

Starts ``gunicorn -c gunicorn.conf.py dashboard.wsgi:server`` on 127.0.0.1 (any other host is
refused) with ``EUIOM_WORKERS`` workers, waits until it answers, then runs ``--users`` threads.
Each user opens the app like a browser (``/``, ``/_dash-layout``, ``/_dash-dependencies``, the
page's layout), then, until the time is up, pauses ("thinks") for a random time in
``[--think-min, --think-max]`` seconds, changes the filters at random (sometimes going to another
page first) and sends what the browser would send: the shell's filter -> URL/store callback, then
every callback of the page that reads the filters, one after the other on its keep-alive
connection. The run stops at ``--seconds`` or ``--max-requests`` requests, whichever comes first,
then the server is stopped.

Reports throughput, request latency percentiles, the time of a whole filter change, errors by
status and the peak memory of each worker; results are kept per run label in
``benchmarks/load_results.json`` and the table is pasted into ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import http.client
import ipaddress
import json
import os
import random
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.baseline import unpack_baseline
from benchmarks.callbacks import current_signature, ensure_store, machine, paste_into
from benchmarks.dashflow import (
    FILTER_IDS,
    PAGE_CONTENT_OUTPUT,
    SELECTION,
    URL,
    DashSite,
    build_body,
    random_selection,
    response_values,
    selection_values,
)

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
HARD_MAX_REQUESTS = 1_000_000
HARD_MAX_SECONDS = 1800
HARD_MAX_USERS = 500
TARGET_P95_MS = 500
UPDATE = "/_dash-update-component"


def loopback(host: str) -> str:
    """``host`` if it resolves to a loopback address; anything else is refused."""
    try:
        address = ipaddress.ip_address(socket.gethostbyname(host))
    except (OSError, ValueError):
        raise SystemExit(f"cannot resolve {host!r}") from None
    if not address.is_loopback:
        raise SystemExit(f"refusing {host!r} ({address}): the load test only runs against loopback")
    return str(address)


def decoded(data: bytes, encoding: str) -> bytes:
    """The body of a response sent with ``Content-Encoding: encoding``."""
    if encoding == "br":
        import brotli

        return brotli.decompress(data)
    if encoding == "gzip":
        return gzip.decompress(data)
    return data


class HttpTransport:
    """A keep-alive HTTP/1.1 connection; a request on a connection the server closed while idle
    is sent again once on a new connection (browsers do the same)."""

    def __init__(self, host: str, port: int, timeout: float = 30.0) -> None:
        self.host, self.port, self.timeout = host, port, timeout
        self.connection: http.client.HTTPConnection | None = None
        self.used = False
        self.reconnects = 0

    def _request(self, method: str, path: str, body: bytes | None) -> tuple[int, bytes]:
        # As a browser does: the server may compress (brotli or gzip).
        headers = {"Accept-Encoding": "br, gzip"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=self.timeout
                )
                self.used = False
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = decoded(response.read(), response.getheader("Content-Encoding", ""))
                self.used = True
                if response.getheader("Connection", "").lower() == "close":
                    self.close()
                return response.status, data
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                stale = self.used
                self.close()
                if attempt == 2 or not stale:
                    raise
                self.reconnects += 1
        raise AssertionError("unreachable")

    def get(self, path: str) -> tuple[int, bytes]:
        return self._request("GET", path, None)

    def post(self, path: str, body: Any) -> tuple[int, bytes]:
        return self._request("POST", path, json.dumps(body).encode())

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
        self.connection = None


@dataclass
class Tally:
    """What all users observed; appended under a lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict[str, list[float]] = field(default_factory=dict)
    updates: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    requests: int = 0
    reconnects: int = 0

    def take_ticket(self, limit: int) -> bool:
        with self.lock:
            if self.requests >= limit:
                return False
            self.requests += 1
            return True

    def record(
        self,
        kind: str,
        ms: float,
        status: int | None,
        error: str | None = None,
        what: str | None = None,
    ) -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(ms)
            if status is not None:
                self.statuses[status] += 1
            if error or (status is not None and status not in (200, 204)):
                self.errors[(error or f"HTTP {status}") + (f" ({what})" if what else "")] += 1


class Stop(Exception):
    """The run is over: time is up or the request cap is reached."""


class User(threading.Thread):
    """One simulated person."""

    def __init__(
        self,
        number: int,
        site: DashSite,
        host: str,
        port: int,
        args: argparse.Namespace,
        tally: Tally,
        deadline: float,
    ) -> None:
        super().__init__(name=f"user-{number}", daemon=True)
        self.rng = random.Random(args.seed * 1000 + number)
        self.site, self.args, self.tally, self.deadline = site, args, tally, deadline
        self.transport = HttpTransport(host, port)
        self.options = site.filter_options()
        self.render = next(spec for spec in site.callbacks if spec.output == PAGE_CONTENT_OUTPUT)
        self.sync = next(spec for spec in site.callbacks if SELECTION in spec.outputs)
        self.path = self.rng.choice(site.page_paths)
        self.selection: dict[str, Any] = {}

    def send(
        self, kind: str, method: str, path: str, body: Any = None, what: str | None = None
    ) -> bytes | None:
        """One request, timed and tallied; None when stopped or failed."""
        if time.monotonic() >= self.deadline or not self.tally.take_ticket(self.args.max_requests):
            raise Stop
        begin = time.perf_counter()
        try:
            status, raw = (
                self.transport.get(path) if method == "GET" else self.transport.post(path, body)
            )
        except (OSError, http.client.HTTPException) as error:
            self.tally.record(
                kind, (time.perf_counter() - begin) * 1000, None, type(error).__name__, what
            )
            self.transport.close()
            return None
        self.tally.record(kind, (time.perf_counter() - begin) * 1000, status, None, what)
        return raw if status == 200 else None

    def values(self) -> dict:
        return selection_values(self.site.defaults(self.path), self.selection)

    def open_app(self) -> None:
        for path in ("/", "/_dash-layout", "/_dash-dependencies"):
            self.send("page load (GET)", "GET", path)
        self.navigate()

    def navigate(self) -> None:
        values = self.values()
        self.send(
            "page layout (routing callback)",
            "POST",
            UPDATE,
            build_body(self.render, values, [(URL, "pathname")]),
        )

    def change_filters(self) -> None:
        began = time.perf_counter()
        wanted = random_selection(self.rng, self.options) if self.rng.random() > 0.1 else {}
        self.selection = {**wanted}
        changed = self.rng.choice(list(FILTER_IDS.values()))
        raw = self.send(
            "filters -> URL/store callback",
            "POST",
            UPDATE,
            build_body(self.sync, self.values(), [(changed, "value")]),
        )
        stored = response_values(raw or b"").get(SELECTION)
        if isinstance(stored, dict):
            self.selection = stored
        values = self.values()
        for spec in self.site.main_callbacks(self.path):
            self.send(
                "page callbacks", "POST", UPDATE, build_body(spec, values, [SELECTION]), spec.name
            )
        with self.tally.lock:
            self.tally.updates.append((time.perf_counter() - began) * 1000)

    def run(self) -> None:
        try:
            self.open_app()
            while time.monotonic() < self.deadline:
                pause = self.rng.uniform(self.args.think_min, self.args.think_max)
                if pause:
                    time.sleep(min(pause, max(0.0, self.deadline - time.monotonic())))
                if self.rng.random() < 0.15:
                    self.path = self.rng.choice(self.site.page_paths)
                    self.navigate()
                self.change_filters()
        except Stop:
            pass
        finally:
            with self.tally.lock:
                self.tally.reconnects += self.transport.reconnects
            self.transport.close()


# ---------------------------------------------------------------- server
def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(
            socket.SOL_SOCKET, socket.SO_REUSEADDR, 1
        )  # as gunicorn does: TIME_WAIT is fine
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def baseline_store(
    code_dir: Path, scratch: Path, commit: str, store: Path, python: str = sys.executable
) -> Path:
    """A store of as many survey records as ``store``, built by the baseline's own code (it refuses
    a store of a newer schema version)."""
    sidecar = store.with_name(store.name + ".build.json")
    rows = json.loads(sidecar.read_text()).get("rows") if sidecar.exists() else None
    built = scratch / f"before-{commit}-{store.stem}.duckdb"
    if not built.exists():
        command = [python, "-m", "dashboard", "build-demo", "--store", str(built)]
        print(f"building {built} with the baseline's code...", flush=True)
        subprocess.run(
            command + (["--rows", str(rows)] if rows else []),
            cwd=code_dir,
            check=True,
            env={**os.environ, "PYTHONPATH": str(code_dir)},
        )
    return built


def start_server(args: argparse.Namespace, host: str, log: Path) -> subprocess.Popen:
    code_dir = args.code_dir or ROOT
    # PYTHONPATH first: the code of code_dir, not the editable install of this worktree.
    env = {
        **os.environ,
        "EUIOM_STORE": str(args.store),
        "EUIOM_HOST": host,
        "EUIOM_PORT": str(args.port),
        "EUIOM_WORKERS": str(args.workers),
        "PYTHONPATH": str(code_dir),
        "EUIOM_CACHE_DIR": str(args.cache_dir),
    }
    handle = log.open("wb")
    return subprocess.Popen(
        [args.python, "-m", "gunicorn", "-c", "gunicorn.conf.py", "dashboard.wsgi:server"],
        cwd=code_dir,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )


def wait_until_ready(
    server: subprocess.Popen, host: str, port: int, log: Path, timeout: float
) -> float:
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        if server.poll() is not None:
            raise SystemExit(
                f"gunicorn exited with {server.returncode}:\n{log.read_text()[-3000:]}"
            )
        try:
            connection = http.client.HTTPConnection(host, port, timeout=5)
            connection.request("GET", "/_dash-dependencies")
            if connection.getresponse().status == 200:
                connection.close()
                return time.monotonic() - began
        except OSError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"gunicorn did not answer within {timeout:.0f} s")


def workers_of(master: int) -> dict[int, tuple[float, float]]:
    """``{pid: (CPU seconds used, peak RSS MB)}`` of each child of the gunicorn master."""
    found = {}
    ticks = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) != master:
                continue
            peak = next(
                int(line.split()[1]) / 1024
                for line in (entry / "status").read_text().splitlines()
                if line.startswith("VmHWM:")
            )
            found[int(entry.name)] = ((int(fields[11]) + int(fields[12])) / ticks, peak)
        except (OSError, ValueError, IndexError, StopIteration):
            continue
    return found


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


# ---------------------------------------------------------------- report
def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def summarise(
    args: argparse.Namespace,
    tally: Tally,
    elapsed: float,
    peaks: list[float],
    ready_s: float,
    server_cpu_s: float,
    client_cpu_s: float,
) -> dict[str, Any]:
    everything = [ms for values in tally.latencies.values() for ms in values]
    return {
        "server_cpu_s": server_cpu_s,
        "client_cpu_s": client_cpu_s,
        "server_cpu_ms_per_request": server_cpu_s * 1000 / len(everything)
        if everything
        else float("nan"),
        "label": args.label,
        "when": dt.datetime.now().isoformat(timespec="minutes"),
        "command": "python -m benchmarks.load " + shlex.join(sys.argv[1:]),
        "store": str(args.store),
        "users": args.users,
        "workers": args.workers,
        "think": [args.think_min, args.think_max],
        "seconds": round(elapsed, 1),
        "ready_s": round(ready_s, 1),
        "requests": len(everything),
        "throughput": len(everything) / elapsed if elapsed else 0.0,
        "p50": pct(everything, 50),
        "p95": pct(everything, 95),
        "p99": pct(everything, 99),
        "max": max(everything) if everything else float("nan"),
        "by_kind": {
            kind: {"n": len(values), "p50": pct(values, 50), "p95": pct(values, 95)}
            for kind, values in tally.latencies.items()
        },
        "updates": len(tally.updates),
        "update_p50": pct(tally.updates, 50),
        "update_p95": pct(tally.updates, 95),
        "statuses": {str(key): value for key, value in tally.statuses.items()},
        "errors": dict(tally.errors),
        "reconnects": tally.reconnects,
        "worker_peak_mb": peaks,
        "load_after": " ".join(f"{value:.1f}" for value in os.getloadavg()),
    }


def per_change(run: dict[str, Any]) -> str:
    """The workers' CPU over the run divided by the filter changes made (page loads and
    navigation included): what one change costs the server, whatever else ran on the machine."""
    if not run.get("updates") or "server_cpu_s" not in run:
        return "–"
    return f"{run['server_cpu_s'] * 1000 / run['updates']:.0f} ms"


def table(runs: dict[str, dict[str, Any]]) -> str:
    info = machine()
    lines = [
        f"Machine: {info['cpus']} CPUs ({info['cpu']}), {info['ram_gb']} GB RAM; gunicorn gthread workers "
        "(4 threads each, `gunicorn.conf.py`); client threads on the same machine. Latency is per "
        "request, measured by the client (loopback, so it includes queueing in the server).",
        "",
        "| run | store | users | think time | workers | duration | requests | throughput | p50 | p95 | p99 | "
        "filter change, p95 (all its requests) | errors | worker CPU per request | worker CPU per filter change | "
        "CPU used: workers / client | "
        "worker peak RSS | p95 < 500 ms, no errors |",
        "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---|---|",
    ]
    for run in runs.values():
        errors = ", ".join(f"{key}: {value}" for key, value in run["errors"].items()) or "none"
        met = not run["errors"] and run["p95"] < TARGET_P95_MS
        verdict = (
            "met"
            if met
            else (
                f"missed: p95 {run['p95']:.0f} ms ({run['p95'] / TARGET_P95_MS:.1f}× the target)"
                + (f", {sum(run['errors'].values())} errors" if run["errors"] else "")
            )
        )
        lines.append(
            f"| {run['label']} | {Path(run['store']).name} | {run['users']} "
            f"| {run['think'][0]:g}–{run['think'][1]:g} s "
            f"| {run['workers']} | {run['seconds']:.0f} s | {run['requests']:,} | {run['throughput']:.1f} req/s | "
            f"{run['p50']:.0f} ms | {run['p95']:.0f} ms | {run['p99']:.0f} ms | {run['update_p95']:.0f} ms | "
            f"{errors} | {run.get('server_cpu_ms_per_request', float('nan')):.0f} ms | "
            f"{per_change(run)} | "
            f"{run.get('server_cpu_s', float('nan')) / run['seconds']:.2f} / "
            f"{run.get('client_cpu_s', float('nan')) / run['seconds']:.2f} cores | "
            f"{', '.join(f'{peak:.0f}' for peak in run['worker_peak_mb'])} MB | {verdict} |"
        )
    lines += ["", "Commands: " + "; ".join(f"`{run['command']}`" for run in runs.values()), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--store", type=Path, default=Path("/tmp/bench/1m.duckdb"))
    parser.add_argument(
        "--build-rows",
        type=int,
        help="build the store with this many survey records if it is missing or built by other code",
    )
    parser.add_argument("--host", default="127.0.0.1", help="loopback only")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=100_000)
    parser.add_argument(
        "--think-min", type=float, default=1.0, help="seconds between filter changes, at least"
    )
    parser.add_argument(
        "--think-max", type=float, default=3.0, help="seconds between filter changes, at most"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--label", help="name of the run in the results table")
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="the Python that serves (another virtual environment: another Dash, for a 'before' run)",
    )
    parser.add_argument(
        "--baseline",
        metavar="COMMIT",
        help="serve the code of this commit instead (git archive into --scratch): the 'before' run",
    )
    parser.add_argument(
        "--scratch", type=Path, default=Path(tempfile.gettempdir()) / "euiom-bench-baseline"
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        help="the server's cache of callback answers (EUIOM_CACHE_DIR); default: a new empty "
        "directory for this run, so that answers cached by an earlier run (same users, same "
        "seeds) are not counted",
    )
    parser.add_argument("--log", type=Path, default=Path("/tmp/euiom-load-gunicorn.log"))
    parser.add_argument("--readme", type=Path, default=HERE / "README.md")
    parser.add_argument("--results", type=Path, default=HERE / "load_results.json")
    args = parser.parse_args(argv)
    if not 1 <= args.users <= HARD_MAX_USERS:
        raise SystemExit(f"--users must be between 1 and {HARD_MAX_USERS}")
    if not 0 < args.seconds <= HARD_MAX_SECONDS:
        raise SystemExit(f"--seconds must be between 0 and {HARD_MAX_SECONDS}")
    if not 1 <= args.max_requests <= HARD_MAX_REQUESTS:
        raise SystemExit(f"--max-requests must be between 1 and {HARD_MAX_REQUESTS:,}")
    if not 0 <= args.think_min <= args.think_max:
        raise SystemExit("need 0 <= --think-min <= --think-max")
    if args.build_rows:
        ensure_store(args.store, args.build_rows, False, current_signature())
    if not args.store.exists():
        raise SystemExit(
            f"no store at {args.store}; build one with python -m dashboard build-demo --store ..., "
            "or pass --build-rows N"
        )
    host = loopback(args.host)
    if not port_is_free(host, args.port):
        raise SystemExit(f"port {args.port} on {host} is in use; pick another with --port")
    args.label = args.label or (
        f"{args.store.stem}, {args.users} users, think {args.think_min:g}–"
        f"{args.think_max:g} s" + (f", before ({args.baseline})" if args.baseline else "")
    )
    args.code_dir = unpack_baseline(args.baseline, args.scratch) if args.baseline else None
    if args.code_dir is not None:
        args.store = baseline_store(
            args.code_dir, args.scratch, args.baseline, args.store, args.python
        )

    from dashboard.site import PAGES

    fresh_cache = None
    if args.cache_dir is None:
        fresh_cache = tempfile.TemporaryDirectory(prefix="euiom-load-cache-")
        args.cache_dir = Path(fresh_cache.name)
    print(
        f"starting gunicorn on {host}:{args.port} with {args.workers} workers, store {args.store}, "
        f"answer cache {args.cache_dir}",
        flush=True,
    )
    server = start_server(args, host, args.log)
    try:
        ready_s = wait_until_ready(server, host, args.port, args.log, timeout=300)
        probe = HttpTransport(host, args.port)
        site = DashSite(probe, tuple(page.path for page in PAGES)).load()
        probe.close()
        print(
            f"ready in {ready_s:.1f} s; {args.users} users for {args.seconds:g} s "
            f"(at most {args.max_requests:,} requests)",
            flush=True,
        )
        tally = Tally()
        workers_before = workers_of(server.pid)
        client_cpu = time.process_time()
        began = time.monotonic()
        deadline = began + args.seconds
        users = [
            User(number, site, host, args.port, args, tally, deadline)
            for number in range(args.users)
        ]
        for user in users:
            user.start()
            time.sleep(min(0.02, args.seconds / 100))
        for user in users:
            user.join(timeout=args.seconds + 60)
        elapsed = time.monotonic() - began
        client_cpu_s = time.process_time() - client_cpu
        workers_after = workers_of(server.pid)
        peaks = sorted(peak for _, peak in workers_after.values())
        server_cpu_s = sum(
            cpu - workers_before.get(pid, (0.0, 0.0))[0] for pid, (cpu, _) in workers_after.items()
        )
    finally:
        stop_server(server)
        # Answers computed and stored by this run: the callback requests beyond them were cache hits.
        cache_entries = sum(1 for _ in args.cache_dir.glob("*")) if args.cache_dir.is_dir() else 0
        if fresh_cache is not None:
            fresh_cache.cleanup()
    run = summarise(args, tally, elapsed, peaks, ready_s, server_cpu_s, client_cpu_s)
    callbacks = sum(
        len(values) for kind, values in tally.latencies.items() if kind != "page load (GET)"
    )
    run["cache_entries"] = cache_entries
    # No entry at all: the code under test keeps no cache (the baseline's).
    run["cache_hit_share"] = (
        max(0.0, 1 - cache_entries / callbacks)
        if callbacks and cache_entries and fresh_cache
        else None
    )
    runs = json.loads(args.results.read_text()) if args.results.exists() else {}
    runs[args.label] = run
    args.results.write_text(json.dumps(runs, indent=1))
    text = table(runs)
    paste_into(args.readme, "load", text)
    print(json.dumps({key: value for key, value in run.items() if key != "by_kind"}, indent=1))
    for kind, numbers in run["by_kind"].items():
        print(
            f"  {kind}: {numbers['n']:,} requests, p50 {numbers['p50']:.0f} ms, p95 {numbers['p95']:.0f} ms"
        )
    return 0 if not run["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
