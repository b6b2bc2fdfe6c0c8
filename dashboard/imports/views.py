"""The import page's report and history as components (filled in by its callbacks)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from dashboard import ids
from dashboard.build.history_log import ACTIONS
from dashboard.build.import_formats import EARLIEST_DATE, FORMATS, ImportColumn
from dashboard.build.importer import ImportReport, problem_lines
from dashboard.build.rollbacks import RollbackPlan
from dashboard.common.attributes import Children, attributes
from dashboard.i18n import format_number, t


def report_view(report: ImportReport, lang: str) -> html.Div:
    """The report: every problem by row and column, or the rows ready and how the file was read."""
    notes = (
        [
            html.P(t("import.notes", lang), className="mb-1 small"),
            html.Ul([html.Li(note) for note in report.notes], className="small"),
        ]
        if report.notes
        else []
    )
    if report.problems:
        return html.Div(
            [
                dbc.Alert(
                    t(
                        "import.refused",
                        lang,
                        file=report.file,
                        count=format_number(len(report.problems), lang),
                    ),
                    color="danger",
                    className="mb-2",
                ),
                html.Ul(
                    [html.Li(line) for line in problem_lines(report.problems)],
                    className="small import-problems",
                ),
                *notes,
            ]
        )
    kind = t(f"import.kind_name.{report.kind}", lang)
    return html.Div(
        [
            dbc.Alert(
                [
                    t(
                        "import.accepted",
                        lang,
                        file=report.file,
                        rows=format_number(report.rows, lang),
                        kind=kind,
                    ),
                    html.Strong(" " + t("import.replaces_demo", lang))
                    if report.replaces_demo
                    else "",
                ],
                color="success",
                className="mb-2",
            ),
            *notes,
        ]
    )


HISTORY_COLUMNS = ("id", "when", "who", "what", "file", "rows", "checksum", "version", "actions")


def history_table(entries: list[dict], lang: str, keep: int) -> html.Div | html.P:
    """The history as a table, newest first; each row offers the rollbacks it allows.

    On a wide screen a table; on a phone each entry is a block of labelled lines
    (``assets/import.css``), so its buttons are on screen without scrolling sideways.
    """
    if not entries:
        return html.P(t("import.history.empty", lang), className="text-muted")
    labels = {name: t(f"import.col.{name}", lang) for name in HISTORY_COLUMNS}
    rows = []
    for entry in entries:
        checksum = entry.get("sha256") or ""
        version = [
            entry.get("version") or "",
            " ",
            html.Span(t("import.served", lang), className="fw-semibold")
            if entry.get("served")
            else "",
        ]
        cells: dict[str, Children] = {
            "id": str(entry.get("id", "")),
            "when": str(entry.get("at", "")).replace("T", " ")[:16],
            "who": entry.get("user") or "",
            "what": _action_text(entry, lang),
            "file": _described_file(entry, lang),
            "rows": format_number(entry["rows"], lang)
            if isinstance(entry.get("rows"), int)
            else "",
            "checksum": html.Code(checksum[:12], title=checksum) if checksum else "",
            "version": version,
            "actions": _actions(entry, lang),
        }
        rows.append(
            html.Tr(
                [
                    html.Td(
                        cells[name],
                        className=f"history-{name}",
                        **attributes({"data-label": labels[name]}),
                    )
                    for name in HISTORY_COLUMNS
                ],
                className="table-active" if entry.get("served") and _makes_version(entry) else None,
            )
        )
    caption = t("import.history.caption", lang, keep=keep)
    table = html.Table(
        [
            html.Caption(caption),
            html.Thead(
                html.Tr(
                    [
                        html.Th(labels[name], scope="col", className=f"history-{name}")
                        for name in HISTORY_COLUMNS
                    ]
                )
            ),
            html.Tbody(rows),
        ],
        className="table table-sm table-striped small import-history-table",
    )
    return html.Div(
        table,
        className="import-history-box",
        role="region",
        tabIndex="0",
        **attributes({"aria-label": caption}),
    )


def _makes_version(entry: dict) -> bool:
    return entry.get("action") in ("build", "import", "upgrade")


def _action_text(entry: dict, lang: str) -> Children:
    action = entry.get("action", "")
    name = t(f"import.action.{action}", lang) if action in ACTIONS else str(action)
    if action != "rollback":
        return (
            [name, " ", html.Span(t("import.migrated", lang), className="text-muted")]
            if entry.get("migrated")
            else name
        )
    details = []
    if isinstance(entry.get("undoes"), int):
        details.append(
            t("import.rollback.undoes", lang, id=entry["undoes"], file=entry.get("file") or "")
        )
    details.append(t("import.rollback.serves", lang, version=entry.get("version") or ""))
    if entry.get("repairs"):
        details.append(t("import.rollback.repaired", lang))
    return [name, html.Br(), html.Span("; ".join(details), className="text-muted")]


def _actions(entry: dict, lang: str) -> list:
    buttons = []
    if entry.get("can_roll_back"):
        label = t("import.rollback_label", lang, id=entry["id"], file=entry.get("file") or "")
        buttons.append(
            html.Button(
                t("import.rollback", lang),
                id={"type": ids.IMPORT_ROLLBACK_TYPE, "index": entry["id"]},
                n_clicks=0,
                type="button",
                className="btn btn-sm btn-outline-danger",
                title=label,
                **attributes({"aria-label": label}),
            )
        )
    if entry.get("can_serve_again"):
        label = t("import.serve_again_label", lang, version=entry.get("version") or "")
        buttons.append(
            html.Button(
                t("import.serve_again", lang),
                id={"type": ids.IMPORT_SERVE_TYPE, "index": entry["version"]},
                n_clicks=0,
                type="button",
                className="btn btn-sm btn-outline-secondary",
                title=label,
                **attributes({"aria-label": label}),
            )
        )
    return buttons


def _described_file(entry: dict, lang: str) -> Children:
    """The file an entry is about, a build's kind of store, or what a rollback or clean-up changed."""
    action = entry.get("action")
    if action == "build" and entry.get("kind") in ("demo", "empty"):
        return t(f"import.build.{entry['kind']}", lang, seed=entry.get("seed"))
    if action == "rollback":
        moved = [
            t(f"import.rollback.{key}", lang, items=", ".join(f"#{item}" for item in entry[name]))
            for key, name in (("gone", "disappear"), ("back", "appear"))
            if entry.get(name)
        ]
        return [
            entry.get("file") or "",
            html.Br() if entry.get("file") and moved else "",
            "; ".join(moved),
        ]
    if action in ("cleanup", "outside"):
        return entry.get("note") or ""
    return entry.get("file") or entry.get("kind") or ""


def _entry_item(entry: dict, lang: str) -> str:
    """One import (or demo build) whose rows a rollback adds or removes, in words."""
    if entry.get("action") == "build":
        return t("import.confirm_demo", lang, seed=entry.get("seed"), id=entry["id"])
    if entry.get("action") == "outside":
        return t("import.confirm_found", lang, version=entry.get("version"), id=entry["id"])
    kind = (
        t(f"import.kind_name.{entry['kind']}", lang)
        if entry.get("kind") in ("indicators", "survey")
        else ""
    )
    return t(
        "import.confirm_item",
        lang,
        file=entry.get("file") or "",
        id=entry["id"],
        kind=kind,
        rows=format_number(entry["rows"], lang) if isinstance(entry.get("rows"), int) else "?",
        what=t(f"import.action.{entry.get('action')}", lang),
        user=entry.get("user") or "",
        at=str(entry.get("at", "")).replace("T", " ")[:16],
    )


def plan_view(plan: RollbackPlan, made_by: dict | None, lang: str, keep: int) -> html.Div:
    """What a rollback will change, shown before anything happens: the versions, then every import
    whose rows disappear or appear again, with files, row counts and history entries, and how long the
    version served now stays on disk (``keep``: how many versions pruning keeps)."""
    made_text = ""
    if made_by is not None:
        described = _described_file(made_by, lang)
        made_text = ", ".join(
            filter(
                None,
                [
                    t(f"import.action.{made_by.get('action')}", lang),
                    described if isinstance(described, str) else "",
                ],
            )
        )
    parts: list[Component] = [
        html.P(
            t(
                "import.confirm_versions",
                lang,
                served=plan.served or "?",
                target=plan.target,
                id=made_by["id"] if made_by else "?",
                made=made_text,
            )
        )
    ]
    for key, ids_ in (
        ("import.confirm_disappear", plan.disappear),
        ("import.confirm_appear", plan.appear),
    ):
        items = [html.Li(_entry_item(plan.described(entry_id), lang)) for entry_id in ids_]
        parts.append(html.P(t(key, lang), className="mb-1 fw-semibold"))
        parts.append(
            html.Ul(items, className="import-plan-list")
            if items
            else html.P(t("import.confirm_none", lang), className="text-muted")
        )
    if plan.repairs:
        parts.append(
            dbc.Alert(t("import.confirm_repairs", lang, reason=plan.repairs), color="warning")
        )
    parts.append(
        html.P(
            t("import.confirm_note", lang, served=plan.served or "?", keep=keep),
            className="small text-muted mb-0",
        )
    )
    return html.Div(parts)


TEMPLATE_PATH = "/import/templates/{kind}.csv"


def column_rule(column: ImportColumn, lang: str, store_codes: dict[str, list[str]]) -> str:
    """What a column may hold, in words, from the same declaration the importer checks."""
    codes = column.values or tuple(store_codes.get(column.store_values or "", ()))
    low, high = column.bounds or (0, 0)
    return t(
        f"import.rule.{column.rule}",
        lang,
        codes=", ".join(codes),
        earliest=EARLIEST_DATE.isoformat(),
        low=format_number(low, lang),
        high=format_number(high, lang),
    )


def format_view(kind: str, lang: str, store_codes: dict[str, list[str]]) -> html.Div:
    """One kind of file: its template to download and its columns (name, required, values)."""
    columns = FORMATS[kind]
    kind_name = t(f"import.kind.{kind}", lang)
    rows = [
        html.Tr(
            [
                html.Td(html.Code(column.name)),
                html.Td(t(f"import.required.{'yes' if column.required else 'no'}", lang)),
                html.Td(column_rule(column, lang, store_codes)),
            ]
        )
        for column in columns
    ]
    return html.Div(
        [
            html.H3(
                t("import.format_title", lang, kind=kind_name, count=len(columns)),
                className="h6 mt-3",
            ),
            html.A(
                t("import.template", lang, kind=kind_name.lower()),
                href=TEMPLATE_PATH.format(kind=kind),
                download=f"{kind}_template.csv",
                id=f"import-template-{kind}-link",
                className="btn btn-sm btn-outline-primary mb-2",
            ),
            html.Div(
                html.Table(
                    [
                        html.Thead(
                            html.Tr(
                                [
                                    html.Th(t(f"import.{key}", lang), scope="col")
                                    for key in ("column", "column_required", "column_values")
                                ]
                            )
                        ),
                        html.Tbody(rows),
                    ],
                    className="table table-sm small import-format-table",
                ),
                className="table-responsive",
            ),
        ]
    )
