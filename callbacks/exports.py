"""Chart downloads and table views for every page, driven by the pages' ``CHARTS`` registries.

Data files and tables are recomputed on the server by the chart's own data function, from the
filters and page options in the URL, so they hold exactly what the chart shows. Images are drawn
in the browser by plotly.js (offline).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from dash import ALL, MATCH, Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from callbacks import map_page, pillars_page, sustainability_page
from dashboard import ids
from dashboard.charts import ChartRequest, ChartSpec
from dashboard.context import AppContext
from dashboard.data_kinds import kind_text
from dashboard.describe import filter_summary
from dashboard.exports import ExportHeader, export_filename, to_csv_bytes, to_excel_bytes
from dashboard.i18n import format_number, normalise_language, t
from dashboard.selection import Selection
from dashboard.urlstate import query_params

MAX_TABLE_ROWS = 500
CHART_MODULES = (map_page, pillars_page, sustainability_page)


def all_charts() -> dict[str, ChartSpec]:
    """Every exportable chart, by key."""
    charts = [chart for module in CHART_MODULES for chart in getattr(module, "CHARTS", ())]
    keys = [chart.key for chart in charts]
    if len(keys) != len(set(keys)):
        raise RuntimeError(f"chart keys are not unique: {sorted(keys)}")
    return {chart.key: chart for chart in charts}


def chart_request(context: AppContext, selection_data: dict | None, search: str | None, lang: str | None) -> ChartRequest:
    """The request a chart's data function answers: current filters, page options and language."""
    lang = normalise_language(lang)
    return ChartRequest(cursor=context.cursor(), catalog=context.catalog, settings=context.settings,
                        selection=Selection.from_raw(selection_data or {}, context.catalog),
                        params=query_params(search), lang=lang)


def chart_data(context: AppContext, chart_key: str, selection_data: dict | None, search: str | None,
               lang: str | None) -> tuple[ChartSpec, ChartRequest, pd.DataFrame]:
    """The chart's spec, the request and the data it shows.

    Raises:
        PreventUpdate: the id names no known chart (only a tampered request does).
    """
    chart = all_charts().get(chart_key) if isinstance(chart_key, str) else None
    if chart is None:
        raise PreventUpdate
    request = chart_request(context, selection_data, search, lang)
    return chart, request, chart.data(request)


def download_chart_data(context: AppContext, clicks: list, selection_data: dict | None, search: str | None,
                        lang: str | None, today: dt.date | None = None) -> object:
    """A CSV or Excel file of the clicked chart's data, with the header block."""
    triggered = ctx.triggered_id
    if not triggered or not any(clicks or []):
        return no_update
    if triggered.get("format") not in ("csv", "xlsx"):
        raise PreventUpdate
    chart, request, frame = chart_data(context, triggered["chart"], selection_data, search, lang)
    today = today or dt.date.today()
    title = t(chart.title_key, request.lang)
    filters = filter_summary(request.selection, context.catalog, request.lang)
    source = kind_text(chart.kind_of(request), context.catalog, context.imported_files, request.lang)
    header = ExportHeader(title, filters, today, source, labels=[
        (t("export.header.chart", request.lang), ""), (t("export.header.filters", request.lang), ""),
        (t("export.header.date", request.lang), ""), (t("export.header.source", request.lang), "")])
    extension = triggered["format"]
    filename = export_filename(chart.page, chart.key, request.selection.to_query_string().lstrip("?"), today, extension)
    content = to_csv_bytes(frame, header) if extension == "csv" else to_excel_bytes(frame, header)
    return dcc.send_bytes(content, filename)


def table_view(frame: pd.DataFrame, caption: str, lang: str, kind: str = "") -> html.Div:
    """An accessible HTML table of a chart's data (first rows only for long tables), then a line
    naming the kind of data it holds."""
    kind_line = html.P(t("export.table_kind", lang, kind=kind), className="small chart-table-kind mb-1") if kind else None
    if frame.empty:
        empty = html.P(t("export.empty_table", lang), className="small text-muted")
        return html.Div([empty, kind_line]) if kind else empty
    shown = frame.head(MAX_TABLE_ROWS)
    cells = shown.astype(object).where(shown.notna(), "–")
    table = html.Table(
        [html.Caption(caption),
         html.Thead(html.Tr([html.Th(str(column), scope="col") for column in shown.columns])),
         html.Tbody([html.Tr([html.Td(_cell(value, lang)) for value in row]) for row in cells.itertuples(index=False)])],
        className="table table-sm table-striped small",
    )
    note = (html.P(t("export.table_truncated", lang, shown=MAX_TABLE_ROWS, total=len(frame)), className="small")
            if len(frame) > MAX_TABLE_ROWS else None)
    return html.Div([html.Div(table, className="table-responsive"), note, kind_line])


def _cell(value: object, lang: str) -> str:
    if isinstance(value, float):
        return format_number(value, lang, 0 if value.is_integer() else 3)
    if isinstance(value, int):
        return format_number(value, lang)
    return str(value)


def toggle_table_view(context: AppContext, clicks: int | None, search: str | None, selection_data: dict | None,
                      lang: str | None) -> tuple:
    """Open, refresh or close a chart's table view; it follows the filters while open."""
    is_open = isinstance(clicks, int) and not isinstance(clicks, bool) and clicks % 2 == 1
    lang = normalise_language(lang)
    label = t("export.hide_table" if is_open else "export.show_table", lang)
    if not is_open:
        return [], True, label, "false"
    chart_key = ctx.outputs_list[0]["id"].get("chart")
    chart, request, frame = chart_data(context, chart_key, selection_data, search, lang)
    caption = t("export.table_caption", lang, title=t(chart.title_key, lang))
    kind = kind_text(chart.kind_of(request), context.catalog, context.imported_files, lang)
    return table_view(frame, caption, lang, kind), False, label, "true"


IMAGE_DOWNLOAD_JS = """
function (clicks, search) {
    const context = window.dash_clientside.callback_context;
    const trigger = context.triggered_id;
    if (!trigger || !context.triggered.length || !context.triggered[0].value) {
        return window.dash_clientside.no_update;
    }
    const container = document.getElementById(trigger.graph);
    const graph = container && (container.querySelector('.js-plotly-plot') || container);
    if (!graph || !window.Plotly) { return window.dash_clientside.no_update; }
    const params = new URLSearchParams(search || '');
    const filters = ['region', 'status', 'action', 'country', 'pillar', 'from', 'to']
        .filter((key) => params.get(key)).map((key) => key + '-' + params.get(key)).join('-')
        .replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'all';
    const day = new Date().toISOString().slice(0, 10);
    const page = (window.location.pathname.replace(/\\//g, '') || 'map');
    const name = [page, trigger.chart, filters, day].join('_');
    window.Plotly.downloadImage(graph, {format: trigger.format, filename: name,
                                        width: graph.offsetWidth || 1000, height: graph.offsetHeight || 600});
    return name + '.' + trigger.format;
}
"""


def register(app: Dash, context: AppContext) -> None:
    """Wire downloads and table views of every chart."""
    all_charts()  # fail at start-up, not at first click, if two charts share a key
    app.callback(
        Output(ids.EXPORT_DOWNLOAD, "data"),
        Input({"type": ids.EXPORT_BUTTON, "chart": ALL, "format": ALL}, "n_clicks"),
        State(ids.SELECTION_STORE, "data"),
        State(ids.URL, "search"),
        State(ids.LANGUAGE_STORE, "data"),
        prevent_initial_call=True,
    )(lambda clicks, selection, search, lang: download_chart_data(context, clicks, selection, search, lang))
    app.callback(
        Output({"type": ids.TABLE_VIEW, "chart": MATCH}, "children"),
        Output({"type": ids.TABLE_VIEW, "chart": MATCH}, "hidden"),
        Output({"type": ids.TABLE_TOGGLE, "chart": MATCH}, "children"),
        Output({"type": ids.TABLE_TOGGLE, "chart": MATCH}, "aria-expanded"),
        Input({"type": ids.TABLE_TOGGLE, "chart": MATCH}, "n_clicks"),
        Input(ids.URL, "search"),
        State(ids.SELECTION_STORE, "data"),
        State(ids.LANGUAGE_STORE, "data"),
        prevent_initial_call=True,
    )(lambda clicks, search, selection, lang: toggle_table_view(context, clicks, search, selection, lang))
    app.clientside_callback(
        IMAGE_DOWNLOAD_JS,
        Output(ids.IMAGE_EXPORT_SINK, "data"),
        Input({"type": ids.IMAGE_BUTTON, "chart": ALL, "graph": ALL, "format": ALL}, "n_clicks"),
        State(ids.URL, "search"),
        prevent_initial_call=True,
    )
