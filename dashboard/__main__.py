"""Command line: build stores and import data (``python -m dashboard --help``)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dashboard.build.demo import DEFAULT_ROWS, DEFAULT_SEED
from dashboard.settings import SettingsError, load_settings


def _parser(default_store: Path) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("build-demo", help="build a store of reference data and demo data")
    demo.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    demo.add_argument("--rows", type=int, default=DEFAULT_ROWS, help="survey records (default %(default)s)")
    demo.add_argument("--store", type=Path, default=default_store, help="store file (default %(default)s)")

    empty = commands.add_parser("build-empty", help="build a store of reference data only, for imports")
    empty.add_argument("--store", type=Path, required=True, help="store file to create")

    upgrade = commands.add_parser("upgrade", help="bring a store built by an older version up to date, keeping its data")
    upgrade.add_argument("--store", type=Path, default=default_store, help="store file (default %(default)s)")

    importing = commands.add_parser("import", help="import a CSV, Excel or Parquet file (all-or-nothing)")
    importing.add_argument("file", type=Path)
    importing.add_argument("--store", type=Path, default=default_store, help="store file (default %(default)s)")
    importing.add_argument("--kind", choices=("indicators", "survey"), help="default: from the columns")
    importing.add_argument("--replace-demo", action="store_true",
                           help="remove the store's demo data in the same transaction")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    args = _parser(settings.store_path).parse_args(argv)
    if args.command in ("build-demo", "build-empty"):
        from dashboard.build.stores import build_store

        if args.command == "build-demo" and args.rows < 1:
            print("--rows must be at least 1", file=sys.stderr)
            return 2
        started = time.perf_counter()
        demo = args.command == "build-demo"
        path = build_store(args.store, demo=demo, seed=getattr(args, "seed", DEFAULT_SEED),
                           rows=getattr(args, "rows", DEFAULT_ROWS))
        kind = f"demo store ({args.rows:,} survey records, seed {args.seed})" if demo else "empty store"
        print(f"Built {kind} at {path} in {time.perf_counter() - started:.1f} s")
        return 0
    if args.command == "upgrade":
        from dashboard.build.stores import upgrade_store

        try:
            old = upgrade_store(args.store)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"Upgraded {args.store} from schema version {old}.")
        return 0
    from dashboard.build.importer import ImportRefused, import_file

    try:
        result = import_file(args.store, args.file, kind=args.kind,
                             weights=settings.composite_weights, replace_demo=args.replace_demo)
    except ImportRefused as refused:
        print(refused, file=sys.stderr)
        return 1
    print(f"Imported {result.rows:,} {result.kind} rows from {result.file} as batch {result.batch_id}.")
    for note in result.notes:
        print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
