"""The import page's report and history as components (filled in by its callbacks)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from dashboard import ids
from dashboard.build.importer import ImportReport, problem_lines
from dashboard.i18n import format_number, t


def report_view(report: ImportReport, lang: str) -> html.Div:
    """The report: every problem by row and column, or the rows ready and how the file was read."""
    notes = [html.P(t("import.notes", lang), className="mb-1 small"),
             html.Ul([html.Li(note) for note in report.notes], className="small")] if report.notes else []
    if report.problems:
        return html.Div([
            dbc.Alert(t("import.refused", lang, file=report.file, count=format_number(len(report.problems), lang)),
                      color="danger", className="mb-2"),
            html.Ul([html.Li(line) for line in problem_lines(report.problems)], className="small import-problems"),
            *notes,
        ])
    kind = t(f"import.kind_name.{report.kind}", lang)
    return html.Div([
        dbc.Alert([t("import.accepted", lang, file=report.file, rows=format_number(report.rows, lang), kind=kind),
                   html.Strong(" " + t("import.replaces_demo", lang)) if report.replaces_demo else ""],
                  color="success", className="mb-2"),
        *notes,
    ])


def history_table(entries: list[dict], lang: str, keep: int) -> html.Div:
    """The history as a table; each import still kept gets a rollback button."""
    if not entries:
        return html.P(t("import.history.empty", lang), className="text-muted")
    header = [t(f"import.col.{name}", lang)
              for name in ("when", "who", "what", "file", "rows", "checksum", "version", "rollback")]
    rows = []
    for entry in entries:
        checksum = entry.get("sha256") or ""
        action = entry.get("action", "")
        what = t(f"import.action.{action}", lang) if action in ("import", "rollback", "build", "upgrade") else action
        rollback = html.Button(
            t("import.rollback", lang), id={"type": ids.IMPORT_ROLLBACK_TYPE, "index": entry["id"]}, n_clicks=0,
            type="button", className="btn btn-sm btn-outline-danger",
            title=t("import.rollback_label", lang, file=entry.get("file") or "", id=entry["id"]),
            **{"aria-label": t("import.rollback_label", lang, file=entry.get("file") or "", id=entry["id"])},
        ) if entry.get("can_roll_back") else ""
        version = [entry.get("version") or "", " ", html.Span(t("import.served", lang), className="fw-semibold")
                   if entry.get("served") else ""]
        rows.append(html.Tr([
            html.Td(str(entry.get("at", "")).replace("T", " ")[:16], className="text-nowrap"),
            html.Td(entry.get("user") or ""), html.Td(what), html.Td(_described_file(entry, lang)),
            html.Td(format_number(entry["rows"], lang) if isinstance(entry.get("rows"), int) else ""),
            html.Td(html.Code(checksum[:12], title=checksum) if checksum else ""),
            html.Td(version, className="text-nowrap"), html.Td(rollback),
        ]))
    caption = t("import.history.caption", lang, keep=keep)
    table = dbc.Table([html.Caption(caption),
                       html.Thead(html.Tr([html.Th(cell, scope="col") for cell in header])), html.Tbody(rows)],
                      striped=True, size="sm", className="small")
    # A table wider than a phone scrolls in its own box, which keyboard users must be able to reach.
    return html.Div(table, className="table-responsive", tabIndex="0", role="region", **{"aria-label": caption})


def _described_file(entry: dict, lang: str) -> str:
    """The file an entry is about, or for a build what kind of store it made (demo data said so)."""
    if entry.get("action") == "build" and entry.get("kind") in ("demo", "empty"):
        return t(f"import.build.{entry['kind']}", lang, seed=entry.get("seed"))
    return entry.get("file") or entry.get("kind") or ""
