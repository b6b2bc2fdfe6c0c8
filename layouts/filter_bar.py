"""The shared filter bar: region, status, Action, country, pillar and period."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from layouts.shell_text import FILTER_CONTROLS, label_id

# Column widths on large screens, by control.
_WIDTHS = {ids.FILTER_STATUS: 1, ids.FILTER_PERIOD_START: 1, ids.FILTER_PERIOD_END: 1}


def _labelled_dropdown(component_id: str, multi: bool, texts: dict) -> dbc.Col:
    return dbc.Col(
        [
            html.Label(texts[(label_id(component_id), "children")], id=label_id(component_id),
                       htmlFor=component_id, className="form-label small mb-1"),
            dcc.Dropdown(id=component_id, options=texts[(component_id, "options")], multi=multi,
                         value=[] if multi else None, placeholder=texts[(component_id, "placeholder")],
                         labels=texts[(component_id, "labels")],
                         clearable=True, searchable=True),
        ],
        xs=12, sm=6, lg=_WIDTHS.get(component_id, 2), className="mb-2",
    )


def filter_bar(texts: dict) -> html.Section:
    """The filter bar, labelled from ``texts`` (see layouts.shell_text); values come from the URL."""
    return html.Section(
        [
            html.Button(texts[(ids.FILTER_TOGGLE, "children")], id=ids.FILTER_TOGGLE, n_clicks=0, type="button",
                        className="btn btn-outline-secondary btn-sm d-md-none mb-2",
                        title=texts[(ids.FILTER_TOGGLE, "title")],
                        **{"aria-controls": ids.FILTER_COLLAPSE}),
            dbc.Collapse(
                dbc.Row(
                    [
                        *[_labelled_dropdown(component_id, multi, texts)
                          for component_id, _, _, multi in FILTER_CONTROLS],
                        dbc.Col(
                            html.Button(texts[(ids.FILTER_RESET, "children")], id=ids.FILTER_RESET, n_clicks=0,
                                        type="button", className="btn btn-link btn-sm"),
                            xs=12, lg=1, className="mb-2 d-flex align-items-end",
                        ),
                        dbc.Col(html.Small(id=ids.FILTER_PILLAR_HINT, className="text-muted"), xs=12),
                    ],
                    className="g-2",
                ),
                id=ids.FILTER_COLLAPSE, is_open=True,
            ),
        ],
        className="filter-bar border-bottom bg-light px-3 pt-2",
        id="shell-filter-bar",
        role="search",
        **{"aria-labelledby": ids.FILTER_TOGGLE},
    )
