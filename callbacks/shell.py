"""Shell callbacks: routing, filters <-> URL <-> selection, navigation links, filter bar toggle."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, html, no_update

from dashboard import ids
from dashboard.context import AppContext
from dashboard.i18n import t
from dashboard.selection import URL_KEYS, Selection
from dashboard.urlstate import language_from, query_params, replace_params
from layouts.page_context import PageContext
from layouts.pages import PAGES, page_for_path

FILTER_FIELDS = (
    ("regions", ids.FILTER_REGION), ("statuses", ids.FILTER_STATUS), ("actions", ids.FILTER_ACTION),
    ("countries", ids.FILTER_COUNTRY), ("pillars", ids.FILTER_PILLAR),
    ("period_start", ids.FILTER_PERIOD_START), ("period_end", ids.FILTER_PERIOD_END),
)
FIELD_LABEL_KEYS = {
    "regions": "filters.region", "statuses": "filters.status", "actions": "filters.action",
    "countries": "filters.country", "pillars": "filters.pillar", "period_start": "filters.period_start",
    "period_end": "filters.period_end", "lang": "nav.language",
}


def render_page(context: AppContext, pathname: str | None, search: str | None, lang: str) -> object:
    """The layout of the page at ``pathname``, or a not-found message."""
    page = page_for_path(pathname)
    if page is None:
        return html.P(t("error.page_not_found", lang), className="lead")
    page_context = PageContext(lang=lang, catalog=context.catalog, settings=context.settings,
                               cursor=context.cursor(), params=query_params(search))
    return page.layout(page_context)


def dropped_notice(selection: Selection, bad_language: str | None, lang: str) -> tuple[str, bool]:
    """The notice text listing ignored URL values, and whether to show it."""
    items = [t("notice.dropped_item", lang, field=t(FIELD_LABEL_KEYS[d.field], lang), value=d.value)
             for d in selection.dropped]
    if bad_language:
        items.append(t("notice.dropped_item", lang, field=t("nav.language", lang), value=bad_language))
    if not items:
        return "", False
    return t("notice.dropped", lang, items="; ".join(items)), True


def sync_filters_and_url(context: AppContext, search: str | None, reset_clicks: int | None,
                         current_selection: dict | None, current_lang: str | None,
                         *filter_values: object) -> tuple:
    """Keep filters, URL and selection store in step.

    On page load (or when the URL changes by navigation) the URL sets the filters, dropping what
    it does not recognise with a notice; when a filter changes, the URL follows.
    """
    catalog = context.catalog
    lang, bad_language = language_from(search, context.settings.language)
    triggered = ctx.triggered_id
    if triggered == ids.FILTER_RESET:
        selection = Selection()
    elif triggered in (None, ids.URL):
        selection = Selection.from_query_string(search, catalog)
    else:
        raw = {name: value for (name, _), value in zip(FILTER_FIELDS, filter_values, strict=True)}
        selection = Selection.from_raw(raw, catalog)
    new_search = replace_params(search, URL_KEYS.values(), selection.to_query_items())
    notice, show_notice = dropped_notice(selection, bad_language, lang) if triggered in (None, ids.URL) else ("", False)
    values = tuple(
        list(getattr(selection, name)) if isinstance(getattr(selection, name), tuple) else getattr(selection, name)
        for name, _ in FILTER_FIELDS
    )
    return (
        new_search if new_search != (search or "") else no_update,
        *values,
        selection.to_dict() if selection.to_dict() != current_selection else no_update,
        lang if lang != current_lang else no_update,
        notice,
        show_notice if show_notice else no_update,
    )


def update_nav_links(search: str | None) -> list[str]:
    """Carry the filters and language across pages: every link keeps the query string."""
    return [page.path + (search or "") for page in PAGES]


def update_pillar_hint(pathname: str | None, lang: str) -> tuple[bool, str]:
    """The pillar filter does not apply to survey scores: disable it there and say why."""
    page = page_for_path(pathname)
    if page is not None and page.key == "sustainability":
        return True, t("filters.pillar_not_applicable", lang)
    return False, ""


def toggle_filters(clicks: int | None, is_open: bool) -> bool:
    """Open or close the filter bar on small screens."""
    return not is_open if clicks else is_open


def register(app: Dash, context: AppContext) -> None:
    """Wire the shell callbacks."""
    app.callback(
        Output(ids.PAGE_CONTENT, "children"),
        Input(ids.URL, "pathname"),
        Input(ids.LANGUAGE_STORE, "data"),
        State(ids.URL, "search"),
    )(lambda pathname, lang, search: render_page(context, pathname, search, lang))
    app.callback(
        Output(ids.URL, "search"),
        *[Output(component, "value") for _, component in FILTER_FIELDS],
        Output(ids.SELECTION_STORE, "data"),
        Output(ids.LANGUAGE_STORE, "data"),
        Output(ids.URL_NOTICE, "children"),
        Output(ids.URL_NOTICE, "is_open"),
        Input(ids.URL, "search"),
        Input(ids.FILTER_RESET, "n_clicks"),
        *[Input(component, "value") for _, component in FILTER_FIELDS],
        State(ids.SELECTION_STORE, "data"),
        State(ids.LANGUAGE_STORE, "data"),
    )(lambda search, reset, *rest: sync_filters_and_url(context, search, reset, rest[-2], rest[-1], *rest[:-2]))
    app.callback(
        [Output(f"shell-nav-{page.key}-link", "href") for page in PAGES],
        Input(ids.URL, "search"),
    )(update_nav_links)
    app.callback(
        Output(ids.FILTER_PILLAR, "disabled"),
        Output(ids.FILTER_PILLAR_HINT, "children"),
        Input(ids.URL, "pathname"),
        Input(ids.LANGUAGE_STORE, "data"),
    )(update_pillar_hint)
    app.callback(
        Output(ids.FILTER_COLLAPSE, "is_open"),
        Input(ids.FILTER_TOGGLE, "n_clicks"),
        State(ids.FILTER_COLLAPSE, "is_open"),
    )(toggle_filters)
