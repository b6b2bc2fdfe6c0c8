// Draws the embedded chart from the figure the server put in the page (no inline script: CSP).
(function () {
    var data = document.getElementById('embed-figure');
    var target = document.getElementById('embed-graph');
    if (!data || !target || !window.Plotly) { return; }
    var spec = JSON.parse(data.textContent);
    window.Plotly.newPlot(target, spec.figure.data, spec.figure.layout, spec.config).then(function () {
        target.setAttribute('data-drawn', 'true');
    });
    window.addEventListener('resize', function () { window.Plotly.Plots.resize(target); });
}());
