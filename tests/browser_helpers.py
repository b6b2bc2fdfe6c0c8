"""Helpers the browser tests share: waiting for Dash, clicking chart-block buttons, reading downloads."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from dashboard.common.exports import PROVENANCE_COLUMNS

from conftest import wait_for_dash

# axe-core, vendored (MPL-2.0): pages using it need the marker inject_scripts (the CSP is lifted).
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"

# How many shown texts of the page (HTML or a chart's SVG) hold a word: the map's disclaimer is
# shown once, in one wording.
DISCLAIMER_COUNT_JS = """
(word) => { let count = 0; const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) { const el = walk.currentNode.parentElement;
        if (walk.currentNode.nodeValue.includes(word) && el.getClientRects().length
            && getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).display !== 'none') { count++; } }
    return count; }
"""


def serious_violations(page) -> list[str]:
    """Run axe on the page, at rest; describe each serious or critical violation with its first
    targets. Colours are measured once no CSS transition runs: a button caught in the middle of
    Bootstrap's colour transition reads as low contrast though it never stays so."""
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running')", timeout=10_000
    )
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def settle(page, url_part: str) -> None:
    """Wait until the URL holds ``url_part`` and Dash is idle again."""
    page.wait_for_function(f"() => location.search.includes({url_part!r})")
    wait_for_dash(page)


def wait_for_plot(page, graph_id: str) -> None:
    """Wait until plotly has drawn the graph with this id (it draws after the callback answers)."""
    page.wait_for_function(
        "id => { const host = document.getElementById(id);"
        " const plot = host && host.querySelector('.js-plotly-plot'); return plot && plot.data && plot.layout; }",
        arg=graph_id,
    )


def assert_clean(page) -> None:
    """No console error, page error, failed response or request leaving the machine (the one
    copy every browser test uses)."""
    assert page.watch.console_errors == []
    assert page.watch.page_errors == []
    assert page.watch.failed_responses == []
    assert page.watch.outside_requests == []


def block_button(page, chart_key: str, title: str):
    """A button of a chart block's toolbar, by the chart's key and the button's title."""
    return page.locator(f"section[aria-labelledby='{chart_key}-heading'] button[title='{title}']")


def download(page, button) -> tuple[str, bytes]:
    """Click ``button`` and return the suggested file name and the bytes downloaded."""
    with page.expect_download() as info:
        button.click()
    saved = info.value
    return saved.suggested_filename, Path(saved.path()).read_bytes()


def csv_parts(content: bytes, *, as_text: bool = False) -> tuple[dict[str, str], pd.DataFrame]:
    """The provenance of an exported CSV (chart, kind_of_data, filters, exported_on: the same in
    every row) and its table without them (empty cells kept as ''). The file is read as a person
    would, with ``pd.read_csv`` and no options."""
    table = pd.read_csv(io.BytesIO(content), keep_default_na=False, dtype=str if as_text else None)
    assert list(table.columns[-len(PROVENANCE_COLUMNS) :]) == list(PROVENANCE_COLUMNS)
    provenance = {column: str(table[column].iloc[0]) for column in PROVENANCE_COLUMNS}
    assert all(table[column].astype(str).nunique() == 1 for column in PROVENANCE_COLUMNS)
    return provenance, table.drop(columns=list(PROVENANCE_COLUMNS))


def excel_parts(content: bytes) -> tuple[dict[str, str], pd.DataFrame]:
    """The About sheet of an exported workbook (label: value) and its table (first sheet, from A1)."""
    sheets = pd.read_excel(io.BytesIO(content), sheet_name=None)
    about = pd.read_excel(io.BytesIO(content), sheet_name=list(sheets)[1], header=None)
    return {str(label): str(value) for label, value in about.itertuples(index=False)}, sheets[
        list(sheets)[0]
    ]


def callback_requests(page) -> list[str]:
    """The bodies of the callback requests ``page`` sends from now on (a list that grows)."""
    bodies: list[str] = []
    page.on(
        "request",
        lambda request: (
            bodies.append(request.post_data or "")
            if "_dash-update-component" in request.url
            else None
        ),
    )
    return bodies


def choose_region(page, name: str) -> None:
    """Pick the region ``name`` in the shell's filters, as a person does, and wait for the address."""
    page.click("#filter-region-dropdown")
    page.locator("#shell-filter-collapse").get_by_role("option", name=name, exact=True).click()
    page.keyboard.press("Escape")
    page.wait_for_function("() => location.search.includes('region=WCA')")
