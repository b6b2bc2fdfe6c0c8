/*
 * Component packages whose script loads only when one of their components is about to be seen
 * (dashboard/server/lazy_scripts.py): today dash-ag-grid, 1.3 MB (317 KB brotli, and its 229 KB
 * community chunk once a grid mounts), whose only grid is the EUTF explorer at the foot of
 * /pillars. The server names each such script in a <meta> tag instead of putting it in the page;
 * here the package's components are small stand-ins. A stand-in holds the component's place (an
 * element with its id, class and style, so as tall as the component will be, labelled and
 * aria-busy) and loads the script when that place comes within a screen or so of the viewport,
 * and at once when:
 * - the address has a fragment on the package's page (data-page: /pillars#q=...&sort=..., the
 *   explorer's search, filters and sort, or a link to a heading of it): the person came for it;
 * - the address's fragment changes while a stand-in is shown (Back, Forward, a pasted link).
 * Not for printing: a component drawn while the page is being laid out for paper is drawn at the
 * screen's width and cut; the paper leaves out an empty place (10-app.css), and shows the
 * component once it was reached on screen.
 * (Keyboard users reach it through the controls above it, whose scrolling into view brings the
 * place near enough; the place is labelled with the component's own "loading" words.)
 * Then every stand-in draws the real component with the same properties. The stand-in stays the
 * component type Dash sees, so the component is never remounted once drawn.
 *
 * Until the script is asked for, the component's callbacks run as for any component (Dash keeps
 * its properties, and the real component mounts with them); once it is asked for, the stand-in
 * tells Dash's renderer, like Dash's own lazy components, that it is not ready yet, and Dash holds
 * its callbacks until it is. The package's asynchronous exports that the server names
 * (data-async-exports: dash-ag-grid's getApiAsync) wait for the script without asking for it.
 */
(function () {
    "use strict";

    var PREFIX = "euiom-lazy-script-";
    // How near the viewport (above or below) a stand-in's place loads the script: a fast scroll
    // or a keyboard jump to the explorer finds it drawn or drawing.
    var MARGIN = "1200px 0px";

    // The value at a dotted path of an object (the component's own words for "loading").
    function at(object, path) {
        return (path || "").split(".").filter(Boolean).reduce(function (value, key) {
            return value && typeof value === "object" ? value[key] : undefined;
        }, object);
    }

    function lazyPackage(meta) {
        var namespace = meta.getAttribute("name").slice(PREFIX.length);
        if (window[namespace]) { return; }  // its script is already in the page
        var types = (meta.getAttribute("data-components") || "").split(",").filter(Boolean);
        var labelPath = meta.getAttribute("data-label-prop");
        var standIns = {};
        var pkg = {real: null, loading: null, mounted: 0};
        var arrived;
        var loaded = new Promise(function (resolve) { arrived = resolve; });

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
                    arrived(real);
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

        // Until the script is there, its API calls wait for it (and for the component, as the
        // real ones do), without loading it: what needs the component loads it by being seen.
        (meta.getAttribute("data-async-exports") || "").split(",").filter(Boolean).forEach(function (name) {
            standIns[name] = function () {
                var args = arguments;
                return loaded.then(function (real) { return real[name].apply(real, args); });
            };
        });

        function whenNear(element, then) {
            if (!element || !window.IntersectionObserver) { then(); return function () {}; }
            var observer = new window.IntersectionObserver(function (entries) {
                if (entries.some(function (entry) { return entry.isIntersecting; })) {
                    observer.disconnect();
                    then();
                }
            }, {rootMargin: MARGIN});
            observer.observe(element);
            return function () { observer.disconnect(); };
        }

        types.forEach(function (type) {
            function StandIn(props) {
                var React = window.React;
                var place = React.useRef(null);
                var drawn = React.useState(!!pkg.real);
                React.useEffect(function () {
                    if (pkg.real) { return undefined; }
                    var live = true;
                    pkg.mounted += 1;
                    loaded.then(function () { if (live) { drawn[1](true); } });
                    var stop = whenNear(place.current, load);
                    return function () {
                        live = false;
                        pkg.mounted -= 1;
                        stop();
                    };
                }, []);
                if (!drawn[0] || !pkg.real) {
                    var label = at(props, labelPath);
                    return React.createElement("div", {
                        ref: place,
                        id: typeof props.id === "string" ? props.id : undefined,
                        className: ((props.className || "") + " lazy-component-placeholder").trim(),
                        style: props.style,
                        "aria-busy": "true"
                    }, typeof label === "string" ? label : null);
                }
                return React.createElement(pkg.real[type], props);
            }
            StandIn.displayName = type;
            Object.defineProperty(StandIn, "_dashprivate_isLazyComponentReady", {
                get: function () {
                    if (pkg.real) { return readiness(type); }
                    // Not asked for yet: its callbacks run on its properties as they are.
                    return pkg.loading ? pkg.loading.then(function () { return readiness(type); }) : true;
                }
            });
            standIns[type] = StandIn;
        });
        window[namespace] = standIns;

        function loadWhenShown() {
            if (pkg.mounted > 0) { load(); }
        }
        var page = meta.getAttribute("data-page");
        if (location.hash.length > 1 && (!page || location.pathname.replace(/\/$/, "") === page)) {
            load();  // an address into the component: no wait for the page's other work
        }
        window.addEventListener("hashchange", loadWhenShown);
    }

    Array.prototype.forEach.call(
        document.querySelectorAll('meta[name^="' + PREFIX + '"]'),
        lazyPackage
    );
}());
