"""The EUTF explorer's search, column filters and sort in the page address, so a copied link opens
the same rows and Back and Forward step through them.

They live in the address's fragment (``#q=niger+3.4&sort=-actual&filter={...}``), beside the
page's filters and options in its query string: the explorer reads no filter of the page and no
chart follows it, so changing it redraws nothing else. ``fragment_of`` writes the grid's request
as a fragment; ``read_fragment`` reads one back, checked as a grid request is
(``ExplorerQuery.from_grid``), and names every value it drops.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from dashboard.pillars.explorer import (
    EXPLORER_COLUMNS,
    MAX_TEXT,
    SEARCH_KEY,
    BadExplorerRequest,
    ExplorerQuery,
    search_filter,
)

SEARCH_PARAM, SORT_PARAM, FILTER_PARAM = "q", "sort", "filter"
MAX_FRAGMENT = 4096


@dataclass(frozen=True)
class ExplorerAddress:
    """The explorer's state as the address holds it: search text, column filters (the grid's
    filter model without the search) and sort model; ``dropped``: (parameter, value) ignored."""

    search: str = ""
    filters: Mapping[str, object] | None = None
    sort: tuple[dict, ...] = ()
    dropped: tuple[tuple[str, str], ...] = ()

    def filter_model(self) -> dict:
        """The grid's filter model: the column filters and the search box's entry."""
        model = dict(self.filters or {})
        entry = search_filter(self.search)
        if entry is not None:
            model[SEARCH_KEY] = entry
        return model

    def column_state(self) -> list[dict]:
        """The grid's column state holding this sort (every other column unsorted)."""
        order = {key["colId"]: (index, key["sort"]) for index, key in enumerate(self.sort)}
        return [
            {
                "colId": column,
                "sort": order[column][1] if column in order else None,
                "sortIndex": order[column][0] if column in order else None,
            }
            for column in EXPLORER_COLUMNS
        ]


def fragment_of(request: object) -> str:
    """The fragment (with its ``#``; "" for none) of a grid request's search, filters and sort."""
    if not isinstance(request, Mapping):
        return ""
    found_model, found_sort = request.get("filterModel"), request.get("sortModel")
    model: Mapping = found_model if isinstance(found_model, Mapping) else {}
    sort: list = found_sort if isinstance(found_sort, list) else []
    items = []
    search = model.get(SEARCH_KEY)
    if (
        isinstance(search, Mapping)
        and isinstance(search.get("filter"), str)
        and search["filter"].strip()
    ):
        items.append((SEARCH_PARAM, search["filter"]))
    keys = [
        ("-" if key.get("sort") == "desc" else "") + str(key.get("colId"))
        for key in sort
        if isinstance(key, Mapping)
    ]
    if keys:
        items.append((SORT_PARAM, ",".join(keys)))
    columns = {column: value for column, value in model.items() if column != SEARCH_KEY}
    if columns:
        items.append(
            (
                FILTER_PARAM,
                json.dumps(columns, separators=(",", ":"), ensure_ascii=False, sort_keys=True),
            )
        )
    return "#" + urlencode(items) if items else ""


def read_fragment(fragment: object) -> ExplorerAddress:
    """The explorer's state in an address fragment; what it cannot use is dropped and named."""
    text = fragment.lstrip("#") if isinstance(fragment, str) else ""
    if not text:
        return ExplorerAddress()
    if len(text) > MAX_FRAGMENT:
        return ExplorerAddress(dropped=(("#", text[:40] + "…"),))
    dropped: list[tuple[str, str]] = []
    search: str = ""
    filters: dict | None = None
    sort: tuple[dict, ...] = ()
    for name, value in parse_qsl(text, keep_blank_values=True):
        if name == SEARCH_PARAM and len(value) <= MAX_TEXT:
            search = value
        elif name == SORT_PARAM:
            keys = tuple(
                {"colId": key.lstrip("-"), "sort": "desc" if key.startswith("-") else "asc"}
                for key in value.split(",")
                if key
            )
            if _valid({}, keys):
                sort = keys
            else:
                dropped.append((name, value))
        elif name == FILTER_PARAM:
            try:
                model = json.loads(value)
            except ValueError:
                model = None
            if isinstance(model, dict) and SEARCH_KEY not in model and _valid(model, ()):
                filters = model
            else:
                dropped.append((name, value))
        else:
            dropped.append((name, value))
    return ExplorerAddress(
        search, filters, sort, tuple((name, value[:64]) for name, value in dropped)
    )


def _valid(filters: Mapping, sort: tuple) -> bool:
    try:
        ExplorerQuery.from_grid(filters, list(sort))
    except BadExplorerRequest:
        return False
    return True
