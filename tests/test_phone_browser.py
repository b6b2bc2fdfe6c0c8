"""Phones (390 x 844): every page fits the screen's width in both languages, and the map starts
above the fold with its toolbar clear of its title."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_fits_a_phone(live_server, phone, lang):
    ARTIFACTS.mkdir(exist_ok=True)
    for path in ("/", "/pillars", "/sustainability", "/about"):
        phone.goto(f"{live_server.url}{path}?lang={lang}")
        wait_for_dash(phone)
        phone.screenshot(path=str(ARTIFACTS / f"phone-{lang}{path.replace('/', '-')}.png"), full_page=True)
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path


def test_the_map_starts_above_the_fold_with_its_title_clear(live_server, phone):
    phone.goto(live_server.url + "/")
    wait_for_dash(phone)
    boxes = phone.evaluate("""() => {
        const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
        const map = document.querySelector('.map-figure .js-plotly-plot');
        const title = map.querySelector('.gtitle');
        const modebar = map.querySelector('.modebar-container');
        return {map: box(map), title: box(title), modebar: box(modebar)};
    }""")
    assert boxes["map"][1] < PHONE["height"] - 200  # at least 200 px of the map on the first screen
    title, modebar = boxes["title"], boxes["modebar"]
    assert modebar[3] <= title[1] or modebar[2] <= title[0] or modebar[0] >= title[2]
