"""A chart's table view and embed snippet follow the page while they are open: one clientside
callback for all the charts of a page refreshes the open ones, instead of one callback per chart.

Dash's renderer pays for every callback it runs (about six store updates each, every mounted
component's selector run for each), and a filter change would run one per chart and kind of view
(18 on /pillars) only to find them closed.
"""

from __future__ import annotations

# Outputs: every refresh store of the page (``ALL``); the last argument: every view's ``hidden``
# (``ALL``), matched to the stores by the chart key of their ids.
REFRESH_OPEN_VIEWS_JS = """
function () {
    const context = window.dash_clientside.callback_context;
    const views = context.states_list[context.states_list.length - 1] || [];
    const open = new Set(views.filter(view => view.value === false).map(view => view.id.chart));
    if (!open.size) { return window.dash_clientside.no_update; }
    const now = Date.now();
    return context.outputs_list.map(
        store => (open.has(store.id.chart) ? now : window.dash_clientside.no_update));
}
"""
