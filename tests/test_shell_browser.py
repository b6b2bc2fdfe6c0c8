"""Browser tests of the shell: every page opens cleanly; filters live in the URL."""

from __future__ import annotations

import pytest
from conftest import wait_for_dash

from layouts.pages import PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", [page.path for page in PAGES])
def test_every_page_opens_without_errors_or_outside_requests(live_server, page, path):
    page.goto(live_server.url + path)
    wait_for_dash(page)
    assert page.watch.console_errors == []
    assert page.watch.page_errors == []
    assert page.watch.failed_responses == []
    assert page.watch.outside_requests == []
    assert "Demo data" in page.inner_text("#shell-demo-banner")


def test_bad_url_values_are_dropped_with_a_notice(live_server, page):
    page.goto(live_server.url + "/?region=WCA,ATLANTIS&from=1999-Q9&country=%3Cscript%3E")
    wait_for_dash(page)
    notice = page.inner_text("#shell-url-notice")
    assert "ATLANTIS" in notice and "1999-Q9" in notice and "<script>" in notice
    assert "region=WCA" in page.url and "ATLANTIS" not in page.url
    assert page.watch.page_errors == []
    assert page.locator("script:text('<script>')").count() == 0


def test_filters_carry_across_pages(live_server, page):
    page.goto(live_server.url + "/?action=RADA")
    wait_for_dash(page)
    page.click("#shell-nav-about-link")
    wait_for_dash(page)
    assert "/about" in page.url and "action=RADA" in page.url
    assert "RADA" in page.inner_text("#filter-action-dropdown")
