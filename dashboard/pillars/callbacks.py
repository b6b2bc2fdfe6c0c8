"""The pillars page's own callbacks, the EUTF results explorer's: each block of rows the grid asks
for, the search box, and the CSV download of every matching row, all answered on the server.
(Every chart of the page is answered by its one chart callback, ``callbacks.charts``, from the
registry ``dashboard.pillars.charts``.)

The grid's ``getRowsRequest`` (block, sort model, filter model with the search inside) is the
one source of what the explorer shows; the download reads the same request.
"""

from __future__ import annotations

import datetime as dt

from dash import Dash, Input, Output, Patch, State, ctx, dcc, no_update

from dashboard import ids
from dashboard.auth.policy import DOWNLOADING, VIEWING
from dashboard.common.data_kinds import EUTF, kind_text
from dashboard.common.exports import ExportHeader, to_csv_bytes
from dashboard.common.wiring import declare
from dashboard.i18n import format_number, normalise_language, plain_texts, t
from dashboard.pillars import explorer_queries
from dashboard.pillars.explorer import (
    SEARCH_KEY,
    BadExplorerRequest,
    ExplorerQuery,
    parse_request,
    search_filter,
)
from dashboard.pillars.explorer_address import fragment_of, read_fragment
from dashboard.pillars.explorer_rows import describe, export_frame, grid_records
from dashboard.store.context import AppContext

NO_ROWS = {"rowData": [], "rowCount": 0}


def count_line(shown: int, total: int, lang: str) -> str:
    """How many rows the explorer holds, and how many of them match when the search or a filter narrows."""
    if shown == total:
        return t("eutf.explorer.count", lang, total=format_number(total, lang))
    return t(
        "eutf.explorer.count_matching",
        lang,
        shown=format_number(shown, lang),
        total=format_number(total, lang),
    )


def explorer_block(context: AppContext, request: object, lang: str | None) -> tuple[dict, str]:
    """The rows of the block the grid asks for (its sort, filters and search applied), the number
    of matching rows (the grid's scroll length), and the count line; a request the grid would
    never send gets no rows and a message."""
    lang = normalise_language(lang)
    try:
        query, block = parse_request(request)
    except BadExplorerRequest:
        return NO_ROWS, t("eutf.explorer.bad_request", lang)
    cursor = context.cursor()
    shown, total = explorer_queries.explorer_counts(cursor, query)
    rows = explorer_queries.explorer_rows(cursor, query, block)
    return {"rowData": grid_records(rows), "rowCount": shown}, count_line(shown, total, lang)


def search_explorer(text: object) -> Patch:
    """Put the search box's words into the grid's filter model (the grid then asks again)."""
    patch = Patch()
    entry = search_filter(text)
    if entry is None:
        del patch[SEARCH_KEY]
    else:
        patch[SEARCH_KEY] = entry
    return patch


def _sort_index(entry: dict) -> int:
    index = entry.get("sortIndex")
    return index if isinstance(index, int) else 0


def sort_of(column_state: object) -> list[tuple[str, str]]:
    """The grid's sort in its column state: (column, "asc" or "desc"), first key first."""
    states = column_state if isinstance(column_state, (list, tuple)) else []
    entries = [
        entry
        for entry in states
        if isinstance(entry, dict) and entry.get("sort") in ("asc", "desc")
    ]
    entries.sort(key=_sort_index)
    return [(str(entry.get("colId")), entry["sort"]) for entry in entries]


def apply_address(
    fragment: object,
    _drawn: object,
    search_now: object,
    filters_now: object,
    lang: str | None,
    columns_now: object = None,
) -> tuple:
    """The grid's search, filters and sort from the address's fragment (a first load, a pasted
    link, Back or Forward), with a notice naming what was dropped; nothing changes when the grid
    already shows them (its own change wrote the fragment)."""
    lang = normalise_language(lang)
    address = read_fragment(fragment)
    notice = (
        t(
            "eutf.explorer.address_dropped",
            lang,
            values=t("list.separator", lang).join(
                f"{name}={value}" for name, value in address.dropped
            ),
        )
        if address.dropped
        else ""
    )
    wanted = address.filter_model()
    searched_now = (search_now or "") == address.search and (filters_now or {}) == wanted
    # The grid's columns are set only when the address sorts otherwise (setting them reloads the rows).
    sorted_now = sort_of(columns_now) == [(key["colId"], key["sort"]) for key in address.sort]
    return (
        *((no_update, no_update) if searched_now else (address.search, wanted)),
        no_update if sorted_now else address.column_state(),
        notice,
        {
            "fragment": fragment_of({"filterModel": wanted, "sortModel": list(address.sort)}),
            # Already shown (Back to a view the grid holds, the grid's own write): no request
            # will come to confirm it, so the grid's next change writes the address at once.
            "synced": searched_now and sorted_now,
        },
    )


def apply_navigation(
    navigated: object,
    drawn: object,
    fragment: object,
    search_now: object,
    filters_now: object,
    lang: str | None,
    columns_now: object = None,
) -> tuple:
    """:func:`apply_address` for what the browser navigated to (Back, Forward, a pasted link:
    ``navigated``, set in the browser) or, when the page is drawn, the address it opened on.

    Never for the grid's own write of the address: that write lags the grid (a second click on a
    column's header may already have changed the sort when the first click's address lands), and
    applying it back undid the person's newer choice."""
    if ctx.triggered_id == ids.PILLARS_EXPLORER_NAVIGATED:
        if not isinstance(navigated, dict) or not isinstance(navigated.get("fragment"), str):
            return (no_update,) * 5
        fragment = navigated["fragment"]
    return apply_address(fragment, drawn, search_now, filters_now, lang, columns_now)


def address_of_grid(request: object, fragment: object, applied: object) -> tuple:
    """The address's fragment from the grid's request (a person searched, filtered or sorted).

    Written only once the grid shows what the address asked for (its first requests, made before
    the address was applied, must not overwrite a pasted link), and only when the grid shows
    something else than the address says (a value the address held and the explorer dropped stays
    there, with its notice, until the person changes the rows)."""
    if not isinstance(request, dict) or not isinstance(applied, dict) or "fragment" not in applied:
        return no_update, no_update  # the address is not applied yet: nothing to compare with
    try:
        asked = ExplorerQuery.from_grid(*_models(request))
    except BadExplorerRequest:
        return no_update, no_update
    if not applied.get("synced"):
        if asked != _query_of(applied["fragment"]):
            return no_update, no_update
        return no_update, {**applied, "synced": True}
    if asked == _query_of(fragment):
        return no_update, no_update
    new = fragment_of(request)
    return (new if new != (fragment or "") else no_update), no_update


def _query_of(fragment: object) -> ExplorerQuery:
    wanted = read_fragment(fragment)
    return ExplorerQuery.from_grid(wanted.filter_model(), list(wanted.sort))


def _models(request: object) -> tuple[object, object]:
    request = request if isinstance(request, dict) else {}
    return request.get("filterModel"), request.get("sortModel")


def download_explorer(
    context: AppContext,
    clicks: int | None,
    request: object,
    lang: str | None,
    today: dt.date | None = None,
) -> object:
    """Every row that the grid's search, filters and sort keep (not only the rows loaded), as a
    CSV with its provenance columns (chart, kind of data, conditions, date)."""
    if not clicks:
        return no_update
    lang = normalise_language(lang)
    try:
        query, _ = parse_request(request) if request is not None else (ExplorerQuery(), None)
    except BadExplorerRequest:
        return no_update
    rows = explorer_queries.explorer_rows(context.cursor(), query)
    today = today or dt.date.today()
    with plain_texts():  # a file: its texts keep their plain spelling, like the API's
        header = ExportHeader(
            t("eutf.explorer.export_title", lang),
            describe(query, lang),
            today,
            kind_text(EUTF, context.catalog, context.imported_files, lang),
        )
        content = to_csv_bytes(export_frame(rows, lang), header)
    return dcc.send_bytes(content, f"pillars_eutf-results-explorer_{today.isoformat()}.csv")


def register(app: Dash, context: AppContext) -> None:
    """Wire the explorer's callbacks."""
    lang = State(ids.LANGUAGE_STORE, "data")
    declare(
        app,
        Output(ids.PILLARS_EXPLORER_GRID, "getRowsResponse"),
        Output(ids.PILLARS_EXPLORER_COUNT, "children"),
        Input(ids.PILLARS_EXPLORER_GRID, "getRowsRequest"),
        lang,
        prevent_initial_call=True,
        pure=True,
        needs=VIEWING,
    )(lambda request, language: explorer_block(context, request, language))
    declare(
        app,
        Output(ids.PILLARS_EXPLORER_GRID, "filterModel"),
        Input(ids.PILLARS_EXPLORER_SEARCH, "value"),
        prevent_initial_call=True,
        pure=True,
        needs=VIEWING,
    )(search_explorer)
    # The address's fragment holds the explorer's search, filters and sort (explorer_address).
    declare(
        app,
        Output(ids.PILLARS_EXPLORER_SEARCH, "value"),
        Output(ids.PILLARS_EXPLORER_GRID, "filterModel", allow_duplicate=True),
        Output(ids.PILLARS_EXPLORER_SORT, "data"),
        Output(ids.PILLARS_EXPLORER_NOTICE, "children"),
        Output(ids.PILLARS_EXPLORER_ADDRESS, "data"),
        Input(ids.PILLARS_EXPLORER_NAVIGATED, "data"),
        Input(
            ids.PILLARS_EXPLORER_GRID, "columnDefs"
        ),  # the page is drawn: apply the address it opened on
        State(ids.URL, "hash"),
        State(ids.PILLARS_EXPLORER_SEARCH, "value"),
        State(ids.PILLARS_EXPLORER_GRID, "filterModel"),
        lang,
        State(ids.PILLARS_EXPLORER_GRID, "columnState"),
        prevent_initial_call="initial_duplicate",
        pure=True,
        needs=VIEWING,
    )(apply_navigation)
    # The address's sort, applied once the grid is ready (every other column unsorted).
    app.clientside_callback(
        """function (state) {
            if (state && window.dash_ag_grid) {
                window.dash_ag_grid.getApiAsync('GRID_ID').then(function (api) {
                    api.applyColumnState({state: state, defaultState: {sort: null}});
                });
            }
            return window.dash_clientside.no_update;
        }""".replace("GRID_ID", ids.PILLARS_EXPLORER_GRID),
        Output(ids.PILLARS_EXPLORER_SORT, "modified_timestamp"),
        Input(ids.PILLARS_EXPLORER_SORT, "data"),
        prevent_initial_call=True,
    )
    declare(
        app,
        Output(ids.URL, "hash", allow_duplicate=True),
        Output(ids.PILLARS_EXPLORER_ADDRESS, "data", allow_duplicate=True),
        Input(ids.PILLARS_EXPLORER_GRID, "getRowsRequest"),
        State(ids.URL, "hash"),
        State(ids.PILLARS_EXPLORER_ADDRESS, "data"),
        prevent_initial_call=True,
        pure=True,
        needs=VIEWING,
    )(address_of_grid)
    # A file download: never cached, and it needs the export permission once clicked.
    declare(
        app,
        Output(ids.PILLARS_EXPLORER_DOWNLOAD, "data"),
        Input(ids.PILLARS_EXPLORER_EXPORT, "n_clicks"),
        State(ids.PILLARS_EXPLORER_GRID, "getRowsRequest"),
        lang,
        prevent_initial_call=True,
        pure=False,
        needs=DOWNLOADING,
    )(lambda clicks, request, language: download_explorer(context, clicks, request, language))
