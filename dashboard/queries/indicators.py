"""Programme indicators within a selection: totals, quarterly trends, country rankings,
reintegration completion rates, and the published figures (kept apart from indicator values).

Indicator values are aggregated in DuckDB; every query returns a small frame.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.queries.filters import selection_conditions, where
from dashboard.queries.pillars import JOINT_INITIATIVE_ACTIONS, SEED_ACTION_ORDER, scope_sql
from dashboard.selection import Selection

STARTED = "reintegration_started"
COMPLETED = "reintegration_completed"
DEFAULT_INDICATOR = "returns_assisted"
# Groupings the page offers for trends and rates (a subset of GROUPINGS).
TREND_GROUPINGS = ("region", "action")


# Grouping name -> (code expression, join adding the name table, English name, French name).
# An allow-list: these fragments are the only identifiers interpolated into the SQL below.
GROUPINGS = {
    "region": ("g.region_code", "JOIN regions g ON g.region_code = a.region_code", "g.name_en", "g.name_fr"),
    "action": ("a.action_code", "", "a.short_name_en", "a.short_name_fr"),
    "country": ("g.iso3", "JOIN countries g ON g.iso3 = iv.iso3", "g.name_en", "g.name_fr"),
}


def _grouping(group_by: str) -> tuple[str, str, str, str]:
    if group_by not in GROUPINGS:
        raise ValueError(f"unknown grouping {group_by!r}")
    return GROUPINGS[group_by]


def _value_conditions(selection: Selection) -> tuple[list[str], dict[str, object]]:
    """Conditions on ``indicator_values iv``: every filter, the pillar through the indicator."""
    return selection_conditions(selection, alias="iv", date_column="period", pillar_mode="indicator")


def indicator_totals(cursor: duckdb.DuckDBPyConnection, selection: Selection) -> pd.DataFrame:
    """The total of each indicator that applies to the selection, missing when no value was reported.

    An indicator applies when its pillar applies in at least one (Action, country) pair that the
    region, status, Action and country filters keep, and is among the chosen pillars if any.

    Columns: indicator_code, pillar_no, by_sex, unit, name_en, name_fr, definition_en,
    definition_fr, total (missing when no row matched), value_rows. Ordered by pillar, then code.
    """
    value_conditions, params = _value_conditions(selection)
    pair_conditions, pair_params = selection_conditions(selection, alias="cp", date_column=None, pillar_mode="none")
    if selection.pillars:
        pair_conditions.append("cp.pillar_no IN $pillar_list")
        pair_params["pillar_list"] = list(selection.pillars)
    sql = f"""
        WITH applicable AS (SELECT DISTINCT cp.pillar_no FROM country_pillars cp {where(pair_conditions)}),
        totals AS (
            SELECT iv.indicator_code, sum(iv.value) AS total, count(*) AS value_rows
            FROM indicator_values iv {where(value_conditions)}
            GROUP BY iv.indicator_code
        )
        SELECT i.indicator_code, i.pillar_no, i.by_sex, i.unit, i.name_en, i.name_fr,
               i.definition_en, i.definition_fr, t.total, coalesce(t.value_rows, 0) AS value_rows
        FROM indicators i
        JOIN applicable USING (pillar_no)
        LEFT JOIN totals t USING (indicator_code)
        ORDER BY i.pillar_no, i.indicator_code
    """  # noqa: S608 (conditions from the shared helper and fixed text)
    return cursor.execute(sql, {**params, **pair_params}).df()


def indicator_trend(cursor: duckdb.DuckDBPyConnection, selection: Selection, indicator: str,
                    group_by: str) -> pd.DataFrame:
    """Quarterly totals of one indicator by region, Action or country.

    Args:
        indicator: an indicator code (a bound value: an unknown code gives no rows).
        group_by: 'region', 'action' or 'country'; anything else raises ValueError.

    Columns: group_code, name_en, name_fr, period (quarter start date), value. Ordered by group
    code and period; quarters with no reported value are absent.
    """
    code, join, name_en, name_fr = _grouping(group_by)
    conditions, params = _value_conditions(selection)
    conditions.append("iv.indicator_code = $indicator")
    sql = f"""
        SELECT {code} AS group_code, {name_en} AS name_en, {name_fr} AS name_fr,
               iv.period, sum(iv.value) AS value
        FROM indicator_values iv JOIN actions a USING (action_code) {join}
        {where(conditions)}
        GROUP BY ALL
        ORDER BY group_code, iv.period
    """  # noqa: S608 (grouping fragments from the GROUPINGS allow-list, conditions from the shared helper)
    return cursor.execute(sql, {**params, "indicator": indicator}).df()


def country_ranking(cursor: duckdb.DuckDBPyConnection, selection: Selection, indicator: str, *,
                    by_sex: bool) -> pd.DataFrame:
    """Totals of one indicator per country, largest first, optionally split by sex.

    Columns: iso3, name_en, name_fr, sex ('female', 'male', 'all' when split; 'total' when not),
    value, country_total. Ordered by country_total descending, then English name, then sex.
    """
    conditions, params = _value_conditions(selection)
    conditions.append("iv.indicator_code = $indicator")
    sex = "iv.sex" if by_sex else "'total'"
    sql = f"""
        WITH per_sex AS (
            SELECT iv.iso3, {sex} AS sex, sum(iv.value) AS value
            FROM indicator_values iv {where(conditions)}
            GROUP BY ALL
        )
        SELECT per_sex.iso3, c.name_en, c.name_fr, per_sex.sex, per_sex.value,
               sum(per_sex.value) OVER (PARTITION BY per_sex.iso3) AS country_total
        FROM per_sex JOIN countries c USING (iso3)
        ORDER BY country_total DESC, c.name_en,
                 CASE per_sex.sex WHEN 'female' THEN 1 WHEN 'male' THEN 2 ELSE 3 END
    """  # noqa: S608 (sex expression is one of two fixed fragments, conditions from the shared helper)
    return cursor.execute(sql, {**params, "indicator": indicator}).df()


def completion_rates(cursor: duckdb.DuckDBPyConnection, selection: Selection, group_by: str) -> pd.DataFrame:
    """Reintegration assistance completed as a share of started, by region, Action or country.

    Both counts are totals over the selection; completions in a period may concern starts in an
    earlier one, so a share can exceed 1.

    Columns: group_code, name_en, name_fr, started, completed, rate (completed / started;
    missing when nothing started). Only groups with at least one start or completion; ordered
    by group code.
    """
    code, join, name_en, name_fr = _grouping(group_by)
    conditions, params = _value_conditions(selection)
    conditions.append("iv.indicator_code IN ($started, $completed)")
    sql = f"""
        WITH counts AS (
            SELECT {code} AS group_code, {name_en} AS name_en, {name_fr} AS name_fr,
                   coalesce(sum(iv.value) FILTER (WHERE iv.indicator_code = $started), 0) AS started,
                   coalesce(sum(iv.value) FILTER (WHERE iv.indicator_code = $completed), 0) AS completed
            FROM indicator_values iv JOIN actions a USING (action_code) {join}
            {where(conditions)}
            GROUP BY ALL
        )
        SELECT group_code, name_en, name_fr, started, completed,
               CASE WHEN started > 0 THEN completed / started END AS rate
        FROM counts
        ORDER BY group_code
    """  # noqa: S608 (grouping fragments from the GROUPINGS allow-list, conditions from the shared helper)
    return cursor.execute(sql, {**params, "started": STARTED, "completed": COMPLETED}).df()


def published_figures(cursor: duckdb.DuckDBPyConnection, selection: Selection) -> pd.DataFrame:
    """Published (real) headline figures of the Actions in scope.

    A figure is kept when its Action is in scope (figures of the Joint Initiative as a whole,
    JI-ALL, when any of its three Actions is), when its scope is the whole Action or a chosen
    country, when its as-of date falls in the chosen period, and, if pillars are chosen, when its
    indicator is a programme indicator of one of them. Never add these up: they are cumulative
    figures at different dates.

    Columns: figure_id, action_code, short_name_en, short_name_fr (missing for JI-ALL), scope
    ('all' or an ISO3 code), scope_name_en, scope_name_fr (missing for 'all'), indicator,
    pillar_no (missing when the indicator is not a programme indicator), value, qualifier,
    as_of, source_url, note. Ordered by Action (seed order, JI-ALL first), as-of date, figure id.
    """
    scope, params = scope_sql(selection, active_in_period=False)
    conditions = [
        """(pf.action_code IN (SELECT action_code FROM scoped_actions)
            OR (pf.action_code = 'JI-ALL'
                AND EXISTS (SELECT 1 FROM scoped_actions WHERE action_code IN $joint_actions)))"""
    ]
    params["joint_actions"] = list(JOINT_INITIATIVE_ACTIONS)
    if selection.countries:
        conditions.append("(pf.scope = 'all' OR pf.scope IN $scope_countries)")
        params["scope_countries"] = list(selection.countries)
    if selection.start_date:
        conditions.append("pf.as_of >= $as_of_from")
        params["as_of_from"] = selection.start_date
    if selection.end_date_exclusive:
        conditions.append("pf.as_of < $as_of_before")
        params["as_of_before"] = selection.end_date_exclusive
    if selection.pillars:
        conditions.append("i.pillar_no IN $pillar_list")
        params["pillar_list"] = list(selection.pillars)
    sql = f"""
        WITH scoped_actions AS (SELECT DISTINCT action_code FROM ({scope}))
        SELECT pf.figure_id, pf.action_code, a.short_name_en, a.short_name_fr, pf.scope,
               c.name_en AS scope_name_en, c.name_fr AS scope_name_fr, pf.indicator, i.pillar_no,
               pf.value, pf.qualifier, pf.as_of, pf.source_url, pf.note
        FROM published_figures pf
        LEFT JOIN actions a ON a.action_code = pf.action_code
        LEFT JOIN countries c ON c.iso3 = pf.scope
        LEFT JOIN indicators i ON i.indicator_code = pf.indicator
        {where(conditions)}
        ORDER BY coalesce(list_position($action_order, pf.action_code), 99), pf.as_of, pf.figure_id
    """  # noqa: S608 (scope and conditions built from fixed text and the shared helper)
    return cursor.execute(sql, {**params, "action_order": ["JI-ALL", *SEED_ACTION_ORDER]}).df()


def indicator_meta(cursor: duckdb.DuckDBPyConnection, indicator: str) -> dict[str, object] | None:
    """Reference facts of one indicator, or None for an unknown code.

    Keys: indicator_code, pillar_no, by_sex, unit, name_en, name_fr, definition_en, definition_fr.
    """
    frame = cursor.execute(
        """SELECT indicator_code, pillar_no, by_sex, unit, name_en, name_fr, definition_en, definition_fr
           FROM indicators WHERE indicator_code = $indicator""",
        {"indicator": indicator},
    ).df()
    return None if frame.empty else frame.iloc[0].to_dict()
