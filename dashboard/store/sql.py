"""The one place that turns a selection into SQL conditions with bound parameters."""

from __future__ import annotations

from dashboard.selection import Selection

# What a fact table's date column may be called: an allow-list, never user input.
DATE_COLUMNS = frozenset({"period", "survey_date", "quarter"})


def selection_conditions(selection: Selection, *, alias: str, date_column: str | None,
                         pillar_mode: str = "none") -> tuple[list[str], dict[str, object]]:
    """SQL conditions and parameters restricting rows of ``alias`` to the selection.

    Args:
        selection: the filters.
        alias: table alias holding ``action_code`` and ``iso3`` columns (a fixed identifier).
        date_column: ``period``, ``survey_date`` or ``quarter`` (pre-aggregated cells), or None
            for tables without dates. Selections are whole quarters, so all three filter alike.
        pillar_mode: ``indicator`` (rows have an ``indicator_code``), ``country`` (keep
            countries where a chosen pillar applies) or ``none`` (ignore the pillar filter).
    """
    # The alias and date column are interpolated; both are checked here against fixed rules.
    if not alias.isidentifier():
        raise ValueError(f"bad alias {alias!r}")
    if date_column is not None and date_column not in DATE_COLUMNS:
        raise ValueError(f"unknown date column {date_column!r}")
    conditions: list[str] = []
    params: dict[str, object] = {}
    if selection.regions:
        conditions.append(f"{alias}.action_code IN (SELECT action_code FROM actions WHERE region_code IN $regions)")  # noqa: S608
        params["regions"] = list(selection.regions)
    if selection.statuses:
        conditions.append(f"{alias}.action_code IN (SELECT action_code FROM actions WHERE status_code IN $statuses)")  # noqa: S608
        params["statuses"] = list(selection.statuses)
    if selection.actions:
        conditions.append(f"{alias}.action_code IN $actions")
        params["actions"] = list(selection.actions)
    if selection.countries:
        conditions.append(f"{alias}.iso3 IN $countries")
        params["countries"] = list(selection.countries)
    if selection.pillars and pillar_mode == "indicator":
        conditions.append(f"{alias}.indicator_code IN (SELECT indicator_code FROM indicators WHERE pillar_no IN $pillars)")  # noqa: S608
        params["pillars"] = list(selection.pillars)
    elif selection.pillars and pillar_mode == "country":
        pairs = "(SELECT (action_code, iso3) FROM country_pillars WHERE pillar_no IN $pillars)"
        conditions.append(f"({alias}.action_code, {alias}.iso3) IN {pairs}")  # noqa: S608
        params["pillars"] = list(selection.pillars)
    if date_column and selection.start_date:
        conditions.append(f"{alias}.{date_column} >= $period_start")
        params["period_start"] = selection.start_date
    if date_column and selection.end_date_exclusive:
        conditions.append(f"{alias}.{date_column} < $period_end")
        params["period_end"] = selection.end_date_exclusive
    return conditions, params


def where(conditions: list[str]) -> str:
    """``WHERE a AND b`` or the empty string."""
    return ("WHERE " + " AND ".join(conditions)) if conditions else ""


def indicator_value_conditions(selection: Selection) -> tuple[list[str], dict[str, object]]:
    """Conditions on ``indicator_values iv``: every filter, the pillar through the indicator."""
    return selection_conditions(selection, alias="iv", date_column="period", pillar_mode="indicator")
