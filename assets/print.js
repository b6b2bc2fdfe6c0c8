/*
 * Printing: plotly draws a chart at the width it had on screen, so on paper (narrower, one
 * column) it would overflow its box or be cut. Before printing, scale every chart wider than the
 * paper's content (or taller than a page) down to it (A4 and US Letter both leave about 700 CSS pixels inside the margins
 * of 30-print.css) with CSS zoom: a style change, applied at once, where a redraw would still be
 * running when the page is laid out for paper. After printing, the zoom is removed.
 */
(function () {
    "use strict";

    var PAPER_WIDTH = 680;
    // A page's height inside the margins, less a block's heading: A4 leaves about 1,010 CSS
    // pixels, US Letter about 950. A taller chart (of a height of its own) is scaled down too, so
    // it is never split across two pages (its legend alone on the next one).
    var PAPER_HEIGHT = 800;
    var resized = [];
    var printing = false;

    // One chart to the paper's width; again whenever it redraws while printing (a chart whose
    // column widens for paper redraws wider, after the first fit).
    function fit(plot) {
        var layout = plot._fullLayout;
        if (!layout) { return; }
        // Only a chart drawn at its figure's size is scaled to the page's height: a responsive
        // chart (the map) takes its container's height and would grow back into the room its
        // scaling gave it.
        var ownHeight = !(plot._context && plot._context.responsive);
        var scale = Math.min(1, PAPER_WIDTH / layout.width, ownHeight ? PAPER_HEIGHT / layout.height : 1);
        if (scale < 1) {
            if (resized.indexOf(plot) < 0) { resized.push(plot); }
            plot.style.zoom = String(scale);
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
