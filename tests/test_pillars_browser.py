"""Browser tests of the pillars page: what a person sees, before and after a filter change."""

from __future__ import annotations

import pytest
from browser_helpers import assert_clean

from dashboard.i18n import format_number
from dashboard.store.files import ReadOnlyStore

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

RETURNS_CARD = "#pillars-headline-cards [data-indicator='returns_assisted'] .pillars-card-value"


@pytest.fixture(scope="module")
def demo_cursor(demo_store_path):
    store = ReadOnlyStore(demo_store_path)
    yield store.cursor()
    store.close()


def returns_total(cursor, region: str | None = None) -> str:
    """The returns total as the card should show it, from direct SQL."""
    sql = """SELECT sum(v.value) FROM indicator_values v JOIN actions a USING (action_code)
             WHERE v.indicator_code = 'returns_assisted' AND ($region IS NULL OR a.region_code = $region)"""
    return format_number(cursor.execute(sql, {"region": region}).fetchone()[0], "en")


def legend(page, graph_id: str) -> list[str]:
    return page.eval_on_selector_all(
        f"#{graph_id} .legendtext", "nodes => nodes.map(n => n.textContent)"
    )


def test_page_shows_matrix_cards_and_published_sources(live_server, page, demo_cursor):
    page.goto(live_server.url + "/pillars")
    wait_for_dash(page)
    matrix = page.text_content("#pillars-matrix-graph")
    assert (
        "Sahel and Lake Chad" in matrix and "mapping by this project, not by the source" in matrix
    )
    assert page.locator("#pillars-matrix-table tbody tr").count() == 6
    assert page.inner_text(RETURNS_CARD) == returns_total(demo_cursor)
    assert "Definition:" in page.get_attribute(
        "#pillars-headline-cards [data-indicator='returns_assisted']", "title"
    )
    assert "Libya" in page.inner_text("#pillars-drill-notes")
    assert "Published figures (real, from their sources)" in page.inner_text("#shell-page-content")
    links = page.eval_on_selector_all(
        "#pillars-published-table a", "nodes => nodes.map(n => n.href)"
    )
    assert len(links) == 34 and all(link.startswith(("https://", "http://")) for link in links)
    assert "reliefweb.int" in page.inner_text("#pillars-published-table")
    assert_clean(page)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_hole_under_the_pillar_matrix_at_1440(live_server, page, lang):
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{live_server.url}/pillars?lang={lang}")
    wait_for_dash(page)
    page.locator("#pillars-counts-graph .main-svg").first.wait_for()
    gap = page.evaluate("""() => {
        const bottom = id => document.getElementById(id).getBoundingClientRect().bottom;
        const next = document.getElementById('pillars-matrix-table').closest('details').getBoundingClientRect().top;
        return {matrix: next - bottom('pillars-matrix-graph'), counts: next - bottom('pillars-counts-graph')};
    }""")
    assert gap["matrix"] < 48 and gap["counts"] < 48, gap


def test_choosing_a_region_updates_cards_and_charts(live_server, page, demo_cursor):
    page.goto(live_server.url + "/pillars")
    wait_for_dash(page)
    before = page.inner_text(RETURNS_CARD)
    page.focus("#filter-region-dropdown")
    page.keyboard.press("Enter")
    page.wait_for_selector(".dash-dropdown-search", state="visible")
    page.keyboard.type("Central")
    page.wait_for_function("() => document.querySelectorAll('[role=option]').length === 1")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('region=WCA')")
    expected = returns_total(demo_cursor, "WCA")
    page.wait_for_function(
        f"() => document.querySelector(\"{RETURNS_CARD}\").innerText === '{expected}'"
    )
    wait_for_dash(page)
    assert before != expected
    assert page.locator("#pillars-matrix-table tbody tr").count() == 1
    assert legend(page, "pillars-trend-graph") == ["West and Central Africa"]
    assert page.input_value("#pillars-drill-dropdown") == "JI-SLC"
    assert "Prottasha" not in page.inner_text("#pillars-published-table")
    page.check("#pillars-trend-radio input[value='action']")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#pillars-trend-graph .legendtext')]"
        ".map(n => n.textContent).join() === 'Sahel and Lake Chad'"
    )
    assert legend(page, "pillars-trend-graph") == ["Sahel and Lake Chad"]
    assert_clean(page)


def test_filters_matching_nothing_show_empty_states(live_server, page):
    page.goto(live_server.url + "/pillars?region=APAC&pillar=6&lang=fr")
    wait_for_dash(page)
    assert "Aucune donnée pour les filtres actuels." in page.text_content("#pillars-matrix-graph")
    assert "Aucune donnée pour les filtres actuels." in page.text_content("#pillars-trend-graph")
    assert "Aucun indicateur ne s’applique" in page.inner_text("#pillars-headline-cards")
    assert "Aucun chiffre publié" in page.inner_text("#pillars-published-table")
    assert_clean(page)
