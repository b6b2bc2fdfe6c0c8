"""HTML attributes whose names are not Python names (``aria-*``, ``data-*``), for Dash components."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def attributes(values: Mapping[str, object]) -> dict[str, Any]:
    """The attributes as keyword arguments: ``html.Div(..., **attributes({"aria-live": "polite"}))``.

    A bare ``**{"aria-live": "polite"}`` would be checked against every typed keyword of the
    component (``hidden``, ``tabIndex``...); these names are none of those.
    """
    return dict(values)
