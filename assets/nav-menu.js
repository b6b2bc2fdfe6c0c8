/*
 * Menus of the menu bar are native disclosures (<details class="nav-menu">): the browser opens
 * and closes them with a click, Enter or Space and tells screen readers their state. Like any
 * menu they also close with Escape (focus goes back to the menu's button), when a click or the
 * keyboard focus goes elsewhere, and once one of their links is chosen.
 */
(function () {
    "use strict";

    function closeMenus(keep) {
        document.querySelectorAll("details.nav-menu[open]").forEach(function (menu) {
            if (!keep || !menu.contains(keep)) { menu.open = false; }
        });
    }

    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") { return; }
        var menu = document.activeElement && document.activeElement.closest("details.nav-menu[open]");
        if (menu) { menu.querySelector("summary").focus(); }
        closeMenus(null);
    });
    document.addEventListener("click", function (event) {
        var target = event.target instanceof Element ? event.target : null;
        closeMenus(target && !target.closest("details.nav-menu a") ? target : null);
    });
    document.addEventListener("focusin", function (event) {
        closeMenus(event.target instanceof Element ? event.target : null);
    });
}());
