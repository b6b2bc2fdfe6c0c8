"""HTML blocks of the pillars page built from data: the matrix and objective-mapping tables, the
exception notes, the headline cards and the published-figures table. The blocks a filter change
sends as HTML are ``kept``: built again only when their rows changed."""

from __future__ import annotations

from urllib.parse import urlparse

import pandas as pd
from dash import html

from dashboard.common.attributes import attributes
from dashboard.i18n import TEXT, format_number, normalise_language, t
from dashboard.pillars.kept import kept
from dashboard.pillars.labels import (
    CELL_STATES,
    HEADLINE_ORDER,
    cell_state,
    is_missing,
    optional_text,
    pillar_label,
    published_action,
    published_scope,
    published_value,
    qualifier_text,
    unit_label,
)
from dashboard.pillars.records import records


def _hidden(text: str) -> html.Span:
    return html.Span(text, className="visually-hidden")


@kept
def pillar_matrix_table(frame: pd.DataFrame, *, lang: str) -> html.Table | html.P:
    """The Action x pillar matrix as an HTML table (symbols plus their meaning for screen readers)."""
    if frame.empty:
        return html.P(t("chart.empty", lang), className="text-muted")
    suffix = normalise_language(lang)
    pillars = frame.drop_duplicates("pillar_no").sort_values("pillar_no")
    header = html.Tr(
        [html.Th(t("pillars.axis.action", lang), scope="col")]
        + [
            html.Th(
                pillar_label(row["pillar_no"], row[f"pillar_name_{suffix}"], width=None),
                scope="col",
                title=row[f"description_{suffix}"],
            )
            for row in records(pillars)
        ]
    )
    body = []
    for action_code, cells in frame.groupby("action_code", sort=False):
        row_cells: list[html.Th | html.Td] = [
            html.Th(cells.iloc[0][f"short_name_{suffix}"], scope="row")
        ]
        for cell in records(cells.sort_values("pillar_no")):
            symbol, _, label_key, _ = CELL_STATES[cell_state(cell["basis"])]
            row_cells.append(
                html.Td(
                    [
                        html.Span(symbol, **attributes({"aria-hidden": "true"})),
                        _hidden(t(label_key, lang)),
                    ],
                    className=f"pillars-cell pillars-cell-{cell_state(cell['basis']).replace(' ', '-')}",
                    title=t(label_key, lang),
                )
            )
        body.append(html.Tr(row_cells, **attributes({"data-action": action_code})))
    return html.Table(
        [html.Thead(header), html.Tbody(body)],
        className="table table-sm table-bordered pillars-matrix-table mb-0",
    )


@kept
def objective_mapping_table(frame: pd.DataFrame, *, lang: str) -> html.Table | html.P:
    """Objectives or result areas with the pillar this project maps each to
    (``queries.objective_mappings``)."""
    if frame.empty:
        return html.P(t("pillars.mapping.none", lang), className="text-muted")
    suffix = normalise_language(lang)
    header = html.Tr(
        [
            html.Th(t(f"pillars.mapping.col.{column}", lang), scope="col")
            for column in ("action", "objective", "pillar", "rationale")
        ]
    )
    rows = []
    for row in records(frame):
        kind_key = f"pillars.kind.{row['kind']}"
        kind = (
            t(kind_key, lang, no=int(row["objective_no"])) if kind_key in TEXT else str(row["kind"])
        )
        rows.append(
            html.Tr(
                [
                    html.Td(row[f"short_name_{suffix}"]),
                    html.Td([html.Strong(kind), html.Br(), row[f"text_{suffix}"]]),
                    html.Td(
                        [
                            "◐ ",
                            pillar_label(
                                row["pillar_no"], row[f"pillar_name_{suffix}"], width=None
                            ),
                        ]
                    ),
                    html.Td(row[f"rationale_{suffix}"]),
                ]
            )
        )
    return html.Table(
        [html.Thead(header), html.Tbody(rows)],
        className="table table-sm table-striped pillars-mapping-table mb-0",
    )


def exception_notes(frame: pd.DataFrame, *, lang: str) -> html.Div:
    """The country exceptions of one Action, each with its note in ``lang``
    (``queries.country_exceptions``)."""
    if frame.empty:
        return html.Div(
            html.P(t("pillars.drill.no_exception", lang), className="text-muted small mb-0")
        )
    suffix = normalise_language(lang)
    items = []
    for row in records(frame):
        pillars = ", ".join(part for part in str(row["applicable_pillars"]).split(";") if part)
        items.append(
            html.Li(
                [
                    html.Strong(
                        f"{row[f'name_{suffix}']} ({t('pillars.drill.exception_pillars', lang, pillars=pillars)})"
                    ),
                    " ",
                    row[f"note_{suffix}"],
                ]
            )
        )
    return html.Div(
        [
            html.H3(t("pillars.drill.exceptions", lang), className="h6"),
            html.Ul(items, className="mb-0"),
        ]
    )


@kept
def headline_cards(frame: pd.DataFrame, *, lang: str, demo: bool) -> html.Div:
    """One card per applicable indicator with its total, definition on hover and focus
    (``queries.indicator_totals``)."""
    if frame.empty:
        return html.Div(html.P(t("pillars.cards.empty", lang), className="text-muted mb-0"))
    suffix = normalise_language(lang)
    position = {code: index for index, code in enumerate(HEADLINE_ORDER)}
    ordered = frame.assign(
        _order=frame["indicator_code"].map(lambda code: position.get(code, len(position)))
    )
    ordered = ordered.sort_values(["pillar_no", "_order", "indicator_code"], kind="stable")
    cards = [_card(row, lang, suffix) for row in records(ordered)]
    header = [html.Span(t("pillars.cards.hint", lang), className="small text-muted")]
    if demo:
        header.insert(
            0, html.Span(t("chart.demo_mark", lang), className="badge pillars-demo-badge me-2")
        )
    return html.Div(
        [html.Div(header, className="mb-2"), html.Div(cards, className="pillars-cards")]
    )


def _card(row: dict, lang: str, suffix: str) -> html.Div:
    definition = t("pillars.cards.definition", lang, text=row[f"definition_{suffix}"])
    missing = is_missing(row["total"])
    value = "–" if missing else format_number(row["total"], lang)
    detail = t("pillars.cards.no_data", lang) if missing else unit_label(row["unit"], lang)
    return html.Div(
        [
            html.Div(
                t("pillars.cards.pillar", lang, no=int(row["pillar_no"])),
                className="small text-muted",
            ),
            html.Div(value, className="pillars-card-value"),
            html.Div(row[f"name_{suffix}"], className="pillars-card-name"),
            html.Div(detail, className="small text-muted"),
            html.Span(definition, className="visually-hidden"),
        ],
        className="card pillars-card" + (" pillars-card-empty" if missing else ""),
        title=definition,
        tabIndex="0",
        role="group",
        **attributes(
            {
                "data-indicator": row["indicator_code"],
                "aria-label": f"{row[f'name_{suffix}']}: {value}",
            }
        ),
    )


def _source_link(url: str, lang: str) -> html.A:
    host = urlparse(url).netloc.removeprefix("www.") or url
    return html.A(
        [host, html.Span(" " + t("pillars.published.new_tab", lang), className="visually-hidden")],
        href=url,
        target="_blank",
        rel="noopener noreferrer",
        className="pillars-source-link",
    )


@kept
def published_table(frame: pd.DataFrame, *, lang: str) -> html.Div:
    """The published figures as a table with date, qualifier and source link
    (``queries.published_figures``)."""
    if frame.empty:
        return html.Div(html.P(t("pillars.published.empty", lang), className="text-muted mb-0"))
    suffix = normalise_language(lang)
    columns = ("action", "scope", "indicator", "value", "qualifier", "as_of", "source", "note")
    header = html.Tr(
        [html.Th(t(f"pillars.published.col.{column}", lang), scope="col") for column in columns]
    )
    rows = []
    for row in records(frame):
        note = "" if is_missing(row["note"]) else str(row["note"])
        rows.append(
            html.Tr(
                [
                    html.Td(published_action(row, lang, suffix)),
                    html.Td(published_scope(row, lang, suffix)),
                    html.Td(
                        optional_text(f"pillars.pub.{row['indicator']}", lang, row["indicator"])
                    ),
                    html.Td(
                        published_value(row["indicator"], float(row["value"]), lang),
                        className="text-end text-nowrap",
                    ),
                    html.Td(qualifier_text(row["qualifier"], lang)),
                    html.Td(pd.Timestamp(row["as_of"]).date().isoformat(), className="text-nowrap"),
                    html.Td(_source_link(row["source_url"], lang)),
                    html.Td(note, lang="en", className="small"),
                ],
                **attributes({"data-figure-id": str(int(row["figure_id"]))}),
            )
        )
    return html.Div(
        html.Table(
            [html.Thead(header), html.Tbody(rows)],
            className="table table-sm table-striped pillars-published-table mb-0",
        ),
        className="table-responsive",
    )
