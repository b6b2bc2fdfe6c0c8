"""Every page prints clean on A4 and US Letter: no two blocks overlap, nothing is cut, no control
label without its control, no close button, no link address spelled out; and Chromium makes the PDF."""

from __future__ import annotations

import pytest

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

# CSS pixels inside the margins of assets/30-print.css (12 mm each side) at 96 per inch.
PAPER_WIDTHS = {"A4": round((210 - 24) / 25.4 * 96), "Letter": round((215.9 - 24) / 25.4 * 96)}
PAGES = ["/?profile=LBY&colour=status", "/pillars", "/sustainability?group=sex", "/about?lang=fr"]

# Visible blocks (outside closed <details>) that stick out of the paper or overlap another block.
LAYOUT_JS = """
() => {
    const width = document.documentElement.clientWidth;
    const selector = 'main .chart-block, main section, main .card, main table, main h1, main h2, main h3,'
        + ' main .js-plotly-plot, #shell-print-header > *, main p, main label, main legend, main .alert';
    const shown = [...document.querySelectorAll(selector)]
        .filter(el => !el.closest('details:not([open]) > :not(summary)'))
        .filter(el => { const style = getComputedStyle(el); const box = el.getBoundingClientRect();
                        return style.display !== 'none' && style.visibility !== 'hidden'
                               && box.width > 2 && box.height > 2; });
    const name = el => (el.id || el.tagName) + ': ' + (el.textContent || '').trim().slice(0, 40);
    const problems = [];
    for (const el of shown) {
        const box = el.getBoundingClientRect();
        if (box.right > width + 1 || box.left < -1) { problems.push('cut ' + name(el)); }
    }
    for (let i = 0; i < shown.length; i++) {
        for (let j = i + 1; j < shown.length; j++) {
            const a = shown[i], b = shown[j];
            if (a.contains(b) || b.contains(a)) { continue; }
            const p = a.getBoundingClientRect(), q = b.getBoundingClientRect();
            const x = Math.min(p.right, q.right) - Math.max(p.left, q.left);
            const y = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
            if (x > 2 && y > 2) { problems.push('overlap ' + name(a) + ' / ' + name(b)); }
        }
    }
    const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const lonelyLabels = [...document.querySelectorAll('main label, main legend')].filter(visible)
        .filter(label => { const target = label.htmlFor
                               ? document.getElementById(label.htmlFor)
                               : label.parentElement.querySelector('input, select, .dash-dropdown');
                           return !target || !visible(target); })
        .map(label => label.textContent.trim());
    const closeButtons = [...document.querySelectorAll('.btn-close')].filter(visible).length;
    const spelledLinks = [...document.querySelectorAll('a[href^="http"]')]
        .filter(link => !['none', 'normal', ''].includes(getComputedStyle(link, '::after').content)).length;
    return {width: document.documentElement.scrollWidth, problems, lonelyLabels, closeButtons, spelledLinks};
}
"""


@pytest.mark.parametrize("path", PAGES)
def test_every_page_prints_clean_on_a4_and_letter(live_server, page, path):
    page.goto(live_server.url + path)
    wait_for_dash(page)
    page.emulate_media(media="print")
    for paper, width in PAPER_WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 1000})
        wait_for_dash(page)
        found = page.evaluate(LAYOUT_JS)
        assert found["problems"] == [], (paper, found["problems"][:5])
        assert found["width"] <= width, paper
        assert (
            found["lonelyLabels"] == []
            and found["closeButtons"] == 0
            and found["spelledLinks"] == 0
        ), found
        assert page.pdf(format=paper, print_background=True).startswith(b"%PDF")
