"""Load the hand-transcribed reference tables of ``data/reference`` into a store."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from dashboard import DATA_DIR
from dashboard.build import eutf, schema

REFERENCE_DIR = DATA_DIR / "reference"

# Files loaded as they are, in dependency order: file stem -> table.
_DIRECT_FILES = (
    ("regions", "regions"),
    ("statuses", "statuses"),
    ("countries", "countries"),
    ("action_countries", "action_countries"),
    ("pillars", "pillars"),
    ("action_objectives", "action_objectives"),
    ("objective_pillars", "objective_pillars"),
    ("action_pillars_stated", "action_pillars"),
    ("country_pillar_exceptions", "country_pillar_exceptions"),
    ("rada_provinces", "provinces"),
    ("kmh_components", "kmh_components"),
    ("global_components", "global_components"),
    ("indicators", "indicators"),
)


def read_reference_csv(name: str, directory: Path = REFERENCE_DIR) -> pd.DataFrame:
    """Read one reference CSV with every column as text, empty cells as missing."""
    return pd.read_csv(directory / f"{name}.csv", dtype=str, keep_default_na=False).replace(
        "", None
    )


def actions_with_dates(directory: Path = REFERENCE_DIR) -> pd.DataFrame:
    """The Actions of the seed page, joined with their published start/end dates and funding."""
    actions = read_reference_csv("actions", directory)
    dates = read_reference_csv("action_dates", directory).rename(
        columns={
            "action": "action_code",
            "start": "start_date",
            "end": "end_date",
            "source_url": "dates_source",
            "note": "dates_note",
        }
    )
    merged = actions.merge(dates, on="action_code", how="left", validate="one_to_one")
    for column in ("start_date", "end_date"):
        merged[column] = pd.to_datetime(merged[column]).dt.date
    return merged


def published_figures(directory: Path = REFERENCE_DIR) -> pd.DataFrame:
    """The published headline figures, numbered in file order."""
    figures = read_reference_csv("published_figures", directory).rename(
        columns={"action": "action_code"}
    )
    figures.insert(0, "figure_id", range(1, len(figures) + 1))
    figures["value"] = figures["value"].astype(float)
    figures["as_of"] = pd.to_datetime(figures["as_of"]).dt.date
    return figures


def load_reference(connection: duckdb.DuckDBPyConnection, directory: Path = REFERENCE_DIR) -> None:
    """Fill every reference table of a freshly created store."""
    schema.insert_frame(connection, "regions", read_reference_csv("regions", directory))
    schema.insert_frame(connection, "statuses", read_reference_csv("statuses", directory))
    schema.insert_frame(connection, "countries", read_reference_csv("countries", directory))
    schema.insert_frame(connection, "actions", actions_with_dates(directory))
    for stem, table in _DIRECT_FILES[3:]:
        frame = read_reference_csv(stem, directory)
        if table == "indicators":
            frame["by_sex"] = frame["by_sex"].map({"True": True, "False": False})
        schema.insert_frame(connection, table, frame)
    schema.derive_mapped_action_pillars(connection)
    schema.derive_country_pillars(connection)
    schema.insert_frame(connection, "published_figures", published_figures(directory))
    load_eutf(connection)


def load_eutf(connection: duckdb.DuckDBPyConnection, directory: Path = eutf.EUTF_DIR) -> None:
    """Fill the EUTF tables (real figures, ``data/reference/eutf``) of a store whose EUTF tables
    exist and are empty."""
    projects = eutf.projects(directory)
    schema.insert_frame(connection, "eutf_countries", eutf.country_codes(directory))
    schema.insert_frame(connection, "eutf_projects", projects)
    schema.insert_frame(connection, "eutf_project_countries", eutf.project_countries(projects))
    schema.insert_frame(connection, "eutf_results", eutf.results(directory))
    schema.insert_frame(connection, "eutf_projects_database", eutf.projects_database(directory))
    schema.insert_frame(connection, "eutf_indicator_pillars", eutf.indicator_pillars(directory))
