"""The shell's "download all data" links and every chart's Embed snippet follow the address."""

from __future__ import annotations

import json

from dash import ALL, MATCH, Dash, Input, Output, State, ctx

from callbacks.open_views import REFRESH_OPEN_VIEWS_JS
from dashboard import ids
from dashboard.api.links import embed_snippet, origin_of
from dashboard.api.params import FILTER_PARAMS
from dashboard.auth.policy import READING_THE_ADDRESS
from dashboard.common.charts import ChartSpec
from dashboard.common.pages import Site
from dashboard.common.wiring import declare
from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES, normalise_language, t
from dashboard.settings import Settings
from dashboard.store.context import AppContext


def all_option_params(site: Site) -> list[str]:
    """Every page option the zip accepts."""
    return sorted({name for table in site.option_tables().values() for name in table.params})


def option_params(site: Site, chart: ChartSpec) -> tuple[str, ...]:
    """The options of the chart's page."""
    table = site.option_tables().get(chart.page)
    return table.params if table is not None else ()


OPEN_DATA_LINKS_JS = """
function (search, lang) {
    const KEEP = %(keep)s, LANGUAGES = %(languages)s, DEFAULT = %(default)s;
    const noUpdate = window.dash_clientside.no_update;
    if (!window.euiomLinks) { return [noUpdate, noUpdate, noUpdate]; }
    const language = (typeof lang === 'string' && LANGUAGES.includes(lang)) ? lang : DEFAULT;
    const query = (extra) => window.euiomLinks.query(search, KEEP, [['lang', language], ...extra]);
    return [
        '/api/v1/download.zip' + query([]),
        '/api/v1/download.zip' + query([['hxl', '1']]),
        '/api/v1/docs?lang=' + language,
    ];
}
"""


def open_data_links_js(site: Site) -> str:
    """The open-data links' hrefs, built in the browser from the address and the language
    (``assets/address-links.js``): the zip of every table (plain and with HXL hashtags) for the
    address's filters and page options, the API page in the language; the rule of
    ``dashboard.api.links.api_search``, which embed snippets use on the server."""
    return OPEN_DATA_LINKS_JS % {
        "keep": json.dumps(sorted({*FILTER_PARAMS, *all_option_params(site)})),
        "languages": json.dumps(list(LANGUAGES)),
        "default": json.dumps(DEFAULT_LANGUAGE),
    }


def embed_note(settings: Settings, lang: str) -> str:
    """Where the snippet works: on the partner sites ``EUIOM_EMBED_ORIGINS`` lists, or (none listed)
    only on this dashboard's own pages, browsers refusing the frame elsewhere; with sign-in on,
    only for people signed in to this dashboard."""
    if settings.embed_origins:
        note = t("api.embed.note.origins", lang, origins=", ".join(settings.embed_origins))
    else:
        note = t("api.embed.note.no_origins", lang)
    if settings.auth_mode != "open":
        note += " " + t("api.embed.note.sign_in", lang)
    return note


def toggle_embed(
    site: Site,
    settings: Settings,
    clicks: int | None,
    search: str | None,
    href: str | None,
    lang: str | None,
) -> tuple:
    """Show or hide a chart's embed snippet, written for the current filters, options and language,
    with where it works."""
    is_open = isinstance(clicks, int) and not isinstance(clicks, bool) and clicks % 2 == 1
    if not is_open:
        return True, "", "", "false"
    chart = site.charts().get(ctx.outputs_list[0]["id"].get("chart", ""))
    if chart is None:
        return True, "", "", "false"
    lang = normalise_language(lang)
    snippet = embed_snippet(
        origin_of(href),
        chart.key,
        search,
        option_params(site, chart),
        lang,
        t(chart.title_key, lang),
    )
    return False, snippet, embed_note(settings, lang), "true"


# A shown snippet follows the address; a hidden one costs no request when the filters change.
def register(app: Dash, context: AppContext, site: Site) -> None:
    """Wire the links and the embed snippets."""
    # Built in the browser: a filter change asks the server nothing for them.
    app.clientside_callback(
        open_data_links_js(site),
        Output(ids.DOWNLOAD_ALL_LINK, "href"),
        Output(ids.DOWNLOAD_ALL_HXL_LINK, "href"),
        Output(ids.API_DOCS_LINK, "href"),
        Input(ids.URL, "search"),
        Input(ids.LANGUAGE_STORE, "data"),
    )
    app.clientside_callback(
        REFRESH_OPEN_VIEWS_JS,
        Output({"type": ids.EMBED_REFRESH, "chart": ALL}, "data"),
        Input(ids.URL, "search"),
        State({"type": ids.EMBED_VIEW, "chart": ALL}, "hidden"),
        prevent_initial_call=True,
    )
    declare(
        app,
        Output({"type": ids.EMBED_VIEW, "chart": MATCH}, "hidden"),
        Output({"type": ids.EMBED_SNIPPET, "chart": MATCH}, "value"),
        Output({"type": ids.EMBED_NOTE, "chart": MATCH}, "children"),
        Output({"type": ids.EMBED_BUTTON, "chart": MATCH}, "aria-expanded"),
        Input({"type": ids.EMBED_BUTTON, "chart": MATCH}, "n_clicks"),
        Input({"type": ids.EMBED_REFRESH, "chart": MATCH}, "data"),
        State(ids.URL, "search"),
        State(ids.URL, "href"),
        State(ids.LANGUAGE_STORE, "data"),
        prevent_initial_call=True,
        pure=True,
        needs=READING_THE_ADDRESS,
    )(
        lambda clicks, _refresh, search, href, lang: toggle_embed(
            site, context.settings, clicks, search, href, lang
        )
    )
