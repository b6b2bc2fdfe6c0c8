/*
 * Component packages whose script loads only where one of their components is shown
 * (dashboard/server/lazy_scripts.py): today dash-ag-grid, 1.3 MB, whose only grid is the EUTF
 * explorer of /pillars. The server names each such script in a <meta> tag instead of putting it in
 * the page; here the package's components are small stand-ins: the first one mounted loads the
 * script, then every stand-in draws the real component with the same properties. The stand-in
 * stays the component type Dash sees, so the grid is never remounted once drawn. Like Dash's own
 * lazy components, it tells Dash's renderer when it is ready, and Dash holds the component's
 * callbacks until then. The page that shows the package from the start (data-page) carries the
 * script itself, as before, and needs no stand-in.
 */
(function () {
    "use strict";

    var PREFIX = "euiom-lazy-script-";

    function lazyPackage(meta) {
        var namespace = meta.getAttribute("name").slice(PREFIX.length);
        if (window[namespace]) { return; }  // the page carries the script itself (its own page)
        var types = (meta.getAttribute("data-components") || "").split(",").filter(Boolean);
        var standIns = {};
        var pkg = {real: null, loading: null, waiting: []};

        function load() {
            if (pkg.loading) { return pkg.loading; }
            pkg.loading = new Promise(function (resolve, reject) {
                var script = document.createElement("script");
                script.src = meta.getAttribute("content");
                script.onload = function () {
                    var real = window[namespace];
                    // The script made its own namespace: keep the stand-ins as the components, and
                    // take every other export (dash-ag-grid's getApi, getApiAsync...) from it.
                    Object.keys(real).forEach(function (key) {
                        if (types.indexOf(key) < 0) { standIns[key] = real[key]; }
                    });
                    window[namespace] = standIns;
                    pkg.real = real;
                    pkg.waiting.splice(0).forEach(function (draw) { draw(); });
                    resolve(real);
                };
                script.onerror = function () { reject(new Error(namespace + ": script not loaded")); };
                document.head.appendChild(script);
            });
            return pkg.loading;
        }

        function readiness(type) {
            var ready = pkg.real[type]._dashprivate_isLazyComponentReady;
            return ready === undefined ? true : ready;
        }

        types.forEach(function (type) {
            function StandIn(props) {
                var drawn = window.React.useState(!!pkg.real);
                window.React.useEffect(function () {
                    if (pkg.real) { return; }
                    var draw = function () { drawn[1](true); };
                    pkg.waiting.push(draw);
                    load();
                    return function () {
                        var at = pkg.waiting.indexOf(draw);
                        if (at >= 0) { pkg.waiting.splice(at, 1); }
                    };
                }, []);
                if (!pkg.real) {
                    // The component's place, as big as it will be, until its script is there.
                    return window.React.createElement("div", {
                        id: typeof props.id === "string" ? props.id : undefined,
                        className: props.className,
                        style: props.style,
                        "aria-busy": "true"
                    });
                }
                return window.React.createElement(pkg.real[type], props);
            }
            StandIn.displayName = type;
            Object.defineProperty(StandIn, "_dashprivate_isLazyComponentReady", {
                get: function () {
                    return pkg.real ? readiness(type) : load().then(function () { return readiness(type); });
                }
            });
            standIns[type] = StandIn;
        });
        window[namespace] = standIns;
    }

    Array.prototype.forEach.call(
        document.querySelectorAll('meta[name^="' + PREFIX + '"]'),
        lazyPackage
    );
}());
