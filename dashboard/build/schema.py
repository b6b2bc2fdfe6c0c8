"""The store's tables: DDL and the statements that fill them (build and import only)."""

from __future__ import annotations

from collections.abc import Mapping

import duckdb
import pandas as pd

from dashboard.store.files import SCHEMA_VERSION
from dashboard.store.sql import Sql, compose, identifier, joined

# store_info keys of earlier versions that held secrets; removed by ``upgrade``.
RETIRED_SECRET_KEYS = ("cell_key_salt", "cell_key_salt_kind")

REFERENCE_DDL = """
CREATE TABLE store_info (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE regions (region_code VARCHAR PRIMARY KEY, name_en VARCHAR NOT NULL,
    name_fr VARCHAR NOT NULL, source VARCHAR NOT NULL);
CREATE TABLE statuses (status_code VARCHAR PRIMARY KEY, name_en VARCHAR NOT NULL,
    name_fr VARCHAR NOT NULL, source VARCHAR NOT NULL);
CREATE TABLE actions (action_code VARCHAR PRIMARY KEY, short_name_en VARCHAR NOT NULL,
    short_name_fr VARCHAR NOT NULL, name_en VARCHAR NOT NULL, name_fr VARCHAR NOT NULL,
    region_code VARCHAR NOT NULL REFERENCES regions, status_code VARCHAR NOT NULL REFERENCES statuses,
    framework VARCHAR NOT NULL, description_en VARCHAR, description_fr VARCHAR,
    start_date DATE, end_date DATE, funding VARCHAR, dates_source VARCHAR, dates_note VARCHAR,
    source VARCHAR NOT NULL);
CREATE TABLE countries (iso3 VARCHAR PRIMARY KEY, name_en VARCHAR NOT NULL, name_fr VARCHAR NOT NULL,
    source VARCHAR NOT NULL);
CREATE TABLE action_countries (action_code VARCHAR NOT NULL REFERENCES actions,
    iso3 VARCHAR NOT NULL REFERENCES countries, role VARCHAR, source VARCHAR NOT NULL,
    PRIMARY KEY (action_code, iso3));
CREATE TABLE pillars (pillar_no INTEGER PRIMARY KEY, name_en VARCHAR NOT NULL, name_fr VARCHAR NOT NULL,
    description_en VARCHAR NOT NULL, description_fr VARCHAR NOT NULL, source VARCHAR NOT NULL);
CREATE TABLE action_objectives (action_code VARCHAR NOT NULL REFERENCES actions,
    objective_no INTEGER NOT NULL, kind VARCHAR NOT NULL, text_en VARCHAR NOT NULL,
    text_fr VARCHAR NOT NULL, source VARCHAR NOT NULL, PRIMARY KEY (action_code, objective_no));
CREATE TABLE objective_pillars (action_code VARCHAR NOT NULL, objective_no INTEGER NOT NULL,
    pillar_no INTEGER NOT NULL REFERENCES pillars, mapped_by VARCHAR NOT NULL,
    rationale_en VARCHAR NOT NULL, rationale_fr VARCHAR NOT NULL,
    PRIMARY KEY (action_code, objective_no, pillar_no));
CREATE TABLE action_pillars (action_code VARCHAR NOT NULL REFERENCES actions,
    pillar_no INTEGER NOT NULL REFERENCES pillars, basis VARCHAR NOT NULL, source VARCHAR NOT NULL,
    PRIMARY KEY (action_code, pillar_no));
CREATE TABLE country_pillar_exceptions (action_code VARCHAR NOT NULL, iso3 VARCHAR NOT NULL,
    applicable_pillars VARCHAR NOT NULL, note_en VARCHAR NOT NULL, note_fr VARCHAR NOT NULL,
    source VARCHAR NOT NULL, PRIMARY KEY (action_code, iso3));
CREATE TABLE country_pillars (action_code VARCHAR NOT NULL, iso3 VARCHAR NOT NULL,
    pillar_no INTEGER NOT NULL REFERENCES pillars, basis VARCHAR NOT NULL, source VARCHAR NOT NULL,
    PRIMARY KEY (action_code, iso3, pillar_no));
CREATE TABLE provinces (province_code VARCHAR PRIMARY KEY, iso3 VARCHAR NOT NULL,
    action_code VARCHAR NOT NULL, name_en VARCHAR NOT NULL, name_fr VARCHAR NOT NULL,
    source VARCHAR NOT NULL);
CREATE TABLE kmh_components (component_no INTEGER PRIMARY KEY, name_en VARCHAR NOT NULL,
    name_fr VARCHAR NOT NULL, description_en VARCHAR NOT NULL, description_fr VARCHAR NOT NULL,
    source VARCHAR NOT NULL);
CREATE TABLE global_components (action_code VARCHAR NOT NULL, component_code VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL, name_fr VARCHAR NOT NULL, established DATE, note_en VARCHAR,
    note_fr VARCHAR, source VARCHAR NOT NULL, PRIMARY KEY (action_code, component_code));
CREATE TABLE published_figures (figure_id INTEGER PRIMARY KEY, action_code VARCHAR NOT NULL,
    scope VARCHAR NOT NULL, indicator VARCHAR NOT NULL, value DOUBLE NOT NULL,
    qualifier VARCHAR NOT NULL, as_of DATE NOT NULL, source_url VARCHAR NOT NULL, note VARCHAR);
CREATE TABLE indicators (indicator_code VARCHAR PRIMARY KEY, pillar_no INTEGER NOT NULL REFERENCES pillars,
    by_sex BOOLEAN NOT NULL, unit VARCHAR NOT NULL, name_en VARCHAR NOT NULL, name_fr VARCHAR NOT NULL,
    definition_en VARCHAR NOT NULL, definition_fr VARCHAR NOT NULL, source VARCHAR NOT NULL);
CREATE TABLE data_batches (batch_id INTEGER PRIMARY KEY, origin VARCHAR NOT NULL,
    table_name VARCHAR NOT NULL, file_name VARCHAR, sha256 VARCHAR, row_count BIGINT NOT NULL,
    loaded_at TIMESTAMP NOT NULL, description VARCHAR);
CREATE TABLE indicator_values (action_code VARCHAR NOT NULL, iso3 VARCHAR NOT NULL,
    period DATE NOT NULL, sex VARCHAR NOT NULL, indicator_code VARCHAR NOT NULL,
    value DOUBLE NOT NULL, batch_id INTEGER NOT NULL);
CREATE TABLE survey_responses (survey_id VARCHAR NOT NULL, respondent_id VARCHAR NOT NULL,
    action_code VARCHAR NOT NULL, iso3 VARCHAR NOT NULL, survey_date DATE NOT NULL,
    months_since_return SMALLINT NOT NULL, sex VARCHAR NOT NULL, age_group VARCHAR NOT NULL,
    assistance_type VARCHAR NOT NULL, assistance_level VARCHAR NOT NULL, referral VARCHAR NOT NULL,
    economic_score DOUBLE NOT NULL, social_score DOUBLE NOT NULL, psychosocial_score DOUBLE NOT NULL,
    composite_score DOUBLE NOT NULL, composite_computed BOOLEAN NOT NULL, batch_id INTEGER NOT NULL);
"""

# Real figures of the EU Trust Fund for Africa (dashboard.build.eutf); created by builds and by
# ``upgrade`` on a store of an older version.
EUTF_DDL = """
CREATE TABLE IF NOT EXISTS eutf_countries (iso2 VARCHAR PRIMARY KEY, iso3 VARCHAR NOT NULL UNIQUE,
    name_en VARCHAR NOT NULL, name_fr VARCHAR NOT NULL, source VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS eutf_projects (iati_id VARCHAR PRIMARY KEY, parent_iati_id VARCHAR,
    level VARCHAR NOT NULL, title VARCHAR NOT NULL, recipient_countries_iso2 VARCHAR,
    recipient_iso3 VARCHAR[] NOT NULL, countries_from_parent BOOLEAN NOT NULL,
    implementing_partners VARCHAR, budget_eur DOUBLE, date_start DATE, date_end DATE,
    action_link VARCHAR NOT NULL, action_link_basis VARCHAR NOT NULL, action_document_url VARCHAR,
    source VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS eutf_project_countries (iati_id VARCHAR NOT NULL, iso3 VARCHAR NOT NULL,
    country_count INTEGER NOT NULL, from_parent BOOLEAN NOT NULL, source VARCHAR NOT NULL, PRIMARY KEY (iati_id, iso3));
CREATE TABLE IF NOT EXISTS eutf_results (result_id INTEGER PRIMARY KEY, iati_id VARCHAR NOT NULL,
    parent_iati_id VARCHAR, level VARCHAR NOT NULL, action_link VARCHAR NOT NULL,
    result_framework VARCHAR, indicator VARCHAR, indicator_number VARCHAR, period_start DATE,
    period_end DATE, target DOUBLE, target_text VARCHAR, actual DOUBLE, as_of DATE NOT NULL, source VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS eutf_projects_database (project_id VARCHAR PRIMARY KEY, title VARCHAR NOT NULL,
    budget_eur DOUBLE, location VARCHAR, implementing_partners VARCHAR, themes VARCHAR,
    adoption_date DATE, start_date DATE, end_date DATE, action_document_url VARCHAR, region VARCHAR,
    source VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS eutf_indicator_pillars (indicator_number VARCHAR PRIMARY KEY,
    pillar_no INTEGER NOT NULL, mapped_by VARCHAR NOT NULL, source VARCHAR NOT NULL);
"""
EUTF_TABLES = (
    "eutf_countries",
    "eutf_projects",
    "eutf_project_countries",
    "eutf_results",
    "eutf_projects_database",
    "eutf_indicator_pillars",
)

REFERENCE_TABLES = (
    "regions",
    "statuses",
    "countries",
    "actions",
    "action_countries",
    "pillars",
    "action_objectives",
    "objective_pillars",
    "action_pillars",
    "country_pillar_exceptions",
    "country_pillars",
    "provinces",
    "kmh_components",
    "global_components",
    "published_figures",
    "indicators",
    *EUTF_TABLES,
)

# Columns a fact table holds, in order; importers and the generator produce exactly these.
INDICATOR_COLUMNS = ("action_code", "iso3", "period", "sex", "indicator_code", "value", "batch_id")
SURVEY_COLUMNS = (
    "survey_id",
    "respondent_id",
    "action_code",
    "iso3",
    "survey_date",
    "months_since_return",
    "sex",
    "age_group",
    "assistance_type",
    "assistance_level",
    "referral",
    "economic_score",
    "social_score",
    "psychosocial_score",
    "composite_score",
    "composite_computed",
    "batch_id",
)
FACT_COLUMNS = {"indicator_values": INDICATOR_COLUMNS, "survey_responses": SURVEY_COLUMNS}


def create_schema(connection: duckdb.DuckDBPyConnection) -> None:
    """Create every table of an empty store."""
    connection.execute(REFERENCE_DDL)
    connection.execute(EUTF_DDL)
    set_store_info(connection, {"schema_version": SCHEMA_VERSION})


def _column(table: str, column: object) -> Sql:
    """A column of ``table`` as SQL text: a fact table's from its allow-list (``FACT_COLUMNS``), a
    reference table's quoted (its frames are read from the app's own reference files)."""
    if table in FACT_COLUMNS:
        return identifier(column, FACT_COLUMNS[table])
    return compose('"{column}"', column=Sql(str(column).replace('"', '""')))


def insert_frame(connection: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Append ``frame`` to a known table, matching columns by name."""
    if table not in REFERENCE_TABLES and table not in FACT_COLUMNS:
        raise ValueError(f"unknown table {table!r}")
    connection.register("incoming_frame", frame)
    try:
        known = {*REFERENCE_TABLES, *FACT_COLUMNS}
        columns = joined([_column(table, column) for column in frame.columns], ", ")
        connection.execute(
            compose(
                "INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming_frame",
                table=identifier(table, known),
                columns=columns,
            )
        )
    finally:
        connection.unregister("incoming_frame")


def derive_country_pillars(connection: duckdb.DuckDBPyConnection) -> None:
    """Fill ``country_pillars``: each country gets its Action's pillars, unless an exception says
    which pillars apply there (Libya: 2 and 3)."""
    connection.execute(
        """
        INSERT INTO country_pillars
        SELECT ac.action_code, ac.iso3, ap.pillar_no,
               CASE WHEN ex.iso3 IS NULL THEN ap.basis ELSE 'country exception' END,
               CASE WHEN ex.iso3 IS NULL THEN ap.source ELSE ex.source END
        FROM action_countries ac
        JOIN action_pillars ap USING (action_code)
        LEFT JOIN country_pillar_exceptions ex USING (action_code, iso3)
        WHERE ex.iso3 IS NULL
           OR list_contains(string_split(ex.applicable_pillars, ';'), CAST(ap.pillar_no AS VARCHAR))
        """
    )


def derive_mapped_action_pillars(connection: duckdb.DuckDBPyConnection) -> None:
    """Add to ``action_pillars`` the pillars that an Action's objectives or result areas map to,
    with basis 'mapped' (the project's mapping, not the source's)."""
    connection.execute(
        """
        INSERT INTO action_pillars
        SELECT DISTINCT op.action_code, op.pillar_no, 'mapped',
               'project mapping of ' || ao.source
        FROM objective_pillars op JOIN action_objectives ao USING (action_code, objective_no)
        WHERE NOT EXISTS (SELECT 1 FROM action_pillars ap
                          WHERE ap.action_code = op.action_code AND ap.pillar_no = op.pillar_no)
        """
    )


def set_store_info(connection: duckdb.DuckDBPyConnection, values: Mapping[str, object]) -> None:
    """Insert or replace key/value facts about the store (origin, seed, build time), stored as text."""
    for key, value in values.items():
        connection.execute(
            "INSERT OR REPLACE INTO store_info VALUES ($key, $value)",
            {"key": key, "value": str(value)},
        )


def next_batch_id(connection: duckdb.DuckDBPyConnection) -> int:
    """The id the next data batch gets."""
    return int(
        connection.execute("SELECT coalesce(max(batch_id), 0) + 1 FROM data_batches").fetchall()[0][
            0
        ]
    )


def record_batch(connection: duckdb.DuckDBPyConnection, batch: dict[str, object]) -> None:
    """Record one loaded batch of fact rows (demo generation or one imported file)."""
    connection.execute(
        """INSERT INTO data_batches VALUES ($batch_id, $origin, $table_name, $file_name, $sha256,
           $row_count, now()::TIMESTAMP, $description)""",
        batch,
    )


def delete_demo_rows(connection: duckdb.DuckDBPyConnection) -> None:
    """Remove every demo fact row and its batch records (before real data replaces them)."""
    connection.execute(
        "DELETE FROM indicator_values WHERE batch_id IN "
        "(SELECT batch_id FROM data_batches WHERE origin = 'demo')"
    )
    connection.execute(
        "DELETE FROM survey_responses WHERE batch_id IN "
        "(SELECT batch_id FROM data_batches WHERE origin = 'demo')"
    )
    connection.execute("DELETE FROM data_batches WHERE origin = 'demo'")


def forget_retired_secrets(connection: duckdb.DuckDBPyConnection) -> None:
    """Remove secrets an earlier version kept in ``store_info`` (the cell key salt)."""
    connection.execute(
        "DELETE FROM store_info WHERE key IN (SELECT unnest($keys))",
        {"keys": list(RETIRED_SECRET_KEYS)},
    )


def fact_row_counts(connection: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows of each fact table (reads every table once: a check that a new store version is whole)."""
    return {
        table: int(
            connection.execute(
                compose("SELECT count(*) FROM {table}", table=identifier(table, FACT_COLUMNS))
            ).fetchall()[0][0]
        )
        for table in FACT_COLUMNS
    }


def create_eutf_tables(connection: duckdb.DuckDBPyConnection) -> None:
    """Create the EUTF tables where missing and empty them (``upgrade`` reloads them whole)."""
    connection.execute(EUTF_DDL)
    for table in EUTF_TABLES:
        connection.execute(compose("DELETE FROM {table}", table=identifier(table, EUTF_TABLES)))
