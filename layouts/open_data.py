"""The shell's "Open data" menu: download every table for the current filters, and the API's page."""

from __future__ import annotations

from dash import html

from dashboard import ids
from dashboard.i18n import t


def open_data_links(lang: str, may_download: bool = True) -> list[html.Li]:
    """ "Download all data" (zip), its HXL variant and the API documentation; the shell's callback
    keeps the hrefs in step with the address. The downloads are hidden from a user who may not
    download data (the server refuses them anyway)."""
    return [
        html.Li(
            html.A(
                t("api.download_all", lang),
                id=ids.DOWNLOAD_ALL_LINK,
                href="/api/v1/download.zip",
                download="",
                title=t("api.download_all_title", lang),
                className="dropdown-item",
            ),
            hidden=not may_download,
        ),
        html.Li(
            html.A(
                t("api.download_all_hxl", lang),
                id=ids.DOWNLOAD_ALL_HXL_LINK,
                href="/api/v1/download.zip?hxl=1",
                download="",
                className="dropdown-item",
            ),
            hidden=not may_download,
        ),
        html.Li(
            html.A(
                t("api.docs_link", lang),
                id=ids.API_DOCS_LINK,
                href=f"/api/v1/docs?lang={lang}",
                className="dropdown-item",
            )
        ),
    ]


def open_data_menu(lang: str, may_download: bool = True) -> html.Details:
    """The links behind one "Open data" button, so the menu bar stays one line on a laptop.

    A native disclosure (``details``/``summary``): it opens with a click, Enter or Space and the
    browser tells screen readers whether it is open; assets/nav-menu.js closes it with Escape or
    a click elsewhere. Its links stay in the page while it is closed (callbacks keep their hrefs).
    """
    return html.Details(
        [
            html.Summary(
                t("api.menu", lang),
                id=ids.OPEN_DATA_TOGGLE,
                className="btn btn-outline-light btn-sm dropdown-toggle text-nowrap",
            ),
            html.Ul(
                open_data_links(lang, may_download),
                className="dropdown-menu dropdown-menu-dark nav-menu-panel",
            ),
        ],
        id=ids.OPEN_DATA_MENU,
        className="nav-menu my-1",
    )
