"""Reference look-ups: codes and names of regions, statuses, Actions, countries, pillars,
indicators, the quarters that hold data, and facts about the store itself."""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.store.door import ROW, ROWS, query
from dashboard.store.sql import Sql, compose, identifier, joined


def regions(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: region_code, name_en, name_fr, source."""
    return query(
        cursor,
        "regions",
        "SELECT region_code, name_en, name_fr, source FROM regions ORDER BY name_en",
    )


def statuses(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: status_code, name_en, name_fr, source."""
    return query(
        cursor,
        "statuses",
        "SELECT status_code, name_en, name_fr, source FROM statuses ORDER BY status_code DESC",
    )


def actions(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: action_code, short_name_en, short_name_fr, name_en, name_fr, region_code,
    status_code, framework, description_en, description_fr, start_date, end_date, funding,
    dates_source, dates_note, source. Ordered as the seed page lists them."""
    return query(
        cursor,
        "actions",
        """SELECT action_code, short_name_en, short_name_fr, name_en, name_fr, region_code, status_code,
                  framework, description_en, description_fr, start_date, end_date, funding,
                  dates_source, dates_note, source
           FROM actions
           ORDER BY CASE action_code WHEN 'JI-NA' THEN 1 WHEN 'JI-HOA' THEN 2 WHEN 'JI-SLC' THEN 3
                    WHEN 'PILOT' THEN 4 WHEN 'PROTTASHA' THEN 5 WHEN 'RADA' THEN 6 ELSE 7 END""",
    )


def countries(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: iso3, name_en, name_fr, action_code, role, source (one row per country and Action)."""
    return query(
        cursor,
        "countries",
        """SELECT c.iso3, c.name_en, c.name_fr, ac.action_code, ac.role, c.source
           FROM countries c JOIN action_countries ac USING (iso3) ORDER BY c.name_en""",
    )


def pillars(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: pillar_no, name_en, name_fr, description_en, description_fr, source."""
    return query(
        cursor,
        "pillars",
        "SELECT pillar_no, name_en, name_fr, description_en, description_fr, source FROM pillars ORDER BY pillar_no",
    )


def indicators(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: indicator_code, pillar_no, by_sex, unit, name_en, name_fr, definition_en,
    definition_fr, source. Ordered by pillar, then as listed in the reference file."""
    return query(
        cursor,
        "indicators",
        """SELECT indicator_code, pillar_no, by_sex, unit, name_en, name_fr, definition_en, definition_fr, source
           FROM indicators ORDER BY pillar_no, indicator_code""",
    )


def data_quarters(cursor: duckdb.DuckDBPyConnection) -> list[str]:
    """Every quarter ('2019-Q3') from the first to the last holding indicator data or records of the
    protected release (never the survey's own dates)."""
    row = query(
        cursor,
        "data_quarters",
        """SELECT min(d), max(d) FROM (
               SELECT min(period) AS d FROM indicator_values UNION ALL SELECT max(period) FROM indicator_values
               UNION ALL SELECT min(survey_date) FROM release_records
               UNION ALL SELECT max(survey_date) FROM release_records)""",
        read=ROW,
    )
    if row[0] is None:
        return []
    start, end = pd.Period(row[0], "Q"), pd.Period(row[1], "Q")
    return [f"{period.year}-Q{period.quarter}" for period in pd.period_range(start, end, freq="Q")]


# The store_info keys any page, file or answer may show: an allow-list, so that a key added later
# (or a secret an older version kept there) never leaves the server by default.
PUBLIC_STORE_INFO = ("schema_version", "data_origin", "demo_seed", "demo_rows", "built_at")


def store_info(cursor: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Public facts about the store: schema_version, data_origin (demo, imported, empty),
    demo_seed, demo_rows, built_at (``PUBLIC_STORE_INFO`` only)."""
    return dict(
        query(
            cursor,
            "store_info",
            "SELECT key, value FROM store_info WHERE key IN (SELECT unnest($keys))",
            {"keys": list(PUBLIC_STORE_INFO)},
            read=ROWS,
        )
    )


def release_parameters(cursor: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """The protected release's public parameters (``release_info``): mechanism, rho, mu,
    epsilon_at_delta_1e-6, rho_spent_by_this_store, measurements, composite_weights,
    released_records, draws_per_returnee, built_at. Empty when the store has no release."""
    import json

    try:
        rows = query(cursor, "release_parameters", "SELECT key, value FROM release_info", read=ROWS)
    except duckdb.CatalogException:
        return {}
    return {key: json.loads(value) for key, value in rows}


def data_batches(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: batch_id, origin, table_name, file_name, sha256, row_count, loaded_at, description."""
    return query(
        cursor,
        "data_batches",
        "SELECT batch_id, origin, table_name, file_name, sha256, row_count, loaded_at, description "
        "FROM data_batches ORDER BY batch_id",
    )


# Reference tables the About page lists, with the column holding each row's source.
SOURCED_TABLES = {
    "actions": "source",
    "countries": "source",
    "regions": "source",
    "statuses": "source",
    "action_countries": "source",
    "pillars": "source",
    "action_pillars": "source",
    "action_objectives": "source",
    "country_pillars": "source",
    "country_pillar_exceptions": "source",
    "provinces": "source",
    "kmh_components": "source",
    "global_components": "source",
    "indicators": "source",
    "published_figures": "source_url",
}


def source_summary(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: table_name, source, row_count — how many rows of each reference table each source gave."""
    parts = [
        compose(
            "SELECT '{table}' AS table_name, {column} AS source, count(*) AS row_count FROM {table} GROUP BY ALL",
            table=identifier(table, SOURCED_TABLES),
            column=identifier(column, SOURCED_TABLES.values()),
        )
        for table, column in SOURCED_TABLES.items()
    ]
    parts.append(
        Sql(
            "SELECT 'actions (start, end, funding)' AS table_name, dates_source AS source, count(*) AS row_count "
            "FROM actions WHERE dates_source IS NOT NULL GROUP BY ALL"
        )
    )
    sql = compose("{parts} ORDER BY table_name, source", parts=joined(parts, " UNION ALL "))
    return query(cursor, "source_summary", sql)


def kmh_components(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: component_no, name_en, name_fr, description_en, description_fr, source."""
    return query(
        cursor,
        "kmh_components",
        "SELECT component_no, name_en, name_fr, description_en, description_fr, source "
        "FROM kmh_components ORDER BY component_no",
    )


def global_components(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: action_code, component_code, name_en, name_fr, established, note_en, note_fr, source."""
    return query(
        cursor,
        "global_components",
        "SELECT action_code, component_code, name_en, name_fr, established, note_en, note_fr, source "
        "FROM global_components ORDER BY action_code",
    )


def country_periods_and_pillars(cursor: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Rows (action_code, iso3, role, region_code, start_date, end_date, pillars): every country of
    every Action with its Action's period and the sorted list of pillars that apply there."""
    return query(
        cursor,
        "country_periods_and_pillars",
        """
        SELECT ac.action_code, ac.iso3, ac.role, a.region_code, a.start_date, a.end_date,
               list(cp.pillar_no ORDER BY cp.pillar_no) AS pillars
        FROM action_countries ac
        JOIN actions a USING (action_code)
        JOIN country_pillars cp USING (action_code, iso3)
        GROUP BY ALL ORDER BY ac.action_code, ac.iso3
        """,
        read=ROWS,
    )


def indicator_pillars(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: indicator_code, pillar_no, by_sex; ordered by indicator_code."""
    return query(
        cursor,
        "indicator_pillars",
        "SELECT indicator_code, pillar_no, by_sex FROM indicators ORDER BY indicator_code",
    )


def imported_file_names(cursor: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the imported indicator files whose rows the store holds: what any page may name.
    Survey file names (and every batch's row count) are shown to data managers only."""
    batches = data_batches(cursor)
    public = (batches["origin"] == "import") & (batches["table_name"] != "survey_responses")
    return batches.loc[public, "file_name"].dropna().tolist()


def survey_import_count(cursor: duckdb.DuckDBPyConnection) -> int:
    """How many imported survey files the store holds rows of (their names are not public)."""
    row = query(
        cursor,
        "survey_import_count",
        "SELECT count(*) FROM data_batches WHERE origin = 'import' "
        "AND table_name = 'survey_responses'",
        read=ROW,
    )
    return int(row[0])


def as_of_date(cursor: duckdb.DuckDBPyConnection) -> str | None:
    """The date the results were reported by (ISO), or None in a store without them."""
    row = query(cursor, "as_of_date", "SELECT max(as_of) FROM eutf_results", read=ROW)
    return row[0].isoformat() if row and row[0] else None


def projects(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every EUTF project and contract of the Actions (the API's reference table).

    Columns: iati_id, parent_iati_id, level, title, countries (alpha-3, '; '-joined),
    implementing_partners, budget_eur, date_start, date_end, action_link, action_link_basis,
    action_document_url, source. Ordered by iati_id.
    """
    return query(
        cursor,
        "projects",
        """
        SELECT iati_id, parent_iati_id, level, title, array_to_string(recipient_iso3, '; ') AS countries,
               implementing_partners, budget_eur, date_start, date_end, action_link, action_link_basis,
               action_document_url, source
        FROM eutf_projects ORDER BY iati_id
        """,
    )


def stored_schema_version(connection: duckdb.DuckDBPyConnection) -> str | None:
    """The schema version a store was built with, or None when it is not a store of this app."""
    try:
        row = query(
            connection,
            "stored_schema_version",
            "SELECT value FROM store_info WHERE key = 'schema_version'",
            read=ROW,
        )
    except duckdb.CatalogException:
        return None
    return row[0] if row else None


def history_anchor(connection: duckdb.DuckDBPyConnection) -> str | None:
    """The history entry that made this store version (``"<id> <hash>"``), or None (a single store
    file, or a version made before versions recorded it)."""
    try:
        row = query(
            connection,
            "history_anchor",
            "SELECT value FROM store_info WHERE key = 'history_entry'",
            read=ROW,
        )
    except duckdb.Error:
        return None
    return row[0] if row else None
