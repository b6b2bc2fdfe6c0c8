"""The map's "by amount" colourings as one frame per country: real EUTF figures, or the store's
programme indicators (demo or imported). Pure pandas on query frames; no SQL, no figures.

A country's amount is its own figure only: regional projects and contracts that cover it are
listed beside it (``regional``), never split into it or added to it. A budget is a budget, never
a target: it has a column of its own. ``level`` says whether a figure is the contracts' or, where
a country has no contract figure, its parent project's.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.cells import is_missing, number
from dashboard.common.data_kinds import EUTF, FACTS
from dashboard.i18n import format_number, t, with_unit
from dashboard.store.eutf import BUDGET_VALUE

AMOUNT_COLUMNS = (
    "iso3",
    "country",
    "value",
    "budget",
    "target",
    "actual",
    "pct",
    "level",
    "iati_ids",
    "regional",
    "drawn",
    "has_figure",
    "action_country",
)
MAX_REGIONAL_LISTED = 3


@dataclass(frozen=True)
class AmountSpec:
    """What an amount colouring shows, in words: measure, which value, kind and framework."""

    kind: str  # data_kinds.EUTF or data_kinds.FACTS
    measure_label: str
    value_label: str
    source_line: str  # "EUTF, reported by 17 Dec 2021 · EUTF Common Output Indicators 3.4"
    missing_label: str  # "no EUTF figure"
    unit: str  # "EUR", "%" or "people"
    short_source: str = ""  # for the colour bar; the source line when empty
    value_kind: str = ""  # EUTF: "actual", "target", "pct" or "budget"; "" for a store indicator

    @property
    def is_eutf(self) -> bool:
        """Whether the amounts are real EUTF figures."""
        return self.kind == EUTF

    @property
    def is_budget(self) -> bool:
        """Whether the amounts are EUTF budgets (in EUR; no target, actual or share)."""
        return self.value_kind == BUDGET_VALUE


def _pct(actual: object, target: object) -> float:
    done, planned = number(actual), number(target)
    if done is None or not planned:
        return math.nan
    return done / planned * 100


def _regional_text(rows: pd.DataFrame, measure: str, lang: str) -> str:
    parts = []
    for row in rows.head(MAX_REGIONAL_LISTED).itertuples(index=False):
        amount = number(row.target if measure == "budget" else row.actual)
        parts.append(
            t(
                "eutf.regional.item",
                lang,
                id=row.iati_id,
                level=t(f"eutf.level.{row.level}", lang),
                count=row.country_count,
                value=format_number(amount, lang, 0 if measure == "budget" else 2)
                .removesuffix(".00")
                .removesuffix(",00"),
            )
        )
    more = len(rows) - MAX_REGIONAL_LISTED
    if more > 0:
        parts.append(t("eutf.regional.more", lang, count=more))
    return "; ".join(parts)


def _empty_row(iso3: str, name: str, *, drawn: bool, action_country: bool) -> dict:
    return {
        "iso3": iso3,
        "country": name,
        "value": math.nan,
        "budget": math.nan,
        "target": math.nan,
        "actual": math.nan,
        "pct": math.nan,
        "level": "",
        "iati_ids": "",
        "regional": "",
        "drawn": drawn,
        "has_figure": False,
        "action_country": action_country,
    }


def eutf_amounts(
    own: pd.DataFrame,
    regional: pd.DataFrame,
    *,
    measure: str,
    value_kind: str,
    drawable: Mapping[str, str],
    action_countries: Collection[str],
    lang: str,
) -> pd.DataFrame:
    """One row per country on the map or with an EUTF figure.

    Args:
        own: ``dashboard.store.eutf.country_figures`` rows.
        regional: ``dashboard.store.eutf.regional_figures`` rows.
        measure: a key of ``dashboard.store.eutf.MEASURES``.
        value_kind: ``actual``, ``target`` or ``pct`` (ignored for the budget, whose value is the
            budget).
        drawable: iso3 -> name of the countries the map draws (it has their outlines).
        action_countries: iso3 codes of the Action countries (the ones with a country profile).
        lang: language of the names and texts.

    Returns columns ``AMOUNT_COLUMNS``, ordered by iso3; ``value`` is NaN where there is no figure;
    for the budget, ``budget`` holds it and ``target``, ``actual`` and ``pct`` are NaN.
    """
    name_column = f"name_{lang}"
    rows = {
        iso3: _empty_row(iso3, name, drawn=True, action_country=iso3 in action_countries)
        for iso3, name in drawable.items()
    }
    for row in own.to_dict("records"):
        entry = rows.setdefault(
            row["iso3"],
            _empty_row(
                row["iso3"],
                row[name_column],
                drawn=False,
                action_country=row["iso3"] in action_countries,
            ),
        )
        if measure == "budget":
            figures = {
                "budget": row["target"],
                "target": math.nan,
                "actual": math.nan,
                "pct": math.nan,
            }
            value = row["target"]
        else:
            target, actual = row["target"], row["actual"]
            figures = {
                "budget": math.nan,
                "target": target,
                "actual": actual,
                "pct": _pct(actual, target),
            }
            value = figures[value_kind]
        entry.update(
            {
                **figures,
                "value": value,
                "level": row["level"],
                "iati_ids": row["iati_ids"],
                "has_figure": not is_missing(value),
            }
        )
    for iso3, covered in regional.groupby("iso3", sort=True):
        if iso3 in rows:
            rows[str(iso3)]["regional"] = _regional_text(covered, measure, lang)
    frame = pd.DataFrame(list(rows.values()), columns=list(AMOUNT_COLUMNS))
    frame["has_figure"] = frame["has_figure"].fillna(False).astype(bool)
    return frame.sort_values("iso3", ignore_index=True)


def indicator_amounts(
    ranking: pd.DataFrame, *, drawable: Mapping[str, str], lang: str
) -> pd.DataFrame:
    """One row per map country for a store indicator (``dashboard.common.queries.country_ranking``
    without the sex split), summed over the filtered period; NaN where the store has no value."""
    totals = {row["iso3"]: float(row["value"]) for row in ranking.to_dict("records")}
    rows = [
        {
            **_empty_row(iso3, name, drawn=True, action_country=True),
            "value": totals.get(iso3, math.nan),
            "actual": totals.get(iso3, math.nan),
            "has_figure": iso3 in totals,
        }
        for iso3, name in drawable.items()
    ]
    return pd.DataFrame(rows, columns=list(AMOUNT_COLUMNS)).sort_values("iso3", ignore_index=True)


def eutf_spec(
    measure: str, value_kind: str, number: str | None, as_of: str, lang: str
) -> AmountSpec:
    """The words of an EUTF colouring (``number``: its Common Output Indicator, None for budget)."""
    framework = (
        t("eutf.framework.contracts", lang)
        if number is None
        else t("eutf.framework.coi", lang, number=number)
    )
    value_kind = BUDGET_VALUE if measure == "budget" else value_kind
    return AmountSpec(
        kind=EUTF,
        measure_label=t(f"eutf.measure.{measure}", lang),
        value_label=t(f"eutf.value.{value_kind}", lang),
        source_line=t("eutf.source_line", lang, date=as_of, framework=framework),
        missing_label=t("eutf.missing", lang),
        unit="EUR" if measure == "budget" else ("%" if value_kind == "pct" else "people"),
        value_kind=value_kind,
    )


def indicator_spec(
    indicator: str, period: str, kind_label: str, lang: str, origin: str = "demo"
) -> AmountSpec:
    """The words of a colouring by a store indicator (demo or imported: ``origin``)."""
    return AmountSpec(
        kind=FACTS,
        measure_label=indicator,
        value_label=t("eutf.value.sum", lang, period=period),
        source_line=kind_label,
        missing_label=t("map.amount.missing_store", lang),
        unit="",
        short_source=t(f"kind.short.{origin}", lang).upper(),
    )


def as_value_text(value: float, spec: AmountSpec, lang: str) -> str:
    """A value as the hover, table and summary write it ('no EUTF figure' where missing)."""
    if is_missing(value):
        return spec.missing_label
    if spec.unit == "%":
        return with_unit(format_number(value, lang, 0), "%", lang)
    decimals = 0 if float(value).is_integer() else 2
    text = format_number(value, lang, decimals)
    return with_unit(text, "EUR", lang) if spec.unit == "EUR" else text
