"""Write the protected release into a store version (at every build, import and upgrade).

The release is made once per store version from that version's survey records and kept inside
the version's DuckDB file: ``release_records`` (the released records, with weights: what every
public survey figure is computed from), ``release_info`` (its public parameters: budget,
mechanism, measurements, date) and ``release_secret`` (its seed, never read by any query that
answers a request). Serving a kept version again (a rollback) spends nothing new; an upgrade
that finds a release keeps it.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass
from typing import cast

import duckdb
import numpy as np
import pandas as pd

from dashboard.build.aggregates import RELEASE_CELLS, build_cells
from dashboard.build.release.budget import Budget
from dashboard.build.release.ledger import DEMO, IMPORTED, NOBODY, file_ledger
from dashboard.build.release.mechanism import Measurer, secret_generator
from dashboard.build.release.model import fit_and_draw, previous_band
from dashboard.build.release.returnees import (
    ATTRIBUTES,
    BAND_MONTHS,
    MONTH_BANDS,
    quarter_start,
    read_domain,
    read_returnees,
)

MECHANISM = "dp-additive-model-v1"
MECHANISM_TEXT = (
    "synthetic returnees drawn from a model fitted to Gaussian-noised tables: returnees by place × "
    "quarter, attributes by place, months band and rounds, score and change sums by every attribute "
    "(and place × sex), the scores' residual histograms and correlations"
)
SEED_KEY = "release_seed"

RELEASE_DDL = """
CREATE TABLE IF NOT EXISTS release_records (respondent_id BIGINT NOT NULL, survey_id BIGINT NOT NULL,
    action_code VARCHAR NOT NULL, iso3 VARCHAR NOT NULL, survey_date DATE NOT NULL,
    months_since_return SMALLINT NOT NULL, sex VARCHAR NOT NULL, age_group VARCHAR NOT NULL,
    assistance_type VARCHAR NOT NULL, assistance_level VARCHAR NOT NULL, referral VARCHAR NOT NULL,
    economic_score DOUBLE NOT NULL, social_score DOUBLE NOT NULL, psychosocial_score DOUBLE NOT NULL,
    composite_score DOUBLE NOT NULL, weight DOUBLE NOT NULL);
CREATE TABLE IF NOT EXISTS release_info (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS release_secret (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
"""


def holds_survey(connection: duckdb.DuckDBPyConnection) -> bool:
    """Whether a survey file was imported into the store (or demo survey data generated): a fact
    about its imports, which the history shows, never about how many records they hold."""
    row = connection.execute(
        "SELECT count(*) FROM data_batches WHERE table_name = 'survey_responses'"
    ).fetchone()
    return row is not None and row[0] > 0


def new_seed() -> int:
    """A fresh secret seed (128 bits)."""
    return secrets.randbits(128)


def stored_seed(connection: duckdb.DuckDBPyConnection) -> int | None:
    """The seed of the store's release, if it has one (server-side only)."""
    try:
        row = connection.execute(
            "SELECT value FROM release_secret WHERE key = $key", {"key": SEED_KEY}
        ).fetchone()
    except duckdb.CatalogException:
        return None
    return int(row[0]) if row else None


def has_release(connection: duckdb.DuckDBPyConnection) -> bool:
    """True when the store holds a release (its records and parameters)."""
    try:
        return connection.execute("SELECT count(*) FROM release_info").fetchall()[0][0] > 0
    except duckdb.CatalogException:
        return False


def survey_origin(connection: duckdb.DuckDBPyConnection) -> str:
    """Whose answers a release of the store is made of: ``demo`` (invented returnees) or ``imported``."""
    row = connection.execute("SELECT value FROM store_info WHERE key = 'data_origin'").fetchone()
    return DEMO if row and row[0] == DEMO else IMPORTED


@dataclass(frozen=True)
class Spent:
    """What making a release spent: ρ, on whose answers (``demo``, ``imported`` or ``none``)."""

    rho: float
    of: str


def build_release(
    connection: duckdb.DuckDBPyConnection,
    *,
    seed: int,
    budget: Budget,
    composite_weights: tuple[float, float, float] = (1 / 3, 1 / 3, 1 / 3),
    spent_before: float | None = None,
    of: str | None = None,
    draws: float | None = None,
) -> dict[str, object]:
    """Spend ``budget`` once on the store's survey records and write the release (inside the
    caller's transaction); returns the release's public parameters.

    Args:
        seed: the release's secret seed (kept in ``release_secret``).
        budget: the zCDP budget of this release.
        composite_weights: economic, social, psychosocial weights of the derived composite.
        spent_before: ρ already spent on the same survey by earlier releases (a store directory's
            ledger, ``ledger.directory_ledger``); default: the running total the store file's
            previous release kept (a single file is never rolled back).
        of: whose answers: ``demo`` or ``imported`` (default from the store's data origin).
        draws: records drawn per estimated returnee instead of the default (benchmarks only).
    """
    connection.execute(RELEASE_DDL)
    surveyed = holds_survey(connection)
    of = (of or survey_origin(connection)) if surveyed else NOBODY
    if spent_before is None:
        spent_before = file_ledger(connection).spent(of)
    domain = read_domain(connection)
    returnees = read_returnees(connection, domain)
    generator = secret_generator(seed)
    measurer = Measurer(generator)
    drawn = fit_and_draw(
        returnees, domain, measurer, budget, generator, holds_survey=surveyed, draws=draws
    )
    records = _records(
        drawn, domain, np.asarray(composite_weights, dtype=float) / sum(composite_weights)
    )
    connection.execute("DELETE FROM release_records")
    connection.register("release_frame", records)
    try:
        connection.execute("INSERT INTO release_records SELECT * FROM release_frame")
    finally:
        connection.unregister("release_frame")
    info = {
        "mechanism": MECHANISM,
        "mechanism_text": MECHANISM_TEXT,
        "unit": "returnee (all their survey rounds)",
        "rho": budget.rho,
        "mu": budget.mu,
        "epsilon_at_delta_1e-6": round(budget.epsilon(1e-6), 3),
        # A store without survey data spends nothing on anybody (which files were imported is public).
        "rho_this_release": budget.rho if surveyed else 0.0,
        "release_of": of,
        "rho_spent_by_this_store": round(spent_before + (budget.rho if surveyed else 0.0), 6),
        "measurements": [
            {
                "name": m.name,
                "cells": m.cells,
                "sensitivity": round(m.sensitivity, 4),
                "sigma": round(m.sigma, 4),
                "rho": round(m.rho, 6),
            }
            for m in measurer.ledger
        ],
        "composite_weights": [round(float(w), 6) for w in composite_weights],
        "released_records": len(records),
        "draws_per_returnee": round(drawn.draws, 3),
        "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    connection.execute("DELETE FROM release_info")
    for key, value in info.items():
        connection.execute(
            "INSERT INTO release_info VALUES ($key, $value)",
            {"key": key, "value": json.dumps(value)},
        )
    connection.execute(
        "INSERT OR REPLACE INTO release_secret VALUES ($key, $value)",
        {"key": SEED_KEY, "value": str(seed)},
    )
    build_cells(connection, RELEASE_CELLS)
    return info


def _records(drawn, domain, composite_weights: np.ndarray) -> pd.DataFrame:
    """Released records: every drawn returnee's latest answer, and their previous one when drawn with one."""
    codes = drawn.codes
    count = len(codes["place"])
    places = (
        np.array(domain.places, dtype=object).reshape(-1, 2)
        if domain.places
        else np.empty((0, 2), dtype=object)
    )
    quarter_dates = np.array(
        [quarter_start(q) for q in range(int(codes["quarter"].max(initial=0)) + 1)],
        dtype="datetime64[D]",
    )
    months = np.array(BAND_MONTHS, dtype=np.int16)

    def frame(
        rows: np.ndarray,
        quarter: np.ndarray,
        band: np.ndarray,
        scores: np.ndarray,
        survey_ids: np.ndarray,
    ) -> pd.DataFrame:
        columns = {
            "respondent_id": rows.astype(np.int64),
            "survey_id": survey_ids.astype(np.int64),
            "action_code": places[codes["place"][rows], 0].astype(str),
            "iso3": places[codes["place"][rows], 1].astype(str),
            "survey_date": quarter_dates[quarter],
            "months_since_return": months[band],
        }
        for name, values in ATTRIBUTES.items():
            columns[name] = np.array(values)[codes[name][rows]]
        for index, column in enumerate(("economic_score", "social_score", "psychosocial_score")):
            columns[column] = np.round(scores[:, index], 4)
        columns["composite_score"] = np.round(scores @ composite_weights, 4)
        columns["weight"] = np.full(len(rows), drawn.weight)
        return pd.DataFrame(columns)

    everyone = np.arange(count)
    latest = frame(everyone, codes["quarter"], codes["band"], drawn.scores, everyone * 2 + 1)
    paired = everyone[codes["lag"] > 0]
    previous = frame(
        paired,
        codes["quarter"][paired] - codes["lag"][paired],
        previous_band(codes["band"][paired], codes["lag"][paired]),
        drawn.previous[paired],
        paired * 2,
    )
    assert len(MONTH_BANDS) == len(BAND_MONTHS)
    return pd.concat([latest, previous], ignore_index=True)


def refresh_release(
    connection: duckdb.DuckDBPyConnection,
    *,
    seed: int | None = None,
    budget: Budget | None = None,
    composite_weights: tuple[float, float, float] = (1 / 3, 1 / 3, 1 / 3),
    keep_existing: bool = False,
    spent_before: float | None = None,
    of: str | None = None,
) -> Spent:
    """The one hook of builds, imports and upgrades: make the store version's release; returns what
    it spent (for the history entry: ``ledger.RELEASE_FIELD``).

    Args:
        seed: the secret seed (a demo build may fix it to be reproducible); default a fresh one.
        budget: default from ``EUIOM_RELEASE_RHO`` (``budget.configured_budget``).
        composite_weights: weights of the derived composite.
        keep_existing: keep a release the store already has (an upgrade: nothing new is spent).
        spent_before, of: see :func:`build_release`.
    """
    from dashboard.build.release.budget import configured_budget

    if keep_existing and has_release(connection):
        connection.execute(RELEASE_DDL)
        build_cells(connection, RELEASE_CELLS)
        return Spent(0.0, NOBODY)
    info = build_release(
        connection,
        seed=new_seed() if seed is None else seed,
        budget=budget or configured_budget(),
        composite_weights=composite_weights,
        spent_before=spent_before,
        of=of,
    )
    return Spent(float(cast(float, info["rho_this_release"])), str(info["release_of"]))
