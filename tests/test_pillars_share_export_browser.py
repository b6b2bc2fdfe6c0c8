"""Browser tests of the pillars page for sharing and export: a copied link restores the view, data
downloads hold what the charts show, images download, the language switch relabels and
reformats, and page options are usable by keyboard."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from browser_helpers import (
    assert_clean,
    block_button,
    csv_parts,
    download,
    excel_parts,
    settle,
    wait_for_plot,
)

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

GRAPHS = (
    "pillars-matrix-graph",
    "pillars-counts-graph",
    "pillars-drill-graph",
    "pillars-trend-graph",
    "pillars-ranking-graph",
    "pillars-rate-region-graph",
    "pillars-rate-action-graph",
)
CONTROLS = ("#pillars-indicator-dropdown", "#pillars-drill-dropdown")


def figure_data(page, graph_id: str) -> list[dict]:
    """What plotly drew: each trace's name, x, y and text."""
    wait_for_plot(page, graph_id)
    return page.evaluate(
        """id => document.getElementById(id).querySelector('.js-plotly-plot').data.map(
               t => ({name: t.name || null, x: t.x || null, y: t.y || null, text: t.text || null}))""",
        graph_id,
    )


def view_state(page) -> dict:
    """Control values, figure data and summaries of the page, for comparing two views."""
    return {
        "controls": {selector: page.input_value(selector) for selector in CONTROLS},
        "trend": page.input_value("#pillars-trend-radio input:checked"),
        "by_sex": page.is_checked("#pillars-sex-checklist input"),
        "figures": {graph: figure_data(page, graph) for graph in GRAPHS},
        "summaries": page.eval_on_selector_all(
            ".chart-summary", "nodes => nodes.map(n => n.textContent)"
        ),
        "cards": page.inner_text("#pillars-headline-cards"),
        "filters": page.inner_text("#filter-region-dropdown"),
    }


def test_a_copied_link_restores_filters_options_and_language(live_server, page, browser):
    page.goto(live_server.url + "/pillars?region=WCA,EHOA&lang=fr")
    wait_for_dash(page)
    page.select_option("#pillars-indicator-dropdown", "reintegration_completed")
    settle(page, "indicator=reintegration_completed")
    page.focus("#pillars-trend-radio input[value='region']")
    page.keyboard.press("ArrowRight")  # keyboard alone moves the trend grouping to "Action"
    settle(page, "trend=action")
    page.focus("#pillars-sex-checklist input")
    page.keyboard.press("Space")
    settle(page, "by_sex=1")
    page.select_option("#pillars-drill-dropdown", "JI-HOA")
    settle(page, "drill=JI-HOA")
    original = view_state(page)
    link = page.url
    assert "lang=fr" in link and "region=EHOA,WCA" in link
    assert original["trend"] == "action" and original["by_sex"]
    assert [trace["name"] for trace in original["figures"]["pillars-trend-graph"]] == [
        "Corne de l’Afrique",
        "Sahel et lac Tchad",
    ]
    # The title may wrap on a narrow chart, never before the colon (a no-break space there).
    drill_text = page.text_content("#pillars-drill-graph")
    assert "Corne de l’Afrique :" in drill_text and "piliers par pays" in drill_text

    fresh = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        other = fresh.new_page()
        other.goto(link)
        wait_for_dash(other)
        restored = view_state(other)
        assert restored == original
        assert parse_qs(urlsplit(other.url).query) == parse_qs(urlsplit(link).query)
        assert other.evaluate("document.documentElement.lang") == "fr"
    finally:
        fresh.close()
    assert_clean(page)


def test_unknown_page_options_in_a_link_are_dropped_with_a_notice(live_server, page):
    page.goto(live_server.url + "/pillars?indicator=%3Cb%3Ebogus&trend=iso3&drill=RADA&lang=fr")
    wait_for_dash(page)
    notice = page.inner_text("#pillars-options-notice")
    assert (
        "«\u00a0<b>bogus\u00a0»" in notice
        and "«\u00a0iso3\u00a0»" in notice
        and "RADA" not in notice
    )
    assert page.input_value("#pillars-indicator-dropdown") == "returns_assisted"
    assert page.input_value("#pillars-drill-dropdown") == "RADA"
    assert page.locator("#pillars-options-notice b").count() == 0
    assert_clean(page)


def test_csv_and_excel_downloads_hold_what_the_charts_show(live_server, page):
    page.goto(live_server.url + "/pillars?region=WCA,EHOA&trend=action&by_sex=1")
    wait_for_dash(page)
    today = dt.date.today().isoformat()

    name, content = download(
        page, block_button(page, "indicator-trend", "Download the data as CSV")
    )
    assert name == f"pillars_indicator-trend_region-EHOA-WCA_{today}.csv"
    header, table = csv_parts(content)
    assert header["chart"] == "Trend of the chosen indicator"
    assert header["filters"] == "Region: East and Horn of Africa, West and Central Africa"
    assert header["exported_on"] == today and header["kind_of_data"].startswith("DEMO DATA")
    assert pd.api.types.is_integer_dtype(
        table["Value (people)"]
    )  # counts read as integers, never 12.0
    assert list(table.columns) == [
        "Action code",
        "Action",
        "Quarter",
        "Quarter start",
        "Indicator code",
        "Indicator",
        "Value (people)",
    ]
    assert set(table["Indicator"]) == {"Migrants assisted to return"}
    shown = {
        (trace["name"], x[:10], y)
        for trace in figure_data(page, "pillars-trend-graph")
        for x, y in zip(trace["x"], trace["y"], strict=True)
    }
    exported = set(
        zip(table["Action"], table["Quarter start"], table["Value (people)"], strict=True)
    )
    assert exported == shown and len(table) == len(shown)

    name, content = download(
        page, block_button(page, "country-ranking", "Download the data as Excel")
    )
    assert name.endswith(f"_{today}.xlsx") and name.startswith("pillars_country-ranking_")
    about, table = excel_parts(content)
    assert about["Chart"] == "Countries ranked by the chosen indicator"
    assert about["Filters"] == "Region: East and Horn of Africa, West and Central Africa"
    assert about["Kind of data and source"].startswith("DEMO DATA")
    assert list(table.columns) == [
        "Country code (ISO 3166-1 alpha-3)",
        "Country",
        "Indicator code",
        "Indicator",
        "Sex",
        "Value (people)",
        "Country total (people)",
    ]
    bars = [trace for trace in figure_data(page, "pillars-ranking-graph") if trace["text"] is None]
    shown = {
        (trace["name"], country, value)
        for trace in bars
        for value, country in zip(trace["x"], trace["y"], strict=True)
    }
    assert set(zip(table["Sex"], table["Country"], table["Value (people)"], strict=True)) == shown
    assert list(dict.fromkeys(table["Country"])) == page.evaluate(
        "() => document.querySelector('#pillars-ranking-graph .js-plotly-plot').layout.yaxis.categoryarray"
    )

    _, content = download(
        page, page.locator(".pillars-published button[title='Download the data as CSV']")
    )
    _, published = csv_parts(content)
    links = page.eval_on_selector_all(
        "#pillars-published-table a", "nodes => nodes.map(n => n.href)"
    )
    assert list(published["Source address"]) == links
    assert published["As of"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    assert_clean(page)


def test_table_view_and_image_downloads(live_server, page):
    page.goto(live_server.url + "/pillars?action=RADA")
    wait_for_dash(page)
    page.locator(
        "section[aria-labelledby='pillar-matrix-heading'] button:text('Show as table')"
    ).click()
    table = page.locator("section[aria-labelledby='pillar-matrix-heading'] .chart-table-view table")
    table.wait_for()
    assert table.locator("tbody tr").count() == 6  # RADA x six pillars
    assert "Mapping by this project, not by the source" in table.inner_text()

    name, content = download(page, block_button(page, "pillar-matrix", "Download the chart as SVG"))
    assert (
        name.startswith("pillars_pillar-matrix_")
        and "action-RA" in name
        and dt.date.today().isoformat() in name
    )
    assert name.endswith(".svg") and content.lstrip().startswith(b"<svg")
    name, content = download(
        page, block_button(page, "completion-action", "Download the chart as PNG")
    )
    assert name.startswith("pillars_completion-action_") and content[:8] == b"\x89PNG\r\n\x1a\n"
    assert_clean(page)


def test_language_switch_changes_titles_axes_and_number_formats(live_server, page):
    page.goto(live_server.url + "/pillars?region=WCA")
    wait_for_dash(page)
    assert "Migrants assisted to returnper quarter, by region" in page.text_content(
        "#pillars-trend-graph"
    )  # 2 lines
    english_bars = figure_data(page, "pillars-ranking-graph")[0]["text"]
    assert any("," in label for label in english_bars)
    page.select_option("#shell-language-select", "fr")
    page.wait_for_function(
        "() => document.querySelector('#pillars-page h1').innerText === 'Piliers et indicateurs'"
    )
    wait_for_dash(page)
    trend = page.text_content("#pillars-trend-graph")
    assert "Migrants aidés au retourpar trimestre et par région" in trend and "Trimestre" in trend
    assert "Afrique centrale et de l’Ouest" in trend
    french_bars = figure_data(page, "pillars-ranking-graph")[0]["text"]
    assert french_bars == [label.replace(",", "\u202f") for label in english_bars]
    assert "\u202f" in page.inner_text(
        "#pillars-headline-cards [data-indicator='returns_assisted']"
    )
    assert (
        page.inner_text("section[aria-labelledby='indicator-trend-heading'] h2")
        == "Évolution de l’indicateur choisi"
    )
    assert (
        page.inner_text(
            "section[aria-labelledby='indicator-trend-heading'] button[title='Télécharger les données en CSV']"
        )
        == "CSV"
    )
    assert "maximum" in page.text_content("#pillars-ranking-summary")
    assert "lang=fr" in page.url
    assert_clean(page)
