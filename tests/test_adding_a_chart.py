"""Adding a chart is one registry row: a ChartSpec added to a page's charts (with its data, figure
and summary functions) appears on the page, is drawn by the page's one chart callback, and is
served by the table view, the API, its documentation, the zip and the embeds, with no other code."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace

import plotly.graph_objects as go
import pytest
from helpers import as_sent, by_id

from dashboard import ids
from dashboard.app import create_app
from dashboard.common.charts import ChartRequest, ChartSpec
from dashboard.i18n import format_number
from dashboard.pillars import charts as pillar_charts
from dashboard.site import SITE

from conftest import settings_for

KEY, GRAPH, SUMMARY = "indicator-totals-bars", "test-totals-graph", "test-totals-summary"


def totals_figure(request: ChartRequest) -> go.Figure:
    """Each applicable indicator's total as a bar (the headline cards as a chart)."""
    frame = pillar_charts.totals(request)
    return go.Figure(
        go.Bar(x=frame["total"], y=frame["indicator_code"], orientation="h", name="total")
    )


def totals_summary(request: ChartRequest) -> str:
    """How many indicators the bars show."""
    return f"{format_number(len(pillar_charts.totals(request)), request.lang)} indicators."


ROW = ChartSpec(
    KEY,
    "pillars",
    GRAPH,
    "pillars.cards.heading",
    pillar_charts.totals_data,
    figure=totals_figure,
    summary=totals_summary,
    summary_id=SUMMARY,
    follows_options=False,
)


@pytest.fixture(scope="module")
def app(tiny_store_path):
    pages = tuple(
        replace(page, charts=(*page.charts, ROW)) if page.key == "pillars" else page
        for page in SITE.pages
    )
    return create_app(
        settings_for(tiny_store_path, cache_dir=None), site=replace(SITE, pages=pages)
    )


def post(app, key: str, spec: dict, values: dict, changed: list[str]) -> dict:
    outputs = [
        dict(zip(("id", "property"), part.split("@")[0].rsplit(".", 1), strict=True))
        for part in key.strip(".").split("...")
    ]
    body = {
        "output": key,
        "outputs": outputs if key.startswith("..") else outputs[0],
        "inputs": [
            {
                **as_sent(item),
                "value": values.get(item["property"] if item["id"] == ids.URL else item["id"]),
            }
            for item in spec["inputs"]
        ],
        "state": [
            {
                **as_sent(item),
                "value": values.get(item["property"] if item["id"] == ids.URL else item["id"]),
            }
            for item in spec["state"]
        ],
        "changedPropIds": changed,
    }
    response = app.server.test_client().post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()["response"]


def test_the_page_shows_the_new_chart_and_its_callback_draws_it(app):
    routing = next(
        (key, spec)
        for key, spec in app.callback_map.items()
        if key == f"{ids.PAGE_CONTENT}.children"
    )
    page = post(
        app,
        *routing,
        {"pathname": "/pillars", ids.LANGUAGE_STORE: "en", "search": ""},
        [f"{ids.URL}.pathname"],
    )[ids.PAGE_CONTENT]["children"]
    assert GRAPH in json.dumps(page) and SUMMARY in json.dumps(page)
    assert by_id(app.validation_layout, GRAPH) is not None
    # The page's one chart callback has the new chart's outputs: no callback was added for it.
    charts = [key for key in app.callback_map if f"{GRAPH}.figure" in key]
    assert len(charts) == 1 and f"{ids.PILLARS_MATRIX_GRAPH}.figure" in charts[0]
    answer = post(
        app,
        charts[0],
        app.callback_map[charts[0]],
        {ids.SELECTION_STORE: {}, ids.LANGUAGE_STORE: "en"},
        [f"{ids.SELECTION_STORE}.data"],
    )
    figure = answer[GRAPH]["figure"]
    assert figure["data"][0]["type"] == "bar" and "returns_assisted" in figure["data"][0]["y"]
    assert answer[SUMMARY]["children"].endswith("indicators.")


def test_the_table_view_api_zip_and_embed_serve_it(app):
    client = app.server.test_client()
    toggle = next(key for key in app.callback_map if "chart-table-view" in key)
    view, button = {"type": ids.TABLE_VIEW, "chart": KEY}, {"type": ids.TABLE_TOGGLE, "chart": KEY}
    body = {
        "output": toggle,
        "outputs": [
            {"id": view, "property": "children"},
            {"id": view, "property": "hidden"},
            {"id": button, "property": "children"},
            {"id": button, "property": "aria-expanded"},
        ],
        "inputs": [
            {"id": button, "property": "n_clicks", "value": 1},
            {"id": {"type": ids.TABLE_REFRESH, "chart": KEY}, "property": "data", "value": None},
        ],
        "state": [
            [
                {
                    "id": {"type": ids.PAGE_OPTIONS_STORE, "page": "pillars"},
                    "property": "data",
                    "value": {},
                }
            ],
            {"id": ids.SELECTION_STORE, "property": "data", "value": {}},
            {"id": ids.LANGUAGE_STORE, "property": "data", "value": "en"},
        ],
        "changedPropIds": [json.dumps(button, separators=(",", ":")) + ".n_clicks"],
    }
    table = client.post("/_dash-update-component", json=body)
    assert table.status_code == 200 and "returns_assisted" in table.get_data(as_text=True)

    listed = client.get("/api/v1/charts").get_json()["charts"]
    assert any(chart["chart"] == KEY and chart["page"] == "pillars" for chart in listed)
    data = client.get(f"/api/v1/charts/{KEY}").get_json()
    assert data["chart"] == KEY and any(
        row for row in data["rows"] if "returns_assisted" in json.dumps(row)
    )
    assert KEY in client.get("/api/v1/openapi.json").get_data(as_text=True)
    assert KEY in client.get("/api/v1/docs").get_data(as_text=True)

    archive = zipfile.ZipFile(io.BytesIO(client.get("/api/v1/download.zip").get_data()))
    assert any(KEY in name for name in archive.namelist())

    embed = client.get(f"/embed/{KEY}")
    assert embed.status_code == 200 and 'id="embed-figure"' in embed.get_data(as_text=True)
