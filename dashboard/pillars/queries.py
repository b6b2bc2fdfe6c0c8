"""Queries of the pillars page: pillar coverage (which Action and which country applies which pillar)
and programme indicators (totals, quarterly trends, country rankings, reintegration completion
rates, published figures), within a selection.

Every coverage query starts from the same scope: the (Action, country) pairs of action_countries
that the shared filters keep (region, status, Action, country; a chosen pillar keeps the pairs where
it applies) and, when a period is chosen, whose Action ran during part of it. That filtering step
is one query (:func:`pillar_scope`), asked once per request; the coverage queries take its pairs
as bound values, so the store keeps their answers per scope, which many selections share.
Indicator values are aggregated in DuckDB; every query returns a small frame."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from dashboard.selection import Selection
from dashboard.store.door import ROWS, query
from dashboard.store.eutf import COMMON_OUTPUT_FRAMEWORK
from dashboard.store.sql import (
    Sql,
    compose,
    identifier,
    indicator_value_conditions,
    joined,
    selection_conditions,
    where,
)

# The order of the seed page, used for rows of Actions.
SEED_ACTION_ORDER = ("JI-NA", "JI-HOA", "JI-SLC", "PILOT", "PROTTASHA", "RADA")
# The three Actions the published figures of the Joint Initiative as a whole (JI-ALL) belong to.
JOINT_INITIATIVE_ACTIONS = ("JI-NA", "JI-HOA", "JI-SLC")
# The Action the drill-down opens on: North Africa shows the Libya exception.
DEFAULT_DRILL_ACTION = "JI-NA"


@dataclass(frozen=True)
class Scope:
    """The (Action, country) pairs of ``action_countries`` a selection keeps: the filtering step
    every coverage query starts from, resolved once per request (:func:`pillar_scope`) and bound
    into those queries as values, so that their answers are kept per scope (many selections, one
    scope: a period that every Action in scope overlaps, a region and its Actions).

    ``pairs`` are the pairs kept whose Action ran during part of the chosen period (an unknown
    start or end counts as open); ``listed`` are the Actions with a pair kept whatever their dates
    (the published figures filter by their own dates).
    """

    selection: Selection
    pairs: tuple[tuple[str, str], ...]
    listed: tuple[str, ...]

    @property
    def actions(self) -> list[str]:
        """The Actions with a pair in scope (codes in alphabetical order)."""
        return list(dict.fromkeys(action for action, _ in self.pairs))

    def bound(self, action: str | None = None) -> dict[str, object]:
        """The pairs in scope (of ``action`` only, if given) as the values of ``SCOPE``."""
        pairs = [pair for pair in self.pairs if action is None or pair[0] == action]
        return {
            "scope_actions": [code for code, _ in pairs],
            "scope_iso3": [iso3 for _, iso3 in pairs],
        }


# The pairs in scope as a relation, from the values ``Scope.bound`` gives.
SCOPE = Sql(
    "scope AS (SELECT unnest($scope_actions::VARCHAR[]) AS action_code, "
    "unnest($scope_iso3::VARCHAR[]) AS iso3)"
)


def pillar_scope(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    kept_actions: Sequence[str] | None = None,
) -> Scope:
    """The pairs ``selection`` keeps (region, status, Action, country; a chosen pillar keeps the
    pairs where it applies), each marked whether its Action ran during part of the period.
    ``kept_actions``: the Actions its region, status and Action filters keep, when resolved
    (``Catalog.kept_actions``)."""
    conditions, params = selection_conditions(
        selection,
        alias="ac",
        date_column=None,
        pillar_mode="country",
        kept_actions=kept_actions,
    )
    active: list[Sql] = []
    if selection.end_date_exclusive:
        active.append(Sql("(a.start_date IS NULL OR a.start_date < $active_before)"))
        params["active_before"] = selection.end_date_exclusive
    if selection.start_date:
        active.append(Sql("(a.end_date IS NULL OR a.end_date >= $active_from)"))
        params["active_from"] = selection.start_date
    sql = compose(
        """SELECT ac.action_code, ac.iso3, {active} AS active
        FROM action_countries ac JOIN actions a USING (action_code) {where}
        ORDER BY ac.action_code, ac.iso3""",
        active=joined(active, " AND ") if active else Sql("TRUE"),
        where=where(conditions),
    )
    rows = query(cursor, "pillar_scope", sql, params, read=ROWS)
    return Scope(
        selection,
        tuple((action, iso3) for action, iso3, kept in rows if kept),
        tuple(dict.fromkeys(action for action, _, _ in rows)),
    )


def in_scope(cursor: duckdb.DuckDBPyConnection, where_kept: Scope | Selection) -> Scope:
    """``where_kept`` as a scope: a selection is resolved first (one more query)."""
    if isinstance(where_kept, Scope):
        return where_kept
    return pillar_scope(cursor, where_kept)


# The pillar columns a pillar filter is put on (an allow-list).
PILLAR_COLUMNS = frozenset({"p.pillar_no", "op.pillar_no"})


def _pillar_condition(selection: Selection, column: str) -> tuple[Sql, dict[str, object]]:
    """``AND <column> IN $pillar_list`` when pillars are chosen (``column`` from ``PILLAR_COLUMNS``)."""
    if not selection.pillars:
        return Sql(""), {}
    return (
        compose("AND {column} IN $pillar_list", column=identifier(column, PILLAR_COLUMNS)),
        {"pillar_list": list(selection.pillars)},
    )


def action_pillar_matrix(
    cursor: duckdb.DuckDBPyConnection, kept: Scope | Selection
) -> pd.DataFrame:
    """One row per Action in scope and pillar (chosen pillars only), in seed and pillar order.

    A cell is covered when the pillar applies in at least one of the Action's countries in scope.

    Columns: action_code, short_name_en, short_name_fr, pillar_no, pillar_name_en, pillar_name_fr,
    description_en, description_fr, basis ('stated', 'mapped' or missing), objectives_en,
    objectives_fr, rationale_en, rationale_fr (the objectives or result areas mapped to the pillar
    and the project's reasons, one per line; missing unless basis is 'mapped').
    """
    scope = in_scope(cursor, kept)
    pillar_filter, pillar_params = _pillar_condition(scope.selection, "p.pillar_no")
    sql = compose(
        """
        WITH {scope},
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
        FROM actions a
        CROSS JOIN pillars p
        LEFT JOIN covered c ON c.action_code = a.action_code AND c.pillar_no = p.pillar_no
        LEFT JOIN action_pillars ap ON ap.action_code = a.action_code AND ap.pillar_no = p.pillar_no
        LEFT JOIN mapping m ON m.action_code = a.action_code AND m.pillar_no = p.pillar_no
        WHERE a.action_code IN $scope_action_list {pillar_filter}
        ORDER BY coalesce(list_position($action_order, a.action_code), 99), a.action_code, p.pillar_no
    """,
        scope=SCOPE,
        pillar_filter=pillar_filter,
    )
    return query(
        cursor,
        "action_pillar_matrix",
        sql,
        {
            **scope.bound(),
            **pillar_params,
            "scope_action_list": scope.actions,
            "action_order": list(SEED_ACTION_ORDER),
        },
    )


def pillar_counts(cursor: duckdb.DuckDBPyConnection, kept: Scope | Selection) -> pd.DataFrame:
    """How many Actions and countries in scope apply each pillar (chosen pillars only), apart by
    basis: as the source documents state it (``stated``: the Action's stated pillars and country
    exceptions) and as the dashboard mapped it (``mapped``: from the Action's objectives). The two
    are different kinds of data, never added: a country in both is counted in both.

    Columns: pillar_no, name_en, name_fr, then for each basis B in (stated, mapped): actions_B,
    countries_B, action_names_B_en, action_names_B_fr (short names of those Actions in seed order,
    comma-separated; empty when none).
    """
    scope = in_scope(cursor, kept)
    pillar_filter, pillar_params = _pillar_condition(scope.selection, "p.pillar_no")
    sql = compose(
        """
        WITH {scope},
        applied AS (
            SELECT cp.pillar_no, cp.action_code, cp.iso3,
                   CASE WHEN cp.basis = 'mapped' THEN 'mapped' ELSE 'stated' END AS basis
            FROM country_pillars cp JOIN scope USING (action_code, iso3)
        ),
        per_action AS (
            SELECT DISTINCT applied.pillar_no, applied.basis, a.action_code, a.short_name_en, a.short_name_fr,
                   coalesce(list_position($action_order, a.action_code), 99) AS seed_position
            FROM applied JOIN actions a USING (action_code)
        ),
        names AS (
            SELECT pillar_no, basis,
                   string_agg(short_name_en, ', ' ORDER BY seed_position, action_code) AS names_en,
                   string_agg(short_name_fr, ', ' ORDER BY seed_position, action_code) AS names_fr
            FROM per_action GROUP BY pillar_no, basis
        ),
        counts AS (
            SELECT pillar_no, basis, count(DISTINCT action_code) AS actions, count(DISTINCT iso3) AS countries
            FROM applied GROUP BY pillar_no, basis
        )
        SELECT p.pillar_no, p.name_en, p.name_fr,
               coalesce(sc.actions, 0) AS actions_stated, coalesce(sc.countries, 0) AS countries_stated,
               coalesce(sn.names_en, '') AS action_names_stated_en, coalesce(sn.names_fr, '') AS action_names_stated_fr,
               coalesce(mc.actions, 0) AS actions_mapped, coalesce(mc.countries, 0) AS countries_mapped,
               coalesce(mn.names_en, '') AS action_names_mapped_en, coalesce(mn.names_fr, '') AS action_names_mapped_fr
        FROM pillars p
        LEFT JOIN counts sc ON sc.pillar_no = p.pillar_no AND sc.basis = 'stated'
        LEFT JOIN names sn ON sn.pillar_no = p.pillar_no AND sn.basis = 'stated'
        LEFT JOIN counts mc ON mc.pillar_no = p.pillar_no AND mc.basis = 'mapped'
        LEFT JOIN names mn ON mn.pillar_no = p.pillar_no AND mn.basis = 'mapped'
        WHERE TRUE {pillar_filter}
        ORDER BY p.pillar_no
    """,
        scope=SCOPE,
        pillar_filter=pillar_filter,
    )
    return query(
        cursor,
        "pillar_counts",
        sql,
        {**scope.bound(), **pillar_params, "action_order": list(SEED_ACTION_ORDER)},
    )


def actions_in_scope(cursor: duckdb.DuckDBPyConnection, selection: Selection) -> list[str]:
    """Codes of the Actions with at least one country in scope, in seed order."""
    return scope_actions(action_pillar_matrix(cursor, selection))


def scope_actions(matrix: pd.DataFrame) -> list[str]:
    """The Actions in scope (``actions_in_scope``) read from ``action_pillar_matrix``'s answer,
    which holds a row for each Action in scope and pillar in the same order (a chosen pillar
    is one the store knows, and scope keeps only the pairs where it applies): one query less
    on a filter change."""
    return list(dict.fromkeys(matrix["action_code"].tolist()))


def country_pillar_matrix(
    cursor: duckdb.DuckDBPyConnection, kept: Scope | Selection, action_code: str
) -> pd.DataFrame:
    """One row per country of ``action_code`` in scope and pillar (chosen pillars only).

    Columns: iso3, name_en, name_fr, role (host, origin or missing), pillar_no, pillar_name_en,
    pillar_name_fr, description_en, description_fr, basis: 'stated' or 'mapped' (the Action's
    pillar applies there), 'country exception' (applies under a country exception),
    'excluded' (an Action pillar that a country exception leaves out) or missing (not an
    Action pillar). Ordered by English country name, then pillar.
    """
    scope = in_scope(cursor, kept)
    pillar_filter, pillar_params = _pillar_condition(scope.selection, "p.pillar_no")
    sql = compose(
        """
        WITH {scope}
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
    """,
        scope=SCOPE,
        pillar_filter=pillar_filter,
    )
    return query(
        cursor,
        "country_pillar_matrix",
        sql,
        {**scope.bound(action_code), **pillar_params, "drill_action": action_code},
    )


def country_exceptions(
    cursor: duckdb.DuckDBPyConnection, kept: Scope | Selection, action_code: str
) -> pd.DataFrame:
    """The country exceptions of ``action_code`` for its countries in scope.

    Columns: iso3, name_en, name_fr, applicable_pillars (e.g. '2;3'), note_en, note_fr, source.
    """
    scope = in_scope(cursor, kept)
    sql = compose(
        """
        WITH {scope}
        SELECT ex.iso3, c.name_en, c.name_fr, ex.applicable_pillars, ex.note_en, ex.note_fr, ex.source
        FROM country_pillar_exceptions ex
        JOIN scope s ON s.action_code = ex.action_code AND s.iso3 = ex.iso3
        JOIN countries c ON c.iso3 = ex.iso3
        WHERE ex.action_code = $drill_action
        ORDER BY c.name_en
    """,
        scope=SCOPE,
    )
    return query(
        cursor,
        "country_exceptions",
        sql,
        {**scope.bound(action_code), "drill_action": action_code},
    )


def objective_mappings(cursor: duckdb.DuckDBPyConnection, kept: Scope | Selection) -> pd.DataFrame:
    """The objectives and result areas of Actions in scope, each with the pillar the project maps
    it to (chosen pillars only), in seed, objective and pillar order.

    Columns: action_code, short_name_en, short_name_fr, objective_no, kind ('specific_objective'
    or 'result_area'), text_en, text_fr, pillar_no, pillar_name_en, pillar_name_fr, mapped_by,
    rationale_en, rationale_fr, source.
    """
    scope = in_scope(cursor, kept)
    pillar_filter, pillar_params = _pillar_condition(scope.selection, "op.pillar_no")
    sql = compose(
        """
        SELECT ao.action_code, a.short_name_en, a.short_name_fr, ao.objective_no, ao.kind,
               ao.text_en, ao.text_fr, op.pillar_no, p.name_en AS pillar_name_en,
               p.name_fr AS pillar_name_fr, op.mapped_by, op.rationale_en, op.rationale_fr, ao.source
        FROM action_objectives ao
        JOIN actions a USING (action_code)
        JOIN objective_pillars op USING (action_code, objective_no)
        JOIN pillars p ON p.pillar_no = op.pillar_no
        WHERE ao.action_code IN $scope_action_list {pillar_filter}
        ORDER BY coalesce(list_position($action_order, ao.action_code), 99), ao.action_code,
                 ao.objective_no, op.pillar_no
    """,
        pillar_filter=pillar_filter,
    )
    return query(
        cursor,
        "objective_mappings",
        sql,
        {
            **pillar_params,
            "scope_action_list": scope.actions,
            "action_order": list(SEED_ACTION_ORDER),
        },
    )


STARTED = "reintegration_started"
COMPLETED = "reintegration_completed"
DEFAULT_INDICATOR = "returns_assisted"
# Groupings the page offers for trends and rates (a subset of GROUPINGS).
TREND_GROUPINGS = ("region", "action")


# Grouping name -> (code expression, join adding the name table, English name, French name).
# An allow-list: these fragments are the only identifiers composed into the SQL below.
GROUPINGS: dict[str, tuple[Sql, Sql, Sql, Sql]] = {
    "region": (
        Sql("g.region_code"),
        Sql("JOIN regions g ON g.region_code = a.region_code"),
        Sql("g.name_en"),
        Sql("g.name_fr"),
    ),
    "action": (Sql("a.action_code"), Sql(""), Sql("a.short_name_en"), Sql("a.short_name_fr")),
    "country": (
        Sql("g.iso3"),
        Sql("JOIN countries g ON g.iso3 = iv.iso3"),
        Sql("g.name_en"),
        Sql("g.name_fr"),
    ),
}


def _grouping(group_by: str) -> tuple[Sql, Sql, Sql, Sql]:
    if group_by not in GROUPINGS:
        raise ValueError(f"unknown grouping {group_by!r}")
    return GROUPINGS[group_by]


def indicator_totals(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    kept_actions: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The total of each indicator that applies to the selection, missing when no value was reported.

    An indicator applies when its pillar applies in at least one (Action, country) pair that the
    region, status, Action and country filters keep, and is among the chosen pillars if any.

    Columns: indicator_code, pillar_no, by_sex, unit, name_en, name_fr, definition_en,
    definition_fr, total (missing when no row matched), value_rows. Ordered by pillar, then code.
    """
    value_conditions, params = indicator_value_conditions(selection, kept_actions)
    pair_conditions, pair_params = selection_conditions(
        selection, alias="cp", date_column=None, pillar_mode="none", kept_actions=kept_actions
    )
    if selection.pillars:
        pair_conditions.append(Sql("cp.pillar_no IN $pillar_list"))
        pair_params["pillar_list"] = list(selection.pillars)
    sql = compose(
        """
        WITH applicable AS (SELECT DISTINCT cp.pillar_no FROM country_pillars cp {where}),
        totals AS (
            SELECT iv.indicator_code, sum(iv.value) AS total, count(*) AS value_rows
            FROM indicator_values iv {where2}
            GROUP BY iv.indicator_code
        )
        SELECT i.indicator_code, i.pillar_no, i.by_sex, i.unit, i.name_en, i.name_fr,
               i.definition_en, i.definition_fr, t.total, coalesce(t.value_rows, 0) AS value_rows
        FROM indicators i
        JOIN applicable USING (pillar_no)
        LEFT JOIN totals t USING (indicator_code)
        ORDER BY i.pillar_no, i.indicator_code
    """,
        where=where(pair_conditions),
        where2=where(value_conditions),
    )
    return query(cursor, "indicator_totals", sql, {**params, **pair_params})


def indicator_trend(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    indicator: str,
    group_by: str,
    kept_actions: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Quarterly totals of one indicator by region, Action or country.

    Args:
        indicator: an indicator code (a bound value: an unknown code gives no rows).
        group_by: 'region', 'action' or 'country'; anything else raises ValueError.

    Columns: group_code, name_en, name_fr, period (quarter start date), value. Ordered by group
    code and period; quarters with no reported value are absent.
    """
    code, join, name_en, name_fr = _grouping(group_by)
    conditions, params = indicator_value_conditions(selection, kept_actions)
    conditions.append(Sql("iv.indicator_code = $indicator"))
    sql = compose(
        """
        SELECT {code} AS group_code, {name_en} AS name_en, {name_fr} AS name_fr,
               iv.period, sum(iv.value) AS value
        FROM indicator_values iv JOIN actions a USING (action_code) {join}
        {where}
        GROUP BY ALL
        ORDER BY group_code, iv.period
    """,
        code=code,
        name_en=name_en,
        name_fr=name_fr,
        join=join,
        where=where(conditions),
    )
    return query(cursor, "indicator_trend", sql, {**params, "indicator": indicator})


def completion_rates(
    cursor: duckdb.DuckDBPyConnection, selection: Selection, group_by: str
) -> pd.DataFrame:
    """Reintegration assistance completed as a share of started, by region, Action or country.

    Both counts are totals over the selection; completions in a period may concern starts in an
    earlier one, so a share can exceed 1.

    Columns: group_code, name_en, name_fr, started, completed, rate (completed / started;
    missing when nothing started). Only groups with at least one start or completion; ordered
    by group code.
    """
    return completion_rates_by(cursor, selection, (group_by,))[group_by]


def completion_rates_by(
    cursor: duckdb.DuckDBPyConnection,
    selection: Selection,
    groupings: tuple[str, ...],
    kept_actions: Sequence[str] | None = None,
) -> dict[str, pd.DataFrame]:
    """``completion_rates`` by each of ``groupings`` (names of ``GROUPINGS``), in one query
    (``kept_actions``: as in ``pillar_scope``)."""
    conditions, params = indicator_value_conditions(selection, kept_actions)
    conditions.append(Sql("iv.indicator_code IN ($started, $completed)"))
    branches = []
    for number, group_by in enumerate(groupings):
        code, join, name_en, name_fr = _grouping(group_by)
        branches.append(
            compose(
                """
            SELECT {number} AS grouping, {code} AS group_code, {name_en} AS name_en, {name_fr} AS name_fr,
                   coalesce(sum(iv.value) FILTER (WHERE iv.indicator_code = $started), 0) AS started,
                   coalesce(sum(iv.value) FILTER (WHERE iv.indicator_code = $completed), 0) AS completed
            FROM indicator_values iv JOIN actions a USING (action_code) {join}
            {where}
            GROUP BY ALL""",
                number=Sql(str(number)),
                code=code,
                name_en=name_en,
                name_fr=name_fr,
                join=join,
                where=where(conditions),
            )
        )
    sql = compose(
        """
        WITH counts AS ({branches})
        SELECT grouping, group_code, name_en, name_fr, started, completed,
               CASE WHEN started > 0 THEN completed / started END AS rate
        FROM counts
        ORDER BY grouping, group_code
    """,
        branches=joined(branches, " UNION ALL "),
    )
    rates = query(
        cursor, "completion_rates", sql, {**params, "started": STARTED, "completed": COMPLETED}
    )
    return {
        group_by: rates[rates["grouping"] == number].drop(columns="grouping").reset_index(drop=True)
        for number, group_by in enumerate(groupings)
    }


def published_figures(cursor: duckdb.DuckDBPyConnection, kept: Scope | Selection) -> pd.DataFrame:
    """Published (real) headline figures of the Actions in scope.

    A figure is kept when its Action is in scope (figures of the Joint Initiative as a whole,
    JI-ALL, when any of its three Actions is), when its scope is the whole Action or a chosen
    country, when its as-of date falls in the chosen period, and, if pillars are chosen, when its
    indicator is a programme indicator of one of them. An Action is in scope here whatever its
    dates (``Scope.listed``): the figures' own dates follow the period. Never add these up: they
    are cumulative figures at different dates.

    Columns: figure_id, action_code, short_name_en, short_name_fr (missing for JI-ALL), scope
    ('all' or an ISO3 code), scope_name_en, scope_name_fr (missing for 'all'), indicator,
    pillar_no (missing when the indicator is not a programme indicator), value, qualifier,
    as_of, source_url, note. Ordered by Action (seed order, JI-ALL first), as-of date, figure id.
    """
    scope = in_scope(cursor, kept)
    selection = scope.selection
    listed = list(scope.listed)
    if any(action in JOINT_INITIATIVE_ACTIONS for action in listed):
        listed.append("JI-ALL")
    conditions = [Sql("pf.action_code IN $published_actions")]
    params: dict[str, object] = {"published_actions": listed}
    if selection.countries:
        conditions.append(Sql("(pf.scope = 'all' OR pf.scope IN $scope_countries)"))
        params["scope_countries"] = list(selection.countries)
    if selection.start_date:
        conditions.append(Sql("pf.as_of >= $as_of_from"))
        params["as_of_from"] = selection.start_date
    if selection.end_date_exclusive:
        conditions.append(Sql("pf.as_of < $as_of_before"))
        params["as_of_before"] = selection.end_date_exclusive
    if selection.pillars:
        conditions.append(Sql("i.pillar_no IN $pillar_list"))
        params["pillar_list"] = list(selection.pillars)
    sql = compose(
        """
        SELECT pf.figure_id, pf.action_code, a.short_name_en, a.short_name_fr, pf.scope,
               c.name_en AS scope_name_en, c.name_fr AS scope_name_fr, pf.indicator, i.pillar_no,
               pf.value, pf.qualifier, pf.as_of, pf.source_url, pf.note
        FROM published_figures pf
        LEFT JOIN actions a ON a.action_code = pf.action_code
        LEFT JOIN countries c ON c.iso3 = pf.scope
        LEFT JOIN indicators i ON i.indicator_code = pf.indicator
        {where}
        ORDER BY coalesce(list_position($action_order, pf.action_code), 99), pf.as_of, pf.figure_id
    """,
        where=where(conditions),
    )
    return query(
        cursor, "published_figures", sql, {**params, "action_order": ["JI-ALL", *SEED_ACTION_ORDER]}
    )


def indicator_meta(cursor: duckdb.DuckDBPyConnection, indicator: str) -> dict[str, object] | None:
    """Reference facts of one indicator, or None for an unknown code.

    Keys: indicator_code, pillar_no, by_sex, unit, name_en, name_fr, definition_en, definition_fr.
    """
    frame = query(
        cursor,
        "indicator_meta",
        """SELECT indicator_code, pillar_no, by_sex, unit, name_en, name_fr, definition_en, definition_fr
           FROM indicators WHERE indicator_code = $indicator""",
        {"indicator": indicator},
    )
    return None if frame.empty else frame.iloc[0].to_dict()


def pillar_results(cursor: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Target and actual by country and numbered Common Output Indicator that the dashboard's
    correspondence puts under a pillar; one level per country and indicator, regional rows apart
    (``scope``).

    Columns: pillar_no, indicator_number, indicator, scope ('country' or 'regional'), iso3 (None
    for regional), place (English country name or the regional project or contract id), place_fr
    (the same in French), level, target, actual. Ordered by pillar, indicator, scope, place.
    """
    return query(
        cursor,
        "pillar_results",
        """
        WITH coi AS (
            SELECT r.*, ip.pillar_no FROM eutf_results r JOIN eutf_indicator_pillars ip USING (indicator_number)
            WHERE r.result_framework = $framework
        ), own AS (
            SELECT coi.*, pc.iso3 FROM coi JOIN eutf_project_countries pc USING (iati_id)
            WHERE pc.country_count = 1
        ), chosen AS (
            SELECT iso3, indicator_number,
                   CASE WHEN bool_or(level = 'contract') THEN 'contract' ELSE 'project' END AS level
            FROM own GROUP BY ALL
        ), country_rows AS (
            SELECT own.pillar_no, own.indicator_number, min(own.indicator) AS indicator, 'country' AS scope,
                   own.iso3, ec.name_en AS place, ec.name_fr AS place_fr, own.level, sum(own.target) AS target,
                   sum(own.actual) AS actual
            FROM own JOIN chosen USING (iso3, indicator_number, level) JOIN eutf_countries ec USING (iso3)
            GROUP BY own.pillar_no, own.indicator_number, own.iso3, ec.name_en, ec.name_fr, own.level
        ), regional_rows AS (
            SELECT coi.pillar_no, coi.indicator_number, coi.indicator, 'regional' AS scope,
                   CAST(NULL AS VARCHAR) AS iso3, coi.iati_id AS place, coi.iati_id AS place_fr, coi.level,
                   coi.target, coi.actual
            FROM coi
            WHERE NOT EXISTS (SELECT 1 FROM eutf_project_countries pc
                              WHERE pc.iati_id = coi.iati_id AND pc.country_count = 1)
        )
        SELECT * FROM country_rows UNION ALL SELECT * FROM regional_rows
        ORDER BY pillar_no, indicator_number, scope, place
        """,
        {"framework": COMMON_OUTPUT_FRAMEWORK},
    )
