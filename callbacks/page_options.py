"""Each page's options value: the one callback that writes it, from the address or the controls.

A change of address (first load, Back, Forward, a pasted link) sets the options and the
controls; a change of a control sets the options and the address. Both go through the page's
``OptionTable.parse``. The address holds the shell's filters and language and this page's
options that differ from their defaults, nothing else; tidying it after a load replaces the
history entry instead of adding one.
"""

from __future__ import annotations

import json

from dash import ALL, Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.auth.policy import VIEWING
from dashboard.common.options import OptionEnv, OptionTable, page_search, url_write
from dashboard.common.pages import Site
from dashboard.common.urlstate import as_text, query_params
from dashboard.common.wiring import declare
from dashboard.i18n import normalise_language
from dashboard.selection import Selection
from dashboard.store.context import AppContext


def sync_page_options(
    context: AppContext,
    table: OptionTable,
    triggered: object,
    address: object,
    lang: object,
    control_values: tuple,
    current: object,
    location_search: object = None,
) -> tuple:
    """The page's options store, its controls and the address, from whichever changed.

    ``address`` is the page's copy of the address, refreshed when the address changes in a way
    that may concern the page's options (see ``COPY_ADDRESS_JS``); ``location_search`` is the
    address bar's query string now, on which a change of a control is written (the copy can be
    older: the shell's own write of a filter change is not copied).

    Returns:
        (store data, *control values, address to write), ``no_update`` for what stays.
    Raises:
        PreventUpdate: the address names another page (this page is being left).
    """
    if not isinstance(address, dict) or address.get("path") != table.path:
        raise PreventUpdate
    from_url = triggered in (None, table.address_store_id)
    search = as_text(
        address.get("search") if from_url or location_search is None else location_search
    )
    pathname = table.path
    current = current if isinstance(current, dict) else {}
    # Options may depend on the data under the filters (the groups a page compares): the filters
    # are the address's, the same the shell's selection store is written from.
    env = OptionEnv(
        context.catalog,
        context.settings,
        context.cursor(),
        normalise_language(lang),
        Selection.from_query_string(search, context.catalog),
    )
    if from_url:
        parsed = table.parse(query_params(as_text(search)), env)
    else:
        parsed = table.parse(table.params_from_controls(control_values), env, fallback=current)
    controls = [
        no_update if value == shown else value
        for value, shown in zip(table.control_values(parsed, env), control_values, strict=True)
    ]
    new_search = page_search(search, table, parsed)
    # A control set to the options the store already holds is no person's new choice: the page's
    # chart callback following the filters wrote both (``follows_filters``); the address is then
    # tidied in place, not given a new history entry.
    replace = from_url or parsed.texts == current
    write = (
        url_write(new_search, pathname, replace=replace)
        if new_search != as_text(search)
        else no_update
    )
    return (parsed.texts if parsed.texts != current else no_update, *controls, write)


TIDY_JS = """
function (tidies) {
    const noUpdate = window.dash_clientside.no_update;
    const tidy = (tidies || []).find(Boolean);
    const here = window.location;
    const path = here.pathname.replace(/\\/+$/, '') || '/';
    if (!tidy || tidy.path !== path || tidy.from !== here.search) { return noUpdate; }
    window.history.replaceState(window.history.state, '', here.origin + here.pathname + tidy.search + here.hash);
    // The location component reads the tidied address as after a link: no new entry.
    window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
    return tidy.search;
}
"""

URL_WRITE_JS = """
function (shellWrite, pageWrites) {
    const noUpdate = window.dash_clientside.no_update;
    const trigger = window.dash_clientside.callback_context.triggered_id;
    const write = (trigger && typeof trigger === 'object') ? (pageWrites || []).find(Boolean) : shellWrite;
    if (!write || typeof write.search !== 'string') { return [noUpdate, noUpdate]; }
    // Each write is applied once: a page drawn again (a change of language) changes the list of
    // page write stores, which calls this again with the write of an earlier change still held.
    const applied = window._euiomAppliedWrites = window._euiomAppliedWrites || new WeakSet();
    if (applied.has(write)) { return [noUpdate, noUpdate]; }
    applied.add(write);
    const here = window.location;
    const path = here.pathname.replace(/\\/+$/, '') || '/';
    if (write.path !== path || write.search === here.search) { return [noUpdate, noUpdate]; }
    const href = here.origin + here.pathname + write.search + here.hash;
    window._euiomLastWrite = write.search;  // the app's own address: COPY_ADDRESS_JS
    if (write.replace) {
        window.history.replaceState(window.history.state, '', href);
    }
    return [write.search, href];
}
"""


COPY_ADDRESS_JS = """
function (search, pathname, previous, selectionStamp, optionsStamp) {
    const PARAMS = %(params)s, FOLLOWS_FILTERS = %(follows)s;
    const copy = {
        search: typeof search === 'string' ? search : '',
        path: ((typeof pathname === 'string' && pathname) || '/').replace(/\\/+$/, '') || '/'
    };
    const own = (query) => {
        const values = new URLSearchParams(query);
        return JSON.stringify(PARAMS.map((param) => values.getAll(param)));
    };
    // The app's own write (a filter change written by the shell) that keeps this page's options
    // in the address as they are: the options are already in step (on a page whose options follow
    // the filters, unless they changed with the filters: then the address still needs tidying).
    if (previous && previous.path === copy.path && copy.search === window._euiomLastWrite
            && own(previous.search) === own(copy.search)
            && !(FOLLOWS_FILTERS && optionsStamp > selectionStamp)) {
        return window.dash_clientside.no_update;
    }
    return copy;
}
"""


def copy_address_js(table: OptionTable) -> str:
    """The page's address copier, with the page's own address parameters."""
    return COPY_ADDRESS_JS % {
        "params": json.dumps(list(table.params)),
        "follows": "true" if table.follows_filters else "false",
    }


def _trigger(table: OptionTable) -> object:
    """What changed: the address when it did (Back, Forward and a link change the address and the
    filters in the same round, and the address decides), else the first trigger."""
    if table.address_store_id in ctx.triggered_prop_ids.values():
        return table.address_store_id
    return ctx.triggered_id


def register(app: Dash, context: AppContext, site: Site) -> None:
    """Wire one options callback per page of ``site`` that has options, and the clientside address writer."""
    for table in site.option_tables().values():
        # The layout holds the address it was drawn from; a later change (Back, Forward, a link,
        # a control's write) is copied here, in the browser; the shell's write of a filter change
        # is not, when the page's options stay as they are (one round of requests less per
        # filter change). Not on load: see layouts.page_options. Its stamps tell whether the
        # options changed since the filters did (on a page whose options follow the filters, the
        # charts' answer writes them; the options callback, called by the controls it sets, then
        # tidies the address in place).
        app.clientside_callback(
            copy_address_js(table),
            Output(table.address_store_id, "data"),
            Input(ids.URL, "search"),
            Input(ids.URL, "pathname"),
            State(table.address_store_id, "data"),
            State(ids.SELECTION_STORE, "modified_timestamp"),
            State(table.store_id, "modified_timestamp"),
            prevent_initial_call=True,
        )
        # A page whose options follow the filters (``follows_filters``) has them parsed again by its
        # chart callback, in the answer that draws its charts (one request per filter change, not
        # an options answer the charts wait for): that callback writes the store too (a duplicate
        # here) and sets the controls that change.
        declare(
            app,
            Output(table.store_id, "data", allow_duplicate=table.follows_filters),
            *[Output(component, prop) for component, prop in table.controls],
            Output(table.url_write_store_id, "data"),
            Input(table.address_store_id, "data"),
            *[Input(component, prop) for component, prop in table.controls],
            State(ids.LANGUAGE_STORE, "data"),
            State(table.store_id, "data"),
            State(ids.URL, "search"),
            prevent_initial_call=True,
            pure=True,
            needs=VIEWING,
        )(
            lambda address, *rest, table=table: sync_page_options(
                context,
                table,
                _trigger(table),
                address,
                rest[-3],
                rest[: len(table.controls)],
                rest[-2],
                rest[-1],
            )
        )
    # The tidied address of a page just drawn replaces the history entry. It writes no property
    # of the location component (the component reads the new address itself), so the charts
    # never wait for it.
    app.clientside_callback(
        TIDY_JS,
        Output(ids.PAGE_TIDY_SINK, "data"),
        Input({"type": ids.PAGE_TIDY_STORE, "page": ALL}, "data"),
    )
    # A "replace" write first swaps the history entry, so the location component sees no change
    # to push; a person's change is pushed as one new entry (search and href agree, so the
    # location component pushes once).
    app.clientside_callback(
        URL_WRITE_JS,
        Output(ids.URL, "search", allow_duplicate=True),
        Output(ids.URL, "href", allow_duplicate=True),
        Input(ids.URL_WRITE_STORE, "data"),
        Input({"type": ids.PAGE_URL_WRITE_STORE, "page": ALL}, "data"),
        prevent_initial_call=True,
    )
