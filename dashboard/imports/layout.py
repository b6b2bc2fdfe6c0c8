"""The import page for data managers: upload, report, confirm; what each kind of file must hold,
with a template; the history with rollbacks, each confirmed in a dialog naming what changes.

Every component id starts with ``import-`` (the sign-in layer guards this page's callbacks by
that prefix). The history, report and rollback plan are filled by callbacks; this layout only
places them. The history takes the page's whole width, so its buttons stay on screen at 1280 px;
on a phone each entry is a block of labelled lines (``assets/import.css``).
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard import ids
from dashboard.build import validation
from dashboard.build.import_formats import FORMATS
from dashboard.common.attributes import attributes
from dashboard.common.pages import PageContext
from dashboard.i18n import t
from dashboard.imports.service import MAX_UPLOAD_BYTES
from dashboard.imports.views import format_view
from dashboard.store.files import is_store_directory


def upload_section(context: PageContext, live: bool) -> html.Section:
    """Step 1: the file, the kind of data, and (on a demo store) the explicit replace-demo choice."""
    lang = context.lang
    replace_demo = dbc.Checkbox(
        id=ids.IMPORT_REPLACE_DEMO,
        value=False,
        label=t("import.replace_demo", lang),
        className="mt-2" if context.catalog.is_demo else "d-none",
    )
    return html.Section(
        [
            html.H2(t("import.step1", lang), className="h5"),
            html.Label(
                dcc.Upload(  # the label around the upload's file input names it for screen readers
                    html.Div(t("import.upload", lang), className="p-4 text-center"),
                    id=ids.IMPORT_UPLOAD,
                    accept=".csv,.xlsx,.parquet",
                    multiple=False,
                    max_size=MAX_UPLOAD_BYTES,
                    disabled=not live,
                    className="border border-2 rounded import-upload",
                    style={"borderStyle": "dashed", "cursor": "pointer"},
                ),
                className="d-block",
            ),
            dbc.Row(
                dbc.Col(
                    [
                        html.Label(
                            t("import.kind", lang),
                            id=ids.IMPORT_KIND_LABEL,
                            htmlFor=ids.IMPORT_KIND,
                            className="form-label mt-2 mb-1",
                        ),
                        dbc.Select(
                            id=ids.IMPORT_KIND,
                            value="auto",
                            size="sm",
                            options=[
                                {"label": t(f"import.kind.{kind}", lang), "value": kind}
                                for kind in ("auto", "indicators", "survey")
                            ],
                        ),
                    ],
                    md=6,
                )
            ),
            replace_demo,
        ],
        className="mb-4",
    )


def report_section(context: PageContext) -> html.Section:
    """Steps 2 and 3: the report of the chosen file and the confirm button."""
    lang = context.lang
    return html.Section(
        [
            html.H2(t("import.step2", lang), className="h5"),
            html.Div(
                html.P(t("import.no_file", lang), className="text-muted"),
                id=ids.IMPORT_REPORT,
                role="status",
                **attributes({"aria-live": "polite"}),
            ),
            html.H2(t("import.step3", lang), className="h5 mt-3"),
            dbc.Button(
                t("import.confirm", lang),
                id=ids.IMPORT_CONFIRM,
                color="primary",
                disabled=True,
                n_clicks=0,
            ),
            html.Div(
                id=ids.IMPORT_RESULT,
                className="mt-2",
                role="status",
                **attributes({"aria-live": "polite"}),
            ),
        ],
        className="mb-4",
    )


def formats_section(context: PageContext) -> html.Section:
    """What each kind of file must hold, with a template to download, from the importer's own
    declaration of the columns (``dashboard.build.import_formats``) and the store's codes."""
    lang = context.lang
    store_codes = {
        "actions": sorted(validation.action_codes(context.cursor)),
        "indicators": sorted(validation.indicator_pillars(context.cursor)),
    }
    return html.Section(
        [
            html.H2(t("import.formats", lang), className="h5"),
            html.P(t("import.formats_intro", lang), className="small"),
            *[format_view(kind, lang, store_codes) for kind in FORMATS],
        ],
        className="mb-4",
    )


def rollback_dialog(lang: str) -> dbc.Modal:
    """The confirmation every rollback goes through: what it changes, then Cancel or go."""
    return dbc.Modal(
        [
            dbc.ModalHeader(
                dbc.ModalTitle(
                    t("import.confirm_title", lang), id=f"{ids.IMPORT_ROLLBACK_DIALOG}-title"
                )
            ),
            dbc.ModalBody(html.Div(id=ids.IMPORT_ROLLBACK_PLAN)),
            dbc.ModalFooter(
                [
                    dbc.Button(
                        t("import.confirm_cancel", lang),
                        id=ids.IMPORT_ROLLBACK_CANCEL,
                        color="secondary",
                        outline=True,
                        n_clicks=0,
                    ),
                    dbc.Button(
                        t("import.confirm_go", lang, target=""),
                        id=ids.IMPORT_ROLLBACK_GO,
                        color="danger",
                        n_clicks=0,
                    ),
                ]
            ),
        ],
        id=ids.IMPORT_ROLLBACK_DIALOG,
        is_open=False,
        size="lg",
        scrollable=True,
        labelledby=f"{ids.IMPORT_ROLLBACK_DIALOG}-title",
    )


def history_section(lang: str) -> html.Section:
    """The history of the store, the outcome of the last rollback, and the dialog confirming one."""
    return html.Section(
        [
            html.H2(t("import.history", lang), className="h5"),
            html.Div(
                id=ids.IMPORT_ROLLBACK_RESULT, role="status", **attributes({"aria-live": "polite"})
            ),
            html.Div(id=ids.IMPORT_HISTORY),
            dcc.Store(id=ids.IMPORT_ROLLBACK_PLAN_STORE),
            rollback_dialog(lang),
        ],
        className="mb-4",
    )


def layout(context: PageContext) -> html.Div:
    """The page."""
    lang = context.lang
    live = is_store_directory(context.settings.store_path)
    body = [upload_section(context, live), report_section(context)]
    if not live:
        body.insert(0, dbc.Alert(t("import.unavailable", lang), color="secondary"))
    return html.Div(
        [
            html.H1(t("import.title", lang), className="h3 mb-3"),
            html.P(t("import.intro", lang), className="lead"),
            dcc.Store(id=ids.IMPORT_HISTORY_TICK, data=0),
            dbc.Row([dbc.Col(body, lg=6), dbc.Col(formats_section(context), lg=6)]),
            history_section(lang),
        ],
        id=ids.IMPORT_PAGE,
    )
