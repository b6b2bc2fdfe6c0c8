"""``/api/v1/docs``: the endpoints with example addresses, in English and French (plain HTML)."""

from __future__ import annotations

from collections.abc import Mapping

from flask import render_template_string

from dashboard.common.charts import ChartSpec
from dashboard.i18n import LANGUAGES, t
from dashboard.server.server_pages import DOCUMENT_HEAD

from .options import option_params
from .reference import reference_tables

PAGE = (
    DOCUMENT_HEAD
    + """<body>
<header class="navbar navbar-dark bg-dark py-2 px-3">
  <a class="navbar-brand fw-semibold" href="/?lang={{ lang }}">{{ app_title }}</a>
  <a class="link-light small" href="?lang={{ other_lang }}" lang="{{ other_lang }}">{{ other_language }}</a>
</header>
<main class="container py-4" id="api-docs">
  <h1 class="h3">{{ title }}</h1>
  <p>{{ intro }}</p>
  <ul>
    <li>{{ formats }}</li>
    <li>{{ paging }}</li>
    <li>{{ errors }}</li>
    <li>{{ limits }}</li>
    <li>{{ auth }} <a href="/tokens?lang={{ lang }}">/tokens</a></li>
    <li><a href="/api/v1/openapi.json">OpenAPI 3 (openapi.json)</a></li>
  </ul>
  <h2 class="h5 mt-4">{{ pandas_heading }}</h2>
  <pre class="bg-light p-2"><code>import pandas as pd
frame = pd.read_csv("{{ base }}/api/v1/charts/{{ example }}?format=csv&amp;lang={{ lang }}")</code></pre>
  <h2 class="h5 mt-4">{{ charts_heading }}</h2>
  <table class="table table-sm small">
    <thead><tr><th scope="col">{{ chart_col }}</th><th scope="col">{{ options_col }}</th>
      <th scope="col">{{ example_col }}</th></tr></thead>
    <tbody>
    {% for row in charts %}
      <tr><td>{{ row.title }}<br><code>{{ row.key }}</code></td><td><code>{{ row.options }}</code></td>
        <td><a href="{{ row.url }}">{{ row.url }}</a><br><a href="{{ row.csv }}">{{ row.csv }}</a></td></tr>
    {% endfor %}
    </tbody>
  </table>
  <h2 class="h5 mt-4">{{ reference_heading }}</h2>
  <ul>{% for table in tables %}<li><a href="/api/v1/reference/{{ table.name }}">/api/v1/reference/{{ table.name }}</a>
    — {{ table.text }}</li>{% endfor %}</ul>
  <h2 class="h5 mt-4">{{ download_heading }}</h2>
  <p>{{ download_text }} <a href="/api/v1/download.zip?lang={{ lang }}">/api/v1/download.zip?lang={{ lang }}</a>,
     <a href="/api/v1/download.zip?hxl=1&amp;lang={{ lang }}">/api/v1/download.zip?hxl=1</a></p>
  <h2 class="h5 mt-4">{{ embed_heading }}</h2>
  <p>{{ embed_text }}</p>
  <pre class="bg-light p-2"><code>&lt;iframe src="{{ base }}/embed/{{ example }}?lang={{ lang }}" {#
        #}width="720" height="620"
        title="{{ example_title }}" loading="lazy"&gt;&lt;/iframe&gt;</code></pre>
</main>
</body>
</html>"""
)


def docs_page(charts: Mapping[str, ChartSpec], lang: str, base: str) -> str:
    """The page in ``lang``; ``base`` is the server's own address for the copyable examples."""
    other = next(code for code in LANGUAGES if code != lang)
    rows = [
        {
            "key": chart.key,
            "title": t(chart.title_key, lang),
            "options": ", ".join(option_params(chart.page)) or "–",
            "url": f"/api/v1/charts/{chart.key}?lang={lang}",
            "csv": f"/api/v1/charts/{chart.key}?region=WCA&from=2019-Q1&format=csv&lang={lang}",
        }
        for chart in charts.values()
    ]
    example = next(iter(charts.values()), None)
    texts = {
        key: t(f"api.docs.{key}", lang)
        for key in (
            "title",
            "intro",
            "formats",
            "paging",
            "errors",
            "limits",
            "auth",
            "pandas_heading",
            "charts_heading",
            "chart_col",
            "options_col",
            "example_col",
            "reference_heading",
            "download_heading",
            "download_text",
            "embed_heading",
            "embed_text",
        )
    }
    return render_template_string(
        PAGE,
        lang=lang,
        other_lang=other,
        other_language=t("api.docs.other_language", lang),
        app_title=t("app.title", lang),
        charts=rows,
        tables=[
            {"name": name, "text": t(f"api.reference.{name}", lang)} for name in reference_tables()
        ],
        base=base,
        example=example.key if example else "",
        example_title=t(example.title_key, lang) if example else "",
        **texts,
    )
