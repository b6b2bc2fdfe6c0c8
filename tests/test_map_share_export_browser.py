"""Browser tests of the map page for sharing and export: a copied link restores the view (filters,
colouring, provinces, open profile, language), data downloads hold what the charts show, images
download offline, the language switch relabels and reformats, and a phone-sized screen keeps the
map usable."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_helpers import assert_clean, block_button, csv_parts, download, excel_parts, settle
from test_map_browser import (
    GRAPH,
    PLOT,
    hover_text,
    open_map,
    screen_point,
    traces,
    wait_for_title,
)

from dashboard.i18n import t

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

TREND = "#map-trend-graph .js-plotly-plot"


def wait_for_trend(page) -> None:
    page.wait_for_function(
        f"() => document.querySelector('{TREND}') && document.querySelector('{TREND}').data"
        " && !document.querySelector('#map-trend-block').hidden"
    )


def trend_points(page) -> dict:
    return page.evaluate(
        f"() => {{ const gd = document.querySelector('{TREND}'); const trace = gd._fullData[0];"
        " return {x: Array.from(trace.x), y: Array.from(trace.y), title: gd.layout.title.text}; }"
    )


def choose_profile_by_keyboard(page, typed: str, expected: str) -> None:
    page.focus("#map-profile-country-dropdown")
    page.keyboard.press("Enter")
    page.wait_for_selector(".dash-dropdown-search", state="visible")
    page.keyboard.type(typed)
    page.wait_for_function(
        "(name) => [...document.querySelectorAll('[role=option]')].map(e => e.textContent)"
        ".join() === name",
        arg=expected,
    )
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")


def view_state(page) -> dict:
    """Controls, map, profile, trend and summaries of the page, for comparing two views."""
    return {
        "colour": page.input_value("#map-colour-radio input:checked"),
        "provinces": page.is_checked("#map-provinces-switch"),
        "chosen": page.inner_text("#map-profile-country-dropdown"),
        "traces": traces(page),
        "map_title": page.evaluate(f"() => document.querySelector('{PLOT}').layout.title.text"),
        "legend": page.eval_on_selector_all(
            f"{GRAPH} .legendtext", "nodes => nodes.map(n => n.textContent)"
        ),
        "profile": [
            page.inner_text(selector)
            for selector in ("#map-profile-title", "#map-profile-body", "#map-profile-published")
        ],
        "trend": trend_points(page),
        "summaries": [
            page.text_content("#map-summary-text"),
            page.text_content("#map-trend-summary"),
        ],
        "filters": page.inner_text("#filter-region-dropdown"),
        "heading": page.inner_text("#programme-map-heading"),
    }


def test_a_copied_link_restores_filters_colouring_provinces_profile_and_language(
    live_server, page, browser
):
    open_map(page, live_server.url + "/?region=WCA,EHOA&lang=fr")
    page.click("#map-colour-radio label:has-text('Région')")
    settle(page, "colour=region")
    page.focus("#map-provinces-switch")
    page.keyboard.press("Space")  # the province view by keyboard alone
    settle(page, "provinces=1")
    choose_profile_by_keyboard(page, "Ghana", "Ghana")
    settle(page, "profile=GHA")
    wait_for_title(page, "Ghana")
    wait_for_trend(page)
    original = view_state(page)
    link = page.url
    assert parse_qs(urlsplit(link).query) == {
        "region": ["EHOA,WCA"],
        "lang": ["fr"],
        "colour": ["region"],
        "provinces": ["1"],
        "profile": ["GHA"],
    }
    assert (
        original["colour"] == "region" and original["provinces"] and original["chosen"] == "Ghana"
    )
    assert original["trend"]["title"].startswith("Ghana\u202f: Migrants aidés au retour")
    assert "Afrique centrale et de l’Ouest" in original["legend"]

    fresh = browser.new_context(viewport={"width": 1400, "height": 1300})
    try:
        other = fresh.new_page()
        other.goto(link)
        wait_for_dash(other)
        other.wait_for_function(
            f"() => document.querySelectorAll('{GRAPH} .choroplethlocation').length === 28 + 34 + 1"
        )
        wait_for_title(other, "Ghana")
        wait_for_trend(other)
        assert view_state(other) == original
        assert parse_qs(urlsplit(other.url).query) == parse_qs(urlsplit(link).query)
        assert other.evaluate("document.documentElement.lang") == "fr"
    finally:
        fresh.close()
    assert_clean(page)


def test_a_link_whose_profile_is_outside_its_filters_opens_no_profile(live_server, page):
    open_map(page, live_server.url + "/?region=WCA&profile=LBY")
    page.wait_for_function("() => !location.search.includes('profile=')")
    wait_for_dash(page)
    assert page.inner_text("#map-profile-title") == t("map.profile.heading", "en")
    assert page.locator("#map-trend-block").is_hidden()
    assert_clean(page)


def test_unknown_map_options_in_a_link_are_dropped_with_a_notice(live_server, page):
    open_map(page, live_server.url + "/?colour=%3Cb%3Epink&provinces=maybe&profile=FRA&lang=fr")
    notice = page.inner_text("#map-options-notice")
    assert (
        "«\u00a0<b>pink\u00a0»" in notice
        and "«\u00a0maybe\u00a0»" in notice
        and "«\u00a0FRA\u00a0»" in notice
    )
    assert page.locator("#map-options-notice b").count() == 0
    assert page.input_value("#map-colour-radio input:checked") == "action"
    assert not page.is_checked("#map-provinces-switch")
    assert page.inner_text("#map-profile-title") == t("map.profile.heading", "fr")
    assert_clean(page)


def test_csv_and_excel_downloads_hold_what_the_charts_show(live_server, page):
    open_map(page, live_server.url + "/?region=WCA&colour=status&profile=GHA")
    wait_for_title(page, "Ghana")
    wait_for_trend(page)
    today = dt.date.today().isoformat()

    name, content = download(page, block_button(page, "programme-map", "Download the data as CSV"))
    assert name == f"map_programme-map_region-WCA_{today}.csv"
    header, table = csv_parts(content)
    assert header == {
        "chart": "Map of the Action countries",
        "filters": "Region: West and Central Africa",
        "exported_on": today,
        # The categorical map shows reference facts and the dashboard's pillar mapping, never demo data.
        "kind_of_data": t("kind.mapping", "en"),
    }
    assert list(table.columns) == [
        "Country code (ISO 3166-1 alpha-3)",
        "Country",
        "Action code",
        "Action",
        "Region",
        "Status",
        "Role",
        "Pillars that apply",
        "Map colour (legend entry)",
        "In the current filters",
    ]
    shown = {trace["name"]: set(trace["locations"]) for trace in traces(page)[1:]}
    exported = {
        colour: set(rows["Country code (ISO 3166-1 alpha-3)"])
        for colour, rows in table.groupby("Map colour (legend entry)")
    }
    assert exported == shown and len(table) == 29
    rows = table.set_index("Country code (ISO 3166-1 alpha-3)")
    assert list(
        rows.loc["GHA", ["Action", "Status", "Map colour (legend entry)", "In the current filters"]]
    ) == ["Sahel and Lake Chad", "Ongoing", "Ongoing", "Yes"]
    assert rows.loc["LBY", "In the current filters"] == "No"

    name, content = download(
        page, block_button(page, "country-trend", "Download the data as Excel")
    )
    assert name == f"map_country-trend-Ghana_region-WCA_{today}.xlsx"  # the file names the country
    about, trend = excel_parts(content)
    assert about["Chart"] == t("map.trend.heading", "en") + ": Ghana"
    assert about["Filters"] == "Region: West and Central Africa"
    assert about["Kind of data and source"].startswith("DEMO DATA")
    drawn = trend_points(page)
    assert list(trend["Quarter start"]) == [x[:10] for x in drawn["x"]]
    assert list(trend["Value (people)"]) == drawn["y"]
    assert set(trend["Country"]) == {"Ghana"} and set(trend["Indicator"]) == {
        "Migrants assisted to return"
    }

    # The table view holds the same rows.
    page.locator(
        "section[aria-labelledby='programme-map-heading'] button:text('Show as table')"
    ).click()
    view = page.locator("section[aria-labelledby='programme-map-heading'] .chart-table-view table")
    view.wait_for()
    assert view.locator("tbody tr").count() == 29
    assert "Sahel and Lake Chad" in view.locator("tbody tr", has_text="Ghana").inner_text()
    assert_clean(page)


def test_png_and_svg_of_the_map_download_offline_with_no_request(live_server, page):
    open_map(page, live_server.url + "/?provinces=1&region=WCA")
    page.wait_for_function(
        f"() => document.querySelectorAll('{GRAPH} .choroplethlocation').length === 28 + 34 + 1"
    )
    wait_for_dash(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    today = dt.date.today().isoformat()

    name, content = download(page, block_button(page, "programme-map", "Download the chart as SVG"))
    assert name.startswith("map_programme-map_") and today in name and name.endswith(".svg")
    svg = content.decode("utf-8")
    assert svg.lstrip().startswith("<svg")
    assert (
        svg.count('class="choroplethlocation"') == 28 + 34 + 1
    )  # every country and province drawn
    assert "Sahel and Lake Chad" in svg and "RADA provinces (Afghanistan)" in svg
    assert "official endorsement" in svg  # the short disclaimer travels with the image
    name, content = download(page, block_button(page, "programme-map", "Download the chart as PNG"))
    assert name.startswith("map_programme-map_") and name.endswith(f"_{today}.png")
    assert content[:8] == b"\x89PNG\r\n\x1a\n" and len(content) > 20_000
    # Base map and geometry come from what the page already holds: nothing is fetched at all.
    assert [url for url in requests if not url.startswith(("blob:", "data:"))] == []
    assert_clean(page)


def test_language_switch_changes_titles_legend_hover_and_number_formats(live_server, page):
    open_map(page, live_server.url + "/?profile=LBY")
    wait_for_title(page, "Libya")
    wait_for_trend(page)
    english_number = page.inner_text("#map-profile-body [data-indicator='returns_assisted']")
    assert "," in english_number
    assert page.inner_text("#programme-map-heading") == "Map of the Action countries"

    page.select_option("#shell-language-select", "fr")
    page.wait_for_function(
        "() => document.querySelector('#map-page h1').innerText === 'Carte des programmes'"
    )
    wait_for_title(page, "Libye")  # the open profile survives the language switch
    wait_for_trend(page)
    assert page.inner_text(
        "#map-profile-body [data-indicator='returns_assisted']"
    ) == english_number.replace(",", "\u202f")
    assert page.inner_text("#programme-map-heading") == "Carte des pays des Actions"
    assert (
        page.evaluate(f"() => document.querySelector('{PLOT}').layout.title.text")
        == "Pays des Actions, par Action"
    )
    assert "Afrique du Nord" in page.eval_on_selector_all(
        f"{GRAPH} .legendtext", "nodes => nodes.map(n => n.textContent)"
    )
    assert trend_points(page)["title"] == "Libye\u202f: Migrants aidés au retour, par trimestre"
    assert page.text_content("#map-trend-summary").startswith(
        "Libye – Migrants aidés au retour, du T"
    )
    assert page.inner_text("#country-trend-heading") == t("map.trend.heading", "fr")
    assert (
        page.inner_text(
            "section[aria-labelledby='programme-map-heading'] button[title='Télécharger les données en CSV']"
        )
        == "CSV"
    )
    assert "Piliers applicables\u202f: 2, 3" in hover_text(page, 17.0, 27.0, "Libye")
    assert "lang=fr" in page.url and "profile=LBY" in page.url
    assert_clean(page)


def test_the_map_stays_usable_on_a_phone(live_server, browser):
    """390x844 with touch: the map fills the width, its legend is under the countries, nothing
    scrolls sideways, and a tap on a country opens its profile and brings it into view."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else (outside.append(route.request.url), route.abort())
        ),
    )
    try:
        phone = context.new_page()
        errors: list[str] = []
        phone.on("console", lambda message: message.type == "error" and errors.append(message.text))
        phone.goto(live_server.url + "/")
        wait_for_dash(phone)
        phone.wait_for_function(
            f"() => document.querySelectorAll('{GRAPH} .choroplethlocation').length >= 30"
        )
        phone.locator(GRAPH).scroll_into_view_if_needed()
        wait_for_dash(phone)
        # The map's height follows its width (CSS aspect ratio): let plotly fit its container, as
        # it does on any resize, then wait for the redraw at phone width to settle.
        phone.evaluate(f"() => window.Plotly.Plots.resize(document.querySelector('{PLOT}'))")
        phone.wait_for_function(f"""() => {{
            const gd = document.querySelector('{PLOT}');
            const legend = gd && gd.querySelector('.legend');
            const countries = gd ? [...gd.querySelectorAll('.choroplethlocation')].slice(1) : [];
            if (!legend || !countries.length) {{ return false; }}
            const bottom = Math.max(...countries.map(e => e.getBoundingClientRect().bottom));
            return legend.getBoundingClientRect().top >= bottom - 1; }}""")
        layout = phone.evaluate(f"""() => {{
            const gd = document.querySelector('{PLOT}');
            const map = gd.querySelector('.geo .layer.bg').getBoundingClientRect();
            const legend = gd.querySelector('.legend').getBoundingClientRect();
            const countries = [...gd.querySelectorAll('.choroplethlocation')].slice(1)
                .map(e => e.getBoundingClientRect());
            return {{page: document.documentElement.scrollWidth, map: map.width, legendTop: legend.top,
                     countriesBottom: Math.max(...countries.map(r => r.bottom))}}; }}""")
        assert layout["page"] <= 390 and layout["map"] >= 350
        assert layout["legendTop"] >= layout["countriesBottom"] - 1
        phone.touchscreen.tap(*screen_point(phone, 17.0, 27.0))
        wait_for_title(phone, "Libya")
        box = phone.locator("#map-profile-panel").bounding_box()
        assert -1 <= box["y"] < 844 / 2  # the profile is on screen, not 1,000 px below the map
        assert errors == [] and outside == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_map_coloured_by_an_amount_fits_a_phone(live_server, browser, lang):
    """390x844: the amount map's title, colour bar and "no figure" legend stay inside the graph and
    none covers another or the countries."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    try:
        phone = context.new_page()
        phone.goto(f"{live_server.url}/?colour=eutf&lang={lang}")
        wait_for_dash(phone)
        phone.wait_for_function(
            f"() => document.querySelector('{PLOT}')?.querySelector('.colorbar .cbtitle')"
        )
        phone.evaluate(f"() => window.Plotly.Plots.resize(document.querySelector('{PLOT}'))")
        wait_for_dash(phone)
        boxes = phone.evaluate(f"""() => {{
            const gd = document.querySelector('{PLOT}');
            const box = element => {{ const r = element.getBoundingClientRect();
                                      return {{left: r.left, right: r.right, top: r.top, bottom: r.bottom}}; }};
            return {{graph: box(gd), title: box(gd.querySelector('.gtitle')), bar: box(gd.querySelector('.colorbar')),
                     legend: box(gd.querySelector('.legend')), map: box(gd.querySelector('.geo .layer.bg'))}}; }}""")
        graph = boxes["graph"]
        for name in ("title", "bar", "legend"):
            assert (
                graph["left"] - 1 <= boxes[name]["left"]
                and boxes[name]["right"] <= graph["right"] + 1
            ), name
        assert boxes["title"]["bottom"] <= boxes["map"]["top"] + 1
        assert boxes["map"]["bottom"] <= boxes["bar"]["top"] + 1
        assert boxes["bar"]["bottom"] <= boxes["legend"]["top"] + 1
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
    finally:
        context.close()
