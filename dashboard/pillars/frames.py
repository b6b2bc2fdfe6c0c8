"""The data behind the pillar and indicator charts and blocks, as the tables downloads and table views
show."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dashboard.common.eutf import indicator_code
from dashboard.i18n import normalise_language, t
from dashboard.i18n import quarter_label as quarter_text
from dashboard.pillars.labels import (
    CELL_STATES,
    HEADLINE_ORDER,
    cell_state,
    group_order,
    is_missing,
    optional_text,
    published_action,
    published_scope,
    published_unit,
    qualifier_text,
    quarter_label,
    unit_label,
)
from dashboard.pillars.records import records


def _basis_label(basis: object, lang: str) -> str:
    return t(CELL_STATES[cell_state(basis)][2], lang)


def _text_or_empty(value: object) -> str:
    return value if isinstance(value, str) else ""


def pillar_matrix_data(frame: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """The matrix's cells as a table: Action, pillar, coverage in words, and for mapped cells the
    objectives and this project's reasoning (``queries.action_pillar_matrix``)."""
    suffix = normalise_language(lang)
    return pd.DataFrame(
        {
            _column("action_code", lang): frame["action_code"].astype(str),
            _column("action", lang): frame[f"short_name_{suffix}"].astype(str),
            _column("pillar_no", lang): frame["pillar_no"].astype(int),
            _column("pillar", lang): frame[f"pillar_name_{suffix}"].astype(str),
            _column("coverage", lang): [_basis_label(basis, lang) for basis in frame["basis"]],
            _column("objectives", lang): [
                _text_or_empty(text) for text in frame[f"objectives_{suffix}"]
            ],
            _column("rationale", lang): [
                _text_or_empty(text) for text in frame[f"rationale_{suffix}"]
            ],
        }
    )


BASES = ("stated", "mapped")


def has_counts(frame: pd.DataFrame) -> bool:
    """Whether any pillar applies anywhere in scope, by either basis."""
    return not frame.empty and bool(
        frame[[f"{kind}_{basis}" for kind in ("actions", "countries") for basis in BASES]]
        .to_numpy()
        .sum()
    )


def pillar_counts_data(frame: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """Actions and countries applying each pillar, as the source documents state it (reference
    facts) and as the dashboard mapped it (its own mapping), in columns apart, never added
    (``queries.pillar_counts``)."""
    suffix = normalise_language(lang)
    if not has_counts(frame):
        frame = frame.iloc[0:0]
    columns = {
        _column("pillar_no", lang): frame["pillar_no"].astype(int),
        _column("pillar", lang): frame[f"name_{suffix}"].astype(str),
    }
    for basis in BASES:
        columns[_column(f"actions_{basis}", lang)] = frame[f"actions_{basis}"].astype(int)
        columns[_column(f"countries_{basis}", lang)] = frame[f"countries_{basis}"].astype(int)
        columns[_column(f"action_names_{basis}", lang)] = frame[
            f"action_names_{basis}_{suffix}"
        ].astype(str)
    return pd.DataFrame(columns)


def country_pillar_data(
    frame: pd.DataFrame, *, lang: str, action_code: str | None, action_name: str
) -> pd.DataFrame:
    """One Action's countries by pillar, coverage in words (``queries.country_pillar_matrix``)."""
    suffix = normalise_language(lang)
    ordered = frame.sort_values([f"name_{suffix}", "pillar_no"], kind="stable")
    roles = [
        t(f"role.{role}", lang) if isinstance(role, str) and role else t("role.none", lang)
        for role in ordered["role"]
    ]
    return pd.DataFrame(
        {
            _column("action_code", lang): [action_code or ""] * len(ordered),
            _column("action", lang): [action_name] * len(ordered),
            _column("country_code", lang): ordered["iso3"].astype(str).tolist(),
            _column("country", lang): ordered[f"name_{suffix}"].astype(str).tolist(),
            _column("role", lang): roles,
            _column("pillar_no", lang): ordered["pillar_no"].astype(int).tolist(),
            _column("pillar", lang): ordered[f"pillar_name_{suffix}"].astype(str).tolist(),
            _column("coverage", lang): [_basis_label(basis, lang) for basis in ordered["basis"]],
        }
    )


def _column(key: str, lang: str, **values: object) -> str:
    return t(f"pillars.col.{key}", lang, **values)


def _value_column(unit: str, lang: str) -> str:
    return _column("value_unit", lang, unit=unit_label(unit, lang))


def indicator_totals_data(frame: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """The headline cards as a table, in card order (``queries.indicator_totals``)."""
    suffix = normalise_language(lang)
    position = {code: index for index, code in enumerate(HEADLINE_ORDER)}
    ordered = frame.assign(
        _order=frame["indicator_code"].map(lambda code: position.get(code, len(position)))
    )
    ordered = ordered.sort_values(["pillar_no", "_order", "indicator_code"], kind="stable")
    return pd.DataFrame(
        {
            _column("indicator_code", lang): ordered["indicator_code"].astype(str).tolist(),
            _column("indicator", lang): ordered[f"name_{suffix}"].astype(str).tolist(),
            _column("pillar_no", lang): ordered["pillar_no"].astype(int).tolist(),
            _column("unit", lang): [unit_label(unit, lang) for unit in ordered["unit"]],
            _column("total", lang): [
                None if is_missing(total) else float(total) for total in ordered["total"]
            ],
            _column("definition", lang): ordered[f"definition_{suffix}"].astype(str).tolist(),
        }
    )


def indicator_trend_data(
    frame: pd.DataFrame, *, lang: str, indicator: str, indicator_name: str, unit: str, group_by: str
) -> pd.DataFrame:
    """The trend's points, one row per group and quarter, in legend order
    (``queries.indicator_trend``)."""
    suffix = normalise_language(lang)
    order = {
        code: index
        for index, code in enumerate(group_order(frame["group_code"].tolist(), group_by))
    }
    ordered = frame.assign(_order=frame["group_code"].map(order)).sort_values(
        ["_order", "period"], kind="stable"
    )
    periods = [pd.Timestamp(period) for period in ordered["period"]]
    return pd.DataFrame(
        {
            _column(f"{group_by}_code", lang): ordered["group_code"].astype(str).tolist(),
            _column(group_by, lang): ordered[f"name_{suffix}"].astype(str).tolist(),
            _column("quarter", lang): [
                quarter_text(quarter_label(period), lang) for period in periods
            ],
            _column("quarter_start", lang): [period.date().isoformat() for period in periods],
            _column("indicator_code", lang): [indicator] * len(ordered),
            _column("indicator", lang): [indicator_name] * len(ordered),
            _value_column(unit, lang): ordered["value"].astype(float).tolist(),
        }
    )


def country_ranking_data(
    frame: pd.DataFrame, *, lang: str, indicator: str, indicator_name: str, unit: str, by_sex: bool
) -> pd.DataFrame:
    """The ranking's bars, largest country first; one row per country and sex when split
    (``dashboard.common.queries.country_ranking``)."""
    suffix = normalise_language(lang)
    columns: dict[str, list[Any]] = {
        _column("country_code", lang): frame["iso3"].astype(str).tolist(),
        _column("country", lang): frame[f"name_{suffix}"].astype(str).tolist(),
        _column("indicator_code", lang): [indicator] * len(frame),
        _column("indicator", lang): [indicator_name] * len(frame),
    }
    if by_sex:
        columns[_column("sex", lang)] = [t(f"sex.{sex}", lang) for sex in frame["sex"]]
        columns[_value_column(unit, lang)] = frame["value"].astype(float).tolist()
        columns[_column("country_total", lang, unit=unit_label(unit, lang))] = (
            frame["country_total"].astype(float).tolist()
        )
    else:
        columns[_value_column(unit, lang)] = frame["value"].astype(float).tolist()
    return pd.DataFrame(columns)


def completion_rate_data(frame: pd.DataFrame, *, lang: str, group_by: str) -> pd.DataFrame:
    """Started, completed and their share per group, in bar order (``queries.completion_rates``)."""
    suffix = normalise_language(lang)
    codes = group_order(frame["group_code"].tolist(), group_by)
    rows = frame.set_index("group_code").loc[codes].reset_index() if codes else frame
    return pd.DataFrame(
        {
            _column(f"{group_by}_code", lang): rows["group_code"].astype(str).tolist(),
            _column(group_by, lang): rows[f"name_{suffix}"].astype(str).tolist(),
            t("pillars.rates.started", lang): rows["started"].astype(float).tolist(),
            t("pillars.rates.completed", lang): rows["completed"].astype(float).tolist(),
            _column("rate", lang): [
                None if is_missing(rate) else float(rate) for rate in rows["rate"]
            ],
        }
    )


def published_data(frame: pd.DataFrame, *, lang: str) -> pd.DataFrame:
    """The published figures with their qualifier, date and source address
    (``queries.published_figures``)."""
    suffix = normalise_language(lang)
    rows = records(frame)
    return pd.DataFrame(
        {
            _column("figure_id", lang): [int(row["figure_id"]) for row in rows],
            _column("action_code", lang): [str(row["action_code"]) for row in rows],
            _column("action", lang): [published_action(row, lang, suffix) for row in rows],
            _column("scope_code", lang): [str(row["scope"]) for row in rows],
            _column("scope", lang): [published_scope(row, lang, suffix) for row in rows],
            _column("figure_code", lang): [str(row["indicator"]) for row in rows],
            _column("figure", lang): [
                optional_text(f"pillars.pub.{row['indicator']}", lang, row["indicator"])
                for row in rows
            ],
            _column("value", lang): [float(row["value"]) for row in rows],
            _column("unit", lang): [published_unit(str(row["indicator"]), lang) for row in rows],
            _column("qualifier", lang): [qualifier_text(row["qualifier"], lang) for row in rows],
            _column("as_of", lang): [pd.Timestamp(row["as_of"]).date().isoformat() for row in rows],
            _column("source_url", lang): [str(row["source_url"]) for row in rows],
            _column("note", lang): [
                "" if is_missing(row["note"]) else str(row["note"]) for row in rows
            ],
        },
        columns=[
            _column(key, lang)
            for key in (
                "figure_id",
                "action_code",
                "action",
                "scope_code",
                "scope",
                "figure_code",
                "figure",
                "value",
                "unit",
                "qualifier",
                "as_of",
                "source_url",
                "note",
            )
        ],
    )


def pillar_results_table(
    rows: pd.DataFrame, *, pillar_names: dict[int, str], lang: str
) -> pd.DataFrame:
    """``queries.pillar_results`` rows as a table in ``lang``, regional rows included and
    marked; the pillar column says the correspondence is the dashboard's."""
    return pd.DataFrame(
        {
            t("eutf.col.pillar", lang): [
                pillar_names.get(int(number), str(number)) for number in rows["pillar_no"]
            ],
            t("eutf.col.number", lang): [
                indicator_code(number) for number in rows["indicator_number"]
            ],
            t("eutf.col.indicator", lang): rows["indicator"].tolist(),
            t("eutf.col.scope", lang): [t(f"eutf.scope.{scope}", lang) for scope in rows["scope"]],
            t("map.col.country_code", lang): rows["iso3"].tolist(),
            t("eutf.col.place", lang): rows["place"].tolist(),
            t("eutf.hover.level", lang): [
                t(f"eutf.level.{level}", lang) for level in rows["level"]
            ],
            t("eutf.value.target", lang): rows["target"].tolist(),
            t("eutf.value.actual", lang): rows["actual"].tolist(),
        }
    )
