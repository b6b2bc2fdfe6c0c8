"""Every callback's answer for a set of selections, to check that a speed change changes nothing.

    python -m benchmarks.answers dump --store /tmp/bench/1m.duckdb --out /tmp/after.json
    python -m benchmarks.answers compare /tmp/before.json /tmp/after.json

``dump`` creates the app in-process (answer cache off), then posts, for ``--selections``
deterministic selections (the empty one, single countries, random mixes; every fourth also in
French), every callback of every page that reads the filters, and the shell's filter -> URL/store
callback, and writes each answer (status and parsed JSON) keyed on language, selection, page and
callback. Run it on the code before a change (e.g. ``git archive`` into a directory, then
``PYTHONPATH=that_dir python -m benchmarks.answers dump ...`` from there) and after it; ``compare``
lists the answers that differ and where, and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

FRENCH_EVERY = 4


def dump(store: Path, count: int, seed: int) -> dict[str, Any]:
    from benchmarks.dashflow import (
        LANGUAGE,
        SELECTION,
        DashSite,
        FlaskTransport,
        build_body,
        selection_values,
        selections,
    )
    from dashboard.app import create_app
    from dashboard.settings import load_settings
    from layouts.pages import PAGES

    app = create_app(replace(load_settings({}), store_path=store, cache_dir=None))
    transport = FlaskTransport(app.server)
    site = DashSite(transport, tuple(page.path for page in PAGES)).load()
    sync = next(spec for spec in site.callbacks if SELECTION in spec.outputs)
    answers: dict[str, Any] = {}
    for number, selection in enumerate(selections(count, seed, site.filter_options())):
        for lang in ("en", "fr") if number % FRENCH_EVERY == 0 else ("en",):
            for path in site.page_paths:
                for spec in [*site.main_callbacks(path), sync]:
                    values = selection_values(site.defaults(path), selection)
                    values[LANGUAGE] = lang
                    trigger = [("filter-country-dropdown", "value")] if spec is sync else [SELECTION]
                    status, raw = transport.post("/_dash-update-component", build_body(spec, values, trigger))
                    answers[f"{lang}|{number}|{path}|{spec.name}"] = [
                        status, json.loads(raw) if status == 200 else raw.decode(errors="replace")[:300]]
    return answers


def first_difference(before: Any, after: Any, path: str = "") -> str | None:
    """Where ``before`` and ``after`` first differ, or None."""
    if type(before) is not type(after):
        return f"{path}: {type(before).__name__} -> {type(after).__name__}"
    if isinstance(before, dict):
        for key in sorted(set(before) | set(after)):
            if key not in before or key not in after:
                return f"{path}/{key}: {'added' if key in after else 'removed'}"
            found = first_difference(before[key], after[key], f"{path}/{key}")
            if found:
                return found
        return None
    if isinstance(before, list):
        if len(before) != len(after):
            return f"{path}: {len(before)} items -> {len(after)}"
        for index, (left, right) in enumerate(zip(before, after, strict=True)):
            found = first_difference(left, right, f"{path}[{index}]")
            if found:
                return found
        return None
    return None if before == after else f"{path}: {before!r:.100} -> {after!r:.100}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.answers", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump")
    dumping.add_argument("--store", type=Path, default=Path("/tmp/bench/1m.duckdb"))
    dumping.add_argument("--out", type=Path, required=True)
    dumping.add_argument("--selections", type=int, default=24)
    dumping.add_argument("--seed", type=int, default=11)
    comparing = commands.add_parser("compare")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        answers = dump(args.store, args.selections, args.seed)
        args.out.write_text(json.dumps(answers, sort_keys=True))
        print(f"{len(answers)} answers written to {args.out}")
        return 0
    before, after = json.loads(args.before.read_text()), json.loads(args.after.read_text())
    different = {key: first_difference(before.get(key), after.get(key)) for key in sorted(set(before) | set(after))}
    different = {key: where for key, where in different.items() if where}
    for key, where in list(different.items())[:20]:
        print(f"{key}\n    {where}")
    print(f"{len(before)} answers before, {len(after)} after, {len(different)} different")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
