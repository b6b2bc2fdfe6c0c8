/*
 * Navigations of the address that change only its fragment (the EUTF explorer's search, filters
 * and sort: /pillars#q=...): Back, Forward, a link pasted into the same tab.
 *
 * - dcc.Location reads the address on "popstate" and on Dash's own history event only, and a
 *   browser need not fire "popstate" for a fragment pasted into the address bar: on "hashchange"
 *   this sends Dash's history event, so the page reads the new fragment either way (dcc.Location
 *   updates only what changed, so a second event changes nothing).
 * - The explorer applies a fragment only when the browser navigated to it: this writes it into
 *   the explorer's navigation store. The explorer's own writes of the address (pushState, which
 *   fires neither event) are never applied back over the grid's newer state.
 */
(function () {
    "use strict";
    var GRID = "pillars-explorer-grid";
    var NAVIGATED = "pillars-explorer-navigated-store";
    var last = {fragment: null, at: 0};

    function navigated() {
        // Only while the explorer is on the page (a store has no element: the grid's is looked for).
        if (!document.getElementById(GRID) || !window.dash_clientside || !window.dash_clientside.set_props) {
            return;
        }
        var now = Date.now();
        if (location.hash === last.fragment && now - last.at < 500) {
            return;  // "popstate" and "hashchange" of one navigation
        }
        last = {fragment: location.hash, at: now};
        window.dash_clientside.set_props(NAVIGATED, {data: last});
    }

    window.addEventListener("popstate", navigated);
    window.addEventListener("hashchange", function () {
        window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
        navigated();
    });
}());
