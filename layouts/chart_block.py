"""A chart with its title, a text summary for screen readers, image and data downloads, and a
"show as table" view. Every chart of every page is drawn inside one."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from dash import dcc, html

from dashboard import ids
from dashboard.common import theme
from dashboard.common.attributes import Children, attributes
from dashboard.common.charts import ChartSpec
from dashboard.i18n import t


def _button(label: str, title: str, component_id: dict) -> html.Button:
    return html.Button(
        label,
        id=component_id,
        n_clicks=0,
        type="button",
        title=title,
        className="btn btn-outline-secondary btn-sm",
        **attributes({"aria-label": title}),
    )


def embed_parts(chart_key: str, lang: str) -> tuple[html.Button, html.Div, dcc.Store]:
    """The Embed button, the (hidden) snippet it shows, filled for the current view, and the store
    that tells the snippet to follow the address while it is shown."""
    title = t("api.embed.button_title", lang)
    button = html.Button(
        t("api.embed.button", lang),
        id={"type": ids.EMBED_BUTTON, "chart": chart_key},
        n_clicks=0,
        type="button",
        title=title,
        className="btn btn-outline-secondary btn-sm",
        **attributes({"aria-label": title, "aria-expanded": "false"}),
    )
    view = html.Div(
        [
            # The label wraps the text box: a dcc.Textarea takes no aria-labelledby, and its id is a dict.
            html.Label(
                [
                    html.Span(t("api.embed.snippet_label", lang), className="small d-block mb-1"),
                    dcc.Textarea(
                        id={"type": ids.EMBED_SNIPPET, "chart": chart_key},
                        readOnly=True,
                        rows=3,
                        className="form-control form-control-sm font-monospace",
                        style={"width": "100%"},
                    ),
                ],
                className="w-100",
            ),
            # Whether partner sites may show the snippet (EUIOM_EMBED_ORIGINS), filled with it.
            html.P(
                id={"type": ids.EMBED_NOTE, "chart": chart_key},
                className="small mb-0 mt-1 chart-embed-note",
            ),
        ],
        id={"type": ids.EMBED_VIEW, "chart": chart_key},
        hidden=True,
        className="chart-embed-view w-100 mt-1",
    )
    return button, view, dcc.Store(id={"type": ids.EMBED_REFRESH, "chart": chart_key})


def table_view_parts(chart_key: str) -> tuple[html.Div, dcc.Store]:
    """The (hidden) "show as table" view of a chart, and the store that tells it to follow the
    filters while it is open."""
    return (
        html.Div(
            id={"type": ids.TABLE_VIEW, "chart": chart_key},
            className="chart-table-view",
            hidden=True,
            **attributes({"aria-live": "polite"}),
        ),
        dcc.Store(id={"type": ids.TABLE_REFRESH, "chart": chart_key}),
    )


def chart_toolbar(chart_key: str, graph_id: str, lang: str) -> html.Div:
    """PNG and SVG of the chart (drawn in the browser), CSV and Excel of its data, table toggle."""
    images = [
        _button(
            t(f"export.{fmt}", lang),
            t(f"export.download_{fmt}", lang),
            {"type": ids.IMAGE_BUTTON, "chart": chart_key, "graph": graph_id, "format": fmt},
        )
        for fmt in ("png", "svg")
    ]
    data = [
        _button(
            t(f"export.{fmt}", lang),
            t(f"export.download_{fmt}", lang),
            {"type": ids.EXPORT_BUTTON, "chart": chart_key, "format": fmt},
        )
        for fmt in ("csv", "xlsx")
    ]
    return html.Div(
        [
            html.Div(
                images,
                className="btn-group btn-group-sm me-2",
                role="group",
                **attributes({"aria-label": t("export.image_group", lang)}),
            ),
            html.Div(
                data,
                className="btn-group btn-group-sm me-2 data-export-group",
                role="group",
                **attributes({"aria-label": t("export.data_group", lang)}),
            ),
            html.Button(
                t("export.show_table", lang),
                id={"type": ids.TABLE_TOGGLE, "chart": chart_key},
                n_clicks=0,
                type="button",
                className="btn btn-link btn-sm",
                **attributes({"aria-expanded": "false"}),
            ),
            *embed_parts(chart_key, lang),
        ],
        className="chart-toolbar d-flex flex-wrap align-items-center gap-1 mb-1",
    )


def chart_block(spec: ChartSpec, lang: str, *, description: Children = None) -> html.Section:
    """A titled section holding one graph, its summary text, toolbar and table view.

    Args:
        spec: the chart's row in its page's ``charts.py``: its key, the id of its dcc.Graph
            (filled by the page's callbacks), its title (the visible heading, also the graph's
            accessible name), the id of the paragraph its callbacks fill with a one-sentence
            text summary (if any) and the graph's height (if fixed).
        description: optional caption under the heading.
    """
    chart_key, graph_id, summary_id, height = spec.key, spec.graph_id, spec.summary_id, spec.height
    title = t(spec.title_key, lang)
    heading_id = f"{chart_key}-heading"
    style = {"height": f"{height}px"} if height else None
    return html.Section(
        [
            html.H2(title, id=heading_id, className="h6 mb-1"),
            html.Div(description, className="small text-muted mb-1") if description else None,
            chart_toolbar(chart_key, graph_id, lang),
            html.Div(
                dcc.Graph(id=graph_id, config=theme.graph_config(lang), style=style),
                role="figure",
                **attributes(
                    {
                        "aria-labelledby": heading_id,
                        **({"aria-describedby": summary_id} if summary_id else {}),
                    }
                ),
            ),
            html.P(id=summary_id, className="visually-hidden-focusable small chart-summary")
            if summary_id
            else None,
            *table_view_parts(chart_key),
        ],
        className="chart-block mb-4",
        **attributes({"aria-labelledby": heading_id}),
    )


def data_toolbar(chart_key: str, lang: str) -> html.Div:
    """CSV and Excel buttons only, for a block that is already an HTML table or a set of cards
    (no image to draw, and the block is its own table view)."""
    data = [
        _button(
            t(f"export.{fmt}", lang),
            t(f"export.download_{fmt}", lang),
            {"type": ids.EXPORT_BUTTON, "chart": chart_key, "format": fmt},
        )
        for fmt in ("csv", "xlsx")
    ]
    return html.Div(
        [
            html.Div(
                data,
                className="btn-group btn-group-sm data-export-group me-2",
                role="group",
                **attributes({"aria-label": t("export.data_group", lang)}),
            ),
            *embed_parts(chart_key, lang),
        ],
        className="chart-toolbar d-flex flex-wrap align-items-center gap-1 mb-1",
    )


def more_charts(charts: Iterable[ChartSpec], placed: Collection[str], lang: str) -> html.Div | None:
    """The panels of a page's charts that its layout does not place itself (a row just added to the
    page's registry), after the others; None when the layout places them all."""
    rest = [chart_block(chart, lang) for chart in charts if chart.key not in placed]
    return html.Div(rest, className="more-charts") if rest else None
