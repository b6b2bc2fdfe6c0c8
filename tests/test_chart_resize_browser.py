"""A chart is laid out once per figure: a filter change that gives a chart a new height does not
make dcc.Graph's resize lay it out a second time at that same height (assets/plotly-resize.js),
and a window of another width still lays every chart out at its new width."""

from __future__ import annotations

import pytest
from browser_helpers import assert_clean, choose_region

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

# Every resize layout of a chart (plotly's resize relays it out with {autosize: true}), by graph.
WATCH_RESIZES_JS = """
() => { window.__resized = [];
    document.querySelectorAll('main .js-plotly-plot').forEach(plot => plot.on('plotly_relayout',
        change => { if (change && change.autosize) {
            window.__resized.push(plot.closest('.dash-graph').id); } })); }
"""
# Each chart's size: as its figure asks, as plotly laid it out, as drawn on screen.
SIZES_JS = """
() => Object.fromEntries([...document.querySelectorAll('main .js-plotly-plot')].map(plot => {
    const svg = plot.querySelector('.main-svg');
    return [plot.closest('.dash-graph').id, {
        figure: plot.layout.height || null, laid: [plot._fullLayout.width, plot._fullLayout.height],
        drawn: [Math.round(svg.getBoundingClientRect().width), Math.round(svg.getBoundingClientRect().height)],
        box: [Math.round(plot.getBoundingClientRect().width), Math.round(plot.getBoundingClientRect().height)]}];
}))
"""
# Longer than dcc.Graph's resize wait (50 ms) and plotly's own (100 ms) together.
RESIZE_WAITS_MS = 600


def settled_sizes(page) -> dict:
    wait_for_dash(page)
    page.wait_for_timeout(RESIZE_WAITS_MS)
    wait_for_dash(page)
    return page.evaluate(SIZES_JS)


def test_a_filter_change_lays_each_chart_out_once_at_its_new_height(live_server, page):
    page.goto(live_server.url + "/pillars")
    before = settled_sizes(page)
    page.evaluate(WATCH_RESIZES_JS)
    choose_region(page, "West and Central Africa")
    after = settled_sizes(page)
    grown = [graph for graph in after if after[graph]["figure"] != before[graph]["figure"]]
    assert grown, "no chart changed height: the region change does not exercise a resize"
    assert page.evaluate("() => window.__resized") == []
    for graph, size in after.items():
        # Drawn at the height its figure asks for, and as wide as its box.
        assert size["drawn"] == [round(size["laid"][0]), round(size["laid"][1])], graph
        assert size["drawn"] == size["box"], graph
        if size["figure"] is not None:
            assert size["laid"][1] == size["figure"], graph
    assert_clean(page)


def test_a_narrower_window_lays_every_chart_out_at_its_new_width(live_server, page):
    # Columns stack below Bootstrap's large breakpoint: some charts get narrower, some wider.
    page.goto(live_server.url + "/pillars")
    wide = settled_sizes(page)
    page.set_viewport_size({"width": 900, "height": 900})
    page.wait_for_function(
        "() => [...document.querySelectorAll('main .js-plotly-plot')].every(plot =>"
        " Math.abs(plot._fullLayout.width - plot.getBoundingClientRect().width) < 1)"
    )
    narrow = settled_sizes(page)
    assert any(narrow[graph]["laid"][0] != wide[graph]["laid"][0] for graph in wide)
    for graph, size in narrow.items():
        assert size["drawn"] == size["box"] and size["laid"][0] == size["box"][0], graph
    assert_clean(page)
