/*
 * Links that carry the address's parameters (the nav links, the "download all data" links), built
 * in the browser from the address: no request to the server when the filters change.
 *
 * ``window.euiomLinks.query(search, names, extra)`` is the query string the server would write
 * from the same address: the pairs of ``search`` whose name is in ``names``, in their order, then
 * the ``extra`` pairs that have a value, read as Python's ``urllib.parse.parse_qsl`` reads them
 * (blank values and names without "=" dropped) and written as ``urlencode(pairs, safe=",")``
 * writes them (``dashboard.common.options.shell_search``, ``dashboard.api.links.api_search``);
 * tests/test_address_links_browser.py compares the two on hostile addresses.
 *
 * Values are decoded by URLSearchParams and encoded by encodeURIComponent only: whatever an
 * address holds comes back as text inside a query string, never as markup or another address.
 */
(function () {
    "use strict";

    // quote_plus(text, safe=","): letters, digits, "_.-~" and "," as they are, a space as "+".
    function quote(text) {
        return encodeURIComponent(text)
            .replace(/[!'()*]/g, function (c) {
                return "%" + c.charCodeAt(0).toString(16).toUpperCase();
            })
            .replace(/%20/g, "+")
            .replace(/%2C/g, ",");
    }

    // A character outside ASCII as the bytes of its UTF-8 escapes (what the browser's own address
    // holds anyway): every engine then decodes the part byte by byte alike.
    function escapeWide(run) {
        return encodeURIComponent(run.toWellFormed ? run.toWellFormed() : run);
    }

    // parse_qsl(query) with the leading "?"s stripped: one pair per "&"-separated part that has a
    // "=" and a value; "+" a space, %XX a byte, bytes read as UTF-8 with U+FFFD for bad ones
    // (URLSearchParams does exactly that; the "&" in front keeps a part's own leading "?").
    function pairs(search) {
        var query = (typeof search === "string" ? search : "")
            .replace(/^\?+/, "")
            .replace(/[^\x00-\x7f]+/g, escapeWide);
        var found = [];
        query.split("&").forEach(function (part) {
            var at = part.indexOf("=");
            if (at < 0 || at === part.length - 1) {
                return;
            }
            var entry = new URLSearchParams("&" + part).entries().next().value;
            if (entry) {
                found.push(entry);
            }
        });
        return found;
    }

    function query(search, names, extra) {
        var kept = pairs(search).filter(function (pair) {
            return names.indexOf(pair[0]) >= 0 && pair[1] !== "";
        });
        (extra || []).forEach(function (pair) {
            if (typeof pair[1] === "string" && pair[1] !== "") {
                kept.push(pair);
            }
        });
        return kept.length
            ? "?" + kept.map(function (pair) { return quote(pair[0]) + "=" + quote(pair[1]); }).join("&")
            : "";
    }

    window.euiomLinks = {query: query};
})();
