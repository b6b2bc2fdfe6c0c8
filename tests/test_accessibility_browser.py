"""axe-core (vendored in tests/vendor, MPL-2.0) finds no serious or critical violation on any page."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.auth.roles import OPEN_VISITOR_PERMISSIONS
from layouts.pages import PAGES

from conftest import wait_for_dash

pytestmark = [pytest.mark.browser, pytest.mark.inject_scripts]

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"


def serious_violations(page) -> list[str]:
    """Run axe on the page; describe each serious or critical violation with its first targets."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("path", [page.path for page in PAGES if page.permission in OPEN_VISITOR_PERMISSIONS])
def test_no_serious_accessibility_violation(live_server, page, path, lang):
    page.goto(f"{live_server.url}{path}?lang={lang}")
    wait_for_dash(page)
    assert serious_violations(page) == []
