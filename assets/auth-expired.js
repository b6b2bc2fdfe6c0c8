/* When the server answers a Dash request with 401 (the sign-in has expired), go to the sign-in
   page, coming back to the same view afterwards. Does nothing in the open mode (no 401 there). */
(function () {
    const originalFetch = window.fetch;
    window.fetch = function () {
        return originalFetch.apply(this, arguments).then(function (response) {
            if (response.status === 401 && response.url.indexOf('/_dash-') !== -1) {
                const next = window.location.pathname + window.location.search;
                window.location.assign('/auth/login?expired=1&next=' + encodeURIComponent(next));
            }
            return response;
        });
    };
})();
