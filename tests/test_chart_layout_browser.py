"""Every chart of /pillars and /sustainability reads cleanly on a phone (390 px) and on laptops
(1280 and 1440 px), in English and French: no text a chart draws (title, axis labels and titles,
legend, value labels, notes) is cut by the chart's edge, covers another text or sits on a bar
(a bar's own value label aside), and no chart is wider than its column or the screen. The map
and the country profile have their own (tests/test_map_layout_browser.py).

One browser page per screen and language loads each page once and reads all its charts."""

from __future__ import annotations

import pytest
from test_map_layout_browser import LAYOUT_JS, SCREENS, open_page

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

# Each page with the view that draws the most: the sustainability page grouped by region (long
# labels) and comparing two regions.
PAGES = ("/pillars", "/sustainability?group=region&a=WCA&b=EHOA")
CASES = [
    (screen, lang)
    for screen in SCREENS
    for lang in ("en", "fr")
    if screen == "390px" or lang == "fr"
] + [("1280px", "en"), ("1440px", "en")]
CHARTS_JS = """
() => [...document.querySelectorAll('main .js-plotly-plot')].filter(plot => plot.offsetParent !== null)
    .map(plot => '#' + plot.closest('.dash-graph').id + ' .js-plotly-plot')
"""


# Text of the page (paragraphs, captions, headings, list items, labels) past the screen's edge: cut,
# or inside a panel that scrolls sideways, where a sentence would be read in pieces.
TEXT_PAST_THE_EDGE_JS = """
() => [...document.querySelectorAll(
        'main p, main caption, main h1, main h2, main h3, main li, main label, main summary')]
    .filter(el => el.offsetParent !== null && el.textContent.trim())
    .filter(el => { const r = el.getBoundingClientRect();
                    return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1); })
    .map(el => el.tagName + ': ' + el.textContent.trim().slice(0, 60))
"""


def chart_problems(page, selector: str) -> list[str]:
    """What is cut, covered or too wide in one chart, as first drawn and once redrawn at its final
    size (plotly's first draw can place a text differently from a redraw)."""
    page.locator(selector).scroll_into_view_if_needed()
    first = page.evaluate(LAYOUT_JS, [selector, "bars"])["problems"]
    page.evaluate(
        "(selector) => window.Plotly.Plots.resize(document.querySelector(selector))", selector
    )
    wait_for_dash(page)
    found = page.evaluate(LAYOUT_JS, [selector, "bars"])
    found["problems"] = [f"first draw: {problem}" for problem in first] + [
        problem for problem in found["problems"] if problem not in first
    ]
    # A chart may be wider than its column only inside a panel that scrolls sideways and says so
    # (assets/scroll-cue.js): the pillar grids on a phone.
    scrolls = page.evaluate(
        "(selector) => !!document.querySelector(selector).closest('[data-scroll-cue]')", selector
    )
    return found["problems"] + ([] if found["inside"] or scrolls else ["wider than its column"])


@pytest.mark.parametrize(
    ("screen", "lang"), CASES, ids=[f"{screen}-{lang}" for screen, lang in CASES]
)
def test_every_chart_is_neither_cut_nor_covered(live_server, browser, screen, lang):
    problems = {}
    for path in PAGES:
        context, page = open_page(
            browser,
            SCREENS[screen],
            f"{live_server.url}{path}{'&' if '?' in path else '?'}lang={lang}",
        )
        try:
            page.wait_for_function(
                "() => [...document.querySelectorAll('main .js-plotly-plot')].length >= 3"
                " && [...document.querySelectorAll('main .js-plotly-plot')]"
                ".every(plot => plot.querySelector('.main-svg'))"
            )
            charts = page.evaluate(CHARTS_JS)
            assert len(charts) >= 3, path
            for chart in charts:
                found = chart_problems(page, chart)
                if found:
                    problems[chart] = found[:6]
            assert (
                page.evaluate("document.documentElement.scrollWidth") <= SCREENS[screen]["width"]
            ), path
            assert page.evaluate(TEXT_PAST_THE_EDGE_JS) == [], path
        finally:
            context.close()
    assert problems == {}, "\n".join(f"{chart}: {found}" for chart, found in problems.items())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_explorer_on_a_phone_starts_with_the_indicator_and_the_country(
    live_server, browser, lang
):
    # Not the row number and part of one column: the indicator, pinned, and the country beside it,
    # both whole on the screen; the other columns scroll beside them.
    context, page = open_page(browser, SCREENS["390px"], f"{live_server.url}/pillars?lang={lang}")
    try:
        grid = "#pillars-explorer-grid"
        page.locator(grid).scroll_into_view_if_needed()
        page.wait_for_function(
            f"() => document.querySelector('{grid} .ag-pinned-left-header [col-id=indicator]')"
            f" && document.querySelectorAll('{grid} .ag-pinned-left-cols-container .ag-row').length > 3"
        )
        boxes = page.evaluate(f"""() => {{
            const box = el => {{ const r = el.getBoundingClientRect(); return [r.left, r.right]; }};
            const grid = document.querySelector('{grid}');
            return {{grid: box(grid),
                     indicator: box(grid.querySelector('.ag-pinned-left-header [col-id=indicator]')),
                     country: box(grid.querySelector('.ag-header-viewport [col-id=countries]')),
                     first: [...grid.querySelectorAll('.ag-header-viewport .ag-header-cell')]
                         .sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)[0]
                         .getAttribute('col-id'),
                     text: grid.querySelector('.ag-pinned-left-cols-container .ag-row .ag-cell').textContent}};
        }}""")
        assert boxes["first"] == "countries" and boxes["text"].strip() != ""
        assert (
            boxes["grid"][0] - 1 <= boxes["indicator"][0]
            and boxes["indicator"][1] - boxes["indicator"][0] <= 200
        )
        assert boxes["country"][1] <= boxes["grid"][1] + 1, boxes
    finally:
        context.close()


@pytest.mark.parametrize("screen", SCREENS, ids=str)
def test_the_pillar_matrix_scrolls_sideways_only_on_a_phone(live_server, browser, screen):
    context, page = open_page(browser, SCREENS[screen], f"{live_server.url}/pillars?lang=fr")
    try:
        graph = "#pillars-matrix-graph"
        page.wait_for_function(f"() => document.querySelector('{graph} .main-svg')")
        page.locator(graph).scroll_into_view_if_needed()
        wait_for_dash(page)
        panel = page.evaluate(f"""() => {{ const panel = document.querySelector('{graph}')
            .closest('[role=figure]'); return {{client: panel.clientWidth, scroll: panel.scrollWidth,
            cue: panel.getAttribute('data-scroll-cue')}}; }}""")
        if screen == "390px":
            assert panel["scroll"] > panel["client"] and "end" in (panel["cue"] or ""), panel
        else:
            assert panel["scroll"] <= panel["client"] and not panel["cue"], panel
        assert chart_problems(page, f"{graph} .js-plotly-plot") == []
    finally:
        context.close()
