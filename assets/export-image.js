/*
 * Chart images: plotly.js draws the chart as on screen, at twice the screen resolution for PNG,
 * and a footer is drawn below it with the lines the server wrote (chart, filters, kind of data
 * and source) and the day of the export, wrapped to the chart's width. PNG: the image is drawn
 * on a canvas with the footer text; SVG: the footer is added as text elements, so it stays
 * searchable and selectable. Offline: nothing leaves the page.
 */
(function () {
    "use strict";

    var SCALE = 2;
    var FONT = "12px 'Helvetica Neue', Arial, sans-serif";
    var FONT_SIZE = 12;
    var LINE = 16;
    var PAD = 10;
    var SVG_NS = "http://www.w3.org/2000/svg";

    function wrap(text, width, measure) {
        var lines = [];
        var line = "";
        String(text).split(/\s+/).forEach(function (word) {
            var candidate = line ? line + " " + word : word;
            if (line && measure(candidate) > width) {
                lines.push(line);
                line = word;
            } else {
                line = candidate;
            }
        });
        if (line) { lines.push(line); }
        return lines;
    }

    function footerLines(lines, width) {
        var context = document.createElement("canvas").getContext("2d");
        context.font = FONT;
        var measure = function (text) { return context.measureText(text).width; };
        return lines.reduce(function (all, line) { return all.concat(wrap(line, width - 2 * PAD, measure)); }, []);
    }

    function footerHeight(wrapped) {
        return wrapped.length * LINE + 2 * PAD;
    }

    function save(url, filename) {
        var link = document.createElement("a");
        link.href = url;
        link.download = filename;
        document.body.appendChild(link);
        link.click();
        link.remove();
    }

    function png(graph, name, wrapped, width, height) {
        var footer = footerHeight(wrapped);
        return window.Plotly.toImage(graph, {format: "png", width: width, height: height, scale: SCALE})
            .then(function (url) {
                return new Promise(function (resolve, reject) {
                    var image = new Image();
                    image.onload = function () {
                        var canvas = document.createElement("canvas");
                        canvas.width = width * SCALE;
                        canvas.height = (height + footer) * SCALE;
                        var context = canvas.getContext("2d");
                        context.fillStyle = "#ffffff";
                        context.fillRect(0, 0, canvas.width, canvas.height);
                        context.drawImage(image, 0, 0, width * SCALE, height * SCALE);
                        context.scale(SCALE, SCALE);
                        context.strokeStyle = "#cccccc";
                        context.beginPath();
                        context.moveTo(PAD, height + 0.5);
                        context.lineTo(width - PAD, height + 0.5);
                        context.stroke();
                        context.fillStyle = "#333333";
                        context.font = FONT;
                        context.textBaseline = "top";
                        wrapped.forEach(function (line, index) {
                            context.fillText(line, PAD, height + PAD + index * LINE);
                        });
                        resolve(canvas.toDataURL("image/png"));
                    };
                    image.onerror = reject;
                    image.src = url;
                });
            })
            .then(function (url) { save(url, name + ".png"); });
    }

    function svg(graph, name, wrapped, width, height) {
        var footer = footerHeight(wrapped);
        var total = height + footer;
        return window.Plotly.toImage(graph, {format: "svg", width: width, height: height})
            .then(function (url) {
                var text = decodeURIComponent(url.slice(url.indexOf(",") + 1));
                var documentSvg = new DOMParser().parseFromString(text, "image/svg+xml");
                var root = documentSvg.documentElement;
                root.setAttribute("height", String(total));
                root.setAttribute("viewBox", "0 0 " + width + " " + total);
                var group = documentSvg.createElementNS(SVG_NS, "g");
                group.setAttribute("class", "export-footer");
                var background = documentSvg.createElementNS(SVG_NS, "rect");
                [["x", 0], ["y", height], ["width", width], ["height", footer], ["fill", "#ffffff"]]
                    .forEach(function (pair) { background.setAttribute(pair[0], String(pair[1])); });
                group.appendChild(background);
                wrapped.forEach(function (line, index) {
                    var node = documentSvg.createElementNS(SVG_NS, "text");
                    node.setAttribute("x", String(PAD));
                    node.setAttribute("y", String(height + PAD + index * LINE + FONT_SIZE));
                    node.setAttribute("font-family", "'Helvetica Neue', Arial, sans-serif");
                    node.setAttribute("font-size", String(FONT_SIZE));
                    node.setAttribute("fill", "#333333");
                    node.textContent = line;
                    group.appendChild(node);
                });
                root.appendChild(group);
                var out = new XMLSerializer().serializeToString(documentSvg);
                save("data:image/svg+xml;charset=utf-8," + encodeURIComponent(out), name + ".svg");
            });
    }

    /* Download ``graph`` (a drawn plotly graph) as ``format`` ("png" or "svg") named ``name``,
       with ``lines`` of footer text below it. */
    window.euiomExportImage = function (graph, format, name, lines) {
        var width = graph.offsetWidth || 1000;
        var height = graph.offsetHeight || 600;
        var wrapped = footerLines(lines || [], width);
        return (format === "svg" ? svg : png)(graph, name, wrapped, width, height);
    };
}());
