/*
 * Dash 4's dcc.Dropdown takes keyboard focus on a proxy <input aria-hidden="true" tabindex="0">,
 * so screen readers land on a hidden element (axe: aria-hidden-focus). Give every proxy the
 * semantics of the control it stands for: a labelled combobox that mirrors the open state.
 */
(function () {
    "use strict";

    // Only real changes: writing an attribute the observer below watches, even with the value it
    // already has, would wake the observer again, every animation frame, for as long as the page is open.
    function set(element, name, value) {
        if (element.getAttribute(name) !== value) { element.setAttribute(name, value); }
    }

    function unset(element, name) {
        if (element.hasAttribute(name)) { element.removeAttribute(name); }
    }

    function describe(proxy) {
        var wrapper = proxy.parentElement;
        var trigger = wrapper && wrapper.querySelector("button.dash-dropdown");
        if (!trigger || !trigger.id) { return; }
        var label = document.querySelector('label[for="' + CSS.escape(trigger.id) + '"]');
        var labelled = [];
        if (label) {
            if (!label.id) { label.id = trigger.id + "-label"; }
            labelled.push(label.id);
        }
        var value = document.getElementById(trigger.id + "-value");
        if (value) { labelled.push(value.id); }
        unset(proxy, "aria-hidden");
        set(proxy, "role", "combobox");
        set(proxy, "aria-haspopup", "listbox");
        set(proxy, "aria-expanded", trigger.getAttribute("aria-expanded") || "false");
        if (labelled.length) { set(proxy, "aria-labelledby", labelled.join(" ")); }
        if (trigger.disabled) { set(proxy, "aria-disabled", "true"); } else { unset(proxy, "aria-disabled"); }
    }

    function fixAll() {
        document.querySelectorAll("input.dash-dropdown-focus-target").forEach(describe);
    }

    var scheduled = false;
    new MutationObserver(function () {
        if (scheduled) { return; }
        scheduled = true;
        window.requestAnimationFrame(function () { scheduled = false; fixAll(); });
    }).observe(document.documentElement, {subtree: true, childList: true, attributes: true,
                                           attributeFilter: ["aria-expanded", "aria-hidden", "disabled"]});
    document.addEventListener("DOMContentLoaded", fixAll);
})();
