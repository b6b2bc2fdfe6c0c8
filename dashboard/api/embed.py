"""``/embed/<chart>``: a minimal page showing one chart with its filters and language, its kind
of data, its source and a link back to the dashboard, for partner sites' iframes.

The figure comes from the chart's own figure function when it has one (``ChartSpec.figure``),
else the page shows the chart's data as a table. plotly.js and the drawing script are served by
the app: nothing is fetched from elsewhere.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

import plotly
import plotly.io
from flask import Flask, Response, render_template_string, request, send_file
from markupsafe import Markup

from dashboard import ASSETS_DIR
from dashboard.auth import release_only
from dashboard.common import theme
from dashboard.common.charts import ChartSpec
from dashboard.common.describe import filter_summary
from dashboard.i18n import t
from dashboard.server.server_pages import DOCUMENT_HEAD
from dashboard.store.context import AppContext

from .errors import ApiError
from .options import option_params
from .params import parse_query
from .render import json_response
from .service import answer_chart, chart_notes, page_address

STATIC = Path(__file__).parent / "static"
FULL_PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def plotly_script() -> Path:
    """The app's own plotly.js bundle (the pages' one, built by scripts/build_plotly.py), else
    the full plotly.js of the plotly package."""
    return next(iter(sorted(ASSETS_DIR.glob("plotly-*.min.js"))), FULL_PLOTLY_JS)


MAX_TABLE_ROWS = 200

PAGE = (
    DOCUMENT_HEAD
    + """<body class="embed-page p-2">
<main>
  <h1 class="h6 mb-1" id="embed-title">{{ title }}</h1>
  <p class="small mb-1" id="embed-kind"><strong>{{ kind_heading }}</strong> {{ kind }}</p>
  <p class="small text-muted mb-1" id="embed-filters">{{ filters_heading }} {{ filters }}</p>
  {% if figure %}
  <div role="figure" aria-labelledby="embed-title"><div id="embed-graph" style="height: {{ height }}px"></div></div>
  <script type="application/json" id="embed-figure">{{ figure }}</script>
  {% endif %}
  <details {% if not figure %}open{% endif %} id="embed-table">
    <summary class="small">{{ table_heading }}</summary>
    <div class="table-responsive" tabindex="0" role="region" aria-label="{{ table_heading }}">{#
    #}<table class="table table-sm table-striped small">
      <thead><tr>{% for column in columns %}<th scope="col">{{ column }}</th>{% endfor %}</tr></thead>
      <tbody>{% for row in rows %}<tr>{% for cell in row %}<td>{{ cell }}</td>{% endfor %}</tr>{% endfor %}</tbody>
    </table></div>
    {% if truncated %}<p class="small">{{ truncated }}</p>{% endif %}
  </details>
  <p class="small mt-1"><a id="embed-link" href="{{ link }}" target="_blank" rel="noopener">{{ link_text }}</a></p>
</main>
{% if figure %}
<script src="/embed/_static/plotly.min.js"></script>
<script src="/embed/_static/embed.js"></script>
{% endif %}
</body>
</html>"""
)


def _figure_json(chart: ChartSpec, request_value, lang: str) -> str:
    figure_function = getattr(chart, "figure", None)
    if figure_function is None:
        return ""
    figure = figure_function(request_value)
    spec = {
        "figure": json.loads(plotly.io.to_json(figure)),  # a go.Figure or plain data
        "config": {**theme.GRAPH_CONFIG, "responsive": True, "locale": lang},
    }
    # Inside <script type="application/json"> only "</" could end the element early.
    return json.dumps(spec, ensure_ascii=False).replace("</", "<\\/")


def install_embeds(
    server: Flask,
    context: AppContext,
    charts: Mapping[str, ChartSpec],
    page_paths: Mapping[str, str],
    rate_limit: Callable,
) -> None:
    """Add ``/embed/<chart>`` (under ``rate_limit``, per address) and its two static scripts."""

    def embed(key: str) -> Response | tuple[str, int]:
        # Embeds travel to other sites: survey figures always come from the protected release.
        release_only()
        chart = charts.get(key)
        try:
            if chart is None:
                raise ApiError(404, f"Unknown chart {key[:64]!r}.")
            query = parse_query(
                request.query_string.decode("latin-1"),
                context.catalog,
                default_lang=context.settings.language,
                options=option_params(chart.page),
            )
            answer = answer_chart(context, chart, query)
        except ApiError as error:
            return json_response(error.body(), error.status)
        lang = query.lang
        shown = answer.frame.head(MAX_TABLE_ROWS)
        cells = shown.astype(object).where(shown.notna(), "–")
        figure = _figure_json(chart, answer.request, lang)
        html = render_template_string(
            PAGE,
            lang=lang,
            title=t(chart.title_key, lang),
            kind_heading=t("api.embed.kind", lang),
            kind=answer.kind_label,
            filters_heading=t("api.embed.filters", lang),
            filters=" ".join(
                [
                    filter_summary(query.selection, context.catalog, lang),
                    *chart_notes(answer, query.selection, lang),
                ]
            ),
            figure=Markup(figure) if figure else "",
            height=460,  # noqa: S704 (JSON with "</" escaped)
            table_heading=t("api.embed.table", lang),
            columns=[str(column) for column in shown.columns],
            rows=cells.values.tolist(),
            truncated=t(
                "export.table_truncated", lang, shown=MAX_TABLE_ROWS, total=len(answer.frame)
            )
            if len(answer.frame) > MAX_TABLE_ROWS
            else "",
            link=page_address(page_paths, chart.page, query.filter_items(), lang),
            link_text=t("api.embed.link", lang),
        )
        return html, 200

    files = {"plotly.min.js": plotly_script(), "embed.js": STATIC / "embed.js"}

    def static_file(name: str) -> Response:
        if name not in files:
            return json_response({"error": "Not found.", "status": 404}, 404)
        response = send_file(files[name], mimetype="text/javascript", max_age=86400)
        return response

    server.add_url_rule("/embed/_static/<name>", "embed_static", static_file, methods=["GET"])
    server.add_url_rule("/embed/<path:key>", "embed_chart", rate_limit(embed), methods=["GET"])
