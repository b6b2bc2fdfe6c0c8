"""French throughout the charts: plotly's toolbar (its locale, served by the app), percentages
written as the bars write them ("20 %"), and French punctuation that never starts a line (a
no-break space before ":", ";", "?", "!" and "»") on every page."""

from __future__ import annotations

import pytest

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

TOOLTIPS_JS = "id => [...document.querySelectorAll(`#${id} .modebar-btn`)].map(b => b.getAttribute('data-title'))"
TICKS_JS = "id => [...document.querySelectorAll(`#${id} .xtick text`)].map(t => t.textContent)"


@pytest.mark.parametrize(
    ("lang", "autoscale", "percent"),
    [("fr", "Échelle automatique", "20\u202f%"), ("en", "Autoscale", "20%")],
)
def test_toolbar_and_percentages_follow_the_language(live_server, page, lang, autoscale, percent):
    page.goto(f"{live_server.url}/sustainability?lang={lang}")
    wait_for_dash(page)
    assert autoscale in page.evaluate(TOOLTIPS_JS, "sustainability-share-graph")
    assert percent in page.evaluate(TICKS_JS, "sustainability-share-graph")
    assert page.watch.outside_requests == [] and page.watch.console_errors == []


# Text of the page (HTML and the charts' SVG, hover boxes aside) where a line could start with
# ":", ";", "?", "!" or "»", or end with "«": a breakable space there (code samples aside).
LOOSE_PUNCTUATION_JS = r"""
() => { const found = []; const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) { const node = walk.currentNode;
        if (node.parentElement.closest('script, style, code, pre, .hoverlayer')) { continue; }
        if (/[ \t\n][:;?!»]|«[ \t\n]/.test(node.nodeValue)) { found.push(node.nodeValue.trim().slice(0, 80)); } }
    return found; }
"""


@pytest.mark.parametrize(
    "path", ["/?colour=eutf&measure=returns&profile=MLI", "/pillars", "/sustainability", "/about"]
)
def test_french_punctuation_keeps_its_word_on_every_page(live_server, page, path):
    page.goto(f"{live_server.url}{path}{'&' if '?' in path else '?'}lang=fr")
    wait_for_dash(page)
    assert page.evaluate(LOOSE_PUNCTUATION_JS) == []
