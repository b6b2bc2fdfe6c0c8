"""The EUTF results explorer in the browser: it shows its first rows, loads more as one scrolls or
moves with the keyboard, sorts and filters on the server, and downloads every matching row."""

from __future__ import annotations

import pytest
from browser_helpers import assert_clean, csv_parts, download, serious_violations

from dashboard.i18n import t

from conftest import wait_for_dash

pytestmark = pytest.mark.browser
GRID = "#pillars-explorer-grid"
ROWS = f"{GRID} .ag-center-cols-container .ag-row"


def cell(page, row_index: int, column: str) -> str | None:
    """The text of a loaded cell (None while the row is not in the page or still loading)."""
    return page.evaluate(
        "([rows, index, column]) => { const c = document.querySelector("
        '`${rows}[row-index="${index}"] .ag-cell[col-id="${column}"]`);'
        " return c && c.textContent.trim() ? c.textContent.trim() : null; }",
        [ROWS, row_index, column],
    )


def wait_for_cell(page, row_index: int, column: str, expected: str) -> None:
    page.wait_for_function(
        "([rows, index, column, expected]) => { const c = document.querySelector("
        '`${rows}[row-index="${index}"] .ag-cell[col-id="${column}"]`);'
        " return c && c.textContent.trim() === expected; }",
        arg=[ROWS, row_index, column, expected],
    )


def wait_for_count(page, start: str) -> None:
    page.wait_for_function(
        "([start]) => document.getElementById('pillars-explorer-count').innerText.startsWith(start)",
        arg=[start],
    )


def open_explorer(page, url: str) -> None:
    page.goto(url)
    wait_for_dash(page, timeout=60_000)
    page.locator(GRID).scroll_into_view_if_needed()
    wait_for_cell(page, 0, "result_id", "1")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_explorer_loads_rows_as_needed_sorts_filters_and_downloads_every_matching_row(
    live_server, page, lang
):
    open_explorer(page, f"{live_server.url}/pillars?lang={lang}")
    total = "1,426" if lang == "en" else "1\u202f426"
    wait_for_count(page, total)
    # Only the first block is in the page, not all 1,426 rows.
    assert cell(page, 1, "iati_id") and cell(page, 400, "result_id") is None

    # Scrolling far down loads the rows there from the server.
    page.evaluate(
        f"() => {{ const v = document.querySelector('{GRID} .ag-body-viewport');"
        " v.scrollTop = v.scrollHeight / 2; }"
    )
    page.wait_for_function(
        f"() => [...document.querySelectorAll('{ROWS}')].some(r => +r.getAttribute('row-index') > 600"
        " && r.querySelector('.ag-cell[col-id=\"iati_id\"]')?.textContent.trim())"
    )
    # So does the keyboard: Ctrl+End reaches the last row. Back to the top first, with the wheel as
    # a user would (setting the viewport's scrollTop raced AG Grid's own scroll syncing: the grid
    # sometimes kept drawing the rows of the middle).
    page.hover(f"{GRID} .ag-body-viewport")
    page.mouse.wheel(0, -10_000_000)
    wait_for_cell(page, 0, "result_id", "1")
    page.click(f"{ROWS}[row-index='0'] .ag-cell[col-id='iati_id']")
    page.keyboard.press("Control+End")
    wait_for_cell(page, 1425, "result_id", "1426")

    # Sorting by Actual, largest first, on the server: the first row changes.
    page.keyboard.press("Control+Home")
    wait_for_cell(page, 0, "result_id", "1")
    header = page.locator(f"{GRID} .ag-header-cell[col-id='actual'] .ag-header-cell-label")
    header.click()
    header.click()
    wait_for_cell(page, 0, "actual", "1740000")

    # A column filter (level: contract) narrows the rows and the count line says how many match.
    page.fill(
        f"{GRID} .ag-floating-filter[aria-colindex] input[aria-label*='{t('eutf.explorer.col.level', lang)}']",
        "contract",
    )
    page.wait_for_function(
        "() => /\\d/.test(document.getElementById('pillars-explorer-count').innerText)"
        " && !document.getElementById('pillars-explorer-count').innerText.startsWith('1,426 ')"
        " && !document.getElementById('pillars-explorer-count').innerText.startsWith('1\u202f426 ')"
    )
    count = page.inner_text("#pillars-explorer-count")
    shown = int(count.split(" ")[0].replace(",", "").replace("\u202f", ""))
    assert 50 < shown < 1426 and total in count
    wait_for_cell(page, 0, "level", "contract")
    first_actual = cell(page, 0, "actual")

    # The download holds every matching row, not only the ones loaded, sorted as shown.
    wait_for_dash(page)
    _, content = download(page, page.locator("#pillars-explorer-export-button"))
    provenance, table = csv_parts(content, as_text=True)
    assert len(table) == shown
    assert set(table[t("eutf.explorer.col.level", lang)]) == {"contract"}
    assert table[t("eutf.explorer.col.actual", lang)].iloc[0] == first_actual
    assert provenance["kind_of_data"] == t("kind.eutf", lang)
    assert t("eutf.explorer.col.level", lang) in provenance["filters"]
    assert_clean(page)


def test_explorer_search_filters_and_sort_live_in_the_address(live_server, page):
    # A pasted link: the search, a column filter and the sort come back; "Niger" is not Nigeria.
    level = (
        "%7B%22level%22%3A%7B%22filter%22%3A%22contract%22%2C"
        "%22filterType%22%3A%22text%22%2C%22type%22%3A%22equals%22%7D%7D"
    )
    page.goto(f"{live_server.url}/pillars#q=Niger+voluntary&sort=-actual&filter={level}")
    wait_for_dash(page, timeout=60_000)
    page.locator(GRID).scroll_into_view_if_needed()
    page.wait_for_function(
        "() => /^\\d+ of/.test(document.getElementById('pillars-explorer-count').innerText)"
    )
    assert page.input_value("#pillars-explorer-search-input") == "Niger voluntary"
    wait_for_cell(page, 0, "level", "contract")
    page.wait_for_function(
        f'() => document.querySelector(\'{ROWS}[row-index="0"] .ag-cell[col-id="countries"]\')'
    )
    first = [cell(page, index, "countries") or "" for index in range(3)]
    assert all("NER" in countries.split("; ") for countries in first if countries)
    # The grid asks for its rows again once the address's sort is applied: wait for that answer.
    page.wait_for_function(
        """([rows]) => {
            const value = (index) => {
                const cell = document.querySelector(`${rows}[row-index="${index}"] .ag-cell[col-id="actual"]`);
                return parseFloat((cell ? cell.innerText : '').replace(/[^0-9.-]/g, '') || 'x');
            };
            return value(0) >= value(1);
        }""",
        arg=[ROWS],
    )
    actuals = [float(cell(page, index, "actual") or "nan") for index in range(2)]
    assert actuals == sorted(actuals, reverse=True)
    # Typing writes the address (a new history entry); Back brings the previous rows again.
    page.fill("#pillars-explorer-search-input", "Nigeria")
    page.wait_for_function("() => location.hash.includes('q=Nigeria')")
    assert "sort=-actual" in page.url and "filter=" in page.url
    page.go_back()
    page.wait_for_function(
        "() => document.getElementById('pillars-explorer-search-input').value === 'Niger voluntary'"
    )
    assert_clean(page)


def test_an_unusable_value_in_the_explorer_address_is_dropped_with_a_notice(live_server, page):
    page.goto(f"{live_server.url}/pillars#q=Niger&sort=-bogus")
    wait_for_dash(page, timeout=60_000)
    page.wait_for_function(
        "() => document.getElementById('pillars-explorer-notice').innerText.includes('sort=-bogus')"
    )
    assert page.input_value("#pillars-explorer-search-input") == "Niger"
    # The grid showing what it could use does not rewrite the link, nor hide the notice.
    page.locator(GRID).scroll_into_view_if_needed()
    wait_for_count(page, "170 of")
    wait_for_dash(page)
    assert page.evaluate("location.hash") == "#q=Niger&sort=-bogus"
    assert "sort=-bogus" in page.inner_text("#pillars-explorer-notice")


def explorer_view(page) -> tuple[str, str, list[str]]:
    """What the explorer shows once settled: search box, count line, sorted columns."""
    wait_for_dash(page)
    return (
        page.input_value("#pillars-explorer-search-input"),
        page.inner_text("#pillars-explorer-count").split(" ")[0],
        page.evaluate(
            "() => [...document.querySelectorAll('#pillars-explorer-grid .ag-header-cell[aria-sort]')]"
            ".map(h => h.getAttribute('col-id') + ':' + h.getAttribute('aria-sort'))"
            ".filter(s => !s.endsWith(':none'))"
        ),
    )


def wait_for_view(page, search: str, count: str, sort: list[str]) -> None:
    page.wait_for_function(
        "([search, count]) => document.getElementById('pillars-explorer-search-input').value === search"
        " && document.getElementById('pillars-explorer-count').innerText.startsWith(count + ' ')",
        arg=[search, count],
    )
    assert explorer_view(page) == (search, count, sort)


def test_a_link_differing_only_by_its_fragment_is_applied_in_the_same_tab(live_server, page):
    level = (
        "%7B%22level%22%3A%7B%22filter%22%3A%22contract%22%2C"
        "%22filterType%22%3A%22text%22%2C%22type%22%3A%22equals%22%7D%7D"
    )
    open_explorer(page, f"{live_server.url}/pillars")
    # Pasted into the address bar of the same tab: no page load, only the fragment changes.
    page.goto(f"{live_server.url}/pillars#q=Niger&sort=-actual")
    wait_for_view(page, "Niger", "170", ["actual:descending"])
    wait_for_cell(page, 0, "actual", "391986")
    page.goto(f"{live_server.url}/pillars#sort=actual&filter={level}")
    wait_for_view(page, "", "692", ["actual:ascending"])
    wait_for_cell(page, 0, "level", "contract")
    # A browser that only fires "hashchange" (no "popstate") for it: applied too.
    page.evaluate(
        "() => { const old = location.href; history.replaceState(null, '', '#q=Mali');"
        " window.dispatchEvent(new HashChangeEvent('hashchange', {oldURL: old, newURL: location.href})); }"
    )
    wait_for_view(page, "Mali", "110", [])
    # A person's own sort writes the address; Back and Forward step through every fragment.
    header = page.locator(f"{GRID} .ag-header-cell[col-id='actual'] .ag-header-cell-label")
    header.click()
    page.wait_for_function("() => location.hash === '#q=Mali&sort=actual'")
    wait_for_view(page, "Mali", "110", ["actual:ascending"])
    page.go_back()
    wait_for_view(page, "Mali", "110", [])
    page.go_back()
    wait_for_view(page, "Niger", "170", ["actual:descending"])
    page.go_forward()
    wait_for_view(page, "Mali", "110", [])
    page.go_forward()
    wait_for_view(page, "Mali", "110", ["actual:ascending"])
    assert_clean(page)


@pytest.mark.inject_scripts
def test_explorer_with_rows_loaded_has_no_serious_accessibility_violation(live_server, page):
    open_explorer(page, f"{live_server.url}/pillars?lang=fr")
    wait_for_dash(page)
    assert serious_violations(page) == []


def grid_place(page) -> tuple[int, int]:
    """The grid's (or its stand-in's) top in the page and its height, in CSS pixels."""
    return tuple(
        page.evaluate(
            f"() => {{ const r = document.querySelector('{GRID}').getBoundingClientRect();"
            " return [Math.round(r.top + scrollY), Math.round(r.height)]; }"
        )
    )


def test_the_charts_come_first_and_the_grid_loads_when_reached_in_the_same_place(live_server, page):
    """The grid's script (1.3 MB) is not loaded for the charts at the top of /pillars: the grid's
    place, as tall as the grid and labelled, waits below them until a person scrolls near it; an
    address into the explorer (its fragment) loads it at once."""
    scripts = []
    page.on("request", lambda request: scripts.append(request.url))
    page.goto(f"{live_server.url}/pillars")
    wait_for_dash(page, timeout=60_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.dash-graph')].every(g => g.querySelector('.main-svg'))"
    )
    assert not [url for url in scripts if "dash_ag_grid" in url or "async-community" in url]
    place = page.locator(GRID)
    assert place.get_attribute("aria-busy") == "true"
    assert place.inner_text() == t("eutf.grid.loadingOoo", "en")
    held = grid_place(page)
    assert held[1] == 560

    # Reached by scrolling (or by the keyboard, whose focus scrolls the controls above it there).
    page.locator("#pillars-explorer-search-input").scroll_into_view_if_needed()
    wait_for_cell(page, 0, "result_id", "1")
    assert grid_place(page) == held  # nothing above or below it moved
    wait_for_count(page, "1,426")
    assert [url for url in scripts if "dash_ag_grid" in url]
    assert_clean(page)

    # An address into the explorer loads it with the page, without scrolling.
    other = page.context.new_page()
    other.goto(f"{live_server.url}/pillars#q=Niger")
    wait_for_dash(other, timeout=60_000)
    wait_for_count(other, "170 of")
    other.wait_for_selector(f"{ROWS}[row-index='0'] .ag-cell[col-id='countries']", state="attached")
    assert other.evaluate("() => scrollY") == 0
    other.close()


def test_the_grid_is_drawn_after_navigating_to_pillars_from_another_page(live_server, page):
    """Reached through the menu (no page load: the page that first loaded had no grid), the
    explorer's grid still loads its script when scrolled to and shows its rows."""
    page.goto(f"{live_server.url}/")
    wait_for_dash(page, timeout=60_000)
    page.click("a[href^='/pillars']")
    page.wait_for_selector("#pillars-explorer-heading")
    wait_for_dash(page, timeout=60_000)
    page.locator("#pillars-explorer-search-input").scroll_into_view_if_needed()
    wait_for_cell(page, 0, "result_id", "1")
    wait_for_count(page, "1,426")
    assert_clean(page)
