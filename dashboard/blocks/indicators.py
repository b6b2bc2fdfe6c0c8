"""HTML blocks built from indicator data: the headline cards and the published-figures table."""

from __future__ import annotations

from urllib.parse import urlparse

import pandas as pd
from dash import html

from dashboard.i18n import format_number, normalise_language, t
from dashboard.labels.indicators import (
    HEADLINE_ORDER,
    _is_missing,
    _label,
    _published_action,
    _published_scope,
    _qualifier,
    published_value,
    unit_label,
)


def headline_cards(frame: pd.DataFrame, *, lang: str, demo: bool) -> html.Div:
    """One card per applicable indicator with its total, definition on hover and focus
    (``queries.indicators.indicator_totals``)."""
    if frame.empty:
        return html.Div(html.P(t("pillars.cards.empty", lang), className="text-muted mb-0"))
    suffix = normalise_language(lang)
    position = {code: index for index, code in enumerate(HEADLINE_ORDER)}
    ordered = frame.assign(_order=frame["indicator_code"].map(lambda code: position.get(code, len(position))))
    ordered = ordered.sort_values(["pillar_no", "_order", "indicator_code"], kind="stable")
    cards = [_card(row, lang, suffix) for row in ordered.to_dict("records")]
    header = [html.Span(t("pillars.cards.hint", lang), className="small text-muted")]
    if demo:
        header.insert(0, html.Span(t("chart.demo_mark", lang), className="badge pillars-demo-badge me-2"))
    return html.Div([html.Div(header, className="mb-2"), html.Div(cards, className="pillars-cards")])


def _card(row: dict, lang: str, suffix: str) -> html.Div:
    definition = t("pillars.cards.definition", lang, text=row[f"definition_{suffix}"])
    missing = _is_missing(row["total"])
    value = "–" if missing else format_number(row["total"], lang)
    detail = t("pillars.cards.no_data", lang) if missing else unit_label(row["unit"], lang)
    return html.Div(
        [
            html.Div(t("pillars.cards.pillar", lang, no=int(row["pillar_no"])), className="small text-muted"),
            html.Div(value, className="pillars-card-value"),
            html.Div(row[f"name_{suffix}"], className="pillars-card-name"),
            html.Div(detail, className="small text-muted"),
            html.Span(definition, className="visually-hidden"),
        ],
        className="card pillars-card" + (" pillars-card-empty" if missing else ""),
        title=definition, tabIndex="0", role="group",
        **{"data-indicator": row["indicator_code"], "aria-label": f"{row[f'name_{suffix}']}: {value}"},
    )


def _source_link(url: str, lang: str) -> html.A:
    host = urlparse(url).netloc.removeprefix("www.") or url
    return html.A([host, html.Span(" " + t("pillars.published.new_tab", lang), className="visually-hidden")],
                  href=url, target="_blank", rel="noopener noreferrer", className="pillars-source-link")


def published_table(frame: pd.DataFrame, *, lang: str) -> html.Div:
    """The published figures as a table with date, qualifier and source link
    (``queries.indicators.published_figures``)."""
    if frame.empty:
        return html.Div(html.P(t("pillars.published.empty", lang), className="text-muted mb-0"))
    suffix = normalise_language(lang)
    columns = ("action", "scope", "indicator", "value", "qualifier", "as_of", "source", "note")
    header = html.Tr([html.Th(t(f"pillars.published.col.{column}", lang), scope="col") for column in columns])
    rows = []
    for row in frame.to_dict("records"):
        note = "" if _is_missing(row["note"]) else str(row["note"])
        rows.append(html.Tr([
            html.Td(_published_action(row, lang, suffix)),
            html.Td(_published_scope(row, lang, suffix)),
            html.Td(_label(f"pillars.pub.{row['indicator']}", lang, row["indicator"])),
            html.Td(published_value(row["indicator"], float(row["value"]), lang), className="text-end text-nowrap"),
            html.Td(_qualifier(row["qualifier"], lang)),
            html.Td(pd.Timestamp(row["as_of"]).date().isoformat(), className="text-nowrap"),
            html.Td(_source_link(row["source_url"], lang)),
            html.Td(note, lang="en", className="small"),
        ], **{"data-figure-id": str(int(row["figure_id"]))}))
    return html.Div(html.Table([html.Thead(header), html.Tbody(rows)],
                               className="table table-sm table-striped pillars-published-table mb-0"),
                    className="table-responsive")
