"""Every answer the pages, embeds and API give for a set of selections, to check that a change of
code changes no answer.

    python -m benchmarks.answers dump --store /tmp/bench/1m.duckdb --out /tmp/after.json
    python -m benchmarks.answers compare /tmp/before.json /tmp/after.json

``dump`` creates the app in-process (answer cache off), then, for ``--selections`` deterministic
selections (the empty one, single countries, random mixes; every fourth also in French):

- posts every server callback of every page that follows the filters or the page's options (it
  reads the selection store or a page options store) as the browser would on each event that
  calls it: the page loads, the filters change, the page options change; and the shell's
  filter -> URL/store callback;
- fetches every chart's embed page and its data from the API (``/api/v1/charts/<key>``).

Callback answers are recorded **per output** (language, selection, page, event, component id and
property), not per callback, so that callbacks may be merged or split without changing the keys: an
output left unchanged (``no_update``) is not recorded, as it shows what it showed before; an output
several callbacks write on one event keeps every answer, in a stable order. Run it on the code
before a change (e.g. ``git archive`` into a directory, then
``PYTHONPATH=that_dir python -m benchmarks.answers dump ...`` from there) and after it;
``compare`` counts the outputs compared, equal, different and present on one side only, lists the
first differences, and exits 1 if any output differs.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

FRENCH_EVERY = 4
# Every page a visitor may open (the import page answers 403 to one who is not signed in, and is
# skipped); the same on every version of the code, so dumps of two versions compare.
PAGE_PATHS = ("/", "/pillars", "/sustainability", "/about", "/import")
OPTIONS_STORE_TYPE = '"type":"page-options-store"'
# Page options tried in turn (selection number modulo their count), over each page's defaults;
# "profile" opens the map's profile on the selection's first country (as ``selection_values`` does).
OPTION_VARIANTS: dict[str, list[dict[str, str]]] = {
    "/": [
        {},
        {"profile": "*"},
        {"colour": "eutf", "profile": "*"},
        {"colour": "indicator", "provinces": "1"},
        {"colour": "region", "provinces": "1", "profile": "AFG"},
        {"colour": "eutf", "measure": "budget"},
    ],
    "/pillars": [
        {},
        {"trend": "action", "by_sex": "1"},
        {"eutf_pillar": "3", "drill": "JI-HOA"},
        {"indicator": "reintegration_started"},
    ],
    "/sustainability": [
        {},
        {"group": "sex", "measure": "economic", "threshold": "0.7"},
        {"group": "country"},
        {"group": "age_group", "measure": "social"},
        {"group": "action", "a": "PILOT", "b": "JI-NA"},
    ],
}
PAGE_OF_CHART = {"map": "/", "pillars": "/pillars", "sustainability": "/sustainability"}
DEFAULT_PROFILE_COUNTRY = "GIN"
URL_KEYS = {
    "regions": "region",
    "statuses": "status",
    "actions": "action",
    "countries": "country",
    "pillars": "pillar",
    "period_start": "from",
    "period_end": "to",
}


def _options_store(spec: Any) -> tuple[str, str] | None:
    """The page options store the callback reads, if any."""
    return next((item for item in spec.inputs if OPTIONS_STORE_TYPE in item[0]), None)


def _query(selection: dict[str, Any], lang: str, options: dict[str, str]) -> str:
    """The selection and page options as the address (and the API) write them."""
    items = []
    for name, key in URL_KEYS.items():
        value = selection.get(name)
        if isinstance(value, list) and value:
            items.append((key, ",".join(str(part) for part in value)))
        elif isinstance(value, str):
            items.append((key, value))
    profile = (selection.get("countries") or [DEFAULT_PROFILE_COUNTRY])[0]
    items.extend((name, profile if text == "*" else text) for name, text in options.items())
    return "?" + urlencode([*items, ("lang", lang)], safe=",")


def with_options(values: dict[Any, Any], path: str, number: int) -> dict[Any, Any]:
    """``values`` with the page's options store holding the options variant of selection ``number``."""
    from benchmarks.dashflow import PROFILE_STORE  # the selection's first country, or a busy one

    variants = OPTION_VARIANTS.get(path) or [{}]
    variant = variants[number % len(variants)]
    for key, value in values.items():
        if OPTIONS_STORE_TYPE in key[0] and key[1] == "data" and isinstance(value, dict):
            chosen = {
                name: values[PROFILE_STORE] if text == "*" else text
                for name, text in variant.items()
            }
            values[key] = {**value, **chosen}
    return values


def record_answer(answers: dict[str, Any], prefix: str, spec: Any, status: int, raw: bytes) -> None:
    """Each output one callback answered, under ``prefix|id.property`` (an output it left unchanged,
    ``no_update``, is not recorded: it shows what it showed before)."""
    from benchmarks.dashflow import response_values

    values = response_values(raw) if status == 200 else {}
    for component, prop in spec.outputs:
        prop = prop.split("@")[0]
        if status == 200 and (component, prop) not in values:
            continue
        value = (
            values[(component, prop)]
            if status == 200
            else {"status": status, "body": raw.decode(errors="replace")[:300]}
        )
        answers.setdefault(f"{prefix}|{component}.{prop}", []).append(value)


def events(spec: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    """When the browser calls ``spec``, as (event, changed properties): the page loads (nothing
    changed yet), the filters change (it reads the selection store), the page options change (it
    reads the page's options store)."""
    from benchmarks.dashflow import SELECTION

    found = [("load", [])]
    if spec.reads(SELECTION):
        found.append(("filters", [SELECTION]))
    if _options_store(spec) is not None:
        found.append(("options", [_options_store(spec)]))
    return found


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

    # Rate limits out of the way: the dump asks for far more than a person would.
    unlimited = {
        "api_rate": "1000000/minute",
        "embed_rate": "1000000/minute",
        "export_rate": "1000000/minute",
    }
    app = create_app(replace(load_settings({}), store_path=store, cache_dir=None, **unlimited))
    transport = FlaskTransport(app.server)
    site = DashSite(transport, PAGE_PATHS).load()
    sync = next(spec for spec in site.callbacks if SELECTION in spec.outputs)
    status, raw = transport.get("/api/v1/charts")
    charts = (
        [(chart["chart"], chart["page"]) for chart in json.loads(raw)["charts"]]
        if status == 200
        else []
    )
    answers: dict[str, Any] = {}
    for number, selection in enumerate(selections(count, seed, site.filter_options())):
        for lang in ("en", "fr") if number % FRENCH_EVERY == 0 else ("en",):
            for path in site.page_paths:
                values = with_options(
                    selection_values(site.defaults(path), selection), path, number
                )
                values[LANGUAGE] = lang
                following = [
                    spec
                    for spec in site.callbacks
                    if spec.page in (path, "shell")
                    and spec is not sync
                    and (spec.reads(SELECTION) or _options_store(spec) is not None)
                ]
                for spec in following:
                    for event, changed in events(spec):
                        status, raw = transport.post(
                            "/_dash-update-component", build_body(spec, values, changed)
                        )
                        record_answer(answers, f"{lang}|{number}|{path}|{event}", spec, status, raw)
                status, raw = transport.post(
                    "/_dash-update-component",
                    build_body(sync, values, [("filter-country-dropdown", "value")]),
                )
                record_answer(answers, f"{lang}|{number}|{path}|filters", sync, status, raw)
            for chart, page in charts:
                variants = OPTION_VARIANTS.get(PAGE_OF_CHART.get(page, ""), [{}])
                query = _query(selection, lang, variants[number % len(variants)])
                for kind, address in (
                    ("embed", f"/embed/{chart}"),
                    ("api", f"/api/v1/charts/{chart}"),
                ):
                    status, raw = transport.get(address + query)
                    body: Any = raw.decode(errors="replace")
                    if kind == "api" and status == 200:
                        body = json.loads(raw)
                    answers[f"{lang}|{number}|{kind}|{chart}"] = {"status": status, "body": body}
    for key, value in answers.items():
        if isinstance(value, list):  # the answers of several callbacks writing one output
            answers[key] = sorted(value, key=lambda item: json.dumps(item, sort_keys=True))
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


def compare(before: dict[str, Any], after: dict[str, Any], shown: int = 20) -> int:
    """Print the counts (and the first differences); the number of outputs that differ."""
    common = sorted(set(before) & set(after))
    different = {
        key: where for key in common if (where := first_difference(before[key], after[key]))
    }
    only_before, only_after = sorted(set(before) - set(after)), sorted(set(after) - set(before))
    for key, where in list(different.items())[:shown]:
        print(f"{key}\n    {where}")
    for label, keys in (("only before", only_before), ("only after", only_after)):
        # What one side lacks, by the page and output it names (the language and selection vary).
        kinds = sorted({"|".join(key.split("|")[2:]) for key in keys})
        if kinds:
            print(
                f"{label}: {len(keys)} answers of {len(kinds)} outputs: {', '.join(kinds[:shown])}"
            )
    print(
        f"{len(before)} answers before, {len(after)} after: {len(common)} compared, "
        f"{len(common) - len(different)} equal, {len(different)} different, "
        f"{len(only_before)} only before, {len(only_after)} only after"
    )
    return len(different)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.answers",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
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
    return 1 if compare(before, after) else 0


if __name__ == "__main__":
    sys.exit(main())
