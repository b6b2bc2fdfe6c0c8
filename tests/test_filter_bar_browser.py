"""The filter bar at 1440 and 1280 px: chosen quarters, status and regions read whole (not "Q…" or
"Afrique de l’Est…"), two chosen regions included."""

from __future__ import annotations

import pytest

from conftest import wait_for_dash

pytestmark = pytest.mark.browser

REGION_NAMES = {
    "en": ("East and Horn of Africa", "West and Central Africa"),
    "fr": ("Afrique de l’Est et Corne de l’Afrique", "Afrique centrale et de l’Ouest"),
}


@pytest.mark.parametrize("width", [1440, 1280])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_chosen_values_read_whole(live_server, page, lang, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(
        f"{live_server.url}/pillars?region=WCA,EHOA&status=ongoing&from=2019-Q3&to=2020-Q2&lang={lang}"
    )
    wait_for_dash(page)
    values = page.evaluate("""() => [...document.querySelectorAll('#shell-filter-bar .dash-dropdown')]
        .map(dropdown => { const value = dropdown.querySelector('[class*=value]');
                           return [dropdown.id, value.innerText,
                                   value.scrollWidth <= value.clientWidth
                                   && value.scrollHeight <= value.clientHeight
                                   && value.getBoundingClientRect().bottom
                                      <= dropdown.getBoundingClientRect().bottom]; })""")
    chosen = {key: (text, fits) for key, text, fits in values}
    assert all(fits for _, fits in chosen.values()), chosen
    assert (
        "2019" in chosen["filter-period-start-dropdown"][0]
        and "2020" in chosen["filter-period-end-dropdown"][0]
    )
    region_text = " ".join(chosen["filter-region-dropdown"][0].split())
    assert all(name in region_text for name in REGION_NAMES[lang]), region_text
