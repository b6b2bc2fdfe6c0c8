"""The data behind the sustainability charts, as the tables downloads and table views show
(suppressed groups blanked)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from dashboard.build.aggregates import STAY_BAND
from dashboard.i18n import format_number, t
from dashboard.sustainability.labels import (
    DIRECTIONS,
    clipped,
    grouping_label,
    measure_label,
    ordered_groups,
    series_labels,
    short_verdict,
)
from dashboard.sustainability.queries import MEASURES, MONTH_BANDS


# Each ``*_data`` function turns the frame a chart is drawn from into the table that downloads
# and the "show as table" view offer: rows in the chart's order, readable labels next to codes,
# column names in ``lang``, intervals clipped to [0, 1] as in the chart. A suppressed group keeps
# its row, with its status and no number at all.
def _column(what: str, stat: str, lang: str) -> str:
    return t(
        "sustainability.data.of", lang, what=what, stat=t(f"sustainability.data.stat.{stat}", lang)
    )


def _status_text(suppressed: object, lang: str, min_group_size: int) -> str:
    key = "suppressed" if bool(suppressed) else "shown"
    return t(f"sustainability.data.status.{key}", lang, min=format_number(min_group_size, lang))


def _blank_suppressed(
    table: pd.DataFrame, suppressed: pd.Series, numbers: list[str], counts: list[str]
) -> pd.DataFrame:
    """No number at all in a suppressed row (whatever the frame held); counts as whole numbers."""
    mask = pd.Series(suppressed, dtype=bool).to_numpy()
    for column in numbers:
        values = pd.Series(table[column], dtype="Float64").mask(mask)
        table[column] = values.round().astype("Int64") if column in counts else values
    return table


def _group_columns(
    ordered: pd.DataFrame, grouping: str, lang: str, min_group_size: int
) -> dict[str, list]:
    name = grouping_label(grouping, lang)
    return {
        _column(name, "code", lang): ordered["group_code"].astype(str).tolist(),
        name: ordered["label"].tolist(),
        t("sustainability.data.status", lang): [
            _status_text(value, lang, min_group_size) for value in ordered["suppressed"]
        ],
    }


def _table(
    columns: dict[str, list], suppressed: pd.Series, numbers: list[str], counts: list[str]
) -> pd.DataFrame:
    return _blank_suppressed(pd.DataFrame(columns), suppressed, numbers, counts)


def means_data(
    by_group: pd.DataFrame,
    *,
    labels: Mapping[str, str],
    grouping: str,
    lang: str,
    min_group_size: int,
) -> pd.DataFrame:
    """The means chart as a table: per group its status, n, and each score's mean and 95% interval."""
    ordered = ordered_groups(by_group, labels)
    columns = _group_columns(ordered, grouping, lang, min_group_size)
    n_column, computed_column = (
        t("sustainability.data.n", lang),
        t("sustainability.data.computed", lang),
    )
    columns[n_column] = ordered["n"].tolist()
    columns[computed_column] = ordered["computed_composites"].tolist()
    for measure in MEASURES:
        name = measure_label(measure, lang)
        columns[_column(name, "mean", lang)] = ordered[f"{measure}_mean"].astype(float).tolist()
        columns[_column(name, "ci_low", lang)] = clipped(ordered[f"{measure}_ci_low"]).tolist()
        columns[_column(name, "ci_high", lang)] = clipped(ordered[f"{measure}_ci_high"]).tolist()
    numbers = list(columns)[3:]
    return _table(columns, ordered["suppressed"], numbers, [n_column, computed_column])


def distribution_data(
    by_group: pd.DataFrame,
    *,
    labels: Mapping[str, str],
    grouping: str,
    measure: str,
    lang: str,
    min_group_size: int,
) -> pd.DataFrame:
    """The box chart as a table: per group its status, n, mean and the five percentiles drawn."""
    ordered = ordered_groups(by_group, labels)
    columns = _group_columns(ordered, grouping, lang, min_group_size)
    columns[t("sustainability.data.score", lang)] = [measure_label(measure, lang)] * len(ordered)
    n_column = t("sustainability.data.n", lang)
    columns[n_column] = ordered["n"].tolist()
    for stat in ("mean", "p05", "q1", "median", "q3", "p95"):
        columns[_column(measure_label(measure, lang), stat, lang)] = (
            ordered[stat].astype(float).tolist()
        )
    numbers = list(columns)[4:]
    return _table(columns, ordered["suppressed"], numbers, [n_column])


def threshold_data(
    by_group: pd.DataFrame,
    *,
    labels: Mapping[str, str],
    grouping: str,
    measure: str,
    threshold: float,
    lang: str,
    min_group_size: int,
) -> pd.DataFrame:
    """The threshold chart as a table: per group n, responses at or above, share and Wilson interval."""
    ordered = ordered_groups(by_group, labels)
    columns = _group_columns(ordered, grouping, lang, min_group_size)
    columns[t("sustainability.data.score", lang)] = [measure_label(measure, lang)] * len(ordered)
    columns[t("sustainability.data.threshold", lang)] = [float(threshold)] * len(ordered)
    n_column, above_column = (
        t("sustainability.data.n", lang),
        t("sustainability.data.at_or_above", lang),
    )
    columns[n_column] = ordered["n"].tolist()
    columns[above_column] = ordered["at_or_above"].tolist()
    share = t("sustainability.data.share", lang)
    columns[share] = ordered["share"].astype(float).tolist()
    columns[_column(share, "ci_low_wilson", lang)] = clipped(ordered["ci_low"]).tolist()
    columns[_column(share, "ci_high_wilson", lang)] = clipped(ordered["ci_high"]).tolist()
    numbers = list(columns)[5:]
    return _table(columns, ordered["suppressed"], numbers, [n_column, above_column])


def over_time_data(
    by_band: pd.DataFrame,
    *,
    labels: Mapping[str, str],
    grouping: str,
    measure: str,
    lang: str,
    min_group_size: int,
) -> pd.DataFrame:
    """The chart over time as a table: per series and months band, status, n, mean and interval."""
    band_order = {band: index for index, band in enumerate(MONTH_BANDS)}
    ordered = ordered_groups(by_band, series_labels(grouping, labels, lang))
    ordered = ordered.assign(
        _band=[band_order.get(band, len(band_order)) for band in ordered["months_band"]],
        _series=pd.factorize(ordered["group_code"])[0],
    )
    ordered = ordered.sort_values(["_series", "_band"], kind="stable").reset_index(drop=True)
    series, months = t("sustainability.data.series", lang), t("sustainability.axis.months", lang)
    name = measure_label(measure, lang)
    n_column = t("sustainability.data.n", lang)
    columns = {
        _column(series, "code", lang): ordered["group_code"].astype(str).tolist(),
        series: ordered["label"].tolist(),
        _column(months, "code", lang): ordered["months_band"].astype(str).tolist(),
        months: [t(f"sustainability.code.months.{band}", lang) for band in ordered["months_band"]],
        t("sustainability.data.status", lang): [
            _status_text(value, lang, min_group_size) for value in ordered["suppressed"]
        ],
        t("sustainability.data.score", lang): [name] * len(ordered),
        n_column: ordered["n"].tolist(),
        _column(name, "mean", lang): ordered["mean"].astype(float).tolist(),
        _column(name, "ci_low", lang): clipped(ordered["ci_low"]).tolist(),
        _column(name, "ci_high", lang): clipped(ordered["ci_high"]).tolist(),
    }
    numbers = list(columns)[6:]
    return _table(columns, ordered["suppressed"], numbers, [n_column])


def comparison_data(
    compared: pd.DataFrame,
    *,
    codes: tuple[str, str],
    label_a: str,
    label_b: str,
    lang: str,
    min_group_size: int,
    same_group: bool = False,
    available: int | None = None,
) -> pd.DataFrame:
    """The comparison as a table: per score, both groups' n, mean and interval, the difference
    with Welch's interval and in words whether it is distinguishable from zero at 95%. Empty when
    A and B are the same group or fewer than two groups can be compared (the chart shows nothing
    then)."""
    if same_group or compared.empty or (available is not None and available < 2):
        return pd.DataFrame()
    columns: dict[str, list] = {
        t("sustainability.compare.col.dimension", lang): [
            measure_label(measure, lang) for measure in compared["measure"]
        ]
    }
    numbers: list[str] = []
    for side, code, label in (("a", codes[0], label_a), ("b", codes[1], label_b)):
        group = t(f"sustainability.compare.group_{side}", lang)
        status = compared[f"{side}_status"]
        columns[_column(group, "code", lang)] = [code] * len(compared)
        columns[group] = [label] * len(compared)
        columns[_column(group, "status", lang)] = [
            t(f"sustainability.data.status.{value}", lang, min=format_number(min_group_size, lang))
            for value in status
        ]
        side_numbers = [_column(group, stat, lang) for stat in ("n", "mean", "ci_low", "ci_high")]
        columns[side_numbers[0]] = compared[f"{side}_n"].tolist()
        columns[side_numbers[1]] = compared[f"{side}_mean"].astype(float).tolist()
        columns[side_numbers[2]] = clipped(compared[f"{side}_ci_low"]).tolist()
        columns[side_numbers[3]] = clipped(compared[f"{side}_ci_high"]).tolist()
        numbers += side_numbers
    difference = t("sustainability.compare.col.difference_short", lang)
    columns[difference] = compared["difference"].astype(float).tolist()
    columns[_column(difference, "ci_low_welch", lang)] = (
        compared["difference_ci_low"].astype(float).tolist()
    )
    columns[_column(difference, "ci_high_welch", lang)] = (
        compared["difference_ci_high"].astype(float).tolist()
    )
    either_hidden = (compared["a_status"] != "shown") | (compared["b_status"] != "shown")
    verdict = t("sustainability.compare.col.verdict", lang)
    columns[verdict] = [
        "" if hidden else short_verdict(low, high, lang)
        for hidden, low, high in zip(
            either_hidden,
            compared["difference_ci_low"],
            compared["difference_ci_high"],
            strict=True,
        )
    ]
    table = pd.DataFrame(columns)
    for side, side_numbers in (("a", numbers[:4]), ("b", numbers[4:])):
        _blank_suppressed(
            table, compared[f"{side}_status"] != "shown", side_numbers, [side_numbers[0]]
        )
    return _blank_suppressed(table, either_hidden, list(columns)[-4:-1], [])


def changes_data(
    changes: pd.DataFrame,
    *,
    labels: Mapping[str, str],
    grouping: str,
    lang: str,
    min_group_size: int,
) -> pd.DataFrame:
    """Both change charts as one table: per group n, each score's mean change and paired 95%
    interval, and the shares whose composite rose, stayed or fell with Wilson intervals."""
    ordered = ordered_groups(changes, labels)
    columns = _group_columns(ordered, grouping, lang, min_group_size)
    n_column = t("sustainability.data.pairs", lang)
    columns[n_column] = ordered["n"].tolist()
    for measure in MEASURES:
        name = t(
            "sustainability.data.change_of", lang, measure=measure_label(measure, lang, lower=True)
        )
        columns[_column(name, "mean", lang)] = ordered[f"{measure}_change"].astype(float).tolist()
        columns[_column(name, "ci_low", lang)] = ordered[f"{measure}_ci_low"].astype(float).tolist()
        columns[_column(name, "ci_high", lang)] = (
            ordered[f"{measure}_ci_high"].astype(float).tolist()
        )
    for direction in DIRECTIONS:
        name = t(
            f"sustainability.changes.{direction}", lang, band=format_number(STAY_BAND, lang, 2)
        )
        columns[name] = ordered[direction].astype(float).tolist()
        columns[_column(name, "ci_low_wilson", lang)] = (
            ordered[f"{direction}_ci_low"].astype(float).tolist()
        )
        columns[_column(name, "ci_high_wilson", lang)] = (
            ordered[f"{direction}_ci_high"].astype(float).tolist()
        )
    numbers = list(columns)[3:]
    return _table(columns, ordered["suppressed"], numbers, [n_column])
