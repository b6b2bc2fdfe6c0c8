"""The map page's printable brief on A4 and US Letter, in English and French, read from the PDF
Chromium makes with print media, from a window at the paper's width (as a printer lays the page
out) and from a wide window (a desktop's, as ``page.pdf`` prints it): every text of the map and
the profile's EUTF chart is on paper (nothing clipped at an edge), no word runs into a page's
margins or covers another, the profile's heading starts its page with what follows it, and
neither internal file names nor screen instructions ("hover over a country") are printed.

Text boxes come from ``pdftotext -bbox`` (poppler-utils; ``make test`` installs it)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

# CSS pixels inside the margins of assets/30-print.css (12 mm each side) at 96 per inch; the
# margins themselves in PDF points (left and right, top and bottom).
PAPER_WIDTHS = {"A4": round((210 - 24) / 25.4 * 96), "Letter": round((215.9 - 24) / 25.4 * 96)}
MARGINS = (12 / 25.4 * 72, 14 / 25.4 * 72)
WINDOWS = {"paper-width": None, "wide-window": 1440}
CHARTS = ("#map-countries-graph .js-plotly-plot", "#map-eutf-results-graph .js-plotly-plot")
# The disclaimer's first words, its last words, and the short form it once also had.
DISCLAIMER_PHRASES = {
    "en": ("This map is for illustration", "acceptance by the International", "acceptance by IOM"),
    "fr": (
        "Cette carte est présentée",
        "aucune prise de position officielle",
        "figurant sur cette carte",
    ),
}
# Never on paper: internal file names, and what to do with a mouse.
NOT_PRINTED = re.compile(r"\.txt\b|004_|000_19|hover|survol|click|cliquez", re.IGNORECASE)
WORD = re.compile(
    r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)</word>'
)
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
# Every line of every SVG text of each chart (plotly writes a line as a tspan.line).
CHART_TEXTS_JS = """
(selectors) => selectors.map(selector => [...document.querySelectorAll(selector + ' svg text')]
    .filter(el => !el.closest('.hoverlayer'))
    .flatMap(el => { const lines = [...el.querySelectorAll('tspan.line')];
                     return (lines.length ? lines : [el]).map(line => line.textContent.trim()); })
    .filter(text => text !== ''))
"""


# Each chart no wider than the paper's content, and inside the box the page gives it.
FITTED_JS = """
(selectors) => selectors.every(selector => {
    const plot = document.querySelector(selector);
    const svg = plot && plot.querySelector('.main-svg');
    if (!svg) { return false; }
    const drawn = svg.getBoundingClientRect(), box = plot.closest('.dash-graph').getBoundingClientRect();
    return drawn.width <= 681 && drawn.bottom <= box.bottom + 1 && drawn.right <= box.right + 1;
})
"""


@dataclass(frozen=True)
class Word:
    page: int
    left: float
    top: float
    right: float
    bottom: float
    text: str


def pdf_words(pdf: bytes, tmp_path: Path) -> tuple[list[Word], list[tuple[float, float]]]:
    """The words of a PDF with their boxes (points), in reading order, and each page's size."""
    source, target = tmp_path / "brief.pdf", tmp_path / "brief.html"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftotext", "-bbox", str(source), str(target)], check=True, capture_output=True
    )
    words, sizes = [], []
    for number, (width, height, body) in enumerate(
        PAGE.findall(target.read_text(encoding="utf-8"))
    ):
        sizes.append((float(width), float(height)))
        for left, top, right, bottom, text in WORD.findall(body):
            text = (
                text.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", '"')
            )
            words.append(Word(number, float(left), float(top), float(right), float(bottom), text))
    return words, sizes


def squeezed(text: str) -> str:
    """Text without any kind of space, for comparing a chart's line with the PDF's words."""
    return "".join(char for char in unicodedata.normalize("NFC", text) if not char.isspace())


def overlapping(words: list[Word]) -> list[str]:
    """Pairs of words on one page whose boxes cover each other (more than a third of the smaller)."""
    found = []
    for index, first in enumerate(words):
        for second in words[index + 1 :]:
            if second.page != first.page or second.top > first.bottom:
                continue
            width = min(first.right, second.right) - max(first.left, second.left)
            height = min(first.bottom, second.bottom) - max(first.top, second.top)
            smaller = min(
                (first.right - first.left) * (first.bottom - first.top),
                (second.right - second.left) * (second.bottom - second.top),
            )
            if width > 0 and height > 0 and width * height > smaller / 3:
                found.append(f"{first.text} / {second.text} (page {first.page + 1})")
    return found


@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("paper", PAPER_WIDTHS)
def test_the_map_brief_prints_whole_on_a4_and_letter(
    live_server, page, tmp_path, paper, lang, window
):
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext not found: install poppler-utils (make test does)")
    page.set_viewport_size({"width": WINDOWS[window] or 1280, "height": 900})
    page.goto(f"{live_server.url}/?colour=eutf&measure=institutions&profile=MLI&lang={lang}")
    wait_for_dash(page)
    page.wait_for_function(
        "(selectors) => selectors.every(s => document.querySelector(s)?.querySelector('.main-svg'))",
        arg=list(CHARTS),
    )
    page.emulate_media(media="print")
    if WINDOWS[window] is None:
        page.set_viewport_size({"width": PAPER_WIDTHS[paper], "height": 1000})
    wait_for_dash(page)
    # The charts redraw for paper and assets/print.js scales them: wait until each fits its box.
    page.wait_for_function(FITTED_JS, arg=list(CHARTS))
    page.wait_for_timeout(300)
    page.wait_for_function(FITTED_JS, arg=list(CHARTS))
    expected = page.evaluate(CHART_TEXTS_JS, list(CHARTS))
    words, sizes = pdf_words(page.pdf(format=paper, print_background=True), tmp_path)

    assert len(sizes) >= 2 and sum(len(texts) for texts in expected) > 40
    # Nothing runs into a page's margins (or off the page).
    across, down = MARGINS
    off = [
        word.text
        for word in words
        if word.left < across - 1
        or word.right > sizes[word.page][0] - across + 1
        or word.top < down - 1
        or word.bottom > sizes[word.page][1] - down + 1
    ]
    assert off == []
    # No word covers another.
    assert overlapping(words) == []
    # Every line each chart draws is on paper (a chart wider than the paper loses what sticks out),
    # all on one page (a chart split across two pages leaves its legend alone on the second).
    printed = [
        squeezed("".join(word.text for word in words if word.page == number))
        for number in range(len(sizes))
    ]
    for chart, texts in zip(CHARTS, expected, strict=True):
        pages = [
            {
                number
                for number, text in enumerate(printed)
                if squeezed(line).replace("…", "") in text
            }
            for line in texts
        ]
        assert [line for line, found in zip(texts, pages, strict=True) if not found] == [], chart
        assert set.intersection(*pages), (chart, pages)
    # The profile's heading (the country) starts its page with its first fact: no empty box.
    texts = [word.text for word in words]
    heading = next(
        index
        for index in range(len(texts) - 1)
        if texts[index] == "Mali" and texts[index + 1] == "Action"
    )
    assert words[heading].page == words[heading + 1].page
    # Neither the seeds' internal file names nor screen instructions.
    assert NOT_PRINTED.findall(" ".join(texts)) == []
    # The map's disclaimer once, in the source page's wording (the map draws it), nowhere else.
    whole = "".join(printed)
    assert [whole.count(squeezed(phrase)) for phrase in DISCLAIMER_PHRASES[lang]] == [1, 1, 0]
