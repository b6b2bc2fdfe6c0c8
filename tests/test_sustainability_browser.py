"""Browser tests of the sustainability page: the grouping, the filters and the threshold redraw
the charts, with no console error and no request leaving the machine."""

from __future__ import annotations

import pytest
from browser_helpers import assert_clean

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

TICKS = "#sustainability-means-graph .ytick text"


def tick_texts(page, selector: str = TICKS) -> list[str]:
    return page.locator(selector).evaluate_all("nodes => nodes.map(node => node.textContent)")


def wait_for_ticks(page, text: str, selector: str = TICKS) -> None:
    page.wait_for_function(
        "([selector, text]) => [...document.querySelectorAll(selector)].some(n => n.textContent.includes(text))",
        arg=[selector, text])


def test_changing_the_grouping_redraws_the_charts(live_server, page):
    page.goto(live_server.url + "/sustainability")
    wait_for_dash(page)
    wait_for_ticks(page, "West and Central Africa (n=")
    assert all("(n=" in tick or "suppressed" in tick for tick in tick_texts(page))
    assert "Mean scores by region" in page.inner_text("#sustainability-means-graph")
    page.select_option("#sustainability-grouping-dropdown", label="Sex")
    wait_for_ticks(page, "Women (n=")
    wait_for_dash(page)
    ticks = sorted(tick_texts(page))
    assert len(ticks) == 2 and ticks[0].startswith("Men (n=") and ticks[1].startswith("Women (n=")
    wait_for_ticks(page, "Women (n=", "#sustainability-share-graph .ytick text")
    page.wait_for_function("() => document.querySelector('#sustainability-group-a-dropdown').value === 'female'")
    assert page.input_value("#sustainability-group-b-dropdown") == "male"
    assert "Women and Men side by side" in page.inner_text("#sustainability-compare-graph")
    assert "Difference A − B" in page.inner_text("#sustainability-compare-table")
    assert "DEMO DATA" in page.inner_text("#sustainability-means-graph")
    assert_clean(page)


def test_filters_redraw_the_charts(live_server, page):
    page.goto(live_server.url + "/sustainability?group=country")
    wait_for_dash(page)
    wait_for_ticks(page, "Guinea (n=")
    before = tick_texts(page)
    page.click("#filter-region-dropdown")
    page.get_by_role("option", name="East and Horn of Africa", exact=True).click()
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('region=EHOA')")
    page.wait_for_function(
        "selector => ![...document.querySelectorAll(selector)].some(n => n.textContent.startsWith('Guinea'))",
        arg=TICKS)
    wait_for_dash(page)
    after = tick_texts(page)
    assert after != before and any(tick.startswith("Ethiopia") for tick in after)
    assert not any(tick.startswith(("Guinea", "Mali", "Senegal")) for tick in after)
    assert "group=country" in page.url
    assert_clean(page)


def test_a_filter_in_the_link_and_the_threshold_control(live_server, page):
    page.goto(live_server.url + "/sustainability?region=WCA&threshold=0.6&measure=economic")
    wait_for_dash(page)
    wait_for_ticks(page, "West and Central Africa (n=")
    assert tick_texts(page) == [next(t for t in tick_texts(page) if t.startswith("West and Central Africa"))]
    title = "#sustainability-share-graph .gtitle"
    assert "Share at or above 0.60" in page.text_content(title)
    assert "Economic score" in page.inner_text("#sustainability-share-graph")
    page.fill("#sustainability-threshold-input", "0.7")
    page.press("#sustainability-threshold-input", "Enter")
    page.wait_for_function("selector => document.querySelector(selector).textContent.includes('0.70')", arg=title)
    assert page.input_value("#sustainability-threshold-range") == "0.7"
    # The range moves the number box and the charts too (keyboard: one step of 0.01); protected
    # shares are computed, and titled, at the nearest multiple of 0.1.
    page.focus("#sustainability-threshold-range")
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("selector => document.querySelector(selector).textContent.includes('0.80')", arg=title)
    assert page.input_value("#sustainability-threshold-input") == "0.76"
    assert "nearest multiple of 0.1" in page.inner_text("#shell-page-content")
    assert "setting of this dashboard, not IOM’s official cut-off" in page.inner_text("#shell-page-content")
    assert_clean(page)
