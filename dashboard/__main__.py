"""Command line: build stores, import data, roll back (``python -m dashboard --help``).

A store is a store directory (versions plus a ``current`` pointer: every change makes a new
version that running servers switch to) or a single ``.duckdb`` file (changed in place, only
while no server reads it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from dashboard.build.demo import DEFAULT_ROWS, DEFAULT_SEED
from dashboard.settings import SettingsError, load_settings

CLI_USER = "command line"


def _parser(default_store: Path, default_users_file: Path) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    store_help = "store directory or .duckdb file (default %(default)s)"

    demo = commands.add_parser("build-demo", help="build a store of reference data and demo data")
    demo.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    demo.add_argument("--rows", type=int, default=DEFAULT_ROWS, help="survey records (default %(default)s)")
    demo.add_argument("--store", type=Path, default=default_store, help=store_help)
    demo.add_argument("--if-missing", action="store_true", help="do nothing when the store exists already")
    demo.add_argument("--release-seed", type=int, default=None,
                      help="secret seed of the protected release, kept in the store and never shown (default: a "
                           "fresh random one); give the same one to rebuild the same demo release")

    empty = commands.add_parser("build-empty", help="build a store of reference data only, for imports")
    empty.add_argument("--store", type=Path, required=True, help="store directory or .duckdb file to create")

    upgrade = commands.add_parser("upgrade", help="bring a store built by an older version up to date, keeping its data")
    upgrade.add_argument("--store", type=Path, default=default_store, help=store_help)

    importing = commands.add_parser("import", help="import a CSV, Excel or Parquet file (all-or-nothing)")
    importing.add_argument("file", type=Path)
    importing.add_argument("--store", type=Path, default=default_store, help=store_help)
    importing.add_argument("--kind", choices=("indicators", "survey"), help="default: from the columns")
    importing.add_argument("--replace-demo", action="store_true",
                           help="remove the store's demo data in the same transaction")
    importing.add_argument("--check", action="store_true", help="report on the file, write nothing")

    history = commands.add_parser("history", help="list a store directory's imports, rollbacks and builds")
    history.add_argument("--store", type=Path, default=default_store, help=store_help)

    rollback = commands.add_parser("rollback", help="serve again the store as it was before a history entry")
    rollback.add_argument("entry", type=int, nargs="?", help="history entry id (default: the last one)")
    rollback.add_argument("--store", type=Path, default=default_store, help=store_help)

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


def _build(args) -> int:
    from dashboard.build.stores import build_store
    from dashboard.store import StoreError, served_file

    if args.command == "build-demo" and args.rows < 1:
        print("--rows must be at least 1", file=sys.stderr)
        return 2
    if getattr(args, "if_missing", False):
        try:
            served_file(args.store)
            return 0
        except StoreError:
            pass
    started = time.perf_counter()
    demo = args.command == "build-demo"
    path = build_store(args.store, demo=demo, seed=getattr(args, "seed", DEFAULT_SEED),
                       rows=getattr(args, "rows", DEFAULT_ROWS), user=CLI_USER,
                       release_seed=getattr(args, "release_seed", None))
    kind = f"demo store ({args.rows:,} survey records, seed {args.seed})" if demo else "empty store"
    print(f"Built {kind} at {path} in {time.perf_counter() - started:.1f} s")
    return 0


def _import(args, settings) -> int:
    from dashboard.build.importer import ImportRefused, check_file, import_file, problem_lines
    from dashboard.store import connect_read_only, served_file

    if args.check:
        store_file, _ = served_file(args.store)
        connection = connect_read_only(store_file)
        try:
            report = check_file(connection, args.file, kind=args.kind, weights=settings.composite_weights,
                                replace_demo=args.replace_demo)
        finally:
            connection.close()
        if report.problems:
            print(f"{report.file} would be refused ({len(report.problems)} problem(s)):", file=sys.stderr)
            print("\n".join(problem_lines(report.problems)), file=sys.stderr)
            return 1
        print(f"{report.file}: {report.rows:,} rows of {report.kind} would be imported"
              + (", replacing the demo data" if report.replaces_demo else "") + ".")
        for note in report.notes:
            print(f"Note: {note}")
        return 0
    try:
        result = import_file(args.store, args.file, kind=args.kind, weights=settings.composite_weights,
                             replace_demo=args.replace_demo, user=CLI_USER, keep=settings.keep_versions)
    except ImportRefused as refused:
        print(refused, file=sys.stderr)
        return 1
    where = f" as version {result.version} (servers switch to it within seconds)" if result.version else ""
    print(f"Imported {result.rows:,} rows of {result.kind} from {result.file} as batch {result.batch_id}{where}.")
    for note in result.notes:
        print(f"Note: {note}")
    return 0


def _history(args) -> int:
    from dashboard.build import versions
    from dashboard.store import current_version_name, is_store_directory

    if not is_store_directory(args.store):
        print(f"{args.store} is a single store file: only store directories keep a history", file=sys.stderr)
        return 1
    served = current_version_name(args.store).removesuffix(".duckdb")
    for entry in versions.read_history(args.store):
        mark = "*" if entry.get("version") == served else " "
        print(f"{mark} {entry.get('id'):>4}  {entry.get('at')}  {entry.get('action'):<8} {entry.get('version')}  "
              f"by {entry.get('user')}  {entry.get('file') or entry.get('kind') or ''}  rows={entry.get('rows')}  "
              f"sha256={(entry.get('sha256') or '')[:12]}")
    return 0


def _rollback(args) -> int:
    from dashboard.build import versions

    entry = args.entry
    if entry is None:
        entries = [item for item in versions.read_history(args.store) if item.get("previous")]
        if not entries:
            print(f"Nothing to roll back in {args.store}", file=sys.stderr)
            return 1
        entry = entries[-1]["id"]
    target = versions.rollback(args.store, entry, CLI_USER)
    print(f"{args.store} serves {target} again (servers switch to it within seconds).")
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
    from dashboard.store import StoreError

    try:
        if args.command in ("build-demo", "build-empty"):
            return _build(args)
        if args.command == "upgrade":
            from dashboard.build.stores import upgrade_store

            try:
                old = upgrade_store(args.store, user=CLI_USER, keep=settings.keep_versions)
            except ValueError as error:
                print(error, file=sys.stderr)
                return 1
            print(f"Upgraded {args.store} from schema version {old}.")
            return 0
        if args.command == "history":
            return _history(args)
        if args.command == "rollback":
            return _rollback(args)
        return _import(args, settings)
    except StoreError as error:
        print(f"Store error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
