"""Create whole store files: with reference data only, or with demo data too."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from dashboard.build.demo import DEFAULT_ROWS, DEFAULT_SEED, fill_demo_data
from dashboard.build.reference import load_eutf, load_reference
from dashboard.queries import schema
from dashboard.queries.aggregates import refresh_survey_aggregates
from dashboard.store import connect_writable


def build_store(path: Path, *, demo: bool, seed: int = DEFAULT_SEED, rows: int = DEFAULT_ROWS) -> Path:
    """Write a new store at ``path``; the old file, if any, is replaced only once the new one is complete."""
    path = Path(path)
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
        schema.set_store_info(connection, {"built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")})
        connection.execute("CHECKPOINT")
    except BaseException:
        connection.close()
        partial.unlink(missing_ok=True)
        raise
    connection.close()
    os.replace(partial, path)
    return path


def upgrade_store(path: Path) -> str:
    """Bring a store of an older schema up to date in place, keeping its data; returns the old version."""
    connection = connect_writable(path)
    connection.execute("SET enable_progress_bar = false")
    try:
        old = schema.stored_schema_version(connection)
        if old is None:
            raise ValueError(f"{path} is not a store of this dashboard")
        connection.execute("BEGIN TRANSACTION")
        schema.create_eutf_tables(connection)
        load_eutf(connection)
        refresh_survey_aggregates(connection)
        schema.set_store_info(connection, {"schema_version": schema.SCHEMA_VERSION})
        connection.execute("COMMIT")
        return old
    finally:
        connection.close()


def store_needs_rebuild(path: Path) -> bool:
    """True when ``path`` holds a store of another schema version (so the app would refuse it)."""
    connection = connect_writable(path)
    try:
        return schema.stored_schema_version(connection) != schema.SCHEMA_VERSION
    finally:
        connection.close()
