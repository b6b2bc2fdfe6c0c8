"""The data behind the pillar charts, as the tables downloads and table views show."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import normalise_language, t
from dashboard.labels.pillars import CELL_STATES, _state


def _column(key: str, lang: str) -> str:
    return t(f"pillars.col.{key}", lang)


def _basis_label(basis: object, lang: str) -> str:
    return t(CELL_STATES[_state(basis)][2], lang)


def _text_or_empty(value: object) -> str:
    return value if isinstance(value, str) else ""


def pillar_matrix_data(frame: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """The matrix's cells as a table: Action, pillar, coverage in words, and for mapped cells the
    objectives and this project's reasoning (``queries.pillars.action_pillar_matrix``)."""
    suffix = normalise_language(lang)
    return pd.DataFrame({
        _column("action_code", lang): frame["action_code"].astype(str),
        _column("action", lang): frame[f"short_name_{suffix}"].astype(str),
        _column("pillar_no", lang): frame["pillar_no"].astype(int),
        _column("pillar", lang): frame[f"pillar_name_{suffix}"].astype(str),
        _column("coverage", lang): [_basis_label(basis, lang) for basis in frame["basis"]],
        _column("objectives", lang): [_text_or_empty(text) for text in frame[f"objectives_{suffix}"]],
        _column("rationale", lang): [_text_or_empty(text) for text in frame[f"rationale_{suffix}"]],
    })


def pillar_counts_data(frame: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """Actions and countries applying each pillar, with the Actions' names
    (``queries.pillars.pillar_counts``)."""
    suffix = normalise_language(lang)
    if frame.empty or (frame["actions"].sum() == 0 and frame["countries"].sum() == 0):
        frame = frame.iloc[0:0]
    return pd.DataFrame({
        _column("pillar_no", lang): frame["pillar_no"].astype(int),
        _column("pillar", lang): frame[f"name_{suffix}"].astype(str),
        _column("actions", lang): frame["actions"].astype(int),
        _column("countries", lang): frame["countries"].astype(int),
        _column("action_names", lang): frame[f"action_names_{suffix}"].astype(str),
    })


def country_pillar_data(frame: pd.DataFrame, *, lang: str, action_code: str | None,
                        action_name: str) -> pd.DataFrame:
    """One Action's countries by pillar, coverage in words (``queries.pillars.country_pillar_matrix``)."""
    suffix = normalise_language(lang)
    ordered = frame.sort_values([f"name_{suffix}", "pillar_no"], kind="stable")
    roles = [t(f"role.{role}", lang) if isinstance(role, str) and role else t("role.none", lang)
             for role in ordered["role"]]
    return pd.DataFrame({
        _column("action_code", lang): [action_code or ""] * len(ordered),
        _column("action", lang): [action_name] * len(ordered),
        _column("country_code", lang): ordered["iso3"].astype(str).tolist(),
        _column("country", lang): ordered[f"name_{suffix}"].astype(str).tolist(),
        _column("role", lang): roles,
        _column("pillar_no", lang): ordered["pillar_no"].astype(int).tolist(),
        _column("pillar", lang): ordered[f"pillar_name_{suffix}"].astype(str).tolist(),
        _column("coverage", lang): [_basis_label(basis, lang) for basis in ordered["basis"]],
    })
