"""The shared filter bar: region, status, Action, country, pillar and period."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.catalog import Catalog
from dashboard.i18n import t


def _labelled_dropdown(component_id: str, label_key: str, options: list[dict], lang: str,
                       multi: bool = True, width: int = 2) -> dbc.Col:
    label_id = f"{component_id}-label"
    return dbc.Col(
        [
            html.Label(t(label_key, lang), id=label_id, htmlFor=component_id, className="form-label small mb-1"),
            dcc.Dropdown(id=component_id, options=options, multi=multi, value=[] if multi else None,
                         placeholder=t("filters.all", lang), clearable=True, searchable=True),
        ],
        xs=12, sm=6, lg=width, className="mb-2",
    )


def filter_bar(catalog: Catalog, lang: str) -> html.Section:
    """The filter bar; values are filled from the URL by the shell callbacks."""
    quarters = [{"label": quarter, "value": quarter} for quarter in catalog.quarters]
    return html.Section(
        [
            html.Button(t("filters.title", lang), id=ids.FILTER_TOGGLE, n_clicks=0, type="button",
                        className="btn btn-outline-secondary btn-sm d-md-none mb-2",
                        title=t("filters.toggle", lang), **{"aria-controls": ids.FILTER_COLLAPSE}),
            dbc.Collapse(
                dbc.Row(
                    [
                        _labelled_dropdown(ids.FILTER_REGION, "filters.region", catalog.options("regions", lang), lang),
                        _labelled_dropdown(ids.FILTER_STATUS, "filters.status", catalog.options("statuses", lang), lang, width=1),
                        _labelled_dropdown(ids.FILTER_ACTION, "filters.action", catalog.options("actions", lang), lang),
                        _labelled_dropdown(ids.FILTER_COUNTRY, "filters.country", catalog.options("countries", lang), lang),
                        _labelled_dropdown(ids.FILTER_PILLAR, "filters.pillar", catalog.options("pillars", lang), lang),
                        _labelled_dropdown(ids.FILTER_PERIOD_START, "filters.period_start", quarters, lang, multi=False, width=1),
                        _labelled_dropdown(ids.FILTER_PERIOD_END, "filters.period_end", quarters, lang, multi=False, width=1),
                        dbc.Col(
                            html.Button(t("filters.reset", lang), id=ids.FILTER_RESET, n_clicks=0, type="button",
                                        className="btn btn-link btn-sm"),
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
        **{"aria-label": t("filters.title", lang)},
    )
