"""The shell's open-data links: download every table for the current filters, and the API's page."""

from __future__ import annotations

from dash import html

from dashboard import ids
from dashboard.i18n import t


def open_data_links(lang: str, may_download: bool = True) -> list[html.A]:
    """"Download all data" (zip), its HXL variant and the API documentation; the shell's callback
    keeps the hrefs in step with the address. The downloads are hidden from a user who may not
    download data (the server refuses them anyway)."""
    link = "btn btn-outline-light btn-sm ms-2 my-1 text-nowrap"
    return [
        html.A(t("api.download_all", lang), id=ids.DOWNLOAD_ALL_LINK, href="/api/v1/download.zip", download="",
               title=t("api.download_all_title", lang), className=link, hidden=not may_download),
        html.A(t("api.download_all_hxl", lang), id=ids.DOWNLOAD_ALL_HXL_LINK, href="/api/v1/download.zip?hxl=1",
               download="", className="link-light small ms-1 my-1 text-nowrap", hidden=not may_download),
        html.A(t("api.docs_link", lang), id=ids.API_DOCS_LINK, href=f"/api/v1/docs?lang={lang}",
               className="link-light small ms-2 my-1 text-nowrap"),
    ]
