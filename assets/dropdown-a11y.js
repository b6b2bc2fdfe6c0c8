/*
 * Dash 4's dcc.Dropdown takes keyboard focus on a proxy <input aria-hidden="true" tabindex="0">,
 * so screen readers land on a hidden element (axe: aria-hidden-focus). Give every proxy the
 * semantics of the control it stands for: a labelled combobox that mirrors the open state.
 */
(function () {
    "use strict";

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
        proxy.removeAttribute("aria-hidden");
        proxy.setAttribute("role", "combobox");
        proxy.setAttribute("aria-haspopup", "listbox");
        proxy.setAttribute("aria-expanded", trigger.getAttribute("aria-expanded") || "false");
        if (labelled.length) { proxy.setAttribute("aria-labelledby", labelled.join(" ")); }
        if (trigger.disabled) { proxy.setAttribute("aria-disabled", "true"); } else { proxy.removeAttribute("aria-disabled"); }
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
