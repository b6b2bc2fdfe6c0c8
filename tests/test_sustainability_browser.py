"""Browser tests of the sustainability page: the grouping, the filters and the threshold redraw
the charts, with no console error and no request leaving the machine."""

from __future__ import annotations

import json

import pytest
from browser_helpers import assert_clean, callback_requests, choose_region

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

TICKS = "#sustainability-means-graph .ytick text"


# A tick as read: its lines (a group's name on short lines, its sample size on its own) joined.
TICK_TEXT = (
    "n => { const lines = [...n.querySelectorAll('tspan.line')];"
    " return lines.length ? lines.map(line => line.textContent).join(' ') : n.textContent; }"
)


def tick_texts(page, selector: str = TICKS) -> list[str]:
    return page.locator(selector).evaluate_all(f"nodes => nodes.map({TICK_TEXT})")


def wait_for_ticks(page, text: str, selector: str = TICKS) -> None:
    page.wait_for_function(
        f"([selector, text]) => [...document.querySelectorAll(selector)].map({TICK_TEXT}).some(t => t.includes(text))",
        arg=[selector, text],
    )


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
    page.wait_for_function(
        "() => document.querySelector('#sustainability-group-a-dropdown').value === 'female'"
    )
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
        arg=TICKS,
    )
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
    assert tick_texts(page) == [
        next(t for t in tick_texts(page) if t.startswith("West and Central Africa"))
    ]
    title = "#sustainability-share-graph .gtitle"
    assert "Share at or above 0.60" in page.text_content(title)
    assert "Economic score" in page.inner_text("#sustainability-share-graph")
    page.fill("#sustainability-threshold-input", "0.7")
    page.press("#sustainability-threshold-input", "Enter")
    page.wait_for_function(
        "selector => document.querySelector(selector)?.textContent.includes('0.70')", arg=title
    )
    assert page.input_value("#sustainability-threshold-range") == "0.7"
    # The range moves the number box and the charts too (keyboard: one step of 0.01); shares of
    # the protected release are computed at any threshold (no grid: the release is post-processed).
    page.focus("#sustainability-threshold-range")
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "selector => document.querySelector(selector)?.textContent.includes('0.76')", arg=title
    )
    assert page.input_value("#sustainability-threshold-input") == "0.76"
    assert "nearest multiple" not in page.inner_text("#shell-page-content")
    assert "setting of this dashboard, not IOM’s official cut-off" in page.inner_text(
        "#shell-page-content"
    )
    assert_clean(page)


def offered(page) -> list[str]:
    """The labels groups A and B can be (the drop-down's placeholder left out)."""
    return page.locator("#sustainability-group-a-dropdown option").evaluate_all(
        "nodes => nodes.filter(node => node.value).map(node => node.textContent)"
    )


def published_groups(page) -> list[str]:
    """The groups the means chart draws (not suppressed), by label."""
    return [
        tick.split(" (n=")[0].replace("<br>", " ") for tick in tick_texts(page) if "(n=" in tick
    ]


def test_comparison_offers_groups_with_data_and_follows_the_filters(live_server, page):
    page.goto(live_server.url + "/sustainability?group=country&a=GIN")
    wait_for_dash(page)
    wait_for_ticks(page, "Guinea (n=")
    assert page.input_value("#sustainability-group-a-dropdown") == "GIN"
    assert sorted(offered(page)) == sorted(published_groups(page))  # no suppressed or empty group
    page.click("#filter-region-dropdown")
    page.get_by_role("option", name="East and Horn of Africa", exact=True).click()
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('region=EHOA')")
    # Guinea has no record in East and Horn of Africa: groups A and B are picked again among those with data.
    page.wait_for_function(
        "() => document.querySelector('#sustainability-group-a-dropdown').value !== 'GIN'"
    )
    page.wait_for_function(
        "selector => ![...document.querySelectorAll(selector)].some(n => n.textContent.startsWith('Guinea'))",
        arg=TICKS,
    )
    wait_for_dash(page)
    # The address no longer names Guinea: a copied link opens what the page shows.
    page.wait_for_function("() => !new URLSearchParams(location.search).has('a')")
    assert "Guinea" not in offered(page) and sorted(offered(page)) == sorted(published_groups(page))
    summary = page.inner_text("#sustainability-compare-summary")
    assert "excludes zero" in summary or "no difference distinguishable from zero" in summary
    assert "Guinea" not in page.inner_text("#sustainability-compare-graph")
    assert_clean(page)


def test_a_link_to_a_group_without_data_says_so_in_french(live_server, page):
    page.goto(live_server.url + "/sustainability?group=country&region=EHOA&a=GIN&lang=fr")
    wait_for_dash(page)
    notice = page.inner_text("#sustainability-options-notice")
    assert "ne peuvent donc pas être comparés" in notice and "GIN" in notice
    page.wait_for_function(
        "() => document.querySelector('#sustainability-compare-summary').innerText.length > 0"
    )
    summary = page.inner_text("#sustainability-compare-summary")
    assert "exclut zéro" in summary or "aucun écart distinguable de zéro" in summary
    assert "À 95 %" in page.inner_text("#sustainability-compare-table")
    assert page.input_value("#sustainability-group-a-dropdown") != "GIN"
    assert_clean(page)


def test_a_filter_change_draws_each_chart_once(live_server, page):
    """The comparison's groups follow the filters, so the page's options change with them: one
    answer carries the options and every chart, drawn once; no options answer comes first for the
    charts to wait for, and none after sends them again."""
    page.goto(live_server.url + "/sustainability")
    wait_for_dash(page)
    wait_for_ticks(page, "West and Central Africa (n=")
    asked = callback_requests(page)
    choose_region(page, "West and Central Africa")
    wait_for_ticks(page, "West and Central Africa (n=")
    page.wait_for_timeout(1500)  # let any second round arrive
    wait_for_dash(page)
    # One answer holds every chart of the page (its one chart callback), asked once.
    charts = [
        body
        for body in asked
        if "sustainability-means-graph.figure" in body
        and "sustainability-compare-graph.figure" in body
    ]
    assert len(charts) == 1, len(charts)
    # Nothing else follows the filters to the server on this page but the shell's print header
    # and export footer: the options are parsed again in the charts' answer.
    following = [
        json.loads(body)["output"]
        for body in asked
        if body and "shell-selection-store.data" in json.loads(body).get("changedPropIds", [])
    ]
    assert not [
        output for output in following if "page-options-store" in output and "graph" not in output
    ], following
    assert "region=WCA" in page.url
    assert_clean(page)


def test_a_table_view_follows_the_filters_only_while_open(live_server, page):
    """An open table view follows a filter change; closed table views and embed snippets cost no
    request when the filters change (a page has a dozen of them)."""
    page.goto(live_server.url + "/sustainability")
    wait_for_dash(page)
    wait_for_ticks(page, "West and Central Africa (n=")
    block = "section[aria-labelledby='sustainability-means-heading']"
    page.locator(f"{block} button:text('Show as table')").click()
    table = page.locator(f"{block} .chart-table-view table")
    table.wait_for()
    assert "West and Central Africa" in table.inner_text()
    asked = callback_requests(page)

    def choose_region(name: str, code: str) -> None:
        page.click("#filter-region-dropdown")
        page.locator("#shell-filter-collapse").get_by_role("option", name=name, exact=True).click()
        page.keyboard.press("Escape")
        page.wait_for_function("code => location.search.includes(code)", arg=code)

    choose_region("East and Horn of Africa", "EHOA")
    page.wait_for_function(
        "selector => !document.querySelector(selector).innerText.includes('West and Central')",
        arg=f"{block} .chart-table-view",
    )
    assert "East and Horn of Africa" in table.inner_text()
    wait_for_dash(page)
    assert len([body for body in asked if "chart-table-view" in body]) == 1  # the open one only
    assert not [body for body in asked if "chart-embed-view" in body]

    page.locator(f"{block} button:text('Hide table')").click()
    page.wait_for_function(
        "selector => document.querySelector(selector).hidden", arg=f"{block} .chart-table-view"
    )
    asked.clear()
    choose_region("West and Central Africa", "WCA")  # added to East and Horn of Africa
    wait_for_ticks(page, "West and Central Africa (n=")
    page.wait_for_timeout(1000)
    wait_for_dash(page)
    assert not [body for body in asked if "chart-table-view" in body or "chart-embed-view" in body]
    assert_clean(page)
