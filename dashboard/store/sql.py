"""How SQL text is put together: the one helper that composes it (:func:`compose`), identifiers
from allow-lists (:func:`identifier`), and the conditions a selection puts on a table.

SQL text is a :class:`Sql`: fixed text the app wrote, an identifier an allow-list admitted, or a
composition of those. ``compose`` takes nothing else, so a value (a filter, a search word, a code
from the URL) can reach a query only as a bound parameter (``$name``), never as text; and no query
module formats SQL itself.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from dashboard.selection import Selection

# What a fact table's date column may be called, and the table aliases the selection's conditions
# are written for: allow-lists, never user input.
DATE_COLUMNS = frozenset({"period", "survey_date", "quarter"})
TABLE_ALIASES = frozenset({"ac", "c", "cp", "g", "iv"})


class Sql(str):
    """SQL text the app wrote itself (fixed text, allow-listed identifiers and their compositions),
    never a value."""


def compose(template: str, **parts: Sql) -> Sql:
    """``template`` (fixed text) with each ``{name}`` field filled with the part of that name.

    Raises:
        TypeError: a part is not ``Sql`` (a value belongs in a bound parameter).
    """
    for name, part in parts.items():
        if not isinstance(part, Sql):
            raise TypeError(f"{name!r} is not SQL text the app wrote: bind it as a parameter")
    return Sql(template.format(**parts))


def identifier(name: object, allowed: Collection[str]) -> Sql:
    """``name`` as SQL text, when the allow-list ``allowed`` holds it (a column, a table, an
    expression a mapping of the query module defines).

    Raises:
        ValueError: ``name`` is not allowed.
    """
    if not isinstance(name, str) or name not in allowed:
        raise ValueError(f"not an allowed identifier: {str(name)[:64]!r}")
    return Sql(name)


def joined(parts: Iterable[Sql], separator: str) -> Sql:
    """The parts joined by ``separator`` (fixed text: ``" AND "``, ``", "``, ``" UNION ALL "``).

    Raises:
        TypeError: a part is not ``Sql``.
    """
    parts = list(parts)
    if not all(isinstance(part, Sql) for part in parts):
        raise TypeError("only SQL text the app wrote is joined: bind values as parameters")
    return Sql(separator.join(parts))


def where(conditions: list[Sql]) -> Sql:
    """``WHERE a AND b``, or nothing without conditions."""
    return (
        compose("WHERE {conditions}", conditions=joined(conditions, " AND "))
        if conditions
        else Sql("")
    )


def selection_conditions(
    selection: Selection,
    *,
    alias: str,
    date_column: str | None,
    pillar_mode: str = "none",
    kept_actions: Sequence[str] | None = None,
) -> tuple[list[Sql], dict[str, object]]:
    """SQL conditions and parameters restricting rows of ``alias`` to the selection.

    Args:
        selection: the filters.
        alias: table alias holding ``action_code`` and ``iso3`` columns (``TABLE_ALIASES``).
        date_column: ``period``, ``survey_date`` or ``quarter`` (pre-aggregated cells), or None
            for tables without dates. Selections are whole quarters, so all three filter alike.
        pillar_mode: ``indicator`` (rows have an ``indicator_code``), ``country`` (keep
            countries where a chosen pillar applies) or ``none`` (ignore the pillar filter).
        kept_actions: the Actions the region, status and Action filters keep, when the caller
            has resolved them (``Catalog.kept_actions``): one condition on those codes instead
            of one per filter, so that the selections keeping the same Actions ask the same
            query (and share its kept answer). None: the filters as they are.
    Raises:
        ValueError: an alias or date column not on its allow-list.
    """
    table = identifier(alias, TABLE_ALIASES)
    date = identifier(date_column, DATE_COLUMNS) if date_column is not None else None
    conditions: list[Sql] = []
    params: dict[str, object] = {}
    if kept_actions is not None:
        conditions.append(compose("{t}.action_code IN $kept_actions", t=table))
        params["kept_actions"] = list(kept_actions)
    if selection.regions and kept_actions is None:
        conditions.append(
            compose(
                "{t}.action_code IN (SELECT action_code FROM actions WHERE region_code IN $regions)",
                t=table,
            )
        )
        params["regions"] = list(selection.regions)
    if selection.statuses and kept_actions is None:
        conditions.append(
            compose(
                "{t}.action_code IN (SELECT action_code FROM actions WHERE status_code IN $statuses)",
                t=table,
            )
        )
        params["statuses"] = list(selection.statuses)
    if selection.actions and kept_actions is None:
        conditions.append(compose("{t}.action_code IN $actions", t=table))
        params["actions"] = list(selection.actions)
    if selection.countries:
        conditions.append(compose("{t}.iso3 IN $countries", t=table))
        params["countries"] = list(selection.countries)
    if selection.pillars and pillar_mode == "indicator":
        conditions.append(
            compose(
                "{t}.indicator_code IN (SELECT indicator_code FROM indicators WHERE pillar_no IN $pillars)",
                t=table,
            )
        )
        params["pillars"] = list(selection.pillars)
    elif selection.pillars and pillar_mode == "country":
        conditions.append(
            compose(
                "({t}.action_code, {t}.iso3) IN "
                "(SELECT (action_code, iso3) FROM country_pillars WHERE pillar_no IN $pillars)",
                t=table,
            )
        )
        params["pillars"] = list(selection.pillars)
    if date is not None and selection.start_date:
        conditions.append(compose("{t}.{date} >= $period_start", t=table, date=date))
        params["period_start"] = selection.start_date
    if date is not None and selection.end_date_exclusive:
        conditions.append(compose("{t}.{date} < $period_end", t=table, date=date))
        params["period_end"] = selection.end_date_exclusive
    return conditions, params


def indicator_value_conditions(
    selection: Selection, kept_actions: Sequence[str] | None = None
) -> tuple[list[Sql], dict[str, object]]:
    """Conditions on ``indicator_values iv``: every filter, the pillar through the indicator
    (``kept_actions``: as in :func:`selection_conditions`)."""
    return selection_conditions(
        selection,
        alias="iv",
        date_column="period",
        pillar_mode="indicator",
        kept_actions=kept_actions,
    )
