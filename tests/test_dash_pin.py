"""The app pins Dash 4.1.0 to stay off a renderer regression; this test says when to look again.

Dash 4.2.0 to 4.4.1 rebuild and remount a subtree returned as ``children``, each component firing
its own store update (plotly/dash #3570, reported in #3846). The fixes (#3881, #3929) were merged
after 4.4.1. Measured on this app (``benchmarks/README.md``), /pillars redraws in half the time
under 4.1.0. Once a release newer than 4.4.1 exists it should carry the fixes: this test then
fails, asking to measure it with ``make bench-browser`` and take it if it is as fast.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from importlib.metadata import version
from pathlib import Path

import pytest

PINNED = "4.1.0"
LAST_WITH_THE_REGRESSION = (4, 4, 1)
INDEX = "https://pypi.org/pypi/dash/json"
ROOT = Path(__file__).resolve().parent.parent


def release(text: str) -> tuple[int, ...] | None:
    """``(major, minor, patch)`` of a final release ("4.5.0"), None for a pre-release ("4.5.0rc1")."""
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", text)
    return tuple(int(part) for part in match.groups()) if match else None


def published_versions() -> list[str]:
    """Every Dash version the package index lists (PyPI's JSON API, else pip's configured index)."""
    try:
        with urllib.request.urlopen(INDEX, timeout=10) as answer:  # noqa: S310 (a fixed https URL)
            return list(json.load(answer)["releases"])
    except (urllib.error.URLError, OSError, ValueError, KeyError):
        pass
    import subprocess
    import sys

    try:
        listed = subprocess.run(
            [sys.executable, "-m", "pip", "index", "versions", "dash"],
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    found = re.search(r"Available versions:\s*(.+)", listed)
    return [item.strip() for item in found.group(1).split(",")] if found else []


def test_the_installed_dash_is_the_pinned_one():
    assert version("dash") == PINNED
    assert f'"dash=={PINNED}"' in (ROOT / "pyproject.toml").read_text()


def test_no_dash_release_with_the_renderer_fix_exists_yet():
    versions = published_versions()
    if not versions:
        pytest.skip(
            "the package index is unreachable (offline): cannot tell whether a newer Dash exists"
        )
    newer = sorted(
        found for found in map(release, versions) if found and found > LAST_WITH_THE_REGRESSION
    )
    assert not newer, (
        f"Dash {'.'.join(map(str, newer[-1]))} is out, newer than 4.4.1, the last release with the renderer "
        f"regression (plotly/dash #3570; fixes #3881, #3929): re-measure and take it — install it, run "
        f'`make bench-browser BROWSER_ARGS="--before-python <venv with dash {PINNED}>/bin/python"` and '
        f"move the pin in pyproject.toml (and PINNED here) if it draws every page at least as fast and the "
        f"whole suite passes"
    )
