"""The app shell: navigation, data banner, URL notice, filter bar and the page container."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.catalog import Catalog
from dashboard.i18n import format_number, t
from layouts.filter_bar import filter_bar
from layouts.pages import PAGES


def navbar(lang: str) -> dbc.Navbar:
    """Brand and one link per page."""
    links = [
        dbc.NavItem(dbc.NavLink(t(page.nav_key, lang), href=page.path, id=f"shell-nav-{page.key}-link",
                                active="exact"))
        for page in PAGES
    ]
    return dbc.Navbar(
        dbc.Container(
            [
                html.A(t("nav.skip", lang), href=f"#{ids.PAGE_CONTENT}", className="visually-hidden-focusable skip-link"),
                dbc.NavbarBrand([html.Span(t("app.title", lang), className="fw-semibold"),
                                 html.Small(t("app.subtitle", lang), className="d-none d-lg-inline ms-2 text-white-50")],
                                href="/"),
                dbc.Nav(links, id=ids.NAV_LINKS, navbar=True, className="flex-wrap"),
            ],
            fluid=True,
        ),
        color="dark", dark=True, className="py-1",
    )


def data_banner(catalog: Catalog, lang: str, imported_files: list[str]) -> html.Div:
    """Says on every screen what kind of data the charts show."""
    if catalog.is_demo:
        text = t("banner.demo", lang, seed=catalog.info.get("demo_seed", "?"),
                 rows=format_number(int(catalog.info.get("demo_rows", 0)), lang))
        colour = "warning"
    elif catalog.data_origin == "imported":
        text = t("banner.imported", lang, files=", ".join(imported_files) or "?")
        colour = "info"
    else:
        text = t("banner.empty", lang)
        colour = "secondary"
    return html.Div(text, id=ids.DEMO_BANNER, className=f"alert alert-{colour} rounded-0 mb-0 py-2 small",
                    role="note")


def shell(catalog: Catalog, lang: str, imported_files: list[str]) -> html.Div:
    """The whole page around the page content."""
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh="callback-nav"),
            dcc.Store(id=ids.LANGUAGE_STORE, data=lang),
            dcc.Store(id=ids.SELECTION_STORE),
            navbar(lang),
            data_banner(catalog, lang, imported_files),
            filter_bar(catalog, lang),
            dbc.Alert(id=ids.URL_NOTICE, color="info", is_open=False, dismissable=True,
                      className="mx-3 mt-2 mb-0 small"),
            html.Main(id=ids.PAGE_CONTENT, className="container-fluid py-3", tabIndex="-1",
                      **{"aria-live": "polite"}),
            html.Footer(t("footer.sources", lang), className="text-muted small px-3 pb-3"),
        ],
        id="main-shell",
        lang=lang,
    )
