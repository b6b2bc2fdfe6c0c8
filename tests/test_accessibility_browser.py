"""axe-core (vendored in tests/vendor, MPL-2.0) finds no serious or critical violation on any page."""

from __future__ import annotations

import pytest
from browser_helpers import serious_violations

from dashboard.auth.roles import OPEN_VISITOR_PERMISSIONS
from dashboard.site import PAGES

from conftest import wait_for_dash

pytestmark = [pytest.mark.browser, pytest.mark.inject_scripts]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize(
    "path", [page.path for page in PAGES if page.permission in OPEN_VISITOR_PERMISSIONS]
)
def test_no_serious_accessibility_violation(live_server, page, path, lang):
    page.goto(f"{live_server.url}{path}?lang={lang}")
    wait_for_dash(page)
    assert serious_violations(page) == []
