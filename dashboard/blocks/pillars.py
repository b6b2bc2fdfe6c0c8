"""HTML blocks of the pillars page built from data: the matrix and objective-mapping tables, the
exception notes."""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.i18n import TEXT, normalise_language, t
from dashboard.labels.pillars import CELL_STATES, _state, pillar_label


def _hidden(text: str) -> html.Span:
    return html.Span(text, className="visually-hidden")


def pillar_matrix_table(frame: pd.DataFrame, *, lang: str) -> html.Table | html.P:
    """The Action x pillar matrix as an HTML table (symbols plus their meaning for screen readers)."""
    if frame.empty:
        return html.P(t("chart.empty", lang), className="text-muted")
    suffix = normalise_language(lang)
    pillars = frame.drop_duplicates("pillar_no").sort_values("pillar_no")
    header = html.Tr(
        [html.Th(t("pillars.axis.action", lang), scope="col")]
        + [html.Th(pillar_label(row.pillar_no, getattr(row, f"pillar_name_{suffix}"), width=None), scope="col",
                   title=getattr(row, f"description_{suffix}"))
           for row in pillars.itertuples()]
    )
    body = []
    for action_code, cells in frame.groupby("action_code", sort=False):
        row_cells = [html.Th(cells.iloc[0][f"short_name_{suffix}"], scope="row")]
        for cell in cells.sort_values("pillar_no").to_dict("records"):
            symbol, _, label_key, _ = CELL_STATES[_state(cell["basis"])]
            row_cells.append(html.Td([html.Span(symbol, **{"aria-hidden": "true"}), _hidden(t(label_key, lang))],
                                     className=f"pillars-cell pillars-cell-{_state(cell['basis']).replace(' ', '-')}",
                                     title=t(label_key, lang)))
        body.append(html.Tr(row_cells, **{"data-action": action_code}))
    return html.Table([html.Thead(header), html.Tbody(body)],
                      className="table table-sm table-bordered pillars-matrix-table mb-0")


def objective_mapping_table(frame: pd.DataFrame, *, lang: str) -> html.Table | html.P:
    """Objectives or result areas with the pillar this project maps each to
    (``queries.pillars.objective_mappings``)."""
    if frame.empty:
        return html.P(t("pillars.mapping.none", lang), className="text-muted")
    suffix = normalise_language(lang)
    header = html.Tr([html.Th(t(f"pillars.mapping.col.{column}", lang), scope="col")
                      for column in ("action", "objective", "pillar", "rationale")])
    rows = []
    for row in frame.to_dict("records"):
        kind_key = f"pillars.kind.{row['kind']}"
        kind = t(kind_key, lang, no=int(row["objective_no"])) if kind_key in TEXT else str(row["kind"])
        rows.append(html.Tr([
            html.Td(row[f"short_name_{suffix}"]),
            html.Td([html.Strong(kind), html.Br(), row[f"text_{suffix}"]]),
            html.Td(["◐ ", pillar_label(row["pillar_no"], row[f"pillar_name_{suffix}"], width=None)]),
            html.Td(row[f"rationale_{suffix}"]),
        ]))
    return html.Table([html.Thead(header), html.Tbody(rows)],
                      className="table table-sm table-striped pillars-mapping-table mb-0")


def exception_notes(frame: pd.DataFrame, *, lang: str) -> html.Div:
    """The country exceptions of one Action, each with its note in ``lang``
    (``queries.pillars.country_exceptions``)."""
    if frame.empty:
        return html.Div(html.P(t("pillars.drill.no_exception", lang), className="text-muted small mb-0"))
    suffix = normalise_language(lang)
    items = []
    for row in frame.to_dict("records"):
        pillars = ", ".join(part for part in str(row["applicable_pillars"]).split(";") if part)
        items.append(html.Li([
            html.Strong(f"{row[f'name_{suffix}']} ({t('pillars.drill.exception_pillars', lang, pillars=pillars)})"),
            " ", row[f"note_{suffix}"],
        ]))
    return html.Div([html.H3(t("pillars.drill.exceptions", lang), className="h6"), html.Ul(items, className="mb-0")])
