"""Every page other than the map (whose brief tests/test_map_print_browser.py reads) on A4 and US
Letter, in English and French, read from the PDF Chromium makes with print media: from a window at
the paper's width (as a printer lays the page out) and from a wide window (a desktop's, as
``page.pdf`` prints it). Nothing runs into a page's margins, no word covers another (an amount
over its label), and every line every chart draws is on paper, all on one page.

One browser page per page and language: it loads once and prints four times."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest
from test_map_print_browser import (
    CHART_TEXTS_JS,
    MARGINS,
    PAPER_WIDTHS,
    overlapping,
    pdf_words,
    squeezed,
)

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

PAGES = ("/pillars", "/sustainability?group=region", "/about")
# (paper, window): each paper from its own width and from a desktop's.
PRINTS = (("A4", None), ("A4", 1440), ("Letter", None), ("Letter", 1280))
PLOTS = "main .js-plotly-plot"
# Each chart drawn, no wider than the paper's content, and inside the box the page gives it.
FITTED_JS = """
(selector) => [...document.querySelectorAll(selector)].every(plot => {
    const svg = plot.querySelector('.main-svg');
    if (!svg) { return false; }
    const drawn = svg.getBoundingClientRect(), box = plot.closest('.dash-graph').getBoundingClientRect();
    return drawn.width <= 681 && drawn.bottom <= box.bottom + 1 && drawn.right <= box.right + 1;
})
"""
CHART_SELECTORS_JS = """
(selector) => [...document.querySelectorAll(selector)].filter(plot => plot.offsetParent !== null)
    .map(plot => '#' + plot.closest('.dash-graph').id + ' .js-plotly-plot')
"""


def layout_text(pdf: bytes, tmp_path) -> list[str]:
    """Each page's text as ``pdftotext -layout`` reads it (lines rebuilt from where glyphs sit: a
    chart scaled for paper may place a label's glyphs a little apart, which -bbox splits), squeezed."""
    source = tmp_path / "layout.pdf"
    source.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(source), "-"], check=True, capture_output=True
    ).stdout
    return [squeezed(part) for part in text.decode("utf-8").split("\f")]


def longest_run(marked: np.ndarray) -> int:
    """The most consecutive marked rows (a line down the page, not lines of text)."""
    longest = current = 0
    for mark in marked:
        current = current + 1 if mark else 0
        longest = max(longest, current)
    return longest


def one_sided_boxes(pdf: bytes, tmp_path) -> list[str]:
    """Pages where a box's left border runs down the left margin with no right border beside it
    on the right (a panel cut at the paper's content edge), from the PDF rendered with pdftoppm
    at 96 dpi: the rows where each margin's band holds a visible vertical line."""
    source = tmp_path / "borders.pdf"
    source.write_bytes(pdf)
    for old in tmp_path.glob("borders-*.ppm"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "96", str(source), str(tmp_path / "borders")], check=True)
    problems = []
    for image in sorted(tmp_path.glob("borders-*.ppm"), key=lambda path: int(path.stem[8:])):
        header, dimensions, _, pixels = image.read_bytes().split(b"\n", 3)
        width, height = map(int, dimensions.split())
        grey = np.frombuffer(pixels, dtype=np.uint8).reshape(height, width, 3).mean(axis=2)
        edge = round(MARGINS[0] / 72 * 96)  # the content's edges, 12 mm from the paper's
        left = longest_run(grey[:, edge - 8 : edge + 10].min(axis=1) < 240)
        right = longest_run(grey[:, width - edge - 10 : width - edge + 8].min(axis=1) < 240)
        if left > 100 and right < 0.9 * left:
            problems.append(
                f"page {image.stem[8:]}: left border {left} px, right border {right} px"
            )
    return problems


def printed(
    page, paper: str, window: int | None, tmp_path
) -> tuple[list, list, list[str], list[str], list[list[str]], bytes]:
    """The page printed on ``paper`` laid out from ``window`` (None: the paper's width): the PDF's
    words, its pages' sizes and text, the charts' selectors and the lines each chart draws."""
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": window or 1280, "height": 900})
    wait_for_dash(page)
    page.emulate_media(media="print")
    if window is None:
        page.set_viewport_size({"width": PAPER_WIDTHS[paper], "height": 1000})
    wait_for_dash(page)
    page.wait_for_function(FITTED_JS, arg=PLOTS)
    page.wait_for_timeout(300)
    page.wait_for_function(FITTED_JS, arg=PLOTS)
    charts = page.evaluate(CHART_SELECTORS_JS, PLOTS)
    expected = page.evaluate(CHART_TEXTS_JS, charts)
    pdf = page.pdf(format=paper, print_background=True)
    words, sizes = pdf_words(pdf, tmp_path)
    return words, sizes, layout_text(pdf, tmp_path), charts, expected, pdf


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_prints_whole_on_a4_and_letter(live_server, page, tmp_path, path, lang):
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext not found: install poppler-utils (make test does)")
    page.goto(f"{live_server.url}{path}{'&' if '?' in path else '?'}lang={lang}")
    wait_for_dash(page)
    problems = {}
    for paper, window in PRINTS:
        words, sizes, text, charts, expected, pdf = printed(page, paper, window, tmp_path)
        # Every bordered box keeps both sides on paper.
        found = one_sided_boxes(pdf, tmp_path)
        # Nothing runs into a page's margins (or off the page).
        across, down = MARGINS
        found += [
            f"off the paper: {word.text} (page {word.page + 1})"
            for word in words
            if word.left < across - 1
            or word.right > sizes[word.page][0] - across + 1
            or word.top < down - 1
            or word.bottom > sizes[word.page][1] - down + 1
        ]
        # No word covers another.
        found += [f"covers: {pair}" for pair in overlapping(words)]
        # Every line each chart draws is on paper, all on one page.
        for chart, lines in zip(charts, expected, strict=True):
            pages = [
                {number for number, on in enumerate(text) if squeezed(line).replace("…", "") in on}
                for line in lines
            ]
            found += [
                f"not printed: {chart} {line}"
                for line, on in zip(lines, pages, strict=True)
                if not on
            ]
            if lines and all(pages) and not set.intersection(*pages):
                found.append(f"split across pages: {chart}")
        if found:
            problems[f"{paper} from {window or 'paper width'}"] = found[:8]
        if path != "/about":
            assert charts and sum(len(lines) for lines in expected) > 20, (paper, window)
    assert problems == {}, "\n".join(f"{where}: {found}" for where, found in problems.items())
