/*
 * Printing: plotly draws a chart at the width it had on screen, so on paper (narrower, one
 * column) it would overflow its box or be cut. Before printing, scale every chart wider than the
 * paper's content down to it (A4 and US Letter both leave about 700 CSS pixels inside the margins
 * of 30-print.css) with CSS zoom: a style change, applied at once, where a redraw would still be
 * running when the page is laid out for paper. After printing, the zoom is removed.
 */
(function () {
    "use strict";

    var PAPER_WIDTH = 680;
    var resized = [];
    var printing = false;

    // One chart to the paper's width; again whenever it redraws while printing (a chart whose
    // column widens for paper redraws wider, after the first fit).
    function fit(plot) {
        var layout = plot._fullLayout;
        if (!layout) { return; }
        if (layout.width > PAPER_WIDTH) {
            if (resized.indexOf(plot) < 0) { resized.push(plot); }
            plot.style.zoom = String(PAPER_WIDTH / layout.width);
        } else if (resized.indexOf(plot) >= 0) {
            plot.style.zoom = "";
        }
    }

    function toPaper() {
        printing = true;
        document.querySelectorAll(".js-plotly-plot").forEach(function (plot) {
            if (!plot.dataset.printFit && typeof plot.on === "function") {
                plot.dataset.printFit = "1";
                plot.on("plotly_afterplot", function () { if (printing) { fit(plot); } });
            }
            fit(plot);
        });
    }

    function toScreen() {
        var plots = resized;
        printing = false;
        resized = [];
        plots.forEach(function (plot) { plot.style.zoom = ""; });
    }

    window.addEventListener("beforeprint", toPaper);
    window.addEventListener("afterprint", toScreen);
    if (window.matchMedia) {
        window.matchMedia("print").addEventListener("change", function (event) {
            if (event.matches) { toPaper(); } else { toScreen(); }
        });
    }
}());
