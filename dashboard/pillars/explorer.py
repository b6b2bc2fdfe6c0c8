"""What the EUTF results explorer asks the server for, as one typed, checked value.

The explorer is an AG Grid on the infinite row model: it asks for one block of rows at a time
with its sort model and filter model (``getRowsRequest``). ``ExplorerQuery.from_grid`` turns
those raw models into a hashable value that names only known columns and operators, so that
``explorer_queries`` can build its SQL from allow-lists; anything else raises ``BadExplorerRequest``
(a hand-made request gets an empty answer and a message, never a traceback).

The search box ("search all columns") travels in the filter model under ``SEARCH_KEY`` (a
hidden column of the grid), so the grid's own request holds every condition and the CSV
download reads the same request the rows came from.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

# Columns, in order (also the allow-list of what the explorer can show, sort and filter on).
EXPLORER_COLUMNS = (
    "result_id",
    "iati_id",
    "level",
    "countries",
    "action_link",
    "result_framework",
    "indicator",
    "indicator_number",
    "period_start",
    "period_end",
    "target",
    "target_text",
    "actual",
    "as_of",
)
NUMBER_COLUMNS = frozenset({"result_id", "target", "actual"})
SEARCH_KEY = "search"  # the hidden column whose filter holds the search box's words
TEXT_OPERATORS = frozenset(
    {"contains", "notContains", "equals", "notEqual", "startsWith", "endsWith", "blank", "notBlank"}
)
NUMBER_OPERATORS = frozenset(
    {
        "equals",
        "notEqual",
        "lessThan",
        "lessThanOrEqual",
        "greaterThan",
        "greaterThanOrEqual",
        "inRange",
        "blank",
        "notBlank",
    }
)
NO_VALUE_OPERATORS = frozenset({"blank", "notBlank"})
MAX_BLOCK = 500  # rows in one request; the grid asks for CACHE_BLOCK_SIZE
MAX_ROW = 10_000_000  # far beyond the table, well inside the integers SQL binds
CACHE_BLOCK_SIZE = 50
MAX_TEXT = 200
MAX_WORDS = 12
MAX_CONDITIONS = 4
MAX_SORT_KEYS = len(EXPLORER_COLUMNS)


class BadExplorerRequest(ValueError):
    """A request the explorer's grid would never send (unknown column, operator or value)."""


@dataclass(frozen=True)
class Condition:
    """One filter condition on a column: ``operator`` from the allow-lists above; ``value`` a
    lower-cased text or a number, ``value_to`` the upper bound of ``inRange``."""

    operator: str
    value: str | float | None = None
    value_to: float | None = None


@dataclass(frozen=True)
class ColumnFilter:
    """The conditions on one column, joined by ``AND`` or ``OR``."""

    column: str
    conditions: tuple[Condition, ...]
    join: str = "AND"


@dataclass(frozen=True)
class SortKey:
    """One column of the sort, in the grid's order of priority."""

    column: str
    descending: bool = False


@dataclass(frozen=True)
class ExplorerQuery:
    """The rows the explorer shows: search words (every one must appear in a row), column filters
    and sort. The empty query is every row, in file order."""

    words: tuple[str, ...] = ()
    filters: tuple[ColumnFilter, ...] = ()
    sort: tuple[SortKey, ...] = ()

    @classmethod
    def from_grid(cls, filter_model: object, sort_model: object) -> ExplorerQuery:
        """The query of the grid's filter and sort models (``getRowsRequest``).

        Raises:
            BadExplorerRequest: a model the grid would not send.
        """
        filter_model = {} if filter_model is None else filter_model
        sort_model = [] if sort_model is None else sort_model
        if not isinstance(filter_model, Mapping) or not isinstance(sort_model, list):
            raise BadExplorerRequest("filter model or sort model of the wrong shape")
        words: tuple[str, ...] = ()
        filters = []
        for column, raw in sorted(filter_model.items(), key=lambda item: str(item[0])):
            if column == SEARCH_KEY:
                words = search_words(_search_text(raw))
            elif column in EXPLORER_COLUMNS:
                filters.append(_column_filter(column, raw))
            else:
                raise BadExplorerRequest(f"unknown column {str(column)[:40]!r}")
        if len(sort_model) > MAX_SORT_KEYS:
            raise BadExplorerRequest("too many sort keys")
        return cls(
            words=words, filters=tuple(filters), sort=tuple(_sort_key(raw) for raw in sort_model)
        )


@dataclass(frozen=True)
class Block:
    """Rows ``start`` (included) to ``end`` (excluded) of the query's result."""

    start: int = 0
    end: int = CACHE_BLOCK_SIZE

    @classmethod
    def from_grid(cls, request: Mapping) -> Block:
        """The block of a ``getRowsRequest``.

        Raises:
            BadExplorerRequest: bounds missing, reversed or too far apart.
        """
        start, end = request.get("startRow"), request.get("endRow")
        if (
            not isinstance(start, int)
            or not isinstance(end, int)
            or isinstance(start, bool)
            or isinstance(end, bool)
        ):
            raise BadExplorerRequest("block bounds are not whole numbers")
        if not 0 <= start < end <= MAX_ROW or end - start > MAX_BLOCK:
            raise BadExplorerRequest("block bounds out of range")
        return cls(start, end)


def search_words(text: object) -> tuple[str, ...]:
    """The search box's words, lower-cased (AG Grid's quick filter matches them all, in any
    column, whatever their case). Not text, or too long: no words."""
    if not isinstance(text, str):
        return ()
    words = text[:MAX_TEXT].lower().split()
    return tuple(dict.fromkeys(words))[:MAX_WORDS]


def search_filter(text: object) -> dict | None:
    """The filter-model entry that carries the search box's text (None: no search)."""
    if not search_words(text):
        return None
    return {"filterType": "text", "type": "contains", "filter": str(text)[:MAX_TEXT]}


def parse_request(request: object) -> tuple[ExplorerQuery, Block]:
    """The query and block of a raw ``getRowsRequest``.

    Raises:
        BadExplorerRequest: not what the grid sends.
    """
    if not isinstance(request, Mapping):
        raise BadExplorerRequest("no request")
    return ExplorerQuery.from_grid(
        request.get("filterModel"), request.get("sortModel")
    ), Block.from_grid(request)


def _search_text(raw: object) -> str:
    if (
        not isinstance(raw, Mapping)
        or raw.get("type") != "contains"
        or not isinstance(raw.get("filter"), str)
    ):
        raise BadExplorerRequest("search of the wrong shape")
    return raw["filter"]


def _column_filter(column: str, raw: object) -> ColumnFilter:
    if not isinstance(raw, Mapping):
        raise BadExplorerRequest(f"filter on {column} of the wrong shape")
    expected = "number" if column in NUMBER_COLUMNS else "text"
    if raw.get("filterType", expected) != expected:
        raise BadExplorerRequest(f"a {raw.get('filterType')!s:.20} filter on {column}")
    if "conditions" in raw:
        join, conditions = raw.get("operator", "AND"), raw["conditions"]
        if (
            join not in ("AND", "OR")
            or not isinstance(conditions, list)
            or not 0 < len(conditions) <= MAX_CONDITIONS
        ):
            raise BadExplorerRequest(f"combined filter on {column} of the wrong shape")
        return ColumnFilter(
            column, tuple(_condition(column, expected, item) for item in conditions), join
        )
    return ColumnFilter(column, (_condition(column, expected, raw),))


def _condition(column: str, expected: str, raw: object) -> Condition:
    if not isinstance(raw, Mapping):
        raise BadExplorerRequest(f"condition on {column} of the wrong shape")
    operator = raw.get("type")
    allowed = NUMBER_OPERATORS if expected == "number" else TEXT_OPERATORS
    if operator not in allowed:
        raise BadExplorerRequest(f"unknown operator {str(operator)[:30]!r} on {column}")
    if operator in NO_VALUE_OPERATORS:
        return Condition(operator)
    if expected == "text":
        value = raw.get("filter")
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise BadExplorerRequest(f"text filter on {column} without a text")
        return Condition(operator, value.lower())
    value = _number(raw.get("filter"), column)
    if operator != "inRange":
        return Condition(operator, value)
    return Condition(operator, value, _number(raw.get("filterTo"), column))


def _number(value: object, column: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise BadExplorerRequest(f"number filter on {column} without a number")
    return float(value)


def _sort_key(raw: object) -> SortKey:
    if (
        not isinstance(raw, Mapping)
        or raw.get("colId") not in EXPLORER_COLUMNS
        or raw.get("sort") not in ("asc", "desc")
    ):
        raise BadExplorerRequest("sort key of the wrong shape")
    return SortKey(raw["colId"], raw["sort"] == "desc")
