"""The EUTF results explorer of the pillars page: search box, download button, count line and grid.

The grid holds no rows of its own: on the infinite row model it asks ``dashboard.pillars.callbacks``
for the block of rows it is about to show, with its sort and filters, so a visit loads a few
dozen rows instead of all 1,426. The download is written on the server from the same request.
"""

from __future__ import annotations

import dash_ag_grid as dag
from dash import dcc, html

from dashboard import ids
from dashboard.common.attributes import attributes
from dashboard.i18n import t
from dashboard.pillars.explorer import (
    CACHE_BLOCK_SIZE,
    EXPLORER_COLUMNS,
    NUMBER_COLUMNS,
    SEARCH_KEY,
)

# AG Grid's own words (filters, loading rows) that the grid shows; the rest stay AG Grid's English.
GRID_TEXT_KEYS = (
    "noRowsToShow",
    "loadingOoo",
    "filterOoo",
    "contains",
    "notContains",
    "equals",
    "notEqual",
    "startsWith",
    "endsWith",
    "blank",
    "notBlank",
    "lessThan",
    "greaterThan",
    "inRange",
    "andCondition",
    "orCondition",
)
LONG_TEXT_COLUMNS = ("indicator", "result_framework")
ROW_HEIGHT = 66  # every row alike (the infinite row model needs it): three lines of the long texts


def column_defs(lang: str) -> list[dict]:
    """The grid's columns with their names in ``lang``; the search's hidden column last."""
    columns = [
        {
            "field": column,
            "headerName": t(f"eutf.explorer.col.{column}", lang),
            **(
                {"filter": "agNumberColumnFilter", "type": "numericColumn"}
                if column in NUMBER_COLUMNS
                else {}
            ),
            # 360 px wide; on a phone assets/explorer-phone.js pins the indicator at 170.
            **(
                {
                    "width": 360,
                    "minWidth": 160,
                    "wrapText": True,
                    "tooltipField": column,
                    "cellClass": "explorer-long-text",
                }
                if column in LONG_TEXT_COLUMNS
                else {}
            ),
        }
        for column in EXPLORER_COLUMNS
    ]
    # Never shown: its filter carries the search box's words to the server with the grid's request.
    columns.append(
        {
            "colId": SEARCH_KEY,
            "headerName": t("eutf.explorer.search", lang),
            "hide": True,
            "filter": "agTextColumnFilter",
            "sortable": False,
        }
    )
    return columns


def explorer_grid(lang: str) -> dag.AgGrid:
    """The grid of every EUTF result row, filled block by block from the server."""
    return dag.AgGrid(
        id=ids.PILLARS_EXPLORER_GRID,
        columnDefs=column_defs(lang),
        rowModelType="infinite",
        filterModel={},
        defaultColDef={
            "sortable": True,
            "filter": "agTextColumnFilter",
            "floatingFilter": True,
            "resizable": True,
            "minWidth": 110,
        },
        # One block asked for at a time: the grid's Dash component keeps only the latest request,
        # so two answers in flight could land in the wrong block. Scrolling past blocks skips them.
        dashGridOptions={
            "cacheBlockSize": CACHE_BLOCK_SIZE,
            "maxConcurrentDatasourceRequests": 1,
            "blockLoadDebounceMillis": 60,
            "rowBuffer": 10,
            "rowHeight": ROW_HEIGHT,
            "ensureDomOrder": True,
            "suppressColumnVirtualisation": True,
            "enableCellTextSelection": True,
            "tooltipShowDelay": 300,
            "localeText": {key: t(f"eutf.grid.{key}", lang) for key in GRID_TEXT_KEYS},
        },
        className="ag-theme-alpine",
        style={"height": "560px", "width": "100%"},
    )


def explorer_panel(lang: str) -> list:
    """Heading, caption, search box, download button, count line and grid."""
    return [
        html.H3(t("eutf.explorer.heading", lang), id="pillars-explorer-heading", className="h5"),
        html.P(t("eutf.explorer.caption", lang), className="small"),
        html.Div(
            [
                html.Div(
                    [
                        html.Label(
                            t("eutf.explorer.search", lang),
                            htmlFor=ids.PILLARS_EXPLORER_SEARCH,
                            className="form-label small mb-1",
                        ),
                        dcc.Input(
                            id=ids.PILLARS_EXPLORER_SEARCH,
                            type="search",
                            debounce=0.3,
                            className="form-control form-control-sm",
                            placeholder=t("eutf.explorer.search_placeholder", lang),
                        ),
                    ],
                    className="me-3 mb-2 flex-grow-1",
                ),
                html.Button(
                    t("eutf.explorer.export", lang),
                    id=ids.PILLARS_EXPLORER_EXPORT,
                    n_clicks=0,
                    type="button",
                    className="btn btn-outline-secondary btn-sm mb-2 data-export-group",
                ),
                dcc.Download(id=ids.PILLARS_EXPLORER_DOWNLOAD),
            ],
            className="d-flex flex-wrap align-items-end",
        ),
        # Values of the address's explorer part that could not be used, named (role=status).
        html.P(
            id=ids.PILLARS_EXPLORER_NOTICE,
            className="small text-warning-emphasis mb-1",
            role="status",
        ),
        # The explorer part of the address last applied to the grid, and whether the grid has
        # asked for its rows since (until then, its requests do not write the address).
        dcc.Store(id=ids.PILLARS_EXPLORER_ADDRESS),
        # The fragment of the last navigation of the address (Back, Forward, a pasted link), set
        # in the browser (assets/address-fragment.js); the grid's own writes of the address never
        # set it, so they are never applied back over a newer sort or filter.
        dcc.Store(id=ids.PILLARS_EXPLORER_NAVIGATED),
        # The column state of the address's sort, applied through the grid's API once it is ready
        # (set as the grid's property before that, it could be lost to the grid's own first state).
        dcc.Store(id=ids.PILLARS_EXPLORER_SORT),
        # Empty until the grid (drawn when it comes near the viewport) has its first rows: its
        # line is kept, so nothing below it moves when the count arrives.
        html.P(
            id=ids.PILLARS_EXPLORER_COUNT,
            className="small text-muted mb-1",
            style={"minHeight": "1.5em"},
            **attributes({"aria-live": "polite"}),
        ),
        html.Div(
            explorer_grid(lang),
            role="region",
            **attributes({"aria-labelledby": "pillars-explorer-heading"}),
        ),
    ]
