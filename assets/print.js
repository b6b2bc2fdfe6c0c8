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

    function toPaper() {
        if (resized.length) { return; }
        document.querySelectorAll(".js-plotly-plot").forEach(function (plot) {
            var layout = plot._fullLayout;
            if (!layout || layout.width <= PAPER_WIDTH) { return; }
            resized.push(plot);
            plot.style.zoom = String(PAPER_WIDTH / layout.width);
        });
    }

    function toScreen() {
        var plots = resized;
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
