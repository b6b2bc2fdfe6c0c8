"""Open data in a real browser and over real HTTP: a page on another local origin embeds a chart
(offline, its kind of data and link back shown); an origin not listed cannot; the Embed button
gives the snippet for the current view; pandas reads the API's CSV from its address in one line."""

from __future__ import annotations

from urllib.parse import quote

import pandas as pd
import pytest
from flask import Flask, request

from dashboard.app import create_app

from conftest import settings_for, start_server, wait_for_dash


def partner_site() -> Flask:
    """Another site: a page whose iframe shows the address given in ``src``."""
    partner = Flask("partner")

    @partner.get("/")
    def host_page() -> str:
        source = request.args.get("src", "")
        return (
            f'<!DOCTYPE html><html lang="en"><head><title>Partner</title></head><body><h1>Partner site</h1>'
            f'<iframe id="partner-frame" src="{source}" width="760" height="680" title="chart"></iframe>'
            f"</body></html>"
        )

    return partner


@pytest.fixture(scope="module")
def partner():
    live = start_server(type("App", (), {"server": partner_site()})())
    yield live
    live.server.shutdown()


@pytest.fixture(scope="module")
def embedding_app(demo_store_path, partner):
    live = start_server(create_app(settings_for(demo_store_path, embed_origins=(partner.url,))))
    yield live
    live.server.shutdown()


@pytest.mark.browser
def test_a_page_on_another_local_origin_embeds_a_chart(page, partner, embedding_app):
    source = f"{embedding_app.url}/embed/sustainability-means?group=sex&region=WCA&lang=fr"
    page.goto(f"{partner.url}/?src={quote(source)}")
    frame = page.frame_locator("#partner-frame")
    frame.locator("#embed-graph[data-drawn=true]").wait_for(timeout=30_000)
    assert frame.locator("#embed-graph .main-svg").count() >= 1
    assert "DÉMONSTRATION" in frame.locator("#embed-kind").inner_text()
    assert "Afrique" in frame.locator("#embed-filters").inner_text()
    link = frame.locator("#embed-link")
    assert link.inner_text().startswith("Ouvrir")
    assert link.get_attribute("href").startswith("/sustainability?region=WCA")
    assert not page.watch.outside_requests and not page.watch.page_errors


@pytest.mark.browser
def test_the_embed_panel_names_the_allowed_partner_origins(page, partner, embedding_app):
    page.goto(f"{embedding_app.url}/pillars")
    wait_for_dash(page)
    page.locator("#pillar-counts-heading ~ .chart-toolbar button", has_text="Embed").click()
    note = page.locator(".chart-embed-view:not([hidden]) .chart-embed-note").first
    note.wait_for()
    assert partner.url in note.inner_text() and "EUIOM_EMBED_ORIGINS" in note.inner_text()


def test_an_origin_not_listed_cannot_embed(page, partner, live_server):
    source = f"{live_server.url}/embed/sustainability-means"
    page.goto(f"{partner.url}/?src={quote(source)}")
    page.wait_for_timeout(
        1500
    )  # give a (refused) frame time to load; a refusal has no event to wait on
    frame = page.frame_locator("#partner-frame")
    assert frame.locator("#embed-graph").count() == 0


@pytest.mark.browser
def test_embed_button_gives_the_snippet_of_the_current_view(page, live_server):
    page.goto(f"{live_server.url}/pillars?region=WCA&lang=fr")
    wait_for_dash(page)
    page.locator("#pillar-counts-heading ~ .chart-toolbar button", has_text="Intégrer").click()
    snippet = page.locator(".chart-embed-view:not([hidden]) textarea").first
    snippet.wait_for()
    text = snippet.input_value()
    assert (
        text.startswith("<iframe")
        and "/embed/pillar-counts?region=WCA" in text
        and "lang=fr" in text
    )
    # No partner origin is set: the panel says the snippet shows only here until one is listed.
    note = page.locator(".chart-embed-view:not([hidden]) .chart-embed-note").first.inner_text()
    assert "EUIOM_EMBED_ORIGINS" in note and "Aucun site partenaire" in note
    href = page.locator("#shell-download-all-link").get_attribute("href")
    assert href.startswith("/api/v1/download.zip?region=WCA&") and href.endswith("&lang=fr")


def test_pandas_reads_the_csv_of_a_chart_from_its_address(live_server):
    frame = pd.read_csv(
        f"{live_server.url}/api/v1/charts/sustainability-means?format=csv&group=region"
    )
    assert "Region" in frame.columns and "kind_of_data" in frame.columns and len(frame) >= 3
    reference = pd.read_csv(f"{live_server.url}/api/v1/reference/actions?format=csv")
    assert set(reference["action_code"]) >= {"JI-SLC", "RADA"}


@pytest.mark.browser
@pytest.mark.inject_scripts
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_api_page_tokens_page_and_embed_have_no_serious_accessibility_violation(
    live_server, page, lang
):
    from browser_helpers import serious_violations

    for path in (
        f"/api/v1/docs?lang={lang}",
        f"/tokens?lang={lang}",
        f"/embed/sustainability-means?lang={lang}",
        f"/embed/published-figures?lang={lang}",
    ):
        page.goto(live_server.url + path)
        if path.startswith("/embed/sustainability"):
            page.locator("#embed-graph[data-drawn=true]").wait_for()
        assert serious_violations(page) == [], path
    # Opened with its filters, the embed snippet and the zip follow the page shown.
    page.goto(f"{live_server.url}/sustainability?lang={lang}&region=WCA")
    wait_for_dash(page)
    page.locator(
        "#sustainability-means-heading ~ .chart-toolbar button.btn-outline-secondary"
    ).last.click()
    page.locator(".chart-embed-view:not([hidden]) textarea").first.wait_for()
    assert serious_violations(page) == []
