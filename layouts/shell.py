"""The app shell: navigation, language switch, data banner, URL notice, filter bar, page container."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.auth import Permission, User, csrf_token
from dashboard.auth.roles import NOBODY
from dashboard.common.attributes import attributes
from dashboard.common.pages import Page
from dashboard.common.shell_text import account_text, imports_locally, nav_link_id, shell_texts
from dashboard.i18n import LANGUAGES
from dashboard.store.catalog import Catalog
from layouts.filter_bar import filter_bar
from layouts.open_data import open_data_menu
from layouts.print_brief import print_button, print_header_container

LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


def language_switch(lang: str, texts: dict) -> html.Div:
    """A labelled native select: works with the keyboard and screen readers."""
    return html.Div(
        [
            html.Label(
                texts[(ids.LANGUAGE_LABEL, "children")],
                id=ids.LANGUAGE_LABEL,
                htmlFor=ids.LANGUAGE_SELECT,
                className="visually-hidden",
            ),
            dbc.Select(
                id=ids.LANGUAGE_SELECT,
                value=lang,
                size="sm",
                options=[{"label": LANGUAGE_NAMES[code], "value": code} for code in LANGUAGES],
            ),
        ],
        className="ms-lg-3 my-1 language-switch",
    )


def account_form(user: User, texts: dict) -> html.Form:
    """Who is signed in, with their roles, and the sign-out button (hidden when nobody signed in)."""
    return html.Form(
        [
            html.Span(
                account_text(user, texts[(ids.ACCOUNT_LANGUAGE_FIELD, "value")]),
                id=ids.ACCOUNT_USER,
                className="navbar-text small me-2",
            ),
            dcc.Input(
                type="hidden", name="csrf_token", value=csrf_token(), id=f"{ids.ACCOUNT_FORM}-token"
            ),
            dcc.Input(
                type="hidden",
                name="lang",
                value=texts[(ids.ACCOUNT_LANGUAGE_FIELD, "value")],
                id=ids.ACCOUNT_LANGUAGE_FIELD,
            ),
            html.Button(
                texts[(ids.SIGN_OUT_BUTTON, "children")],
                id=ids.SIGN_OUT_BUTTON,
                type="submit",
                className="btn btn-outline-light btn-sm",
            ),
        ],
        id=ids.ACCOUNT_FORM,
        action="/auth/logout",
        method="POST",
        # Bootstrap's d-flex would override the hidden attribute: d-none when nobody signed in.
        className="d-flex align-items-center ms-lg-3 my-1" if user.signed_in else "d-none",
    )


def navbar(pages: tuple[Page, ...], lang: str, texts: dict, user: User = NOBODY) -> dbc.Navbar:
    """Brand, one link per page, the language switch, the signed-in user and sign-out.

    ``user`` is the user of the request (``dashboard.auth.current_user()``): a link only some roles
    may follow is shown by ``user.can(...)``; the server refuses the others anyway.
    """
    links = [
        dbc.NavItem(
            dbc.NavLink(
                texts[(nav_link_id(page.key), "children")],
                href=page.path,
                id=nav_link_id(page.key),
                active="exact",
            ),
            className=None if user.can(page.permission) else "d-none",
        )
        for page in pages
    ]
    return dbc.Navbar(
        dbc.Container(
            [
                html.A(
                    texts[(ids.SKIP_LINK, "children")],
                    id=ids.SKIP_LINK,
                    href=f"#{ids.PAGE_CONTENT}",
                    className="visually-hidden-focusable skip-link",
                ),
                html.A(
                    html.Span(
                        texts[(ids.BRAND_TITLE, "children")],
                        id=ids.BRAND_TITLE,
                        className="fw-semibold",
                    ),
                    href="/",
                    id=ids.BRAND_SUBTITLE,
                    className="navbar-brand",
                    title=texts[(ids.BRAND_SUBTITLE, "title")],
                ),
                html.Button(
                    html.Span(className="navbar-toggler-icon"),
                    id=ids.NAV_TOGGLE,
                    n_clicks=0,
                    type="button",
                    className="navbar-toggler",
                    title=texts[(ids.NAV_TOGGLE, "title")],
                    **attributes({"aria-expanded": "false"}),
                ),
                dbc.Collapse(
                    [
                        html.Nav(
                            dbc.Nav(links, id=ids.NAV_LINKS, navbar=True, className="flex-wrap"),
                            **attributes({"aria-label": texts[(ids.BRAND_TITLE, "children")]}),
                        ),
                        html.Div(
                            [
                                language_switch(lang, texts),
                                print_button(lang),
                                open_data_menu(lang, user.can(Permission.EXPORT)),
                                account_form(user, texts),
                            ],
                            className="d-flex flex-wrap align-items-center column-gap-2 ms-lg-auto",
                        ),
                    ],
                    id=ids.NAV_COLLAPSE,
                    navbar=True,
                    is_open=False,
                ),
            ],
            fluid=True,
        ),
        color="dark",
        dark=True,
        expand="lg",
        className="py-1",
    )


def shell(
    pages: tuple[Page, ...],
    catalog: Catalog,
    lang: str,
    imported_files: list[str],
    user: User = NOBODY,
) -> html.Div:
    """The whole page around the content of one of ``pages``, for ``user`` (what their role may use)."""
    texts = shell_texts(
        catalog, lang, imported_files, pages=pages, local_import=imports_locally(user)
    )
    banner_colour = {"demo": "warning", "imported": "info"}.get(catalog.data_origin, "secondary")
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh="callback-nav"),
            dcc.Store(id=ids.LANGUAGE_STORE, data=lang),
            dcc.Store(id=ids.SELECTION_STORE),
            dcc.Store(id=ids.URL_WRITE_STORE),
            dcc.Store(id=ids.PAGE_TIDY_SINK),
            dcc.Store(id=ids.DOCUMENT_LANGUAGE_SINK),
            dcc.Store(id=ids.IMAGE_EXPORT_SINK),
            dcc.Store(id=ids.EXPORT_FOOTER_STORE),
            dcc.Download(id=ids.EXPORT_DOWNLOAD),
            dcc.Store(id=ids.PRINT_SINK),
            html.Header(
                [
                    navbar(pages, lang, texts, user),
                    html.Div(
                        texts[(ids.DEMO_BANNER, "children")],
                        id=ids.DEMO_BANNER,
                        className=f"alert alert-{banner_colour} rounded-0 mb-0 py-2 small",
                        role="note",
                    ),
                ]
            ),
            filter_bar(texts),
            dbc.Alert(
                id=ids.URL_NOTICE,
                color="info",
                is_open=False,
                dismissable=True,
                className="mx-3 mt-2 mb-0 small",
            ),
            print_header_container(),
            html.Main(id=ids.PAGE_CONTENT, className="container-fluid py-3", tabIndex="-1"),
            html.Footer(
                texts[(ids.FOOTER, "children")],
                id=ids.FOOTER,
                className="text-muted small px-3 pb-3",
            ),
        ],
        id="main-shell",
        # Chart data downloads need the export permission: without it their buttons are not shown
        # (and the server refuses the download callback).
        className="" if user.can(Permission.EXPORT) else "cannot-export",
    )
