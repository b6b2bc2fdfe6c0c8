"""The data behind the map coloured by an amount, as the table downloads and table views show."""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import t
from dashboard.map_amounts import AmountSpec


def amount_table(frame: pd.DataFrame, spec: AmountSpec, *, lang: str) -> pd.DataFrame:
    """The amount map as a table: one row per country, drawn or not, in ``lang``.

    Columns: country code, country, measure, value shown (number, or the "no figure" words),
    then the budget in EUR (the budget colouring: a budget is not a target) or target, actual and
    % of target (the others), level and projects or contracts, regional projects covering it
    (never included), source and date, drawn on the map.
    """
    rows = []
    for row in frame.itertuples(index=False):
        if spec.is_budget:
            figures = {t("map.amount.col.budget", lang): None if pd.isna(row.budget) else float(row.budget)}
        else:
            figures = {
                t("eutf.value.target", lang): None if pd.isna(row.target) else float(row.target),
                t("eutf.value.actual", lang): None if pd.isna(row.actual) else float(row.actual),
                t("eutf.value.pct", lang): None if pd.isna(row.pct) else round(float(row.pct), 1),
            }
        rows.append({
            t("map.col.country_code", lang): row.iso3,
            t("map.col.country", lang): row.country,
            t("map.amount.col.measure", lang): f"{spec.measure_label} ({spec.value_label})",
            t("map.amount.col.value", lang): (spec.missing_label if pd.isna(row.value) else float(row.value)),
            **figures,
            t("eutf.hover.level", lang): row.level and t(f"eutf.level.{row.level}", lang),
            t("map.amount.col.ids", lang): row.iati_ids,
            t("eutf.hover.regional", lang): row.regional,
            t("map.amount.col.source", lang): spec.source_line,
            t("map.amount.col.drawn", lang): t("map.yes" if row.drawn else "map.amount.no_outline", lang),
        })
    return pd.DataFrame(rows)
