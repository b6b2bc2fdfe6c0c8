/*
 * A link that differs from the open page only by its fragment (the EUTF explorer's search,
 * filters and sort: /pillars#q=...) is not a navigation: the browser changes the address and
 * fires "hashchange". dcc.Location reads the address on "popstate" and on Dash's own history
 * event only, and a browser need not fire "popstate" for a fragment pasted into the address bar:
 * on "hashchange" this sends Dash's history event, so the page reads the new fragment either way
 * (dcc.Location updates only what changed, so a second event changes nothing).
 */
(function () {
    "use strict";
    window.addEventListener("hashchange", function () {
        window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    });
}());
