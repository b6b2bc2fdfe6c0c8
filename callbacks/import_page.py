"""Callbacks of the import page: report on an upload, import on confirmation, history, rollback.

Each callback turns the raw inputs into a call of ``dashboard.imports`` and returns components;
the report and the confirmation read the same upload from the browser, so no server keeps it.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ALL, Dash, Input, Output, State, ctx, html, no_update

from dashboard import ids
from dashboard.build.importer import ImportRefused, problem_lines
from dashboard.context import AppContext
from dashboard.i18n import format_number, normalise_language, t
from dashboard.import_views import history_table, report_view
from dashboard.imports import UploadError, check_upload, history, roll_back, run_import
from dashboard.store import StoreError


def update_report(context: AppContext, contents: str | None, file_name: str | None, kind: str | None,
                  replace_demo: bool | None, lang: str | None) -> tuple:
    """Check the chosen file against the served store; enable Confirm only when it can be imported."""
    lang = normalise_language(lang)
    if not contents:
        return html.P(t("import.no_file", lang), className="text-muted"), True, ""
    report = check_upload(context, contents, file_name, kind, bool(replace_demo))
    return report_view(report, lang), not report.accepted, ""


def confirm_import(context: AppContext, n_clicks: int | None, contents: str | None, file_name: str | None,
                   kind: str | None, replace_demo: bool | None, lang: str | None, tick: int | None) -> tuple:
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
        return dbc.Alert(t("import.failed", lang, reason=str(error)), color="danger"), False, no_update
    done = t("import.done", lang, rows=format_number(result.rows, lang), kind=t(f"import.kind_name.{result.kind}", lang),
             file=result.file, version=result.version)
    return dbc.Alert(done, color="success"), True, (tick or 0) + 1


def update_history(context: AppContext, _tick: int | None, lang: str | None) -> html.Div:
    """The history table of the store directory."""
    return history_table(history(context), normalise_language(lang), context.settings.keep_versions)


def roll_back_entry(context: AppContext, triggered: dict | None, clicks: list, lang: str | None,
                    tick: int | None) -> tuple:
    """Serve the store as it was before the history entry whose button was clicked."""
    lang = normalise_language(lang)
    if not isinstance(triggered, dict) or not any(clicks or []):
        return no_update, no_update
    try:
        version = roll_back(context, int(triggered.get("index")))
    except (StoreError, UploadError, ValueError, TypeError) as error:
        return dbc.Alert(t("import.failed", lang, reason=str(error)), color="danger"), no_update
    return dbc.Alert(t("import.rolled_back", lang, version=version), color="success"), (tick or 0) + 1


def register(app: Dash, context: AppContext) -> None:
    """Wire this page's callbacks."""
    app.callback(
        Output(ids.IMPORT_REPORT, "children"),
        Output(ids.IMPORT_CONFIRM, "disabled"),
        Output(ids.IMPORT_RESULT, "children"),
        Input(ids.IMPORT_UPLOAD, "contents"),
        Input(ids.IMPORT_KIND, "value"),
        Input(ids.IMPORT_REPLACE_DEMO, "value"),
        State(ids.IMPORT_UPLOAD, "filename"),
        State(ids.LANGUAGE_STORE, "data"),
        prevent_initial_call=True,
    )(lambda contents, kind, replace_demo, file_name, lang:
      update_report(context, contents, file_name, kind, replace_demo, lang))
    app.callback(
        Output(ids.IMPORT_RESULT, "children", allow_duplicate=True),
        Output(ids.IMPORT_CONFIRM, "disabled", allow_duplicate=True),
        Output(ids.IMPORT_HISTORY_TICK, "data"),
        Input(ids.IMPORT_CONFIRM, "n_clicks"),
        State(ids.IMPORT_UPLOAD, "contents"),
        State(ids.IMPORT_UPLOAD, "filename"),
        State(ids.IMPORT_KIND, "value"),
        State(ids.IMPORT_REPLACE_DEMO, "value"),
        State(ids.LANGUAGE_STORE, "data"),
        State(ids.IMPORT_HISTORY_TICK, "data"),
        prevent_initial_call=True,
    )(lambda n_clicks, contents, file_name, kind, replace_demo, lang, tick:
      confirm_import(context, n_clicks, contents, file_name, kind, replace_demo, lang, tick))
    app.callback(
        Output(ids.IMPORT_HISTORY, "children"),
        Input(ids.IMPORT_HISTORY_TICK, "data"),
        State(ids.LANGUAGE_STORE, "data"),
    )(lambda tick, lang: update_history(context, tick, lang))
    app.callback(
        Output(ids.IMPORT_ROLLBACK_RESULT, "children"),
        Output(ids.IMPORT_HISTORY_TICK, "data", allow_duplicate=True),
        Input({"type": ids.IMPORT_ROLLBACK_TYPE, "index": ALL}, "n_clicks"),
        State(ids.LANGUAGE_STORE, "data"),
        State(ids.IMPORT_HISTORY_TICK, "data"),
        prevent_initial_call=True,
    )(lambda clicks, lang, tick: roll_back_entry(context, ctx.triggered_id, clicks, lang, tick))
