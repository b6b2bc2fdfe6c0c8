"""Command line: build stores and import data (``python -m dashboard --help``)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dashboard.build.demo import DEFAULT_ROWS, DEFAULT_SEED
from dashboard.settings import SettingsError, load_settings


def _parser(default_store: Path, default_users_file: Path) -> argparse.ArgumentParser:
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

    add_user = commands.add_parser("add-user", help="add a user to the users file (EUIOM_AUTH=users), or change one")
    add_user.add_argument("name")
    add_user.add_argument("--roles", default="viewer",
                          help="comma-separated roles among viewer, analyst, data_manager (default %(default)s)")
    add_user.add_argument("--users-file", type=Path, default=default_users_file,
                          help="users file (default %(default)s)")
    add_user.add_argument("--password-stdin", action="store_true",
                          help="read the password from standard input instead of asking twice")
    remove_user = commands.add_parser("remove-user", help="remove a user from the users file")
    remove_user.add_argument("name")
    remove_user.add_argument("--users-file", type=Path, default=default_users_file,
                             help="users file (default %(default)s)")
    return parser


def _read_password(from_stdin: bool) -> str:
    import getpass

    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != password:
        raise ValueError("the two passwords differ")
    return password


def _users_command(args: argparse.Namespace) -> int:
    from dashboard.auth.users_file import UsersFileError, add_user, remove_user

    try:
        if args.command == "remove-user":
            if not remove_user(args.users_file, args.name):
                print(f"No user {args.name!r} in {args.users_file}.", file=sys.stderr)
                return 1
            print(f"Removed {args.name} from {args.users_file}.")
            return 0
        entry = add_user(args.users_file, args.name, _read_password(args.password_stdin), args.roles.split(","))
    except (UsersFileError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{entry.name} ({', '.join(entry.roles)}) saved in {args.users_file}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    args = _parser(settings.store_path, settings.users_file).parse_args(argv)
    if args.command in ("add-user", "remove-user"):
        return _users_command(args)
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
