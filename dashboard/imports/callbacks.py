"""Callbacks of the import page: report on an upload, import on confirmation, history, rollbacks.

Each callback turns the raw inputs into a call of ``dashboard.imports.service`` and returns components;
the report and the confirmation read the same upload from the browser, so no server keeps it. A
rollback takes two requests: the first shows what it changes (nothing is written), the second
carries it out if the store is still as the first saw it.

None of these callbacks is pure: each writes, or reads the history, which changes without a new
store version. They are wired with ``app.callback`` and never answered from the cache.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ALL, Dash, Input, Output, State, ctx, html, no_update
from dash.development.base_component import Component
from flask import Response, abort

from dashboard import ids
from dashboard.auth.policy import MANAGING_DATA
from dashboard.build.history_log import HistoryDamaged
from dashboard.build.import_formats import FORMATS, template_csv
from dashboard.build.importer import ImportRefused, problem_lines
from dashboard.common.wiring import declare
from dashboard.i18n import format_number, normalise_language, t
from dashboard.imports.service import (
    UploadError,
    check_upload,
    history,
    plan_rollback,
    roll_back,
    run_import,
)
from dashboard.imports.views import TEMPLATE_PATH, history_table, plan_view, report_view
from dashboard.store.context import AppContext
from dashboard.store.files import StoreError


def next_tick(tick: object) -> int:
    """The history's next refresh count (anything but a count, from a tampered request, restarts it)."""
    return tick + 1 if isinstance(tick, int) and not isinstance(tick, bool) else 1


def update_report(
    context: AppContext,
    contents: str | None,
    file_name: str | None,
    kind: str | None,
    replace_demo: bool | None,
    lang: str | None,
) -> tuple:
    """Check the chosen file against the served store; enable Confirm only when it can be imported."""
    lang = normalise_language(lang)
    if not contents:  # none chosen, or cleared after an import: the import's result stays shown
        return html.P(t("import.no_file", lang), className="text-muted"), True, no_update
    report = check_upload(context, contents, file_name, kind, bool(replace_demo))
    return report_view(report, lang), not report.accepted, ""


def confirm_import(
    context: AppContext,
    n_clicks: int | None,
    contents: str | None,
    file_name: str | None,
    kind: str | None,
    replace_demo: bool | None,
    lang: str | None,
    tick: int | None,
) -> tuple:
    """Import the chosen file (checked again, against the store as it is now)."""
    lang = normalise_language(lang)
    if not n_clicks or not contents:
        return no_update, no_update, no_update
    try:
        result = run_import(context, contents, file_name, kind, bool(replace_demo))
    except ImportRefused as refused:
        message = "; ".join(problem_lines(refused.problems)[:5])
        return dbc.Alert(t("import.failed", lang, reason=message), color="danger"), True, no_update
    except (StoreError, UploadError) as error:
        return (
            dbc.Alert(t("import.failed", lang, reason=str(error)), color="danger"),
            False,
            next_tick(tick),
        )
    done = t(
        "import.done",
        lang,
        rows=format_number(result.rows, lang),
        kind=t(f"import.kind_name.{result.kind}", lang),
        file=result.file,
        version=result.version,
    )
    # The notes say what the import assumed, and when the privacy budget is nearly spent.
    notes = (
        [html.Ul([html.Li(note) for note in result.notes], className="small mb-0")]
        if result.notes
        else []
    )
    return dbc.Alert([done, *notes], color="success"), True, next_tick(tick)


def confirm_and_clear(context: AppContext, *arguments: object) -> tuple:
    """:func:`confirm_import`, then the chosen file cleared once it is imported: the browser fires
    no change for a file chosen again with the same contents, so after a rollback the same file
    could not be checked and imported again without reloading the page."""
    result, disabled, tick = confirm_import(context, *arguments)  # type: ignore[arg-type]
    imported = isinstance(result, dbc.Alert) and getattr(result, "color", None) == "success"
    return result, disabled, tick, (None if imported else no_update)


def update_history(context: AppContext, _tick: int | None, lang: str | None) -> Component:
    """The history table of the store directory, or why it cannot be shown."""
    lang = normalise_language(lang)
    try:
        entries, pointer_problem = history(context)
    except HistoryDamaged as damaged:
        return dbc.Alert(t("import.history.damaged", lang, reason=str(damaged)), color="danger")
    table = history_table(entries, lang, context.settings.keep_versions)
    if pointer_problem:
        return html.Div(
            [
                dbc.Alert(
                    t("import.history.pointer", lang, reason=pointer_problem), color="warning"
                ),
                table,
            ]
        )
    return table


def _request_from(triggered: object) -> dict | None:
    """The rollback a clicked history button asks for: ``{"undo": id}`` or ``{"serve": version}``."""
    if not isinstance(triggered, dict):
        return None
    if triggered.get("type") == ids.IMPORT_ROLLBACK_TYPE and isinstance(
        triggered.get("index"), int
    ):
        return {"undo": triggered["index"]}
    if triggered.get("type") == ids.IMPORT_SERVE_TYPE and isinstance(triggered.get("index"), str):
        return {"serve": triggered["index"]}
    return None


def show_rollback_plan(
    context: AppContext, triggered: object, undo_clicks: list, serve_clicks: list, lang: str | None
) -> tuple:
    """Open the confirmation of the rollback whose button was clicked, saying what it changes."""
    lang = normalise_language(lang)
    request = _request_from(triggered)
    if request is None or not any([*(undo_clicks or []), *(serve_clicks or [])]):
        return no_update, no_update, no_update, no_update, no_update
    try:
        plan = plan_rollback(context, request)
    except (StoreError, UploadError) as error:
        alert = dbc.Alert(t("import.rollback_failed", lang, reason=str(error)), color="danger")
        return None, False, no_update, no_update, alert
    made_by = next(
        (
            entry
            for entry in reversed(plan.entries)
            if entry.get("version") == plan.target and "holds" in entry
        ),
        None,
    )
    stored = {"request": request, "target": plan.target, "served": plan.served}
    view = plan_view(plan, made_by, lang, context.settings.keep_versions)
    return stored, True, view, t("import.confirm_go", lang, target=plan.target), ""


def carry_out_rollback(
    context: AppContext, clicks: int | None, stored: dict | None, lang: str | None, tick: int | None
) -> tuple:
    """Carry out the rollback the dialog shows, if the store is still as it was when shown."""
    lang = normalise_language(lang)
    if not clicks or not isinstance(stored, dict):
        return no_update, no_update, no_update, no_update
    try:
        request = stored.get("request")
        if not isinstance(request, dict):
            raise ValueError(
                "the rollback shown is not in the page any more: open the history again"
            )
        entry = roll_back(context, request, stored)
    except (StoreError, UploadError, ValueError, TypeError) as error:
        alert = dbc.Alert(t("import.rollback_failed", lang, reason=str(error)), color="danger")
        return alert, next_tick(tick), False, None
    done = t("import.rolled_back", lang, version=entry["version"], id=entry["id"])
    return dbc.Alert(done, color="success"), next_tick(tick), False, None


def serve_template(kind: str) -> Response:
    """The template of a kind of import file (under /import/: data managers only, like the page)."""
    if kind not in FORMATS:
        abort(404)
    return Response(
        template_csv(kind),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{kind}_template.csv"'},
    )


def register(app: Dash, context: AppContext) -> None:
    """Wire this page's callbacks (none pure: see the module docstring) and its template route."""
    app.server.add_url_rule(
        TEMPLATE_PATH.replace("{kind}", "<kind>"),
        endpoint="import_template",
        view_func=serve_template,
    )
    lang = State(ids.LANGUAGE_STORE, "data")
    declare(
        app,
        Output(ids.IMPORT_REPORT, "children"),
        Output(ids.IMPORT_CONFIRM, "disabled"),
        Output(ids.IMPORT_RESULT, "children"),
        Input(ids.IMPORT_UPLOAD, "contents"),
        Input(ids.IMPORT_KIND, "value"),
        Input(ids.IMPORT_REPLACE_DEMO, "value"),
        State(ids.IMPORT_UPLOAD, "filename"),
        lang,
        prevent_initial_call=True,
        pure=False,
        needs=MANAGING_DATA,
    )(
        lambda contents, kind, replace_demo, file_name, language: update_report(
            context, contents, file_name, kind, replace_demo, language
        )
    )
    declare(
        app,
        Output(ids.IMPORT_RESULT, "children", allow_duplicate=True),
        Output(ids.IMPORT_CONFIRM, "disabled", allow_duplicate=True),
        Output(ids.IMPORT_HISTORY_TICK, "data"),
        Output(ids.IMPORT_UPLOAD, "contents"),
        Input(ids.IMPORT_CONFIRM, "n_clicks"),
        State(ids.IMPORT_UPLOAD, "contents"),
        State(ids.IMPORT_UPLOAD, "filename"),
        State(ids.IMPORT_KIND, "value"),
        State(ids.IMPORT_REPLACE_DEMO, "value"),
        lang,
        State(ids.IMPORT_HISTORY_TICK, "data"),
        prevent_initial_call=True,
        pure=False,
        needs=MANAGING_DATA,
    )(
        lambda n_clicks, contents, file_name, kind, replace_demo, language, tick: confirm_and_clear(
            context, n_clicks, contents, file_name, kind, replace_demo, language, tick
        )
    )
    declare(
        app,
        Output(ids.IMPORT_HISTORY, "children"),
        Input(ids.IMPORT_HISTORY_TICK, "data"),
        lang,
        pure=False,
        needs=MANAGING_DATA,
    )(lambda tick, language: update_history(context, tick, language))
    declare(
        app,
        Output(ids.IMPORT_ROLLBACK_PLAN_STORE, "data"),
        Output(ids.IMPORT_ROLLBACK_DIALOG, "is_open"),
        Output(ids.IMPORT_ROLLBACK_PLAN, "children"),
        Output(ids.IMPORT_ROLLBACK_GO, "children"),
        Output(ids.IMPORT_ROLLBACK_RESULT, "children"),
        Input({"type": ids.IMPORT_ROLLBACK_TYPE, "index": ALL}, "n_clicks"),
        Input({"type": ids.IMPORT_SERVE_TYPE, "index": ALL}, "n_clicks"),
        lang,
        prevent_initial_call=True,
        pure=False,
        needs=MANAGING_DATA,
    )(
        lambda undo, serve, language: show_rollback_plan(
            context, ctx.triggered_id, undo, serve, language
        )
    )
    declare(
        app,
        Output(ids.IMPORT_ROLLBACK_RESULT, "children", allow_duplicate=True),
        Output(ids.IMPORT_HISTORY_TICK, "data", allow_duplicate=True),
        Output(ids.IMPORT_ROLLBACK_DIALOG, "is_open", allow_duplicate=True),
        Output(ids.IMPORT_ROLLBACK_PLAN_STORE, "data", allow_duplicate=True),
        Input(ids.IMPORT_ROLLBACK_GO, "n_clicks"),
        State(ids.IMPORT_ROLLBACK_PLAN_STORE, "data"),
        lang,
        State(ids.IMPORT_HISTORY_TICK, "data"),
        prevent_initial_call=True,
        pure=False,
        needs=MANAGING_DATA,
    )(
        lambda clicks, stored, language, tick: carry_out_rollback(
            context, clicks, stored, language, tick
        )
    )
    # Once the chosen file is cleared (imported), empty the file input too: a browser fires no
    # change for the same file chosen again while the input still holds it.
    app.clientside_callback(
        """function (contents) {
            if (!contents) {
                const input = document.querySelector('#' + CSS.escape('UPLOAD_ID') + ' input[type=file]');
                if (input) { input.value = ''; }
            }
            return window.dash_clientside.no_update;
        }""".replace("UPLOAD_ID", ids.IMPORT_UPLOAD),
        Output(ids.IMPORT_UPLOAD, "className"),
        Input(ids.IMPORT_UPLOAD, "contents"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        "function (clicks) { return [false, null]; }",
        Output(ids.IMPORT_ROLLBACK_DIALOG, "is_open", allow_duplicate=True),
        Output(ids.IMPORT_ROLLBACK_PLAN_STORE, "data", allow_duplicate=True),
        Input(ids.IMPORT_ROLLBACK_CANCEL, "n_clicks"),
        prevent_initial_call=True,
    )
