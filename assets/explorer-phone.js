/*
 * The EUTF explorer on a phone: its first column is the indicator, pinned at a compact width
 * (its text wraps), then the country, the actual value and its date; every other column follows
 * and scrolls sideways beside the pinned one. On a wider screen the grid keeps its own columns.
 * AG Grid's column state is changed through dash-ag-grid's API (getApiAsync); Dash's columnDefs
 * are left as they are.
 */
(function () {
    "use strict";

    var GRID_ID = "pillars-explorer-grid";
    var PHONE = window.matchMedia ? window.matchMedia("(max-width: 575.98px)") : null;
    var FIRST = ["indicator", "countries", "actual", "as_of"];
    var WIDTHS = {indicator: 170, countries: 120, actual: 100, as_of: 110};
    var applied = null;

    function arrange(api) {
        var phone = !!(PHONE && PHONE.matches);
        if (applied === phone) { return; }
        var wasPhone = applied === true;
        applied = phone;
        if (!phone) {
            // Back from a phone width: the grid's own columns again, keeping the sort the person
            // or the address chose (resetting it raced the address's sort on a first load).
            if (wasPhone) {
                var sorted = api.getColumnState().filter(function (column) { return column.sort; });
                api.resetColumnState();
                api.applyColumnState({state: sorted});
            }
            return;
        }
        var ids = api.getColumns().map(function (column) { return column.getColId(); });
        var order = FIRST.filter(function (id) { return ids.indexOf(id) >= 0; })
            .concat(ids.filter(function (id) { return FIRST.indexOf(id) < 0; }));
        api.applyColumnState({
            state: order.map(function (id) {
                var state = {colId: id, pinned: id === "indicator" ? "left" : null};
                if (WIDTHS[id]) { state.width = WIDTHS[id]; }
                return state;
            }),
            applyOrder: true
        });
    }

    // True once the grid's API was asked for (the grid and dash-ag-grid's script both there).
    function whenReady(freshGrid) {
        if (!document.getElementById(GRID_ID) || !window.dash_ag_grid || !window.dash_ag_grid.getApiAsync) {
            return false;
        }
        window.dash_ag_grid.getApiAsync(GRID_ID).then(function (api) {
            if (freshGrid) { applied = null; }  // a grid just drawn has its own columns
            arrange(api);
        });
        return true;
    }

    var seen = null;
    new MutationObserver(function () {
        var grid = document.getElementById(GRID_ID);
        if (grid && grid !== seen && whenReady(true)) { seen = grid; }
    }).observe(document.documentElement, {childList: true, subtree: true});
    if (PHONE) { PHONE.addEventListener("change", function () { whenReady(false); }); }
}());
