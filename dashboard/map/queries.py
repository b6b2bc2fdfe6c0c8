"""Queries of the programme map: the Action countries and what the filters keep, one country's
facts, headline indicators and trend, published figures, RADA's provinces and the global component."""

from __future__ import annotations

import dataclasses

import duckdb
import numpy as np
import pandas as pd

from dashboard.selection import Selection
from dashboard.store.door import ROW, ROWS, query
from dashboard.store.eutf import COMMON_OUTPUT_FRAMEWORK
from dashboard.store.sql import Sql, compose, joined, selection_conditions, where

# The headline indicators a country profile shows, in this order (only those with data).
HEADLINE_INDICATORS = (
    "returns_assisted",
    "arrival_assistance",
    "migrants_protected",
    "reintegration_started",
    "reintegration_completed",
    "community_projects",
)
# Published figures under this code concern all three Joint Initiative Actions together.
JOINT_INITIATIVE_CODE = "JI-ALL"
JOINT_INITIATIVE_ACTIONS = ("JI-NA", "JI-HOA", "JI-SLC")


def _active_period_conditions(selection: Selection) -> tuple[list[Sql], dict[str, object]]:
    """Keep Actions (``actions a``) whose active period overlaps the selected quarters. A missing
    start or end date (not published) leaves that side of the period open."""
    conditions: list[Sql] = []
    params: dict[str, object] = {}
    if selection.start_date:
        conditions.append(Sql("(a.end_date IS NULL OR a.end_date >= $active_from)"))
        params["active_from"] = selection.start_date
    if selection.end_date_exclusive:
        conditions.append(Sql("(a.start_date IS NULL OR a.start_date < $active_to)"))
        params["active_to"] = selection.end_date_exclusive
    return conditions, params


def _country_conditions(selection: Selection) -> tuple[list[Sql], dict[str, object]]:
    """Conditions on ``action_countries ac`` joined with ``actions a``: the shared filters (pillars
    by country applicability) plus the overlap of the Action's active period."""
    conditions, params = selection_conditions(
        selection, alias="ac", date_column=None, pillar_mode="country"
    )
    period_conditions, period_params = _active_period_conditions(selection)
    return conditions + period_conditions, {**params, **period_params}


# The Action countries as the map draws them, whatever the filters: asked without parameters, so
# the store's cache of answers keeps them for the store version, and a filter change asks only
# which rows the filters keep (``map_countries``). Both list the same rows in the same order.
MAP_FROM = Sql("""
        FROM action_countries ac
        JOIN countries c USING (iso3)
        JOIN actions a USING (action_code)
        JOIN regions r USING (region_code)
        JOIN statuses s USING (status_code)
        ORDER BY ac.iso3, ac.action_code
""")
MAP_COUNTRIES = compose(
    """
        SELECT ac.iso3, c.name_en AS country_name_en, c.name_fr AS country_name_fr, ac.action_code,
               a.short_name_en AS action_short_en, a.short_name_fr AS action_short_fr,
               a.region_code, r.name_en AS region_name_en, r.name_fr AS region_name_fr,
               a.status_code, s.name_en AS status_name_en, s.name_fr AS status_name_fr, ac.role,
               coalesce((SELECT list(cp.pillar_no ORDER BY cp.pillar_no) FROM country_pillars cp
                         WHERE cp.action_code = ac.action_code AND cp.iso3 = ac.iso3), []) AS pillars
        {source}
    """,
    source=MAP_FROM,
)


def map_countries(cursor: duckdb.DuckDBPyConnection, selection: Selection) -> pd.DataFrame:
    """Every Action country, with whether the selection keeps it.

    Returns one row per Action and country, ordered by iso3 then action_code, with columns:
    iso3, country_name_en, country_name_fr, action_code, action_short_en, action_short_fr,
    region_code, region_name_en, region_name_fr, status_code, status_name_en, status_name_fr,
    role (host, origin or None), pillars (list of pillar numbers that apply there, ascending),
    in_selection (bool).
    """
    countries = query(cursor, "map_countries", MAP_COUNTRIES)
    conditions, params = _country_conditions(selection)
    kept = joined(conditions, " AND ") if conditions else Sql("TRUE")
    sql = compose(
        "SELECT coalesce({kept}, FALSE) AS in_selection {source}", kept=kept, source=MAP_FROM
    )
    flags = query(cursor, "map_countries_kept", sql, params, read=ROWS)
    countries["in_selection"] = np.array([flag for (flag,) in flags], dtype=bool)
    return countries


def country_in_selection(
    cursor: duckdb.DuckDBPyConnection, selection: Selection, iso3: str
) -> bool:
    """Whether the selection keeps ``iso3`` for at least one of its Actions."""
    conditions, params = _country_conditions(selection)
    sql = compose(
        """
        SELECT count(*) > 0 FROM action_countries ac JOIN actions a USING (action_code)
        {where}
    """,
        where=where([*conditions, Sql("ac.iso3 = $iso3")]),
    )
    return bool(query(cursor, "country_in_selection", sql, {**params, "iso3": iso3}, read=ROW)[0])


def global_components(cursor: duckdb.DuckDBPyConnection, selection: Selection) -> pd.DataFrame:
    """Components of an Action that have no country (the Pilot Action's KMH, listed as "Monde").

    Kept when their Action passes the region, status, Action and period filters and (with a
    pillar filter) has one of the chosen pillars; a country filter drops them, since they are in
    no country. Columns: action_code, action_short_en, action_short_fr, component_code, name_en,
    name_fr, established, note_en, note_fr, source. Ordered by action_code, component_code.
    """
    action_level = dataclasses.replace(selection, countries=(), pillars=())
    conditions, params = selection_conditions(action_level, alias="g", date_column=None)
    period_conditions, period_params = _active_period_conditions(selection)
    conditions += period_conditions
    params.update(period_params)
    if selection.pillars:
        conditions.append(
            Sql(
                "g.action_code IN (SELECT action_code FROM action_pillars WHERE pillar_no IN $pillars)"
            )
        )
        params["pillars"] = list(selection.pillars)
    if selection.countries:
        conditions.append(Sql("FALSE"))
    sql = compose(
        """
        SELECT g.action_code, a.short_name_en AS action_short_en, a.short_name_fr AS action_short_fr,
               g.component_code, g.name_en, g.name_fr, g.established, g.note_en, g.note_fr, g.source
        FROM global_components g JOIN actions a USING (action_code)
        {where}
        ORDER BY g.action_code, g.component_code
    """,
        where=where(conditions),
    )
    return query(cursor, "global_components", sql, params)


def country_facts(cursor: duckdb.DuckDBPyConnection, iso3: str) -> pd.DataFrame:
    """The reference facts of one country, one row per Action working there (none if unknown).

    Columns: iso3, country_name_en, country_name_fr, action_code, action_short_en,
    action_short_fr, action_name_en, action_name_fr, region_name_en, region_name_fr, status_code,
    status_name_en, status_name_fr, role, start_date, end_date, dates_source,
    pillars (list of pillar numbers that apply there, ascending), pillar_note_en, pillar_note_fr
    (why only some of the Action's pillars apply there, or None). Ordered by action_code.
    """
    return query(
        cursor,
        "country_facts",
        """
        SELECT ac.iso3, c.name_en AS country_name_en, c.name_fr AS country_name_fr, ac.action_code,
               a.short_name_en AS action_short_en, a.short_name_fr AS action_short_fr,
               a.name_en AS action_name_en, a.name_fr AS action_name_fr,
               r.name_en AS region_name_en, r.name_fr AS region_name_fr, a.status_code,
               s.name_en AS status_name_en, s.name_fr AS status_name_fr, ac.role,
               a.start_date, a.end_date, a.dates_source,
               coalesce((SELECT list(cp.pillar_no ORDER BY cp.pillar_no) FROM country_pillars cp
                         WHERE cp.action_code = ac.action_code AND cp.iso3 = ac.iso3), []) AS pillars,
               ex.note_en AS pillar_note_en, ex.note_fr AS pillar_note_fr
        FROM action_countries ac
        JOIN countries c USING (iso3)
        JOIN actions a USING (action_code)
        JOIN regions r USING (region_code)
        JOIN statuses s USING (status_code)
        LEFT JOIN country_pillar_exceptions ex USING (action_code, iso3)
        WHERE ac.iso3 = $iso3
        ORDER BY ac.action_code
        """,
        {"iso3": iso3},
    )


def country_headline(
    cursor: duckdb.DuckDBPyConnection, selection: Selection, iso3: str
) -> pd.DataFrame:
    """Totals of the headline indicators in one country under the selection (all filters apply).

    Only indicators with rows appear, in ``HEADLINE_INDICATORS`` order. Columns: indicator_code,
    pillar_no, unit, name_en, name_fr, definition_en, definition_fr, value (sum over sexes and
    quarters).
    """
    conditions, params = selection_conditions(
        selection, alias="iv", date_column="period", pillar_mode="indicator"
    )
    conditions += [Sql("iv.iso3 = $iso3"), Sql("iv.indicator_code IN $headline")]
    sql = compose(
        """
        SELECT totals.indicator_code, i.pillar_no, i.unit, i.name_en, i.name_fr, i.definition_en,
               i.definition_fr, totals.value
        FROM (SELECT iv.indicator_code, sum(iv.value) AS value FROM indicator_values iv
              {where} GROUP BY iv.indicator_code) AS totals
        JOIN indicators i ON i.indicator_code = totals.indicator_code
        ORDER BY list_position($headline, totals.indicator_code)
    """,
        where=where(conditions),
    )
    return query(
        cursor,
        "country_headline",
        sql,
        {**params, "iso3": iso3, "headline": list(HEADLINE_INDICATORS)},
    )


def country_trend(
    cursor: duckdb.DuckDBPyConnection, selection: Selection, iso3: str, indicator_code: str
) -> pd.DataFrame:
    """Quarterly totals of one headline indicator in one country under the selection.

    Raises ValueError for an indicator outside ``HEADLINE_INDICATORS``. Columns: period (quarter
    start date), value (sum over sexes). Ordered by period; quarters without rows are absent.
    """
    if indicator_code not in HEADLINE_INDICATORS:
        raise ValueError(f"not a headline indicator: {indicator_code!r}")
    conditions, params = selection_conditions(
        selection, alias="iv", date_column="period", pillar_mode="indicator"
    )
    conditions += [Sql("iv.iso3 = $iso3"), Sql("iv.indicator_code = $indicator")]
    sql = compose(
        """
        SELECT iv.period, sum(iv.value) AS value
        FROM indicator_values iv
        {where}
        GROUP BY iv.period
        ORDER BY iv.period
    """,
        where=where(conditions),
    )
    return query(
        cursor, "country_trend", sql, {**params, "iso3": iso3, "indicator": indicator_code}
    )


def published_for_country(cursor: duckdb.DuckDBPyConnection, iso3: str) -> pd.DataFrame:
    """Published (real) figures that concern one country: its own, its Action's, and for a Joint
    Initiative country those of the Joint Initiative as a whole. Never filtered or summed.

    Columns: figure_id, action_code, scope, level ('country', 'action' or 'initiative'),
    indicator, value, qualifier, as_of, source_url. Ordered by level (country first), then as_of
    and figure_id.
    """
    return query(
        cursor,
        "published_for_country",
        """
        WITH country_actions AS (SELECT action_code FROM action_countries WHERE iso3 = $iso3)
        SELECT pf.figure_id, pf.action_code, pf.scope,
               CASE WHEN pf.scope = $iso3 THEN 'country'
                    WHEN pf.action_code = $joint THEN 'initiative' ELSE 'action' END AS level,
               pf.indicator, pf.value, pf.qualifier, pf.as_of, pf.source_url
        FROM published_figures pf
        WHERE pf.scope = $iso3
           OR (pf.scope = 'all' AND pf.action_code IN (SELECT action_code FROM country_actions))
           OR (pf.action_code = $joint
               AND EXISTS (SELECT 1 FROM country_actions WHERE action_code IN $joint_actions))
        ORDER BY CASE level WHEN 'country' THEN 1 WHEN 'action' THEN 2 ELSE 3 END, pf.as_of, pf.figure_id
        """,
        {
            "iso3": iso3,
            "joint": JOINT_INITIATIVE_CODE,
            "joint_actions": list(JOINT_INITIATIVE_ACTIONS),
        },
    )


def rada_provinces(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The provinces an Action names (RADA's eight). Columns: province_code, iso3, action_code,
    name_en, name_fr. Ordered by province_code."""
    return query(
        cursor,
        "rada_provinces",
        """SELECT province_code, iso3, action_code, name_en, name_fr FROM provinces
           ORDER BY province_code""",
    )


def country_contracts(cursor: duckdb.DuckDBPyConnection, iso3: str) -> pd.DataFrame:
    """The EUTF projects and contracts that cover ``iso3`` (its own and regional ones).

    Columns: iati_id, parent_iati_id, level, title, implementing_partners, budget_eur,
    date_start, date_end, action_link, action_link_basis, action_document_url, country_count.
    Ordered: the country's own first, then contracts before projects, then iati_id.
    """
    return query(
        cursor,
        "country_contracts",
        """
        SELECT p.iati_id, p.parent_iati_id, p.level, p.title, p.implementing_partners, p.budget_eur,
               p.date_start, p.date_end, p.action_link, p.action_link_basis, p.action_document_url,
               pc.country_count
        FROM eutf_projects p JOIN eutf_project_countries pc USING (iati_id)
        WHERE pc.iso3 = $iso3
        ORDER BY pc.country_count > 1, p.level = 'project', p.iati_id
        """,
        {"iso3": iso3},
    )


def country_results(cursor: duckdb.DuckDBPyConnection, iso3: str) -> pd.DataFrame:
    """The country's own Common Output Indicator results (single-country projects or contracts),
    at one level per indicator (contracts where any, else projects), summed over that level.

    Columns: indicator_number, indicator, level, iati_ids, target, actual, pillar_no (the
    dashboard's correspondence; None where it has none). Ordered by indicator_number.
    """
    return query(
        cursor,
        "country_results",
        """
        WITH own AS (
            SELECT r.indicator_number, r.indicator, r.level, r.iati_id, r.target, r.actual
            FROM eutf_results r JOIN eutf_project_countries pc USING (iati_id)
            WHERE r.result_framework = $framework AND r.indicator_number IS NOT NULL
              AND pc.iso3 = $iso3 AND pc.country_count = 1
        ), chosen AS (
            SELECT indicator_number,
                   CASE WHEN bool_or(level = 'contract') THEN 'contract' ELSE 'project' END AS level
            FROM own GROUP BY indicator_number
        )
        SELECT own.indicator_number, min(own.indicator) AS indicator, own.level,
               string_agg(own.iati_id, '; ' ORDER BY own.iati_id) AS iati_ids,
               sum(own.target) AS target, sum(own.actual) AS actual, ip.pillar_no
        FROM own JOIN chosen USING (indicator_number, level)
        LEFT JOIN eutf_indicator_pillars ip USING (indicator_number)
        GROUP BY own.indicator_number, own.level, ip.pillar_no
        ORDER BY string_split(own.indicator_number, '.')[1]::INTEGER,
                 string_split(split_part(own.indicator_number, ' ', 1), '.')[2]::INTEGER, own.indicator_number
        """,
        {"framework": COMMON_OUTPUT_FRAMEWORK, "iso3": iso3},
    )
