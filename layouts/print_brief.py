"""The print-only header of the printable brief: what the view is, when, with which filters and data."""

from __future__ import annotations

from dash import html

from dashboard import ids
from dashboard.common.attributes import Child
from dashboard.i18n import t


def print_header(
    page_title: str, date_text: str, url: str, filters: str, data_source: str | list[str], lang: str
) -> list:
    """Children of the print header (hidden on screen, shown on paper); ``data_source`` is one
    text or the kinds of data the page shows, one per line."""
    source: Child = (
        data_source
        if isinstance(data_source, str)
        else html.Ul([html.Li(text) for text in data_source], className="mb-0")
    )
    return [
        html.H1(t("print.heading", lang, page=page_title), className="h4"),
        html.P(t("print.printed_on", lang, date=date_text, url=url), className="small"),
        html.P([html.Strong(t("print.filters", lang)), filters], className="small mb-1"),
        html.P([html.Strong(t("print.data", lang)), source], className="small mb-1"),
        html.P(
            [html.Strong(t("print.sources", lang)), t("print.sources_text", lang)],
            className="small mb-1",
        ),
    ]


def print_header_container() -> html.Div:
    """The empty container the shell fills for the current page, filters and language."""
    return html.Div(id=ids.PRINT_HEADER, className="print-only print-header")


def print_button(lang: str) -> html.Button:
    """Opens the browser's print dialog on the print-ready view (Save as PDF there)."""
    return html.Button(
        t("print.button", lang),
        id=ids.PRINT_BUTTON,
        n_clicks=0,
        type="button",
        title=t("print.button_title", lang),
        className="btn btn-outline-light btn-sm my-1 text-nowrap",
    )
