"""A chart's open table view and open embed snippet follow a filter change; the closed ones of
the page cost nothing: one clientside refresh for all the table views of the page and one for
all the snippets (callbacks/open_views.py), not one per chart, and no request for a closed view."""

from __future__ import annotations

import pytest
from browser_helpers import assert_clean, callback_requests, choose_region

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

COUNTS = "section[aria-labelledby='pillar-counts-heading']"
MATRIX = "section[aria-labelledby='pillar-matrix-heading']"
# The callbacks Dash's renderer runs from now on, by their outputs (clientside ones included).
WATCH_CALLBACKS_JS = """
() => { window.__ran = []; const store = window.store; const dispatch = store.dispatch;
    store.dispatch = function (action) {
        if (action && action.type === 'Callbacks.Aggregate') {
            for (const change of action.payload || []) {
                if (change && change.type === 'Callbacks.AddExecuting') {
                    change.payload.forEach(cb => window.__ran.push(cb.callback.output)); } } }
        return dispatch.apply(this, arguments); }; }
"""


def test_open_views_follow_a_filter_change_and_closed_ones_cost_nothing(live_server, page):
    page.goto(live_server.url + "/pillars")
    wait_for_dash(page)
    page.locator(f"{COUNTS} .chart-toolbar button", has_text="Embed").click()
    snippet = page.locator(f"{COUNTS} .chart-embed-view:not([hidden]) textarea")
    snippet.wait_for()
    assert "region=" not in snippet.input_value()
    page.locator(f"{MATRIX} button:text('Show as table')").click()
    table = page.locator(f"{MATRIX} .chart-table-view table")
    table.wait_for()
    rows_before = table.inner_text()
    wait_for_dash(page)
    asked = callback_requests(page)
    page.evaluate(WATCH_CALLBACKS_JS)

    choose_region(page, "West and Central Africa")
    page.wait_for_function(
        "selector => document.querySelector(selector).value.includes('region=WCA')",
        arg=f"{COUNTS} .chart-embed-view:not([hidden]) textarea",
    )
    page.wait_for_function(
        "([selector, before]) => document.querySelector(selector).innerText !== before",
        arg=[f"{MATRIX} .chart-table-view table", rows_before],
    )
    wait_for_dash(page)
    ran = page.evaluate("() => window.__ran")
    assert sum("chart-table-refresh" in output for output in ran) == 1
    assert sum("chart-embed-refresh" in output for output in ran) == 1
    # The open table view and the open snippet asked the server once each; no closed one did.
    assert len([body for body in asked if "chart-table-view" in body]) == 1
    assert len([body for body in asked if "chart-embed-view" in body]) == 1
    assert_clean(page)
