"""Browser tests of the programme map: offline drawing, colouring modes, hover, country profile,
filters, Afghan provinces and the disclaimer, in headless Chromium with outside requests blocked."""

from __future__ import annotations

import pytest
from browser_helpers import DISCLAIMER_COUNT_JS, assert_clean

from dashboard.common import theme
from dashboard.i18n import t
from dashboard.map import geometry

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

GRAPH = "#map-countries-graph"
PLOT = f"{GRAPH} .js-plotly-plot"
ACTION_COUNTRIES = {
    "DZA",
    "EGY",
    "LBY",
    "MAR",
    "TUN",
    "DJI",
    "ETH",
    "KEN",
    "SOM",
    "SSD",
    "SDN",
    "UGA",
    "BFA",
    "CMR",
    "TCD",
    "CIV",
    "GHA",
    "GIN",
    "GNB",
    "MLI",
    "MRT",
    "NER",
    "NGA",
    "SEN",
    "MWI",
    "MOZ",
    "ZAF",
    "BGD",
    "AFG",
}
REGION_NAMES = [
    "Middle East and North Africa",
    "East and Horn of Africa",
    "West and Central Africa",
    "Southern Africa",
    "Asia and the Pacific",
]


def rgb(hex_colour: str) -> str:
    """'#d4d4d4' -> 'rgb(212, 212, 212)', as the browser reports a fill."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def open_map(page, url: str) -> None:
    """Open the map page in a window tall enough to show the whole map (so mouse positions need no
    scrolling) and wait until every layer is drawn."""
    page.set_viewport_size({"width": 1400, "height": 1500})
    page.goto(url)
    wait_for_dash(page)
    page.wait_for_function(
        f"() => document.querySelector('{PLOT}') && document.querySelector('{PLOT}').data"
        f" && document.querySelectorAll('{GRAPH} .choroplethlocation').length >= 30"
    )


def traces(page) -> list[dict]:
    """Name and locations of every trace the browser holds."""
    return page.evaluate(
        f"() => document.querySelector('{PLOT}').data.map(d => ({{name: d.name, locations: d.locations}}))"
    )


def legend(page) -> list[str]:
    return page.evaluate(
        f"() => [...document.querySelectorAll('{GRAPH} .legendtext')].map(e => e.textContent)"
    )


def fills(page) -> list[str]:
    return page.evaluate(
        f"() => [...document.querySelectorAll('{GRAPH} .choroplethlocation')].map(e => getComputedStyle(e).fill)"
    )


def screen_point(page, lon: float, lat: float) -> tuple[float, float]:
    """Where a longitude/latitude is drawn on the screen."""
    return tuple(
        page.evaluate(
            """([plot, lon, lat]) => { const gd = document.querySelector(plot);
           const xy = gd._fullLayout.geo._subplot.projection([lon, lat]); const box = gd.getBoundingClientRect();
           return [box.left + xy[0], box.top + xy[1]]; }""",
            [PLOT, lon, lat],
        )
    )


def hover_text(page, lon: float, lat: float, expected: str) -> str:
    page.mouse.move(*screen_point(page, lon, lat))
    page.wait_for_function(
        "([graph, text]) => (document.querySelector(graph + ' .hoverlayer')?.textContent || '')"
        ".includes(text)",
        arg=[GRAPH, expected],
    )
    return page.text_content(f"{GRAPH} .hoverlayer")


def click_at(page, lon: float, lat: float) -> None:
    page.mouse.click(*screen_point(page, lon, lat))


def wait_for_title(page, title: str) -> None:
    page.wait_for_function(
        "(title) => document.querySelector('#map-profile-title')?.textContent === title", arg=title
    )
    wait_for_dash(page)


def test_map_draws_every_action_country_offline_with_the_disclaimer_under_it(live_server, page):
    open_map(page, live_server.url + "/")
    drawn = traces(page)
    assert drawn[0]["name"] == "sea"
    assert {location for trace in drawn[1:] for location in trace["locations"]} == ACTION_COUNTRIES
    assert page.locator(f"{GRAPH} .choroplethlocation").count() == 30  # 29 countries and the sea
    assert legend(page) == [
        "North Africa",
        "Horn of Africa",
        "Sahel and Lake Chad",
        "Pilot Action",
        "Prottasha",
        "RADA",
    ]
    assert rgb(theme.ACTION_COLOURS["RADA"]) in fills(page)
    # The source page's disclaimer, once, in its own wording, drawn in the figure (so images,
    # embeds and the printed page keep it); screen readers hear it in the figure's label.
    assert page.text_content(f"{GRAPH} .annotation").startswith("This map is for illustration")
    assert page.evaluate(DISCLAIMER_COUNT_JS, "endorsement") == 1
    assert t("map.disclaimer", "en") in page.get_attribute(".map-figure", "aria-label")
    # The Pilot Action's global component is a note, not lost.
    assert "Knowledge Management Hub" in page.inner_text("#map-global-note")
    assert "All 29 countries" in page.inner_text("#map-summary-text")
    # Geometry and base map come from the app itself.
    resources = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name)")
    assert any(url == live_server.url + geometry.COUNTRIES_URL for url in resources)
    assert any(url == live_server.url + "/assets/topojson/world_110m.json" for url in resources)
    assert_clean(page)


def test_switching_the_colouring_is_one_click_and_resends_no_geometry(live_server, page):
    open_map(page, live_server.url + "/")
    updates, geometry_fetches = [], []
    page.on(
        "response",
        lambda response: (
            "_dash-update-component" in response.url
            and "map-countries-graph" in (response.request.post_data or "")
            and updates.append(response.body())
        ),
    )
    page.on(
        "request",
        lambda request: "/map-geometry/" in request.url and geometry_fetches.append(request.url),
    )
    page.click("#map-colour-radio label:has-text('Region')")
    page.wait_for_function(
        "(names) => JSON.stringify([...document.querySelectorAll("
        "'#map-countries-graph .legendtext')].map(e => e.textContent)) === JSON.stringify(names)",
        arg=REGION_NAMES,
    )
    assert rgb(theme.REGION_COLOURS["MENA"]) in fills(page)
    page.click("#map-colour-radio label:has-text('Status')")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#map-countries-graph .legendtext')]"
        ".map(e => e.textContent).join('|') === 'Ongoing|Activities completed'"
    )
    wait_for_dash(page)
    assert {rgb(theme.STATUS_COLOURS["ongoing"]), rgb(theme.STATUS_COLOURS["completed"])} <= set(
        fills(page)
    )
    assert "colour=status" in page.url
    assert len(updates) == 2 and all(
        b"__dash_patch_update" in body and len(body) < 20_000 for body in updates
    )
    assert geometry_fetches == []  # plotly.js keeps the geometry it fetched once
    assert_clean(page)


def test_hover_and_country_profile_show_the_seed_facts(live_server, page):
    open_map(page, live_server.url + "/")
    text = hover_text(page, 17.0, 27.0, "Libya")
    assert (
        "North Africa" in text
        and "Middle East and North Africa" in text
        and "Pillars that apply: 2, 3" in text
    )
    assert "South Africa" not in text
    click_at(page, 17.0, 27.0)
    wait_for_title(page, "Libya")
    profile = page.locator("#map-profile-body")
    assert [
        item.get_attribute("data-pillar") for item in profile.locator("[data-pillar]").all()
    ] == ["2", "3"]
    assert "2018-08-15 to 2021-12-31" in profile.inner_text()
    assert page.locator("#map-profile-body [data-indicator='returns_assisted']").count() == 1
    assert page.locator("#map-trend-graph .js-plotly-plot").count() == 1
    published = page.inner_text("#map-profile-published")
    assert t("map.profile.published", "en") in published and "as of 2019-09-09" in published
    assert (
        page.locator("#map-profile-published a[href^='https://trust-fund-for-africa']").count() >= 1
    )
    # A click on the sea clears the profile.
    click_at(page, -12.0, -25.0)
    wait_for_title(page, t("map.profile.heading", "en"))
    assert page.locator("#map-profile-close-button").is_hidden()
    # South Africa is the Pilot Action's host country; the close button clears its profile.
    assert "host country" in hover_text(page, 24.0, -29.0, "South Africa")
    click_at(page, 24.0, -29.0)
    wait_for_title(page, "South Africa")
    assert "host country" in page.inner_text("#map-profile-body")
    page.click("#map-profile-close-button")
    wait_for_title(page, t("map.profile.heading", "en"))
    # Without a mouse: choose the country in the profile's drop-down.
    page.focus("#map-profile-country-dropdown")
    page.keyboard.press("Enter")
    page.wait_for_selector(".dash-dropdown-search", state="visible")
    page.keyboard.type("Malawi")
    page.wait_for_function(
        "() => [...document.querySelectorAll('[role=option]')].map(e => e.textContent)"
        ".join() === 'Malawi'"
    )
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_for_title(page, "Malawi")
    assert "country of origin" in page.inner_text("#map-profile-body")
    assert "158 of 335" not in page.inner_text("#map-profile-body")  # source notes are not shown
    assert "For Malawi" in page.inner_text("#map-profile-published")
    assert_clean(page)


def test_filters_narrow_the_fill_and_keep_other_countries_as_plain_land(live_server, page):
    open_map(page, live_server.url + "/?region=WCA")
    drawn = {trace["name"]: set(trace["locations"]) for trace in traces(page)}
    assert set(drawn) == {"sea", t("map.legend.inactive", "en"), "Sahel and Lake Chad"}
    assert len(drawn["Sahel and Lake Chad"]) == 12
    assert drawn[t("map.legend.inactive", "en")] == ACTION_COUNTRIES - drawn["Sahel and Lake Chad"]
    assert fills(page).count(rgb(theme.INACTIVE_FILL)) == 17
    assert page.locator("#map-global-note").is_hidden()
    assert page.inner_text("#map-summary-text").startswith("12 of the 29")
    # A filtered-out country still answers hover, saying it is outside the filters.
    assert "Not in the current filters" in hover_text(page, 17.0, 27.0, "Libya")
    assert_clean(page)


def test_afghanistan_by_province_with_radas_eight_highlighted(live_server, page):
    open_map(page, live_server.url + "/?provinces=1&lang=fr")
    page.wait_for_function(
        f"() => document.querySelectorAll('{GRAPH} .choroplethlocation').length === 28 + 34 + 1"
    )
    drawn = {trace["name"]: trace["locations"] for trace in traces(page)}
    assert len(drawn[t("map.legend.rada_provinces", "fr")]) == 8
    assert len(drawn[t("map.legend.other_provinces", "fr")]) == 26
    text = hover_text(page, 69.18, 34.53, "Kaboul")
    assert t("map.hover.province_rada", "fr") in text
    click_at(page, 69.18, 34.53)
    wait_for_title(page, "Afghanistan")
    assert page.locator("#map-provinces-switch").is_checked()
    assert_clean(page)
