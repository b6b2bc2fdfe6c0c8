/*
 * A chart is laid out again on a resize only when its size changed. dcc.Graph watches each
 * graph's size (a ResizeObserver, 50 ms) and then asks plotly.js to resize it; plotly waits
 * another 100 ms and lays the whole chart out again at the size its container gives it. A chart
 * whose figure brings a new height (a ranking with more rows, after a filter change) fires that
 * observer with the size it was just drawn at: the second layout changed nothing on screen, cost
 * a relayout per chart and ended the redraw 150 ms after the chart was drawn. Here a resize that
 * would lay a drawn chart out at the very size it has is answered at once; any other (the window
 * or a column got wider, a hidden chart shown) is plotly's own.
 */
(function () {
    "use strict";

    var Plots = window.Plotly && window.Plotly.Plots;
    if (!Plots || typeof Plots.resize !== "function") { return; }
    var resize = Plots.resize;

    // The size plotly's autosize would read (plots.plotAutoSize: the graph's computed style).
    function unchanged(graph) {
        var laid = graph && graph._fullLayout;
        if (!laid || !graph.isConnected) { return false; }
        var style = window.getComputedStyle(graph);
        if (style.display === "none") { return false; }
        return Math.round(parseFloat(style.width)) === Math.round(laid.width)
            && Math.round(parseFloat(style.height)) === Math.round(laid.height);
    }

    Plots.resize = function (graph) {
        var element = typeof graph === "string" ? document.getElementById(graph) : graph;
        if (unchanged(element)) { return Promise.resolve(element); }
        return resize.apply(this, arguments);
    };
}());
