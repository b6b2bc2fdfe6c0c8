"""The app's own plotly.js bundle draws every chart of every page; Dash's full bundle is never fetched."""

from __future__ import annotations

import pytest

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

# Every trace type the app's figure builders draw (scattergeo is in the bundle for map markers).
DRAWN_TRACE_TYPES = {"bar", "box", "heatmap", "scatter", "choropleth"}

TRACE_TYPES = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .flatMap(plot => (plot._fullData || []).map(trace => trace.type))"""

UNDRAWN = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .filter(plot => (plot.data || []).length && !plot.querySelector('.main-svg .trace, .main-svg .hm'))
    .map(plot => plot.parentElement.id)"""


def test_every_chart_draws_with_the_apps_bundle(live_server, page):
    plotly_requests: list[str] = []
    page.on(
        "request", lambda request: "plotly" in request.url and plotly_requests.append(request.url)
    )
    drawn: set[str] = set()
    for path in ("/", "/pillars", "/sustainability", "/about"):
        page.goto(live_server.url + path)
        wait_for_dash(page)
        # A geo map draws its traces after fetching the topojson: wait for every chart's traces.
        page.wait_for_function(f"() => ({UNDRAWN})().length === 0")
        drawn |= set(page.evaluate(TRACE_TYPES))
    assert drawn >= DRAWN_TRACE_TYPES, f"no chart of type {DRAWN_TRACE_TYPES - drawn} was drawn"
    assert page.evaluate("() => window.Plotly.version") and page.evaluate(
        "() => ['bar', 'box', 'heatmap', 'scatter', 'choropleth', 'scattergeo']"
        ".every(type => window.Plotly.PlotSchema.get().traces[type])"
    )
    assert plotly_requests and all("/assets/plotly-" in url for url in plotly_requests), (
        plotly_requests
    )
    assert not any("plotly.min.js" in url for url in plotly_requests)
    assert page.watch.console_errors == []
    assert page.watch.page_errors == []
    assert page.watch.failed_responses == []
    assert page.watch.outside_requests == []
