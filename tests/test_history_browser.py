"""Back and Forward: the view always equals the address.

One walk through filter, page option, page and language changes on every page, then Back to the
start and Forward to the end: at every step the page shows what it showed when the address was
first reached, and what a fresh load of that address shows.
"""

from __future__ import annotations

import pytest

from dashboard import ids
from dashboard.site import option_tables

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

CONTROL_IDS = [
    component
    for table in option_tables().values()
    for component, prop in table.controls
    if prop == "value"
]

# What a person sees: the address, each page control's value, each chart's title, trace names and
# values, the text summaries, the profile title and the filter bar.
VIEW_JS = """
controlIds => {
    const controls = {};
    for (const id of controlIds) {
        const node = document.getElementById(id);
        if (!node) { continue; }
        const checked = [...node.querySelectorAll('input:checked')].map(input => input.value);
        controls[id] = ('value' in node && node.tagName !== 'DIV') ? node.value : checked;
    }
    const charts = {};
    for (const graph of document.querySelectorAll('#shell-page-content .dash-graph')) {
        const plot = graph.querySelector('.js-plotly-plot');
        if (!plot || !plot.data) { continue; }
        const title = plot.layout && plot.layout.title ? plot.layout.title.text : '';
        charts[graph.id] = [title, plot.data.map(trace => JSON.stringify(
            [trace.name || '', trace.y || [], [...(trace.locations || [])].sort()]))];
    }
    const texts = [...document.querySelectorAll('#shell-page-content .chart-summary, #map-profile-title')]
        .map(node => node.textContent);
    const filters = [...document.querySelectorAll('#shell-filter-bar .dash-dropdown')].map(node => node.textContent);
    return {path: location.pathname, search: location.search, lang: document.documentElement.lang,
            controls, charts, texts, filters};
}
"""


def settle(page) -> None:
    """Wait until Dash is idle, the address written and every chart drawn."""
    wait_for_dash(page)
    page.wait_for_timeout(400)
    wait_for_dash(page)


def view(page) -> dict:
    return page.evaluate(VIEW_JS, CONTROL_IDS)


def choose_region(page, typed: str) -> None:
    page.focus(f"#{ids.FILTER_REGION}")
    page.keyboard.press("Enter")
    page.wait_for_selector(".dash-dropdown-search", state="visible")
    page.keyboard.type(typed)
    page.wait_for_function("() => document.querySelectorAll('[role=option]').length === 1")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def test_back_and_forward_restore_every_view(live_server, page, browser):
    page.goto(live_server.url + "/about")
    settle(page)
    start = page.evaluate("history.length")
    steps = [
        ("map page", lambda: page.click("#shell-nav-map-link")),
        (
            "colour by status",
            lambda: page.click(f"#{ids.MAP_COLOUR_RADIO} label:has-text('Status')"),
        ),
        ("provinces", lambda: page.click(f"label[for='{ids.MAP_PROVINCES_SWITCH}']")),
        ("region filter", lambda: choose_region(page, "Central")),
        ("pillars page", lambda: page.click("#shell-nav-pillars-link")),
        (
            "indicator",
            lambda: page.select_option(
                f"#{ids.PILLARS_INDICATOR_DROPDOWN}", "reintegration_started"
            ),
        ),
        (
            "trend by Action",
            lambda: page.click(f"#{ids.PILLARS_TREND_RADIO} label:has-text('Action')"),
        ),
        ("sustainability page", lambda: page.click("#shell-nav-sustainability-link")),
        ("group by sex", lambda: page.select_option(f"#{ids.SUSTAINABILITY_GROUPING}", "sex")),
        (
            "threshold",
            lambda: (
                page.fill(f"#{ids.SUSTAINABILITY_THRESHOLD}", "0.7"),
                page.press(f"#{ids.SUSTAINABILITY_THRESHOLD}", "Enter"),
            ),
        ),
        ("French", lambda: page.select_option(f"#{ids.LANGUAGE_SELECT}", "fr")),
        (
            "French threshold",
            lambda: (
                page.fill(f"#{ids.SUSTAINABILITY_THRESHOLD}", "0,6"),
                page.press(f"#{ids.SUSTAINABILITY_THRESHOLD}", "Enter"),
            ),
        ),
    ]
    seen = [view(page)]
    for number, (name, act) in enumerate(steps, start=1):
        act()
        page.wait_for_function(
            "before => location.pathname + location.search !== before",
            arg=seen[-1]["path"] + seen[-1]["search"],
        )
        settle(page)
        seen.append(view(page))
        # One history entry per change: the page's defaults and the tidying of the address add none.
        assert page.evaluate("history.length") == start + number, name

    map_view, pillars_view, sustainability_view, french = seen[1], seen[5], seen[8], seen[-1]
    assert map_view["search"] == "" and pillars_view["search"] == "?region=WCA"
    assert (
        "colour" not in pillars_view["search"] and "indicator" not in sustainability_view["search"]
    )
    assert seen[4]["search"] == "?region=WCA&colour=status&provinces=1"
    assert (
        french["search"] == "?region=WCA&lang=fr&group=sex&threshold=0.6" and french["lang"] == "fr"
    )
    assert french["controls"][ids.SUSTAINABILITY_THRESHOLD] == "0,6"
    assert seen[-2]["controls"][ids.SUSTAINABILITY_THRESHOLD] == "0,7"

    for expected in reversed(seen[:-1]):
        page.go_back()
        settle(page)
        assert view(page) == expected
    for expected in seen[1:]:
        page.go_forward()
        settle(page)
        assert view(page) == expected

    # A fresh load of an address shows what Back and Forward showed there.
    fresh = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        for expected in (seen[4], seen[7], french):
            fresh.goto(live_server.url + expected["path"] + expected["search"])
            settle(fresh)
            assert view(fresh) == expected
    finally:
        fresh.close()
    assert page.watch.console_errors == [] and page.watch.page_errors == []
