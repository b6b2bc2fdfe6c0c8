"""Real EUTF figures in the browser, in English and French: the map coloured by an EUTF measure,
a country's contracts and target vs actual, the pillars page's real results and explorer, and
export headers that name the right kind of data (under the app's content security policy)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from browser_helpers import assert_clean, block_button, csv_parts, download
from test_map_browser import PLOT, open_map

from dashboard.i18n import t

from conftest import wait_for_dash

pytestmark = pytest.mark.browser
LANGS = ("en", "fr")


def map_meta(page) -> dict:
    return page.evaluate(f"() => document.querySelector('{PLOT}').layout.meta")


def wait_for_map_kind(page, kind: str, title_part: str) -> None:
    page.wait_for_function(
        "([plot, kind, part]) => { const p = document.querySelector(plot);"
        " return p && p.layout.meta && p.layout.meta.kind === kind"
        " && p.layout.title.text.replace(/<br>/g, ' ').replace(/<[^>]+>/g, '').includes(part); }",
        arg=[PLOT, kind, title_part],
    )


@pytest.mark.parametrize("lang", LANGS)
def test_colour_the_map_by_an_eutf_measure_and_export_it_as_real_data(live_server, page, lang):
    open_map(page, f"{live_server.url}/?lang={lang}")
    page.locator("#map-colour-radio label", has_text=t("map.colour.eutf", lang)).click()
    wait_for_map_kind(page, "eutf", t("eutf.measure.returns", lang))
    source = t(
        "eutf.source_line", lang, date="", framework=t("eutf.framework.coi", lang, number="3.4")
    )
    # The title is wrapped to fit a phone: read it as one line, as a person reads it.
    assert source in page.evaluate(
        f"() => document.querySelector('{PLOT}').layout.title.text.replace(/<br>/g, ' ').replace(/<[^>]+>/g, '')"
    )
    # The text summary is written by its own callback, after the figure's.
    page.wait_for_function(
        "() => document.querySelector('#map-summary-text').innerText.includes('Niger')"
    )
    summary = page.inner_text("#map-summary-text")
    assert "Niger" in summary and ("40,888" if lang == "en" else "40\u202f888") in summary
    # The address names options that differ from their defaults only (returns is the default measure).
    assert "colour=eutf" in page.url and "measure=" not in page.url

    page.select_option("#map-eutf-measure-dropdown", "budget")
    wait_for_map_kind(page, "eutf", t("eutf.measure.budget", lang))
    page.wait_for_url("**measure=budget**")
    wait_for_dash(page)
    name, content = download(
        page, block_button(page, "programme-map", t("export.download_csv", lang))
    )
    assert name.startswith("map_programme-map_all_")
    header, table = csv_parts(content)
    assert header["kind_of_data"] == t("kind.eutf", lang)
    rows = table.set_index(t("map.col.country_code", lang))
    assert (
        rows.loc["LBY", t("map.amount.col.value", lang)] == "73300000"
    )  # a whole amount, not 73300000.0
    assert (
        rows.loc["ETH", t("map.amount.col.value", lang)] == ""
    )  # a column of numbers: no figure is empty
    assert rows.loc["ETH", t("map.amount.col.status", lang)] == t("eutf.missing", lang)
    assert_clean(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_country_profile_lists_its_eutf_contracts_and_target_vs_actual(live_server, page, lang):
    open_map(page, f"{live_server.url}/?profile=NER&lang={lang}")
    contract = page.locator("#map-profile-eutf li[data-iati-id='T05-EUTF-SAH-NE-07-01']")
    contract.wait_for(state="attached")
    text = contract.inner_text()
    assert "SURENI" in text and t("eutf.profile.document", lang) in text
    assert contract.locator("a").get_attribute("href").startswith("https://")
    page.wait_for_function(
        "() => !document.getElementById('map-eutf-results-block').hidden"
        " && document.querySelector('#map-eutf-results-graph .js-plotly-plot')"
    )
    bars = page.evaluate(
        "() => document.querySelector('#map-eutf-results-graph .js-plotly-plot').data"
        ".map(d => ({name: d.name, y: d.y, text: d.text}))"
    )
    # No Common Output Indicator has a target: the chart draws what was reported, the actual.
    assert bars[0]["name"] == t("eutf.value.actual", lang)
    assert t("eutf.value.target", lang) not in [bar["name"] for bar in bars]
    returns = bars[0]["y"].index("3.4 " + t("eutf.coi.3.4", lang))
    assert bars[0]["text"][returns] == ("40,888" if lang == "en" else "40\u202f888")
    assert "Niger" in page.inner_text("#map-eutf-results-summary")
    wait_for_dash(page)
    _, content = download(
        page, block_button(page, "country-eutf-results", t("export.download_csv", lang))
    )
    header, table = csv_parts(content)
    assert header["kind_of_data"] == t("kind.eutf", lang)
    assert "Niger" in header["chart"]  # the profile's country is named
    assert set(table[t("map.amount.col.source", lang)].str.contains("17")) == {True}
    assert_clean(page)


@pytest.mark.parametrize("lang", LANGS)
def test_pillars_page_shows_real_results_and_the_explorer_finds_a_row(live_server, page, lang):
    page.goto(f"{live_server.url}/pillars?eutf_pillar=3&lang={lang}")
    wait_for_dash(page, timeout=60_000)  # the longest page: twelve charts, the tables and the grid
    page.wait_for_function(
        "() => { const p = document.querySelector('#pillars-eutf-graph .js-plotly-plot');"
        " return p && p.data && p.data.length >= 1; }"
    )
    labels = page.evaluate(
        "() => document.querySelector('#pillars-eutf-graph .js-plotly-plot').data[0].y"
    )
    assert "Niger · 3.5 bis" in labels
    title = page.evaluate(
        "() => document.querySelector('#pillars-eutf-graph .js-plotly-plot').layout.title.text"
        ".replace(/<[^>]+>/g, ' ').replace(/ +/g, ' ')"
    )
    assert (
        "correspondence by the dashboard"
        if lang == "en"
        else "correspondance des piliers par le tableau de bord"
    ) in title

    # Once scrolled to (its script loads then), the grid asks the server for the rows it shows;
    # the count line comes with them.
    page.locator("#pillars-explorer-search-input").scroll_into_view_if_needed()
    page.wait_for_function(
        "([start]) => document.getElementById('pillars-explorer-count').innerText.startsWith(start)",
        arg=["1,426" if lang == "en" else "1\u202f426"],
    )
    page.fill("#pillars-explorer-search-input", "T05-EUTF-SAH-NE-07-01 3.4 voluntary")
    page.wait_for_function(
        "() => { const rows = document.querySelectorAll("
        "'#pillars-explorer-grid .ag-center-cols-container .ag-row');"
        " return rows.length === 1 && rows[0].textContent.includes('T05-EUTF-SAH-NE-07-01'); }"
    )
    row = page.evaluate(
        "() => document.querySelector('#pillars-explorer-grid .ag-center-cols-container .ag-row')"
        ".textContent"
    )
    assert "T05-EUTF-SAH-NE-07-01" in row and "3.4 Number of voluntary returns supported" in row
    with page.expect_download() as info:
        page.click("#pillars-explorer-export-button")
    exported = pd.read_csv(
        info.value.path()
    )  # a plain CSV: one header row, the one row the search keeps
    assert len(exported) == 1 and set(exported["kind_of_data"]) == {t("kind.eutf", lang)}
    assert page.inner_text("#pillars-explorer-count").startswith("1 ")
    assert "T05-EUTF-SAH-NE-07-01" in exported.to_string() and "40888" in exported.to_string()

    published = page.locator(f".pillars-published button[title='{t('export.download_csv', lang)}']")
    _, content = download(page, published)
    assert csv_parts(content)[0]["kind_of_data"] == t("kind.published", lang)
    _, content = download(
        page, block_button(page, "indicator-trend", t("export.download_csv", lang))
    )
    assert csv_parts(content)[0]["kind_of_data"].startswith(t("chart.demo_mark", lang))
    _, content = download(page, block_button(page, "pillar-counts", t("export.download_csv", lang)))
    assert csv_parts(content)[0]["kind_of_data"] == t("kind.mapping", lang)
    assert dt.date.today().isoformat() in csv_parts(content)[0]["exported_on"]
    assert_clean(page)


@pytest.mark.parametrize("lang", LANGS)
def test_values_no_country_has_are_not_offered_and_a_link_to_one_falls_back_with_a_notice(
    live_server, page, lang
):
    # No Common Output Indicator row has a target: "target" and "% of target" would colour every
    # country "no EUTF figure". They are not offered; a link asking for one says why.
    open_map(page, f"{live_server.url}/?colour=eutf&measure=returns&value=target&lang={lang}")
    notice = page.inner_text("#map-options-notice")
    assert t("eutf.value.target", lang) in notice and (
        "no country has such a figure" in notice or "aucun pays n’a de tel chiffre" in notice
    )
    wait_for_map_kind(page, "eutf", t("eutf.value.actual", lang))
    assert page.locator("#map-eutf-value-group").is_hidden()  # one value: nothing to choose
    offered = page.eval_on_selector_all(
        "#map-eutf-value-radio input", "inputs => inputs.map(i => i.value)"
    )
    assert offered == ["actual"]
    page.select_option("#map-eutf-measure-dropdown", "budget")
    wait_for_map_kind(page, "eutf", t("eutf.value.budget", lang))
    assert "value=" not in page.evaluate("location.search")
    assert_clean(page)
