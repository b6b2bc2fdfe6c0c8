"""Browser tests of the sustainability page for sharing and export: a copied link restores the
view, data downloads hold what the charts show (suppressed groups blank), images download, the
language switch relabels and reformats, and page options are usable by keyboard."""

from __future__ import annotations

import datetime as dt
import io
import re
from urllib.parse import parse_qs, urlsplit

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
from openpyxl import load_workbook

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

GRAPHS = (
    "sustainability-means-graph",
    "sustainability-box-graph",
    "sustainability-share-graph",
    "sustainability-time-graph",
    "sustainability-compare-graph",
)
CONTROLS = (
    "#sustainability-grouping-dropdown",
    "#sustainability-threshold-input",
    "#sustainability-threshold-range",
    "#sustainability-group-a-dropdown",
    "#sustainability-group-b-dropdown",
)


def figure_data(page, graph_id: str) -> list[dict]:
    """What plotly drew: each trace's name, x, y and box statistics."""
    wait_for_plot(page, graph_id)
    return page.evaluate(
        """id => document.getElementById(id).querySelector('.js-plotly-plot').data.map(
               t => ({name: t.name || null, x: t.x || null, y: t.y || null, median: t.median || null}))""",
        graph_id,
    )


def figure_layout(page, graph_id: str, path: str):
    wait_for_plot(page, graph_id)
    return page.evaluate(
        f"id => document.getElementById(id).querySelector('.js-plotly-plot').layout.{path}",
        graph_id,
    )


def view_state(page) -> dict:
    """Control values, figure data, titles and summaries, for comparing two views."""
    return {
        "controls": {selector: page.input_value(selector) for selector in CONTROLS},
        "measure": page.input_value("#sustainability-measure-radio input:checked"),
        "figures": {graph: figure_data(page, graph) for graph in GRAPHS},
        "titles": [figure_layout(page, graph, "title.text") for graph in GRAPHS],
        "summaries": page.eval_on_selector_all(
            ".chart-summary", "nodes => nodes.map(n => n.textContent)"
        ),
        "filters": page.inner_text("#filter-region-dropdown"),
        "table": page.inner_text("#sustainability-compare-table"),
    }


def test_a_copied_link_restores_filters_options_and_language(live_server, page, browser):
    page.goto(live_server.url + "/sustainability?region=WCA,EHOA&lang=fr")
    wait_for_dash(page)
    page.select_option("#sustainability-grouping-dropdown", "age_group")
    settle(page, "group=age_group")
    page.focus("#sustainability-measure-radio input[value='composite']")
    page.keyboard.press("ArrowLeft")  # keyboard alone moves the score to "Psychosocial"
    settle(page, "measure=psychosocial")
    page.fill("#sustainability-threshold-input", "0.62")
    page.press("#sustainability-threshold-input", "Enter")
    settle(page, "threshold=0.62")
    page.select_option("#sustainability-group-b-dropdown", "35-44")
    settle(page, "b=35-44")
    original = view_state(page)
    link = page.url
    query = parse_qs(urlsplit(link).query)
    # Group A stays at its default (18-24), so the address leaves it out.
    assert query == {
        "region": ["EHOA,WCA"],
        "lang": ["fr"],
        "group": ["age_group"],
        "measure": ["psychosocial"],
        "threshold": ["0.62"],
        "b": ["35-44"],
    }
    assert (
        original["measure"] == "psychosocial"
        and original["controls"]["#sustainability-threshold-range"] == "0.62"
    )
    # Shares of the protected release are computed at the threshold asked for, and titled so.
    assert "Part au seuil 0,62 ou au-dessus" in original["titles"][2]
    assert "18–24 ans et 35–44 ans" in original["titles"][4]

    fresh = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        other = fresh.new_page()
        other.goto(link)
        wait_for_dash(other)
        assert view_state(other) == original
        assert parse_qs(urlsplit(other.url).query) == query
        assert other.evaluate("document.documentElement.lang") == "fr"
    finally:
        fresh.close()
    assert_clean(page)


def test_unknown_page_options_in_a_link_are_dropped_with_a_notice(live_server, page):
    page.goto(live_server.url + "/sustainability?group=iso3&a=%3Cb%3Ex&threshold=7&lang=fr")
    wait_for_dash(page)
    notice = page.inner_text("#sustainability-options-notice")
    assert "«\u00a0iso3\u00a0» pour «\u00a0Comparer par\u00a0»" in notice
    assert (
        "«\u00a0<b>x\u00a0» pour «\u00a0Groupe A\u00a0»" in notice and "«\u00a07\u00a0»" in notice
    )
    assert page.locator("#sustainability-options-notice b").count() == 0
    assert page.input_value("#sustainability-grouping-dropdown") == "region"
    assert page.input_value("#sustainability-group-a-dropdown") == "WCA"
    assert page.input_value("#sustainability-threshold-input") == "0,5"  # French decimal comma
    assert_clean(page)


def test_csv_and_excel_downloads_hold_what_the_charts_show(live_server, page):
    page.goto(
        live_server.url + "/sustainability?region=WCA,EHOA&from=2020-Q1&to=2020-Q4&group=country"
        "&measure=economic&threshold=0.6"
    )
    wait_for_dash(page)
    today = dt.date.today().isoformat()

    name, content = download(
        page, block_button(page, "sustainability-means", "Download the data as CSV")
    )
    assert (
        name
        == f"sustainability_sustainability-means_region-EHOA-WCA-from-2020-Q1-to-2020-Q4_{today}.csv"
    )
    header, table = csv_parts(content, as_text=True)
    assert header["chart"] == "Mean scores with 95% confidence intervals"
    assert header["filters"] == (
        "Region: East and Horn of Africa, West and Central Africa; "
        "From quarter: Q1 2020; To quarter: Q4 2020"
    )
    assert header["exported_on"] == today and header["kind_of_data"].startswith("DEMO DATA")
    assert list(table.columns[:4]) == ["Country: code", "Country", "Status", "Respondents (n)"]
    ticks = figure_layout(page, "sustainability-means-graph", "yaxis.categoryarray")
    assert len(table) == len(ticks)  # every group the chart lists, suppressed ones included
    shown = table[table["Status"] == "shown"]
    hidden = table[table["Status"].str.startswith("suppressed")]
    assert len(shown) and len(hidden), (
        "in 2020 the 5,000-record store has small and large countries"
    )
    # Every row says how it was protected; nothing else is written in a suppressed row.
    assert set(table["Disclosure control"]) == {
        "protected: computed from the protected release (differential privacy, ρ = 0.50); 95% intervals show "
        "survey sampling only, not the release’s noise"
    }
    numbers = [
        column
        for column in table.columns
        if column not in ("Country: code", "Country", "Status", "Disclosure control")
    ]
    assert (hidden[numbers] == "").all().all()  # no mean, n or interval for a suppressed group
    composite = next(
        trace
        for trace in figure_data(page, "sustainability-means-graph")
        if trace["name"] == "Composite"
    )
    drawn = dict(
        zip((tick.replace("<br>", " ") for tick in composite["y"]), composite["x"], strict=True)
    )
    exported = {
        f"{country} (n={int(n):,})": float(mean)
        for country, n, mean in zip(
            shown["Country"], shown["Respondents (n)"], shown["Composite: mean"], strict=True
        )
    }
    assert exported.keys() == drawn.keys()
    assert all(exported[key] == pytest.approx(drawn[key]) for key in drawn)

    name, content = download(
        page, block_button(page, "sustainability-share", "Download the data as Excel")
    )
    assert name.startswith("sustainability_sustainability-share_region-EHOA-WCA") and name.endswith(
        f"_{today}.xlsx"
    )
    about, shares = excel_parts(content)
    assert (
        about["Chart"] == "Share at or above the threshold"
        and about["Filters"] == header["filters"]
    )
    assert about["Kind of data and source"].startswith("DEMO DATA")
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    counts = [
        row[list(shares.columns).index("Respondents (n)")]
        for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert all(isinstance(count, int) for count in counts if count is not None)  # 47, never 47.0
    assert set(shares["Threshold (setting)"]) == {0.6} and set(shares["Score"]) == {"Economic"}
    bars = figure_data(page, "sustainability-share-graph")[0]
    shown = shares[shares["Status"] == "shown"]
    assert [
        f"{c} (n={int(n):,})"
        for c, n in zip(shown["Country"], shown["Respondents (n)"], strict=True)
    ] == [tick.replace("<br>", " ") for tick in bars["y"]]
    assert shown["Share at or above the threshold"].tolist() == pytest.approx(bars["x"])
    hidden = shares[shares["Status"] != "shown"]
    assert hidden[["Respondents (n)", "Share at or above the threshold"]].isna().all().all()
    assert_clean(page)


def test_table_view_and_image_downloads(live_server, page):
    page.goto(live_server.url + "/sustainability?group=months&measure=social")
    wait_for_dash(page)
    block = "section[aria-labelledby='sustainability-time-heading']"
    page.locator(f"{block} button:text('Show as table')").click()
    table = page.locator(f"{block} .chart-table-view table")
    table.wait_for()
    assert table.locator("tbody tr").count() == 5  # one series ("All returnees") x five bands
    assert "All returnees" in table.inner_text() and "24 months or more" in table.inner_text()
    assert (
        page.locator(f"{block} button:text('Hide table')").get_attribute("aria-expanded") == "true"
    )
    drawn = figure_data(page, "sustainability-time-graph")[0]["y"]
    cells = table.locator(
        "tbody tr td:nth-child(8)"
    ).all_inner_texts()  # "Social: mean", 3 decimals
    assert cells == [f"{value:.3f}" for value in drawn]

    today = dt.date.today().isoformat()
    name, content = download(
        page, block_button(page, "sustainability-means", "Download the chart as SVG")
    )
    assert name.startswith("sustainability_sustainability-means_") and name.endswith(
        f"_{today}.svg"
    )
    assert content.lstrip().startswith(b"<svg")
    # The footer is drawn in the image: chart, filters, kind of data and the day of the export.
    footer = " ".join(
        re.findall(r'<g class="export-footer">(.*?)</g>', content.decode("utf-8"))[0].split("<text")
    )
    assert (
        "Mean scores with 95% confidence intervals" in footer
        and "Filters: none (all data)" in footer
    )
    assert "Kind of data and source: DEMO DATA" in footer and f"Exported on {today}" in footer
    name, content = download(
        page, block_button(page, "sustainability-compare", "Download the chart as PNG")
    )
    assert (
        name.startswith("sustainability_sustainability-compare_")
        and content[:8] == b"\x89PNG\r\n\x1a\n"
    )
    width, height = int.from_bytes(content[16:20], "big"), int.from_bytes(content[20:24], "big")
    graph = page.evaluate(
        "() => { const g = document.querySelector('#sustainability-compare-graph .js-plotly-plot');"
        " return [g.offsetWidth, g.offsetHeight]; }"
    )
    assert width == 2 * graph[0]  # twice the screen resolution
    assert height > 2 * graph[1] + 2 * 3 * 16  # and a footer of three lines or more below the chart
    assert_clean(page)


def test_language_switch_changes_titles_axes_and_number_formats(live_server, page):
    page.goto(live_server.url + "/sustainability")
    wait_for_dash(page)
    english_ticks = [
        tick.replace("<br>", " ")
        for tick in figure_layout(page, "sustainability-means-graph", "yaxis.categoryarray")
    ]
    assert any("West and Central Africa (n=" in tick and "," in tick for tick in english_ticks)
    assert (
        figure_layout(page, "sustainability-means-graph", "xaxis.title.text")
        == "Mean score (95% CI)"
    )
    page.select_option("#shell-language-select", "fr")
    page.wait_for_function(
        "() => document.querySelector('#sustainability-page-container h1').innerText"
        " === 'Durabilité de la réintégration'"
    )
    page.wait_for_function("""() => {
        const plot = document.querySelector('#sustainability-means-graph .js-plotly-plot');
        return plot && plot.layout && plot.layout.title && plot.layout.title.text === 'Scores moyens par région'; }""")
    wait_for_dash(page)
    assert (
        figure_layout(page, "sustainability-means-graph", "xaxis.title.text")
        == "Score moyen (IC à 95 %)"
    )
    assert figure_layout(page, "sustainability-means-graph", "separators") == ",\u202f"
    french_ticks = [
        tick.replace("<br>", " ")
        for tick in figure_layout(page, "sustainability-means-graph", "yaxis.categoryarray")
    ]
    wca = next(
        tick for tick in french_ticks if tick.startswith("Afrique centrale et de l’Ouest (n=")
    )
    assert "\u202f" in wca and "," not in wca  # 3 3xx with a narrow no-break space
    assert [trace["name"] for trace in figure_data(page, "sustainability-means-graph")] == [
        "Économique",
        "Social",
        "Psychosocial",
        "Composite",
    ]
    assert "Mois depuis le retour" in page.text_content("#sustainability-time-graph")
    heading = page.inner_text("section[aria-labelledby='sustainability-means-heading'] h2")
    assert heading == "Scores moyens avec intervalles de confiance à 95 %"
    assert (
        page.inner_text(
            "section[aria-labelledby='sustainability-share-heading'] "
            "button[title='Télécharger les données en CSV']"
        )
        == "CSV"
    )
    summary = page.text_content("#sustainability-share-summary")
    assert summary.startswith("5 groupes affichés") and "\u202f%" in summary and "0,50" in summary
    assert_clean(page)
