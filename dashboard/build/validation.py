"""Look-ups the importer validates against: codes the store knows and rows it already holds."""

from __future__ import annotations

import duckdb
import pandas as pd


def action_country_pairs(connection: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    """Every (action_code, iso3) pair of the reference data."""
    return set(connection.execute("SELECT action_code, iso3 FROM action_countries").fetchall())


def action_codes(connection: duckdb.DuckDBPyConnection) -> set[str]:
    """Every Action code."""
    return {row[0] for row in connection.execute("SELECT action_code FROM actions").fetchall()}


def country_codes(connection: duckdb.DuckDBPyConnection) -> set[str]:
    """Every ISO3 code of the reference countries."""
    return {row[0] for row in connection.execute("SELECT iso3 FROM countries").fetchall()}


def indicator_pillars(connection: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """indicator_code -> pillar_no."""
    return dict(connection.execute("SELECT indicator_code, pillar_no FROM indicators").fetchall())


def country_pillar_set(connection: duckdb.DuckDBPyConnection) -> set[tuple[str, str, int]]:
    """Every (action_code, iso3, pillar_no) that applies."""
    return set(
        connection.execute("SELECT action_code, iso3, pillar_no FROM country_pillars").fetchall()
    )


def store_origin(connection: duckdb.DuckDBPyConnection) -> str:
    """'demo', 'imported' or 'empty': what kind of fact data the store holds."""
    row = connection.execute("SELECT value FROM store_info WHERE key = 'data_origin'").fetchone()
    return row[0] if row else "empty"


def existing_survey_ids(connection: duckdb.DuckDBPyConnection, survey_ids: list[str]) -> set[str]:
    """The given survey ids that the store already holds."""
    rows = connection.execute(
        "SELECT survey_id FROM survey_responses WHERE survey_id IN (SELECT unnest($ids))",
        {"ids": survey_ids},
    ).fetchall()
    return {row[0] for row in rows}


def existing_indicator_keys(
    connection: duckdb.DuckDBPyConnection, keys: pd.DataFrame
) -> set[tuple[str, str, object, str, str]]:
    """The (action_code, iso3, period, sex, indicator_code) keys of ``keys`` already stored."""
    connection.register("incoming_keys", keys)
    try:
        rows = connection.execute(
            """SELECT v.action_code, v.iso3, v.period, v.sex, v.indicator_code
               FROM indicator_values v
               JOIN incoming_keys k USING (action_code, iso3, period, sex, indicator_code)"""
        ).fetchall()
    finally:
        connection.unregister("incoming_keys")
    return set(rows)
