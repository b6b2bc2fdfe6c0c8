"""French throughout the charts: plotly's toolbar (its locale, served by the app) and percentages
written as the bars write them ("20 %")."""

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
