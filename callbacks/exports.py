"""Chart downloads and table views for every page, driven by each page's chart registry
(``Page.charts``).

Data files and tables are recomputed on the server by the chart's own data function, from the
filters and page options in the URL, so they hold exactly what the chart shows. Images are drawn
in the browser by plotly.js (offline) at twice the screen resolution, with a footer naming the
chart, the filters, the kind of data and the date, whose texts the server keeps in the shell's
export footer store.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from dash import ALL, MATCH, Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from callbacks.open_views import REFRESH_OPEN_VIEWS_JS
from dashboard import ids
from dashboard.auth.policy import DOWNLOADING, VIEWING
from dashboard.common.charts import ChartRequest, ChartSpec
from dashboard.common.data_kinds import kind_text
from dashboard.common.describe import filter_summary
from dashboard.common.exports import (
    ExportHeader,
    ascii_name,
    export_stem,
    to_csv_bytes,
    to_excel_bytes,
)
from dashboard.common.options import normal_path
from dashboard.common.pages import Site
from dashboard.common.precision import distinct_decimals
from dashboard.common.wiring import declare
from dashboard.i18n import format_number, normalise_language, plain_texts, t
from dashboard.selection import Selection
from dashboard.store.context import AppContext

MAX_TABLE_ROWS = 500
TABLE_DECIMALS = 3
# Every page's options store; only the page shown has one in the layout.
OPTIONS_STORES = {"type": ids.PAGE_OPTIONS_STORE, "page": ALL}


def page_options_data(stores: object) -> dict:
    """The options value of the page shown: the one options store in the layout (none: {})."""
    found = (
        [data for data in stores or [] if isinstance(data, dict)]
        if isinstance(stores, list)
        else []
    )
    return found[0] if found else {}


def chart_request(
    context: AppContext, selection_data: dict | None, options_stores: object, lang: str | None
) -> ChartRequest:
    """The request a chart's data function answers: current filters, the page's options value
    (the same one its charts read) and language."""
    lang = normalise_language(lang)
    return ChartRequest(
        cursor=context.cursor(),
        catalog=context.catalog,
        settings=context.settings,
        selection=Selection.from_raw(selection_data or {}, context.catalog),
        params=page_options_data(options_stores),
        lang=lang,
    )


def chart_data(
    context: AppContext,
    charts: dict[str, ChartSpec],
    chart_key: str,
    selection_data: dict | None,
    options_stores: object,
    lang: str | None,
) -> tuple[ChartSpec, ChartRequest, pd.DataFrame]:
    """The chart's spec, the request and the data it shows.

    Raises:
        PreventUpdate: the id names no known chart (only a tampered request does).
    """
    chart = charts.get(chart_key) if isinstance(chart_key, str) else None
    if chart is None:
        raise PreventUpdate
    request = chart_request(context, selection_data, options_stores, lang)
    return chart, request, chart.data(request)


def export_title(chart: ChartSpec, request: ChartRequest) -> str:
    """The chart's title in exports, naming what it is about when the title alone does not say
    (the country of a profile's trend)."""
    title = t(chart.title_key, request.lang)
    subject = chart.subject_of(request)
    return (
        t("export.title_subject", request.lang, title=title, subject=subject) if subject else title
    )


def export_header(
    context: AppContext, chart: ChartSpec, request: ChartRequest, today: dt.date
) -> ExportHeader:
    """Title, filters, date and kind of data of a chart's export, with their names in the language."""
    lang = request.lang
    source = kind_text(chart.kind_of(request), context.catalog, context.imported_files, lang)
    return ExportHeader(
        export_title(chart, request),
        filter_summary(request.selection, context.catalog, lang),
        today,
        source,
        labels=[
            (t(f"export.header.{name}", lang), "")
            for name in ("chart", "filters", "date", "kind_source")
        ],
    )


def file_stem(chart: ChartSpec, request: ChartRequest, today: dt.date | None) -> str:
    """``page_chart[-subject]_filters[_date]``: the name of every file a chart exports, without
    extension (without date when ``today`` is None: the browser adds the day it saves an image)."""
    subject = chart.subject_of(request)
    key = f"{chart.key}-{ascii_name(subject)}" if subject else chart.key
    return export_stem(chart.page, key, request.selection.to_query_string().lstrip("?"), today)


def download_chart_data(
    context: AppContext,
    charts: dict[str, ChartSpec],
    clicks: list,
    selection_data: dict | None,
    options_stores: object,
    lang: str | None,
    today: dt.date | None = None,
) -> object:
    """A CSV or Excel file of the clicked chart's data, with its provenance (``dashboard.common.exports``)."""
    triggered = ctx.triggered_id
    if not triggered or not any(clicks or []):
        return no_update
    if not isinstance(triggered, dict) or triggered.get("format") not in ("csv", "xlsx"):
        raise PreventUpdate
    today = today or dt.date.today()
    extension = triggered["format"]
    with plain_texts():  # a file: its texts keep their plain spelling, like the API's
        chart, request, frame = chart_data(
            context, charts, triggered["chart"], selection_data, options_stores, lang
        )
        header = export_header(context, chart, request, today)
        content = (
            to_csv_bytes(frame, header)
            if extension == "csv"
            else to_excel_bytes(frame, header, about_sheet=t("export.about_sheet", request.lang))
        )
    return dcc.send_bytes(content, f"{file_stem(chart, request, today)}.{extension}")


def export_footers(
    context: AppContext,
    site: Site,
    selection_data: dict | None,
    options_stores: object,
    lang: str | None,
    pathname: str | None,
    today: dt.date | None = None,
) -> dict:
    """What the image downloads of the page shown write: per chart, the footer's lines (title,
    filters, kind of data and source) and the file name without its date (the browser adds the
    day it saves the image)."""
    page = site.page_for_path(normal_path(pathname))
    request = chart_request(context, selection_data, options_stores, lang)
    today = today or dt.date.today()
    charts = {}
    for chart in page.charts if page is not None else ():
        header = export_header(context, chart, request, today)
        lines = [
            t("export.label_value", request.lang, label=label, value=value) if index else value
            for index, (label, value) in enumerate(header.lines())
            if index != 2
        ]
        charts[chart.key] = {"lines": lines, "stem": file_stem(chart, request, None)}
    return {
        "charts": charts,
        "date_label": t("export.header.date", request.lang),
        "credit": t("app.title", request.lang),
    }


def table_view(frame: pd.DataFrame, caption: str, lang: str, kind: str = "") -> html.Div | html.P:
    """An accessible HTML table of a chart's data (first rows only for long tables), then a line
    naming the kind of data it holds."""
    kind_line = (
        html.P(t("export.table_kind", lang, kind=kind), className="small chart-table-kind mb-1")
        if kind
        else None
    )
    if frame.empty:
        empty = html.P(t("export.empty_table", lang), className="small text-muted")
        return html.Div([empty, kind_line]) if kind else empty
    shown = frame.head(MAX_TABLE_ROWS)
    cells = shown.astype(object).where(shown.notna(), "–")
    # Enough decimals that the numbers of a row that differ (a mean and its interval's bounds)
    # read differently (``dashboard.common.precision``), three at least as before.
    decimals = distinct_decimals(cells.itertuples(index=False), minimum=TABLE_DECIMALS)
    table = html.Table(
        [
            html.Caption(caption),
            html.Thead(html.Tr([html.Th(str(column), scope="col") for column in shown.columns])),
            html.Tbody(
                [
                    html.Tr([html.Td(_cell(value, lang, decimals)) for value in row])
                    for row in cells.itertuples(index=False)
                ]
            ),
        ],
        className="table table-sm table-striped small",
    )
    note = (
        html.P(
            t("export.table_truncated", lang, shown=MAX_TABLE_ROWS, total=len(frame)),
            className="small",
        )
        if len(frame) > MAX_TABLE_ROWS
        else None
    )
    return html.Div([html.Div(table, className="table-responsive"), note, kind_line])


def _cell(value: object, lang: str, decimals: int) -> str:
    if isinstance(value, float):
        return format_number(value, lang, 0 if value.is_integer() else decimals)
    if isinstance(value, int):
        return format_number(value, lang)
    return str(value)


def toggle_table_view(
    context: AppContext,
    charts: dict[str, ChartSpec],
    clicks: int | None,
    options_stores: object,
    selection_data: dict | None,
    lang: str | None,
) -> tuple:
    """Open, refresh or close a chart's table view; it follows the filters while open."""
    is_open = isinstance(clicks, int) and not isinstance(clicks, bool) and clicks % 2 == 1
    lang = normalise_language(lang)
    label = t("export.hide_table" if is_open else "export.show_table", lang)
    if not is_open:
        return [], True, label, "false"
    chart_key = ctx.outputs_list[0]["id"].get("chart")
    chart, request, frame = chart_data(
        context, charts, chart_key, selection_data, options_stores, lang
    )
    caption = t("export.table_caption", lang, title=export_title(chart, request))
    kind = kind_text(chart.kind_of(request), context.catalog, context.imported_files, lang)
    return table_view(frame, caption, lang, kind), False, label, "true"


IMAGE_DOWNLOAD_JS = """
function (clicks, footers) {
    const context = window.dash_clientside.callback_context;
    const trigger = context.triggered_id;
    if (!trigger || !context.triggered.length || !context.triggered[0].value) {
        return window.dash_clientside.no_update;
    }
    const container = document.getElementById(trigger.graph);
    const graph = container && (container.querySelector('.js-plotly-plot') || container);
    if (!graph || !window.Plotly || !window.euiomExportImage) { return window.dash_clientside.no_update; }
    const footer = ((footers || {}).charts || {})[trigger.chart] || {lines: []};
    const day = new Date().toISOString().slice(0, 10);
    const stem = footer.stem || [(window.location.pathname.replace(/\\//g, '') || 'map'), trigger.chart].join('_');
    const name = stem + '_' + day;
    const lines = footer.lines.concat([[(footers || {}).date_label || 'Exported on', day].join(' ')
                                       + ((footers || {}).credit ? ' · ' + footers.credit : '')]);
    window.euiomExportImage(graph, trigger.format, name, lines);
    return name + '.' + trigger.format;
}
"""


# An open table view follows the filters and options; a closed one costs no request when they change.
def register(app: Dash, context: AppContext, site: Site) -> None:
    """Wire downloads and table views of every chart of ``site``."""
    charts = site.charts()  # fails at start-up, not at first click, if two charts share a key
    # A file download: never cached (large, asked for once, and needs the export permission).
    declare(
        app,
        Output(ids.EXPORT_DOWNLOAD, "data"),
        Input({"type": ids.EXPORT_BUTTON, "chart": ALL, "format": ALL}, "n_clicks"),
        State(ids.SELECTION_STORE, "data"),
        State(OPTIONS_STORES, "data"),
        State(ids.LANGUAGE_STORE, "data"),
        prevent_initial_call=True,
        pure=False,
        needs=DOWNLOADING,
    )(
        lambda clicks, selection, options, lang: download_chart_data(
            context, charts, clicks, selection, options, lang
        )
    )
    app.clientside_callback(
        REFRESH_OPEN_VIEWS_JS,
        Output({"type": ids.TABLE_REFRESH, "chart": ALL}, "data"),
        Input(OPTIONS_STORES, "data"),
        Input(ids.SELECTION_STORE, "data"),
        State({"type": ids.TABLE_VIEW, "chart": ALL}, "hidden"),
        prevent_initial_call=True,
    )
    declare(
        app,
        Output({"type": ids.TABLE_VIEW, "chart": MATCH}, "children"),
        Output({"type": ids.TABLE_VIEW, "chart": MATCH}, "hidden"),
        Output({"type": ids.TABLE_TOGGLE, "chart": MATCH}, "children"),
        Output({"type": ids.TABLE_TOGGLE, "chart": MATCH}, "aria-expanded"),
        Input({"type": ids.TABLE_TOGGLE, "chart": MATCH}, "n_clicks"),
        Input({"type": ids.TABLE_REFRESH, "chart": MATCH}, "data"),
        State(OPTIONS_STORES, "data"),
        State(ids.SELECTION_STORE, "data"),
        State(ids.LANGUAGE_STORE, "data"),
        prevent_initial_call=True,
        pure=True,
        needs=VIEWING,
    )(
        lambda clicks, _refresh, options, selection, lang: toggle_table_view(
            context, charts, clicks, options, selection, lang
        )
    )
    app.clientside_callback(
        IMAGE_DOWNLOAD_JS,
        Output(ids.IMAGE_EXPORT_SINK, "data"),
        Input({"type": ids.IMAGE_BUTTON, "chart": ALL, "graph": ALL, "format": ALL}, "n_clicks"),
        State(ids.EXPORT_FOOTER_STORE, "data"),
        prevent_initial_call=True,
    )
    # The footers' store is written with the print header (``callbacks.shell.describe_view``).
