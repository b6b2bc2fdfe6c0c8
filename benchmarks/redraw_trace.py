"""Where the browser's main thread spends a redraw: from a filter change to the last chart change.

    python -m benchmarks.redraw_trace --baseline main --store /tmp/x/store.duckdb --repeats 3

Serves "after" (this worktree) and "before" (``--baseline``, unpacked with ``git archive``) as
``benchmarks.browser`` does, opens each page in headless Chromium, waits until it is drawn, then
changes the region filter (as ``benchmarks.browser``'s redraw does) with Chromium's tracing
(``devtools.timeline``) and V8's sampling profiler running. For the window from the change to the
last change inside a chart it reports, per redraw:

- **main thread busy**: the renderer main thread's top-level tasks inside the window (what a
  shared machine inflates least: time waiting for the server is not in it);
- **JS self time by script** (profiler samples inside the window, grouped: Dash's renderer, the
  plotly bundle, dcc, React, our assets, ...); time in a layout forced from a script counts for
  the script here;
- **style, layout, paint** (trace events inside the window) and the **forced layouts** (a layout
  or style recalculation run inside a script's task: layout thrash), with the scripts that forced
  them;
- the answers that arrived (``_dash-update-component``) and when, from the change.

Results: a JSON file (``--results``) and a table on stdout (medians over repeats).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from benchmarks.baseline import unpack_baseline
from benchmarks.browser import (
    CHANGE_REGION,
    CHROMIUM,
    CHROMIUM_ARGS,
    OBSERVER,
    Network,
    start,
    wait_drawn,
)
from benchmarks.load import port_is_free, stop_server

ROOT = Path(__file__).resolve().parent.parent
CATEGORIES = ",".join(
    [
        "devtools.timeline",
        "disabled-by-default-devtools.timeline",
        "disabled-by-default-devtools.timeline.stack",
        "blink.user_timing",
        "v8.execute",
        "v8",
    ]
)
# Script groups, by the first pattern their URL matches.
GROUPS = (
    ("plotly bundle", r"plotly-[\d.]+-euiom\.min\.js|plotly(\.min)?\.js"),
    ("dcc", r"dash_core_components|dcc/|async-graph|async-dropdown|async-"),
    ("dash-renderer", r"dash_renderer|dash-renderer"),
    ("react", r"react(-dom)?@|react-dom|/react\."),
    ("dbc", r"dash_bootstrap_components"),
    ("ag-grid", r"dash_ag_grid|ag-grid"),
    ("our assets", r"/assets/"),
    ("other scripts", r"."),
)
STYLE_LAYOUT_PAINT = {
    "UpdateLayoutTree": "style",
    "ScheduleStyleRecalculation": None,
    "Layout": "layout",
    "PrePaint": "paint",
    "Paint": "paint",
    "PaintImage": "paint",
    "Layerize": "paint",
    "UpdateLayer": "paint",
    "Commit": "paint",
    "RasterTask": None,
    "HitTest": "hit test",
    "MinorGC": "gc",
    "MajorGC": "gc",
    "V8.GC_SCAVENGER": None,
    "ParseHTML": "parse html",
}
SCRIPT_TASKS = {
    "FunctionCall",
    "EvaluateScript",
    "TimerFire",
    "FireAnimationFrame",
    "EventDispatch",
    "v8.callFunction",
    "V8.Execute",
    "RunMicrotasks",
    "FireIdleCallback",
}
MARK = "euiom-redraw-start"
# When each chart changed (page clock), for the window's timeline.
PLOT_CHANGES = """
window.__euiomPlotChanges = [];
new MutationObserver(records => {
  const now = performance.now();
  for (const record of records) {
    const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
    const plot = node && node.closest && node.closest('.dash-graph');
    if (plot) { window.__euiomPlotChanges.push([now, plot.id]); }
  }
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""


def group_of(url: str) -> str:
    if not url:
        return "(native, no script)"
    for name, pattern in GROUPS:
        if re.search(pattern, url):
            return name
    return "other scripts"


def asset_name(url: str) -> str:
    found = re.search(r"/assets/([^?]+)", url)
    return found.group(1) if found else ""


def profile_self_times(
    profile: dict, begin_us: float, end_us: float, timeline: list | None = None
) -> tuple[Counter, Counter]:
    """Self time (ms) inside [begin, end] by script group, and by asset file; each sample's
    (time, width, group) appended to ``timeline``."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    parents = {child: node["id"] for node in profile["nodes"] for child in node.get("children", [])}

    def caller_url(node_id: int) -> str:
        while node_id in parents:
            node_id = parents[node_id]
            url = nodes[node_id]["callFrame"].get("url", "")
            if url:
                return url
        return ""

    groups: Counter = Counter()
    assets: Counter = Counter()
    at = profile["startTime"]
    samples, deltas = profile.get("samples", []), profile.get("timeDeltas", [])
    for index, (node_id, delta) in enumerate(zip(samples, deltas, strict=True)):
        at += delta
        if not begin_us <= at <= end_us:
            continue
        # A sample stands for the time until the next one.
        width = deltas[index + 1] if index + 1 < len(deltas) else 0
        frame = nodes[node_id]["callFrame"]
        name = frame.get("functionName", "")
        if name in ("(idle)",):
            continue
        if name in ("(program)", "(garbage collector)", "(root)"):
            groups[name] += width / 1000
            continue
        url = frame.get("url", "")
        groups[group_of(url)] += width / 1000
        if timeline is not None:
            timeline.append((at, width, group_of(url or caller_url(node_id))))
        if not url:
            caller = caller_url(node_id)
            label = group_of(caller)
            if label == "our assets":
                label = asset_name(caller)
            assets[f"(native) {name} from {label}"] += width / 1000
        if "/assets/" in url and "plotly" not in url:
            assets[f"{asset_name(url)} {name or '(anonymous)'}"] += width / 1000
    return groups, assets


def main_thread(events: list[dict]) -> tuple[int, int] | None:
    """(pid, tid) of the page's renderer main thread."""
    for event in events:
        if (
            event.get("name") == "thread_name"
            and event.get("args", {}).get("name") == "CrRendererMain"
        ):
            pid = event["pid"]
            if any(e.get("pid") == pid and e.get("name") == MARK for e in events):
                return pid, event["tid"]
    return None


def stack_group(event: dict) -> str:
    data = event.get("args", {}).get("beginData", {}) or event.get("args", {}).get("data", {})
    for frame in data.get("stackTrace", []) or []:
        url = frame.get("url", "")
        if url:
            label = group_of(url)
            return f"{label}: {asset_name(url)}" if label == "our assets" else label
    return "?"


def trace_summary(events: list[dict], begin_us: float, end_us: float) -> dict[str, Any]:
    """Busy time, style/layout/paint and forced layouts of the main thread inside the window."""
    thread = main_thread(events)
    if thread is None:
        return {}
    pid, tid = thread
    mine = [
        e
        for e in events
        if e.get("pid") == pid and e.get("tid") == tid and e.get("ph") == "X" and "dur" in e
    ]
    mine.sort(key=lambda e: (e["ts"], -e["dur"]))
    busy = 0.0
    busy_cpu = 0.0
    tasks = []
    top_end = -1.0
    kinds: Counter = Counter()
    forced: Counter = Counter()
    forced_by: Counter = Counter()
    script_until = -1.0
    for event in mine:
        ts, dur, name = event["ts"], event["dur"], event["name"]
        end = ts + dur
        if end < begin_us or ts > end_us:
            continue
        clipped = (min(end, end_us) - max(ts, begin_us)) / 1000
        if ts >= top_end and name in ("RunTask", "ThreadControllerImpl::RunTask"):
            busy += clipped
            # Thread time (CPU) of the task, in the share of it inside the window.
            busy_cpu += event.get("tdur", dur) / 1000 * (clipped * 1000 / dur if dur else 1)
            top_end = end
            if dur > 3000:
                tasks.append((ts, end))
        kind = STYLE_LAYOUT_PAINT.get(name)
        if kind:
            kinds[kind] += clipped
            if kind in ("style", "layout") and ts < script_until:
                forced[kind] += clipped
                forced_by[stack_group(event)] += clipped
        if name in SCRIPT_TASKS:
            script_until = max(script_until, end)
    return {
        "busy_ms": busy,
        "busy_cpu_ms": busy_cpu,
        "tasks": tasks,
        "kinds_ms": dict(kinds),
        "forced_ms": dict(forced),
        "forced_by_ms": dict(forced_by),
    }


def trace_redraw(
    browser, base: str, path: str, quiet_ms: float = 700.0, profiler: bool = True
) -> dict[str, Any]:
    """Open ``path`` drawn, change the region with tracing and profiling on; the window's figures."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.add_init_script(OBSERVER)
    page.add_init_script(PLOT_CHANGES)
    cdp = context.new_cdp_session(page)
    network = Network()
    network.attach(cdp)
    answers: list[dict[str, Any]] = []
    sent: dict[str, float] = {}
    outputs: dict[str, str] = {}

    def on_sent(event):
        if "_dash-update-component" in event["request"]["url"]:
            sent[event["requestId"]] = event["timestamp"]
            try:
                body = json.loads(event["request"].get("postData") or "{}")
                outputs[event["requestId"]] = str(body.get("output", ""))[:60]
            except ValueError:
                outputs[event["requestId"]] = "?"

    def on_done(event):
        if event["requestId"] in sent:
            answers.append(
                {
                    "sent": sent[event["requestId"]],
                    "done": event["timestamp"],
                    "output": outputs.get(event["requestId"], "?"),
                    "bytes": event.get("encodedDataLength", 0),
                }
            )

    cdp.on("Network.requestWillBeSent", on_sent)
    cdp.on("Network.loadingFinished", on_done)
    cdp.send("Network.enable")
    try:
        page.goto(base + path, wait_until="commit", timeout=60_000)
        wait_drawn(page, network, 0.0, quiet_ms, 60)
        page.wait_for_timeout(300)
        chunks: list[dict] = []
        finished = []
        cdp.on("Tracing.dataCollected", lambda event: chunks.extend(event["value"]))
        cdp.on("Tracing.tracingComplete", lambda event: finished.append(True))
        cdp.send("Tracing.start", {"categories": CATEGORIES, "transferMode": "ReportEvents"})
        if profiler:
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 100})
            cdp.send("Profiler.start")
        page.wait_for_timeout(100)
        sent.clear()
        answers.clear()
        network.reset()
        began = page.evaluate(
            "(change) => { performance.mark('" + MARK + "'); return eval(change)(); }",
            f"({CHANGE_REGION})",
        )
        mark_now = page.evaluate(f"() => performance.getEntriesByName('{MARK}')[0].startTime")
        page.wait_for_timeout(20)
        ms, graphs = wait_drawn(page, network, began, quiet_ms)
        changes = page.evaluate(
            "(began) => window.__euiomPlotChanges.filter(c => c[0] >= began)", began
        )
        profile = (
            cdp.send("Profiler.stop")["profile"]
            if profiler
            else {"nodes": [], "startTime": 0, "samples": [], "timeDeltas": []}
        )
        cdp.send("Tracing.end")
        deadline = time.monotonic() + 30
        while not finished and time.monotonic() < deadline:
            page.wait_for_timeout(100)
    finally:
        context.close()
    mark = next(e for e in chunks if e.get("name") == MARK)
    offset_us = mark["ts"] - mark_now * 1000  # trace clock minus page clock
    begin_us = began * 1000 + offset_us
    end_us = begin_us + ms * 1000
    samples: list = []
    groups, assets = profile_self_times(profile, begin_us, end_us, samples)
    summary = trace_summary(chunks, begin_us, end_us)
    tasks = []
    for task_begin, task_end in summary.pop("tasks", []):
        inside = Counter()
        for at, width, label in samples:
            if task_begin <= at <= task_end:
                inside[label] += width / 1000
        tasks.append(
            [
                round((task_begin - begin_us) / 1000),
                round((task_end - task_begin) / 1000, 1),
                {k: round(v, 1) for k, v in inside.most_common(4)},
            ]
        )
    first = min((a["sent"] for a in answers), default=None)
    changed: dict[str, list[float]] = {}
    for at, graph in changes:
        span = changed.setdefault(graph, [at - began, at - began])
        span[1] = at - began
    return {
        "redraw_ms": ms,
        "graphs": graphs,
        **summary,
        "js_ms": dict(groups),
        "assets_ms": dict(assets.most_common(20)),
        "tasks": tasks,
        "charts_changed_ms": {graph: [round(a), round(b)] for graph, (a, b) in changed.items()},
        "answers": [
            {
                "sent_ms": round(a["sent"] * 1000 - begin_us / 1000, 1) if first else None,
                "done_ms": round(a["done"] * 1000 - begin_us / 1000, 1),
                "bytes": a["bytes"],
                "output": a["output"],
            }
            for a in sorted(answers, key=lambda a: a["done"])
        ],
    }


def medians(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The median of every number over ``runs`` (nested dicts of numbers)."""
    keys: dict[str, list] = defaultdict(list)

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(f"{prefix}{key}/", item)
        elif isinstance(value, (int, float)):
            keys[prefix.rstrip("/")].append(value)

    for run in runs:
        for key in (
            "redraw_ms",
            "busy_ms",
            "busy_cpu_ms",
            "kinds_ms",
            "forced_ms",
            "forced_by_ms",
            "js_ms",
        ):
            walk(key + "/", run.get(key, {}))
    return {
        key: statistics.median(values + [0] * (len(runs) - len(values)))
        for key, values in keys.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.redraw_trace",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--baseline", default="main")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pages", default="/pillars,/sustainability")
    parser.add_argument("--port-after", type=int, default=8693)
    parser.add_argument("--port-before", type=int, default=8694)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/redraw-trace"))
    parser.add_argument("--results", type=Path, default=Path("/tmp/redraw-trace/results.json"))
    parser.add_argument("--only", choices=("before", "after"), help="serve and measure one side")
    parser.add_argument(
        "--no-profiler", action="store_true", help="tracing only (no JS self times, less overhead)"
    )
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    args.scratch.mkdir(parents=True, exist_ok=True)
    sides = [args.only] if args.only else ["before", "after"]
    code = {"after": ROOT}
    if "before" in sides:
        code["before"] = unpack_baseline(args.baseline, args.scratch)
    ports = {"after": args.port_after, "before": args.port_before}
    servers = {}
    runs: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    try:
        for side in sides:
            if not port_is_free("127.0.0.1", ports[side]):
                raise SystemExit(f"port {ports[side]} is busy")
            servers[side] = start(
                code[side], args.store, ports[side], args.workers, args.scratch / f"{side}.log"
            )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            for repeat in range(args.repeats):
                for path in [p for p in args.pages.split(",") if p]:
                    order = sides if repeat % 2 == 0 else sides[::-1]
                    for side in order:
                        found = trace_redraw(
                            browser,
                            f"http://127.0.0.1:{ports[side]}",
                            path,
                            profiler=not args.no_profiler,
                        )
                        runs[side][path].append(found)
                        print(
                            f"repeat {repeat + 1} {side:6} {path:16} redraw {found['redraw_ms']:.0f} ms, "
                            f"busy {found.get('busy_ms', 0):.0f} ms (CPU {found.get('busy_cpu_ms', 0):.0f} ms), js "
                            + json.dumps({k: round(v) for k, v in sorted(found["js_ms"].items())}),
                            flush=True,
                        )
            browser.close()
    finally:
        for server in servers.values():
            stop_server(server)
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(runs, indent=1))
    for path in [p for p in args.pages.split(",") if p]:
        print(f"\n{path} (medians of {args.repeats}, ms)")
        table = {side: medians(runs[side][path]) for side in sides}
        for key in sorted(set().union(*table.values())):
            print(
                f"  {key:60} "
                + "  ".join(f"{side} {table[side].get(key, 0):8.1f}" for side in sides)
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
