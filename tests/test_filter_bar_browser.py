"""The filter bar at 1440 px: chosen quarters, status and a region read whole (not "Q…")."""

from __future__ import annotations

import pytest

from conftest import wait_for_dash

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_chosen_values_read_whole_at_1440(live_server, page, lang):
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{live_server.url}/pillars?region=WCA&status=ongoing&from=2019-Q3&to=2020-Q2&lang={lang}")
    wait_for_dash(page)
    values = page.evaluate("""() => [...document.querySelectorAll('#shell-filter-bar .dash-dropdown')]
        .map(dropdown => { const value = dropdown.querySelector('[class*=value]');
                           return [dropdown.id, value.textContent, value.scrollWidth <= value.clientWidth]; })""")
    chosen = {key: (text, fits) for key, text, fits in values}
    assert all(fits for _, fits in chosen.values()), chosen
    assert "2019" in chosen["filter-period-start-dropdown"][0] and "2020" in chosen["filter-period-end-dropdown"][0]
