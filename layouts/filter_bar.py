"""The shared filter bar: region, status, Action, country, pillar and period."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.common.attributes import attributes
from dashboard.common.shell_text import FILTER_CONTROLS, label_id

# On large screens the columns share the row by content (assets/10-app.css): the region wide
# enough for a chosen region's name, the status and the quarters for their whole value.
_KINDS = {
    ids.FILTER_REGION: "wide",
    ids.FILTER_STATUS: "narrow",
    ids.FILTER_PERIOD_START: "narrow",
    ids.FILTER_PERIOD_END: "narrow",
}


def _labelled_dropdown(component_id: str, multi: bool, texts: dict) -> dbc.Col:
    return dbc.Col(
        [
            html.Label(
                texts[(label_id(component_id), "children")],
                id=label_id(component_id),
                htmlFor=component_id,
                className="form-label small mb-1",
            ),
            dcc.Dropdown(
                id=component_id,
                options=texts[(component_id, "options")],
                multi=multi,
                value=[] if multi else None,
                placeholder=texts[(component_id, "placeholder")],
                labels=texts[(component_id, "labels")],
                clearable=True,
                searchable=True,
            ),
        ],
        xs=12,
        sm=6,
        lg=True,
        className=f"mb-2 filter-col filter-col-{_KINDS.get(component_id, 'normal')}",
    )


def filter_bar(texts: dict) -> html.Section:
    """The filter bar, labelled from ``texts`` (see dashboard.common.shell_text); values come from the URL."""
    return html.Section(
        [
            html.Button(
                texts[(ids.FILTER_TOGGLE, "children")],
                id=ids.FILTER_TOGGLE,
                n_clicks=0,
                type="button",
                className="btn btn-outline-secondary btn-sm d-md-none mb-2",
                title=texts[(ids.FILTER_TOGGLE, "title")],
                **attributes({"aria-controls": ids.FILTER_COLLAPSE}),
            ),
            dbc.Collapse(
                dbc.Row(
                    [
                        *[
                            _labelled_dropdown(component_id, multi, texts)
                            for component_id, _, _, multi in FILTER_CONTROLS
                        ],
                        dbc.Col(
                            html.Button(
                                texts[(ids.FILTER_RESET, "children")],
                                id=ids.FILTER_RESET,
                                n_clicks=0,
                                type="button",
                                className="btn btn-link btn-sm",
                            ),
                            xs=12,
                            lg="auto",
                            className="mb-2 d-flex align-items-end filter-col-reset",
                        ),
                        dbc.Col(
                            html.Small(id=ids.FILTER_PILLAR_HINT, className="text-muted"), xs=12
                        ),
                    ],
                    className="g-2",
                ),
                id=ids.FILTER_COLLAPSE,
                is_open=True,
            ),
        ],
        className="filter-bar border-bottom bg-light px-3 pt-2",
        id="shell-filter-bar",
        role="search",
        **attributes({"aria-labelledby": ids.FILTER_TOGGLE}),
    )
