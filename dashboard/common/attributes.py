"""Typing help for Dash components: attributes whose names are not Python names (``aria-*``,
``data-*``), and what a component takes as children."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from dash.development.base_component import Component


def attributes(values: Mapping[str, object]) -> dict[str, Any]:
    """The attributes as keyword arguments: ``html.Div(..., **attributes({"aria-live": "polite"}))``.

    A bare ``**{"aria-live": "polite"}`` would be checked against every typed keyword of the
    component (``hidden``, ``tabIndex``...); these names are none of those.
    """
    return dict(values)


# What a Dash component takes as children (the typed components' own annotation).
Child = str | int | float | Component | None
Children = Child | Sequence[Child]
