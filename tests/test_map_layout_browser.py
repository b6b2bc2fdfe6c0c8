"""The map and the country profile's EUTF chart read cleanly on a phone (390 px) and on laptops
(1280 and 1440 px), in English and French: no text of a chart (title, axis labels and titles,
legend, colour bar, labels) is cut by the chart's edge or covers another text, the map's texts
stay off the map itself, the profile chart's labels stay off its bars, and a hover box fits."""

from __future__ import annotations

import pytest
from test_map_browser import GRAPH, PLOT

from dashboard.i18n import t

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

SCREENS = {
    "390px": {"width": 390, "height": 844},
    "1280px": {"width": 1280, "height": 800},
    "1440px": {"width": 1440, "height": 900},
}
PROFILE = "#map-eutf-results-graph .js-plotly-plot"

# Every text a chart draws (SVG text outside the hover layer), with its box; the chart's box; the
# map's plot area (geo frame) or the bars; what is wrong: texts cut by the chart's edges, two
# texts covering each other, a text over the map or over a bar (a bar's own value label aside).
LAYOUT_JS = """
([selector, area]) => {
    const gd = document.querySelector(selector);
    const box = el => { const r = el.getBoundingClientRect();
                        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
    const chart = box(gd.querySelector('.main-svg'));
    const texts = [...gd.querySelectorAll('svg text')]
        .filter(el => !el.closest('.hoverlayer') && el.textContent.trim() !== '')
        .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; })
        .filter(el => getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).display !== 'none')
        .map(el => ({text: el.textContent.trim().slice(0, 40), bar: !!el.closest('.bartext'), ...box(el)}));
    const cross = (p, q) => Math.min(p.right, q.right) - Math.max(p.left, q.left) > 1
                            && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 1;
    const problems = [];
    for (const text of texts) {
        if (text.left < chart.left - 1 || text.right > chart.right + 1 || text.top < chart.top - 1
            || text.bottom > chart.bottom + 1) { problems.push('cut: ' + text.text); }
    }
    for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
            if (cross(texts[i], texts[j])) { problems.push('covers: ' + texts[i].text + ' / ' + texts[j].text); }
        }
    }
    // An axis title sits outside its tick labels: left of every y label, below every x label
    // (plotly's first draw once put a y title among the row labels, between two of them).
    for (const [axis, outside] of [['y', (title, tick) => title.right <= tick.left + 1],
                                   ['x', (title, tick) => title.top >= tick.bottom - 1]]) {
        const ticks = [...gd.querySelectorAll(`.${axis}tick text`)].map(box).filter(b => b.right - b.left > 0);
        for (const title of gd.querySelectorAll(`.g-${axis}title text`)) {
            if (ticks.some(tick => !outside(box(title), tick))) {
                problems.push('axis title among its labels: ' + title.textContent.trim());
            }
        }
    }
    // plotly's toolbar (shown on hover or a tap; laid out even while hidden) covers no text, and
    // sits above the chart rather than over it (a title's length on screen depends on the font).
    const buttons = [...gd.querySelectorAll('.modebar-btn')].map(box).filter(b => b.right - b.left > 0);
    for (const text of texts) {
        if (buttons.some(button => cross(text, button))) { problems.push('under the toolbar: ' + text.text); }
    }
    if (buttons.some(button => button.bottom > chart.top + 1)) { problems.push('toolbar over the chart'); }
    if (area === 'map') {
        const frame = box(gd.querySelector('.geo .layer.bg'));
        for (const text of texts) { if (cross(text, frame)) { problems.push('over the map: ' + text.text); } }
        const bar = gd.querySelector('.colorbar');
        if (bar && cross(box(bar), frame)) { problems.push('colour bar over the map'); }
    } else {
        const bars = [...gd.querySelectorAll('.bars .point path')].map(box).filter(b => b.right - b.left > 0);
        for (const text of texts.filter(text => !text.bar)) {
            if (bars.some(bar => cross(text, bar))) { problems.push('over a bar: ' + text.text); }
        }
    }
    const column = gd.closest('.card, .chart-block, main');
    const inside = column ? chart.right <= box(column).right + 1 && chart.left >= box(column).left - 1 : true;
    return {problems, texts: texts.length, inside, page: document.documentElement.scrollWidth};
}
"""


def open_page(browser, screen: dict, url: str):
    context = browser.new_context(
        viewport=screen, is_mobile=screen["width"] < 500, has_touch=screen["width"] < 500
    )
    page = context.new_page()
    page.goto(url)
    wait_for_dash(page)
    return context, page


def layout(page, selector: str, area: str) -> dict:
    """The chart's text problems, once it is scrolled into view and drawn at its final size."""
    page.locator(selector).scroll_into_view_if_needed()
    page.evaluate(
        "(selector) => window.Plotly.Plots.resize(document.querySelector(selector))", selector
    )
    wait_for_dash(page)
    return page.evaluate(LAYOUT_JS, [selector, area])


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("screen", SCREENS, ids=str)
def test_map_and_profile_chart_are_neither_cut_nor_covered(live_server, browser, screen, lang):
    # Mali: an amount map with a parent project's figure (its own legend entry), and a profile
    # chart with 13 indicators, 6 of them parent projects' figures.
    context, page = open_page(
        browser,
        SCREENS[screen],
        f"{live_server.url}/?colour=eutf&measure=institutions&profile=MLI&lang={lang}",
    )
    try:
        page.wait_for_function(
            f"() => document.querySelector('{PLOT}')?.querySelector('.colorbar .cbtitle')"
            f" && document.querySelector('{PROFILE}')?.querySelector('.bars')"
        )
        amount_map = layout(page, PLOT, "map")
        assert amount_map["problems"] == [] and amount_map["texts"] >= 8, amount_map
        profile = layout(page, PROFILE, "bars")
        assert profile["problems"] == [] and profile["texts"] >= 20, profile
        assert profile["inside"] and profile["page"] <= SCREENS[screen]["width"]
        legend = page.evaluate(
            f"() => [...document.querySelectorAll('{PROFILE} .legendtext')].map(e => e.textContent)"
        )
        assert legend[0] == t("eutf.value.actual", lang) and len(legend) == 2
        assert (
            "libellés traduits"
            in page.evaluate(f"() => document.querySelector('{PROFILE} .gtitle').textContent")
            or lang == "en"
        )
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_disclaimer_never_covers_the_map_on_a_phone(live_server, browser, lang):
    context, page = open_page(browser, SCREENS["390px"], f"{live_server.url}/?lang={lang}")
    try:
        page.wait_for_function(
            f"() => document.querySelectorAll('{GRAPH} .choroplethlocation').length >= 30"
        )
        found = layout(page, PLOT, "map")
        assert found["problems"] == [] and found["page"] <= 390, found
        # North Africa and Afghanistan are in the clear: the disclaimer sits above the map frame.
        boxes = page.evaluate(f"""() => {{ const gd = document.querySelector('{PLOT}');
            const note = [...gd.querySelectorAll('.annotation')].find(a => a.textContent.includes('This map is')
                                                                           || a.textContent.includes('Cette carte'));
            return {{note: note.getBoundingClientRect().bottom,
                     frame: gd.querySelector('.geo .layer.bg').getBoundingClientRect().top}}; }}""")
        assert boxes["note"] <= boxes["frame"] + 1
    finally:
        context.close()


@pytest.mark.parametrize("screen", ["390px", "1280px"])
def test_ethiopias_hover_box_fits_the_map(live_server, browser, screen):
    # Ethiopia has no figure of its own, and two regional projects listed in its hover box.
    context, page = open_page(browser, SCREENS[screen], f"{live_server.url}/?colour=eutf")
    try:
        page.wait_for_function(
            f"() => document.querySelector('{PLOT}')?.querySelector('.colorbar')"
        )
        page.locator(PLOT).scroll_into_view_if_needed()
        wait_for_dash(page)
        centre = page.evaluate(f"""() => {{
            const paths = [...document.querySelectorAll('{GRAPH} path.choroplethlocation')]
            .filter(p => p.__data__ && p.__data__.loc === 'ETH').map(p => p.getBoundingClientRect())
            .sort((a, b) => b.width * b.height - a.width * a.height);
            return [paths[0].left + paths[0].width / 2, paths[0].top + paths[0].height / 2]; }}""")
        page.mouse.move(*centre)
        page.wait_for_function(
            f"() => (document.querySelector('{GRAPH} .hoverlayer').textContent || '')"
            ".includes('Ethiopia')"
        )
        boxes = page.evaluate(f"""() => {{ const gd = document.querySelector('{PLOT}');
            const r = el => {{ const b = el.getBoundingClientRect(); return [b.left, b.right, b.top, b.bottom]; }};
            return {{chart: r(gd.querySelector('.main-svg')),
                     hover: r(gd.querySelector('.hoverlayer .hovertext'))}}; }}""")
        chart, hover = boxes["chart"], boxes["hover"]
        assert chart[0] - 1 <= hover[0] and hover[1] <= chart[1] + 1, boxes
        assert chart[2] - 1 <= hover[2] and hover[3] <= chart[3] + 1, boxes
    finally:
        context.close()
