"""Pillar coverage: which Action and which country applies which pillar, within a selection.

Every query starts from the same scope: the (Action, country) pairs of ``action_countries`` that
the shared filters keep (region, status, Action, country; a chosen pillar keeps the pairs where
it applies) and, when a period is chosen, whose Action ran during part of it.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from dashboard.queries.filters import selection_conditions, where
from dashboard.selection import Selection

# The order of the seed page, used for rows of Actions.
SEED_ACTION_ORDER = ("JI-NA", "JI-HOA", "JI-SLC", "PILOT", "PROTTASHA", "RADA")
# The three Actions the published figures of the Joint Initiative as a whole (JI-ALL) belong to.
JOINT_INITIATIVE_ACTIONS = ("JI-NA", "JI-HOA", "JI-SLC")
# The Action the drill-down opens on: North Africa shows the Libya exception.
DEFAULT_DRILL_ACTION = "JI-NA"


def scope_sql(selection: Selection, *, active_in_period: bool = True) -> tuple[str, dict[str, object]]:
    """A ``SELECT action_code, iso3`` of the pairs in scope, and its parameters.

    Args:
        selection: the filters.
        active_in_period: also drop Actions whose start and end dates do not overlap the chosen
            period (an unknown start or end counts as open).
    """
    conditions, params = selection_conditions(selection, alias="ac", date_column=None, pillar_mode="country")
    if active_in_period and selection.end_date_exclusive:
        conditions.append("(a.start_date IS NULL OR a.start_date < $active_before)")
        params["active_before"] = selection.end_date_exclusive
    if active_in_period and selection.start_date:
        conditions.append("(a.end_date IS NULL OR a.end_date >= $active_from)")
        params["active_from"] = selection.start_date
    sql = f"SELECT ac.action_code, ac.iso3 FROM action_countries ac JOIN actions a USING (action_code) {where(conditions)}"  # noqa: S608 (conditions from the shared helper and fixed text)
    return sql, params


def _pillar_condition(selection: Selection, column: str) -> tuple[str, dict[str, object]]:
    """``AND <column> IN $pillar_list`` when pillars are chosen (``column`` is fixed text)."""
    if not selection.pillars:
        return "", {}
    return f"AND {column} IN $pillar_list", {"pillar_list": list(selection.pillars)}


def action_pillar_matrix(cursor: duckdb.DuckDBPyConnection, selection: Selection) -> pd.DataFrame:
    """One row per Action in scope and pillar (chosen pillars only), in seed and pillar order.

    A cell is covered when the pillar applies in at least one of the Action's countries in scope.

    Columns: action_code, short_name_en, short_name_fr, pillar_no, pillar_name_en, pillar_name_fr,
    description_en, description_fr, basis ('stated', 'mapped' or missing), objectives_en,
    objectives_fr, rationale_en, rationale_fr (the objectives or result areas mapped to the pillar
    and the project's reasons, one per line; missing unless basis is 'mapped').
    """
    scope, params = scope_sql(selection)
    pillar_filter, pillar_params = _pillar_condition(selection, "p.pillar_no")
    sql = f"""
        WITH scope AS ({scope}),
        covered AS (
            SELECT DISTINCT cp.action_code, cp.pillar_no
            FROM country_pillars cp JOIN scope USING (action_code, iso3)
        ),
        mapping AS (
            SELECT op.action_code, op.pillar_no,
                   string_agg(ao.text_en, chr(10) ORDER BY op.objective_no) AS objectives_en,
                   string_agg(ao.text_fr, chr(10) ORDER BY op.objective_no) AS objectives_fr,
                   string_agg(op.rationale_en, chr(10) ORDER BY op.objective_no) AS rationale_en,
                   string_agg(op.rationale_fr, chr(10) ORDER BY op.objective_no) AS rationale_fr
            FROM objective_pillars op JOIN action_objectives ao USING (action_code, objective_no)
            GROUP BY op.action_code, op.pillar_no
        )
        SELECT a.action_code, a.short_name_en, a.short_name_fr, p.pillar_no,
               p.name_en AS pillar_name_en, p.name_fr AS pillar_name_fr,
               p.description_en, p.description_fr,
               CASE WHEN c.action_code IS NOT NULL THEN ap.basis END AS basis,
               CASE WHEN c.action_code IS NOT NULL AND ap.basis = 'mapped' THEN m.objectives_en END AS objectives_en,
               CASE WHEN c.action_code IS NOT NULL AND ap.basis = 'mapped' THEN m.objectives_fr END AS objectives_fr,
               CASE WHEN c.action_code IS NOT NULL AND ap.basis = 'mapped' THEN m.rationale_en END AS rationale_en,
               CASE WHEN c.action_code IS NOT NULL AND ap.basis = 'mapped' THEN m.rationale_fr END AS rationale_fr
        FROM (SELECT DISTINCT action_code FROM scope) s
        JOIN actions a USING (action_code)
        CROSS JOIN pillars p
        LEFT JOIN covered c ON c.action_code = a.action_code AND c.pillar_no = p.pillar_no
        LEFT JOIN action_pillars ap ON ap.action_code = a.action_code AND ap.pillar_no = p.pillar_no
        LEFT JOIN mapping m ON m.action_code = a.action_code AND m.pillar_no = p.pillar_no
        WHERE TRUE {pillar_filter}
        ORDER BY coalesce(list_position($action_order, a.action_code), 99), a.action_code, p.pillar_no
    """  # noqa: S608 (scope and pillar filter built from fixed text and the shared helper)
    return cursor.execute(sql, {**params, **pillar_params, "action_order": list(SEED_ACTION_ORDER)}).df()


def pillar_counts(cursor: duckdb.DuckDBPyConnection, selection: Selection) -> pd.DataFrame:
    """How many Actions and countries in scope apply each pillar (chosen pillars only).

    Columns: pillar_no, name_en, name_fr, actions, countries, action_names_en, action_names_fr
    (short names of those Actions in seed order, comma-separated; empty when none).
    """
    scope, params = scope_sql(selection)
    pillar_filter, pillar_params = _pillar_condition(selection, "p.pillar_no")
    sql = f"""
        WITH scope AS ({scope}),
        applied AS (
            SELECT cp.pillar_no, cp.action_code, cp.iso3
            FROM country_pillars cp JOIN scope USING (action_code, iso3)
        ),
        per_action AS (
            SELECT DISTINCT applied.pillar_no, a.action_code, a.short_name_en, a.short_name_fr,
                   coalesce(list_position($action_order, a.action_code), 99) AS seed_position
            FROM applied JOIN actions a USING (action_code)
        ),
        names AS (
            SELECT pillar_no,
                   string_agg(short_name_en, ', ' ORDER BY seed_position, action_code) AS action_names_en,
                   string_agg(short_name_fr, ', ' ORDER BY seed_position, action_code) AS action_names_fr
            FROM per_action GROUP BY pillar_no
        ),
        counts AS (
            SELECT pillar_no, count(DISTINCT action_code) AS actions, count(DISTINCT iso3) AS countries
            FROM applied GROUP BY pillar_no
        )
        SELECT p.pillar_no, p.name_en, p.name_fr,
               coalesce(counts.actions, 0) AS actions, coalesce(counts.countries, 0) AS countries,
               coalesce(names.action_names_en, '') AS action_names_en,
               coalesce(names.action_names_fr, '') AS action_names_fr
        FROM pillars p
        LEFT JOIN counts USING (pillar_no)
        LEFT JOIN names USING (pillar_no)
        WHERE TRUE {pillar_filter}
        ORDER BY p.pillar_no
    """  # noqa: S608 (scope and pillar filter built from fixed text and the shared helper)
    return cursor.execute(sql, {**params, **pillar_params, "action_order": list(SEED_ACTION_ORDER)}).df()


def actions_in_scope(cursor: duckdb.DuckDBPyConnection, selection: Selection) -> list[str]:
    """Codes of the Actions with at least one country in scope, in seed order."""
    scope, params = scope_sql(selection)
    sql = f"""
        SELECT DISTINCT action_code FROM ({scope})
        ORDER BY coalesce(list_position($action_order, action_code), 99), action_code
    """  # noqa: S608 (scope built from fixed text and the shared helper)
    rows = cursor.execute(sql, {**params, "action_order": list(SEED_ACTION_ORDER)}).fetchall()
    return [row[0] for row in rows]


def country_pillar_matrix(cursor: duckdb.DuckDBPyConnection, selection: Selection,
                          action_code: str) -> pd.DataFrame:
    """One row per country of ``action_code`` in scope and pillar (chosen pillars only).

    Columns: iso3, name_en, name_fr, role (host, origin or missing), pillar_no, pillar_name_en,
    pillar_name_fr, description_en, description_fr, basis: 'stated' or 'mapped' (the Action's
    pillar applies there), 'country exception' (applies under a country exception),
    'excluded' (an Action pillar that a country exception leaves out) or missing (not an
    Action pillar). Ordered by English country name, then pillar.
    """
    scope, params = scope_sql(selection)
    pillar_filter, pillar_params = _pillar_condition(selection, "p.pillar_no")
    sql = f"""
        WITH scope AS ({scope})
        SELECT c.iso3, c.name_en, c.name_fr, ac.role, p.pillar_no,
               p.name_en AS pillar_name_en, p.name_fr AS pillar_name_fr,
               p.description_en, p.description_fr,
               CASE WHEN cp.pillar_no IS NOT NULL THEN cp.basis
                    WHEN ap.pillar_no IS NOT NULL THEN 'excluded' END AS basis
        FROM scope s
        JOIN action_countries ac USING (action_code, iso3)
        JOIN countries c USING (iso3)
        CROSS JOIN pillars p
        LEFT JOIN country_pillars cp
               ON cp.action_code = s.action_code AND cp.iso3 = s.iso3 AND cp.pillar_no = p.pillar_no
        LEFT JOIN action_pillars ap ON ap.action_code = s.action_code AND ap.pillar_no = p.pillar_no
        WHERE s.action_code = $drill_action {pillar_filter}
        ORDER BY c.name_en, p.pillar_no
    """  # noqa: S608 (scope and pillar filter built from fixed text and the shared helper)
    return cursor.execute(sql, {**params, **pillar_params, "drill_action": action_code}).df()


def country_exceptions(cursor: duckdb.DuckDBPyConnection, selection: Selection,
                       action_code: str) -> pd.DataFrame:
    """The country exceptions of ``action_code`` for its countries in scope.

    Columns: iso3, name_en, name_fr, applicable_pillars (e.g. '2;3'), note_en, note_fr, source.
    """
    scope, params = scope_sql(selection)
    sql = f"""
        WITH scope AS ({scope})
        SELECT ex.iso3, c.name_en, c.name_fr, ex.applicable_pillars, ex.note_en, ex.note_fr, ex.source
        FROM country_pillar_exceptions ex
        JOIN scope s ON s.action_code = ex.action_code AND s.iso3 = ex.iso3
        JOIN countries c ON c.iso3 = ex.iso3
        WHERE ex.action_code = $drill_action
        ORDER BY c.name_en
    """  # noqa: S608 (scope built from fixed text and the shared helper)
    return cursor.execute(sql, {**params, "drill_action": action_code}).df()


def objective_mappings(cursor: duckdb.DuckDBPyConnection, selection: Selection) -> pd.DataFrame:
    """The objectives and result areas of Actions in scope, each with the pillar the project maps
    it to (chosen pillars only), in seed, objective and pillar order.

    Columns: action_code, short_name_en, short_name_fr, objective_no, kind ('specific_objective'
    or 'result_area'), text_en, text_fr, pillar_no, pillar_name_en, pillar_name_fr, mapped_by,
    rationale_en, rationale_fr, source.
    """
    scope, params = scope_sql(selection)
    pillar_filter, pillar_params = _pillar_condition(selection, "op.pillar_no")
    sql = f"""
        WITH scope AS ({scope})
        SELECT ao.action_code, a.short_name_en, a.short_name_fr, ao.objective_no, ao.kind,
               ao.text_en, ao.text_fr, op.pillar_no, p.name_en AS pillar_name_en,
               p.name_fr AS pillar_name_fr, op.mapped_by, op.rationale_en, op.rationale_fr, ao.source
        FROM action_objectives ao
        JOIN (SELECT DISTINCT action_code FROM scope) s USING (action_code)
        JOIN actions a USING (action_code)
        JOIN objective_pillars op USING (action_code, objective_no)
        JOIN pillars p ON p.pillar_no = op.pillar_no
        WHERE TRUE {pillar_filter}
        ORDER BY coalesce(list_position($action_order, ao.action_code), 99), ao.action_code,
                 ao.objective_no, op.pillar_no
    """  # noqa: S608 (scope and pillar filter built from fixed text and the shared helper)
    return cursor.execute(sql, {**params, **pillar_params, "action_order": list(SEED_ACTION_ORDER)}).df()
