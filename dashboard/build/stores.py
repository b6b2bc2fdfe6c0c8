"""Create whole store files: with reference data only, or with demo data too."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import duckdb

from dashboard.build import schema, versions
from dashboard.build.aggregates import refresh_survey_aggregates
from dashboard.build.demo import DEFAULT_ROWS, DEFAULT_SEED, fill_demo_data
from dashboard.build.reference import load_eutf, load_reference
from dashboard.build.release import ledger as privacy_ledger
from dashboard.build.release.build import Spent, refresh_release
from dashboard.store.files import (
    SCHEMA_VERSION,
    StoreError,
    connect_read_only,
    connect_writable,
    explain_write_error,
    is_store_directory,
    refuse_non_database,
    served_file,
)
from dashboard.store.reference import stored_schema_version


def build_store(
    path: Path,
    *,
    demo: bool,
    seed: int = DEFAULT_SEED,
    rows: int = DEFAULT_ROWS,
    user: str = "command line",
    keep: int = 5,
    release_seed: int | None = None,
) -> Path:
    """Write a new store at ``path`` and return the file written.

    A store directory gets a new version, published once complete (servers switch to it); a
    single file is replaced only once the new one is complete. ``release_seed`` fixes the secret
    seed of the protected release (a reproducible demo); by default it is a fresh secret.
    """
    path = Path(path)
    if not is_store_directory(path):
        if path.exists() and path.stat().st_size > 0:
            refuse_non_database(path)  # never replace someone's text file with a store
        return _build_file(path, demo=demo, seed=seed, rows=rows, release_seed=release_seed)[0]
    with (
        versions.exclusive(path, "a store build", user),
        versions.new_version(path, copy_current=False) as partial,
    ):
        # The directory's earlier demo releases count for the demo returnees (the same seed makes the same ones).
        demo_spent = privacy_ledger.directory_ledger(path).spent(privacy_ledger.DEMO)
        _, spent = _build_file(
            partial,
            demo=demo,
            seed=seed,
            rows=rows,
            release_seed=release_seed,
            spent_before=demo_spent if demo else 0.0,
        )
        name = versions.publish(
            path,
            partial,
            {
                "action": "build",
                "user": user,
                "file": None,
                "kind": "demo" if demo else "empty",
                "rows": rows if demo else 0,
                "seed": seed if demo else None,
                "sha256": None,
                privacy_ledger.RELEASE_FIELD: {"rho": spent.rho, "of": spent.of},
            },
            keep,
        )
    return path / f"{name}.duckdb"


def _build_file(
    path: Path,
    *,
    demo: bool,
    seed: int,
    rows: int,
    release_seed: int | None = None,
    spent_before: float | None = None,
) -> tuple[Path, Spent]:
    """Write a new store file at ``path``, replacing the old one only once complete; returns it
    and what its release spent."""
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    connection = connect_writable(partial)
    connection.execute("SET enable_progress_bar = false")
    try:
        schema.create_schema(connection)
        load_reference(connection)
        if demo:
            fill_demo_data(connection, seed=seed, rows=rows)
        else:
            schema.set_store_info(connection, {"data_origin": "empty"})
        refresh_survey_aggregates(connection)
        spent = refresh_release(connection, seed=release_seed, spent_before=spent_before)
        schema.set_store_info(
            connection, {"built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
        )
        connection.execute("CHECKPOINT")
    except BaseException as error:
        connection.close()
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + ".wal").unlink(missing_ok=True)
        if isinstance(error, duckdb.Error):
            raise StoreError(explain_write_error(path, error)) from None
        raise
    connection.close()
    os.replace(partial, path)
    return path, spent


def upgrade_store(path: Path, user: str = "command line", keep: int = 5) -> str:
    """Bring a store of an older schema up to date, keeping its data; returns the old schema version.

    A store directory gets an upgraded copy of its served version as a new version; a single file
    is upgraded in place.
    """
    path = Path(path)
    if not is_store_directory(path):
        return _upgrade_file(path)[0]
    with (
        versions.exclusive(path, "an upgrade", user),
        versions.new_version(path, copy_current=True) as partial,
    ):
        old, spent = _upgrade_file(partial)
        versions.publish(
            path,
            partial,
            {
                "action": "upgrade",
                "user": user,
                "file": None,
                "kind": f"schema {old} -> {SCHEMA_VERSION}",
                "rows": None,
                "sha256": None,
                privacy_ledger.RELEASE_FIELD: {"rho": spent.rho, "of": spent.of},
            },
            keep,
        )
    return old


def _upgrade_file(path: Path) -> tuple[str, Spent]:
    try:
        return _upgrade_rows(path)
    except duckdb.Error as error:
        raise StoreError(explain_write_error(path, error)) from None


def _upgrade_rows(path: Path) -> tuple[str, Spent]:
    connection = connect_writable(path)
    connection.execute("SET enable_progress_bar = false")
    try:
        old = stored_schema_version(connection)
        if old is None:
            raise ValueError(f"{path} is not a store of this dashboard")
        connection.execute("BEGIN TRANSACTION")
        schema.create_eutf_tables(connection)
        load_eutf(connection)
        refresh_survey_aggregates(connection)
        spent = refresh_release(connection, keep_existing=True)
        schema.forget_retired_secrets(connection)
        schema.set_store_info(connection, {"schema_version": SCHEMA_VERSION})
        connection.execute("COMMIT")
        return old, spent
    finally:
        connection.close()


def store_needs_rebuild(path: Path) -> bool:
    """True when ``path`` holds a store of another schema version (so the app would refuse it).

    Opens the store read-only: checking never writes.
    """
    file, _ = served_file(path)
    connection = connect_read_only(file)
    try:
        return stored_schema_version(connection) != SCHEMA_VERSION
    finally:
        connection.close()
