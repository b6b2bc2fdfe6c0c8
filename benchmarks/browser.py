"""Page speed as a user meets it: bytes and time until every chart is drawn, in headless Chromium.

    python -m benchmarks.browser --baseline bcef1ae --repeats 3

Serves two copies of the app with gunicorn on 127.0.0.1, both on the same store: "after" (this
worktree's code) and "before" (the ``--baseline`` commit, unpacked with ``git archive`` into a
scratch directory and run with the same Python environment). For every repeat, every page and
both servers in turn (interleaved, so the noise of a shared machine falls on both alike) it measures:

- **cold**: a fresh browser profile (empty cache) opens the page;
- **warm**: the same profile opens the page again (its HTTP cache filled by the cold visit);
- **redraw**: on the warm page, the region filter is changed (``dash_clientside.set_props``, as a
  click would) and the time until every chart has drawn again is taken from the change;
- the same cold and warm visits under Chromium's network throttling (CDP
  ``Network.emulateNetworkConditions``: 1.6 Mbps down, 750 kbps up, 150 ms round trip).

"Drawn" is the time (from navigation start, or from the filter change) of the last change inside
any plotly chart, once every graph has an SVG, no Dash component is loading, no request is
pending and nothing has changed for a quiet period. Pages without charts count their last change
anywhere. Bytes are what crossed the network (CDP ``encodedDataLength``: headers and compressed
bodies). Requests for Dash's full ``plotly.min.js`` are counted per visit.

Results go to ``benchmarks/browser_results.json`` and between the ``browser`` markers of
``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.baseline import unpack_baseline
from benchmarks.callbacks import machine, paste_into
from benchmarks.load import port_is_free, stop_server, wait_until_ready

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("EUIOM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PAGES = ("/", "/pillars", "/sustainability", "/about")
THROTTLED = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
FULL_PLOTLY = "plotly.min.js"

# In the page before any script: the time of the last DOM change inside a chart, and anywhere.
OBSERVER = """
window.__euiomDraw = {plot: 0, any: 0};
new MutationObserver(records => {
  const now = performance.now();
  for (const record of records) {
    const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    const inPlot = !!(node && node.closest && node.closest('.js-plotly-plot'));
    if (inPlot) { window.__euiomDraw.plot = now; }
    // Attribute changes outside charts do not count: an accessibility script of the "before"
    // code rewrote dropdown attributes every frame, for ever.
    if (inPlot || record.type !== 'attributes') { window.__euiomDraw.any = now; }
  }
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""

STATE = """() => {
  const graphs = [...document.querySelectorAll('.dash-graph')];
  return {
    content: !!document.querySelector('#shell-page-content > *'),
    graphs: graphs.length,
    drawn: graphs.every(g => g.querySelector('.main-svg')),
    loading: !!document.querySelector('[data-dash-is-loading="true"]'),
    plot: window.__euiomDraw.plot, any: window.__euiomDraw.any, now: performance.now(),
  };
}"""

# A region other than the current one, then the change a user's click would make.
CHANGE_REGION = """() => {
  const dropdown = window.dash_component_api.getLayout('filter-region-dropdown');
  const options = (dropdown.props.options || []).map(o => (typeof o === 'object' ? o.value : o));
  const current = dropdown.props.value || [];
  const next = options.find(value => !current.includes(value));
  const began = performance.now();
  window.dash_clientside.set_props('filter-region-dropdown', {value: [next]});
  return began;
}"""


@dataclass
class Visit:
    """What one page visit cost."""

    ms: float
    bytes: int
    requests: int
    full_plotly: int
    graphs: int


@dataclass
class Network:
    """Bytes and requests of one page, from Chromium's DevTools protocol."""

    bytes: int = 0
    urls: list[str] = field(default_factory=list)
    pending: set[str] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)

    def attach(self, cdp) -> None:
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", lambda event: self.pending.discard(event["requestId"]))

    def _sent(self, event: dict[str, Any]) -> None:
        self.pending.add(event["requestId"])
        self.names[event["requestId"]] = event["request"]["url"]
        self.urls.append(event["request"]["url"])

    def _finished(self, event: dict[str, Any]) -> None:
        self.pending.discard(event["requestId"])
        self.bytes += int(event.get("encodedDataLength", 0))

    def reset(self) -> None:
        self.bytes, self.urls = 0, []


def wait_drawn(
    page, network: Network, since: float, quiet_ms: float, timeout_s: float = 60
) -> tuple[float, int]:
    """Milliseconds from ``since`` (page clock) until the last chart change, and the graph count."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        state = page.evaluate(STATE)
        last = state["plot"] if state["graphs"] else state["any"]
        if (
            state["content"]
            and state["drawn"]
            and not state["loading"]
            and not network.pending
            and state["now"] - state["any"] >= quiet_ms
        ):
            return max(last - since, 0.0), state["graphs"]
        page.wait_for_timeout(50)
    raise TimeoutError(
        f"{page.url} not drawn within {timeout_s} s: {state}, pending {[network.names.get(p) for p in network.pending]}"
    )


def visit(page, network: Network, url: str, quiet_ms: float, timeout_s: float) -> Visit:
    network.reset()
    page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
    ms, graphs = wait_drawn(page, network, 0.0, quiet_ms, timeout_s)
    return Visit(
        ms, network.bytes, len(network.urls), sum(FULL_PLOTLY in u for u in network.urls), graphs
    )


def redraw(page, network: Network, quiet_ms: float) -> Visit:
    network.reset()
    began = page.evaluate(CHANGE_REGION)
    page.wait_for_timeout(20)
    ms, graphs = wait_drawn(page, network, began, quiet_ms)
    return Visit(ms, network.bytes, len(network.urls), 0, graphs)


def measure_page(browser, base: str, path: str, throttled: bool) -> dict[str, Visit]:
    """Cold and warm visits (and, on loopback, a redraw) of one page in a fresh profile."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.add_init_script(OBSERVER)
    cdp = context.new_cdp_session(page)
    network = Network()
    network.attach(cdp)
    cdp.send("Network.enable")
    if throttled:
        cdp.send("Network.emulateNetworkConditions", THROTTLED)
    quiet = 1500.0 if throttled else 700.0
    timeout_s = 150.0 if throttled else 60.0
    found: dict[str, Visit | None] = {}
    try:
        for kind in ("cold", "warm"):
            found[kind] = visit(page, network, base + path, quiet, timeout_s)
        if not throttled and path != "/about":
            found["redraw"] = redraw(page, network, quiet)
    except Exception as error:  # a visit that never finished is counted, not fatal for the run
        print(f"  {base}{path}: {type(error).__name__}: {str(error)[:300]}", flush=True)
        for kind in ("cold", "warm") + (() if throttled or path == "/about" else ("redraw",)):
            found.setdefault(kind, None)
    finally:
        context.close()
    return found


# ---------------------------------------------------------------- servers
def baseline_store(
    code_dir: Path, scratch: Path, commit: str, python: str = sys.executable
) -> Path:
    """A demo store built by the baseline's own code: a store of a newer schema version is one the
    older code refuses to open."""
    store = scratch / f"before-{commit}.duckdb"
    if not store.exists():
        env = {**os.environ, "PYTHONPATH": str(code_dir)}
        subprocess.run(
            [python, "-m", "dashboard", "build-demo", "--store", str(store)],
            cwd=code_dir,
            env=env,
            check=True,
        )
    return store


def dash_version(code_dir: Path, python: str) -> str:
    """The Dash version a server started with ``python`` on ``code_dir`` runs."""
    env = {**os.environ, "PYTHONPATH": str(code_dir)}
    return subprocess.run(
        [python, "-c", "import dash; print(dash.__version__)"],
        cwd=code_dir,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def start(
    code_dir: Path, store: Path, port: int, workers: int, log: Path, python: str = sys.executable
):
    env = {
        **os.environ,
        "EUIOM_STORE": str(store),
        "EUIOM_HOST": "127.0.0.1",
        "EUIOM_PORT": str(port),
        "EUIOM_WORKERS": str(workers),
        # One private state directory per server, made here: the two servers' own configuration
        # code (before and after) then never meets the other's directory.
        "EUIOM_STATE_DIR": tempfile.mkdtemp(prefix="bench-state-"),
    }
    env["PYTHONPATH"] = str(
        code_dir
    )  # the code of code_dir, not the editable install of this worktree
    handle = log.open("wb")
    server = subprocess.Popen(
        [python, "-m", "gunicorn", "-c", "gunicorn.conf.py", "dashboard.wsgi:server"],
        cwd=code_dir,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    wait_until_ready(server, "127.0.0.1", port, log, timeout=120)
    return server


# ---------------------------------------------------------------- report
def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def summarise(raw: dict[str, dict[str, dict[str, list[dict[str, Any]]]]]) -> dict[str, Any]:
    """``{config: {page: {kind: {ms, kb, requests, full_plotly}}}}`` medians over the repeats."""
    summary: dict[str, Any] = {}
    for config, pages in raw.items():
        for path, kinds in pages.items():
            for kind, visits in kinds.items():
                done = [v for v in visits if v is not None]
                summary.setdefault(config, {}).setdefault(path, {})[kind] = {
                    "ms": median([v["ms"] for v in done]),
                    "kb": median([v["bytes"] / 1024 for v in done]),
                    "requests": median([v["requests"] for v in done]),
                    "full_plotly": max((v["full_plotly"] for v in done), default=0),
                    "n": len(done),
                    "timed_out": len(visits) - len(done),
                }
    return summary


KINDS = (
    ("cold", "first visit, loopback"),
    ("warm", "repeat visit, loopback"),
    ("redraw", "filter change, loopback"),
    ("cold-throttled", "first visit, throttled"),
    ("warm-throttled", "repeat visit, throttled"),
)


def table(result: dict[str, Any]) -> str:
    summary, meta = result["summary"], result["meta"]
    lines = [
        f"Run {meta['when']}: `{meta['command']}`; after = commit {meta['after']}, before = commit "
        f"{meta['before']}; {meta['repeats']} repeats, medians."
        + (
            f" Dash: before {meta['dash']['before']}, after {meta['dash']['after']}."
            if meta.get("dash")
            else ""
        ),
        "",
        f"Machine: {meta['machine']['cpus']} CPUs ({meta['machine']['cpu']}), {meta['machine']['ram_gb']} GB RAM; "
        f"Chromium {meta['chromium']}; gunicorn, {meta['workers']} workers each, store {meta['store']}. "
        f"Load average at start {meta['load_start']}, at end {meta['load_end']}"
        + (
            " (the machine was shared with other work: times carry that noise)."
            if meta["shared"]
            else "."
        ),
        "",
        "| page | visit | before: drawn | after: drawn | before: transferred | after: transferred "
        "| requests before / after |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for path in PAGES:
        for kind, label in KINDS:
            before = summary.get("before", {}).get(path, {}).get(kind)
            after = summary.get("after", {}).get(path, {}).get(kind)
            if not before or not after:
                continue

            def drawn(numbers):
                late = f" ({numbers['timed_out']} timed out)" if numbers.get("timed_out") else ""
                return f"{numbers['ms']:,.0f} ms{late}"

            lines.append(
                f"| {path} | {label} | {drawn(before)} | {drawn(after)} | "
                f"{before['kb']:,.0f} KB | {after['kb']:,.0f} KB | "
                f"{before['requests']:.0f} / {after['requests']:.0f} |"
            )
    full = {
        config: max((k["full_plotly"] for p in pages.values() for k in p.values()), default=0)
        for config, pages in summary.items()
    }
    lines += [
        "",
        f"Dash's full `plotly.min.js` fetched: before {'yes' if full.get('before') else 'no'}, "
        f"after {'yes' if full.get('after') else 'no'}.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.browser",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--store", type=Path, default=ROOT / "data" / "store" / "demo.duckdb")
    parser.add_argument("--baseline", default="bcef1ae", help="commit measured as 'before'")
    parser.add_argument(
        "--before-python",
        default=sys.executable,
        help="the Python (of another virtual environment: another Dash) that serves 'before'",
    )
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port-after", type=int, default=8091)
    parser.add_argument("--port-before", type=int, default=8092)
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--no-throttled", action="store_true", help="loopback only")
    parser.add_argument(
        "--scratch", type=Path, default=Path(tempfile.gettempdir()) / "euiom-bench-browser"
    )
    parser.add_argument("--readme", type=Path, default=HERE / "README.md")
    parser.add_argument("--results", type=Path, default=HERE / "browser_results.json")
    parser.add_argument(
        "--report-only", action="store_true", help="rewrite the README table from --results"
    )
    args = parser.parse_args(argv)
    if args.report_only:
        paste_into(args.readme, "browser", table(json.loads(args.results.read_text())))
        return 0

    from playwright.sync_api import sync_playwright

    if not args.store.exists():
        from dashboard.build.stores import build_store

        build_store(args.store, demo=True)
    for port in (args.port_after, args.port_before):
        if not port_is_free("127.0.0.1", port):
            raise SystemExit(f"port {port} is busy: pick others with --port-after/--port-before")
    args.scratch.mkdir(parents=True, exist_ok=True)
    after_commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    baseline = unpack_baseline(args.baseline, args.scratch)
    dash_versions = {
        "after": dash_version(ROOT, sys.executable),
        "before": dash_version(baseline, args.before_python),
    }
    load_start = " ".join(f"{x:.1f}" for x in os.getloadavg())
    servers = {}
    try:
        servers["after"] = start(
            ROOT, args.store, args.port_after, args.workers, args.scratch / "after.log"
        )
        servers["before"] = start(
            baseline,
            baseline_store(baseline, args.scratch, args.baseline, args.before_python),
            args.port_before,
            args.workers,
            args.scratch / "before.log",
            args.before_python,
        )
        bases = {
            "after": f"http://127.0.0.1:{args.port_after}",
            "before": f"http://127.0.0.1:{args.port_before}",
        }
        raw: dict[str, Any] = {}
        pages = [p for p in args.pages.split(",") if p]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            chromium = browser.version
            for repeat in range(args.repeats):
                for path in pages:
                    for throttled in (False,) if args.no_throttled else (False, True):
                        order = ("before", "after") if repeat % 2 == 0 else ("after", "before")
                        for config in order:
                            found = measure_page(browser, bases[config], path, throttled)
                            for kind, result in found.items():
                                name = f"{kind}-throttled" if throttled else kind
                                raw.setdefault(config, {}).setdefault(path, {}).setdefault(
                                    name, []
                                ).append(None if result is None else result.__dict__)
                            print(
                                f"repeat {repeat + 1} {config:6} {path:16} {'throttled' if throttled else 'loopback'}: "
                                + ", ".join(
                                    f"{k} {v.ms:.0f} ms {v.bytes / 1024:.0f} KB"
                                    if v
                                    else f"{k} timed out"
                                    for k, v in found.items()
                                ),
                                flush=True,
                            )
                            args.results.with_suffix(".partial.json").write_text(json.dumps(raw))
            browser.close()
    finally:
        for server in servers.values():
            stop_server(server)
    load_end = " ".join(f"{x:.1f}" for x in os.getloadavg())
    result = {
        "summary": summarise(raw),
        "raw": raw,
        "meta": {
            "when": dt.datetime.now().isoformat(timespec="minutes"),
            "command": "python -m benchmarks.browser "
            + " ".join(argv if argv is not None else sys.argv[1:]),
            "after": after_commit,
            "before": args.baseline,
            "repeats": args.repeats,
            "machine": machine(),
            "chromium": chromium,
            "workers": args.workers,
            "store": args.store.name,
            "load_start": load_start,
            "load_end": load_end,
            "dash": dash_versions,
            "shared": max(float(load_start.split()[0]), float(load_end.split()[0])) > 1.0,
        },
    }
    args.results.write_text(json.dumps(result, indent=1))
    args.results.with_suffix(".partial.json").unlink(missing_ok=True)
    paste_into(args.readme, "browser", table(result))
    print(table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
