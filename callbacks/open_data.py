"""The shell's "download all data" links and every chart's Embed snippet follow the address."""

from __future__ import annotations

from dash import MATCH, Dash, Input, Output, State, ctx

from dashboard import ids
from dashboard.api.links import download_all_href, embed_snippet, origin_of
from dashboard.auth.policy import READING_THE_ADDRESS, VIEWING
from dashboard.common.charts import ChartSpec
from dashboard.common.pages import Site
from dashboard.common.wiring import declare
from dashboard.i18n import normalise_language, t
from dashboard.settings import Settings
from dashboard.store.context import AppContext


def all_option_params(site: Site) -> list[str]:
    """Every page option the zip accepts."""
    return sorted({name for table in site.option_tables().values() for name in table.params})


def option_params(site: Site, chart: ChartSpec) -> tuple[str, ...]:
    """The options of the chart's page."""
    table = site.option_tables().get(chart.page)
    return table.params if table is not None else ()


def update_open_data_links(
    options: list[str], search: str | None, lang: str | None
) -> tuple[str, str, str]:
    """The zip (plain and with HXL hashtags) for the address's filters and page ``options``, and the
    API page, in the language."""
    lang = normalise_language(lang)
    return (
        download_all_href(search, options, lang),
        download_all_href(search, options, lang, hxl=True),
        f"/api/v1/docs?lang={lang}",
    )


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
REFRESH_WHEN_SHOWN_JS = """
function (search, hidden) {
    return hidden === false ? Date.now() : window.dash_clientside.no_update;
}
"""


def register(app: Dash, context: AppContext, site: Site) -> None:
    """Wire the links and the embed snippets."""
    options = all_option_params(site)
    declare(
        app,
        Output(ids.DOWNLOAD_ALL_LINK, "href"),
        Output(ids.DOWNLOAD_ALL_HXL_LINK, "href"),
        Output(ids.API_DOCS_LINK, "href"),
        Input(ids.URL, "search"),
        Input(ids.LANGUAGE_STORE, "data"),
        pure=True,
        needs=VIEWING,
    )(lambda search, lang: update_open_data_links(options, search, lang))
    app.clientside_callback(
        REFRESH_WHEN_SHOWN_JS,
        Output({"type": ids.EMBED_REFRESH, "chart": MATCH}, "data"),
        Input(ids.URL, "search"),
        State({"type": ids.EMBED_VIEW, "chart": MATCH}, "hidden"),
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
