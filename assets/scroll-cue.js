/*
 * Tables (and pillar grids) wider than their panel scroll sideways inside it. A cue says so: the
 * content fades at each edge it can still scroll towards (data-scroll-cue="start end", styled in
 * 10-app.css), the panel takes keyboard focus (arrow keys scroll it) and screen readers hear
 * "scrolls sideways" (aria-describedby on one hidden line, outside the page's React tree). The
 * cue follows the panel's size and scrolling; data attributes, which Dash never sets, hold it.
 */
(function () {
    "use strict";

    var HINT_ID = "scroll-cue-hint";
    var HINTS = {en: "Scrolls sideways: more columns to the side.",
                 fr: "Défile horizontalement : d’autres colonnes sur le côté."};
    var SELECTOR = "main .table-responsive, main .chart-table-view, #pillars-published-table,"
        + " main [role='figure']";
    var watched = new WeakSet();
    var resizes = typeof ResizeObserver === "function" ? new ResizeObserver(function (entries) {
        entries.forEach(function (entry) { mark(entry.target); });
    }) : null;

    function hint() {
        var line = document.getElementById(HINT_ID);
        if (!line) {
            line = document.createElement("span");
            line.id = HINT_ID;
            line.className = "visually-hidden";
            line.textContent = HINTS[document.documentElement.lang] || HINTS.en;
            document.body.appendChild(line);
        }
        return line;
    }

    function mark(panel) {
        var overflow = getComputedStyle(panel).overflowX;
        var scrolls = (overflow === "auto" || overflow === "scroll") && panel.scrollWidth > panel.clientWidth + 1;
        if (!scrolls) {
            if (panel.hasAttribute("data-scroll-cue")) {
                panel.removeAttribute("data-scroll-cue");
                if (panel.dataset.scrollCueFocus) { panel.removeAttribute("tabindex"); }
                panel.removeAttribute("aria-describedby");
            }
            return;
        }
        var edges = [];
        if (panel.scrollLeft > 1) { edges.push("start"); }
        if (panel.scrollLeft + panel.clientWidth < panel.scrollWidth - 1) { edges.push("end"); }
        panel.setAttribute("data-scroll-cue", edges.join(" ") || "none");
        if (!panel.hasAttribute("tabindex")) { panel.setAttribute("tabindex", "0"); panel.dataset.scrollCueFocus = "1"; }
        panel.setAttribute("aria-describedby", hint().id);
    }

    function scan() {
        document.querySelectorAll(SELECTOR).forEach(function (panel) {
            if (!watched.has(panel)) {
                watched.add(panel);
                panel.addEventListener("scroll", function () { mark(panel); }, {passive: true});
                if (resizes) { resizes.observe(panel); }
            }
            mark(panel);
        });
    }

    var pending = false;
    function later() {
        if (pending) { return; }
        pending = true;
        window.requestAnimationFrame(function () { pending = false; scan(); });
    }
    new MutationObserver(later).observe(document.documentElement, {childList: true, subtree: true});
    window.addEventListener("resize", later);
    window.addEventListener("load", later);
}());
