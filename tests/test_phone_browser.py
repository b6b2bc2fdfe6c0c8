"""Every page fits the screen's width (no sideways scrolling) on a phone (390 x 844) in both
languages and on laptops (1280 and 1400 px) in French, the longer labels; and on a phone the map
starts above the fold with its toolbar clear of its title."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LAPTOPS = ({"width": 1280, "height": 800}, {"width": 1400, "height": 900})
PAGES = ("/", "/pillars", "/sustainability", "/about")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture()
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_fits_a_phone(live_server, phone, lang):
    ARTIFACTS.mkdir(exist_ok=True)
    for path in PAGES:
        phone.goto(f"{live_server.url}{path}?lang={lang}")
        wait_for_dash(phone)
        phone.screenshot(
            path=str(ARTIFACTS / f"phone-{lang}{path.replace('/', '-')}.png"), full_page=True
        )
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path


@pytest.mark.parametrize("viewport", LAPTOPS, ids=lambda viewport: f"{viewport['width']}px")
def test_every_page_fits_a_laptop_in_french(live_server, browser, viewport):
    context = browser.new_context(viewport=viewport)
    laptop = context.new_page()
    for path in PAGES:
        laptop.goto(f"{live_server.url}{path}?lang=fr")
        wait_for_dash(laptop)
        assert laptop.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
        # The menu bar keeps every page link on one line beside the title.
        tops = laptop.evaluate(
            "[...document.querySelectorAll('#shell-nav-links .nav-link')]"
            ".filter(link => link.offsetParent).map(link => link.getBoundingClientRect().top)"
        )
        assert len(set(tops)) == 1, path
    context.close()


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
