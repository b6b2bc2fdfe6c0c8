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


def _parser(
    default_store: Path, default_users_file: Path, default_audit_log: Path
) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    store_help = "store directory or .duckdb file (default %(default)s)"

    demo = commands.add_parser("build-demo", help="build a store of reference data and demo data")
    demo.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)"
    )
    demo.add_argument(
        "--rows", type=int, default=DEFAULT_ROWS, help="survey records (default %(default)s)"
    )
    demo.add_argument("--store", type=Path, default=default_store, help=store_help)
    demo.add_argument(
        "--if-missing", action="store_true", help="do nothing when the store exists already"
    )
    demo.add_argument(
        "--release-seed",
        type=int,
        default=None,
        help="secret seed of the protected release, kept in the store and never shown (default: a "
        "fresh random one); give the same one to rebuild the same demo release",
    )

    empty = commands.add_parser(
        "build-empty", help="build a store of reference data only, for imports"
    )
    empty.add_argument(
        "--store", type=Path, required=True, help="store directory or .duckdb file to create"
    )

    upgrade = commands.add_parser(
        "upgrade", help="bring a store built by an older version up to date, keeping its data"
    )
    upgrade.add_argument("--store", type=Path, default=default_store, help=store_help)

    importing = commands.add_parser(
        "import", help="import a CSV, Excel or Parquet file (all-or-nothing)"
    )
    importing.add_argument("file", type=Path)
    importing.add_argument("--store", type=Path, default=default_store, help=store_help)
    importing.add_argument(
        "--kind", choices=("indicators", "survey"), help="default: from the columns"
    )
    importing.add_argument(
        "--replace-demo",
        action="store_true",
        help="remove the store's demo data in the same transaction",
    )
    importing.add_argument("--check", action="store_true", help="report on the file, write nothing")

    history = commands.add_parser(
        "history", help="list a store directory's imports, rollbacks and builds"
    )
    history.add_argument("--store", type=Path, default=default_store, help=store_help)
    history.add_argument(
        "--json",
        action="store_true",
        help="one JSON object per entry, as the import page reads them",
    )

    rollback = commands.add_parser(
        "rollback",
        help="roll back an import, or serve a kept version again (a new history entry)",
        description="Without arguments: roll back the newest import whose rows are served (or, when the "
        "store pointer is damaged, serve again the version the history says was served). "
        "ENTRY rolls back that import: the kept version holding the most of the other served "
        "rows is served, never rows rolled back before. --version serves a kept version "
        "again, whatever it holds. What changes is printed; --check prints it and writes nothing.",
    )
    rollback.add_argument(
        "entry", type=int, nargs="?", help="history entry id of an import to roll back"
    )
    rollback.add_argument("--version", help="a kept version to serve again, e.g. store-000002")
    rollback.add_argument(
        "--check", action="store_true", help="print what would change, write nothing"
    )
    rollback.add_argument("--store", type=Path, default=default_store, help=store_help)

    add_user = commands.add_parser(
        "add-user", help="add a user to the users file (EUIOM_AUTH=users), or change one"
    )
    add_user.add_argument("name")
    add_user.add_argument(
        "--roles",
        default="viewer",
        help="comma-separated roles among viewer, analyst, data_manager (default %(default)s)",
    )
    add_user.add_argument(
        "--users-file",
        type=Path,
        default=default_users_file,
        help="users file (default %(default)s)",
    )
    add_user.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input instead of asking twice",
    )
    audit = commands.add_parser(
        "audit", help="check and print the audit log (sign-ins, sign-outs, API tokens, users)"
    )
    audit.add_argument(
        "--file", type=Path, default=default_audit_log, help="audit log (default %(default)s)"
    )
    audit.add_argument("--json", action="store_true", help="one JSON object per entry")
    audit.add_argument(
        "--last", type=int, default=0, help="only the last N entries (the whole chain is checked)"
    )
    remove_user = commands.add_parser("remove-user", help="remove a user from the users file")
    remove_user.add_argument("name")
    remove_user.add_argument(
        "--users-file",
        type=Path,
        default=default_users_file,
        help="users file (default %(default)s)",
    )
    return parser


def _read_password(from_stdin: bool) -> str:
    import getpass

    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != password:
        raise ValueError("the two passwords differ")
    return password


def _users_command(args: argparse.Namespace, settings) -> int:
    from dashboard import audit
    from dashboard.auth.users_file import UsersFileError, add_user, remove_user

    audit_path = settings.audit_log or args.users_file.parent / "audit.jsonl"
    try:
        if args.command == "remove-user":
            if not remove_user(args.users_file, args.name):
                print(f"No user {args.name!r} in {args.users_file}.", file=sys.stderr)
                return 1
            audit.record(
                audit_path,
                "user_removed",
                user=args.name,
                address=CLI_USER,
                detail={"users_file": str(args.users_file)},
            )
            print(f"Removed {args.name} from {args.users_file}.")
            return 0
        entry = add_user(
            args.users_file, args.name, _read_password(args.password_stdin), args.roles.split(",")
        )
    except (UsersFileError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    audit.record(
        audit_path,
        "user_saved",
        user=entry.name,
        user_id=entry.user_id,
        address=CLI_USER,
        detail={"roles": ",".join(entry.roles), "users_file": str(args.users_file)},
    )
    print(f"{entry.name} ({', '.join(entry.roles)}) saved in {args.users_file}.")
    return 0


def _audit(args: argparse.Namespace) -> int:
    import json

    from dashboard import audit

    try:
        entries = audit.read(args.file)
    except audit.AuditError as error:
        print(error, file=sys.stderr)
        return 1
    shown = entries[-args.last :] if args.last > 0 else entries
    for entry in shown:
        print(
            json.dumps(entry, sort_keys=True, ensure_ascii=False)
            if args.json
            else audit.line(entry)
        )
    if not args.json:
        print(f"{args.file}: {len(entries)} entries, the chain is whole.", file=sys.stderr)
    return 0


def _build(args) -> int:
    from dashboard.build.stores import build_store
    from dashboard.store.files import StoreError, served_file

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
    path = build_store(
        args.store,
        demo=demo,
        seed=getattr(args, "seed", DEFAULT_SEED),
        rows=getattr(args, "rows", DEFAULT_ROWS),
        user=CLI_USER,
        release_seed=getattr(args, "release_seed", None),
    )
    kind = f"demo store ({args.rows:,} survey records, seed {args.seed})" if demo else "empty store"
    print(f"Built {kind} at {path} in {time.perf_counter() - started:.1f} s")
    return 0


def _import(args, settings) -> int:
    from dashboard.build.importer import ImportRefused, check_file, import_file, problem_lines
    from dashboard.build.release.ledger import CapReached, directory_ledger
    from dashboard.store.files import connect_read_only, is_store_directory, served_file

    if args.check:
        store_file, _ = served_file(args.store)
        ledger = directory_ledger(args.store) if is_store_directory(args.store) else None
        connection = connect_read_only(store_file)
        try:
            report = check_file(
                connection,
                args.file,
                kind=args.kind,
                weights=settings.composite_weights,
                replace_demo=args.replace_demo,
                ledger=ledger,
            )
        finally:
            connection.close()
        if report.problems:
            print(
                f"{report.file} would be refused ({len(report.problems)} problem(s)):",
                file=sys.stderr,
            )
            print("\n".join(problem_lines(report.problems)), file=sys.stderr)
            return 1
        print(
            f"{report.file}: {report.rows:,} rows of {report.kind} would be imported"
            + (", replacing the demo data" if report.replaces_demo else "")
            + "."
        )
        for note in report.notes:
            print(f"Note: {note}")
        return 0
    try:
        result = import_file(
            args.store,
            args.file,
            kind=args.kind,
            weights=settings.composite_weights,
            replace_demo=args.replace_demo,
            user=CLI_USER,
            keep=settings.keep_versions,
        )
    except (ImportRefused, CapReached) as refused:
        print(refused, file=sys.stderr)
        return 1
    rows = f"{result.rows:,} row{'' if result.rows == 1 else 's'} of {result.kind}"
    if result.version:
        from dashboard.build import history_log

        entry = next(
            entry
            for entry in reversed(history_log.read_entries(args.store))
            if entry.get("action") == "import" and entry.get("version") == result.version
        )
        print(
            f"Imported {rows} from {result.file}: history entry #{entry['id']}, version {result.version} "
            "(servers switch to it within seconds)."
        )
    else:
        print(
            f"Imported {rows} from {result.file} into {args.store} (data batch {result.batch_id} of that file)."
        )
    for note in result.notes:
        print(f"Note: {note}")
    return 0


def _history(args) -> int:
    import json

    from dashboard.build import rollbacks
    from dashboard.store.files import is_store_directory

    if not is_store_directory(args.store):
        print(
            f"{args.store} is a single store file: only store directories keep a history",
            file=sys.stderr,
        )
        return 1
    state = rollbacks.read_state(args.store)
    if state.pointer_problem:
        print(f"Warning: {state.pointer_problem}", file=sys.stderr)
    for row in rollbacks.history_rows(state):
        if args.json:
            print(json.dumps(row, sort_keys=True, ensure_ascii=False))
        else:
            print(_history_line(row))
    return 0


def _history_line(row: dict) -> str:
    """One history entry as a line: served mark, id, time, action, version, who, what, rows, checksum."""
    mark = "*" if row.get("served") else " "
    what = row.get("file") or row.get("kind") or row.get("note") or ""
    if row.get("action") == "rollback":
        moved = [
            f"{name} {','.join(f'#{item}' for item in row[key])}"
            for name, key in (("gone", "disappear"), ("back", "appear"))
            if row.get(key)
        ]
        undone = f"undoes #{row['undoes']} " if isinstance(row.get("undoes"), int) else ""
        what = f"{undone}{what} {'; '.join(moved)}".strip() + (
            " (repaired the pointer)" if row.get("repairs") else ""
        )
    offers = [
        name
        for name, key in (
            ("can roll back", "can_roll_back"),
            ("can serve again", "can_serve_again"),
        )
        if row.get(key)
    ]
    return (
        f"{mark} {row.get('id'):>4}  {row.get('at')}  {row.get('action'):<8} {row.get('version')}  "
        f"by {row.get('user')}  {what}  rows={row.get('rows')}  sha256={(row.get('sha256') or '')[:12]}"
        + (f"  [{', '.join(offers)}]" if offers else "")
        + ("  (migrated)" if row.get("migrated") else "")
    )


def _plan_lines(plan) -> list[str]:
    """What a rollback changes, in the words of the import page's confirmation."""

    def item(entry_id: int) -> str:
        entry = plan.described(entry_id)
        if entry.get("action") == "build":
            return f"  the demo data (seed {entry.get('seed')}; build #{entry_id})"
        if entry.get("action") == "outside":
            return f"  the rows {entry.get('version')} held when the history found it (entry #{entry_id})"
        return (
            f"  {entry.get('file')}: {entry.get('rows')} {entry.get('kind')} rows "
            f"({entry.get('action')} #{entry_id} by {entry.get('user')}, {entry.get('at')})"
        )

    if plan.repairs:
        lines = [
            f"The store pointer is damaged: {plan.repairs}.",
            f"Serves {plan.target} (the history says {plan.served} was served last), which repairs it.",
        ]
    else:
        lines = [f"Serves {plan.target} again (served now: {plan.served})."]
    for title, ids_ in (
        ("Rows that disappear", plan.disappear),
        ("Rows that appear again", plan.appear),
    ):
        lines.append(f"{title}: {'none' if not ids_ else ''}".rstrip())
        lines.extend(item(entry_id) for entry_id in ids_)
    return lines


def _rollback(args) -> int:
    from dashboard.build import rollbacks

    state = rollbacks.read_state(args.store)
    if args.version and args.entry is not None:
        print("Give an import's history entry or --version, not both", file=sys.stderr)
        return 2
    if args.version:
        plan = rollbacks.plan_serve(state, args.version.removesuffix(".duckdb"))
    elif args.entry is not None:
        plan = rollbacks.plan_undo(state, args.entry)
    else:
        plan = rollbacks.plan_default(state)
    print("\n".join(_plan_lines(plan)))
    if args.check:
        print("Nothing was changed (--check).")
        return 0
    entry = rollbacks.carry_out(args.store, plan, CLI_USER)
    print(
        f"{args.store} serves {entry['version']} again (history entry #{entry['id']}; servers switch to it "
        "within seconds)."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    args = _parser(settings.store_path, settings.users_file, settings.audit_path).parse_args(argv)
    if args.command in ("add-user", "remove-user"):
        return _users_command(args, settings)
    if args.command == "audit":
        return _audit(args)
    from dashboard.store.files import StoreError

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
