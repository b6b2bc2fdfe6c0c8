"""Shell callbacks: routing, filters and language <-> URL <-> stores, shell text, navigation links.

Routing is the one place a callback module calls layouts: it renders the page the URL names.
"""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import parse_qsl, urlsplit

from dash import ALL, Dash, Input, Output, State, ctx, html, no_update
from flask import current_app

from callbacks.charts import fill_layout, plain
from callbacks.exports import OPTIONS_STORES, export_footers
from dashboard import ids
from dashboard.auth import Permission, current_user, disclosure_mode
from dashboard.auth.local import how_to_get
from dashboard.auth.policy import READING_THE_ADDRESS, VIEWING
from dashboard.common.data_kinds import page_kind_texts
from dashboard.common.describe import filter_summary
from dashboard.common.html_block import HTML_BLOCK, HTML_BLOCK_SINK, INNER_HTML_JS
from dashboard.common.options import SHELL_KEYS, url_write
from dashboard.common.pages import PageContext, Site
from dashboard.common.shell_text import (
    FILTER_CONTROLS,
    account_text,
    imports_locally,
    nav_link_id,
    shell_texts,
)
from dashboard.common.urlstate import (
    LANGUAGE_KEY,
    as_text,
    language_from,
    query_params,
    replace_params,
)
from dashboard.common.wiring import declare
from dashboard.i18n import LANGUAGES, normalise_language, t
from dashboard.selection import URL_KEYS, Selection
from dashboard.store.context import AppContext

FILTER_FIELDS = tuple(
    (name, component)
    for name, component in zip(
        ("regions", "statuses", "actions", "countries", "pillars", "period_start", "period_end"),
        (control[0] for control in FILTER_CONTROLS),
        strict=True,
    )
)
FIELD_LABEL_KEYS = {
    "regions": "filters.region",
    "statuses": "filters.status",
    "actions": "filters.action",
    "countries": "filters.country",
    "pillars": "filters.pillar",
    "period_start": "filters.period_start",
    "period_end": "filters.period_end",
}


def render_page(
    context: AppContext, site: Site, pathname: str | None, search: str | None, lang: str
) -> object:
    """The layout of the page of ``site`` at ``pathname``, or a not-found message."""
    page = site.page_for_path(pathname)
    if page is None:
        return html.P(t("error.page_not_found", lang), className="lead")
    # Viewing is checked for every request; a page needing more is refused by the callback guard
    # first, and is never rendered here for a user without its permission either.
    user = current_user()
    if page.permission != Permission.VIEW and not user.can(page.permission):
        advice = how_to_get(page.permission, context.settings, user.name, lang)
        return html.Div(
            [
                html.P(t("auth.forbidden", lang), className="lead"),
                *([html.P(advice, id="page-forbidden-advice")] if advice else []),
            ]
        )
    page_context = PageContext(
        lang=lang,
        catalog=context.catalog,
        settings=context.settings,
        cursor=context.cursor(),
        params=query_params(search),
        search=as_text(search),
        charts=page.charts,
    )
    layout = page.layout(page_context)
    if not page.charts and not page.extras:
        return layout
    # The charts of the address, in the layout: no round of requests before they draw. A chart
    # that fails leaves the page itself standing, its charts empty, as a failed chart callback did.
    selection = Selection.from_query_string(as_text(search), context.catalog)
    try:
        return fill_layout(page, context, layout, selection, lang)
    except Exception:  # noqa: BLE001 (logged; the page is still shown)
        current_app.logger.exception("first figures of %s", page.path)
        return page.layout(page_context)


def address_in_language(search: str | None, lang: str, default: str) -> str:
    """The address as the shell writes it for ``lang``: the page drawn for a change of language
    holds the address with that language, not the one read before the shell's write landed.

    A change of language redraws the page (the routing callback follows the language store) and
    writes the address (the shell's filter callback) in the same round; the routing request may
    read the address before the write, and the page's copy of it (``layouts.page_options``) then
    lacked ``lang``, so the next change of a page option wrote an address without it.
    """
    shell_keys = set(URL_KEYS.values())
    filters = [
        (key, value) for key, value in parse_qsl(as_text(search).lstrip("?")) if key in shell_keys
    ]
    language_items = [(LANGUAGE_KEY, lang)] if lang != default else []
    return replace_params(search, [*URL_KEYS.values(), LANGUAGE_KEY], [*filters, *language_items])


def route(
    context: AppContext, site: Site, pathname: str | None, lang: str, search: str | None
) -> object:
    """The routing callback: the page at ``pathname`` in ``lang``, for the address the shell writes."""
    if ctx.triggered_id == ids.LANGUAGE_STORE and lang in LANGUAGES:
        search = address_in_language(search, lang, context.settings.language)
    # As plain data (its figures as dicts): Dash then writes the answer with orjson, not with
    # plotly's pure-Python pass over every number of every figure.
    return plain(render_page(context, site, pathname, search, lang))


def dropped_notice(selection: Selection, bad_language: str | None, lang: str) -> tuple[str, bool]:
    """The notice text listing ignored URL values, and whether to show it."""
    items = [
        t("notice.dropped_item", lang, field=t(FIELD_LABEL_KEYS[d.field], lang), value=d.value)
        for d in selection.dropped
    ]
    if bad_language:
        items.append(
            t("notice.dropped_item", lang, field=t("nav.language", lang), value=bad_language)
        )
    if not items:
        return "", False
    return t("notice.dropped", lang, items=t("list.separator", lang).join(items)), True


def sync_filters_and_url(
    context: AppContext,
    search: str | None,
    language_choice: str | None,
    current_selection: dict | None,
    current_lang: str | None,
    filter_values: tuple,
    pathname: str | None = "/",
) -> tuple:
    """Keep filters, language, URL and stores in step.

    On page load (or when the URL changes by navigation) the URL sets the filters and language,
    dropping what it does not recognise with a notice (the tidied address replaces the history
    entry); when a filter, the reset button or the language switch changes, the URL follows (a
    new history entry, so Back undoes it).
    """
    catalog = context.catalog
    search = as_text(search)
    triggered = ctx.triggered_id
    from_url = triggered in (None, ids.URL)
    lang, bad_language = language_from(search, context.settings.language)
    if triggered == ids.LANGUAGE_SELECT and language_choice in LANGUAGES:
        lang = language_choice
    if triggered == ids.FILTER_RESET:
        selection = Selection()
    elif from_url:
        selection = Selection.from_query_string(search, catalog)
    else:
        raw = {name: value for (name, _), value in zip(FILTER_FIELDS, filter_values, strict=True)}
        selection = Selection.from_raw(raw, catalog)
    language_items = [(LANGUAGE_KEY, lang)] if lang != context.settings.language else []
    new_search = replace_params(
        search, [*URL_KEYS.values(), LANGUAGE_KEY], [*selection.to_query_items(), *language_items]
    )
    notice, show_notice = dropped_notice(selection, bad_language, lang) if from_url else ("", False)
    values = tuple(
        list(value) if isinstance(value := getattr(selection, name), tuple) else value
        for name, _ in FILTER_FIELDS
    )
    write = (
        url_write(new_search, pathname, replace=from_url)
        if new_search != (search or "")
        else no_update
    )
    return (
        write,
        *(values if from_url or triggered == ids.FILTER_RESET else [no_update] * len(values)),
        selection.to_dict() if selection.to_dict() != current_selection else no_update,
        lang if lang != current_lang else no_update,
        lang if from_url else no_update,
        notice if show_notice else no_update,
        True if show_notice else no_update,
    )


def translate_shell(context: AppContext, site: Site, lang: str | None) -> list[object]:
    """Every shell text in ``lang``, in the order of the outputs."""
    return list(
        shell_texts(
            context.catalog,
            lang or context.settings.language,
            context.imported_files,
            pages=site.pages,
            local_import=imports_locally(current_user()),
        ).values()
    )


def translate_account(context: AppContext, lang: str | None) -> str:
    """Who is signed in, in ``lang`` (answered afresh for every request: it names the user)."""
    return account_text(current_user(), lang or context.settings.language)


def update_pillar_hint(site: Site, pathname: str | None, lang: str) -> tuple[bool, str]:
    """The pillar filter does not apply to survey scores: disable it there and say why."""
    page = site.page_for_path(pathname)
    if page is not None and page.key == "sustainability":
        return True, t("filters.pillar_not_applicable", lang)
    return False, t("pillars.mapped_note", lang)


def update_print_header(
    context: AppContext,
    site: Site,
    selection_data: dict | None,
    lang: str | None,
    pathname: str | None,
    href: str | None,
    today: dt.date | None = None,
) -> list:
    """The brief's print-only header for the current page, filters and language."""
    lang = normalise_language(lang)
    page = site.page_for_path(pathname)
    page_title = t(page.nav_key, lang) if page else t("app.title", lang)
    selection = Selection.from_raw(selection_data or {}, context.catalog)
    return site.print_header(
        page_title,
        (today or dt.date.today()).isoformat(),
        as_text(href),
        filter_summary(selection, context.catalog, lang),
        page_kind_texts(
            page.key if page else None,
            context.catalog,
            context.imported_files,
            lang,
            exact_survey=disclosure_mode(context.settings) == "exact",
        ),
        lang,
    )


def address_selection(context: AppContext, href: str | None) -> dict:
    """The filters an address names, as the shell's selection store holds them."""
    query = urlsplit(as_text(href)).query
    return Selection.from_query_string(query, context.catalog).to_dict()


def describe_view(
    context: AppContext,
    site: Site,
    lang: str | None,
    pathname: str | None,
    href: str | None,
    options_stores: object,
) -> tuple[list, dict]:
    """What describes the view at the address: the brief's print header and the image downloads'
    footers (``callbacks.exports.export_footers``), both with the filters the address names (the
    shell writes it from the same selection as its store) and the page's options from its store."""
    selection = address_selection(context, href)
    return (
        update_print_header(context, site, selection, lang, pathname, href),
        export_footers(context, site, selection, options_stores, lang, pathname),
    )


def nav_links_js(site: Site) -> str:
    """The nav links' hrefs, built in the browser from the address (``assets/address-links.js``):
    every page's path with the address's filters and language, not the page's own options
    (``dashboard.common.options.shell_search``, the same rule on the server)."""
    return NAV_LINKS_JS % {
        "paths": json.dumps([page.path for page in site.pages]),
        "keep": json.dumps(sorted(SHELL_KEYS)),
    }


NAV_LINKS_JS = """
function (search) {
    const PATHS = %(paths)s, KEEP = %(keep)s;
    if (!window.euiomLinks) { return PATHS.map(() => window.dash_clientside.no_update); }
    const query = window.euiomLinks.query(search, KEEP, []);
    return PATHS.map((path) => path + query);
}
"""


PRINT_JS = """
function (clicks) {
    if (!clicks) { return window.dash_clientside.no_update; }
    window.print();
    return clicks;
}
"""


TOGGLE_MENU_JS = """
function (clicks, isOpen) {
    return [!isOpen, !isOpen ? 'true' : 'false'];
}
"""

TOGGLE_FILTERS_JS = """
function (clicks, isOpen) {
    // Open by default on wide screens, collapsed on phones; the button toggles.
    const open = clicks ? !isOpen : window.matchMedia('(min-width: 768px)').matches;
    return [open, open ? 'true' : 'false'];
}
"""


def register(app: Dash, context: AppContext, site: Site) -> None:
    """Wire the shell callbacks for the pages of ``site``."""
    declare(
        app,
        Output(ids.PAGE_CONTENT, "children"),
        Input(ids.URL, "pathname"),
        Input(ids.LANGUAGE_STORE, "data"),
        State(ids.URL, "search"),
        pure=True,
        needs=READING_THE_ADDRESS,
    )(lambda pathname, lang, search: route(context, site, pathname, lang, search))
    declare(
        app,
        Output(ids.URL_WRITE_STORE, "data", allow_duplicate=True),
        *[Output(component, "value") for _, component in FILTER_FIELDS],
        Output(ids.SELECTION_STORE, "data"),
        Output(ids.LANGUAGE_STORE, "data"),
        Output(ids.LANGUAGE_SELECT, "value"),
        Output(ids.URL_NOTICE, "children"),
        Output(ids.URL_NOTICE, "is_open"),
        Input(ids.URL, "search"),
        Input(ids.FILTER_RESET, "n_clicks"),
        Input(ids.LANGUAGE_SELECT, "value"),
        *[Input(component, "value") for _, component in FILTER_FIELDS],
        State(ids.SELECTION_STORE, "data"),
        State(ids.LANGUAGE_STORE, "data"),
        State(ids.URL, "pathname"),
        prevent_initial_call="initial_duplicate",
        pure=True,
        needs=READING_THE_ADDRESS,
    )(
        lambda search, _reset, language_choice, *rest: sync_filters_and_url(
            context, search, language_choice, rest[-3], rest[-2], rest[:-3], rest[-1]
        )
    )
    text_targets = list(
        shell_texts(context.catalog, context.settings.language, [], pages=site.pages).keys()
    )
    declare(
        app,
        [Output(component, prop) for component, prop in text_targets],
        Input(ids.LANGUAGE_STORE, "data"),
        prevent_initial_call=True,
        pure=True,
        needs=VIEWING,
    )(lambda lang: translate_shell(context, site, lang))
    # Not pure: it names the signed-in user, whom the cache key does not hold.
    declare(
        app,
        Output(ids.ACCOUNT_USER, "children"),
        Input(ids.LANGUAGE_STORE, "data"),
        prevent_initial_call=True,
        pure=False,
        needs=VIEWING,
    )(lambda lang: translate_account(context, lang))
    app.clientside_callback(
        "function (lang) { document.documentElement.lang = lang || 'en'; return lang; }",
        Output(ids.DOCUMENT_LANGUAGE_SINK, "data"),
        Input(ids.LANGUAGE_STORE, "data"),
    )
    # Built in the browser: a filter change asks the server nothing for them.
    app.clientside_callback(
        nav_links_js(site),
        [Output(nav_link_id(page.key), "href") for page in site.pages],
        Input(ids.URL, "search"),
    )
    declare(
        app,
        Output(ids.FILTER_PILLAR, "disabled"),
        Output(ids.FILTER_PILLAR_HINT, "children"),
        Input(ids.URL, "pathname"),
        Input(ids.LANGUAGE_STORE, "data"),
        pure=True,
        needs=READING_THE_ADDRESS,
    )(lambda pathname, lang: update_pillar_hint(site, pathname, lang))
    # The filters are read from the address the header prints: one request when the filters
    # change, for the print header and the image footers together, not one for the selection
    # store and another when the address follows.
    declare(
        app,
        Output(ids.PRINT_HEADER, "children"),
        Output(ids.EXPORT_FOOTER_STORE, "data"),
        Input(ids.LANGUAGE_STORE, "data"),
        Input(ids.URL, "pathname"),
        Input(ids.URL, "href"),
        Input(OPTIONS_STORES, "data"),
        pure=True,
        needs=READING_THE_ADDRESS,
    )(
        lambda lang, pathname, href, options: describe_view(
            context, site, lang, pathname, href, options
        )
    )
    # Every HTML block a page's chart callback sends (a table as one string) put in its place, all
    # of a page in one call.
    app.clientside_callback(
        INNER_HTML_JS,
        Output({"type": HTML_BLOCK_SINK, "block": ALL}, "data"),
        Input({"type": HTML_BLOCK, "block": ALL}, "data"),
        State({"type": HTML_BLOCK, "block": ALL}, "id"),
    )
    app.clientside_callback(
        PRINT_JS,
        Output(ids.PRINT_SINK, "data"),
        Input(ids.PRINT_BUTTON, "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        TOGGLE_MENU_JS,
        Output(ids.NAV_COLLAPSE, "is_open"),
        Output(ids.NAV_TOGGLE, "aria-expanded"),
        Input(ids.NAV_TOGGLE, "n_clicks"),
        State(ids.NAV_COLLAPSE, "is_open"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        TOGGLE_FILTERS_JS,
        Output(ids.FILTER_COLLAPSE, "is_open"),
        Output(ids.FILTER_TOGGLE, "aria-expanded"),
        Input(ids.FILTER_TOGGLE, "n_clicks"),
        State(ids.FILTER_COLLAPSE, "is_open"),
    )
